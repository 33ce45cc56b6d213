#include "wgan/viz/cairo_util.h"

#include <cairo-svg.h>

#include <filesystem>

#include "wgan/core/atomic_file.h"
#include "wgan/core/error.h"

namespace wgan {

const Rgb& palette(size_t index) {
  static const std::array<Rgb, 10> colours = {{{0.122, 0.467, 0.706}, {1.000, 0.498, 0.055},
                                               {0.173, 0.627, 0.173}, {0.839, 0.153, 0.157},
                                               {0.580, 0.404, 0.741}, {0.549, 0.337, 0.294},
                                               {0.890, 0.467, 0.761}, {0.498, 0.498, 0.498},
                                               {0.737, 0.741, 0.133}, {0.090, 0.745, 0.812}}};
  return colours[index % colours.size()];
}

void set_colour(cairo_t* cr, const Rgb& c, double alpha) {
  cairo_set_source_rgba(cr, c[0], c[1], c[2], alpha);
}

namespace {
cairo_text_extents_t select_font(cairo_t* cr, const std::string& text, double size, bool bold) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents;
}
}  // namespace

double text_width(cairo_t* cr, const std::string& text, double size, bool bold) {
  return select_font(cr, text, size, bold).x_advance;
}

void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size,
               double h_align, double v_align, bool bold) {
  const cairo_text_extents_t extents = select_font(cr, text, size, bold);
  cairo_move_to(cr, x - h_align * extents.x_advance - extents.x_bearing,
                y - v_align * extents.height - extents.y_bearing);
  cairo_show_text(cr, text.c_str());
}

void render_to_file(const std::string& path, int width, int height,
                    const std::function<void(cairo_t*)>& draw) {
  const bool svg = std::filesystem::path(path).extension() == ".svg";
  try {
    write_atomically(path, [&](const std::string& tmp) {
      cairo_surface_t* surface =
          svg ? cairo_svg_surface_create(tmp.c_str(), width, height)
              : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
      cairo_t* cr = cairo_create(surface);
      draw(cr);
      cairo_destroy(cr);
      cairo_status_t status = CAIRO_STATUS_SUCCESS;
      if (svg)
        cairo_surface_finish(surface);
      else
        status = cairo_surface_write_to_png(surface, tmp.c_str());
      if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
      cairo_surface_destroy(surface);
      if (status != CAIRO_STATUS_SUCCESS) throw RunError(cairo_status_to_string(status));
    });
  } catch (const std::exception& e) {
    throw RunError(path + ": cannot write the picture (" + e.what() + ")");
  }
}

}  // namespace wgan
