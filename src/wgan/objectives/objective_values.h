// The losses and Lipschitz constraints as values, for programs that choose them in code
// (set_objective, config/objective_choice.h): a misspelt one does not compile, where a string
// would be a UsageError at run time. Each value is the name of its row in the registry
// (objective_registry.cpp), and the registry's rows are written with these values, so the
// two cannot disagree.
#pragma once

namespace wgan {

struct Loss {
  const char* name;
  static const Loss gan;      // the standard GAN (DCGAN's settings)
  static const Loss wgan;     // WGAN: weight clipping, RMSProp
  static const Loss wgan_gp;  // WGAN-GP: the gradient penalty, Adam
};
inline constexpr Loss Loss::gan{"gan"};
inline constexpr Loss Loss::wgan{"wgan"};
inline constexpr Loss Loss::wgan_gp{"wgan-gp"};

struct Constraint {
  const char* name;
  static const Constraint automatic;  // the loss's own
  static const Constraint clip;       // weight clipping (WGAN)
  static const Constraint gp;         // the two-sided gradient penalty (WGAN-GP)
  static const Constraint lp;         // the one-sided penalty (WGAN-LP)
  static const Constraint r1;         // the zero-centred penalty on real data (R1)
  static const Constraint sn;         // spectral normalisation of the library's critics
  static const Constraint none;
};
inline constexpr Constraint Constraint::automatic{"auto"};
inline constexpr Constraint Constraint::clip{"clip"};
inline constexpr Constraint Constraint::gp{"gp"};
inline constexpr Constraint Constraint::lp{"lp"};
inline constexpr Constraint Constraint::r1{"r1"};
inline constexpr Constraint Constraint::sn{"sn"};
inline constexpr Constraint Constraint::none{"none"};

}  // namespace wgan
