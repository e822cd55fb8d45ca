// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metadataservice.h"
#include "util/awscredentials.h"
#include "util/result.h"

#include <QByteArrayView>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace Rolecall::Core {

/** Timeouts and retries of a ContainerCredentialsJob; the defaults are botocore's ContainerMetadataFetcher's. */
struct ContainerCredentialsSettings
{
    /// Per attempt: no progress for this long fails it (botocore: 2 s).
    int timeoutMs = 2000;
    /// Attempts in all (botocore: 3). Failed answers, unreadable JSON, timeouts and connection errors retry.
    int attempts = 3;
    /// Pause between two attempts (botocore: 1 s).
    int retryDelayMs = 1000;
    /// Answers larger than this are refused (the document is well under 4 KiB).
    qint64 maxResponseBytes = 64 * 1024;
    /// An authorization token file larger than this is refused.
    qint64 maxTokenFileBytes = 16 * 1024;
    /// Where AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is resolved. Only tests change it.
    QString relativeUriBase = QStringLiteral("http://169.254.170.2");
};

/** True when AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI is set (even empty). */
bool hasContainerCredentials(const QProcessEnvironment &environment);

/**
 * The URL to fetch, as botocore's ContainerProvider builds it: @p relativeUriBase followed by
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI when that is set (it wins), else AWS_CONTAINER_CREDENTIALS_FULL_URI,
 * which must be https, or http to a loopback address, "localhost", or one of the ECS / EKS Pod Identity
 * addresses 169.254.170.2, 169.254.170.23 and fd00:ec2::23. A Config error otherwise.
 */
Result<QUrl> containerCredentialsUrl(
    const QProcessEnvironment &environment, const QString &relativeUriBase = QStringLiteral("http://169.254.170.2"));

/**
 * The Authorization header value, if any: the content of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read now,
 * untrimmed, as botocore does; EKS rotates it), else AWS_CONTAINER_AUTHORIZATION_TOKEN. A Config error when the
 * file cannot be read, is empty or too large, or when the token contains a CR or LF (header injection).
 */
Result<std::optional<SecureBytes>> containerAuthorizationToken(
    const QProcessEnvironment &environment, qint64 maxFileBytes = 16 * 1024);

/**
 * Reads the endpoint's JSON `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration", "AccountId"?}`; all four
 * are required. Origin is Unknown: a full URI may name any local credential server.
 */
Result<AwsCredentials> parseContainerCredentials(QByteArrayView json);

/**
 * Credentials from the ECS task role / EKS Pod Identity endpoint (botocore's ContainerProvider).
 *
 * Starts on the next event-loop turn, emits exactly one `finished` and deletes itself; `retrying` reports each
 * pause before another attempt; abort() ends it with a Cancelled error. Network requests go through the
 * injected manager: give it no proxy for link-local addresses. The token file is read once per job.
 *
 *     auto *job = new ContainerCredentialsJob(&network, QProcessEnvironment::systemEnvironment());
 *     connect(job, &ContainerCredentialsJob::finished, this, [](const Result<AwsCredentials> &r) { … });
 */
class ContainerCredentialsJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerCredentialsJob)

public:
    ContainerCredentialsJob(QNetworkAccessManager *network, const QProcessEnvironment &environment,
        const ContainerCredentialsSettings &settings = {}, QObject *parent = nullptr);
    ~ContainerCredentialsJob() override;

    /// Attempts made so far.
    int attempts() const { return m_attempt; }
    bool isFinished() const { return m_finished; }
    /// Cancels; `finished` follows with an error of kind Cancelled.
    void abort();

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::AwsCredentials> &result);
    void retrying(int attempt, int delayMs, const Rolecall::Core::Error &error);

private:
    void start();
    void sendAttempt();
    void onOutcome(HttpFetch::Outcome &outcome);
    void retryOrFail(const Error &error);
    void finish(const Result<AwsCredentials> &result);

    QProcessEnvironment m_environment;
    ContainerCredentialsSettings m_settings;
    HttpFetch m_fetch;
    QTimer m_backoff;
    QUrl m_url;
    SecureBytes m_authorization;
    bool m_hasAuthorization = false;
    int m_attempt = 0;
    bool m_finished = false;
};

} // namespace Rolecall::Core
