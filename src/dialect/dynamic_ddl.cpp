#include "dialect/dynamic_ddl.h"

#include <string_view>

#include "convert/ddl_loader.h"
#include "dialect/ddl_generator.h"

namespace orashift {

std::optional<plsql::SchemaDdl> dynamic_ddl(const std::string& oracle_create, Dialect dialect,
                                            const TypeMappingSettings& types) {
  DdlLoad load = load_ddl_texts({{"<dynamic SQL>", oracle_create + "\n;\n"}});
  const Catalog& c = load.catalog;
  bool one_table = c.tables.size() == 1 && !c.tables[0].columns.empty() && c.sequences.empty();
  bool one_sequence = c.sequences.size() == 1 && c.tables.empty();
  if (load.statements != 1 || load.statements_failed != 0 || load.statements_ignored != 0 ||
      load.diagnostics.error_count() != 0 || !(one_table || one_sequence))
    return std::nullopt;
  ConvertOptions options;
  options.dialect = dialect;
  options.types = types;
  ActionItems items;  // located in the temporary text: the caller reports them at the EXECUTE
  ConvertedSchema schema = generate_ddl(load.catalog, options, items);
  if (!schema.flagged.empty() || schema.objects.empty()) return std::nullopt;
  plsql::SchemaDdl out;
  for (const auto& i : items.items()) out.items.emplace_back(std::string(i.kind->code), i.message);
  // The statements without the generator's comment lines (its reasons, for a reader of the
  // script): the text runs as one EXECUTE string.
  std::string& sql = out.sql;
  for (const auto& o : schema.objects) {
    if (!o.flagged_code.empty()) return std::nullopt;
    for (size_t at = 0; at < o.sql.size();) {
      size_t end = o.sql.find('\n', at);
      if (end == std::string::npos) end = o.sql.size();
      std::string_view line(o.sql.data() + at, end - at);
      size_t first = line.find_first_not_of(' ');
      bool comment = first != std::string_view::npos && line.substr(first, 2) == "--";
      if (!comment) sql.append(line).push_back('\n');
      at = end + 1;
    }
  }
  return out;
}

}  // namespace orashift
