// SPDX-License-Identifier: Apache-2.0
#include "containercredentials.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::ContainerCredentials)
};

const QString kRelativeUri = u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s;
const QString kFullUri = u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s;
const QString kToken = u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s;
const QString kTokenFile = u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s;

QString context()
{
    return Tr::tr("Container credentials");
}

bool isAllowedHttpHost(const QString &host)
{
    // botocore: a loopback IP address, or one of _ALLOWED_HOSTS (compared as text; QUrl lower-cases).
    if (host == "localhost"_L1)
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback())
        return true;
    for (const char *allowed : {"169.254.170.2", "169.254.170.23", "fd00:ec2::23"}) {
        if (address.isEqual(QHostAddress(QString::fromLatin1(allowed)), QHostAddress::StrictConversion))
            return true;
    }
    return false;
}

} // namespace

bool hasContainerCredentials(const QProcessEnvironment &environment)
{
    return environment.contains(kRelativeUri) || environment.contains(kFullUri);
}

Result<QUrl> containerCredentialsUrl(const QProcessEnvironment &environment, const QString &relativeUriBase)
{
    if (environment.contains(kRelativeUri)) {
        const QString relative = environment.value(kRelativeUri);
        QUrl url(relativeUriBase + relative, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return Error::config(Tr::tr("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (\"%1\") does not make a valid URL; it "
                                        "should start with a slash.")
                                     .arg(relative),
                context());
        return url;
    }
    if (!environment.contains(kFullUri))
        return Error::config(Tr::tr("Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor "
                                    "AWS_CONTAINER_CREDENTIALS_FULL_URI is set; this is not a container with a task "
                                    "role or Pod Identity."),
            context());
    const QString full = environment.value(kFullUri);
    const QUrl url(full, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return Error::config(
            Tr::tr("AWS_CONTAINER_CREDENTIALS_FULL_URI (\"%1\") is not a valid http or https URL.").arg(full),
            context());
    if (url.scheme() == "http"_L1 && !isAllowedHttpHost(url.host()))
        return Error::config(Tr::tr("AWS_CONTAINER_CREDENTIALS_FULL_URI names the host \"%1\". Over plain http only a "
                                    "loopback address or one of 169.254.170.2, 169.254.170.23, fd00:ec2::23 and "
                                    "localhost is allowed; use https for other hosts.")
                                 .arg(url.host()),
            context());
    return url;
}

Result<std::optional<SecureBytes>> containerAuthorizationToken(
    const QProcessEnvironment &environment, qint64 maxFileBytes)
{
    SecureBytes token;
    if (environment.contains(kTokenFile)) {
        const QString path = environment.value(kTokenFile);
        const QFileInfo info(path);
        if (path.isEmpty() || !info.exists())
            return Error::config(
                Tr::tr("The token file \"%1\" named by AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE does not exist.")
                    .arg(path),
                context());
        if (!info.isFile())
            return Error::config(
                Tr::tr("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names %1, which is not a regular file.").arg(path),
                context());
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::config(
                Tr::tr("Cannot read the authorization token file %1: %2").arg(path, file.errorString()), context());
        QByteArray bytes = file.read(maxFileBytes + 1);
        if (bytes.size() > maxFileBytes) {
            secureWipe(bytes);
            return Error::config(
                Tr::tr("The authorization token file %1 is larger than %2 bytes.").arg(path).arg(maxFileBytes),
                context());
        }
        if (bytes.isEmpty())
            return Error::config(Tr::tr("The authorization token file %1 is empty.").arg(path), context());
        token = SecureBytes::takeFrom(bytes);
    } else if (environment.contains(kToken)) {
        QString text = environment.value(kToken);
        token = SecureBytes::takeFrom(text);
        if (token.isEmpty())
            return Error::config(Tr::tr("AWS_CONTAINER_AUTHORIZATION_TOKEN is set but empty."), context());
    } else {
        return std::optional<SecureBytes>();
    }
    if (token.view().contains('\r') || token.view().contains('\n'))
        return Error::config(Tr::tr("The container authorization token contains a line break, which is not allowed "
                                    "in an HTTP header. Remove it (a token file must not end with a newline)."),
            context());
    return std::optional<SecureBytes>(std::move(token));
}

Result<AwsCredentials> parseContainerCredentials(QByteArrayView json)
{
    return Detail::parseMetadataCredentials(json, context(), AwsCredentials::Origin::Unknown);
}

// ---------------------------------------------------------------------------------------------- job

ContainerCredentialsJob::ContainerCredentialsJob(QNetworkAccessManager *network, const QProcessEnvironment &environment,
    const ContainerCredentialsSettings &settings, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_settings(settings)
    , m_fetch(network)
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &ContainerCredentialsJob::sendAttempt);
    QMetaObject::invokeMethod(this, &ContainerCredentialsJob::start, Qt::QueuedConnection);
}

ContainerCredentialsJob::~ContainerCredentialsJob() = default;

void ContainerCredentialsJob::abort()
{
    if (m_finished)
        return;
    m_backoff.stop();
    if (m_fetch.isBusy()) {
        m_fetch.abort(); // onOutcome reports the cancellation
        return;
    }
    finish(Error::cancelled(context()));
}

void ContainerCredentialsJob::start()
{
    if (m_finished)
        return;
    Result<QUrl> url = containerCredentialsUrl(m_environment, m_settings.relativeUriBase);
    if (!url) {
        finish(url.error());
        return;
    }
    m_url = url.value();
    Result<std::optional<SecureBytes>> token = containerAuthorizationToken(m_environment, m_settings.maxTokenFileBytes);
    if (!token) {
        finish(token.error());
        return;
    }
    if (token.value()) {
        m_authorization = std::move(*token.value());
        m_hasAuthorization = true;
    }
    sendAttempt();
}

void ContainerCredentialsJob::sendAttempt()
{
    if (m_finished)
        return;
    ++m_attempt;
    QNetworkRequest request(m_url);
    request.setRawHeader("Accept", "application/json");
    if (m_hasAuthorization) {
        QByteArray value = m_authorization.unsecureCopy();
        request.setRawHeader("Authorization", value);
        secureWipe(value);
    }
    m_fetch.send("GET", request, m_settings.timeoutMs, m_settings.maxResponseBytes, context(),
        [this](HttpFetch::Outcome &outcome) { onOutcome(outcome); });
}

void ContainerCredentialsJob::onOutcome(HttpFetch::Outcome &outcome)
{
    if (m_finished)
        return;
    using Kind = HttpFetch::Outcome::Kind;
    switch (outcome.kind) {
    case Kind::Cancelled:
    case Kind::Tls:
    case Kind::TooLarge:
        finish(outcome.error); // not retried by botocore either (TLS), or pointless
        return;
    case Kind::Timeout:
    case Kind::Transport:
        retryOrFail(outcome.error);
        return;
    case Kind::Answered:
        break;
    }
    if (outcome.status != 200) {
        retryOrFail(Detail::metadataHttpError(outcome.status, outcome.body, context()));
        return;
    }
    if (!Detail::isJson(outcome.body)) {
        retryOrFail(Detail::metadataError(Error::Kind::Parse,
            Tr::tr("The endpoint did not answer with JSON; check the URL in AWS_CONTAINER_CREDENTIALS_*_URI."),
            context()));
        return;
    }
    finish(parseContainerCredentials(outcome.body));
}

void ContainerCredentialsJob::retryOrFail(const Error &error)
{
    if (m_attempt >= std::max(1, m_settings.attempts)) {
        finish(error);
        return;
    }
    const int delay = std::max(0, m_settings.retryDelayMs);
    Q_EMIT retrying(m_attempt, delay, error);
    m_backoff.start(delay);
}

void ContainerCredentialsJob::finish(const Result<AwsCredentials> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_backoff.stop();
    m_authorization.clear();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Rolecall::Core
