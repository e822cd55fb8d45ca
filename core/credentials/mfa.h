// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"
#include "util/securebytes.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

namespace Rolecall::Core {

/** What an MFA prompt must say: which profile wants a code for which device. */
struct MfaRequest
{
    QString profile;
    QString serialNumber;
    /// aws-vault's mfa_process: a command that prints the code (run instead of asking).
    QString mfaProcess;
    /// Why the previous code was not taken (AWS's message for a rejected code, or a reused code), to show
    /// with the prompt; empty on the first ask.
    QString lastError;
};

/**
 * Where MFA codes come from: a terminal, the desktop app's dialog, a fixed code given on the command
 * line. Asynchronous: call @p done exactly once with six digits, or an error (Cancelled when the user
 * dismissed the prompt).
 */
class MfaProvider
{
public:
    virtual ~MfaProvider() = default;
    virtual void requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) = 0;
};

/**
 * Runs an mfa_process command (split like credential_process, no shell) and takes the six-digit code it
 * prints. Bounded by @p timeoutMs; the code never appears in errors.
 *
 * Returns the running process (it deletes itself when done), or null when @p done was already called
 * (the command line could not be split). Killing the process ends it: @p done then gets an error.
 */
QProcess *runMfaProcess(const QString &commandLine, const QProcessEnvironment &environment, int timeoutMs,
    std::function<void(Result<SecureBytes>)> done);

/** True when @p code is exactly six ASCII digits. */
bool isValidMfaCode(QByteArrayView code);

} // namespace Rolecall::Core
