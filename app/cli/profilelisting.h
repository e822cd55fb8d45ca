// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <cstdio>

namespace Rolecall::Core::Config {
class SharedConfig;
}

namespace Rolecall::Cli {

/**
 * `rolecall-cli profiles [--json | --names]`: every profile in file order, resolved. It needs no
 * network, keychain or STS code, so main() answers it without loading the commands module that
 * holds them (see main.cpp); Cli::cmdProfiles runs the same code for every other form of the line.
 */
class ProfileListing
{
    // Cli's context: these strings were translated there and keep their translations.
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Cli::Cli)

public:
    enum class Format
    {
        Table, ///< aligned columns for people
        Json, ///< one object per profile (schema in README)
        Names, ///< one name per line, for shell completion: no resolution, no warnings
    };

    /// Writes the listing to @p out and the files' warnings to @p err; returns the exit code (0).
    static int run(
        const Core::Config::SharedConfig &config, const QProcessEnvironment &env, Format format, FILE *out, FILE *err);
};

} // namespace Rolecall::Cli
