#pragma once
// A CREATE TABLE or CREATE SEQUENCE that PL/SQL runs as dynamic SQL (EXECUTE IMMEDIATE
// 'CREATE TABLE t (n NUMBER…)'), converted as the schema's own tables and sequences are: Oracle's
// types and sequence options mean nothing to the target, so the text kept as written would fail
// when it runs. Given to the PL/SQL walk through its Environment
// (convert/ sits below dialect/).
#include <optional>
#include <string>

#include "convert/plsql/schema_ddl.h"
#include "convert/type_mapping.h"

namespace orashift {

// The target's statements for one Oracle CREATE TABLE with a column list or one CREATE SEQUENCE,
// with the items converting it raised (what it dropped or changed, as for the schema's own
// objects), or nothing when the text is not that or some part of it is not converted at all.
std::optional<plsql::SchemaDdl> dynamic_ddl(const std::string& oracle_create, Dialect dialect,
                                            const TypeMappingSettings& types);

}  // namespace orashift
