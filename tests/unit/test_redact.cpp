// Passwords written into scripts never reach the report: masked in item messages and source
// excerpts, same length so columns stay right; substitution variables are not secrets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "assess/report_html_parts.h"
#include "common/redact.h"
#include "convert/ddl_loader.h"
#include "dialect/ddl_generator.h"

using namespace orashift;

TEST(Redact, IdentifiedByIsMasked) {
  EXPECT_EQ(redact_passwords("CREATE USER app IDENTIFIED BY s3cret DEFAULT TABLESPACE users;"),
            "CREATE USER app IDENTIFIED BY ****** DEFAULT TABLESPACE users;");
  EXPECT_EQ(redact_passwords("alter user app identified  by \"Pa ss\";"), "alter user app identified  by *******;");
  EXPECT_EQ(redact_passwords("CREATE DATABASE LINK l CONNECT TO u IDENTIFIED BY pw USING 'x'"),
            "CREATE DATABASE LINK l CONNECT TO u IDENTIFIED BY ** USING 'x'");
  EXPECT_EQ(redact_passwords("CREATE USER hr IDENTIFIED BY &&password_hr ;"), "CREATE USER hr IDENTIFIED BY &&password_hr ;");
  EXPECT_EQ(redact_passwords("CREATE USER hr IDENTIFIED BY \"&pass\""), "CREATE USER hr IDENTIFIED BY \"&pass\"");
  EXPECT_EQ(redact_passwords("SELECT identified_by FROM t"), "SELECT identified_by FROM t");
  EXPECT_EQ(redact_passwords("IDENTIFIED EXTERNALLY"), "IDENTIFIED EXTERNALLY");
}

TEST(Redact, ReportTextNeverHoldsTheSecret) {
  auto path = std::filesystem::temp_directory_path() / "orashift_redact_test.sql";
  std::ofstream(path) << "CREATE TABLE t (a NUMBER);\nCREATE USER app IDENTIFIED BY s3cret;\n";
  DdlLoad load = load_ddl({path.string()});
  ActionItems items;
  ConvertOptions opt;
  opt.dialect = Dialect::Postgres;
  generate_ddl(load.catalog, opt, items);
  bool listed = false;
  for (const auto& it : items.items()) {
    EXPECT_EQ(it.message.find("s3cret"), std::string::npos) << it.message;
    listed = listed || it.message.find("IDENTIFIED BY ******") != std::string::npos;
    std::string html = source_snippet(it.span, 2, 10, true);
    EXPECT_EQ(html.find("s3cret"), std::string::npos) << html;
  }
  EXPECT_TRUE(listed);
  // A diagnostic on that line shows it masked.
  Diagnostic d{Severity::Error, "P0001", "test", Span{load.files[0].get(), 27, 30}};
  EXPECT_EQ(d.render().find("s3cret"), std::string::npos) << d.render();
  EXPECT_NE(d.render().find("IDENTIFIED BY ******"), std::string::npos) << d.render();
}
