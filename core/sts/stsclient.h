// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "endpoints/endpointresolver.h"
#include "retrypolicy.h"
#include "sigv4/sigv4.h"
#include "stsencoding.h"
#include "ststypes.h"
#include "util/clock.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Rolecall::Core::Sts {

class StsClient;

/** How an StsClient talks to its endpoint. */
struct StsClientConfig
{
    Endpoint endpoint;
    RetryPolicy retryPolicy;
    /// No progress for this long aborts the attempt (QNetworkRequest::setTransferTimeout).
    int transferTimeoutMs = 15000;
    /// Hard bound on one attempt, however slowly the server drips bytes.
    int attemptTimeoutMs = 60000;
    /// Trusted roots instead of the system's (ca_bundle / AWS_CA_BUNDLE); empty: the system's.
    QList<QSslCertificate> caCertificates;
    /// Answers larger than this are refused (an STS answer is a few KiB).
    qint64 maxResponseBytes = 1024 * 1024;
};

/**
 * One STS call: validates, signs, sends, retries as the SDKs do, corrects clock skew, parses.
 *
 * Created by StsClient; starts on the next event-loop turn so callers can connect first. Emits
 * exactly one typed `finished(result)` (declared by each action's subclass) and then deletes itself.
 * abort() ends it with a Cancelled error. `retrying` reports each backoff for progress displays.
 */
class StsJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsJob)

public:
    ~StsJob() override;

    QString action() const { return m_action; }
    /// Attempts made so far (1 after the first send).
    int attempts() const { return m_attempt; }
    bool isFinished() const { return m_finished; }
    /// Cancels the call; `finished` follows with an error of kind Cancelled.
    void abort();

Q_SIGNALS:
    void retrying(int attempt, int delayMs, const Rolecall::Core::Error &error);

protected:
    StsJob(StsClient *client, QString action, Params params, bool signRequest, Result<void> validation);

    virtual void deliver(const QByteArray &body) = 0;
    virtual void deliverError(const Error &error) = 0;

private:
    enum class AbortReason
    {
        None,
        User,
        Deadline,
        TooLarge
    };

    void start();
    void sendAttempt();
    void onReplyFinished();
    void onReadyRead();
    void handleFailure(const Error &error, QNetworkReply *reply);
    void fail(const Error &error);
    void succeed(QByteArray &body);
    Error errorFromReply(QNetworkReply *reply, QByteArray &body) const;

    QPointer<StsClient> m_client;
    QString m_action;
    Params m_params;
    bool m_sign;
    Result<void> m_validation;
    AwsCredentials m_credentials;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QTimer m_backoff;
    QStringList m_sslErrors;
    AbortReason m_abortReason = AbortReason::None;
    int m_attempt = 0;
    int m_quotaTaken = 0;
    bool m_skewRetried = false;
    bool m_finished = false;
};

#define ROLECALL_STS_JOB_COMMON(JobName)                                                                               \
    friend class StsClient;                                                                                            \
                                                                                                                       \
private:                                                                                                               \
    using StsJob::StsJob;                                                                                              \
    void deliver(const QByteArray &body) override;                                                                     \
    void deliverError(const Error &error) override;

class AssumeRoleJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(AssumeRoleJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::AssumeRoleResult> &result);
};

class AssumeRoleWithSamlJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(AssumeRoleWithSamlJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::AssumeRoleWithSamlResult> &result);
};

class AssumeRoleWithWebIdentityJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(AssumeRoleWithWebIdentityJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::AssumeRoleWithWebIdentityResult> &result);
};

class DecodeAuthorizationMessageJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(DecodeAuthorizationMessageJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::DecodeAuthorizationMessageResult> &result);
};

class GetAccessKeyInfoJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(GetAccessKeyInfoJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::GetAccessKeyInfoResult> &result);
};

class GetCallerIdentityJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(GetCallerIdentityJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::GetCallerIdentityResult> &result);
};

class GetFederationTokenJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(GetFederationTokenJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::GetFederationTokenResult> &result);
};

class GetSessionTokenJob final : public StsJob
{
    Q_OBJECT
    ROLECALL_STS_JOB_COMMON(GetSessionTokenJob)
Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Sts::GetSessionTokenResult> &result);
};

#undef ROLECALL_STS_JOB_COMMON

/**
 * The STS client: one endpoint, one set of signing credentials, the shared retry quota, the
 * learned clock skew and the signing-key cache. Network and time are injected.
 *
 *     auto *job = client.assumeRole(request);
 *     connect(job, &AssumeRoleJob::finished, this, [](const Result<AssumeRoleResult> &r) { … });
 */
class StsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsClient)

public:
    StsClient(QNetworkAccessManager *network, const Clock *clock, StsClientConfig config, QObject *parent = nullptr);
    ~StsClient() override;

    /// Credentials that sign every call except AssumeRoleWithSAML / AssumeRoleWithWebIdentity.
    void setCredentials(const AwsCredentials &credentials);
    const AwsCredentials &credentials() const { return m_credentials; }
    const StsClientConfig &config() const { return m_config; }
    RetryPolicy &retryPolicy() { return m_config.retryPolicy; }

    AssumeRoleJob *assumeRole(const AssumeRoleRequest &request);
    AssumeRoleWithSamlJob *assumeRoleWithSaml(const AssumeRoleWithSamlRequest &request);
    AssumeRoleWithWebIdentityJob *assumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest &request);
    DecodeAuthorizationMessageJob *decodeAuthorizationMessage(const DecodeAuthorizationMessageRequest &request);
    GetAccessKeyInfoJob *getAccessKeyInfo(const GetAccessKeyInfoRequest &request);
    GetCallerIdentityJob *getCallerIdentity(const GetCallerIdentityRequest &request = {});
    GetFederationTokenJob *getFederationToken(const GetFederationTokenRequest &request);
    GetSessionTokenJob *getSessionToken(const GetSessionTokenRequest &request);

    /// Server time minus local time, learned from a skew error's Date header; added to signing time.
    qint64 clockSkewMs() const { return m_clockSkewMs; }
    void setClockSkewMs(qint64 skew);
    RetryQuota &retryQuota() { return m_quota; }
    SigV4::SigningKeyCache &signingKeyCache() { return m_keyCache; }

    /// Loads a PEM bundle (ca_bundle / AWS_CA_BUNDLE).
    static Result<QList<QSslCertificate>> loadCaBundle(const QString &path);
    static QByteArray userAgent();

Q_SIGNALS:
    void clockSkewChanged(qint64 skewMs);

private:
    friend class StsJob;
    template<typename Job, typename Request>
    Job *makeJob(const QString &action, const Request &request, bool signRequest);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    StsClientConfig m_config;
    AwsCredentials m_credentials;
    RetryQuota m_quota;
    SigV4::SigningKeyCache m_keyCache;
    qint64 m_clockSkewMs = 0;
};

} // namespace Rolecall::Core::Sts
