#include "wgan/classifier/classifier.h"

#include <torch/nn.h>

#include "wgan/core/error.h"

namespace wgan {

Classifier make_classifier(const ClassifierOptions& o) {
  if (o.image_size < 4 || o.image_size % 4 != 0)
    throw UsageError("classifier: image size " + std::to_string(o.image_size) + " is not a positive multiple of 4");
  namespace nn = torch::nn;
  const int64_t side = o.image_size / 4;
  Classifier c;
  c.features = nn::Sequential(nn::Conv2d(nn::Conv2dOptions(o.channels, 32, 4).stride(2).padding(1)),
                              nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)),
                              nn::Conv2d(nn::Conv2dOptions(32, 64, 4).stride(2).padding(1)),
                              nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)), nn::Flatten(),
                              nn::Linear(64 * side * side, o.feature_size), nn::ReLU());
  c.head = nn::Sequential(nn::Dropout(0.3), nn::Linear(o.feature_size, o.classes));
  return c;
}

}  // namespace wgan

#include "wgan/core/atomic_file.h"
#include "wgan/nets/torchscript_writer.h"

namespace wgan {

void save_classifier(Classifier& classifier, const ClassifierOptions& options, const ClassifierRecord& record,
                     const std::string& path) {
  classifier.train(false);
  torch::jit::Module module("WganClassifier");
  module.register_attribute("kind", c10::StringType::get(), std::string("wgan-classifier"));
  module.register_attribute("input_range", c10::StringType::get(), std::string("signed"));
  module.register_attribute("channels", c10::IntType::get(), options.channels);
  module.register_attribute("image_size", c10::IntType::get(), options.image_size);
  module.register_attribute("classes", c10::IntType::get(), options.classes);
  module.register_attribute("dataset", c10::StringType::get(), record.dataset);
  module.register_attribute("train_count", c10::IntType::get(), record.train_count);
  module.register_attribute("test_count", c10::IntType::get(), record.test_count);
  module.register_attribute("accuracy", c10::FloatType::get(), record.accuracy);
  const auto features = classifier.features->children();
  module.define(layers_method(module, "features", "x", features, 0) +
                layers_method(module, "head", "x", classifier.head->children(), features.size()) +
                "def logits(self, x):\n    return self.head(self.features(x))\n"
                "def forward(self, x):\n    return self.logits(x)\n");
  module.eval();
  write_atomically(path, [&](const std::string& tmp) { module.save(tmp); });
}

}  // namespace wgan
