// SPDX-License-Identifier: Apache-2.0
#include "metadataservice.h"

#include "sts/networkerrors.h"
#include "sts/stsclient.h"
#include "sts/stsparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::MetadataService)
};

// However slowly a server drips bytes, one exchange ends after this many transfer timeouts.
constexpr int kDeadlineFactor = 4;

} // namespace

HttpFetch::HttpFetch(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(network);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_abortReason = AbortReason::Deadline;
            m_reply->abort();
        }
    });
}

HttpFetch::~HttpFetch()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpFetch::send(const QByteArray &verb, QNetworkRequest request, int timeoutMs, qint64 maxBytes,
    const QString &context, Callback done)
{
    Q_ASSERT(!m_reply);
    m_done = std::move(done);
    m_context = context;
    m_maxBytes = maxBytes;
    m_timeoutMs = std::max(1, timeoutMs);
    m_abortReason = AbortReason::None;
    m_sslErrors.clear();

    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, Sts::StsClient::userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply *reply
        = verb == "PUT" ? m_network->put(request, QByteArray()) : m_network->sendCustomRequest(request, verb);
    m_reply = reply;
    reply->setReadBufferSize(maxBytes + 1);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply && m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > m_maxBytes) {
            m_abortReason = AbortReason::TooLarge;
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, &HttpFetch::checkSize);
    connect(reply, &QNetworkReply::finished, this, &HttpFetch::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    m_deadline.start(m_timeoutMs * kDeadlineFactor);
}

void HttpFetch::abort()
{
    if (!m_reply)
        return;
    m_abortReason = AbortReason::User;
    m_reply->abort(); // onFinished reports the cancellation
}

void HttpFetch::checkSize()
{
    if (m_reply && m_reply->bytesAvailable() > m_maxBytes) {
        m_abortReason = AbortReason::TooLarge;
        m_reply->abort();
    }
}

void HttpFetch::onFinished()
{
    m_deadline.stop();
    QNetworkReply *reply = m_reply.data();
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int timeoutSeconds = (m_timeoutMs + 999) / 1000;

    using Kind = Outcome::Kind;
    Outcome outcome;
    switch (m_abortReason) {
    case AbortReason::User:
        outcome.kind = Kind::Cancelled;
        outcome.error = Error::cancelled(m_context);
        complete(outcome);
        return;
    case AbortReason::Deadline:
        outcome.kind = Kind::Timeout;
        outcome.error = Error::timeout((m_timeoutMs * kDeadlineFactor + 999) / 1000, m_context);
        complete(outcome);
        return;
    case AbortReason::TooLarge:
        outcome.kind = Kind::TooLarge;
        outcome.error = Detail::metadataError(Error::Kind::Parse,
            Tr::tr("The answer is larger than %1 bytes; this is not a credentials service.").arg(m_maxBytes),
            m_context);
        complete(outcome);
        return;
    case AbortReason::None:
        break;
    }
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    // No status line, or a status line followed by a broken transfer: never accept a partial answer.
    if (outcome.status == 0
        || (netError != QNetworkReply::NoError && netError < QNetworkReply::ProxyConnectionRefusedError)) {
        outcome.error = transportError(netError, reply->errorString(), m_sslErrors, timeoutSeconds, m_context);
        outcome.kind = outcome.error.kind == Error::Kind::Timeout ? Kind::Timeout
            : outcome.error.kind == Error::Kind::Tls              ? Kind::Tls
                                                                  : Kind::Transport;
        outcome.status = 0;
        complete(outcome);
        return;
    }
    outcome.kind = Kind::Answered;
    outcome.body = reply->readAll();
    complete(outcome);
}

void HttpFetch::complete(Outcome &outcome)
{
    Callback done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(outcome);
    secureWipe(outcome.body);
}

// ---------------------------------------------------------------------------------------------- helpers

namespace Detail {

bool isJson(QByteArrayView bytes)
{
    QJsonParseError error {};
    QJsonDocument::fromJson(bytes.toByteArray(), &error);
    return error.error == QJsonParseError::NoError;
}

Error metadataError(Error::Kind kind, const QString &text, const QString &context)
{
    Error e;
    e.kind = kind;
    e.context = context;
    e.message = context.isEmpty() ? text : Tr::tr("%1: %2").arg(context, text);
    return e;
}

Result<AwsCredentials> parseMetadataCredentials(
    QByteArrayView json, const QString &context, AwsCredentials::Origin origin)
{
    QJsonParseError jsonError {};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject())
        return metadataError(
            Error::Kind::Parse, Tr::tr("The answer is not a JSON object; this is not a credentials service."), context);
    const QJsonObject object = document.object();
    QStringList missing;
    const auto text = [&](const char *key) {
        const QJsonValue value = object.value(QLatin1StringView(key));
        if (!value.isString() || value.toString().isEmpty())
            missing.append(QString::fromLatin1(key));
        return value.toString();
    };
    AwsCredentials credentials;
    credentials.accessKeyId = text("AccessKeyId").trimmed();
    QString secret = text("SecretAccessKey");
    QString token = text("Token");
    const QString expiration = text("Expiration");
    credentials.secretAccessKey = SecureBytes::takeFrom(secret);
    credentials.sessionToken = SecureBytes::takeFrom(token);
    if (!missing.isEmpty()) {
        const QString code = object.value("Code"_L1).toString();
        if (!code.isEmpty() && code != "Success"_L1) {
            const QString message = object.value("Message"_L1).toString().left(300);
            Error e = metadataError(Error::Kind::Aws,
                message.isEmpty() ? Tr::tr("The service reported %1 instead of credentials.").arg(code)
                                  : Tr::tr("The service reported %1 instead of credentials: %2").arg(code, message),
                context);
            e.httpStatus = 200;
            e.awsCode = code;
            e.awsMessage = message;
            return e;
        }
        return metadataError(Error::Kind::Parse,
            Tr::tr("The answer lacks %1 (or it is not a non-empty string).").arg(missing.join(u", ")), context);
    }
    credentials.expiration = Sts::parseIsoTimestamp(expiration);
    if (!credentials.expiration.isValid())
        credentials.expiration = QDateTime::fromString(expiration.trimmed(), Qt::ISODateWithMs).toUTC();
    if (!credentials.expiration.isValid())
        return metadataError(Error::Kind::Parse,
            Tr::tr("The Expiration \"%1\" is not an ISO 8601 timestamp.").arg(expiration.left(64)), context);
    credentials.origin = origin;
    return credentials;
}

Error metadataHttpError(int status, QByteArrayView body, const QString &context)
{
    QString detail;
    QJsonParseError jsonError {};
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &jsonError);
    if (jsonError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        for (const char *key : {"Message", "message", "Code", "code"}) {
            detail = object.value(QLatin1StringView(key)).toString();
            if (!detail.isEmpty())
                break;
        }
    } else if (body.size() <= 300 && !body.contains('<')) {
        detail = QString::fromUtf8(body).simplified();
    }
    detail = detail.left(300);
    if (detail.isEmpty())
        return Error::http(status, context);
    Error e
        = metadataError(Error::Kind::Http, Tr::tr("The service answered HTTP %1: %2").arg(status).arg(detail), context);
    e.httpStatus = status;
    e.awsMessage = detail;
    return e;
}

} // namespace Detail

} // namespace Rolecall::Core
