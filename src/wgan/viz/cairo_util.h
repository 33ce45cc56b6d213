// Small helpers shared by the Cairo drawings: the palette, text, and writing a surface.
#pragma once
#include <cairo.h>

#include <array>
#include <functional>
#include <string>

namespace wgan {

using Rgb = std::array<double, 3>;

// matplotlib's tab10 colours, for series and point sets.
const Rgb& palette(size_t index);

void set_colour(cairo_t* cr, const Rgb& colour, double alpha = 1.0);

// Draws `text` with its anchor at (x, y): h_align 0 left, 0.5 centre, 1 right; v_align likewise
// from the top. Uses a sans-serif face (fonts-dejavu-core).
void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size,
               double h_align = 0, double v_align = 0, bool bold = false);

// The width `text` takes when drawn by draw_text at `size`.
double text_width(cairo_t* cr, const std::string& text, double size, bool bold = false);

// Renders with `draw` onto a PNG or SVG surface (by the path's extension), atomically.
void render_to_file(const std::string& path, int width, int height,
                    const std::function<void(cairo_t*)>& draw);

}  // namespace wgan
