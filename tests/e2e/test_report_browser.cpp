// The assessment report used in a real Chromium, through mouse and key events (cdp_page.h):
// a click on a column header sorts the table, typing into the filter box hides the rows that do
// not match, and an #anchor link opens the <details> it points to. BrowserCheck only loads the
// pages; this test fails when a handler is broken or missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "cdp_page.h"
#include "e2e_util.h"
#include "require_env.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string chromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(p)) return p;
  return {};
}

// The first-column texts of the rows of table `id` that are shown, top to bottom.
const char* kVisibleObjects =
    "Array.prototype.filter.call(document.querySelectorAll('#t-by-object tbody tr'),function(r){"
    "return getComputedStyle(r).display!=='none';}).map(function(r){return r.cells[0].textContent.trim();})";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& s : j) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace

TEST(ReportBrowser, SortFilterAndLinks) {
  if (chromium().empty()) ORASHIFT_SKIP_OR_FAIL() << "chromium not installed (scripts/setup installs it)";
  // Four procedures written out of order, assessed for DuckDB (no procedures there: each an
  // OS6008 action item, a row of "by object").
  fs::path dir = e2e::temp_dir("report-browser");
  fs::create_directories(dir / "src");
  std::ofstream src(dir / "src" / "units.sql");
  src << "CREATE TABLE t (a NUMBER);\n";
  for (const char* p : {"mango_proc", "apple_proc", "zucchini_proc", "cherry_proc"})
    src << "CREATE OR REPLACE PROCEDURE " << p << " IS\nBEGIN\n  UPDATE t SET a = a + 1;\nEND;\n/\n";
  src.close();
  auto r = e2e::run_orashift(
      {"assess", "--source", (dir / "src").string(), "--target", "duckdb", "--out", (dir / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;

  e2e::CdpPage page(chromium(), "file://" + (dir / "out" / "report.html").string());
  ASSERT_TRUE(page.ok()) << page.error();
  ASSERT_TRUE(page.wait_for("document.documentElement.getAttribute('data-ready')==='1'")) << page.error();
  const std::vector<std::string> written = strings(page.eval(kVisibleObjects));
  ASSERT_GE(written.size(), 4u) << json(written).dump();
  std::vector<std::string> asc = written;
  std::sort(asc.begin(), asc.end());
  ASSERT_NE(written, asc) << "the rows are in order already: the sort would prove nothing";

  // Sort: the first click on "object" sorts ascending, the second descending.
  ASSERT_TRUE(page.click("#t-by-object thead th:nth-child(1)")) << page.error();
  EXPECT_EQ(strings(page.eval(kVisibleObjects)), asc);
  EXPECT_EQ(page.eval("document.querySelector('#t-by-object thead th').getAttribute('aria-sort')"), "ascending");
  ASSERT_TRUE(page.click("#t-by-object thead th:nth-child(1)")) << page.error();
  EXPECT_EQ(strings(page.eval(kVisibleObjects)), std::vector<std::string>(asc.rbegin(), asc.rend()));

  // Filter: typed into the box above the table, only the matching row stays visible.
  ASSERT_TRUE(page.click("input.filter[data-table='t-by-object']")) << page.error();
  page.type("CHERRY");
  const std::vector<std::string> filtered = strings(page.eval(kVisibleObjects));
  ASSERT_EQ(filtered.size(), 1u) << json(filtered).dump();
  EXPECT_NE(lower(filtered[0]).find("cherry"), std::string::npos) << filtered[0];

  // Anchors: the code link opens its group, the object link its details.
  EXPECT_EQ(page.eval("document.getElementById('code-OS6008').open"), false);
  ASSERT_TRUE(page.click("#t-codes a[href='#code-OS6008']")) << page.error();
  EXPECT_EQ(page.eval("location.hash"), "#code-OS6008");
  EXPECT_TRUE(page.wait_for("document.getElementById('code-OS6008').open", 5)) << "the link did not open its group";
  std::string obj_link = page.eval("document.querySelector('#t-by-object tbody tr:not([style*=none]) a').getAttribute('href')");
  ASSERT_TRUE(page.click("#t-by-object a[href='" + obj_link + "']")) << page.error();
  EXPECT_TRUE(page.wait_for("document.getElementById('" + obj_link.substr(1) + "').open", 5)) << obj_link;
  EXPECT_NE(lower(page.eval("document.getElementById('" + obj_link.substr(1) + "').textContent").get<std::string>()).find("cherry"),
            std::string::npos);

  EXPECT_EQ(page.eval("document.documentElement.getAttribute('data-js-error')"), nullptr) << "a handler threw";
  EXPECT_TRUE(page.ok()) << page.error();
  if (!HasFailure()) fs::remove_all(dir);
}
