// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <utility>

/*
 * One fuzz target per tests/fuzz/<name>.cpp, declared with ROLECALL_FUZZ_TARGET(name, function).
 *
 * With ROLECALL_LIBFUZZER (the fuzz preset) the macro defines libFuzzer's entry point, so each
 * target file is its own fuzzer executable. Otherwise it registers the function by name, and
 * tst_fuzzregressions replays tests/fuzz/regressions/<name>/ and the seed corpora through it in
 * the normal build.
 *
 * A target returns normally for any input; a broken property calls fuzzRequire(), which aborts
 * (libFuzzer reports a crash and saves the input; the regression test fails).
 */
namespace Rolecall::Fuzz {

using TargetFunction = void (*)(QByteArrayView data);

struct Target
{
    const char *name;
    TargetFunction function;
};

/// Every registered target (regression build only).
QList<Target> &targets();

struct Registration
{
    Registration(const char *name, TargetFunction function) { targets().append({name, function}); }
};

/// Prints @p what and aborts when @p condition is false.
void fuzzRequire(bool condition, const char *what);

} // namespace Rolecall::Fuzz

#if defined(ROLECALL_LIBFUZZER)
#define ROLECALL_FUZZ_TARGET(name, function)                                                                           \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)                                  \
    {                                                                                                                  \
        function(QByteArrayView(data, static_cast<qsizetype>(size)));                                                  \
        return 0;                                                                                                      \
    }
#else
#define ROLECALL_FUZZ_TARGET(name, function)                                                                           \
    namespace {                                                                                                        \
    const Rolecall::Fuzz::Registration kRegistration_##name(#name, function);                                          \
    }
#endif
