// A run's TensorBoard event files, read by code that shares nothing with the writer:
// tests/python/check_event_files.py, which checks every record's framing with python3-crc32c
// and reads the run with TensorBoard's own EventAccumulator (the tensorboard package in
// .venv-test, made by scripts/test-python.sh).
#include <gtest/gtest.h>

#include <filesystem>

#include "../test_util.h"
#include "wgan/viz/png.h"

namespace wgan::test {
namespace {

namespace fs = std::filesystem;

const std::string kToy =
    "train --loss wgan-gp --dataset gaussians25 --batch-size 64 --g-width 32 --d-width 32 --threads 1 "
    "--log-every 5 --eval-every 20 --eval-samples 200 --sample-every 20 --histogram-every 20 --quiet ";

const std::string kVenvPython = std::string(WGAN_SOURCE_DIR) + "/.venv-test/bin/python";
const std::string kChecker = std::string(WGAN_SOURCE_DIR) + "/tests/python/check_event_files.py";

int event_file_count(const std::string& run) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(run))
    n += entry.path().filename().string().rfind("events.out.tfevents.", 0) == 0;
  return n;
}

// A run that logged to iteration 40, lost its checkpoints after 20 (as a kill before the
// final one does) and was resumed: metrics.jsonl holds each iteration once, and so must
// TensorBoard's view of the two event files.
std::string resumed_run(const TempDir& dir) {
  const std::string run = dir / "run";
  EXPECT_EQ(run_wgan(kToy + "--iters 40 --checkpoint-every 20 --out " + run).status, 0);
  fs::remove(run + "/checkpoints/final.pt");
  const CommandResult r = run_wgan("train --resume " + run);
  EXPECT_EQ(r.status, 0) << r.output;
  return run;
}

void expect_check(const std::string& python, const std::string& what, const std::string& args) {
  const CommandResult r = run_command(python + " " + kChecker + " " + what + " " + args + " 2>&1");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("ok: "), std::string::npos) << r.output;  // after TensorBoard's own notes
}

TEST(TensorBoard, EveryRecordOfAResumedRunIsFramedWithValidCrcs) {
  if (!python_has_module("crc32c")) GTEST_SKIP() << "python3-crc32c is not installed (scripts/setup.sh)";
  TempDir dir;
  const std::string run = resumed_run(dir);
  EXPECT_EQ(event_file_count(run), 2);  // one per session
  expect_check("/usr/bin/python3", "framing", run);
}

TEST(TensorBoard, ItsReaderSeesMetricsJsonlPicturesHistogramsAndConfig) {
  if (!fs::exists(kVenvPython)) GTEST_SKIP() << "no .venv-test with tensorboard (scripts/test-python.sh)";
  TempDir dir;
  expect_check(kVenvPython, "content", resumed_run(dir));
}

TEST(TensorBoard, SampleGridsOfAnImageRunAreThereAtTheirSize) {
  if (!fs::exists(kVenvPython)) GTEST_SKIP() << "no .venv-test with tensorboard (scripts/test-python.sh)";
  TempDir dir;
  fs::create_directories(dir / "data");
  for (int i = 0; i < 16; ++i)
    write_png(dir / ("data/" + std::to_string(i) + ".png"), torch::randint(0, 256, {3, 32, 32}, torch::kUInt8));
  const CommandResult r =
      run_wgan("train --loss wgan-gp --dataset folder --data " + (dir / "data") + " --image-size 32 --arch dcgan "
               "--ngf 8 --ndf 8 --batch-size 16 --iters 4 --sample-every 2 --histogram-every 2 --eval-samples 32 "
               "--threads 1 --quiet --out " + (dir / "run"));
  ASSERT_EQ(r.status, 0) << r.output;
  expect_check(kVenvPython, "content", (dir / "run") + " 274");  // 8 x 32 pixels, 9 gaps of 2
  expect_check("/usr/bin/python3", "framing", dir / "run");
}

TEST(TensorBoard, OffWritesNoEventFile) {
  TempDir dir;
  ASSERT_EQ(run_wgan(kToy + "--iters 5 --no-tensorboard --out " + (dir / "run")).status, 0);
  EXPECT_EQ(event_file_count(dir / "run"), 0);
}

// A full disk under the event file: a warning, the run ends with its model, and the file holds
// whole records only.
TEST(TensorBoard, AFullDiskUnderTheEventFileIsAWarningAndTrainingGoesOn) {
  TempDir dir;
  const std::string run = dir / "run";
  const CommandResult r =
      run_command("WGAN_FAIL_WRITES=tfevents " + std::string(WGAN_BINARY) + " " + kToy + "--iters 10 --out " + run + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: TensorBoard event file not written"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("No space left on device"), std::string::npos) << r.output;
  EXPECT_TRUE(fs::exists(run + "/checkpoints/final.pt"));
  EXPECT_EQ(count_lines(read_file(run + "/metrics.jsonl")), 2);
}

}  // namespace
}  // namespace wgan::test
