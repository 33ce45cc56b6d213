// wgan distance on files of points the test writes: exact 1-D distances, the fitted-Gaussian
// W2 of a translated set, and bad files.
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
  EXPECT_NE(r.output.find("W1 (exact, area between the CDFs)     0.5\n"), std::string::npos) << r.output;

  // A 2-D set and its translation by (3, 4): the fitted Gaussians differ by their means only.
  write_bytes(dir / "p.csv", "x,y\n0,0\n1,0\n0,2\n1,1\n");
  write_bytes(dir / "q.csv", "x,y\n3,4\n4,4\n3,6\n4,5\n");
  r = run_wgan("distance " + (dir / "p.csv") + " " + (dir / "q.csv"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("W2 between fitted Gaussians           5\n"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("W1 (exact, optimal assignment)        5\n"), std::string::npos) << r.output;
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

}  // namespace
}  // namespace wgan::test
