#include "wgan/distributed/process_group.h"

#include <ATen/ATen.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "wgan/core/error.h"

#ifdef WGAN_HAVE_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace wgan {
namespace {

std::string who(const DistOptions& o) {
  return "rank " + std::to_string(o.rank) + " of " + std::to_string(o.world_size);
}

std::string timeout_text(const DistOptions& o) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", o.timeout_s);
  return text;
}

#ifdef WGAN_HAVE_GLOO
// This machine's address on the route to `host`: a UDP socket "connected" there (nothing is
// sent) is given the source address the kernel would use. Empty when there is no route.
std::string local_address_towards(const std::string& host) {
  addrinfo hints{}, *found = nullptr;
  hints.ai_socktype = SOCK_DGRAM;
  if (getaddrinfo(host.c_str(), "9", &hints, &found) != 0 || !found) return "";
  std::string address;
  const int fd = socket(found->ai_family, SOCK_DGRAM, 0);
  sockaddr_storage local{};
  socklen_t length = sizeof local;
  char text[INET6_ADDRSTRLEN] = {};
  if (fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0) {
    const void* raw = local.ss_family == AF_INET6
                          ? static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(&local)->sin6_addr)
                          : static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(&local)->sin_addr);
    if (inet_ntop(local.ss_family, raw, text, sizeof text)) address = text;
  }
  if (fd >= 0) close(fd);
  freeaddrinfo(found);
  return address;
}

// The network device Gloo binds to on this machine: the interface named by GLOO_SOCKET_IFNAME
// (as torch.distributed reads it); otherwise this machine's address on the route to the master,
// which the other ranks can reach. (Gloo's own default, the address the hostname resolves to,
// is a loopback address on many machines — Debian maps the hostname to 127.0.1.1 — and the
// other machines then cannot connect.)
std::shared_ptr<::gloo::transport::Device> local_device(const std::string& master_addr) {
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  const std::string address = local_address_towards(master_addr);
  if (!address.empty()) return c10d::ProcessGroupGloo::createDeviceForHostname(address);
  return c10d::ProcessGroupGloo::createDefaultDevice();
}
#endif

}  // namespace

int find_free_port(const std::string& address) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = 0;
  inet_pton(AF_INET, address.c_str(), &a.sin_addr);
  socklen_t size = sizeof a;
  const bool ok = fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) == 0;
  const int error = errno;
  if (fd >= 0) close(fd);
  if (!ok) throw RunError("could not find a free port on " + address + ": " + std::strerror(error));
  return ntohs(a.sin_port);
}

#ifdef WGAN_HAVE_GLOO

struct ProcessGroup::Impl {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
};

bool ProcessGroup::available() { return true; }

ProcessGroup::ProcessGroup(const DistOptions& options) : options_(options), impl_(new Impl) {
  const auto timeout = std::chrono::milliseconds(static_cast<int64_t>(options.timeout_s * 1000));
  try {
    c10d::TCPStoreOptions store_options;
    store_options.port = static_cast<uint16_t>(options.master_port);
    store_options.isServer = options.rank == 0;
    store_options.numWorkers = static_cast<int>(options.world_size);
    store_options.waitWorkers = true;
    // Ranks may start minutes apart (several machines, a loaded one): the rendezvous waits
    // at least 5 minutes; the collectives wait --dist-timeout.
    store_options.timeout = std::max(timeout, std::chrono::milliseconds(300000));
    impl_->store = c10::make_intrusive<c10d::TCPStore>(options.master_addr, store_options);
    auto gloo_options = c10d::ProcessGroupGloo::Options::create();
    gloo_options->timeout = timeout;
    gloo_options->devices.push_back(local_device(options.master_addr));
    impl_->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(
        impl_->store, static_cast<int>(options.rank), static_cast<int>(options.world_size), gloo_options);
  } catch (const std::exception& e) {
    throw RunError(who(options) + ": could not join the group at " + options.master_addr + ":" +
                   std::to_string(options.master_port) + " (expected rank 0 there and all " +
                   std::to_string(options.world_size) + " ranks within max(the rendezvous timeout, 300 s)): " +
                   e.what());
  }
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::all_reduce(at::Tensor& tensor, ReduceOp op) {
  const auto start = std::chrono::steady_clock::now();
  const bool staged = !tensor.device().is_cpu();
  std::vector<at::Tensor> buffers{staged ? tensor.cpu() : tensor};
  c10d::AllreduceOptions reduce;
  reduce.reduceOp = op == ReduceOp::kSum ? c10d::ReduceOp::SUM : c10d::ReduceOp::MAX;
  try {
    impl_->gloo->allreduce(buffers, reduce)->wait();
  } catch (const std::exception& e) {
    throw RunError(who(options_) + ": lost the other ranks (one stopped, or did not answer within " +
                   timeout_text(options_) + " s, the rendezvous timeout): " + e.what());
  }
  if (staged) tensor.copy_(buffers[0]);
  collective_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

#else  // built without c10d/Gloo

struct ProcessGroup::Impl {};

bool ProcessGroup::available() { return false; }

ProcessGroup::ProcessGroup(const DistOptions& options) : options_(options) {
  throw UsageError(who(options) + ": this wgan was built without c10d/Gloo (install libgloo-dev "
                   "and rebuild); expected a single process (world size 1)");
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::all_reduce(at::Tensor&, ReduceOp) {}

#endif

}  // namespace wgan
