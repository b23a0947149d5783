#pragma once
// Endpoint URLs → endpoints. Sources: oracle-files:DIR. Targets: duckdb:FILE, postgres://…
#include <memory>
#include <string>

#include "load/endpoint.h"

namespace orashift {

// Throws std::invalid_argument naming the accepted forms (never echoing a password).
std::unique_ptr<SourceEndpoint> make_source(const std::string& url);
std::unique_ptr<TargetEndpoint> make_target(const std::string& url);

}  // namespace orashift
