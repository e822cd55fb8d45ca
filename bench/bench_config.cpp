// SPDX-License-Identifier: Apache-2.0
// The stages of `rolecall-cli profiles --json` on the generated 5,000-profile config (the same
// files bench/generate_profiles.py writes): reading, merging and resolving. bench/profiles.sh
// times the whole process against botocore; this says which stage the time is in.
#include "config/sharedconfig.h"
#include "profiles/profile.h"

#include <benchmark/benchmark.h>

using namespace Rolecall::Core;

namespace {

// bench/generate_profiles.py's layout: IAM users with MFA (keys in the credentials file) and
// roles chained from them, a quarter of them two hops deep.
std::pair<QByteArray, QByteArray> generatedFiles(int total)
{
    const int users = std::max(1, total / 5);
    const int roles = total - users - 1;
    QByteArray config = "[default]\nregion = us-east-1\n";
    QByteArray credentials;
    for (int i = 0; i < users; ++i) {
        const QByteArray n = QByteArray::number(i);
        credentials += "\n[user" + n
            + "]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
              "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        config += "\n[profile user" + n + "]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::"
            + QByteArray::number(100000000000LL + i) + ":mfa/user" + n + "\n";
    }
    for (int i = 0; i < roles; ++i) {
        const QByteArray source = i < roles * 3 / 4 ? "user" + QByteArray::number(i % users)
                                                    : "role" + QByteArray::number(i - roles * 3 / 4);
        config += "\n[profile role" + QByteArray::number(i) + "]\nrole_arn = arn:aws:iam::"
            + QByteArray::number(200000000000LL + i) + ":role/Role" + QByteArray::number(i)
            + "\nsource_profile = " + source + "\nregion = us-west-2\nduration_seconds = 3600\n# generated\n";
    }
    return {config, credentials};
}

const auto &files()
{
    static const auto generated = generatedFiles(5000);
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

void BM_ResolveEveryProfile(benchmark::State &state)
{
    const Config::SharedConfig shared
        = Config::SharedConfig::fromDocuments(Config::IniDocument::parse(files().first, QStringLiteral("config")),
            Config::IniDocument::parse(files().second, QStringLiteral("credentials")));
    for (auto _ : state) {
        const Profiles::ProfileResolver resolver(shared); // a fresh one: its cache of source chains starts empty
        for (const Config::ProfileSettings &profile : shared.profiles())
            benchmark::DoNotOptimize(resolver.resolve(profile.name));
    }
}
BENCHMARK(BM_ResolveEveryProfile)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
