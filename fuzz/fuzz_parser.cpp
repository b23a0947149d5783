// libFuzzer entry point: tokenizer + script splitter + parser + printer on arbitrary bytes.
// Built only with -DORASHIFT_FUZZ=ON and clang (see scripts/fuzz).
#include "fuzz_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  orashift::fuzz::parse_bytes(data, size);
  return 0;
}
