// Helpers shared by the tests: temporary directories and running the wgan binary.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
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

// Runs a shell command line and captures its output.
CommandResult run_command(const std::string& command_line);

// Runs the wgan binary with these arguments (a shell-quoted string) and captures its output.
CommandResult run_wgan(const std::string& arguments);

// Runs Debian's interpreter, /usr/bin/python3, which has the python3-* packages setup.sh
// installs (a python3 earlier on PATH, such as pyenv's, may not).
CommandResult run_python(const std::string& arguments);
bool python_has_module(const std::string& module);

std::string read_file(const std::string& path);

// The records of RUN/metrics.jsonl without their wall-clock fields `time_s` and `eval_s`, for
// comparing runs.
std::vector<nlohmann::json> metrics_without_time(const std::string& run_dir);

// The real MNIST test set (t10k, 10,000 digits): $WGAN_MNIST_DIR, else ../shared/data/mnist
// beside the repository. Empty when neither holds it.
std::string mnist_dir();

// Writes bytes to a file (for the small data files tests make themselves), making its directory.
void write_bytes(const std::string& path, const std::string& bytes);

// A 32-bit big-endian integer as 4 bytes (IDX headers).
std::string big_endian32(uint32_t value);

int count_lines(const std::string& text);

// The message of the UsageError `f` throws, or "no UsageError".
std::string usage_error_message(const std::function<void()>& f);

// A name GoogleTest accepts for a parametrised case: `text` with every other character as '_'.
std::string param_name(std::string text);

// The text between <!-- NAME:begin --> and <!-- NAME:end --> in docs/FILE (a table generated
// from a declaration; scripts/update-docs-tables.sh writes them).
std::string docs_block(const std::string& file, const std::string& name);

// Runs `wgan ARGS` and expects exit status 2 with one line of output that mentions `mentions`.
void expect_usage_error(const std::string& args, const std::string& mentions);

}  // namespace wgan::test
