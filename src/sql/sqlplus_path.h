#pragma once
// SQL*Plus's rules for the file an `@`, `@@` or `START` command runs, shared by `orashift parse
// --follow-includes` and the oracle-files source:
//  * the name is the first word of the argument (quotes removed); a `;` after it is not part of
//    the name (`@schema/orders.tab;` runs schema/orders.tab);
//  * a name without an extension gets SQL*Plus's default SUFFIX, `.sql` (`@setup` → setup.sql);
//  * `@` and `START` look in the directory SQL*Plus was started in (for an installer: the main
//    script's folder); `@@` looks in the directory of the script holding the command.
// Found files are also looked up ignoring case (scripts written on Windows), and a name not found
// where SQL*Plus would look is tried in the other directory, since installers are run both ways.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace orashift::sql {

// The file name an @/@@/START argument names, with the default suffix added; "" when none.
std::string sqlplus_script_file_name(std::string_view argument);

// The file it runs, or nullopt when it is in neither directory.
std::optional<std::filesystem::path> resolve_sqlplus_script(const std::string& file_name, bool nested,
                                                            const std::filesystem::path& caller_dir,
                                                            const std::filesystem::path& start_dir);

// The schema a `CONNECT user[/password][@db] [AS SYSDBA]` session works in (the text after the
// command word): the user's, upper case unless quoted; SYS for AS SYSDBA/SYSOPER and `/ AS
// SYSDBA`; "" when the user is not known (a substitution variable, `/` alone).
std::string sqlplus_connect_schema(std::string_view argument);

// Extensions Oracle code and install files carry (.sql .tab .vw .pks .pkb …), lower case with
// the dot; `code_file_extension_rank` orders them as an install without a main script would run
// them (sequences, tables, constraints, indexes, types, views, specs, bodies, triggers), -1 for
// anything else.
int code_file_extension_rank(const std::filesystem::path& p);
inline bool is_code_file(const std::filesystem::path& p) { return code_file_extension_rank(p) >= 0; }

}  // namespace orashift::sql
