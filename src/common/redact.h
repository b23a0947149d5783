#pragma once
// Passwords written into SQL (CREATE/ALTER USER … IDENTIFIED BY secret, CREATE DATABASE LINK …
// IDENTIFIED BY secret) must not reach reports or logs. The secret is masked with as many '*'
// as it has characters, so column positions in the text stay right; a SQL*Plus substitution
// variable (&pass) is not a secret and stays readable.
#include <string>
#include <string_view>

namespace orashift {

std::string redact_passwords(std::string_view sql_text);

}  // namespace orashift
