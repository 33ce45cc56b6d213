#include "wgan/fetch/download.h"

#include <curl/curl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "wgan/core/error.h"

namespace wgan {
namespace {

namespace fs = std::filesystem;

struct Transfer {
  std::FILE* file = nullptr;
  int write_errno = 0;
  int64_t offset = 0;  // bytes in the file before this transfer
  const DownloadProgress* progress = nullptr;
};

size_t write_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (std::fwrite(data, 1, bytes, t->file) != bytes || std::fflush(t->file) != 0) {
    t->write_errno = errno;
    return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
  }
  return bytes;
}

int report_progress(void* user, curl_off_t total, curl_off_t done, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (*t->progress) (*t->progress)(t->offset + done, total > 0 ? t->offset + total : 0);
  return 0;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

// One attempt from `offset` bytes; the libcurl code and the HTTP status.
std::pair<CURLcode, long> transfer(const std::string& url, Transfer& t, char* error_text) {
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialised) throw RunError("libcurl could not be initialised");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw RunError("libcurl could not be initialised");
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);  // a stall: under 1 byte/s ...
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 60L);  // ... for 60 s
  curl_easy_setopt(c, CURLOPT_USERAGENT, "wgan-data-fetch");
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, report_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  if (t.offset > 0) curl_easy_setopt(c, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(t.offset));
  const CURLcode code = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  return {code, status};
}

int64_t size_or_zero(const std::string& path) {
  return fs::exists(path) ? static_cast<int64_t>(fs::file_size(path)) : 0;
}

}  // namespace

void download_to(const std::string& url, const std::string& partial, const DownloadProgress& progress) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    Transfer t;
    t.progress = &progress;
    t.offset = size_or_zero(partial);
    t.file = std::fopen(partial.c_str(), "ab");
    if (!t.file) throw RunError("cannot write " + partial + ": " + std::strerror(errno));
    char error_text[CURL_ERROR_SIZE] = {};
    const auto [code, status] = transfer(url, t, error_text);
    std::fclose(t.file);
    if (code == CURLE_OK) return;
    // The whole file is already here: the server has nothing past its end.
    if (code == CURLE_HTTP_RETURNED_ERROR && status == 416 && t.offset > 0) return;
    // A server that cannot send a part: the file again from its start.
    if (code == CURLE_RANGE_ERROR && attempt == 0) {
      fs::remove(partial);
      continue;
    }
    if (t.write_errno != 0)
      throw RunError("cannot write " + partial + ": " + std::strerror(t.write_errno));
    const std::string cause = error_text[0] ? error_text : curl_easy_strerror(code);
    const int64_t kept = size_or_zero(partial);
    throw RunError("cannot download " + url + ": " + cause +
                   (kept > 0 ? "; " + std::to_string(kept) + " bytes kept, the same command continues from there"
                             : std::string()));
  }
}

}  // namespace wgan
