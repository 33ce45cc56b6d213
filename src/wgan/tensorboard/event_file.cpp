#include "wgan/tensorboard/event_file.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "wgan/core/atomic_file.h"
#include "wgan/core/crc32c.h"
#include "wgan/core/error.h"
#include "wgan/tensorboard/event.pb.h"

namespace wgan {
namespace {

namespace pb = tensorboard::proto;

constexpr int kStringDataType = 7;  // TensorFlow's DT_STRING

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string little_endian(uint64_t value, int bytes) {
  std::string out(bytes, '\0');
  for (int i = 0; i < bytes; ++i) out[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  return out;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

pb::Event event_at(int64_t step) {
  pb::Event event;
  event.set_wall_time(now_seconds());
  event.set_step(step);
  return event;
}

uint32_t big_endian32(const std::string& bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// PNG colour type (IHDR byte 9) to TensorBoard's colorspace: channels.
int colorspace_of(unsigned char colour_type) {
  switch (colour_type) {
    case 0: return 1;  // grey
    case 4: return 2;  // grey + alpha
    case 6: return 4;  // RGBA
    default: return 3;  // RGB, palette
  }
}

}  // namespace

std::string event_file_name(int64_t unix_seconds, const std::string& host, int64_t pid, int64_t sequence) {
  return "events.out.tfevents." + std::to_string(unix_seconds) + "." + host + "." + std::to_string(pid) + "." +
         std::to_string(sequence);
}

std::string tf_record(const std::string& data) {
  const std::string length = little_endian(data.size(), 8);
  return length + little_endian(masked_crc32c(crc32c(length)), 4) + data +
         little_endian(masked_crc32c(crc32c(data)), 4);
}

EventFileWriter::EventFileWriter(const std::string& dir) {
  const auto seconds = static_cast<int64_t>(now_seconds());
  const std::string host = host_name();
  std::string path;
  for (int64_t sequence = 0;; ++sequence) {
    path = dir + "/" + event_file_name(seconds, host, getpid(), sequence);
    if (!std::filesystem::exists(path)) break;
  }
  file_ = std::make_unique<AppendOnlyFile>(path);
  pb::Event event = event_at(0);
  event.set_file_version("brain.Event:2");
  add_event(event.SerializeAsString());
  flush();
}

EventFileWriter::~EventFileWriter() = default;

const std::string& EventFileWriter::path() const { return file_->path(); }

void EventFileWriter::add_event(const std::string& serialized_event) { pending_ += tf_record(serialized_event); }

void EventFileWriter::flush() {
  if (pending_.empty()) return;
  std::string bytes;
  bytes.swap(pending_);  // a failed write is not retried: the file keeps whole records only
  file_->append(bytes);
}

void EventFileWriter::add_scalar(const std::string& tag, int64_t step, double value) {
  pb::Event event = event_at(step);
  pb::Summary::Value* v = event.mutable_summary()->add_value();
  v->set_tag(tag);
  v->set_simple_value(static_cast<float>(value));
  add_event(event.SerializeAsString());
}

void EventFileWriter::add_png(const std::string& tag, int64_t step, const std::string& png) {
  static const std::string kSignature = "\x89PNG\r\n\x1a\n";
  if (png.size() < 26 || png.compare(0, 8, kSignature) != 0 || png.compare(12, 4, "IHDR") != 0)
    throw RunError("TensorBoard image " + tag + ": not a PNG");
  pb::Event event = event_at(step);
  pb::Summary::Value* v = event.mutable_summary()->add_value();
  v->set_tag(tag);
  pb::Summary::Image* image = v->mutable_image();
  image->set_width(static_cast<int32_t>(big_endian32(png, 16)));
  image->set_height(static_cast<int32_t>(big_endian32(png, 20)));
  image->set_colorspace(colorspace_of(static_cast<unsigned char>(png[25])));
  image->set_encoded_image_string(png);
  add_event(event.SerializeAsString());
}

void EventFileWriter::add_histogram(const std::string& tag, int64_t step, const torch::Tensor& values, int64_t bins) {
  torch::Tensor x = values.detach().to(torch::kCPU, torch::kFloat64).flatten();
  x = x.masked_select(x.isfinite());  // a diverged weight has no place on the axis
  if (x.numel() == 0) return;
  pb::Event event = event_at(step);
  pb::Summary::Value* v = event.mutable_summary()->add_value();
  v->set_tag(tag);
  pb::HistogramProto* h = v->mutable_histo();
  const double low = x.min().item<double>(), high = x.max().item<double>();
  h->set_min(low);
  h->set_max(high);
  h->set_num(static_cast<double>(x.numel()));
  h->set_sum(x.sum().item<double>());
  h->set_sum_squares(x.square().sum().item<double>());
  if (!(high > low)) bins = 1;  // one value repeated (a bias at zero): one bucket holds all
  const torch::Tensor counts = bins == 1 ? torch::full({1}, static_cast<double>(x.numel()), torch::kFloat64)
                                         : torch::histc(x, bins, low, high);
  for (int64_t i = 0; i < bins; ++i) {
    h->add_bucket_limit(i + 1 == bins ? high : low + (high - low) * static_cast<double>(i + 1) / bins);
    h->add_bucket(counts[i].item<double>());
  }
  add_event(event.SerializeAsString());
}

void EventFileWriter::add_text(const std::string& tag, int64_t step, const std::string& markdown) {
  pb::Event event = event_at(step);
  pb::Summary::Value* v = event.mutable_summary()->add_value();
  v->set_tag(tag);
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("text");
  pb::TensorProto* tensor = v->mutable_tensor();
  tensor->set_dtype(kStringDataType);
  tensor->mutable_tensor_shape()->add_dim()->set_size(1);
  tensor->add_string_val(markdown);
  add_event(event.SerializeAsString());
}

void EventFileWriter::add_session_start(int64_t step) {
  pb::Event event = event_at(step);
  event.mutable_session_log()->set_status(pb::SessionLog::START);
  add_event(event.SerializeAsString());
}

}  // namespace wgan
