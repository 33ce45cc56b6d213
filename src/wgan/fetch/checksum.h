// MD5 of a file, as its publisher states it (lower-case hex), computed by OpenSSL's libcrypto.
#pragma once
#include <string>

namespace wgan {

std::string md5_of_file(const std::string& path);  // RunError when it cannot be read

}  // namespace wgan
