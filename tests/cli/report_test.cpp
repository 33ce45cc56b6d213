// The pictures and report page a run writes as it trains, `wgan report` redrawing them, and a
// comparison page: every picture the pages refer to exists, by a relative path.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "../test_util.h"

namespace wgan::test {
namespace {

namespace fs = std::filesystem;

// Every src="..." of a page: relative, and the file exists.
void expect_links_resolve(const std::string& page_path, size_t at_least) {
  const std::string html = read_file(page_path);
  const std::regex src("src=\"([^\"]+)\"");
  size_t count = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), src); it != std::sregex_iterator(); ++it) {
    const std::string link = (*it)[1];
    EXPECT_NE(link.front(), '/') << link;
    EXPECT_EQ(link.find("://"), std::string::npos) << link;
    EXPECT_TRUE(fs::exists(fs::path(page_path).parent_path() / link)) << link;
    ++count;
  }
  EXPECT_GE(count, at_least) << html;
}

TEST(Report, ToyRunDrawsMapsCurvesAnimationAndAPage) {
  TempDir dir;
  const std::string run = dir / "run";
  CommandResult r = run_wgan("train --iters 60 --sample-every 30 --eval-every 30 --eval-samples 200 --quiet --out " + run);
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* file : {"maps/iter-00000030.png", "maps/iter-00000060.png", "animation.gif",
                           "plots/losses.png", "plots/losses.svg", "plots/wasserstein.png",
                           "plots/penalty.png", "plots/modes.png", "report.html"})
    EXPECT_TRUE(fs::exists(run + "/" + file)) << file;
  const std::string html = read_file(run + "/report.html");
  EXPECT_EQ(html.find("http-equiv=\"refresh\""), std::string::npos);  // finished: no reload
  EXPECT_NE(html.find("modes_covered"), std::string::npos);
  expect_links_resolve(run + "/report.html", 8);

  // The directory can move: the page still resolves, and `wgan report` redraws everything.
  fs::rename(run, dir / "moved");
  fs::remove_all(dir / "moved/plots");
  fs::remove(dir / "moved/report.html");
  r = run_wgan("report " + (dir / "moved") + " --smoothing median --median-window 5");
  ASSERT_EQ(r.status, 0) << r.output;
  expect_links_resolve(dir / "moved/report.html", 8);
  EXPECT_NE(read_file(dir / "moved/report.html").find("running median"), std::string::npos);
}

TEST(Report, ComparisonPageOverlaysRuns) {
  TempDir dir;
  ASSERT_EQ(run_wgan("train --iters 20 --sample-every 20 --eval-samples 200 --quiet --out " + (dir / "a")).status, 0);
  ASSERT_EQ(run_wgan("train --loss wgan --iters 20 --sample-every 20 --eval-samples 200 --quiet --out " + (dir / "b")).status, 0);
  CommandResult r = run_wgan("report " + (dir / "a") + " " + (dir / "b") + " --out " + (dir / "cmp"));
  ASSERT_EQ(r.status, 0) << r.output;
  expect_links_resolve(dir / "cmp/report.html", 4);
  const std::string html = read_file(dir / "cmp/report.html");
  EXPECT_NE(html.find("<h2>a</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>b</h2>"), std::string::npos);

  r = run_wgan("report " + (dir / "a") + " " + (dir / "b"));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_NE(r.output.find("--out"), std::string::npos) << r.output;
  r = run_wgan("report " + (dir / "nothing-here"));
  EXPECT_EQ(r.status, 2) << r.output;
}

// The page in a real browser: headless Chromium loads it from disk with no console message and
// every image loaded; the screenshot is kept under build/test-artifacts/.
TEST(Report, PageLoadsInHeadlessChromium) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs it)";
  TempDir dir;
  const std::string run = dir / "run";
  ASSERT_EQ(run_wgan("train --iters 60 --sample-every 30 --eval-samples 200 --quiet --out " + run).status, 0);
  const std::string url = "file://" + fs::absolute(run + "/report.html").string();
  const std::string chromium =
      "chromium --headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu "
      "--enable-logging=stderr --v=0 --virtual-time-budget=5000 ";
  const std::string command = chromium + "--dump-dom " + url + " > " + (dir / "dom.html") + " 2> " + (dir / "err.txt");
  ASSERT_EQ(std::system(command.c_str()), 0) << read_file(dir / "err.txt");
  const std::string dom = read_file(dir / "dom.html");
  const std::regex loaded("data-images-loaded=\"(\\d+)/(\\d+)\"");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(dom, match, loaded)) << dom.substr(0, 2000);
  EXPECT_EQ(match[1], match[2]) << "images loaded / images";
  EXPECT_GE(std::stoi(match[2]), 8);
  EXPECT_EQ(read_file(dir / "err.txt").find(":CONSOLE"), std::string::npos) << read_file(dir / "err.txt");

  const fs::path artifacts = fs::path(WGAN_BINARY).parent_path() / "test-artifacts";
  fs::create_directories(artifacts);
  const std::string shot = (artifacts / "report-2d.png").string();
  fs::remove(shot);
  const std::string screenshot = chromium + "--window-size=1280,2400 --screenshot=" + shot + " " + url + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(screenshot.c_str()), 0);
  EXPECT_GT(fs::file_size(shot), 10000u);
}

}  // namespace
}  // namespace wgan::test
