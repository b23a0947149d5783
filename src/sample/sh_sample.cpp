#include "sample/sh_sample.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "common/decimal.h"
#include "sample/sh_generate.h"
#include "sample/sh_spec.h"
#include "sample/sh_text.h"

namespace orashift {
namespace fs = std::filesystem;
using namespace sample;

namespace {

uint64_t write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return text.size();
}

std::string cents(int64_t v) { return format_decimal(static_cast<Int128>(v), 2); }

std::string expected_json(const ShSampleOptions& options, const ShSampleSummary& summary,
                          const std::vector<ChannelTotal>& totals) {
  nlohmann::ordered_json j;
  j["generator"] = "orashift sample sh";
  j["format_version"] = 1;
  j["seed"] = options.seed;
  j["scale"] = options.scale;
  auto& counts = j["row_counts"] = nlohmann::ordered_json::object();
  for (const auto& [table, rows] : summary.table_rows) counts[table] = rows;
  // What the walkthrough's verification join returns: SALES joined to CHANNELS, grouped by CHANNEL_DESC.
  auto& by_channel = j["sales_by_channel"] = nlohmann::ordered_json::object();
  int64_t all = 0;
  for (size_t i = 0; i < totals.size(); ++i) {
    const Channel& c = sh_channels()[i];
    by_channel[std::string(c.desc)] = {
        {"channel_id", c.id}, {"rows", totals[i].rows}, {"amount_sold", cents(totals[i].amount_cents)}};
    all += totals[i].amount_cents;
  }
  j["sales_total"] = {{"rows", summary.sales_rows}, {"amount_sold", cents(all)}};
  return j.dump(2) + "\n";
}

}  // namespace

ShSampleSummary write_sh_sample(const ShSampleOptions& options) {
  const ShSizes sizes = ShSizes::for_scale(options.scale);
  if (options.out_dir.empty()) throw std::runtime_error("sample: no output directory");
  const fs::path dir(options.out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw std::runtime_error("cannot create directory " + dir.string());

  ShSampleSummary summary;
  summary.bytes += write_text(dir / "sh_schema.sql", sh_schema_sql());

  ShKeys keys;
  std::vector<ChannelTotal> totals;
  const uint64_t seed = options.seed;
  for (const ShTable& table : sh_tables()) {
    const std::string base(table.file);
    summary.bytes += write_text(dir / (base + ".ctl"), sh_control_file(table));
    DatWriter out((dir / (base + ".dat")).string(), static_cast<int>(table.columns.size()));
    if (table.name == "CHANNELS") write_channels(out);
    else if (table.name == "COUNTRIES") write_countries(out, keys);
    else if (table.name == "CUSTOMERS") write_customers(out, seed, sizes.customers, keys);
    else if (table.name == "PRODUCTS") write_products(out, seed, keys);
    else if (table.name == "PROMOTIONS") write_promotions(out, seed, sizes.promotions, keys);
    else if (table.name == "TIMES") write_times(out);
    else if (table.name == "COSTS") write_costs(out, seed, sizes.costs, keys);
    else if (table.name == "SALES") totals = write_sales(out, seed, sizes.sales, keys);
    else throw std::logic_error("sample: no generator for " + std::string(table.name));
    out.close();
    summary.table_rows.emplace_back(std::string(table.name), out.rows());
    summary.total_rows += out.rows();
    summary.bytes += out.bytes();
    if (table.name == "SALES") summary.sales_rows = out.rows();
  }
  summary.bytes += write_text(dir / "expected.json", expected_json(options, summary, totals));
  return summary;
}

}  // namespace orashift
