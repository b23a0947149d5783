// Loads the assessment reports in headless Chromium (Debian's package) and fails on any
// console or script error: the page's own window.onerror writes data-js-error into the DOM,
// and the script's last line sets data-ready="1", both visible in --dump-dom. Saves a
// screenshot of the SH report's first screen (into docs/images/ when ORASHIFT_SAVE_SCREENSHOT
// is set). Skips when chromium or the corpus is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "browser_check.h"
#include "require_env.h"

namespace fs = std::filesystem;

namespace {

std::string chromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(p)) return p;
  return {};
}

struct Loaded {
  int exit_code = -1;
  std::string dom, log;
};

// `mode` is "--dump-dom" or "--screenshot=FILE".
Loaded load(const fs::path& page, const std::string& mode) {
  fs::path profile = e2e::temp_dir("chromium-profile");
  fs::path err = profile / "stderr.txt";
  std::string cmd = e2e::sh_quote(chromium()) +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
                    " --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=" +
                    e2e::sh_quote(profile.string()) + " --enable-logging=stderr --v=0 --virtual-time-budget=2000" +
                    " --window-size=1366,900 " + e2e::sh_quote(mode) + " " + e2e::sh_quote("file://" + page.string()) +
                    " 2>" + e2e::sh_quote(err.string());
  Loaded r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.dom.append(buf, n);
  r.exit_code = pclose(p);
  std::ifstream f(err);
  std::stringstream ss;
  ss << f.rdbuf();
  r.log = ss.str();
  fs::remove_all(profile);
  return r;
}

// Console messages Chromium logs to stderr: "INFO:CONSOLE(12)] "Uncaught …", source: file://…".
std::string console_errors(const std::string& log) {
  std::string out;
  size_t b = 0;
  while (b < log.size()) {
    size_t e = log.find('\n', b);
    if (e == std::string::npos) e = log.size();
    std::string line = log.substr(b, e - b);
    if (line.find("CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos ||
        line.find("Content Security Policy") != std::string::npos)
      out += line + "\n";
    b = e + 1;
  }
  return out;
}

void check_page(const fs::path& page) {
  SCOPED_TRACE(page.string());
  ASSERT_TRUE(fs::exists(page));
  Loaded r = load(page, "--dump-dom");
  ASSERT_EQ(r.exit_code, 0) << r.log;
  EXPECT_NE(r.dom.find("data-ready=\"1\""), std::string::npos) << "the report's script did not run to its end";
  EXPECT_EQ(r.dom.find("data-js-error=\""), std::string::npos) << "script error in the page: " << r.dom.substr(0, 400);
  EXPECT_EQ(console_errors(r.log), "");
}

}  // namespace

TEST(BrowserCheck, CorpusReportsRenderWithoutErrors) {
  if (chromium().empty()) ORASHIFT_SKIP_OR_FAIL() << "chromium not installed (scripts/setup installs it)";
  if (e2e::corpus_sources().empty()) ORASHIFT_SKIP_OR_FAIL() << "corpus not found at " << e2e::corpus_dir();
  e2e::CorpusRun run = e2e::assess_corpus("browser");
  ASSERT_TRUE(run.result.exit_code == 0 || run.result.exit_code == 1) << run.result.output;
  check_page(run.out / "report.html");
  auto portfolio = e2e::read_json(run.out / "report.json");
  std::string sh;
  for (const auto& s : portfolio["sources"]) {
    std::string name = s["name"];
    check_page(run.out / name / "report.html");
    if (name.find("main-sales_history") != std::string::npos) sh = name;
  }
  ASSERT_FALSE(sh.empty());
  fs::path png = run.out / "sh-report.png";
  Loaded shot = load(run.out / sh / "report.html", "--screenshot=" + png.string());
  ASSERT_EQ(shot.exit_code, 0) << shot.log;
  ASSERT_TRUE(fs::exists(png));
  EXPECT_GT(fs::file_size(png), 10000u);
  if (std::getenv("ORASHIFT_SAVE_SCREENSHOT")) {
    fs::path dest = fs::path(ORASHIFT_SOURCE_DIR) / "docs" / "images" / "sh-report.png";
    fs::create_directories(dest.parent_path());
    fs::copy_file(png, dest, fs::copy_options::overwrite_existing);
  }
}

TEST(BrowserCheck, HostileCommentStaysText) {
  if (chromium().empty()) ORASHIFT_SKIP_OR_FAIL() << "chromium not installed (scripts/setup installs it)";
  fs::path dir = e2e::temp_dir("browser-xss");
  fs::create_directories(dir / "src");
  std::ofstream(dir / "src" / "x.sql") << "CREATE TABLE t (a NUMBER);\n"
                                          "CREATE OR REPLACE PROCEDURE p IS\n"
                                          "  -- </script><script>alert(1)</script> <!-- <b>bold</b>\n"
                                          "BEGIN\n  EXECUTE IMMEDIATE 'SELECT 1 FROM dual';\nEND;\n/\n";
  auto r = e2e::run_orashift({"assess", "--source", (dir / "src").string(), "--out", (dir / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  check_page(dir / "out" / "report.html");
  Loaded l = load(dir / "out" / "report.html", "--dump-dom");
  // Chromium serialises text back escaped: the comment is there as text, not as elements.
  EXPECT_NE(l.dom.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(l.dom.find("<b>bold</b>"), std::string::npos);
  fs::remove_all(dir);
}
