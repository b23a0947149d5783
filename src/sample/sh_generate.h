#pragma once
// Row generators for the sample's tables, and the keys and totals they share.
#include <cstdint>
#include <string_view>
#include <vector>

#include "sample/dat_writer.h"

namespace orashift::sample {

struct ShSizes {
  uint64_t sales = 0, customers = 0, promotions = 0, costs = 0;
  static ShSizes for_scale(double scale);  // throws std::invalid_argument for a bad scale
};

struct Channel {
  int id;
  std::string_view desc, channel_class;
  int class_id;
  unsigned weight;  // percent of sales rows
};
const std::vector<Channel>& sh_channels();

inline constexpr int kNoPromotion = 999;

// What the fact tables draw their foreign keys from, filled in by the dimension generators.
struct ShKeys {
  std::vector<int64_t> product_ids;
  std::vector<int64_t> product_price_cents;
  std::vector<int64_t> country_ids;
  uint64_t customers = 0;
  std::vector<int64_t> promo_ids;  // every promotion but kNoPromotion
};

inline int64_t customer_id(uint64_t index) { return 100 + 3 * static_cast<int64_t>(index); }

struct ChannelTotal {
  int channel_id = 0;
  uint64_t rows = 0;
  int64_t amount_cents = 0;
};

void write_channels(DatWriter& out);
void write_countries(DatWriter& out, ShKeys& keys);
void write_customers(DatWriter& out, uint64_t seed, uint64_t count, ShKeys& keys);
void write_products(DatWriter& out, uint64_t seed, ShKeys& keys);
void write_promotions(DatWriter& out, uint64_t seed, uint64_t count, ShKeys& keys);
void write_times(DatWriter& out);
void write_costs(DatWriter& out, uint64_t seed, uint64_t count, const ShKeys& keys);
// Returns one total per channel, in sh_channels() order: the truth for expected.json.
std::vector<ChannelTotal> write_sales(DatWriter& out, uint64_t seed, uint64_t count, const ShKeys& keys);

// Each table draws from its own PRNG stream.
enum Stream : uint64_t { kCustomersStream = 1, kProductsStream, kPromotionsStream, kCostsStream, kSalesStream };

}  // namespace orashift::sample
