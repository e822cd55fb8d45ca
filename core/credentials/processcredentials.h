// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"
#include "util/clock.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Rolecall::Core {

/**
 * Splits a `credential_process` command line into a program and its arguments the way botocore does
 * on POSIX systems (Python's `shlex.split`): words separated by spaces, tabs and line breaks; single
 * quotes keep everything literally; double quotes keep everything but `\"` and `\\`; outside quotes a
 * backslash keeps the next character literally; adjacent quoted and unquoted parts join into one word;
 * `''` is an empty argument. No shell runs: `$VAR`, `~`, globs, pipes and redirections are plain text.
 *
 * Returns the words, or an empty list and a translated reason in @p error (unbalanced quote, trailing
 * backslash). An empty or blank line gives an empty list and no error.
 */
QStringList splitCommandLine(const QString &commandLine, QString *error);

/**
 * Reads what a credential process printed: the Version 1 document
 * `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": …}`.
 *
 * SessionToken and Expiration (ISO 8601) are optional. Credentials without a session token are marked
 * LongTerm, the others Unknown (the process does not say which call made them). Credentials whose
 * Expiration is not after @p now are refused, as botocore ends up refusing them after its refresh
 * attempt. Errors never quote the output: it holds secrets.
 */
Result<AwsCredentials> parseProcessOutput(QByteArrayView json, const QDateTime &now);

/** Limits and context for a ProcessCredentialsJob. The defaults suit interactive use. */
struct ProcessCredentialsSettings
{
    /// The process is killed after this long (botocore waits forever; a desktop app cannot).
    int timeoutMs = 60000;
    /// More standard output than this kills the process: the JSON document is a few KiB.
    qint64 maxStdoutBytes = 1024 * 1024;
    /// Only the last this-many bytes of standard error are kept, for the error message.
    qint64 maxStderrBytes = 64 * 1024;
    /// Working directory of the process; empty: the application's.
    QString workingDirectory;
    /// Names the source in error messages, e.g. the profile: "profile dev".
    QString context = QStringLiteral("credential_process");
};

/**
 * Runs a profile's `credential_process` and reads the credentials it prints.
 *
 * The command line is split with splitCommandLine() and started directly (no shell), with
 * @p environment as its whole environment (pass QProcessEnvironment::systemEnvironment() plus changes;
 * a default-constructed one starts it with no variables) and standard input from the null device. A
 * program name without a slash is looked up in that environment's PATH.
 *
 * Bounded: killed after `timeoutMs`, or as soon as it prints more than `maxStdoutBytes`. Starts on the
 * next event-loop turn so callers can connect first, emits exactly one `finished` and deletes itself;
 * abort() kills the process and finishes with a Cancelled error.
 *
 *     auto *job = new ProcessCredentialsJob(&clock, profile.credentialProcess, env);
 *     connect(job, &ProcessCredentialsJob::finished, this, [](const Result<AwsCredentials> &r) { … });
 *
 * Errors are of kind Config (cannot start, non-zero exit with the last line of standard error, expired
 * credentials), Timeout (killed after the timeout), Parse (not JSON, wrong Version, missing keys,
 * too much output) or Cancelled.
 */
class ProcessCredentialsJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessCredentialsJob)

public:
    ProcessCredentialsJob(const Clock *clock, const QString &commandLine, const QProcessEnvironment &environment,
        const ProcessCredentialsSettings &settings = {}, QObject *parent = nullptr);
    ~ProcessCredentialsJob() override;

    bool isFinished() const { return m_finished; }
    /// The process id while the process runs, else 0 (for diagnostics and tests).
    qint64 processId() const;
    /// Kills the process; `finished` follows with an error of kind Cancelled.
    void abort();

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::AwsCredentials> &result);

private:
    enum class KillReason
    {
        None,
        Timeout,
        TooMuchOutput,
        Aborted,
    };

    void start();
    void readStdout();
    void readStderr();
    void killFor(KillReason reason);
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void finish(const Result<AwsCredentials> &result);
    QString lastStderrLine() const;

    const Clock *m_clock;
    QString m_commandLine;
    QProcessEnvironment m_environment;
    ProcessCredentialsSettings m_settings;
    QString m_programName;
    QProcess m_process;
    QTimer m_timeout;
    QTimer m_reapGuard;
    QByteArray m_stdout;
    QByteArray m_stderr;
    KillReason m_killReason = KillReason::None;
    bool m_finished = false;
};

} // namespace Rolecall::Core
