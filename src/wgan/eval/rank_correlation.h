// Spearman's rank correlation, for "does the critic's estimate track sample quality?".
#pragma once
#include <vector>

namespace wgan {

// Ranks 1..n, ties given the mean of the ranks they span.
std::vector<double> ranks(const std::vector<double>& values);

// Pearson's correlation of the ranks of x and y (same length >= 2); NaN when either is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace wgan
