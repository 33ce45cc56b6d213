// Each way a reader run in a child process can end, caused on purpose: the crash files of
// fuzz/crashes/ crash LibTorch's reader only as the heap happens to lie, so they cannot be what
// proves that a crash becomes one line.
#include "wgan/core/crash_isolation.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace wgan {
namespace {

// Where a large allocation escapes, so that no compiler may leave it out.
char* volatile escaped = nullptr;

// The message of the ReaderCrashed that `rewrite` ends in; fails the test if it ends otherwise.
std::string crash_message(const std::function<std::string()>& rewrite, int64_t memory_bytes = 0) {
  try {
    rewrite_in_child(rewrite, memory_bytes);
  } catch (const ReaderCrashed& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a crash: " << e.what();
    return "";
  }
  ADD_FAILURE() << "the child answered";
  return "";
}

TEST(CrashIsolation, TheChildsAnswerComesBackByteForByte) {
  const std::string bytes("\0A\xff" "E\n", 5);  // its own tags and a zero inside
  EXPECT_EQ(rewrite_in_child([&] { return bytes; }, 0), bytes);
  EXPECT_EQ(rewrite_in_child([] { return std::string(3 << 20, 'x'); }, 0).size(), size_t{3} << 20);  // many pipe fills
}

TEST(CrashIsolation, WhatTheReaderThrowsIsThrownHereWithItsMessage) {
  try {
    rewrite_in_child([]() -> std::string { throw std::runtime_error("bad magic 0x1234"); }, 0);
    ADD_FAILURE() << "nothing thrown";
  } catch (const ReaderCrashed& e) {
    ADD_FAILURE() << "a thrown error is not a crash: " << e.what();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "bad magic 0x1234");
  }
}

TEST(CrashIsolation, ASignalInTheChildIsNamedAndThisProcessGoesOn) {
  EXPECT_EQ(crash_message([]() -> std::string { std::raise(SIGSEGV); return "unreached"; }),
            std::string("malformed; LibTorch's reader crashed on it (") + strsignal(SIGSEGV) + ", in a separate process)");
  EXPECT_NE(crash_message([]() -> std::string { std::abort(); }).find(strsignal(SIGABRT)), std::string::npos);
}

TEST(CrashIsolation, AChildThatEndsWithoutAnAnswerIsACrash) {
  EXPECT_EQ(crash_message([]() -> std::string { _exit(7); }),
            "malformed; LibTorch's reader crashed on it (exit status 7, in a separate process)");
}

TEST(CrashIsolation, AReaderAskingForMoreThanItMayTakeIsStopped) {
  if (!child_memory_can_be_limited()) GTEST_SKIP() << "no memory limit holds under AddressSanitizer";
  const auto greedy = []() -> std::string {
    escaped = new char[size_t{1} << 30]();  // 1 GB against a limit of 64 MB
    std::string read(1, escaped[0]);
    delete[] escaped;
    return read;
  };
  EXPECT_EQ(crash_message(greedy, int64_t{64} << 20),
            "malformed; LibTorch's reader asked for more than 64 MB for it (in a separate process)");
  EXPECT_EQ(rewrite_in_child(greedy, 0), std::string(1, '\0'));  // without a limit it is read
}

}  // namespace
}  // namespace wgan
