// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace Rolecall::Test {

/** What one run of a command-line program left behind. */
struct CliRun
{
    int exitCode = -1;
    bool finished = false;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const;
    QString describe() const;
};

/**
 * Runs @p program as a child and waits in an event loop (so servers of the test process keep
 * answering). Crashes, hangs past @p timeoutMs, and any of @p secrets (or the environment's secret
 * key and session token) showing up on stderr are appended to @p problems. Secrets the program
 * printed on stdout are added to @p secrets, so later runs are checked for them too.
 */
CliRun runCli(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    const QString &workingDirectory, const QByteArray &input, int timeoutMs, QStringList *problems,
    QStringList *secrets);

/// Adds the secret values printed in @p output (JSON, env exports, INI) to @p secrets.
void rememberSecrets(const QByteArray &output, QStringList *secrets);

/// A loopback port nothing listens on (for "connection refused" cases).
quint16 closedLoopbackPort();

/// Applies "NAME=value" (set) and "-NAME" (remove) edits to @p env.
void applyEnvironmentEdits(QProcessEnvironment &env, const QStringList &edits);

} // namespace Rolecall::Test
