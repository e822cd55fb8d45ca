// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Rolecall::Core::Profiles {

/**
 * Rolecall's own credential_process line: `rolecall-cli credential-process --profile NAME`.
 *
 * `rolecall-cli keychain add` and `keychain import --replace` write it so the AWS CLI and the SDKs
 * get keys that live in the OS keychain; Rolecall itself recognises it (keychainProfileOf()) and reads
 * the keychain directly instead of starting itself (Step::Type::KeychainKeys).
 */

/// The line for @p profile; the name is quoted as Python's shlex.quote would when it needs quoting.
QString keychainCredentialProcess(const QString &profile);

/**
 * The profile whose keychain keys @p credentialProcess asks for, or std::nullopt when it is any
 * other command. Recognised: the command split as botocore splits it (shlex), whose program is
 * `rolecall-cli` (or `rolecall-cli.exe`) under any absolute or relative path, with exactly the
 * arguments `credential-process` and `--profile NAME` (or `--profile=NAME`) in any order, quoted and
 * spaced in any way. Anything more (another option) is left to run as a real process.
 */
std::optional<QString> keychainProfileOf(const QString &credentialProcess);

} // namespace Rolecall::Core::Profiles
