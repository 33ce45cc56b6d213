// The pieces of the event files that have closed forms: CRC-32C's published check values, the
// TFRecord length field, the scalars taken from a metrics record. The files as TensorBoard
// reads them are checked in tests/cli/tensorboard_test.cpp, by code that shares nothing with
// the writer.
#include <gtest/gtest.h>

#include <cstring>

#include "wgan/core/crc32c.h"
#include "wgan/run/run_tensorboard.h"
#include "wgan/tensorboard/event_file.h"

namespace wgan {
namespace {

// RFC 3720 (iSCSI), appendix B.4, and the "123456789" check value of the CRC catalogue.
TEST(Crc32c, MatchesThePublishedCheckValues) {
  EXPECT_EQ(crc32c(std::string("123456789")), 0xE3069283u);
  EXPECT_EQ(crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(crc32c(std::string(32, '\xff')), 0x62A8AB43u);
  std::string ascending(32, '\0');
  for (int i = 0; i < 32; ++i) ascending[i] = static_cast<char>(i);
  EXPECT_EQ(crc32c(ascending), 0x46DD794Eu);
  EXPECT_EQ(crc32c(std::string()), 0u);
}

TEST(Crc32c, MaskIsTheRotationPlusTheConstant) {
  EXPECT_EQ(masked_crc32c(0), 0xa282ead8u);
  EXPECT_EQ(masked_crc32c(1u << 15), 1u + 0xa282ead8u);  // bit 15 rotates to bit 0
  EXPECT_EQ(masked_crc32c(1), (1u << 17) + 0xa282ead8u);
}

TEST(TfRecord, IsLengthCrcDataCrc) {
  const std::string data(300, 'x');
  const std::string record = tf_record(data);
  ASSERT_EQ(record.size(), 8 + 4 + data.size() + 4);
  uint64_t length = 0;
  std::memcpy(&length, record.data(), 8);  // little-endian on every machine wgan builds for
  EXPECT_EQ(length, 300u);
  EXPECT_EQ(record.substr(12, 300), data);
}

TEST(EventFileName, IsWhatTensorBoardLooksFor) {
  EXPECT_EQ(event_file_name(1700000000, "host", 42, 0), "events.out.tfevents.1700000000.host.42.0");
}

TEST(RecordScalars, EveryNumberButTheIterationArraysByIndex) {
  const auto record = nlohmann::json::parse(
      R"({"iter": 20, "loss_d": -1.5, "modes_covered": 25, "swd_levels": [1.0, 2.5], "name": "text"})");
  const auto scalars = record_scalars(record);
  const std::vector<std::pair<std::string, double>> expected = {
      {"loss_d", -1.5}, {"modes_covered", 25}, {"swd_levels/0", 1.0}, {"swd_levels/1", 2.5}};
  EXPECT_EQ(scalars, expected);
}

}  // namespace
}  // namespace wgan
