// Files written so that a crash or kill at any instant leaves either the old file or the new
// one, never a torn one: write to a temporary file beside the target, flush and fsync it, then
// rename it over the target and fsync the directory.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace wgan {

// A finished file given its final name: `from` flushed to the disk, renamed over `to`, and the
// directory flushed, so that after a crash `to` is the old file or the whole new one. RunError
// naming both when the rename fails.
void rename_durably(const std::string& from, const std::string& to);

// `write` receives the temporary path and must create the file there.
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write);

// Bytes written with the system's own calls, so that a failure says why ("No space left on
// device") and names `path`, the file the caller meant, not the temporary one.
void write_bytes_atomically(const std::string& path, const std::string& bytes);
void write_text_atomically(const std::string& path, const std::string& text);

// A file that only grows, one record per append (metrics.jsonl, log.txt): a record is written
// whole or not at all (a failed write is cut back to the record's start), and a failure is a
// RunError naming the file and the cause.
class AppendOnlyFile {
 public:
  explicit AppendOnlyFile(const std::string& path);  // RunError when it cannot be opened
  ~AppendOnlyFile();
  AppendOnlyFile(const AppendOnlyFile&) = delete;
  AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;
  void append(const std::string& bytes);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

std::string read_text_file(const std::string& path);

// Writes all `size` bytes to `fd`, through short writes and EINTR; the errno of a failure
// (ENOSPC for a write that wrote nothing), 0 on success.
int write_all(int fd, const char* bytes, size_t size);

}  // namespace wgan
