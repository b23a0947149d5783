#pragma once
// Action-item codes of the PL/SQL converter (the OS6xxx range of assess/action_item.cpp), named
// so that a typo fails to compile. A unit with a High item (kNotConvertible, kBuiltinPackage,
// kTransaction, kCollection, kObjectType, kTargetLacks) is not applied: its converted text is
// written commented out. Lower severities mark output that runs but differs in a stated way.
namespace orashift::plsql_codes {

inline constexpr const char* kNotConvertible = "OS6001";   // a construct the converter cannot express
inline constexpr const char* kBehaviour = "OS6002";        // converted; behaves differently as stated
inline constexpr const char* kPattern = "OS6003";          // a recognised pattern rewritten (info)
inline constexpr const char* kBuiltinPackage = "OS6004";   // DBMS_* / UTL_* call without an equivalent
inline constexpr const char* kTransaction = "OS6005";      // transaction control the target cannot hold
inline constexpr const char* kCollection = "OS6006";       // collection semantics not emulated
inline constexpr const char* kObjectType = "OS6007";       // object type feature (methods, inheritance)
inline constexpr const char* kTargetLacks = "OS6008";      // the target has no such unit kind
inline constexpr const char* kDependency = "OS6009";       // needs a unit that was not converted
inline constexpr const char* kDynamicSql = "OS6010";       // dynamic SQL text passed through as written

}  // namespace orashift::plsql_codes
