#include "validate/verify.h"

#include <fmt/format.h>

#include <map>

#include "common/decimal.h"
#include "common/naming.h"

namespace orashift {

namespace {

// Discards rejects: the load already recorded them; verification re-reads only to aggregate.
class NullRejects : public RejectSink {
public:
  void reject(Reject) override {}
};

// Streams one table's source rows, calling fn(batch) for each batch.
template <typename Fn>
void scan_source(const SourceEndpoint& source, const std::vector<LoadUnit>& units, const std::string& table,
                 const std::vector<LoadColumn>& cols, Fn fn) {
  NullRejects rejects;
  for (const auto& u : units) {
    if (u.table != table || u.missing) continue;
    auto reader = source.open(u, cols, rejects);
    Batch b;
    b.columns.resize(cols.size());
    for (size_t i = 0; i < cols.size(); ++i) {
      b.columns[i].kind = cols[i].kind;
      b.columns[i].scale = cols[i].scale;
    }
    bool more = true;
    while (more) {
      more = reader->next(b, 65536);
      fn(b);
    }
  }
}

std::string value_text(const ColumnVector& c, size_t row) {
  switch (c.kind) {
    case ValueKind::Int64: return std::to_string(c.ints[row]);
    case ValueKind::Decimal: return format_decimal(c.decimals[row], c.scale);
    case ValueKind::Text: return std::string(c.text(row));
    default: return "?";
  }
}

void check_channels(const SourceEndpoint& source, TargetEndpoint& target, const std::vector<LoadUnit>& units,
                    ChannelCheck& out) {
  const Catalog& cat = source.catalog();
  const Table* sales = cat.find_table("SALES");
  const Table* channels = cat.find_table("CHANNELS");
  if (!sales || !channels || !sales->find_column("CHANNEL_ID") || !sales->find_column("AMOUNT_SOLD") ||
      !channels->find_column("CHANNEL_ID") || !channels->find_column("CHANNEL_DESC")) {
    out.skipped_reason = "the schema has no SALES(CHANNEL_ID, AMOUNT_SOLD) and CHANNELS(CHANNEL_ID, CHANNEL_DESC)";
    return;
  }
  out.applicable = true;
  LoadColumn amount = load_column_for(*sales->find_column("AMOUNT_SOLD"));
  if (amount.kind == ValueKind::Int64) {  // sum exactly whatever the declared type
    amount.kind = ValueKind::Decimal;
    amount.scale = 0;
  }
  int scale = amount.scale;
  // Source side: CHANNEL_ID → description, then aggregate SALES rows (accepted rows only).
  std::map<std::string, std::string> desc_of;
  scan_source(source, units, "CHANNELS",
              {load_column_for(*channels->find_column("CHANNEL_ID")), load_column_for(*channels->find_column("CHANNEL_DESC"))},
              [&](const Batch& b) {
                for (size_t r = 0; r < b.rows(); ++r)
                  if (!b.columns[0].is_null(r)) desc_of[value_text(b.columns[0], r)] = value_text(b.columns[1], r);
              });
  struct Acc {
    uint64_t n = 0;
    Int128 sum = 0;
  };
  std::map<std::string, Acc> acc;
  scan_source(source, units, "SALES", {load_column_for(*sales->find_column("CHANNEL_ID")), amount}, [&](const Batch& b) {
    for (size_t r = 0; r < b.rows(); ++r) {
      if (b.columns[0].is_null(r)) continue;
      auto it = desc_of.find(value_text(b.columns[0], r));
      if (it == desc_of.end()) continue;  // inner join semantics, as the SQL below
      Acc& a = acc[it->second];
      ++a.n;
      if (!b.columns[1].is_null(r)) a.sum += b.columns[1].decimals[r];
    }
  });
  for (const auto& [ch, a] : acc) out.source.push_back({ch, a.n, format_decimal(a.sum, scale)});

  std::string sql = "SELECT c." + quote_ident("channel_desc") + ", COUNT(*), SUM(s." + quote_ident("amount_sold") +
                    ") FROM " + quote_ident("sales") + " s JOIN " + quote_ident("channels") + " c ON s." +
                    quote_ident("channel_id") + " = c." + quote_ident("channel_id") + " GROUP BY 1 ORDER BY 1";
  try {
    QueryResult r = target.query(sql);
    for (const auto& row : r.rows) {
      ChannelRow cr;
      cr.channel = row[0].value_or("");
      cr.sales = std::stoull(row[1].value_or("0"));
      // Normalise the target's text (e.g. "123.4" or "123.40") to the column's scale.
      Int128 v = 0;
      if (row[2] && parse_decimal(*row[2], scale, v) != DecimalParse::Ok) out.error = "cannot read SUM " + *row[2];
      cr.amount = format_decimal(v, scale);
      out.target.push_back(cr);
    }
  } catch (const std::exception& e) {
    out.error = e.what();
  }
}

}  // namespace

bool ChannelCheck::ok() const {
  if (!applicable) return true;
  if (!error.empty() || source.size() != target.size()) return false;
  for (size_t i = 0; i < source.size(); ++i)
    if (source[i].channel != target[i].channel || source[i].sales != target[i].sales || source[i].amount != target[i].amount)
      return false;
  return true;
}

bool Verification::ok() const {
  for (const auto& c : counts)
    if (!c.ok()) return false;
  return channels.ok();
}

Verification verify_load(const SourceEndpoint& source, TargetEndpoint& target, const std::vector<LoadUnit>& units,
                         const LoadReport& load) {
  Verification v;
  for (const auto& t : load.tables) {
    // A table the source has no definition of was never created: nothing to count (its data
    // is listed as missing, with the reason, in the load summary).
    if (!source.catalog().find_table(t.table) && t.rows_read == 0 && t.sources.empty()) continue;
    CountCheck c;
    c.table = t.table;
    c.source_rows = t.rows_read - t.rows_rejected - t.rows_filtered;
    try {
      QueryResult r = target.query("SELECT COUNT(*) FROM " + quote_ident(target_name(t.table)));
      c.target_rows = std::stoll(r.rows.at(0).at(0).value_or("-1"));
    } catch (const std::exception& e) {
      c.error = e.what();
    }
    v.counts.push_back(c);
  }
  check_channels(source, target, units, v.channels);
  return v;
}

std::string format_verification(const Verification& v) {
  std::string out = "verification: row counts\n";
  for (const auto& c : v.counts)
    out += fmt::format("  {:<28} source {:>10}  target {:>10}  {}\n", c.table, c.source_rows, c.target_rows,
                       c.ok() ? "ok" : "MISMATCH " + c.error);
  if (!v.channels.applicable) {
    out += "verification: channel check skipped: " + v.channels.skipped_reason + "\n";
    return out;
  }
  out += "verification: sales per channel (SALES ⋈ CHANNELS)\n";
  size_t n = std::max(v.channels.source.size(), v.channels.target.size());
  for (size_t i = 0; i < n; ++i) {
    const ChannelRow* s = i < v.channels.source.size() ? &v.channels.source[i] : nullptr;
    const ChannelRow* t = i < v.channels.target.size() ? &v.channels.target[i] : nullptr;
    bool same = s && t && s->channel == t->channel && s->sales == t->sales && s->amount == t->amount;
    out += fmt::format("  {:<16} source {:>9} {:>16}  target {:>9} {:>16}  {}\n", s ? s->channel : t->channel,
                       s ? std::to_string(s->sales) : "-", s ? s->amount : "-", t ? std::to_string(t->sales) : "-",
                       t ? t->amount : "-", same ? "ok" : "MISMATCH");
  }
  if (!v.channels.error.empty()) out += "  error: " + v.channels.error + "\n";
  return out;
}

}  // namespace orashift
