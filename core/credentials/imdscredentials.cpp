// SPDX-License-Identifier: Apache-2.0
#include "imdscredentials.h"

#include <QCoreApplication>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::ImdsCredentials)
};

const QString kTokenPath = u"latest/api/token"_s;
const QString kRolePath = u"latest/meta-data/iam/security-credentials/"_s;
constexpr QByteArrayView kTokenTtlSeconds = "21600";
// botocore: ec2_credential_refresh_window (_DEFAULT_ADVISORY_REFRESH_TIMEOUT) plus randint(120, 600).
constexpr int kRefreshWindowSeconds = 15 * 60;
constexpr int kMinJitterSeconds = 120;
constexpr int kMaxJitterSeconds = 600;

QString context()
{
    return Tr::tr("EC2 instance metadata");
}

// botocore's ChainProvider order: the environment variable when present (even empty), then the profile.
std::optional<QString> setting(const QProcessEnvironment &environment, const QHash<QString, QString> &profile,
    const QString &env, const QString &key)
{
    if (environment.contains(env))
        return environment.value(env);
    if (const auto it = profile.constFind(key); it != profile.cend())
        return it.value();
    return std::nullopt;
}

bool isTrue(const std::optional<QString> &value)
{
    return value && value->trimmed().compare("true"_L1, Qt::CaseInsensitive) == 0;
}

Result<int> positiveInteger(const std::optional<QString> &value, int fallback, const QString &names)
{
    if (!value)
        return fallback;
    bool ok = false;
    const int number = value->trimmed().toInt(&ok);
    if (!ok || number < 1)
        return Error::config(Tr::tr("%1 must be a positive whole number; it is \"%2\".").arg(names, *value), context());
    return number;
}

} // namespace

// ---------------------------------------------------------------------------------------------- settings

Result<ImdsSettings> ImdsSettings::resolve(
    const QProcessEnvironment &environment, const QHash<QString, QString> &profile)
{
    ImdsSettings settings;
    settings.disabled = environment.value(u"AWS_EC2_METADATA_DISABLED"_s).compare("true"_L1, Qt::CaseInsensitive) == 0;
    settings.v1Disabled
        = isTrue(setting(environment, profile, u"AWS_EC2_METADATA_V1_DISABLED"_s, u"ec2_metadata_v1_disabled"_s));

    const Result<int> seconds = positiveInteger(
        setting(environment, profile, u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"metadata_service_timeout"_s), 1,
        u"AWS_METADATA_SERVICE_TIMEOUT / metadata_service_timeout"_s);
    if (!seconds)
        return seconds.error();
    settings.timeoutMs = seconds.value() * 1000;
    const Result<int> attempts = positiveInteger(
        setting(environment, profile, u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, u"metadata_service_num_attempts"_s), 1,
        u"AWS_METADATA_SERVICE_NUM_ATTEMPTS / metadata_service_num_attempts"_s);
    if (!attempts)
        return attempts.error();
    settings.attempts = attempts.value();

    bool ipv6 = false;
    if (const auto mode = setting(environment, profile, u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s,
            u"ec2_metadata_service_endpoint_mode"_s)) {
        const QString lower = mode->toLower();
        if (lower != "ipv4"_L1 && lower != "ipv6"_L1)
            return Error::config(Tr::tr("The instance metadata endpoint mode \"%1\" is not valid; use IPv4 or IPv6 "
                                        "(AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / "
                                        "ec2_metadata_service_endpoint_mode).")
                                     .arg(*mode),
                context());
        ipv6 = lower == "ipv6"_L1;
    } else {
        ipv6 = isTrue(setting(environment, profile, u"AWS_IMDS_USE_IPV6"_s, u"imds_use_ipv6"_s));
    }
    const auto custom
        = setting(environment, profile, u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, u"ec2_metadata_service_endpoint"_s);
    if (custom && !custom->isEmpty()) {
        const QUrl url(*custom, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
            return Error::config(Tr::tr("The instance metadata endpoint \"%1\" is not an http or https URL "
                                        "(AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint).")
                                     .arg(*custom),
                context());
        settings.endpoint = url;
    } else if (ipv6) {
        settings.endpoint = QUrl(u"http://[fd00:ec2::254]/"_s);
    }
    return settings;
}

// ---------------------------------------------------------------------------------------------- pure parts

Result<AwsCredentials> parseImdsCredentials(QByteArrayView json)
{
    return Detail::parseMetadataCredentials(json, context(), AwsCredentials::Origin::AssumedRole);
}

QDateTime imdsExtendedExpiration(const QDateTime &expiration, const QDateTime &now, int refreshOffsetSeconds)
{
    if (!expiration.isValid() || !now.isValid())
        return expiration;
    if (now >= expiration.addSecs(-refreshOffsetSeconds))
        return now.toUTC().addSecs(refreshOffsetSeconds);
    return expiration;
}

// ---------------------------------------------------------------------------------------------- job

ImdsCredentialsJob::ImdsCredentialsJob(
    QNetworkAccessManager *network, const Clock *clock, const QProcessEnvironment &environment, QObject *parent)
    : ImdsCredentialsJob(network, clock, ImdsSettings::resolve(environment), parent)
{ }

ImdsCredentialsJob::ImdsCredentialsJob(
    QNetworkAccessManager *network, const Clock *clock, const Result<ImdsSettings> &settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_settings(settings)
    , m_fetch(network)
{
    Q_ASSERT(clock);
    QMetaObject::invokeMethod(this, &ImdsCredentialsJob::start, Qt::QueuedConnection);
}

ImdsCredentialsJob::~ImdsCredentialsJob() = default;

void ImdsCredentialsJob::abort()
{
    if (m_finished)
        return;
    if (m_fetch.isBusy()) {
        m_fetch.abort(); // onOutcome reports the cancellation
        return;
    }
    finish(Error::cancelled(context()));
}

void ImdsCredentialsJob::start()
{
    if (m_finished)
        return;
    if (!m_settings) {
        finish(m_settings.error());
        return;
    }
    if (m_settings->disabled) {
        finish(Error::config(
            Tr::tr("Access to instance metadata is disabled by AWS_EC2_METADATA_DISABLED=true."), context()));
        return;
    }
    m_step = Step::Token;
    m_tries = 0;
    send();
}

QUrl ImdsCredentialsJob::urlFor(const QString &path) const
{
    // botocore joins base URL and path as text, adding a slash only when the base lacks one.
    QString base = m_settings->endpoint.toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    return QUrl(base + path);
}

void ImdsCredentialsJob::send()
{
    if (m_finished)
        return;
    ++m_tries;
    const ImdsSettings &settings = m_settings.value();
    QByteArray verb = "GET";
    QNetworkRequest request;
    switch (m_step) {
    case Step::Token:
        verb = "PUT";
        request.setUrl(urlFor(kTokenPath));
        request.setRawHeader("x-aws-ec2-metadata-token-ttl-seconds", kTokenTtlSeconds.toByteArray());
        break;
    case Step::RoleName:
        request.setUrl(urlFor(kRolePath));
        break;
    case Step::Credentials:
        request.setUrl(urlFor(kRolePath + m_roleName));
        break;
    }
    if (m_step != Step::Token && !m_token.isEmpty()) {
        QByteArray token = m_token.unsecureCopy();
        request.setRawHeader("x-aws-ec2-metadata-token", token);
        secureWipe(token);
    }
    m_fetch.send(verb, request, settings.timeoutMs, settings.maxResponseBytes, context(),
        [this](HttpFetch::Outcome &outcome) { onOutcome(outcome); });
}

void ImdsCredentialsJob::onOutcome(HttpFetch::Outcome &outcome)
{
    if (m_finished)
        return;
    using Kind = HttpFetch::Outcome::Kind;
    if (outcome.kind == Kind::Cancelled || outcome.kind == Kind::TooLarge || outcome.kind == Kind::Tls) {
        finish(outcome.error);
        return;
    }
    switch (m_step) {
    case Step::Token:
        onToken(outcome);
        return;
    case Step::RoleName:
        onRoleName(outcome);
        return;
    case Step::Credentials:
        onCredentials(outcome);
        return;
    }
}

void ImdsCredentialsJob::onToken(HttpFetch::Outcome &outcome)
{
    using Kind = HttpFetch::Outcome::Kind;
    if (outcome.kind == Kind::Answered) {
        const int status = outcome.status;
        if (status == 200) {
            m_token = SecureBytes(outcome.body.trimmed());
            enterStep(Step::RoleName); // an empty token means IMDSv1, as in botocore
            return;
        }
        if (status == 403 || status == 404 || status == 405) {
            enterStep(Step::RoleName); // IMDSv2 unsupported or blocked: IMDSv1
            return;
        }
        if (status == 400) {
            finish(Detail::metadataHttpError(status, outcome.body, context()));
            return;
        }
    } else if (outcome.kind == Kind::Timeout) {
        enterStep(Step::RoleName); // botocore: a read timeout on the token means IMDSv1, without retrying
        return;
    }
    // Other statuses and connection errors: retried; when attempts run out, IMDSv1.
    if (m_tries < m_settings->attempts) {
        send();
        return;
    }
    enterStep(Step::RoleName);
}

void ImdsCredentialsJob::enterStep(Step step)
{
    if (step == Step::RoleName && m_token.isEmpty() && m_settings->v1Disabled) {
        finish(Error::config(Tr::tr("No IMDSv2 session token could be obtained, and IMDSv1 is disabled "
                                    "(AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled)."),
            context()));
        return;
    }
    if (step == Step::RoleName)
        m_usedV1 = m_token.isEmpty();
    m_step = step;
    m_tries = 0;
    send();
}

void ImdsCredentialsJob::onRoleName(HttpFetch::Outcome &outcome)
{
    using Kind = HttpFetch::Outcome::Kind;
    if (outcome.kind != Kind::Answered) {
        retryOrFail(outcome.error);
        return;
    }
    if (outcome.status == 404) {
        Error e = Detail::metadataError(Error::Kind::Http,
            Tr::tr("This instance has no IAM role attached (the metadata service lists no instance profile role)."),
            context());
        e.httpStatus = 404;
        retryOrFail(e);
        return;
    }
    if (outcome.status != 200) {
        retryOrFail(Detail::metadataHttpError(outcome.status, outcome.body, context()));
        return;
    }
    const QString listing = QString::fromUtf8(outcome.body).trimmed();
    const QString role = listing.section(u'\n', 0, 0).trimmed();
    if (role.isEmpty()) {
        retryOrFail(Detail::metadataError(
            Error::Kind::Parse, Tr::tr("The metadata service listed no role for this instance."), context()));
        return;
    }
    static const QRegularExpression kRoleName(u"^[\\w+=,.@-]{1,128}$"_s);
    if (!kRoleName.match(role).hasMatch()) {
        finish(Detail::metadataError(Error::Kind::Parse,
            Tr::tr("The metadata service gave \"%1\", which is not an IAM role name.").arg(role.left(64)), context()));
        return;
    }
    m_roleName = role;
    enterStep(Step::Credentials);
}

void ImdsCredentialsJob::onCredentials(HttpFetch::Outcome &outcome)
{
    using Kind = HttpFetch::Outcome::Kind;
    if (outcome.kind != Kind::Answered) {
        retryOrFail(outcome.error);
        return;
    }
    if (outcome.status != 200) {
        retryOrFail(Detail::metadataHttpError(outcome.status, outcome.body, context()));
        return;
    }
    if (outcome.body.isEmpty() || !Detail::isJson(outcome.body)) {
        retryOrFail(Detail::metadataError(
            Error::Kind::Parse, Tr::tr("The credentials of role %1 are not JSON.").arg(m_roleName), context()));
        return;
    }
    Result<AwsCredentials> result = parseImdsCredentials(outcome.body);
    if (result) {
        const int offset = kRefreshWindowSeconds
            + static_cast<int>(QRandomGenerator::global()->bounded(kMinJitterSeconds, kMaxJitterSeconds + 1));
        result->expiration = imdsExtendedExpiration(result->expiration, m_clock->nowUtc(), offset);
    }
    finish(result);
}

void ImdsCredentialsJob::retryOrFail(const Error &error)
{
    if (m_tries < m_settings->attempts) {
        send();
        return;
    }
    finish(error);
}

void ImdsCredentialsJob::finish(const Result<AwsCredentials> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_token.clear();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Rolecall::Core
