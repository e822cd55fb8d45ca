// SPDX-License-Identifier: Apache-2.0
#include "federation.h"

#include "endpoints/endpointresolver.h"
#include "sigv4/sigv4.h"
#include "sts/networkerrors.h"
#include "sts/stsclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Console {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Console)
};

const QString kContext = u"Console sign-in"_s;

// Query strings are built by hand with RFC 3986 encoding: QUrlQuery would leave '+' in the session
// JSON unencoded, and the endpoint would read it as a space.
void appendParam(QByteArray &query, QByteArrayView key, QByteArrayView value)
{
    if (!query.isEmpty())
        query.append('&');
    SigV4::appendUriEncoded(query, key);
    query.append('=');
    SigV4::appendUriEncoded(query, value);
}

QUrl withQuery(QUrl url, const QByteArray &query)
{
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

} // namespace

Result<QUrl> federationEndpoint(const Partition &partition, const QString &overrideUrl, const QProcessEnvironment &env)
{
    QString text = overrideUrl;
    QString source = Tr::tr("the federation endpoint setting");
    if (text.isEmpty()) {
        text = env.value(u"ROLECALL_FEDERATION_URL"_s);
        source = u"ROLECALL_FEDERATION_URL"_s;
    }
    if (text.isEmpty()) {
        if (partition.federationUrl.isEmpty())
            return Error::config(Tr::tr("AWS publishes no console sign-in endpoint for the %1 partition. Set the "
                                        "federation endpoint in the settings or ROLECALL_FEDERATION_URL.")
                                     .arg(partition.id),
                kContext);
        return QUrl(partition.federationUrl);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (auto ok = checkEndpointUrl(url, source); !ok)
        return ok.error();
    return url;
}

Result<void> checkCredentials(const AwsCredentials &credentials)
{
    using Origin = AwsCredentials::Origin;
    if (credentials.isEmpty())
        return Error::config(Tr::tr("There are no credentials to sign in with."), kContext);
    if (!credentials.isTemporary() || credentials.origin == Origin::LongTerm)
        return Error::config(Tr::tr("The AWS console accepts only temporary credentials from a role or a federation "
                                    "token, not long-term access keys. Assume a role, or use a federation token."),
            kContext);
    if (credentials.origin == Origin::SessionToken)
        return Error::config(Tr::tr("The AWS console refuses credentials from GetSessionToken. Assume a role with "
                                    "them first, or use a federation token (GetFederationToken) instead."),
            kContext);
    return {};
}

Result<void> validate(const SigninRequest &request)
{
    if (auto ok = checkCredentials(request.credentials); !ok)
        return ok;
    if (request.sessionDurationSeconds) {
        const int seconds = *request.sessionDurationSeconds;
        if (seconds < 900 || seconds > 43200)
            return Error::validation(u"SessionDuration"_s,
                Tr::tr("must be between 900 and 43200 seconds (it is %1).").arg(seconds), kContext);
        if (request.roleChained && seconds > 3600)
            return Error::validation(u"SessionDuration"_s,
                Tr::tr("may be at most 3600 seconds for a role assumed with role credentials "
                       "(role chaining); it is %1.")
                    .arg(seconds),
                kContext);
    }
    if (request.destination.explicitUrl.isValid() && request.destination.explicitUrl.scheme() != "https"_L1)
        return Error::validation(u"Destination"_s, Tr::tr("must be an https:// URL."), kContext);
    return {};
}

QUrl signinTokenUrl(const QUrl &federation, const SigninRequest &request)
{
    const AwsCredentials &c = request.credentials;
    QJsonObject session;
    session.insert(u"sessionId"_s, c.accessKeyId);
    session.insert(u"sessionKey"_s, QString::fromUtf8(c.secretAccessKey.view()));
    session.insert(u"sessionToken"_s, QString::fromUtf8(c.sessionToken.view()));
    QByteArray json = QJsonDocument(session).toJson(QJsonDocument::Compact);

    QByteArray query;
    appendParam(query, "Action", "getSigninToken");
    // SessionDuration applies to role credentials only; a federation token's own duration rules.
    if (request.sessionDurationSeconds && c.origin == AwsCredentials::Origin::AssumedRole)
        appendParam(query, "SessionDuration", QByteArray::number(*request.sessionDurationSeconds));
    appendParam(query, "Session", json);
    secureWipe(json);
    const QUrl url = withQuery(federation, query);
    secureWipe(query);
    return url;
}

Result<SecureBytes> parseSigninTokenResponse(QByteArrayView json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (doc.isNull() || !doc.isObject())
        return Error::parse(Tr::tr("the sign-in endpoint did not answer with JSON"), kContext);
    QString token = doc.object().value(u"SigninToken"_s).toString();
    if (token.isEmpty())
        return Error::parse(Tr::tr("the sign-in endpoint's answer has no SigninToken"), kContext);
    return SecureBytes::takeFrom(token);
}

Result<QUrl> destinationUrl(const Partition &partition, const Destination &destination)
{
    if (destination.explicitUrl.isValid() && !destination.explicitUrl.isEmpty())
        return destination.explicitUrl;
    if (partition.consoleUrl.isEmpty())
        return Error::config(
            Tr::tr("AWS publishes no console address for the %1 partition.").arg(partition.id), kContext);
    static const QRegularExpression serviceName(u"^[a-z0-9][a-z0-9-]*(/[A-Za-z0-9._~/-]*)?$"_s);
    if (!destination.service.isEmpty() && !serviceName.match(destination.service).hasMatch())
        return Error::validation(u"Service"_s,
            Tr::tr("\"%1\" is not a console service name such as ec2 or s3.").arg(destination.service), kContext);
    if (destination.region.isEmpty() && destination.service.isEmpty())
        return QUrl(partition.consoleUrl);

    QUrl url;
    url.setScheme(u"https"_s);
    if (!destination.region.isEmpty() && partition.consoleHostTemplate.contains("%1"_L1))
        url.setHost(partition.consoleHostTemplate.arg(destination.region));
    else
        url.setHost(QUrl(partition.consoleUrl).host());
    const QString service = destination.service.isEmpty() ? u"console"_s : destination.service;
    url.setPath(u"/"_s + service + (service.contains(u'/') ? QString() : u"/home"_s));
    if (!destination.region.isEmpty())
        url.setQuery(u"region="_s + destination.region);
    return url;
}

QUrl loginUrl(const QUrl &federation, const QString &issuer, const QUrl &destination, const SecureBytes &token)
{
    QByteArray query;
    appendParam(query, "Action", "login");
    appendParam(query, "Issuer", issuer.toUtf8());
    appendParam(query, "Destination", destination.toString(QUrl::FullyEncoded).toUtf8());
    appendParam(query, "SigninToken", token.view());
    const QUrl url = withQuery(federation, query);
    secureWipe(query);
    return url;
}

QUrl logoutUrl(const QUrl &federation, const QUrl &next)
{
    QUrl url = federation;
    url.setPath(u"/oauth"_s);
    QByteArray query;
    appendParam(query, "Action", "logout");
    appendParam(query, "redirect_uri", next.toString(QUrl::FullyEncoded).toUtf8());
    return withQuery(url, query);
}

// ---------------------------------------------------------------------------------------------- SigninJob

SigninJob::SigninJob(QNetworkAccessManager *network, QUrl federation, const Partition &partition, SigninRequest request,
    int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_federation(std::move(federation))
    , m_partition(partition)
    , m_request(std::move(request))
    , m_timeoutMs(timeoutMs)
{
    QMetaObject::invokeMethod(this, &SigninJob::start, Qt::QueuedConnection);
}

SigninJob::~SigninJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void SigninJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
    else
        finish(Error::cancelled(kContext));
}

void SigninJob::start()
{
    if (m_finished)
        return;
    if (auto ok = validate(m_request); !ok) {
        finish(ok.error());
        return;
    }
    QNetworkRequest request(signinTokenUrl(m_federation, m_request));
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, Sts::StsClient::userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (m_federation.scheme() == "https"_L1) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_caCertificates.isEmpty())
            ssl.setCaCertificates(m_caCertificates);
        request.setSslConfiguration(ssl);
    }
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &SigninJob::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
}

void SigninJob::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_aborted) {
        finish(Error::cancelled(kContext));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        finish(transportError(reply->error(), reply->errorString(), m_sslErrors, m_timeoutMs / 1000, kContext));
        return;
    }
    QByteArray body = reply->read(64 * 1024);
    if (status != 200) {
        Error error = Error::http(status, kContext);
        if (status >= 400 && status < 500)
            error.message = Tr::tr("%1: the sign-in endpoint refused the credentials (HTTP %2). They must come from "
                                   "AssumeRole or GetFederationToken and still be valid; a role assumed with role "
                                   "credentials allows a console session of at most one hour.")
                                .arg(kContext)
                                .arg(status);
        finish(error);
        return;
    }
    auto token = parseSigninTokenResponse(body);
    secureWipe(body);
    if (!token) {
        finish(token.error());
        return;
    }
    auto destination = destinationUrl(m_partition, m_request.destination);
    if (!destination) {
        finish(destination.error());
        return;
    }
    finish(Login {loginUrl(m_federation, m_request.issuer, destination.value(), token.value()), destination.value()});
}

void SigninJob::finish(const Result<Login> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Rolecall::Core::Console
