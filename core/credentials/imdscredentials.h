// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metadataservice.h"
#include "util/awscredentials.h"
#include "util/clock.h"
#include "util/result.h"

#include <QByteArrayView>
#include <QHash>
#include <QObject>
#include <QProcessEnvironment>
#include <QUrl>

class QNetworkAccessManager;

namespace Rolecall::Core {

/**
 * How to reach EC2 instance metadata (IMDS), resolved like botocore: environment variable first, then the
 * profile's setting, then the default.
 *
 * | field        | environment                              | profile key                          | default |
 * |--------------|------------------------------------------|--------------------------------------|---------|
 * | endpoint     | AWS_EC2_METADATA_SERVICE_ENDPOINT        | ec2_metadata_service_endpoint        |
 * http://169.254.169.254/ | | (mode)       | AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE   |
 * ec2_metadata_service_endpoint_mode   | IPv4 (IPv6: http://[fd00:ec2::254]/) | | (mode)       | AWS_IMDS_USE_IPV6 |
 * imds_use_ipv6                        | false | | disabled     | AWS_EC2_METADATA_DISABLED                | — | false
 * | | v1Disabled   | AWS_EC2_METADATA_V1_DISABLED             | ec2_metadata_v1_disabled             | false | |
 * timeoutMs    | AWS_METADATA_SERVICE_TIMEOUT (seconds)   | metadata_service_timeout             | 1 s | | attempts |
 * AWS_METADATA_SERVICE_NUM_ATTEMPTS        | metadata_service_num_attempts        | 1 |
 *
 * An explicit endpoint wins over the mode.
 */
struct ImdsSettings
{
    QUrl endpoint = QUrl(QStringLiteral("http://169.254.169.254/"));
    bool disabled = false;
    bool v1Disabled = false;
    /// Per request: no progress for this long fails it (botocore: 1 s, connect and read).
    int timeoutMs = 1000;
    /// Attempts per request (botocore: 1).
    int attempts = 1;
    /// Answers larger than this are refused.
    qint64 maxResponseBytes = 64 * 1024;

    /**
     * Resolves the settings from @p environment and the profile's keys in @p profile (config file names,
     * e.g. "metadata_service_timeout"). A Config error for an unknown endpoint mode, an endpoint that is not
     * an http(s) URL, or a timeout or attempt count that is not a positive integer.
     */
    static Result<ImdsSettings> resolve(
        const QProcessEnvironment &environment, const QHash<QString, QString> &profile = {});
};

/**
 * Reads the IMDS credentials document `{"Code": "Success", "AccessKeyId", "SecretAccessKey", "Token",
 * "Expiration", …}`. When the keys are missing and Code is not "Success" (IMDS answers problems such as
 * "AssumeRoleUnauthorizedAccess" with HTTP 200), the error carries Code and Message. Origin: AssumedRole
 * (instance profile credentials are a role session).
 */
Result<AwsCredentials> parseImdsCredentials(QByteArrayView json);

/**
 * botocore's static-stability rule for IMDS credentials: when @p expiration is within @p refreshOffsetSeconds
 * of @p now (or past), it is moved to now + @p refreshOffsetSeconds, so that an instance whose metadata service
 * hands out stale credentials during an outage keeps working, and is not asked again in a tight loop. botocore
 * uses 900 s plus a random 120–600 s; the job does the same.
 */
QDateTime imdsExtendedExpiration(const QDateTime &expiration, const QDateTime &now, int refreshOffsetSeconds);

/**
 * Credentials of the instance profile from EC2 instance metadata, as botocore's InstanceMetadataFetcher gets
 * them:
 *
 * 1. `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds: 21600` (IMDSv2). HTTP 403, 404 or 405,
 *    a timeout, or failure after all attempts means "no token": the job carries on with IMDSv1 unless
 *    v1Disabled; HTTP 400 ends it.
 * 2. `GET /latest/meta-data/iam/security-credentials/` for the role name, with `X-aws-ec2-metadata-token`.
 * 3. `GET /latest/meta-data/iam/security-credentials/<role>` for the credentials.
 *
 * Steps 2 and 3 retry (up to `attempts`) a non-200 or empty answer, unreadable JSON, timeouts and connection
 * errors, without pause, like botocore. The expiration is extended as imdsExtendedExpiration() says.
 *
 * Starts on the next event-loop turn, emits exactly one `finished` and deletes itself; abort() ends it with a
 * Cancelled error. Give it a network manager without a proxy.
 *
 *     auto *job = new ImdsCredentialsJob(&network, &clock, QProcessEnvironment::systemEnvironment());
 *     connect(job, &ImdsCredentialsJob::finished, this, [](const Result<AwsCredentials> &r) { … });
 */
class ImdsCredentialsJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImdsCredentialsJob)

public:
    /// Settings from @p environment (ImdsSettings::resolve); a resolution error is what `finished` reports.
    ImdsCredentialsJob(QNetworkAccessManager *network, const Clock *clock, const QProcessEnvironment &environment,
        QObject *parent = nullptr);
    ImdsCredentialsJob(QNetworkAccessManager *network, const Clock *clock, const Result<ImdsSettings> &settings,
        QObject *parent = nullptr);
    ~ImdsCredentialsJob() override;

    /// The instance profile's role, once known.
    QString roleName() const { return m_roleName; }
    /// True when no IMDSv2 token could be had and the job fell back to IMDSv1.
    bool usedImdsV1() const { return m_usedV1; }
    bool isFinished() const { return m_finished; }
    /// Cancels; `finished` follows with an error of kind Cancelled.
    void abort();

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::AwsCredentials> &result);

private:
    enum class Step
    {
        Token,
        RoleName,
        Credentials,
    };

    void start();
    void send();
    void onOutcome(HttpFetch::Outcome &outcome);
    void onToken(HttpFetch::Outcome &outcome);
    void onRoleName(HttpFetch::Outcome &outcome);
    void onCredentials(HttpFetch::Outcome &outcome);
    void enterStep(Step step);
    void retryOrFail(const Error &error);
    QUrl urlFor(const QString &path) const;
    void finish(const Result<AwsCredentials> &result);

    const Clock *m_clock;
    Result<ImdsSettings> m_settings;
    HttpFetch m_fetch;
    Step m_step = Step::Token;
    int m_tries = 0;
    SecureBytes m_token;
    QString m_roleName;
    bool m_usedV1 = false;
    bool m_finished = false;
};

} // namespace Rolecall::Core
