// Training the feature classifier of `wgan classifier train` on a labelled image dataset.
#pragma once
#include <functional>
#include <string>

#include "wgan/classifier/classifier.h"
#include "wgan/data/image_dataset.h"

namespace wgan {

struct ClassifierTrainingOptions {
  int64_t epochs = 10;
  int64_t batch_size = 64;
  double lr = 1e-3;  // Adam, decayed to 0 over the epochs (cosine)
  uint64_t seed = 0;
  int64_t shift = 2;  // random translations of up to this many pixels (augmentation); 0: none
};

struct ClassifierEvaluation {
  double accuracy = 0;     // on the test images
  double test_score = 0;   // classifier score of the test images
  double noise_score = 0;  // classifier score of as many uniform-noise images
};

// Trains on `train` (uint8 images with labels), then measures on `test`. `log` gets one line
// per epoch.
ClassifierEvaluation train_classifier(Classifier& classifier, const ImageDataset& train, const ImageDataset& test,
                                      const ClassifierTrainingOptions& options,
                                      const std::function<void(const std::string&)>& log);

// Accuracy and scores of a classifier on labelled images (evaluation mode).
ClassifierEvaluation evaluate_classifier(Classifier& classifier, const ImageDataset& test, uint64_t seed);

}  // namespace wgan
