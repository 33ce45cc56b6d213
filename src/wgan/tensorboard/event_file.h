// TensorBoard's event files, written without TensorFlow: TFRecord framing (length, masked
// CRC-32C of the length, a serialised Event, masked CRC-32C of it) around the Event and Summary
// messages of event.proto. One writer makes one new file, events.out.tfevents.<seconds>.<host>
// .<pid>.<n>, and never appends to an existing one; records are buffered and written, whole,
// by flush() (docs/tensorboard.md).
#pragma once
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace wgan {

class AppendOnlyFile;

// The file name TensorBoard looks for; `sequence` keeps two writers of one second apart.
std::string event_file_name(int64_t unix_seconds, const std::string& host, int64_t pid, int64_t sequence);

// One TFRecord: the framing around `data`.
std::string tf_record(const std::string& data);

class EventFileWriter {
 public:
  // A new file in `dir` (RunError when it cannot be made), first record file_version
  // "brain.Event:2".
  explicit EventFileWriter(const std::string& dir);
  ~EventFileWriter();
  EventFileWriter(const EventFileWriter&) = delete;
  EventFileWriter& operator=(const EventFileWriter&) = delete;

  void add_scalar(const std::string& tag, int64_t step, double value);
  // An encoded PNG; its size and colour type are read from its header.
  void add_png(const std::string& tag, int64_t step, const std::string& png);
  // `values` of any shape and floating type; `bins` equal buckets from the minimum to the maximum.
  void add_histogram(const std::string& tag, int64_t step, const torch::Tensor& values, int64_t bins = 30);
  // Markdown, shown by the text dashboard.
  void add_text(const std::string& tag, int64_t step, const std::string& markdown);
  // After a resume: TensorBoard drops what earlier files logged at steps >= `step`.
  void add_session_start(int64_t step);
  // Writes the buffered records (RunError naming the file when the disk refuses them).
  void flush();
  const std::string& path() const;

 private:
  void add_event(const std::string& serialized_event);
  std::unique_ptr<AppendOnlyFile> file_;
  std::string pending_;
};

}  // namespace wgan
