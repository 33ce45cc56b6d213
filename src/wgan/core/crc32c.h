// CRC-32C (Castagnoli, the polynomial 0x1EDC6F41 reflected), as TFRecord framing and iSCSI use
// it. Debian 12 has no C++ library for it; the table method is a few lines.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace wgan {

uint32_t crc32c(const void* data, size_t size);
inline uint32_t crc32c(const std::string& bytes) { return crc32c(bytes.data(), bytes.size()); }

// TFRecord's masked form: a CRC stored beside data that may itself hold CRCs.
inline uint32_t masked_crc32c(uint32_t crc) { return ((crc >> 15) | (crc << 17)) + 0xa282ead8u; }

}  // namespace wgan
