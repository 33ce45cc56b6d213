#include "wgan/viz/report.h"

#include <stb_image.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"
#include "wgan/core/run_layout.h"
#include "wgan/eval/metric_registry.h"
#include "wgan/viz/gif.h"

namespace wgan {
namespace fs = std::filesystem;
using Json = nlohmann::json;

std::vector<Json> read_metrics(const std::string& run_dir) {
  std::vector<Json> records;
  const fs::path path = RunLayout(run_dir) / RunLayout::kMetrics;
  if (!fs::exists(path)) return records;
  std::istringstream lines(read_text_file(path.string()));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    try {
      records.push_back(Json::parse(line));
    } catch (const Json::exception&) {  // a line cut short by a crash: skip it
    }
  }
  return records;
}

namespace {

Json read_config(const std::string& run_dir) {
  try {
    return Json::parse(read_text_file(RunLayout(run_dir) / RunLayout::kConfig));
  } catch (const std::exception&) {
    return Json::object();
  }
}

// Files dir/prefix*.png in name order (the iteration is zero-padded, so this is time order).
std::vector<fs::path> pictures(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> found;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".png") found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string number(const Json& value) {
  if (!value.is_number()) return escape(value.is_string() ? value.get<std::string>() : value.dump());
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  char text[32];
  std::snprintf(text, sizeof text, "%.5g", value.get<double>());
  return text;
}

// The curves a run can have: file stem, title, y label, the metrics.jsonl keys drawn.
struct CurveSpec {
  std::string stem, title, y_label;
  std::vector<std::string> keys;
  bool smoothed = true;
};

// The panels of the registry's metrics, in its order; metrics sharing a stem share a panel.
const std::vector<CurveSpec>& curve_specs() {
  static const std::vector<CurveSpec> specs = [] {
    std::vector<CurveSpec> panels;
    for (const MetricSpec& m : metric_registry()) {
      if (m.curve.empty()) continue;
      auto panel = std::find_if(panels.begin(), panels.end(), [&](const CurveSpec& c) { return c.stem == m.curve; });
      if (panel == panels.end())
        panel = panels.insert(panels.end(), CurveSpec{m.curve, m.curve_title, m.y_label, {}, m.smoothed});
      panel->keys.push_back(m.key);
    }
    return panels;
  }();
  return specs;
}

ChartSeries series_of(const std::vector<Json>& records, const std::string& key, const std::string& label) {
  ChartSeries s;
  s.label = label;
  for (const auto& r : records)
    if (r.contains(key) && r[key].is_number() && r.contains(metric::kIteration)) {
      s.x.push_back(r[metric::kIteration].get<double>());
      s.y.push_back(r[key].get<double>());
    }
  return s;
}

// Draws every curve that has data; returns the stems drawn.
std::vector<std::string> draw_curves(const std::vector<std::pair<std::string, std::vector<Json>>>& runs,
                                     const fs::path& plots, const ReportOptions& options) {
  std::vector<std::string> drawn;
  fs::create_directories(plots);
  for (const auto& spec : curve_specs()) {
    Chart chart;
    chart.title = spec.title;
    chart.y_label = spec.y_label;
    chart.smoothing = spec.smoothed ? options.smoothing : Smoothing{SmoothingKind::kNone};
    for (const auto& [name, records] : runs)
      for (const auto& key : spec.keys) {
        const std::string label = runs.size() > 1 ? name + (spec.keys.size() > 1 ? " " + key : "") : key;
        ChartSeries s = series_of(records, key, label);
        if (!s.x.empty()) chart.series.push_back(std::move(s));
      }
    if (chart.series.empty()) continue;
    write_chart(chart, (plots / (spec.stem + ".png")).string());
    write_chart(chart, (plots / (spec.stem + ".svg")).string());
    drawn.push_back(spec.stem);
  }
  return drawn;
}

// The grid or map frames of a run as an animated GIF (at most 120 frames, evenly spaced).
bool write_animation(const std::vector<fs::path>& frames_on_disk, const fs::path& out) {
  if (frames_on_disk.empty()) return false;
  std::vector<fs::path> chosen = frames_on_disk;
  if (chosen.size() > 120) {
    std::vector<fs::path> thinned;
    for (size_t k = 0; k < 120; ++k) thinned.push_back(chosen[k * (chosen.size() - 1) / 119]);
    chosen = thinned;
  }
  std::vector<torch::Tensor> frames;
  for (const auto& path : chosen) {
    int w = 0, h = 0, c = 0;
    if (!stbi_info(path.c_str(), &w, &h, &c)) continue;
    const int want = c <= 2 ? 1 : 3;
    unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &c, want);
    if (!pixels) continue;
    frames.push_back(torch::from_blob(pixels, {h, w, want}, torch::kUInt8).permute({2, 0, 1}).clone());
    stbi_image_free(pixels);
  }
  if (frames.empty()) return false;
  write_gif(out.string(), frames, frames.size() > 40 ? 20 : 50);
  return true;
}

std::string relative_link(const fs::path& target, const fs::path& from_dir) {
  return fs::relative(fs::absolute(target), fs::absolute(from_dir)).generic_string();
}

const char* kStyle =
    "<style>body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222;max-width:1500px}"
    "h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}"
    "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;"
    "text-align:left}img{max-width:100%;margin:4px;vertical-align:top}"
    ".row{display:flex;flex-wrap:wrap;gap:12px}.card{text-align:center;font-size:13px;max-width:580px}"
    ".note{color:#666;font-size:13px}</style>\n";

std::string page_head(const std::string& title, bool in_progress) {
  std::string head = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n";
  if (in_progress) head += "<meta http-equiv=\"refresh\" content=\"30\">\n";
  return head + "<title>" + escape(title) + "</title>\n" + kStyle + "</head><body>\n";
}

// Marks the body with how many images loaded, for the browser test (and a curious reader).
std::string page_end() {
  return "<script>window.addEventListener('load',function(){var n=0,a=document.images;"
         "for(var i=0;i<a.length;i++)if(a[i].complete&&a[i].naturalWidth>0)n++;"
         "document.body.setAttribute('data-images-loaded',n+'/'+a.length);});</script>\n"
         "</body></html>\n";
}

std::string figure(const std::string& src, const std::string& caption) {
  return "<div class=\"card\"><img src=\"" + escape(src) + "\" alt=\"" + escape(caption) + "\"><br>" + escape(caption) +
         "</div>\n";
}

std::string metrics_table(const std::vector<Json>& records) {
  if (records.empty()) return "<p class=\"note\">No metrics yet.</p>\n";
  // Best: the registry says which direction is better; the losses have none.
  const Json& last = records.back();
  std::ostringstream html;
  html << "<table><tr><th>metric</th><th>final (iteration " << number(last.value(metric::kIteration, Json(0)))
       << ")</th><th>best (iteration)</th></tr>\n";
  for (const MetricSpec& m : metric_registry())
    if (m.in_table && m.better == Better::kNeither && last.contains(m.key))
      html << "<tr><td>" << m.key << "</td><td>" << number(last[m.key]) << "</td><td></td></tr>\n";
  for (const MetricSpec& m : metric_registry()) {
    if (!m.in_table || m.better == Better::kNeither) continue;
    const std::string& key = m.key;
    const bool higher = m.better == Better::kHigher;
    const Json* best = nullptr;
    const Json* final_value = nullptr;
    for (const auto& r : records) {
      if (!r.contains(key) || !r[key].is_number()) continue;
      final_value = &r;
      if (!best || (higher ? r[key].get<double>() > (*best)[key].get<double>()
                           : r[key].get<double>() < (*best)[key].get<double>()))
        best = &r;
    }
    if (!best) continue;
    html << "<tr><td>" << key << "</td><td>" << number((*final_value)[key]) << "</td><td>" << number((*best)[key])
         << " (" << number((*best)[metric::kIteration]) << ")</td></tr>\n";
  }
  html << "</table>\n";
  return html.str();
}

std::string config_table(const Json& config) {
  std::ostringstream html;
  html << "<table>\n";
  for (const auto& [key, value] : config.items()) {
    if (value.is_object()) {
      std::string parts;
      for (const auto& [k, v] : value.items()) parts += (parts.empty() ? "" : ", ") + k + " " + number(v);
      html << "<tr><td>" << escape(key) << "</td><td>" << parts << "</td></tr>\n";
    } else {
      html << "<tr><td>" << escape(key) << "</td><td>" << number(value) << "</td></tr>\n";
    }
  }
  html << "</table>\n";
  return html.str();
}

// The classes a classifier gave the generated images at the last evaluation: mode coverage.
std::string histogram_section(const std::vector<Json>& records) {
  for (auto r = records.rbegin(); r != records.rend(); ++r) {
    if (!r->contains(metric::kClassHistogram) || !(*r)[metric::kClassHistogram].is_array()) continue;
    std::ostringstream html;
    html << "<h2>Predicted classes</h2>\n<p class=\"note\">How the feature classifier labels the generated "
            "images at iteration "
         << number((*r)[metric::kIteration]) << ".</p>\n<table><tr><th>class</th>";
    const auto& counts = (*r)[metric::kClassHistogram];
    for (size_t k = 0; k < counts.size(); ++k) html << "<th>" << k << "</th>";
    html << "</tr>\n<tr><td>images</td>";
    for (const auto& c : counts) html << "<td>" << number(c) << "</td>";
    html << "</tr></table>\n";
    return html.str();
  }
  return "";
}

std::string tracking_section(const std::vector<Json>& records) {
  const auto tracking = critic_tracking(records);
  if (tracking.empty()) return "";
  std::ostringstream html;
  html << "<h2>Does the critic track quality?</h2>\n<p class=\"note\">Spearman's rank correlation "
          "between the critic's Wasserstein estimate (mean over the iterations since the previous "
          "evaluation) and each quality metric, over the evaluations; +1: they fall together.</p>\n"
          "<table><tr><th>metric</th><th>evaluations</th><th>Spearman</th></tr>\n";
  for (const auto& t : tracking)
    html << "<tr><td>" << escape(t.metric) << "</td><td>" << t.evaluations << "</td><td>" << number(Json(t.spearman))
         << "</td></tr>\n";
  html << "</table>\n";
  return html.str();
}

}  // namespace

void write_run_report(const std::string& run_dir, const ReportOptions& options) {
  const fs::path dir = run_dir;
  if (!fs::is_directory(dir)) throw UsageError(run_dir + ": not a run directory");
  if (!fs::exists(dir / RunLayout::kConfig) && !fs::exists(dir / RunLayout::kMetrics))
    throw UsageError(run_dir + ": no config.json or metrics.jsonl; expected a run directory");
  const Json config = read_config(run_dir);
  const auto records = read_metrics(run_dir);
  const auto curves = draw_curves({{dir.filename().string(), records}}, dir / RunLayout::kPlots, options);
  const auto grids = pictures(dir / RunLayout::kSamples, RunLayout::kSnapshotPrefix);
  const auto maps = pictures(dir / RunLayout::kMaps, RunLayout::kSnapshotPrefix);
  const bool animated = write_animation(grids.empty() ? maps : grids, dir / RunLayout::kAnimation);

  std::ostringstream html;
  const std::string name = fs::absolute(dir).lexically_normal().filename().string();
  html << page_head(name, options.in_progress) << "<h1>" << escape(name) << "</h1>\n";
  html << "<p class=\"note\">" << escape(config.value("loss", std::string("?"))) << " on "
       << escape(config.value("dataset", std::string("?")));
  if (!records.empty()) html << ", iteration " << number(records.back().value(metric::kIteration, Json(0)));
  html << " of " << number(config.value("iters", Json("?")))
       << (options.in_progress ? " &mdash; training; this page reloads every 30 s" : "") << "</p>\n";

  html << "<h2>Metrics</h2>\n" << metrics_table(records) << histogram_section(records) << tracking_section(records);
  if (!curves.empty()) {
    html << "<h2>Curves</h2>\n<p class=\"note\">Faint: raw values; bold: "
         << (options.smoothing.kind == SmoothingKind::kMedian ? "running median" : "exponential moving average")
         << ". Each is also an SVG beside the PNG.</p>\n<div class=\"row\">\n";
    for (const auto& stem : curves) html << figure(std::string(RunLayout::kPlots) + "/" + stem + ".png", stem);
    html << "</div>\n";
  }
  if (!grids.empty()) {
    html << "<h2>Samples</h2>\n<div class=\"row\">\n";
    if (fs::exists(dir / RunLayout::kRealVersusGenerated))
      html << figure(RunLayout::kRealVersusGenerated, "real (left) and generated (right), at the end");
    else if (fs::exists(dir / RunLayout::kRealSamples))
      html << figure(RunLayout::kRealSamples, "real images");
    html << figure(std::string(RunLayout::kSamples) + "/" + grids.back().filename().string(),
                   "generated, fixed noise (" + grids.back().stem().string() + ")");
    html << "</div>\n";
  }
  if (!maps.empty()) {
    html << "<h2>Critic map</h2>\n<div class=\"row\">\n"
         << figure(std::string(RunLayout::kMaps) + "/" + maps.back().filename().string(),
                   "critic and samples (" + maps.back().stem().string() + ")")
         << "</div>\n";
  }
  if (animated)
    html << "<h2>Training animation</h2>\n<div class=\"row\">\n"
         << figure(RunLayout::kAnimation, std::to_string(std::max(grids.size(), maps.size())) + " snapshots")
         << "</div>\n";
  html << "<h2>Configuration</h2>\n" << config_table(config) << page_end();
  write_text_atomically((dir / RunLayout::kReport).string(), html.str());
}

void write_comparison_report(const std::vector<std::string>& run_dirs, const std::string& out_dir,
                             const ReportOptions& options) {
  const fs::path out = out_dir;
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec || !fs::is_directory(out)) throw OptionError("out", "cannot create the directory", out_dir);
  std::vector<std::pair<std::string, std::vector<Json>>> runs;
  std::ostringstream cards;
  for (const auto& run : run_dirs) {
    if (!fs::exists(RunLayout(run) / RunLayout::kMetrics))
      throw UsageError(run + ": no metrics.jsonl; expected a run directory");
    const std::string name = fs::absolute(run).lexically_normal().filename().string();
    runs.push_back({name, read_metrics(run)});
    auto latest = pictures(RunLayout(run) / RunLayout::kSamples, RunLayout::kSnapshotPrefix);
    if (latest.empty()) latest = pictures(RunLayout(run) / RunLayout::kMaps, RunLayout::kSnapshotPrefix);
    if (!latest.empty())
      cards << figure(relative_link(latest.back(), out), name + " (" + latest.back().stem().string() + ")");
  }
  const auto curves = draw_curves(runs, out / RunLayout::kPlots, options);
  std::ostringstream html;
  html << page_head("comparison", false) << "<h1>Comparison of " << run_dirs.size() << " runs</h1>\n";
  for (const auto& [name, records] : runs) html << "<h2>" << escape(name) << "</h2>\n" << metrics_table(records);
  html << "<h2>Curves</h2>\n<div class=\"row\">\n";
  for (const auto& stem : curves) html << figure(std::string(RunLayout::kPlots) + "/" + stem + ".png", stem);
  html << "</div>\n<h2>Latest samples</h2>\n<div class=\"row\">\n" << cards.str() << "</div>\n" << page_end();
  write_text_atomically((out / RunLayout::kReport).string(), html.str());
}

}  // namespace wgan
