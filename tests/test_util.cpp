#include "test_util.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "wgan/core/error.h"

namespace wgan::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "wgan-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult run_wgan(const std::string& arguments) { return run_command(std::string(WGAN_BINARY) + " " + arguments); }

CommandResult run_python(const std::string& arguments) { return run_command("/usr/bin/python3 " + arguments); }

bool python_has_module(const std::string& module) {
  return std::system(("/usr/bin/python3 -c 'import " + module + "' >/dev/null 2>&1").c_str()) == 0;
}

CommandResult run_command(const std::string& command_line) {
  const std::string command = command_line + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::array<char, 4096> buffer{};
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<nlohmann::json> metrics_without_time(const std::string& run_dir) {
  std::istringstream lines(read_file(run_dir + "/metrics.jsonl"));
  std::vector<nlohmann::json> records;
  std::string line;
  while (std::getline(lines, line)) {
    auto record = nlohmann::json::parse(line);
    record.erase("time_s");
    record.erase("eval_s");
    records.push_back(record);
  }
  return records;
}

std::string big_endian32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

int count_lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

std::string usage_error_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no UsageError";
}

std::string param_name(std::string text) {
  for (char& ch : text)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return text;
}

void expect_usage_error(const std::string& args, const std::string& mentions) {
  CommandResult r = run_wgan(args);
  EXPECT_EQ(r.status, 2) << args << "\n" << r.output;
  EXPECT_EQ(count_lines(r.output), 1) << args << "\n" << r.output;
  EXPECT_NE(r.output.find(mentions), std::string::npos) << args << "\n" << r.output;
}

std::string mnist_dir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("WGAN_MNIST_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(WGAN_SOURCE_DIR) + "/../shared/data/mnist");
  for (const auto& dir : candidates)
    if (std::filesystem::exists(dir + "/t10k-images-idx3-ubyte.gz") ||
        std::filesystem::exists(dir + "/t10k-images-idx3-ubyte"))
      return std::filesystem::canonical(dir).string();
  return "";
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string docs_block(const std::string& file, const std::string& name) {
  const std::string all = read_file(std::string(WGAN_SOURCE_DIR) + "/docs/" + file);
  const std::string begin = "<!-- " + name + ":begin -->\n", end = "<!-- " + name + ":end -->";
  const size_t a = all.find(begin), b = all.find(end);
  if (a == std::string::npos || b == std::string::npos) return "no " + name + " block in docs/" + file;
  return all.substr(a + begin.size(), b - a - begin.size());
}

}  // namespace wgan::test
