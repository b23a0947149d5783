#pragma once
// Copies of the batches a writer's open transaction holds, kept so that a refused (or lost)
// transaction can be redone batch by batch, each with its own source and reject sink. write()'s
// batch is the caller's and is reused, hence the copies; the slots are reused from one
// transaction to the next, so holding costs a copy of the values and no allocation once warm.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "load/batch.h"
#include "load/endpoint.h"

namespace orashift {

class HeldBatches {
public:
  struct Held {
    Batch batch;
    std::vector<uint32_t> rows;  // the rows of `batch` the transaction holds
    std::string source;
    RejectSink* rejects = nullptr;
  };

  void hold(const Batch& batch, const uint32_t* rows, size_t n, RejectSink& rejects, const std::string& source) {
    if (count_ == slots_.size()) slots_.emplace_back();
    Held& h = slots_[count_++];
    h.batch = batch;  // reuses the slot's capacity
    h.rows.assign(rows, rows + n);
    h.source = source;
    h.rejects = &rejects;
    bytes_ += h.batch.data_bytes();
  }
  void clear() {
    count_ = 0;
    bytes_ = 0;
  }
  size_t bytes() const { return bytes_; }  // data_bytes() of the held copies
  Held* begin() { return slots_.data(); }
  Held* end() { return slots_.data() + count_; }

private:
  std::vector<Held> slots_;  // the first count_ are in use
  size_t count_ = 0;
  size_t bytes_ = 0;
};

}  // namespace orashift
