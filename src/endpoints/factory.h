#pragma once
// Endpoint URLs → endpoints. Sources: oracle-files:DIR, oracle://…, postgres://…, sqlite:FILE. Targets: duckdb:FILE, postgres://…
#include <memory>
#include <string>

#include "load/endpoint.h"

namespace orashift {

// Throws std::invalid_argument naming the accepted forms (never echoing a password).
// `use`: a source opened only to convert its schema may skip reading rows it would not load;
// one opened to profile rows (statistics, type evidence) reads them but never loads them.
enum class SourceUse { Load, Profile, SchemaOnly };
std::unique_ptr<SourceEndpoint> make_source(const std::string& url, SourceUse use = SourceUse::Load);
std::unique_ptr<TargetEndpoint> make_target(const std::string& url);

// Starts opening, on threads of their own, `count` connections a load is about to make to the
// endpoint at `url` (PostgreSQL sources and targets; nothing for the others), so that they
// overlap instead of following each other (pg_connection.h, prefetch_pg_connections).
void prefetch_connections(const std::string& url, int count);

}  // namespace orashift
