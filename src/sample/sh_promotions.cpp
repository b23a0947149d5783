#include <string>

#include "sample/sh_calendar.h"
#include "sample/sh_generate.h"
#include "sample/sh_prng.h"

namespace orashift::sample {
namespace {

struct Medium {
  std::string_view category, subcategories[3];
};

const Medium kMedia[] = {
    {"TV", {"TV commercial", "TV sponsorship", "TV shopping"}},
    {"radio", {"radio spot", "radio contest", "radio sponsorship"}},
    {"newspaper", {"coupon", "insert", "advertisement"}},
    {"post", {"direct mail", "catalog flyer", "postcard"}},
    {"internet", {"banner", "e-mail", "search ad"}},
};

}  // namespace

void write_promotions(DatWriter& out, uint64_t seed, uint64_t count, ShKeys& keys) {
  Prng rng(seed, kPromotionsStream);
  const int64_t first_day = first_times_day();
  const uint64_t days = static_cast<uint64_t>(times_day_count());
  for (uint64_t i = 0; i + 1 < count; ++i) {
    const auto id = static_cast<int64_t>(i + 1);
    const size_t medium = rng.below(std::size(kMedia));
    const size_t sub = rng.below(3);
    const std::string n = " #" + std::to_string(id);
    // Hard cases by position: quotes and the delimiter, multibyte text, edge blanks.
    std::string name;
    switch (i % 7) {
      case 2: name = "\"Buy 2|Get 1\"" + n; break;
      case 4: name = "Été à Montréal" + n; break;
      case 6: name = " Spring Fling" + n + " "; break;
      default: name = std::string(kMedia[medium].subcategories[sub]) + " promo" + n;
    }
    out.integer(id);
    out.text(name);
    out.text(kMedia[medium].subcategories[sub]);
    out.integer(static_cast<int64_t>(100 + medium * 3 + sub));
    out.text(kMedia[medium].category);
    out.integer(static_cast<int64_t>(10 + medium));
    // NUMBER(10,2): mostly under 100,000, a few in the tens of millions.
    out.decimal(i % 7 == 3 ? rng.between(10'000'000'00, 99'999'999'99) : rng.between(0, 99'999'99), 2);
    // Times of day on purpose: a loader that keeps only the date gets these wrong.
    const int64_t begin = first_day + static_cast<int64_t>(rng.below(days));
    out.datetime(begin, static_cast<int>(rng.between(1, 86399)));
    out.datetime(begin + rng.between(30, 180), static_cast<int>(rng.between(1, 86399)));
    out.text("Promotion total");
    out.integer(1);
    out.end_row();
    keys.promo_ids.push_back(id);
  }
  // SH's row for sales without a promotion; its end date is Oracle's last day.
  out.integer(kNoPromotion);
  out.text("NO PROMOTION #");
  out.text("NO PROMOTION");
  out.integer(999);
  out.text("NO PROMOTION");
  out.integer(999);
  out.decimal(0, 2);
  out.datetime(first_day, 0);
  out.datetime(day_number(9999, 12, 31), 86399);
  out.text("Promotion total");
  out.integer(1);
  out.end_row();
}

}  // namespace orashift::sample
