// SPDX-License-Identifier: Apache-2.0
#include "stsclient.h"

#include "networkerrors.h"
#include "stsparsing.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Sts {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Sts::StsClient)
};

constexpr qint64 kSkewThresholdMs = 4 * 60 * 1000;

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port();
    const bool defaultPort
        = port == -1 || (url.scheme() == "https"_L1 && port == 443) || (url.scheme() == "http"_L1 && port == 80);
    if (!defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace

// ---------------------------------------------------------------------------------------------- StsJob

StsJob::StsJob(StsClient *client, QString action, Params params, bool signRequest, Result<void> validation)
    : QObject(client)
    , m_client(client)
    , m_action(std::move(action))
    , m_params(std::move(params))
    , m_sign(signRequest)
    , m_validation(std::move(validation))
    , m_credentials(client->credentials())
{
    m_deadline.setSingleShot(true);
    m_backoff.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_abortReason = AbortReason::Deadline;
            m_reply->abort();
        }
    });
    connect(&m_backoff, &QTimer::timeout, this, &StsJob::sendAttempt);
    QMetaObject::invokeMethod(this, &StsJob::start, Qt::QueuedConnection);
}

StsJob::~StsJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    for (SigV4::QueryItem &item : m_params)
        secureWipe(item.value);
}

void StsJob::abort()
{
    if (m_finished)
        return;
    m_backoff.stop();
    if (m_reply) {
        m_abortReason = AbortReason::User;
        m_reply->abort(); // onReplyFinished reports the cancellation
        return;
    }
    fail(Error::cancelled(m_action));
}

void StsJob::start()
{
    if (m_finished)
        return;
    if (!m_validation) {
        fail(m_validation.error());
        return;
    }
    if (!m_client) {
        fail(Error::cancelled(m_action));
        return;
    }
    if (m_sign && m_credentials.isEmpty()) {
        fail(Error::config(Tr::tr("No AWS credentials to sign the request with. Choose a profile, or set "
                                  "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."),
            m_action));
        return;
    }
    sendAttempt();
}

void StsJob::sendAttempt()
{
    if (m_finished || !m_client)
        return;
    ++m_attempt;
    m_abortReason = AbortReason::None;
    m_sslErrors.clear();
    const StsClientConfig &config = m_client->m_config;
    const QUrl &url = config.endpoint.url;

    SigV4::Request request;
    request.method = QByteArrayLiteral("POST");
    request.path = url.path(QUrl::FullyDecoded).toUtf8();
    if (request.path.isEmpty())
        request.path = QByteArrayLiteral("/");
    // Lower-case names: HTTP does not care, and the signer then has nothing to lower-case.
    request.headers.append({QByteArrayLiteral("host"), hostHeader(url)});
    request.headers.append(
        {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8")});
    request.payload = formBody(m_params);
    if (m_sign) {
        const QDateTime now = m_client->m_clock->nowUtc().addMSecs(m_client->m_clockSkewMs);
        SigV4::sign(request, m_credentials,
            {config.endpoint.signingRegion.toUtf8(), QByteArrayLiteral("sts"), now, true}, &m_client->m_keyCache);
    }

    QNetworkRequest networkRequest(url);
    for (const SigV4::Header &header : std::as_const(request.headers))
        networkRequest.setRawHeader(header.name, header.value);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, StsClient::userAgent());
    networkRequest.setTransferTimeout(config.transferTimeoutMs);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (url.scheme() == "https"_L1) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!config.caCertificates.isEmpty())
            ssl.setCaCertificates(config.caCertificates);
        networkRequest.setSslConfiguration(ssl);
    }

    QNetworkReply *reply = m_client->m_network->post(networkRequest, request.payload);
    secureWipe(request.payload);
    m_reply = reply;
    // Bounded memory: Qt buffers at most this much before we see it, whatever the server sends.
    reply->setReadBufferSize(config.maxResponseBytes + 1);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply && m_client
            && m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()
                > m_client->m_config.maxResponseBytes) {
            m_abortReason = AbortReason::TooLarge;
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &StsJob::onReplyFinished);
    connect(reply, &QNetworkReply::readyRead, this, &StsJob::onReadyRead);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    m_deadline.start(config.attemptTimeoutMs);
}

void StsJob::onReadyRead()
{
    if (m_reply && m_client && m_reply->bytesAvailable() > m_client->m_config.maxResponseBytes) {
        m_abortReason = AbortReason::TooLarge;
        m_reply->abort();
    }
}

void StsJob::onReplyFinished()
{
    m_deadline.stop();
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_finished)
        return;
    const int timeoutSeconds = m_client ? (m_client->m_config.transferTimeoutMs + 999) / 1000 : 0;
    switch (m_abortReason) {
    case AbortReason::User:
        fail(Error::cancelled(m_action));
        return;
    case AbortReason::Deadline:
        handleFailure(
            Error::timeout(m_client ? (m_client->m_config.attemptTimeoutMs + 999) / 1000 : 0, m_action), reply);
        return;
    case AbortReason::TooLarge:
        fail(Error::parse(
            Tr::tr("the answer is larger than %1 bytes").arg(m_client->m_config.maxResponseBytes), m_action));
        return;
    case AbortReason::None:
        break;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const QString proxy = m_client ? proxyFor(m_client->m_network, reply->url()) : QString();
        handleFailure(
            transportError(reply->error(), reply->errorString(), m_sslErrors, timeoutSeconds, m_action, proxy), reply);
        return;
    }
    // A status line arrived, but the transfer may still have failed (connection cut before the
    // announced Content-Length): never accept a partial answer, even one that happens to parse.
    if (const auto netError = reply->error();
        netError != QNetworkReply::NoError && netError < QNetworkReply::ProxyConnectionRefusedError) {
        handleFailure(transportError(netError, reply->errorString(), m_sslErrors, timeoutSeconds, m_action), reply);
        return;
    }
    QByteArray body = reply->readAll();
    if (status == 200) {
        succeed(body);
        return;
    }
    handleFailure(errorFromReply(reply, body), reply);
}

Error StsJob::errorFromReply(QNetworkReply *reply, QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const AwsErrorBody awsError = parseErrorResponse(body);
    secureWipe(body);
    QString requestId = awsError.requestId;
    if (requestId.isEmpty())
        requestId = QString::fromLatin1(reply->rawHeader("x-amzn-RequestId"));
    if (!awsError.code.isEmpty())
        return Error::aws(status, awsError.code, awsError.message, requestId, m_action);
    Error error = Error::http(status, m_action);
    error.requestId = requestId;
    return error;
}

void StsJob::handleFailure(const Error &error, QNetworkReply *reply)
{
    if (!m_client) {
        fail(error);
        return;
    }
    if (!m_skewRetried && RetryPolicy::isClockSkewError(error)) {
        const QDateTime serverTime = parseHttpDate(reply->rawHeader("Date"));
        if (serverTime.isValid()) {
            const qint64 skew = m_client->m_clock->nowUtc().msecsTo(serverTime);
            if (std::llabs(skew - m_client->m_clockSkewMs) > kSkewThresholdMs) {
                m_skewRetried = true;
                m_client->setClockSkewMs(skew);
                Q_EMIT retrying(m_attempt, 0, error);
                QMetaObject::invokeMethod(this, &StsJob::sendAttempt, Qt::QueuedConnection);
                return;
            }
        }
    }
    RetryPolicy &policy = m_client->m_config.retryPolicy;
    int taken = 0;
    if (RetryPolicy::isRetryable(error) && m_attempt < policy.maxAttempts()
        && m_client->m_quota.acquire(error, &taken)) {
        m_quotaTaken = taken;
        const int delay = policy.delayMs(m_attempt);
        Q_EMIT retrying(m_attempt, delay, error);
        m_backoff.start(delay);
        return;
    }
    fail(error);
}

void StsJob::succeed(QByteArray &body)
{
    if (m_client)
        m_client->m_quota.release(m_quotaTaken > 0 ? m_quotaTaken : 1);
    m_finished = true;
    deliver(body);
    secureWipe(body);
    deleteLater();
}

void StsJob::fail(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    deliverError(error);
    deleteLater();
}

#define ROLECALL_STS_JOB_IMPL(JobName, parser)                                                                         \
    void JobName::deliver(const QByteArray &body)                                                                      \
    {                                                                                                                  \
        Q_EMIT finished(parser(body));                                                                                 \
    }                                                                                                                  \
    void JobName::deliverError(const Error &error)                                                                     \
    {                                                                                                                  \
        Q_EMIT finished(error);                                                                                        \
    }

ROLECALL_STS_JOB_IMPL(AssumeRoleJob, parseAssumeRoleResponse)
ROLECALL_STS_JOB_IMPL(AssumeRoleWithSamlJob, parseAssumeRoleWithSamlResponse)
ROLECALL_STS_JOB_IMPL(AssumeRoleWithWebIdentityJob, parseAssumeRoleWithWebIdentityResponse)
ROLECALL_STS_JOB_IMPL(DecodeAuthorizationMessageJob, parseDecodeAuthorizationMessageResponse)
ROLECALL_STS_JOB_IMPL(GetAccessKeyInfoJob, parseGetAccessKeyInfoResponse)
ROLECALL_STS_JOB_IMPL(GetCallerIdentityJob, parseGetCallerIdentityResponse)
ROLECALL_STS_JOB_IMPL(GetFederationTokenJob, parseGetFederationTokenResponse)
ROLECALL_STS_JOB_IMPL(GetSessionTokenJob, parseGetSessionTokenResponse)

#undef ROLECALL_STS_JOB_IMPL

// ---------------------------------------------------------------------------------------------- StsClient

StsClient::StsClient(QNetworkAccessManager *network, const Clock *clock, StsClientConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_config(std::move(config))
{
    Q_ASSERT(network);
    Q_ASSERT(clock);
}

StsClient::~StsClient() = default;

void StsClient::setCredentials(const AwsCredentials &credentials)
{
    m_credentials = credentials;
}

void StsClient::setClockSkewMs(qint64 skew)
{
    if (skew == m_clockSkewMs)
        return;
    m_clockSkewMs = skew;
    Q_EMIT clockSkewChanged(skew);
}

template<typename Job, typename Request>
Job *StsClient::makeJob(const QString &action, const Request &request, bool signRequest)
{
    return new Job(this, action, encode(request), signRequest, validate(request));
}

AssumeRoleJob *StsClient::assumeRole(const AssumeRoleRequest &request)
{
    return makeJob<AssumeRoleJob>(u"AssumeRole"_s, request, true);
}

AssumeRoleWithSamlJob *StsClient::assumeRoleWithSaml(const AssumeRoleWithSamlRequest &request)
{
    return makeJob<AssumeRoleWithSamlJob>(u"AssumeRoleWithSAML"_s, request, false);
}

AssumeRoleWithWebIdentityJob *StsClient::assumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest &request)
{
    return makeJob<AssumeRoleWithWebIdentityJob>(u"AssumeRoleWithWebIdentity"_s, request, false);
}

DecodeAuthorizationMessageJob *StsClient::decodeAuthorizationMessage(const DecodeAuthorizationMessageRequest &request)
{
    return makeJob<DecodeAuthorizationMessageJob>(u"DecodeAuthorizationMessage"_s, request, true);
}

GetAccessKeyInfoJob *StsClient::getAccessKeyInfo(const GetAccessKeyInfoRequest &request)
{
    return makeJob<GetAccessKeyInfoJob>(u"GetAccessKeyInfo"_s, request, true);
}

GetCallerIdentityJob *StsClient::getCallerIdentity(const GetCallerIdentityRequest &request)
{
    return makeJob<GetCallerIdentityJob>(u"GetCallerIdentity"_s, request, true);
}

GetFederationTokenJob *StsClient::getFederationToken(const GetFederationTokenRequest &request)
{
    return makeJob<GetFederationTokenJob>(u"GetFederationToken"_s, request, true);
}

GetSessionTokenJob *StsClient::getSessionToken(const GetSessionTokenRequest &request)
{
    return makeJob<GetSessionTokenJob>(u"GetSessionToken"_s, request, true);
}

Result<QList<QSslCertificate>> StsClient::loadCaBundle(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::config(Tr::tr("Cannot read the CA bundle %1: %2").arg(path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return Error::config(Tr::tr("The CA bundle %1 holds no PEM certificates.").arg(path));
    return certificates;
}

QByteArray StsClient::userAgent()
{
    return QByteArrayLiteral("rolecall/" ROLECALL_VERSION " Qt/") + qVersion();
}

} // namespace Rolecall::Core::Sts
