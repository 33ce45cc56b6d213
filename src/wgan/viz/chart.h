// Line charts drawn with Cairo: axes with "nice" ticks, labels, a legend, each series drawn raw
// (faint) and smoothed (bold), written as PNG or SVG.
#pragma once
#include <string>
#include <vector>

#include "wgan/core/choice.h"

namespace wgan {

struct ChartSeries {
  std::string label;
  std::vector<double> x, y;
};

// How the bold line is smoothed: an exponential moving average (debiased, as TensorBoard's),
// or a centred running median (the WGAN authors plot their critic loss median-filtered).
enum class SmoothingKind { kEma, kMedian, kNone };
inline constexpr ChoiceName<SmoothingKind> kSmoothingNames[] = {
    {SmoothingKind::kEma, "ema"}, {SmoothingKind::kMedian, "median"}, {SmoothingKind::kNone, "none"}};
constexpr const auto& choice_table(SmoothingKind) { return kSmoothingNames; }

struct Smoothing {
  SmoothingKind kind = SmoothingKind::kEma;
  double ema_beta = 0.9;
  int median_window = 101;
};

struct Chart {
  std::string title, x_label = "iteration", y_label;
  std::vector<ChartSeries> series;
  Smoothing smoothing;
  bool show_raw = true;  // the faint raw line under the smoothed one
};

std::vector<double> smooth(const std::vector<double>& y, const Smoothing& smoothing);

// Tick positions covering [lo, hi] at a 1, 2 or 5 x 10^k step, about `count` of them.
std::vector<double> nice_ticks(double lo, double hi, int count = 6);

// The file type follows the extension (.png or .svg). Written atomically.
void write_chart(const Chart& chart, const std::string& path, int width = 720, int height = 360);

}  // namespace wgan
