// wgan data fetch against a file server the test starts on 127.0.0.1
// (tests/python/file_server.py), serving files the test writes, their sums written by
// coreutils' md5sum: a whole fetch that train then reads, a dropped connection continued, a
// corrupted file refused, an unreachable server; and the published sums against the real
// MNIST test files.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "../test_util.h"

namespace wgan::test {
namespace {

namespace fs = std::filesystem;

const std::string kImages = "t10k-images-idx3-ubyte.gz";
const std::string kLabels = "t10k-labels-idx1-ubyte.gz";

// The file server, running while the object lives.
class FileServer {
 public:
  FileServer(const std::string& root, const std::string& port_file, const std::string& extra = "") {
    pid_ = fork();
    if (pid_ == 0) {
      const std::string command = "exec /usr/bin/python3 " + std::string(WGAN_SOURCE_DIR) +
                                  "/tests/python/file_server.py " + root + " " + port_file + " " + extra;
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    url_ = "http://127.0.0.1:" + read_file(port_file) + "/";
  }
  ~FileServer() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  const std::string& url() const { return url_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

// MNIST's test split in small: 300 random 28x28 digits and their labels, gzip-compressed as
// published, and sums.md5 in md5sum's format. Random pixels make the images file larger than
// the cut the dropped-connection test makes.
void write_fixture(const std::string& dir) {
  std::string pixels(300 * 28 * 28, '\0'), labels(300, '\0');
  std::mt19937 random(7);
  for (char& pixel : pixels) pixel = static_cast<char>(random() & 0xFF);
  for (size_t i = 0; i < labels.size(); ++i) labels[i] = static_cast<char>(i % 10);
  write_bytes(dir + "/t10k-images-idx3-ubyte",
              big_endian32(2051) + big_endian32(300) + big_endian32(28) + big_endian32(28) + pixels);
  write_bytes(dir + "/t10k-labels-idx1-ubyte", big_endian32(2049) + big_endian32(300) + labels);
  ASSERT_EQ(run_command("cd " + dir + " && gzip -n t10k-images-idx3-ubyte t10k-labels-idx1-ubyte && md5sum " +
                        kImages + " " + kLabels + " > sums.md5").status, 0);
}

std::string fetch(const std::string& env, const std::string& args) {
  return env + " " + std::string(WGAN_BINARY) + " data fetch mnist --split test " + args;
}

void expect_same_files(const std::string& a, const std::string& b) {
  for (const auto& name : {kImages, kLabels}) EXPECT_EQ(read_file(a + "/" + name), read_file(b + "/" + name)) << name;
}

TEST(DataFetch, FetchesIntoTheDefaultDirectoryAndTrainReadsItThere) {
  TempDir dir;
  write_fixture(dir / "served");
  FileServer server(dir / "served", dir / "port");
  const std::string env = "WGAN_DATA=" + (dir / "data") + " WGAN_FETCH_SUMS=" + (dir / "served/sums.md5");
  const CommandResult r = run_command(fetch(env, "--mirror " + server.url()));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find(kImages + ": MD5 "), std::string::npos) << r.output;
  expect_same_files(dir / "served", dir / "data/mnist");
  EXPECT_FALSE(fs::exists(dir / ("data/mnist/" + kImages + ".part")));
  // Again: nothing downloaded, the files verified.
  const CommandResult again = run_command(fetch(env, "--mirror " + server.url()));
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find(kImages + ": already there, MD5 verified"), std::string::npos) << again.output;
  // train finds it without --data.
  const CommandResult trained = run_command(env + " " + std::string(WGAN_BINARY) +
                                            " train --dataset mnist --split test --iters 1 --batch-size 16 "
                                            "--ngf 8 --ndf 8 --eval-samples 16 --threads 1 --quiet --out " +
                                            (dir / "run"));
  EXPECT_EQ(trained.status, 0) << trained.output;
}

TEST(DataFetch, ADroppedConnectionKeepsWhatArrivedAndTheNextFetchContinues) {
  TempDir dir;
  write_fixture(dir / "served");
  ASSERT_GT(fs::file_size(dir / ("served/" + kImages)), 50000u);
  const std::string env = "WGAN_FETCH_SUMS=" + (dir / "served/sums.md5");
  const std::string args = "--to " + (dir / "data");
  {
    FileServer dropping(dir / "served", dir / "port1", "--cut-after 20000");
    const CommandResult cut = run_command(fetch(env, args + " --mirror " + dropping.url()));
    EXPECT_EQ(cut.status, 1) << cut.output;
    EXPECT_NE(cut.output.find("20000 bytes kept, the same command continues from there"), std::string::npos)
        << cut.output;
    EXPECT_EQ(fs::file_size(dir / ("data/" + kImages + ".part")), 20000u);
    EXPECT_FALSE(fs::exists(dir / ("data/" + kImages)));
    // Ranged requests are answered whole: the same server completes it.
    const CommandResult resumed = run_command(fetch(env, args + " --mirror " + dropping.url()));
    ASSERT_EQ(resumed.status, 0) << resumed.output;
    EXPECT_NE(resumed.output.find(kImages + ": continuing"), std::string::npos) << resumed.output;
  }
  expect_same_files(dir / "served", dir / "data");
}

TEST(DataFetch, ACorruptedFileIsDeletedAndRefusedNamingBothSums) {
  TempDir dir;
  write_fixture(dir / "served");
  const std::string good = read_file(dir / ("served/" + kImages));
  std::string bad = good;
  bad[bad.size() / 2] ^= 0x40;
  write_bytes(dir / ("served/" + kImages), bad);
  FileServer server(dir / "served", dir / "port");
  const CommandResult r = run_command(fetch("WGAN_FETCH_SUMS=" + (dir / "served/sums.md5"),
                                            "--to " + (dir / "data") + " --mirror " + server.url()));
  EXPECT_EQ(r.status, 2) << r.output;
  const std::string published = read_file(dir / "served/sums.md5").substr(0, 32);
  const std::string got = run_command("md5sum < " + (dir / ("served/" + kImages))).output.substr(0, 32);
  EXPECT_NE(r.output.find("MD5 " + got + ", expected " + published), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / ("data/" + kImages)));
  EXPECT_FALSE(fs::exists(dir / ("data/" + kImages + ".part")));
}

TEST(DataFetch, AnUnreachableServerIsOneLine) {
  TempDir dir;
  const CommandResult r = run_command(fetch("", "--to " + (dir / "data") + " --mirror http://127.0.0.1:1/"));
  EXPECT_EQ(r.status, 1) << r.output;
  const std::string last = r.output.substr(r.output.rfind("wgan:"));
  EXPECT_EQ(count_lines(last), 1) << r.output;
  EXPECT_NE(last.find("cannot download http://127.0.0.1:1/" + kImages), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / ("data/" + kImages)));
}

// CIFAR-10's archive, made by Python's tarfile (two records per batch: a label byte, 3,072
// pixels): its members unpacked where the loader looks.
TEST(DataFetch, AnArchiveIsUnpackedWhereTrainReadsIt) {
  TempDir dir;
  const std::string served = dir / "served";
  fs::create_directories(served);
  const CommandResult made = run_python(
      "-c \"import io, os, tarfile\n"
      "t = tarfile.open('" + served + "/cifar-10-binary.tar.gz', 'w:gz')\n"
      "names = ['data_batch_%d.bin' % i for i in range(1, 6)] + ['test_batch.bin', 'batches.meta.txt', 'readme.html']\n"
      "for n, name in enumerate(names):\n"
      "    data = bytes((n + k // 3073) % 10 if k % 3073 == 0 else (n * 7 + k) % 256 for k in range(2 * 3073))\n"
      "    info = tarfile.TarInfo('cifar-10-batches-bin/' + name); info.size = len(data)\n"
      "    t.addfile(info, io.BytesIO(data))\n"
      "t.close()\"");
  ASSERT_EQ(made.status, 0) << made.output;
  ASSERT_EQ(run_command("cd " + served + " && md5sum cifar-10-binary.tar.gz > sums.md5").status, 0);
  FileServer server(served, dir / "port");
  const std::string env = "WGAN_FETCH_SUMS=" + served + "/sums.md5 ";
  const CommandResult r = run_command(env + WGAN_BINARY + " data fetch cifar10 --to " + (dir / "data") +
                                      " --mirror " + server.url());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(fs::file_size(dir / "data/cifar-10-batches-bin/data_batch_3.bin"), 2u * 3073);
  EXPECT_FALSE(fs::exists(dir / "data/cifar-10-batches-bin/readme.html"));  // not one the loader reads
  const CommandResult trained = run_wgan("train --dataset cifar10 --data " + (dir / "data") +
                                         " --iters 1 --batch-size 4 --ngf 8 --ndf 8 --eval-samples 8 --threads 1 "
                                         "--quiet --out " + (dir / "run"));
  EXPECT_EQ(trained.status, 0) << trained.output;
}

TEST(DataFetch, UnknownDatasetsAndSplitsAreRefused) {
  expect_usage_error("data fetch svhn", "svhn");
  expect_usage_error("data fetch mnist --split validation", "validation");
}

// The published sums, checked against the real MNIST test files (../shared/data/mnist).
TEST(DataFetch, ThePublishedSumsMatchTheRealMnistTestFiles) {
  const std::string mnist = mnist_dir();
  if (mnist.empty()) GTEST_SKIP() << "the real MNIST test set is not there";
  TempDir dir;
  FileServer server(mnist, dir / "port");
  const CommandResult r = run_command(fetch("", "--to " + (dir / "data") + " --mirror " + server.url()));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find(kImages + ": MD5 9fb629c4189551a2d022fa330f9573f3 verified"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace wgan::test
