#include "sample/sh_generate.h"

namespace orashift::sample {

// SH's five channels with SH's ids, so queries written against SH read the same here.
const std::vector<Channel>& sh_channels() {
  static const std::vector<Channel> channels = {
      {3, "Direct Sales", "Direct", 12, 30},   {9, "Tele Sales", "Direct", 12, 5},
      {5, "Catalog", "Indirect", 13, 10},      {4, "Internet", "Indirect", 13, 35},
      {2, "Partners", "Others", 14, 20},
  };
  return channels;
}

void write_channels(DatWriter& out) {
  for (const Channel& c : sh_channels()) {
    out.integer(c.id);
    out.text(c.desc);
    out.text(c.channel_class);
    out.integer(c.class_id);
    out.text("Channel total");
    out.integer(1);
    out.end_row();
  }
}

}  // namespace orashift::sample
