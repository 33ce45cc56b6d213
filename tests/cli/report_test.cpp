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
  CommandResult r = run_wgan("train --iters 60 --sample-every 30 --eval-every 30 --quiet --out " + run);
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
  ASSERT_EQ(run_wgan("train --iters 20 --sample-every 20 --quiet --out " + (dir / "a")).status, 0);
  ASSERT_EQ(run_wgan("train --loss wgan --iters 20 --sample-every 20 --quiet --out " + (dir / "b")).status, 0);
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

}  // namespace
}  // namespace wgan::test
