#include "wgan/run/run_directory.h"

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/run_layout.h"
#include "wgan/eval/metric_registry.h"

namespace wgan {
namespace fs = std::filesystem;
namespace {

int next_run_number(const fs::path& root) {
  int highest = 0;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return 1;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() >= 5 && std::isdigit(static_cast<unsigned char>(name[0])))
      highest = std::max(highest, std::atoi(name.substr(0, 5).c_str()));
  }
  return highest + 1;
}

}  // namespace

OwnedRunDirectory create_run_directory(const TrainConfig& config, const std::string& out,
                                       const std::string& runs_root) {
  std::error_code ec;
  const auto cannot_create = [&](const fs::path& dir) {
    return OptionError("out",
                       "cannot create the run directory (" + (ec ? ec.message() : std::string("not a directory")) +
                           "); expected a writable path",
                       dir.string());
  };
  fs::path dir;
  if (out.empty()) {
    // Claimed by creating it: of two processes choosing the same number, the second moves on.
    fs::create_directories(runs_root, ec);
    for (int number = next_run_number(runs_root);; ++number) {
      std::ostringstream name;
      name << std::setw(5) << std::setfill('0') << number << "-" << config.dataset << "-" << config.loss;
      dir = fs::path(runs_root) / name.str();
      if (fs::create_directory(dir, ec)) break;
      if (ec) throw cannot_create(dir);
    }
  } else {
    dir = out;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) throw cannot_create(dir);
  }
  OwnedRunDirectory run{dir.string(), RunLock(dir.string())};
  // Under the lock nobody else writes here; what is already here is somebody's, except a run
  // stopped before it trained at all (no metrics, no checkpoint: killed while loading), which
  // holds nothing worth keeping and is started again.
  const bool never_trained = !fs::exists(dir / RunLayout::kMetrics) && !fs::exists(dir / RunLayout::kCheckpoints);
  if (fs::exists(dir / RunLayout::kConfig) && !never_trained)
    throw OptionError("out", "that directory already holds a run (config.json); expected a new or empty directory",
                      out);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename();
    if (name == RunLayout::kLock) continue;
    if (never_trained && (name == RunLayout::kConfig || name == RunLayout::kLog)) {
      fs::remove(entry.path(), ec);
      continue;
    }
    throw OptionError("out",
                      "not empty (it holds " + entry.path().filename().string() +
                          "); expected a new or empty directory, so that nothing in it is overwritten",
                      out);
  }
  try {
    write_text_atomically(RunLayout(dir.string()) / RunLayout::kConfig, to_json(config).dump(2) + "\n");
  } catch (const std::exception& e) {
    throw OptionError("out", std::string("the run directory is not writable (") + e.what() + ")", dir.string());
  }
  return run;
}

void truncate_metrics(const std::string& run_dir, int64_t iteration) {
  const std::string path = RunLayout(run_dir) / RunLayout::kMetrics;
  if (!fs::exists(path)) return;
  std::istringstream lines(read_text_file(path));
  std::string line, kept;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
      continue;  // a line torn by a kill mid-write
    }
    if (record.value(metric::kIteration, int64_t{0}) <= iteration) kept += line + "\n";
  }
  write_text_atomically(path, kept);
}

MetricsLog::MetricsLog(const std::string& run_dir) : file_(RunLayout(run_dir) / RunLayout::kMetrics) {}

void MetricsLog::append(const nlohmann::json& record) { file_.append(record.dump() + "\n"); }

RunLog::RunLog(const std::string& run_dir, std::ostream& console, bool quiet)
    : file_(std::in_place, RunLayout(run_dir) / RunLayout::kLog), console_(console), quiet_(quiet) {}

void RunLog::file_only(const std::string& text) {
  if (!file_) return;
  try {
    file_->append(text + "\n");
  } catch (const RunError& e) {
    file_.reset();
    if (bar_) bar_->clear();
    console_ << "warning: " << e.what() << "; log.txt misses what follows, training goes on" << std::endl;
  }
}

void RunLog::line(const std::string& text) {
  file_only(text);
  if (quiet_) return;
  if (bar_) bar_->clear();
  console_ << text << std::endl;
}

void RunLog::important(const std::string& text) {
  file_only(text);
  if (bar_) bar_->clear();
  console_ << text << std::endl;
}

}  // namespace wgan
