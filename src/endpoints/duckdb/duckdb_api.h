#pragma once
// DuckDB's C API, reached through a table of function pointers that is filled by dlopen the
// first time a DuckDB endpoint is used. Why: libduckdb is 64 MB, and the dynamic loader spent
// ~20 ms of CPU relocating it at every start of orashift, also for `parse`, `assess` or
// `convert`, which never touch DuckDB (measured with LD_DEBUG=statistics; it was most of the
// start-up of a small `convert`). Call sites keep DuckDB's own names: each function used is
// #defined below to its table entry. The library is found through ORASHIFT_DUCKDB_LIBRARY
// (environment), then the path it was built against, then the loader's search path.
#include <duckdb.h>

namespace orashift::duckdb_api {

struct Functions {
#define ORASHIFT_DUCKDB_FUNCTION(name) decltype(&::name) name = nullptr;
#include "endpoints/duckdb/duckdb_functions.inc"
#undef ORASHIFT_DUCKDB_FUNCTION
};

// Loads libduckdb on first use; throws std::runtime_error naming the library when it cannot.
const Functions& functions();

}  // namespace orashift::duckdb_api

// duckdb_api.cpp fills the table and needs DuckDB's real names.
#ifndef ORASHIFT_DUCKDB_API_IMPL
#define duckdb_append_data_chunk (::orashift::duckdb_api::functions().duckdb_append_data_chunk)
#define duckdb_appender_add_column (::orashift::duckdb_api::functions().duckdb_appender_add_column)
#define duckdb_appender_column_type (::orashift::duckdb_api::functions().duckdb_appender_column_type)
#define duckdb_appender_create_ext (::orashift::duckdb_api::functions().duckdb_appender_create_ext)
#define duckdb_appender_destroy (::orashift::duckdb_api::functions().duckdb_appender_destroy)
#define duckdb_appender_error (::orashift::duckdb_api::functions().duckdb_appender_error)
#define duckdb_appender_error_data (::orashift::duckdb_api::functions().duckdb_appender_error_data)
#define duckdb_appender_flush (::orashift::duckdb_api::functions().duckdb_appender_flush)
#define duckdb_close (::orashift::duckdb_api::functions().duckdb_close)
#define duckdb_column_count (::orashift::duckdb_api::functions().duckdb_column_count)
#define duckdb_column_name (::orashift::duckdb_api::functions().duckdb_column_name)
#define duckdb_connect (::orashift::duckdb_api::functions().duckdb_connect)
#define duckdb_create_data_chunk (::orashift::duckdb_api::functions().duckdb_create_data_chunk)
#define duckdb_create_decimal_type (::orashift::duckdb_api::functions().duckdb_create_decimal_type)
#define duckdb_create_logical_type (::orashift::duckdb_api::functions().duckdb_create_logical_type)
#define duckdb_data_chunk_get_vector (::orashift::duckdb_api::functions().duckdb_data_chunk_get_vector)
#define duckdb_data_chunk_reset (::orashift::duckdb_api::functions().duckdb_data_chunk_reset)
#define duckdb_data_chunk_set_size (::orashift::duckdb_api::functions().duckdb_data_chunk_set_size)
#define duckdb_decimal_internal_type (::orashift::duckdb_api::functions().duckdb_decimal_internal_type)
#define duckdb_decimal_scale (::orashift::duckdb_api::functions().duckdb_decimal_scale)
#define duckdb_decimal_width (::orashift::duckdb_api::functions().duckdb_decimal_width)
#define duckdb_destroy_data_chunk (::orashift::duckdb_api::functions().duckdb_destroy_data_chunk)
#define duckdb_destroy_error_data (::orashift::duckdb_api::functions().duckdb_destroy_error_data)
#define duckdb_destroy_extracted (::orashift::duckdb_api::functions().duckdb_destroy_extracted)
#define duckdb_destroy_logical_type (::orashift::duckdb_api::functions().duckdb_destroy_logical_type)
#define duckdb_destroy_prepare (::orashift::duckdb_api::functions().duckdb_destroy_prepare)
#define duckdb_destroy_result (::orashift::duckdb_api::functions().duckdb_destroy_result)
#define duckdb_disconnect (::orashift::duckdb_api::functions().duckdb_disconnect)
#define duckdb_error_data_error_type (::orashift::duckdb_api::functions().duckdb_error_data_error_type)
#define duckdb_error_data_message (::orashift::duckdb_api::functions().duckdb_error_data_message)
#define duckdb_execute_prepared (::orashift::duckdb_api::functions().duckdb_execute_prepared)
#define duckdb_extract_statements (::orashift::duckdb_api::functions().duckdb_extract_statements)
#define duckdb_extract_statements_error (::orashift::duckdb_api::functions().duckdb_extract_statements_error)
#define duckdb_free (::orashift::duckdb_api::functions().duckdb_free)
#define duckdb_get_type_id (::orashift::duckdb_api::functions().duckdb_get_type_id)
#define duckdb_open_ext (::orashift::duckdb_api::functions().duckdb_open_ext)
#define duckdb_prepare_error (::orashift::duckdb_api::functions().duckdb_prepare_error)
#define duckdb_prepare_extracted_statement (::orashift::duckdb_api::functions().duckdb_prepare_extracted_statement)
#define duckdb_query (::orashift::duckdb_api::functions().duckdb_query)
#define duckdb_result_error (::orashift::duckdb_api::functions().duckdb_result_error)
#define duckdb_row_count (::orashift::duckdb_api::functions().duckdb_row_count)
#define duckdb_validity_set_row_invalid (::orashift::duckdb_api::functions().duckdb_validity_set_row_invalid)
#define duckdb_value_is_null (::orashift::duckdb_api::functions().duckdb_value_is_null)
#define duckdb_value_varchar (::orashift::duckdb_api::functions().duckdb_value_varchar)
#define duckdb_vector_assign_string_element_len (::orashift::duckdb_api::functions().duckdb_vector_assign_string_element_len)
#define duckdb_vector_ensure_validity_writable (::orashift::duckdb_api::functions().duckdb_vector_ensure_validity_writable)
#define duckdb_vector_get_data (::orashift::duckdb_api::functions().duckdb_vector_get_data)
#define duckdb_vector_get_validity (::orashift::duckdb_api::functions().duckdb_vector_get_validity)
#define duckdb_vector_size (::orashift::duckdb_api::functions().duckdb_vector_size)
#endif
