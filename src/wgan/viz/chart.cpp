#include "wgan/viz/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "wgan/viz/cairo_util.h"

namespace wgan {
namespace {

std::string tick_label(double value, double step) {
  char text[32];
  const double magnitude = std::max(std::fabs(value), std::fabs(step));
  if (magnitude >= 1e5 || (magnitude > 0 && magnitude < 1e-3))
    std::snprintf(text, sizeof text, "%.1e", value);
  else {
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    std::snprintf(text, sizeof text, "%.*f", decimals, std::fabs(value) < step * 1e-9 ? 0.0 : value);
  }
  return text;
}

struct Range {
  double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  void widen() {
    if (!(lo <= hi)) lo = 0, hi = 1;
    if (hi - lo < 1e-12) lo -= 0.5, hi += 0.5;
  }
};

}  // namespace

std::vector<double> smooth(const std::vector<double>& y, const Smoothing& s) {
  const size_t n = y.size();
  std::vector<double> out(n);
  if (s.kind == SmoothingKind::kMedian) {
    const int half = std::max(0, s.median_window / 2);
    std::vector<double> window;
    for (size_t i = 0; i < n; ++i) {
      const size_t a = i >= static_cast<size_t>(half) ? i - half : 0;
      const size_t b = std::min(n, i + half + 1);
      window.assign(y.begin() + static_cast<long>(a), y.begin() + static_cast<long>(b));
      std::nth_element(window.begin(), window.begin() + static_cast<long>(window.size() / 2), window.end());
      out[i] = window[window.size() / 2];
    }
  } else if (s.kind == SmoothingKind::kEma) {
    double average = 0, weight = 0;
    for (size_t i = 0; i < n; ++i) {
      average = s.ema_beta * average + (1 - s.ema_beta) * y[i];
      weight = s.ema_beta * weight + (1 - s.ema_beta);
      out[i] = average / weight;  // debiased: the first values are not pulled towards 0
    }
  } else {
    out = y;
  }
  return out;
}

std::vector<double> nice_ticks(double lo, double hi, int count) {
  const double raw = (hi - lo) / std::max(count - 1, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  std::vector<double> ticks;
  for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push_back(t);
  return ticks;
}

void write_chart(const Chart& chart, const std::string& path, int width, int height) {
  // Smoothed copies first: the y range covers the smoothed lines and, faintly, the raw ones
  // clipped to a robust range so that one spike does not flatten everything.
  std::vector<std::vector<double>> smoothed;
  Range xr, yr;
  for (const auto& s : chart.series) {
    smoothed.push_back(smooth(s.y, chart.smoothing));
    for (double x : s.x) xr.add(x);
    for (double y : smoothed.back()) yr.add(y);
    if (chart.show_raw && !s.y.empty()) {
      std::vector<double> sorted;
      for (double y : s.y)
        if (std::isfinite(y)) sorted.push_back(y);
      std::sort(sorted.begin(), sorted.end());
      if (!sorted.empty()) {
        yr.add(sorted[sorted.size() / 100]);
        yr.add(sorted[sorted.size() - 1 - sorted.size() / 100]);
      }
    }
  }
  xr.widen();
  yr.widen();
  const double pad = 0.05 * (yr.hi - yr.lo);
  yr.lo -= pad, yr.hi += pad;

  render_to_file(path, width, height, [&](cairo_t* cr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double left = 70, right = width - 20.0, top = 36, bottom = height - 48.0;
    auto px = [&](double x) { return left + (x - xr.lo) / (xr.hi - xr.lo) * (right - left); };
    auto py = [&](double y) { return bottom - (y - yr.lo) / (yr.hi - yr.lo) * (bottom - top); };

    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    draw_text(cr, chart.title, (left + right) / 2, 10, 14, 0.5, 0, true);
    draw_text(cr, chart.x_label, (left + right) / 2, height - 18.0, 11, 0.5, 0);
    cairo_save(cr);
    cairo_translate(cr, 14, (top + bottom) / 2);
    cairo_rotate(cr, -M_PI / 2);
    draw_text(cr, chart.y_label, 0, 0, 11, 0.5, 0);
    cairo_restore(cr);

    // Grid and ticks.
    cairo_set_line_width(cr, 1);
    const auto xticks = nice_ticks(xr.lo, xr.hi, 6), yticks = nice_ticks(yr.lo, yr.hi, 6);
    const double xstep = xticks.size() > 1 ? xticks[1] - xticks[0] : 1;
    const double ystep = yticks.size() > 1 ? yticks[1] - yticks[0] : 1;
    for (double t : xticks) {
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_move_to(cr, px(t), top), cairo_line_to(cr, px(t), bottom), cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      draw_text(cr, tick_label(t, xstep), px(t), bottom + 5, 10, 0.5, 0);
    }
    for (double t : yticks) {
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_move_to(cr, left, py(t)), cairo_line_to(cr, right, py(t)), cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      draw_text(cr, tick_label(t, ystep), left - 6, py(t), 10, 1, 0.5);
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_rectangle(cr, left, top, right - left, bottom - top);
    cairo_stroke(cr);

    cairo_save(cr);
    cairo_rectangle(cr, left, top, right - left, bottom - top);
    cairo_clip(cr);
    auto polyline = [&](const std::vector<double>& x, const std::vector<double>& y) {
      bool pen = false;
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (!std::isfinite(y[i])) {
          pen = false;
          continue;
        }
        pen ? cairo_line_to(cr, px(x[i]), py(y[i])) : cairo_move_to(cr, px(x[i]), py(y[i]));
        pen = true;
      }
      cairo_stroke(cr);
    };
    for (size_t k = 0; k < chart.series.size(); ++k) {
      const auto& s = chart.series[k];
      if (chart.show_raw && chart.smoothing.kind != SmoothingKind::kNone) {
        set_colour(cr, palette(k), 0.25);
        cairo_set_line_width(cr, 1);
        polyline(s.x, s.y);
      }
      set_colour(cr, palette(k));
      cairo_set_line_width(cr, 2);
      polyline(s.x, smoothed[k]);
      if (s.x.size() == 1) {  // a single point: a dot, since a line needs two
        cairo_arc(cr, px(s.x[0]), py(smoothed[k][0]), 3, 0, 2 * M_PI);
        cairo_fill(cr);
      }
    }
    cairo_restore(cr);

    // Legend, top right inside the plot, as wide as its longest label, on white so that the
    // curves under it do not cross the text.
    double label_width = 0;
    for (const auto& s : chart.series) label_width = std::max(label_width, text_width(cr, s.label, 10));
    const double text_x = std::max(left + 32, right - 8 - label_width), row = 16;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_rectangle(cr, text_x - 30, top + 4, right - text_x + 26, row * chart.series.size() + 6);
    cairo_fill(cr);
    double y = top + 8;
    for (size_t k = 0; k < chart.series.size(); ++k, y += row) {
      set_colour(cr, palette(k));
      cairo_set_line_width(cr, 2);
      cairo_move_to(cr, text_x - 26, y + 6), cairo_line_to(cr, text_x - 6, y + 6), cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      draw_text(cr, chart.series[k].label, text_x, y, 10, 0, 0);
    }
  });
}

}  // namespace wgan
