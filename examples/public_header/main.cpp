// Prints the library's version and checks the default configuration: the least a program
// built against wgan can do.
#include <wgan/wgan.h>

#include <iostream>

int main() {
  wgan::TrainConfig config;
  wgan::resolve_automatic_choices(config);
  wgan::validate(config);
  std::cout << "wgan " << WGAN_VERSION << ": " << wgan::option_table().size() << " options, "
            << wgan::presets().size() << " presets, default loss " << config.loss << "\n";
  return 0;
}
