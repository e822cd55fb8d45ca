// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "brokerprotocol.h"
#include "util/clock.h"

#include <QObject>
#include <QTimer>

class QLocalSocket;

namespace Rolecall::Core {

/** Timeouts of a broker client job. */
struct BrokerClientSettings
{
    /// No accepted connection by then means "no app running": callers fall back well within a second.
    int connectTimeoutMs = 500;
    /// The whole answer must have arrived by then (an MFA prompt waits for a person, hence minutes).
    int answerTimeoutMs = 10 * 60 * 1000;
};

/// True for the errors after which the caller should do the work itself: no app answers, or its socket is not
/// trustworthy (another user's directory or server).
bool isBrokerUnavailable(const Error &error);

/**
 * One exchange with the desktop broker (see brokerprotocol.h): connects, checks that the server is this user
 * (SO_PEERCRED) in a private directory, sends one request, reads one answer. The base of the two jobs below.
 *
 * Starts on the next event-loop turn, emits exactly one `finished` and deletes itself; abort() ends it with a
 * Cancelled error. No app running (no socket, a stale socket, nothing accepting) fails with the code
 * Broker::kCodeNotRunning within connectTimeoutMs.
 */
class BrokerClientJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerClientJob)

public:
    ~BrokerClientJob() override;

    QString socketPath() const { return m_path; }
    bool isFinished() const { return m_finished; }
    void abort();

protected:
    BrokerClientJob(QString socketPath, QByteArray request, BrokerClientSettings settings, QObject *parent);

    /// The answer line arrived (without its newline; the base wipes it afterwards). Must call finishWith().
    virtual void answered(QByteArrayView answer) = 0;
    /// The exchange failed before an answer. Must call finishWith().
    virtual void failed(const Error &error) = 0;
    /// Marks the job finished and schedules its deletion; true the first time.
    bool markFinished();

private:
    void start();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();
    void fail(const Error &error);

    QString m_path;
    QByteArray m_request;
    BrokerClientSettings m_settings;
    QLocalSocket *m_socket = nullptr;
    QByteArray m_buffer;
    QTimer m_timer;
    bool m_connected = false;
    bool m_finished = false;
};

/**
 * "Credentials of profile P, please": the desktop app answers from its cache or runs the chain, with its own
 * MFA dialog.
 *
 *     auto *job = new BrokerCredentialsJob(Broker::socketLocation(env).path, u"dev"_s, {}, &clock);
 *     connect(job, &BrokerCredentialsJob::finished, this, [](const Result<AwsCredentials> &r) {
 *         if (!r && isBrokerUnavailable(r.error())) … do it yourself …
 *     });
 */
class BrokerCredentialsJob final : public BrokerClientJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerCredentialsJob)

public:
    /// @p clock must outlive the job (expired answers are refused); @p client names the asking command.
    BrokerCredentialsJob(const QString &socketPath, const QString &profile, std::optional<int> durationSeconds,
        const Clock *clock, const QString &client = {}, BrokerClientSettings settings = {}, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::AwsCredentials> &result);

private:
    void answered(QByteArrayView answer) override;
    void failed(const Error &error) override;

    const Clock *m_clock;
};

/** "Ask the user for an MFA code of device S (for profile P)": the desktop app shows its MFA dialog. */
class BrokerMfaJob final : public BrokerClientJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerMfaJob)

public:
    BrokerMfaJob(const QString &socketPath, const QString &profile, const QString &serialNumber,
        const QString &client = {}, BrokerClientSettings settings = {}, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::SecureBytes> &result);

private:
    void answered(QByteArrayView answer) override;
    void failed(const Error &error) override;
};

} // namespace Rolecall::Core
