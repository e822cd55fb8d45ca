// SPDX-License-Identifier: Apache-2.0
// The stages of `rolecall-cli profiles --json` on the generated 5,000-profile config (the same
// files bench/generate_profiles.py writes): reading, merging, resolving, and resolving and printing. bench/profiles.sh
// times the whole process against botocore; this says which stage the time is in.
#include "generatedprofiles.h"
#include "profilelisting.h"

#include "config/sharedconfig.h"
#include "profiles/profile.h"

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace Rolecall;
using namespace Rolecall::Core;

namespace {

const auto &files()
{
    static const auto generated = Rolecall::Bench::generatedProfiles(5000);
    return generated;
}

void BM_ReadConfigFiles(benchmark::State &state)
{
    for (auto _ : state) {
        Config::IniDocument config = Config::IniDocument::parse(files().first, QStringLiteral("config"));
        Config::IniDocument credentials = Config::IniDocument::parse(files().second, QStringLiteral("credentials"));
        benchmark::DoNotOptimize(config);
        benchmark::DoNotOptimize(credentials);
    }
}
BENCHMARK(BM_ReadConfigFiles)->Unit(benchmark::kMillisecond);

void BM_MergeConfigFiles(benchmark::State &state)
{
    const Config::IniDocument config = Config::IniDocument::parse(files().first, QStringLiteral("config"));
    const Config::IniDocument credentials = Config::IniDocument::parse(files().second, QStringLiteral("credentials"));
    for (auto _ : state) {
        // Copies of parsed documents share their data; merging detaches what it changes, as a fresh parse would.
        const Config::SharedConfig shared = Config::SharedConfig::fromDocuments(config, credentials);
        benchmark::DoNotOptimize(shared.profiles().size());
    }
}
BENCHMARK(BM_MergeConfigFiles)->Unit(benchmark::kMillisecond);

// The text kept until exit, as the listing reads it (TextLifetime::Process): parsed once, so
// nothing is kept per iteration.
Config::SharedConfig listingConfig()
{
    constexpr auto kKept = Core::TextLifetime::Process;
    return Config::SharedConfig::fromDocuments(
        Config::IniDocument::parse(files().first, QStringLiteral("config"), kKept),
        Config::IniDocument::parse(files().second, QStringLiteral("credentials"), kKept));
}

void BM_ResolveEveryProfile(benchmark::State &state)
{
    static const Config::SharedConfig shared = listingConfig();
    for (auto _ : state) {
        const Profiles::ProfileResolver resolver(shared); // a fresh one: its cache of source chains starts empty
        for (const Config::ProfileSettings &profile : shared.profiles())
            benchmark::DoNotOptimize(resolver.resolve(profile));
    }
}
BENCHMARK(BM_ResolveEveryProfile)->Unit(benchmark::kMillisecond);

// What `rolecall-cli profiles --json` does after reading the files: resolve and print, to /dev/null.
void BM_ListProfilesJson(benchmark::State &state)
{
    static const Config::SharedConfig shared = listingConfig();
    FILE *devNull = std::fopen("/dev/null", "w");
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto _ : state)
        Cli::ProfileListing::run(shared, env, Cli::ProfileListing::Format::Json, devNull, devNull);
    std::fclose(devNull);
}
BENCHMARK(BM_ListProfilesJson)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
