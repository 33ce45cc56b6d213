// wgan distance on files of points the test writes: exact 1-D distances, the fitted-Gaussian
// W2 and entropic W1 of a translated set, and bad files; wgan demo parallel-lines.
#include <gtest/gtest.h>

#include "../test_util.h"

namespace wgan::test {
namespace {

TEST(DistanceCli, ExactValuesOnSmallFiles) {
  TempDir dir;
  write_bytes(dir / "a.csv", "x\n0\n1\n2\n3\n");
  write_bytes(dir / "b.csv", "0.5\n1.5\n2.5\n3.5\n");
  CommandResult r = run_wgan("distance " + (dir / "a.csv") + " " + (dir / "b.csv"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("W1 (exact, 1-D quantiles)            0.5\n"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("W1 (exact, area between the CDFs)    0.5\n"), std::string::npos) << r.output;

  // A 2-D set and its translation by (3, 4): the fitted Gaussians differ by their means only.
  write_bytes(dir / "p.csv", "x,y\n0,0\n1,0\n0,2\n1,1\n");
  write_bytes(dir / "q.csv", "x,y\n3,4\n4,4\n3,6\n4,5\n");
  r = run_wgan("distance " + (dir / "p.csv") + " " + (dir / "q.csv"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("W2 between fitted Gaussians          5\n"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("W1 (exact, optimal assignment)       5\n"), std::string::npos) << r.output;
  // A translation far larger than the spread: the entropic plan is the translation too.
  EXPECT_NE(r.output.find("W1 entropic (Sinkhorn, eps 0.01)     5.0"), std::string::npos) << r.output;
}

TEST(DistanceCli, BadFilesEndWithOneLine) {
  TempDir dir;
  write_bytes(dir / "a.csv", "0,1\n2,3\n");
  write_bytes(dir / "b.csv", "0\n1\n");
  write_bytes(dir / "c.csv", "0,1\n2,oops\n");
  for (const auto& [args, mention] :
       std::vector<std::pair<std::string, std::string>>{{(dir / "a.csv") + " " + (dir / "b.csv"), "same dimension"},
                                                        {(dir / "a.csv") + " " + (dir / "none.csv"), "no such file"},
                                                        {(dir / "a.csv") + " " + (dir / "c.csv"), "c.csv:2"}}) {
    CommandResult r = run_wgan("distance " + args);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_NE(r.output.find(mention), std::string::npos) << r.output;
  }
}

TEST(DemoCli, ParallelLinesTabulatesAndPlots) {
  TempDir dir;
  CommandResult r = run_wgan("demo parallel-lines --points 20 --out " + (dir / "demo"));
  ASSERT_EQ(r.status, 0) << r.output;
  // theta = 0.3: W1 0.3, JS log 2, KL infinite, TV 1; mu = 2: W1 2, KL 2.
  EXPECT_NE(r.output.find("   0.300    0.3000    0.6931       inf    1.0000"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("   2.000    2.0000    0.3368    2.0000    0.6827"), std::string::npos) << r.output;
  for (const char* name : {"parallel-lines", "gaussians"}) {
    EXPECT_EQ(count_lines(read_file(dir / "demo/" + std::string(name) + ".csv")), name[0] == 'p' ? 22 : 26);
    EXPECT_EQ(read_file(dir / "demo/" + std::string(name) + ".png").substr(1, 3), "PNG");
  }
  write_bytes(dir / "file", "x");
  expect_usage_error("demo parallel-lines --out " + (dir / "file"), "--out");
}

}  // namespace
}  // namespace wgan::test
