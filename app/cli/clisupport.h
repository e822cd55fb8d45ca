// SPDX-License-Identifier: Apache-2.0
// Internal helpers shared by rolecall-cli's command files.
#pragma once

#include "credentials/mfa.h"
#include "sts/stsclient.h"
#include "util/awscredentials.h"
#include "util/result.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <optional>

namespace Rolecall::Cli {

void installInterruptHandlers();
/// True once SIGINT or SIGTERM arrived.
bool interrupted();

QString isoUtc(const QDateTime &time);
/// The AWS CLI's "Credentials" object. Holds secrets: wipe what it is serialised into.
QJsonObject credentialsJson(const Core::AwsCredentials &credentials);
QJsonObject assumedRoleUserJson(const Core::Sts::AssumedRoleUser &user);
void insertOptional(QJsonObject &object, const QString &key, const QString &value);
void insertOptional(QJsonObject &object, const QString &key, std::optional<int> value);

/**
 * Waits for one job (an STS job, a credential flow…) in a local event loop — the CLI's main loop —
 * and aborts it on Ctrl+C.
 */
template<typename Job, typename R>
Core::Result<R> await(Job *job, const std::function<void(const QString &)> &debug)
{
    std::optional<Core::Result<R>> out;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, [&](const Core::Result<R> &result) {
        out = result;
        loop.quit();
    });
    if constexpr (std::is_base_of_v<Core::Sts::StsJob, Job>) {
        QObject::connect(
            job, &Core::Sts::StsJob::retrying, &loop, [&](int attempt, int delayMs, const Core::Error &error) {
                debug(QStringLiteral("attempt %1 failed (%2); retrying in %3 ms")
                          .arg(attempt)
                          .arg(error.message)
                          .arg(delayMs));
            });
    }
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, job, [job] {
        if (interrupted())
            job->abort();
    });
    interruptPoll.start(100);
    loop.exec();
    return out ? *out : Core::Result<R>(Core::Error::cancelled(QString()));
}

/**
 * MFA codes for the command line: the --mfa-code value (used once), else a prompt on the terminal
 * (no echo needed: a TOTP is worthless a minute later), else a clear refusal.
 */
class CliMfaProvider final : public Core::MfaProvider
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Cli::CliMfaProvider)

public:
    CliMfaProvider(const QString &fixedCode, FILE *prompt);
    void requestCode(
        const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done) override;

private:
    Core::SecureBytes m_fixedCode;
    bool m_fixedCodeUsed = false;
    FILE *m_prompt;
};

} // namespace Rolecall::Cli
