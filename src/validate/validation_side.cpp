#include "validate/validation_side.h"

#include <algorithm>
#include <stdexcept>

namespace orashift {

namespace {

UInt128 parse_uint128(const std::optional<std::string>& s) {
  UInt128 v = 0;
  if (!s) return 0;
  for (char c : *s) {
    if (c < '0' || c > '9') throw std::runtime_error("validation: not a checksum: " + *s);
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  return v;
}

uint64_t parse_u64(const std::optional<std::string>& s) { return s ? std::stoull(*s) : 0; }

class SqlSide : public ValidationSide {
public:
  SqlSide(QueryFn query, std::string dialect, std::string table_sql, std::vector<std::string> column_sql, TableShape shape,
          const std::string& where_sql)
      : query_(std::move(query)), dialect_(std::move(dialect)), table_sql_(std::move(table_sql)) {
    if (!where_sql.empty()) table_sql_ += " WHERE " + where_sql;
    const std::string sep = " || chr(31) || ";
    for (size_t i = 0; i < shape.columns.size(); ++i)
      row_sql_ += (i ? sep : "") + canonical_value_sql(dialect_, column_sql.at(i), shape.columns[i]);
    for (size_t i = 0; i < shape.key.size(); ++i)
      key_sql_ += (i ? sep : "") + canonical_value_sql(dialect_, column_sql.at(shape.key[i]), shape.columns[shape.key[i]]);
  }

  uint64_t row_count_hint() override {
    return parse_u64(query_("SELECT count(*) FROM " + table_sql_).rows.at(0).at(0));  // table_sql_ holds any WHERE
  }

  SideDigest digest(uint64_t n) override {
    const std::string p = std::to_string(n);
    QueryResult r = query_("SELECT p, count(*), sum(h) FROM (SELECT " + hash60_sql(dialect_, key_sql_) + " % " + p +
                           " AS p, " + hash60_sql(dialect_, row_sql_) + " AS h FROM " + table_sql_ + ") s GROUP BY p");
    SideDigest d;
    d.partitions.resize(n);
    for (const auto& row : r.rows) {
      uint64_t at = parse_u64(row.at(0));
      if (at >= n) throw std::runtime_error("validation: partition out of range");
      d.partitions[at] = {parse_u64(row.at(1)), parse_uint128(row.at(2))};
      d.rows += d.partitions[at].rows;
    }
    return d;
  }

  RowImages rows_of(const std::vector<uint64_t>& partitions, uint64_t n) override {
    std::string list;
    for (uint64_t p : partitions) list += (list.empty() ? "" : ", ") + std::to_string(p);
    QueryResult r = query_("SELECT k, r FROM (SELECT " + key_sql_ + " AS k, " + row_sql_ + " AS r FROM " + table_sql_ +
                           ") s WHERE " + hash60_sql(dialect_, "k") + " % " + std::to_string(n) + " IN (" + list + ")");
    RowImages out;
    for (auto& row : r.rows) out[row.at(0).value_or("")].push_back(row.at(1).value_or(""));
    return out;
  }

private:
  QueryFn query_;
  std::string dialect_, table_sql_, row_sql_, key_sql_;
};

class CountingSink : public RejectSink {
public:
  void reject(Reject) override { ++count; }
  uint64_t count = 0;
};

class StreamSide : public ValidationSide {
public:
  StreamSide(const SourceEndpoint& source, const Table& table, std::vector<LoadUnit> units, TableShape shape,
             RowFilter filter)
      : source_(source), table_(table), units_(std::move(units)), shape_(std::move(shape)), filter_(std::move(filter)) {}

  uint64_t row_count_hint() override {
    auto est = source_.row_estimates();
    auto it = est.find(table_.name);
    return it == est.end() ? 0 : it->second;
  }

  SideDigest digest(uint64_t n) override {
    SideDigest d;
    d.partitions.resize(n);
    d.unreadable = scan([&](const std::string& key, const std::string& row) {
      PartitionDigest& p = d.partitions[partition_of(key, n)];
      ++p.rows;
      p.hash_sum += hash60(row);
      ++d.rows;
    });
    return d;
  }

  RowImages rows_of(const std::vector<uint64_t>& partitions, uint64_t n) override {
    RowImages out;
    scan([&](const std::string& key, const std::string& row) {
      if (std::find(partitions.begin(), partitions.end(), partition_of(key, n)) != partitions.end())
        out[key].push_back(row);
    });
    return out;
  }

private:
  // Calls `each(key_text, row_text)` for every row the reader delivers; returns rows refused.
  template <class Each>
  uint64_t scan(Each&& each) {
    std::vector<LoadColumn> columns = load_columns_for(table_);
    CountingSink refused;
    Batch batch;
    batch.columns.resize(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      batch.columns[c].kind = columns[c].kind;
      batch.columns[c].scale = columns[c].scale;
    }
    std::string key, row;
    for (const LoadUnit& unit : units_) {
      std::unique_ptr<TableReader> reader = source_.open(unit, columns, refused);
      bool more = true;
      while (more) {
        more = reader->next(batch, 16384);
        for (size_t r = 0; r < batch.rows(); ++r) {
          if (!filter_.keep(batch, r)) continue;
          key.clear();
          row.clear();
          for (size_t c = 0; c < columns.size(); ++c) {
            if (c) row.push_back(kCanonicalSeparator);
            append_canonical_value(row, batch.columns[c], r, shape_.columns[c]);
          }
          for (size_t i = 0; i < shape_.key.size(); ++i) {
            if (i) key.push_back(kCanonicalSeparator);
            append_canonical_value(key, batch.columns[shape_.key[i]], r, shape_.columns[shape_.key[i]]);
          }
          each(key, row);
        }
      }
    }
    return refused.count;
  }

  const SourceEndpoint& source_;
  const Table& table_;
  std::vector<LoadUnit> units_;
  TableShape shape_;
  RowFilter filter_;
};

}  // namespace

std::string uint128_text(UInt128 v) {
  std::string s;
  do {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v);
  std::reverse(s.begin(), s.end());
  return s;
}

std::unique_ptr<ValidationSide> make_sql_side(QueryFn query, std::string dialect, std::string table_sql,
                                              std::vector<std::string> column_sql, TableShape shape,
                                              std::string where_sql) {
  return std::make_unique<SqlSide>(std::move(query), std::move(dialect), std::move(table_sql), std::move(column_sql),
                                   std::move(shape), where_sql);
}

std::unique_ptr<ValidationSide> make_stream_side(const SourceEndpoint& source, const Table& table,
                                                 std::vector<LoadUnit> units, TableShape shape, RowFilter filter) {
  return std::make_unique<StreamSide>(source, table, std::move(units), std::move(shape), std::move(filter));
}

}  // namespace orashift
