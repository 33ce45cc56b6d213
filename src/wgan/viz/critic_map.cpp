#include "wgan/viz/critic_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "wgan/viz/cairo_util.h"
#include "wgan/viz/chart.h"

namespace wgan {
namespace {

constexpr int kLevels = 14;  // bands of the filled contour

// viridis, sampled at 9 points and interpolated linearly.
Rgb viridis(double t) {
  static const Rgb stops[] = {{0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530},
                              {0.207, 0.372, 0.553}, {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551},
                              {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441}, {0.993, 0.906, 0.144}};
  t = std::clamp(t, 0.0, 1.0) * 8;
  const int i = std::min(7, static_cast<int>(t));
  const double f = t - i;
  Rgb c;
  for (int k = 0; k < 3; ++k) c[k] = stops[i][k] * (1 - f) + stops[i + 1][k] * f;
  return c;
}

std::string label(double v) {
  char text[24];
  std::snprintf(text, sizeof text, std::fabs(v) >= 1000 || (v != 0 && std::fabs(v) < 0.01) ? "%.2e" : "%.2f", v);
  return text;
}

}  // namespace

void write_critic_map(const CriticMap& map, const std::string& path, int size) {
  auto values = map.values.to(torch::kFloat64).contiguous();
  const int64_t rows = values.size(0), cols = values.size(1);
  // The colour scale spans the finite values; a diverged critic's NaN or Inf cells are grey.
  const torch::Tensor finite = values.masked_select(torch::isfinite(values));
  double lo = finite.numel() ? finite.min().item<double>() : 0.0;
  double hi = finite.numel() ? finite.max().item<double>() : 1.0;
  if (!(hi > lo)) hi = lo + 1;
  const int width = size + 110;

  render_to_file(path, width, size, [&](cairo_t* cr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double left = 50, top = 34, side = size - 80.0;
    const double cell_w = side / cols, cell_h = side / rows;
    auto px = [&](double x) { return left + (x + map.extent) / (2 * map.extent) * side; };
    auto py = [&](double y) { return top + (map.extent - y) / (2 * map.extent) * side; };

    // Filled contour: each cell painted with the colour of its band.
    auto v = values.accessor<double, 2>();
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) {
        const double t = (v[r][c] - lo) / (hi - lo) * kLevels;  // not finite when the range overflows
        if (std::isfinite(t)) {
          const int band = static_cast<int>(std::clamp(t, 0.0, kLevels - 1.0));
          set_colour(cr, viridis((band + 0.5) / kLevels));
        } else {
          set_colour(cr, Rgb{0.6, 0.6, 0.6});
        }
        cairo_rectangle(cr, left + c * cell_w, top + r * cell_h, cell_w + 0.6, cell_h + 0.6);
        cairo_fill(cr);
      }

    auto dots = [&](const torch::Tensor& points, const Rgb& colour, double radius) {
      if (!points.defined()) return;
      auto p = points.to(torch::kFloat64).contiguous();
      auto a = p.accessor<double, 2>();
      set_colour(cr, colour, 0.8);
      for (int64_t i = 0; i < a.size(0); ++i) {
        if (std::fabs(a[i][0]) > map.extent || std::fabs(a[i][1]) > map.extent) continue;
        cairo_arc(cr, px(a[i][0]), py(a[i][1]), radius, 0, 2 * M_PI);
        cairo_fill(cr);
      }
    };
    dots(map.real, palette(1), 1.6);  // orange, as the WGAN-GP toy script
    dots(map.fake, palette(2), 1.6);  // green

    // Axes.
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, left, top, side, side);
    cairo_stroke(cr);
    for (double t : nice_ticks(-map.extent, map.extent, 7)) {
      draw_text(cr, label(t).substr(0, label(t).find('.') + 2), px(t), top + side + 5, 10, 0.5, 0);
      draw_text(cr, label(t).substr(0, label(t).find('.') + 2), left - 5, py(t), 10, 1, 0.5);
    }
    draw_text(cr, map.title, left + side / 2, 10, 14, 0.5, 0, true);

    // Legend below the plot.
    const double ly = top + side + 24;
    set_colour(cr, palette(1));
    cairo_arc(cr, left + 6, ly + 6, 4, 0, 2 * M_PI), cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    draw_text(cr, "real", left + 14, ly, 11);
    set_colour(cr, palette(2));
    cairo_arc(cr, left + 66, ly + 6, 4, 0, 2 * M_PI), cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    draw_text(cr, "generated", left + 74, ly, 11);

    // Colour bar with the band edges.
    const double bx = left + side + 20, bw = 18;
    for (int k = 0; k < kLevels; ++k) {
      set_colour(cr, viridis((k + 0.5) / kLevels));
      cairo_rectangle(cr, bx, top + side - (k + 1) * side / kLevels, bw, side / kLevels + 0.6);
      cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_rectangle(cr, bx, top, bw, side);
    cairo_stroke(cr);
    for (int k = 0; k <= kLevels; k += 2)
      draw_text(cr, label(lo + (hi - lo) * k / kLevels), bx + bw + 4, top + side - k * side / kLevels, 9, 0, 0.5);
    cairo_save(cr);
    cairo_translate(cr, width - 8.0, top + side / 2);
    cairo_rotate(cr, -M_PI / 2);
    draw_text(cr, "critic D(x)", 0, 0, 11, 0.5, 1);
    cairo_restore(cr);
  });
}

}  // namespace wgan
