// Helpers shared by the tests: temporary directories and running the wgan binary.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace wgan::test {

// A fresh empty directory under the system's temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs the wgan binary with these arguments (a shell-quoted string) and captures its output.
CommandResult run_wgan(const std::string& arguments);

std::string read_file(const std::string& path);

// The records of RUN/metrics.jsonl without their wall-clock field `time_s`, for comparing runs.
std::vector<nlohmann::json> metrics_without_time(const std::string& run_dir);

// The real MNIST test set (t10k, 10,000 digits): $WGAN_MNIST_DIR, else ../shared/data/mnist
// beside the repository. Empty when neither holds it.
std::string mnist_dir();

// Writes bytes to a file (for the small data files tests make themselves).
void write_bytes(const std::string& path, const std::string& bytes);

}  // namespace wgan::test
