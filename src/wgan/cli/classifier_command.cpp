// wgan classifier train: the feature classifier for domain FID/KID and the classifier score.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "wgan/classifier/classifier.h"
#include "wgan/classifier/classifier_training.h"
#include "wgan/cli/commands.h"
#include "wgan/cli/common_options.h"
#include "wgan/cli/validators.h"
#include "wgan/core/error.h"
#include "wgan/run/runtime.h"

namespace wgan::cli {
namespace {

struct ClassifierCommandOptions {
  std::string dataset = "mnist", data, out;
  Split split = Split::kAuto;
  int64_t image_size = 0, train_count = 8000, test_count = 2000, threads = 0;
  ClassifierTrainingOptions training;
};

ImageDataset rows(const ImageDataset& d, int64_t start, int64_t end) {
  return {d.images.slice(0, start, end), d.labels.slice(0, start, end), d.description};
}

int run_classifier_train(const ClassifierCommandOptions& o) {
  configure_threads(o.threads);
  const ImageShape shape = native_image_shape(o.dataset);
  const int64_t size = o.image_size > 0 ? o.image_size : shape.size;
  const ImageDataset all = load_image_dataset(o.dataset, o.data, o.split, size, shape.channels, "",
                                              [](const std::string& line) { std::cout << line << "\n"; });
  if (!all.labels.defined())
    throw UsageError("--dataset " + o.dataset + ": has no labels; expected mnist, fashion-mnist or cifar10");
  const int64_t n = all.images.size(0);
  if (o.train_count + o.test_count > n)
    throw UsageError("--train-count " + std::to_string(o.train_count) + " + --test-count " +
                     std::to_string(o.test_count) + ": the dataset holds " + std::to_string(n) + " images");
  // The first train_count images train it; the last test_count measure it.
  const ImageDataset train = rows(all, 0, o.train_count), test = rows(all, n - o.test_count, n);
  ClassifierOptions options;
  options.channels = shape.channels;
  options.image_size = size;
  options.classes = all.labels.max().item<int64_t>() + 1;
  Classifier classifier = make_classifier(options);
  std::printf("training on images 1-%lld of %s, testing on %lld-%lld\n", static_cast<long long>(o.train_count),
              all.description.c_str(), static_cast<long long>(n - o.test_count + 1), static_cast<long long>(n));
  const ClassifierEvaluation e = train_classifier(classifier, train, test, o.training,
                                                  [](const std::string& line) { std::cout << line << std::endl; });
  std::printf("test accuracy %.2f %% on %lld images\n", 100 * e.accuracy, static_cast<long long>(o.test_count));
  std::printf("classifier score: %.3f on the test images, %.3f on uniform noise (at most %lld)\n", e.test_score,
              e.noise_score, static_cast<long long>(options.classes));
  ClassifierRecord record{o.dataset, o.train_count, o.test_count, e.accuracy};
  save_classifier(classifier, options, record, o.out);
  std::printf("wrote %s; use it with --features %s\n", o.out.c_str(), o.out.c_str());
  return 0;
}

}  // namespace

Action add_classifier_command(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("classifier", "the feature classifier of domain FID/KID and classifier score");
  sub->require_subcommand(1);
  CLI::App* train = sub->add_subcommand("train", "train it on a labelled image dataset");
  auto o = std::make_shared<ClassifierCommandOptions>();
  train->add_option("--dataset", o->dataset, "mnist, fashion-mnist or cifar10")
      ->check(CLI::IsMember({"mnist", "fashion-mnist", "cifar10"}));
  train->add_option("--data", o->data, "directory holding the dataset's files")->required();
  add_choice_option(train, "--split", o->split, "auto, train, test or all");
  train->add_option("--image-size", o->image_size, "resize to this size (0: the dataset's own)");
  train->add_option("--train-count", o->train_count, "the first images, trained on")->check(CLI::PositiveNumber);
  train->add_option("--test-count", o->test_count, "the last images, measured on")->check(CLI::PositiveNumber);
  train->add_option("--epochs", o->training.epochs, "passes over the training images")->check(CLI::PositiveNumber);
  train->add_option("--batch-size", o->training.batch_size, "images per step")->check(CLI::PositiveNumber);
  train->add_option("--lr", o->training.lr, "Adam learning rate")->check(CLI::PositiveNumber);
  train->add_option("--shift", o->training.shift, "random translations up to this many pixels (0: none)")
      ->check(CLI::Range(int64_t{0}, int64_t{8}));
  train->add_option("--seed", o->training.seed, "seed of initial weights and order")->check(non_negative_integer());
  add_threads_option(train, o->threads);
  train->add_option("--out", o->out, "the classifier file to write (.pt)")->required();
  return [o] { return run_classifier_train(*o); };
}

}  // namespace wgan::cli
