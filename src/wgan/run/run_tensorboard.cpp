#include "wgan/run/run_tensorboard.h"

#include "wgan/core/atomic_file.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/tensorboard/event_file.h"

namespace wgan {
namespace {

void collect(const std::string& tag, const nlohmann::json& value, std::vector<std::pair<std::string, double>>& out) {
  if (value.is_number()) {
    out.emplace_back(tag, value.get<double>());
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) collect(tag + "/" + std::to_string(i), value[i], out);
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) collect(tag + "/" + key, item, out);
  }
}

// The configuration as a Markdown code block (four spaces before every line).
std::string as_code_block(const std::string& text) {
  std::string out = "    ";
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out += "    ";
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, double>> record_scalars(const nlohmann::json& record) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [key, value] : record.items())
    if (key != metric::kIteration) collect(key, value, out);
  return out;
}

RunTensorBoard::RunTensorBoard(const TrainConfig& config, std::string run_dir, Warn warn)
    : config_(config), run_dir_(std::move(run_dir)), warn_(std::move(warn)) {}

RunTensorBoard::~RunTensorBoard() = default;

void RunTensorBoard::give_up(const std::exception& e) {
  const std::string what = e.what();
  warn_("warning: TensorBoard event file not written (" + what.substr(0, what.find('\n')) +
        "); none is written for the rest of this session, training goes on");
  writer_.reset();
}

void RunTensorBoard::guarded(const std::function<void()>& write) {
  if (!writer_) return;
  try {
    write();
    writer_->flush();
  } catch (const std::exception& e) {
    give_up(e);
  }
}

void RunTensorBoard::start(int64_t iteration) {
  if (!config_.tensorboard) return;
  try {
    writer_ = std::make_unique<EventFileWriter>(run_dir_);
  } catch (const std::exception& e) {
    return give_up(e);
  }
  guarded([&] {
    if (iteration > 0) writer_->add_session_start(iteration + 1);
    writer_->add_text("config", iteration, as_code_block(to_json(config_).dump(2)));
  });
}

void RunTensorBoard::record(const nlohmann::json& record) {
  guarded([&] {
    const int64_t step = record.at(metric::kIteration).get<int64_t>();
    for (const auto& [tag, value] : record_scalars(record)) writer_->add_scalar(tag, step, value);
  });
}

void RunTensorBoard::pictures(const std::vector<WrittenPicture>& written, int64_t iteration) {
  guarded([&] {
    for (const auto& picture : written) writer_->add_png(picture.tag, iteration, read_text_file(picture.path));
  });
}

void RunTensorBoard::histograms(const NetworkPair& networks, int64_t iteration, bool last) {
  if (config_.histogram_every == 0 || (!last && iteration % config_.histogram_every != 0)) return;
  guarded([&] {
    const std::pair<const char*, Network> named[] = {
        {"generator", networks.generator}, {"critic", networks.critic}, {"generator_ema", networks.averaged_generator}};
    for (const auto& [name, network] : named) {
      if (!network) continue;
      for (const auto& parameter : network->named_parameters())
        writer_->add_histogram(std::string(name) + "/" + parameter.key(), iteration, parameter.value());
    }
  });
}

}  // namespace wgan
