// One file over HTTP(S) with libcurl, into a partial file that a later call continues.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace wgan {

// Bytes of this download so far, and the file's whole size (0 while unknown).
using DownloadProgress = std::function<void(int64_t done, int64_t total)>;

// Appends `url`'s bytes to `partial`, asking the server for the rest when `partial` already
// holds a beginning (HTTP Range); a server that ignores the range starts it again. Follows
// redirects; a stall of 60 s ends it. Returns when the server has sent the whole file. A
// refused connection, an HTTP error or a cut transfer is a RunError naming the address and
// the cause, and leaves `partial` with what arrived, for the next call to continue.
void download_to(const std::string& url, const std::string& partial, const DownloadProgress& progress);

}  // namespace wgan
