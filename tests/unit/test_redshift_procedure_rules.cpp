// The Redshift rule checker (dialect/redshift_procedure_rules.h): each documented limit is seen
// in a body that breaks it and not in one that keeps it, so the corpus test that runs the checker
// over every converted unit cannot pass by seeing nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dialect/redshift_procedure_rules.h"

namespace orashift {
namespace {

std::string procedure(const std::string& body, const std::string& args = "") {
  return "CREATE OR REPLACE PROCEDURE \"p\"(" + args + ")\nAS $$\nDECLARE\n  \"v\" integer;\nBEGIN\n" + body +
         "\nEND\n$$ LANGUAGE plpgsql;\n";
}

std::string rules(const std::string& sql) {
  std::string out;
  for (const auto& v : check_redshift_routines(sql)) out += (out.empty() ? "" : ",") + v.rule;
  return out;
}

TEST(RedshiftProcedureRules, ACleanProcedurePasses) {
  std::string body = R"(  SELECT count(*) INTO "v" FROM "t";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ORA-01403: no data found';
  END IF;
  FOR "r" IN SELECT "a" FROM "t" LOOP
    "v" := "v" + CASE WHEN "r"."a" > 0 THEN 1 ELSE 0 END;
    EXIT WHEN "v" > 10;
  END LOOP;
  FOR "i" IN 1..10 LOOP
    NULL;
  END LOOP;
  COMMIT;
  EXECUTE 'DELETE FROM t WHERE a = ' || COALESCE(quote_literal(("v")::varchar(65535)), 'NULL');
  RAISE INFO 'done %', "v";
EXCEPTION
  WHEN OTHERS THEN
    IF SQLERRM LIKE 'ORA-01403:%' THEN
      RAISE INFO 'none';
    ELSE
      RAISE;
    END IF;)";
  EXPECT_EQ(rules(procedure(body)), "");
  EXPECT_EQ(rules("CREATE OR REPLACE FUNCTION \"f\"(integer)\nRETURNS integer\nIMMUTABLE\nAS $$\n  SELECT $1 + 1\n$$ LANGUAGE sql;\n"), "");
}

TEST(RedshiftProcedureRules, EachDocumentedLimitIsSeen) {
  EXPECT_EQ(rules(procedure("  NULL;\nEXCEPTION\n  WHEN no_data_found THEN\n    NULL;")), "handler");
  EXPECT_EQ(rules(procedure("  EXECUTE 'SELECT $1' USING \"v\";")), "execute-using");
  EXPECT_EQ(rules(procedure("  RAISE NOTICE 'x %', \"v\" + 1;")), "raise-arguments");
  EXPECT_EQ(rules(procedure("  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'x';")), "raise-arguments");
  EXPECT_EQ(rules(procedure("  RAISE no_data_found;")), "raise-arguments");
  EXPECT_EQ(rules(procedure("  SELECT 1 INTO STRICT \"v\";")), "select-into-strict");
  EXPECT_EQ(rules(procedure("  PERFORM pg_sleep(1);")), "perform");
  EXPECT_EQ(rules(procedure("  \"v\" := nextval('s');")), "sequences");
  EXPECT_EQ(rules(procedure("  FOR \"a\" IN SELECT 1 LOOP\n    FOR \"b\" IN SELECT 2 LOOP\n      NULL;\n    END LOOP;\n  END LOOP;")),
            "one-cursor");
  EXPECT_EQ(rules(procedure("  OPEN \"c\" FOR SELECT 1;\n  OPEN \"d\" FOR SELECT 2;")), "one-cursor");
  EXPECT_EQ(rules(procedure("  OPEN \"c\" FOR SELECT 1;\n  CLOSE \"c\";\n  OPEN \"d\" FOR SELECT 2;")), "");
  EXPECT_EQ(rules(procedure("  FOR \"a\" IN SELECT 1 LOOP\n    COMMIT;\n  END LOOP;")), "commit-in-cursor-loop");
  EXPECT_EQ(rules(procedure("  FOR \"i\" IN 1..3 LOOP\n    COMMIT;\n  END LOOP;")), "");
  EXPECT_EQ(rules(procedure("  \"v\" := \"a\"[1];")), "arrays");
  EXPECT_EQ(rules("CREATE OR REPLACE FUNCTION \"f\"()\nRETURNS integer\nLANGUAGE plpgsql\nAS $$\nBEGIN\n  RETURN 1;\nEND\n$$;\n"),
            "no-plpgsql-functions");  // LANGUAGE before AS
  EXPECT_EQ(rules("CREATE OR REPLACE FUNCTION \"f\"()\nRETURNS integer\nAS $$\nBEGIN\n  RETURN 1;\nEND\n$$ LANGUAGE plpgsql;\n"),
            "no-plpgsql-functions");
  EXPECT_EQ(rules("CREATE OR REPLACE FUNCTION \"f\"(integer)\nRETURNS integer\nSTABLE\nAS $$\n  SELECT a FROM t\n$$ LANGUAGE sql;\n"),
            "udf-select");
  EXPECT_EQ(rules("CREATE TRIGGER \"t\" BEFORE INSERT ON \"x\" FOR EACH ROW EXECUTE FUNCTION f();"), "no-triggers");
  EXPECT_EQ(rules("CREATE TYPE \"t\" AS (a integer);"), "no-types");
}

TEST(RedshiftProcedureRules, ArgumentAndVariableLimits) {
  std::string args;
  for (int i = 0; i < 33; ++i) args += (i ? ", " : "") + std::string("\"a") + std::to_string(i) + "\" integer";
  EXPECT_EQ(rules(procedure("  NULL;", args)), "arguments");
  EXPECT_EQ(rules(procedure("  NULL;", "\"a\" integer DEFAULT 1")), "parameter-defaults");
  std::string outs;
  for (int i = 0; i < 33; ++i) outs += (i ? ", " : "") + std::string("INOUT \"a") + std::to_string(i) + "\" integer";
  EXPECT_EQ(rules(procedure("  NULL;", outs)), "arguments,arguments");
  std::string decls;
  for (int i = 0; i < 1030; ++i) decls += "  \"x" + std::to_string(i) + "\" integer;\n";
  EXPECT_EQ(rules("CREATE PROCEDURE \"p\"()\nAS $$\nDECLARE\n" + decls + "BEGIN\n  NULL;\nEND\n$$ LANGUAGE plpgsql;\n"), "variables");
}

// Every golden Redshift output (tables, views and code objects together; commented-out units are
// comments) keeps the rules.
TEST(RedshiftProcedureRules, GoldenRedshiftOutputsKeepTheRules) {
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ORASHIFT_SOURCE_DIR) + "/tests/golden")) {
    auto p = e.path() / "expected.redshift.sql";
    if (!std::filesystem::exists(p)) continue;
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    ++files;
    for (const auto& v : check_redshift_routines(ss.str())) ADD_FAILURE() << p << ": " << v.rule << ": " << v.message;
  }
  EXPECT_GT(files, 10u);
}

}  // namespace
}  // namespace orashift
