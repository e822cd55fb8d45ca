// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "endpoints/partitions.h"
#include "util/awscredentials.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * AWS console sign-in through the federation endpoint: temporary credentials → sign-in token →
 * login URL. Partition-aware (aws, aws-cn, aws-us-gov); the endpoint can be overridden by a setting
 * or ROLECALL_FEDERATION_URL for tests and private partitions.
 */
namespace Rolecall::Core::Console {

/** Where the browser lands after sign-in. */
struct Destination
{
    QString region; ///< empty: the console home
    QString service; ///< e.g. "ec2", "s3"; empty: the region's console home
    QUrl explicitUrl; ///< when set, used as is (must be https)
};

struct SigninRequest
{
    AwsCredentials credentials;
    /// SessionDuration for getSigninToken (900–43200); only sent for role credentials.
    std::optional<int> sessionDurationSeconds;
    /// The credentials came from a role assumed with role credentials: AWS allows at most 3600 s.
    bool roleChained = false;
    Destination destination;
    QString issuer = QStringLiteral("https://github.com/rolecall/rolecall");
};

/** The federation endpoint: @p overrideUrl, else ROLECALL_FEDERATION_URL, else the partition's. */
Result<QUrl> federationEndpoint(const Partition &partition, const QString &overrideUrl,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

/** Refuses long-term keys and GetSessionToken credentials, which the federation endpoint rejects. */
Result<void> checkCredentials(const AwsCredentials &credentials);
Result<void> validate(const SigninRequest &request);

/** `?Action=getSigninToken&SessionDuration=…&Session={…}`. The URL holds the session: never log it. */
QUrl signinTokenUrl(const QUrl &federation, const SigninRequest &request);
/** The SigninToken from the endpoint's JSON answer. */
Result<SecureBytes> parseSigninTokenResponse(QByteArrayView json);
/** The console URL for @p destination in @p partition. */
Result<QUrl> destinationUrl(const Partition &partition, const Destination &destination);
/** `?Action=login&Issuer=…&Destination=…&SigninToken=…`: opens a signed-in console (valid 15 minutes). */
QUrl loginUrl(const QUrl &federation, const QString &issuer, const QUrl &destination, const SecureBytes &token);
/** Signs out of the console first, then continues to @p next (switches identities without the "log out first" page). */
QUrl logoutUrl(const QUrl &federation, const QUrl &next);

/**
 * getSigninToken and the login URL, as one asynchronous job (same shape as the STS jobs):
 * emits `finished` once, then deletes itself.
 */
class SigninJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SigninJob)

public:
    struct Login
    {
        QUrl loginUrl; ///< holds the sign-in token: a secret for 15 minutes
        QUrl destination;
    };

    SigninJob(QNetworkAccessManager *network, QUrl federation, const Partition &partition, SigninRequest request,
        int timeoutMs = 15000, QObject *parent = nullptr);
    ~SigninJob() override;
    /// Trusted roots instead of the system's (ca_bundle / AWS_CA_BUNDLE), as for STS calls.
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    void abort();

Q_SIGNALS:
    void finished(const Rolecall::Core::Result<Rolecall::Core::Console::SigninJob::Login> &result);

private:
    void start();
    void onFinished();
    void finish(const Result<Login> &result);

    QNetworkAccessManager *m_network;
    QUrl m_federation;
    Partition m_partition;
    SigninRequest m_request;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslErrors;
    QList<QSslCertificate> m_caCertificates;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace Rolecall::Core::Console
