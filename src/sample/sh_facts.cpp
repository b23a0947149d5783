#include <stdexcept>

#include "sample/sh_calendar.h"
#include "sample/sh_generate.h"
#include "sample/sh_prng.h"

namespace orashift::sample {
namespace {

size_t pick_channel(Prng& rng) {
  const auto& channels = sh_channels();
  uint64_t roll = rng.below(100);
  for (size_t i = 0; i < channels.size(); ++i) {
    if (roll < channels[i].weight) return i;
    roll -= channels[i].weight;
  }
  return channels.size() - 1;
}

int64_t pick_promo(Prng& rng, const ShKeys& keys, unsigned promoted_percent) {
  if (keys.promo_ids.empty() || !rng.percent(promoted_percent)) return kNoPromotion;
  return keys.promo_ids[rng.below(keys.promo_ids.size())];
}

void check_keys(const ShKeys& keys) {
  if (keys.product_ids.empty() || keys.customers == 0)
    throw std::logic_error("sample: dimensions must be written before the facts");
}

}  // namespace

std::vector<ChannelTotal> write_sales(DatWriter& out, uint64_t seed, uint64_t count, const ShKeys& keys) {
  check_keys(keys);
  Prng rng(seed, kSalesStream);
  const auto& channels = sh_channels();
  std::vector<ChannelTotal> totals(channels.size());
  for (size_t c = 0; c < channels.size(); ++c) totals[c].channel_id = channels[c].id;
  const int64_t first_day = first_times_day();
  const auto days = static_cast<uint64_t>(times_day_count());

  for (uint64_t r = 0; r < count; ++r) {
    // The first rows visit every channel, so each one has sales even in the smallest sample.
    const size_t channel = r < channels.size() ? r : pick_channel(rng);
    const size_t product = rng.below(keys.product_ids.size());
    const uint64_t customer = rng.below(keys.customers);
    const int64_t day = first_day + static_cast<int64_t>(rng.below(days));
    const int64_t promo = pick_promo(rng, keys, 15);
    // Quantity in hundredths: mostly one unit, some several, a few fractional (sold by weight).
    const uint64_t q = rng.below(100);
    const int64_t quantity = q < 88 ? 100 : q < 96 ? rng.between(2, 4) * 100 : rng.between(1, 9) * 50 + 25;
    // Integer cents throughout: the exact totals in expected.json depend on it.
    int64_t amount = keys.product_price_cents[product] * quantity / 100;
    amount = amount * (100 - rng.between(0, 15)) / 100;
    if (amount < 1) amount = 1;

    out.integer(keys.product_ids[product]);
    out.integer(customer_id(customer));
    out.date(day);
    out.integer(channels[channel].id);
    out.integer(promo);
    out.decimal_trim(quantity, 2);
    out.decimal(amount, 2);
    out.end_row();
    totals[channel].rows += 1;
    totals[channel].amount_cents += amount;
  }
  return totals;
}

void write_costs(DatWriter& out, uint64_t seed, uint64_t count, const ShKeys& keys) {
  check_keys(keys);
  Prng rng(seed, kCostsStream);
  const auto& channels = sh_channels();
  const int64_t first_day = first_times_day();
  const auto days = static_cast<uint64_t>(times_day_count());
  for (uint64_t r = 0; r < count; ++r) {
    const size_t product = rng.below(keys.product_ids.size());
    const int64_t day = first_day + static_cast<int64_t>(rng.below(days));
    const int64_t promo = pick_promo(rng, keys, 10);
    const size_t channel = pick_channel(rng);
    const int64_t price = keys.product_price_cents[product] * rng.between(90, 110) / 100;
    const int64_t cost = price * rng.between(55, 80) / 100;

    out.integer(keys.product_ids[product]);
    out.datetime(day, 0);
    out.integer(promo);
    out.integer(channels[channel].id);
    out.decimal(cost, 2);
    out.decimal(price, 2);
    out.end_row();
  }
}

}  // namespace orashift::sample
