// Inputs a careless or hostile user gives, and faults of the machine: each ends with one clear
// line (exit 2 for bad input) or a warning, and loses nothing already made.
#include <gtest/gtest.h>
#include <torch/cuda.h>
#include <torch/version.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "../test_util.h"
#include "wgan/data/image_dataset.h"
#include "wgan/data/image_transform.h"
#include "wgan/train/checkpoint.h"
#include "wgan/viz/png.h"

namespace wgan::test {
namespace {

namespace fs = std::filesystem;

const std::string kTiny = "train --loss wgan-gp --batch-size 32 --g-width 16 --d-width 16 --threads 1 "
                          "--eval-samples 50 --quiet ";

// Debian's LibTorch has no CUDA; the wheel's has CUDA but this machine no GPU: either way one line.
TEST(HostileInput, CudaWithoutAGpuIsOneLine) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "this machine has a GPU";
  TempDir dir;
  expect_usage_error(kTiny + "--iters 1 --device cuda --out " + (dir / "run"), "--device cuda: this LibTorch ");
  expect_usage_error(kTiny + "--iters 1 --device cuda:1 --out " + (dir / "run"), "expected cpu or auto");
  EXPECT_FALSE(fs::exists(dir / "run"));
}

// Sizes a little larger than the target made stb's resizer abort the whole process.
TEST(HostileInput, SlightDownscalesResizeWithoutAborting) {
  torch::manual_seed(3);
  for (const auto& [w, h] : std::vector<std::pair<int, int>>{{48, 40}, {49, 41}, {50, 42}, {51, 43}, {52, 44}, {48, 45}, {49, 46}}) {
    const auto image = torch::randint(0, 256, {h, w, 3}, torch::kUInt8);
    const auto out = resize_and_center_crop(image.data_ptr<uint8_t>(), w, h, 3, 32);
    EXPECT_EQ(out.sizes(), (std::vector<int64_t>{3, 32, 32})) << w << "x" << h;
    // An antialiased downscale keeps the mean of the image it crops from.
    EXPECT_NEAR(out.to(torch::kFloat).mean().item<double>(), image.to(torch::kFloat).mean().item<double>(), 4.0);
  }
  TempDir dir;
  fs::create_directories(dir / "data");
  for (int i = 0; i < 10; ++i)
    write_png(dir / ("data/" + std::to_string(i) + ".png"), torch::randint(0, 256, {3, 40, 48}, torch::kUInt8));
  const auto r = run_wgan(kTiny + "--dataset folder --data " + (dir / "data") + " --image-size 32 --arch dcgan "
                          "--iters 1 --out " + (dir / "run"));
  EXPECT_EQ(r.status, 0) << r.output;
}

TEST(HostileInput, AnIdxFileOfNoImagesIsRefusedAndNoRunIsLeft) {
  TempDir dir;
  write_bytes(dir / "data/t10k-images-idx3-ubyte", big_endian32(2051) + big_endian32(0) + big_endian32(28) + big_endian32(28));
  expect_usage_error("train --dataset mnist --data " + (dir / "data") + " --out " + (dir / "run"), "0 images");
  EXPECT_FALSE(fs::exists(dir / "run"));
  // Labels beyond the ten classes.
  write_bytes(dir / "labels/t10k-images-idx3-ubyte",
              big_endian32(2051) + big_endian32(2) + big_endian32(1) + big_endian32(1) + std::string(2, '\x7f'));
  write_bytes(dir / "labels/t10k-labels-idx1-ubyte", big_endian32(2049) + big_endian32(2) + std::string("\x03\xc8", 2));
  expect_usage_error("train --dataset mnist --data " + (dir / "labels") + " --out " + (dir / "run2"), "label 200");
}

TEST(HostileInput, AFullDiskAtTheEndKeepsTheModelAndSaysWhy) {
  TempDir dir;
  // The pictures cannot be written: the run still ends with its model, and a warning.
  const auto pictures = run_command("WGAN_FAIL_WRITES=/maps/ " + std::string(WGAN_BINARY) + " " + kTiny +
                                    "--iters 3 --out " + (dir / "pictures") + " 2>&1");
  EXPECT_EQ(pictures.status, 0) << pictures.output;
  EXPECT_NE(pictures.output.find("warning: the pictures of iteration 3 were not written"), std::string::npos)
      << pictures.output;
  EXPECT_NE(pictures.output.find("No space left on device"), std::string::npos) << pictures.output;
  EXPECT_NO_THROW(load_checkpoint(dir / "pictures/checkpoints/final.pt"));
  // The checkpoint cannot be written: the message names the final file and the cause.
  const auto model = run_command("WGAN_FAIL_WRITES=final.pt " + std::string(WGAN_BINARY) + " " + kTiny +
                                 "--iters 3 --out " + (dir / "model") + " 2>&1");
  EXPECT_EQ(model.status, 1) << model.output;
  EXPECT_NE(model.output.find("wgan: error: cannot write " + (dir / "model/checkpoints/final.pt") +
                              ": No space left on device\n"),
            std::string::npos)
      << model.output;
}

// A full disk at each kind of write of a run: optional files are warnings, anything the run
// needs ends it with the file and the cause named, and what was written before stays.
TEST(HostileInput, AFullDiskAtEachKindOfWriteIsNamedAndLosesNothingEarlier) {
  TempDir dir;
  const auto run_with_full = [&](const std::string& pattern, const std::string& name) {
    return run_command("WGAN_FAIL_WRITES=" + pattern + " " + std::string(WGAN_BINARY) + " " + kTiny +
                       "--iters 4 --checkpoint-every 2 --sample-every 2 --log-every 1 --out " + (dir / name) + " 2>&1");
  };
  // The run cannot even write its configuration: bad input (an unwritable --out), no run left.
  const auto config = run_with_full("config.json", "config");
  EXPECT_EQ(config.status, 2) << config.output;
  EXPECT_NE(config.output.find("No space left on device"), std::string::npos) << config.output;
  // A periodic checkpoint: the run stops at once, naming it.
  const auto periodic = run_with_full("ckpt-00000002", "periodic");
  EXPECT_EQ(periodic.status, 1) << periodic.output;
  EXPECT_NE(periodic.output.find("ckpt-00000002.pt: No space left on device"), std::string::npos) << periodic.output;
  EXPECT_FALSE(read_file(dir / "periodic/metrics.jsonl").empty());  // what came before stays
  EXPECT_FALSE(read_file(dir / "periodic/config.json").empty());
  // Curves, animation, report: warnings only; the model is saved.
  int kind = 0;
  for (const char* optional : {"/plots/", "animation.gif", "report.html"}) {
    const std::string name = "optional-" + std::to_string(kind++);  // a name the pattern does not match
    const auto r = run_with_full(optional, name);
    EXPECT_EQ(r.status, 0) << optional << ": " << r.output;
    EXPECT_NE(r.output.find("warning: the pictures of iteration"), std::string::npos) << optional << ": " << r.output;
    EXPECT_NO_THROW(load_checkpoint(dir / (name + "/checkpoints/final.pt"))) << optional;
  }
}

// The appended files: metrics.jsonl failing mid-record (a disk filling up) stops the run naming
// the file, the cause and the last checkpoint, and leaves whole records only; log.txt failing is
// said once and training goes on; a failing disk (EIO) is named as such.
TEST(HostileInput, FailingAppendsAndAFailingDiskAreNamedAndLeaveWholeRecords) {
  TempDir dir;
  const auto run_failing = [&](const std::string& spec, const std::string& name) {
    return run_command("WGAN_FAIL_WRITES=" + spec + " " + std::string(WGAN_BINARY) + " " + kTiny +
                       "--iters 4 --checkpoint-every 2 --log-every 1 --out " + (dir / name) + " 2>&1");
  };
  const auto metrics = run_failing("metrics.jsonl", "metrics");
  EXPECT_EQ(metrics.status, 1) << metrics.output;
  EXPECT_NE(metrics.output.find("cannot append to " + (dir / "metrics/metrics.jsonl") + ": No space left on device"),
            std::string::npos) << metrics.output;
  EXPECT_NE(metrics.output.find("stopped at iteration 1; last checkpoint: none yet"), std::string::npos) << metrics.output;
  EXPECT_EQ(read_file(dir / "metrics/metrics.jsonl"), "");  // the half-written record was cut back

  const auto log = run_failing("log.txt", "log");
  EXPECT_EQ(log.status, 0) << log.output;
  const std::string said = "log.txt misses what follows";
  EXPECT_NE(log.output.find(said), std::string::npos) << log.output;
  EXPECT_EQ(log.output.find(said), log.output.rfind(said)) << "said once: " << log.output;
  EXPECT_NO_THROW(load_checkpoint(dir / "log/checkpoints/final.pt"));
  EXPECT_EQ(count_lines(read_file(dir / "log/metrics.jsonl")), 4);

  const auto eio = run_failing("EIO:ckpt-00000002", "eio");
  EXPECT_EQ(eio.status, 1) << eio.output;
  EXPECT_NE(eio.output.find("ckpt-00000002.pt: Input/output error"), std::string::npos) << eio.output;
}

// A kill at each stage of a checkpoint's atomic write leaves the previous checkpoint or the new
// one as the newest loadable state, never a torn file; the run resumes from it.
TEST(HostileInput, AKillAtEachStageOfACheckpointWriteLosesNothing) {
  for (const char* stage : {"written", "synced", "renamed"}) {
    TempDir dir;
    const auto killed = run_command("WGAN_KILL_AT=" + std::string(stage) + ":ckpt-00000004 " + std::string(WGAN_BINARY) +
                                    " " + kTiny + "--iters 6 --checkpoint-every 2 --out " + (dir / "run") + " 2>&1");
    EXPECT_NE(killed.status, 0) << stage;
    const std::string newest = latest_checkpoint(dir / "run");
    ASSERT_FALSE(newest.empty()) << stage;
    const int64_t iteration = load_checkpoint(newest).counters.iteration;
    EXPECT_EQ(iteration, std::string(stage) == "renamed" ? 4 : 2) << stage;
    const auto resumed = run_wgan("train --resume " + (dir / "run"));
    EXPECT_EQ(resumed.status, 0) << stage << ": " << resumed.output;
    EXPECT_EQ(load_checkpoint(dir / "run/checkpoints/final.pt").counters.iteration, 6) << stage;
    for (const auto& entry : fs::directory_iterator(dir / "run/checkpoints"))  // the killed write's leftovers
      EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << stage << ": " << entry.path();
  }
}

TEST(HostileInput, AnOutDirectoryWithSomebodysFilesIsRefusedUntouched) {
  TempDir dir;
  write_bytes(dir / "mine/report.html", "mine");
  expect_usage_error(kTiny + "--iters 1 --out " + (dir / "mine"), "not empty (it holds report.html)");
  EXPECT_EQ(read_file(dir / "mine/report.html"), "mine");
  fs::create_directories(dir / "empty");
  EXPECT_EQ(run_wgan(kTiny + "--iters 1 --out " + (dir / "empty")).status, 0);
}

TEST(HostileInput, ARunDirectoryHasOneOwner) {
  TempDir dir;
  const std::string run = dir / "run";
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string command = "exec " + std::string(WGAN_BINARY) + " " + kTiny + "--iters 100000 --out " + run +
                                " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 600 && read_file(run + "/metrics.jsonl").empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const std::string owner = "in use by process " + std::to_string(pid);
  expect_usage_error(kTiny + "--iters 1 --out " + run, owner);
  expect_usage_error("train --resume " + run + " --iters 200000", owner);
  expect_usage_error("report " + run, owner);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // Its owner gone (the kernel releases the lock), the run is anyone's again.
  const auto report = run_wgan("report " + run);
  EXPECT_EQ(report.status, 0) << report.output;
}

TEST(HostileInput, SampleCountsAreCheckedBeforeTheWork) {
  TempDir dir;
  ASSERT_EQ(run_wgan(kTiny + "--iters 2 --out " + (dir / "run")).status, 0);
  // "needs about" is written only by the memory estimate made before anything is allocated, so
  // the refusal itself shows the work was not begun (no clock: a busy machine is not a failure).
  expect_usage_error("sample --run " + (dir / "run") + " --n 3 --interpolate 100000000000 --out " + (dir / "x.csv"),
                     "needs about");
  expect_usage_error("sample --run " + (dir / "run") + " --n 100000000000 --out " + (dir / "x.csv"), "needs about");
  EXPECT_FALSE(fs::exists(dir / "x.csv"));
  expect_usage_error("sample --run " + (dir / "run") + " --n 1 --interpolate 5 --out " + (dir / "x.csv"),
                     "expected --n 2 or more");
}

TEST(HostileInput, ATrainingStepTooLargeForMemoryIsRefusedWithItsSize) {
  TempDir dir;
  expect_usage_error("train --batch-size 1000000000 --iters 1 --quiet --out " + (dir / "run"), "needs about");
  EXPECT_FALSE(fs::exists(dir / "run"));
}

TEST(HostileInput, NumbersOutOfRangeAreRefusedBeforeTheRunExists) {
  TempDir dir;
  for (const char* bad : {"--lr inf", "--lr 1e300", "--gp-lambda inf", "--weight-decay inf", "--lr nan"}) {
    expect_usage_error(kTiny + bad + " --out " + (dir / "run"), "expected a finite");
    EXPECT_FALSE(fs::exists(dir / "run")) << bad;
  }
}

TEST(HostileInput, AComparisonPageDoesNotReplaceARunsOwnPage) {
  TempDir dir;
  ASSERT_EQ(run_wgan(kTiny + "--iters 2 --out " + (dir / "a")).status, 0);
  ASSERT_EQ(run_wgan(kTiny + "--iters 2 --out " + (dir / "b")).status, 0);
  const std::string page = read_file(dir / "a/report.html");
  expect_usage_error("report " + (dir / "a") + " " + (dir / "b") + " --out " + (dir / "a"), "that is the run");
  EXPECT_EQ(read_file(dir / "a/report.html"), page);
}

TEST(HostileInput, HugeImagesAreRefusedBeforeTheyAreDecoded) {
  TempDir dir;
  fs::create_directories(dir / "big");
  // 2000x2000 of one colour: a small file whose pixels would take 12 MB.
  write_png(dir / "big/huge.png", torch::full({3, 2000, 2000}, 7, torch::kUInt8));
  write_png(dir / "big/small.png", torch::full({3, 64, 64}, 7, torch::kUInt8));
  expect_usage_error(kTiny + "--dataset folder --data " + (dir / "big") + " --max-image-pixels 1000000 --iters 1 --out " +
                         (dir / "run"),
                     "huge.png is 2000x2000 = 4000000 pixels; expected at most 1000000");
}

TEST(HostileInput, AFolderWithALinkLoopListsEachImageOnce) {
  TempDir dir;
  fs::create_directories(dir / "data/sub");
  for (int i = 0; i < 3; ++i)
    write_png(dir / ("data/sub/" + std::to_string(i) + ".png"), torch::full({3, 8, 8}, 9 * i, torch::kUInt8));
  fs::create_directory_symlink("..", dir / "data/sub/up");  // data/sub/up/sub/up/...
  FolderOptions options;
  options.image_size = 8;
  EXPECT_EQ(load_image_folder(dir / "data", options).images.size(0), 3);
}

TEST(HostileInput, NonFinitePointsAreNamedWithTheirLine) {
  TempDir dir;
  write_bytes(dir / "a.csv", "x,y\n0,1\n2,nan\n");
  write_bytes(dir / "b.csv", "x,y\n0,1\n2,3\n");
  expect_usage_error("distance " + (dir / "a.csv") + " " + (dir / "b.csv"), dir / "a.csv:3");
}

TEST(HostileInput, ARunStoppedBeforeItTrainedCanBeStartedAgain) {
  TempDir dir;
  // What a kill during start-up leaves: config.json alone.
  write_bytes(dir / "run/config.json", "{}");
  const auto r = run_wgan(kTiny + "--iters 1 --out " + (dir / "run"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(fs::exists(dir / "run/checkpoints/final.pt"));
}

TEST(HostileInput, MoreThreadsThanCoresAreWarnedAbout) {
  TempDir dir;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto r = run_wgan("train --batch-size 32 --g-width 16 --d-width 16 --eval-samples 50 --quiet --iters 1 "
                          "--threads " + std::to_string(cores + 1) + " --out " + (dir / "run"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("warning: " + std::to_string(cores + 1) + " threads on " + std::to_string(cores) + " cores"),
            std::string::npos)
      << r.output;
}

// Files that crash LibTorch 1.13's own readers (found by fuzzing, fuzz/crashes/): a checkpoint
// whose archive passes the checksum, and a TorchScript feature network. Each is read first in a
// separate process, so the crash is one line and exit status 2, not the end of wgan. Whether the
// reader crashes on a file or refuses it depends on how the heap lies (on one machine the
// feature network crashes it every time, on another it is refused): either is one line naming
// the file. tests/core/crash_isolation_test.cpp crashes a child on purpose.
TEST(HostileInput, FilesThatCrashLibTorchsReaderAreRefusedWithOneLine) {
  TempDir dir;
  const std::string crashes = std::string(WGAN_SOURCE_DIR) + "/fuzz/crashes/";
  write_bytes(dir / "crafted.pt", seal_checkpoint(read_file(crashes + "checkpoint_archive/segv-in-torchscript-type-parser")));
  expect_usage_error("sample --checkpoint " + dir / "crafted.pt" + " --n 2 --out " + dir / "x.csv", "crafted.pt: ");
  EXPECT_FALSE(fs::exists(dir / "x.csv"));
  write_bytes(dir / "features.pt", read_file(crashes + "feature_network/segv-in-source-range-highlight"));
  write_bytes(dir / "data/t10k-images-idx3-ubyte",
              big_endian32(2051) + big_endian32(4) + big_endian32(28) + big_endian32(28) + std::string(4 * 28 * 28, '\x40'));
  // The data are loaded (and said) first, then the feature network is refused.
  const auto train = run_wgan("train --dataset mnist --data " + dir / "data" + " --iters 1 --features " +
                              dir / "features.pt" + " --out " + dir / "run");
  EXPECT_EQ(train.status, 2) << train.output;
  const std::string error = train.output.substr(train.output.find("wgan:"));
  EXPECT_EQ(count_lines(error), 1) << train.output;
  const std::string named = "wgan: --features " + dir / "features.pt" + ": ";
  EXPECT_TRUE(error.rfind(named + "malformed; LibTorch's reader crashed on it", 0) == 0 ||
              error.rfind(named + "not a TorchScript module", 0) == 0)
      << train.output;
  EXPECT_FALSE(fs::exists(dir / "run"));
}

}  // namespace
}  // namespace wgan::test
