// The fuzz targets' functions, one file each under fuzz/targets/; fuzz_target.cpp lists them.
#pragma once
#include <string>
#include <string_view>

namespace wgan::fuzz {

void read_idx(std::string_view input);
void write_idx_seeds(const std::string& dir);

void read_cifar10(std::string_view input);
void write_cifar10_seeds(const std::string& dir);

void read_image(std::string_view input);
void write_image_seeds(const std::string& dir);

void read_checkpoint_file(std::string_view input);
void write_checkpoint_file_seeds(const std::string& dir);
void read_checkpoint_archive(std::string_view input);
void write_checkpoint_archive_seeds(const std::string& dir);

void read_config(std::string_view input);
void write_config_seeds(const std::string& dir);

void read_points_csv(std::string_view input);
void write_points_csv_seeds(const std::string& dir);
void read_points_pt(std::string_view input);
void write_points_pt_seeds(const std::string& dir);

void read_tar_gz(std::string_view input);
void write_tar_gz_seeds(const std::string& dir);

void read_feature_network(std::string_view input);
void write_feature_network_seeds(const std::string& dir);

}  // namespace wgan::fuzz
