// SPDX-License-Identifier: Apache-2.0
#include "sessioncontroller.h"

#include "credentials/sessioncache.h"
#include "export/sessionwriter.h"

#include "credentials/stsconfig.h"
#include "endpoints/partitions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Controllers {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Controllers::SessionController)
};
} // namespace

SessionController::SessionController(Profiles::ProfileStore *store, CredentialServices services, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_services(std::move(services))
{ }

SessionController::~SessionController()
{
    for (const QPointer<CredentialFlow> &flow : std::as_const(m_flows)) {
        if (flow)
            flow->disconnect(this);
    }
}

void SessionController::assume(const QString &profile, std::optional<int> durationSeconds)
{
    startFlow(profile, durationSeconds, [](const AwsCredentials &) {});
}

void SessionController::startFlow(
    const QString &name, std::optional<int> durationSeconds, std::function<void(const AwsCredentials &)> then)
{
    if (isBusy(name))
        return;
    const Profiles::ResolvedProfile *profile = m_store->profile(name);
    if (!profile) {
        Q_EMIT failed(name, Error::config(Tr::tr("The profile \"%1\" no longer exists.").arg(name), name));
        return;
    }
    CredentialRequestOptions options;
    options.durationSeconds = durationSeconds;
    options.sessionTokenDurationSeconds = m_sessionTokenDurationSeconds;
    auto *flow = new CredentialFlow(*profile, m_services, options, this);
    m_flows.insert(name, flow);
    Q_EMIT busyChanged(name, true);
    connect(flow, &CredentialFlow::progress, this,
        [this, name](int, int, const QString &description) { Q_EMIT progress(name, description); });
    connect(flow, &CredentialFlow::finished, this, [this, name, then](const Result<AwsCredentials> &result) {
        m_flows.remove(name);
        Q_EMIT busyChanged(name, false);
        if (!result) {
            Q_EMIT failed(name, result.error());
            return;
        }
        m_sessions.insert(name, result.value());
        Q_EMIT sessionChanged(name);
        then(result.value());
    });
}

Result<QString> SessionController::writeSession(const QString &profile, const QString &name)
{
    const AwsCredentials *credentials = session(profile);
    if (!credentials)
        return Error::config(Tr::tr("There is no active session for %1: assume it first.").arg(profile), profile);
    auto written = Export::SessionWriter::write(m_store->config(), m_store->paths().credentials, name, *credentials);
    if (written)
        m_store->reload(); // the new profile is listed at once, not only when the file watcher fires
    return written;
}

void SessionController::cancel(const QString &profile)
{
    if (const QPointer<CredentialFlow> flow = m_flows.value(profile))
        flow->abort();
}

void SessionController::forget(const QString &profile)
{
    // Also from the keychain cache, or the next Assume would bring the forgotten session back.
    if (m_services.cache)
        m_services.cache->forget(profile, this, [](const Result<void> &) {});
    if (m_sessions.remove(profile) > 0)
        Q_EMIT sessionChanged(profile);
}

bool SessionController::hasSession(const QString &profile) const
{
    return session(profile) != nullptr;
}

const AwsCredentials *SessionController::session(const QString &profile) const
{
    const auto it = m_sessions.constFind(profile);
    if (it == m_sessions.constEnd())
        return nullptr;
    // A session past its expiry is no session.
    if (it->expiration.isValid() && it->expiration <= m_services.clock->nowUtc())
        return nullptr;
    return &*it;
}

QHash<QString, QDateTime> SessionController::expiries() const
{
    QHash<QString, QDateTime> out;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it->expiration.isValid())
            out.insert(it.key(), it->expiration);
    }
    return out;
}

Result<SecureBytes> SessionController::exportSession(const QString &profile, Export::Format format) const
{
    const AwsCredentials *credentials = session(profile);
    if (!credentials)
        return Error::config(Tr::tr("There is no active session for %1: assume it first.").arg(profile), profile);
    Export::Options options;
    options.profileName = profile;
    if (const Profiles::ResolvedProfile *resolved = m_store->profile(profile))
        options.region = resolved->region;
    return Export::render(*credentials, format, options);
}

void SessionController::openConsole(const QString &profile, const Console::Destination &destination, bool logoutFirst,
    std::optional<int> sessionDurationSeconds)
{
    if (hasSession(profile)) {
        signIn(profile, destination, logoutFirst, sessionDurationSeconds);
        return;
    }
    startFlow(profile, {}, [this, profile, destination, logoutFirst, sessionDurationSeconds](const AwsCredentials &) {
        signIn(profile, destination, logoutFirst, sessionDurationSeconds);
    });
}

void SessionController::signIn(const QString &name, const Console::Destination &destination, bool logoutFirst,
    std::optional<int> sessionDurationSeconds)
{
    const AwsCredentials *credentials = session(name);
    const Profiles::ResolvedProfile *profile = m_store->profile(name);
    if (!credentials || !profile)
        return;
    Console::SigninRequest request;
    request.credentials = *credentials;
    request.destination = destination;
    request.sessionDurationSeconds = sessionDurationSeconds;
    const QString region = destination.region.isEmpty() ? profile->region : destination.region;
    const Partition &byArn = partitionForArn(profile->roleArn);
    const Partition &partition
        = byArn.isValid() ? byArn : partitionForRegion(region.isEmpty() ? u"us-east-1"_s : region);
    auto federation = Console::federationEndpoint(partition, m_federationOverride, m_services.environment);
    if (!federation) {
        Q_EMIT failed(name, federation.error());
        return;
    }
    auto *job = new Console::SigninJob(m_services.network, federation.value(), partition, request, 15000, this);
    Q_EMIT busyChanged(name, true);
    const QUrl base = federation.value();
    connect(job, &Console::SigninJob::finished, this,
        [this, name, base, logoutFirst](const Result<Console::SigninJob::Login> &login) {
            Q_EMIT busyChanged(name, false);
            if (!login) {
                Q_EMIT failed(name, login.error());
                return;
            }
            Q_EMIT consoleReady(name, logoutFirst ? Console::logoutUrl(base, login->loginUrl) : login->loginUrl);
        });
}

} // namespace Rolecall::Core::Controllers

namespace Rolecall::Core::Controllers {

void SessionController::withSession(const QString &profile, std::function<void(const AwsCredentials &)> then)
{
    if (const AwsCredentials *credentials = session(profile)) {
        then(*credentials);
        return;
    }
    startFlow(profile, {}, std::move(then));
}

Result<Sts::StsClient *> SessionController::stsClientFor(const QString &name, const AwsCredentials &signer)
{
    const Profiles::ResolvedProfile *profile = m_store->profile(name);
    if (!profile)
        return Error::config(Tr::tr("The profile \"%1\" no longer exists.").arg(name), name);
    auto config = stsConfigFor(*profile, m_services.environment);
    if (!config)
        return config.error();
    auto *client = new Sts::StsClient(m_services.network, m_services.clock, config.value(), this);
    client->setCredentials(signer);
    return client;
}

void SessionController::decodeMessage(const QString &profile, const QString &text)
{
    const QString encoded = Authz::extractEncodedMessage(text);
    if (encoded.isEmpty()) {
        Q_EMIT failed(profile,
            Error::validation(u"EncodedMessage"_s,
                Tr::tr("was not found: paste the whole error message that AWS "
                       "returned, or just the encoded part.")));
        return;
    }
    withSession(profile, [this, profile, encoded](const AwsCredentials &credentials) {
        auto client = stsClientFor(profile, credentials);
        if (!client) {
            Q_EMIT failed(profile, client.error());
            return;
        }
        auto *job = client.value()->decodeAuthorizationMessage({encoded});
        Q_EMIT busyChanged(profile, true);
        Sts::StsClient *owner = client.value();
        connect(job, &Sts::DecodeAuthorizationMessageJob::finished, this,
            [this, profile, owner](const Result<Sts::DecodeAuthorizationMessageResult> &result) {
                owner->deleteLater();
                Q_EMIT busyChanged(profile, false);
                if (!result) {
                    Q_EMIT failed(profile, result.error());
                    return;
                }
                auto message = Authz::parseAuthorizationMessage(result->decodedMessage);
                if (!message) {
                    Q_EMIT failed(profile, message.error());
                    return;
                }
                Q_EMIT decoded(profile, message.value());
            });
    });
}

void SessionController::lookUpAccessKey(const QString &profile, const QString &accessKeyId)
{
    const Sts::GetAccessKeyInfoRequest request {accessKeyId.trimmed()};
    if (auto ok = Sts::validate(request); !ok) {
        Q_EMIT failed(profile, ok.error());
        return;
    }
    withSession(profile, [this, profile, request](const AwsCredentials &credentials) {
        auto client = stsClientFor(profile, credentials);
        if (!client) {
            Q_EMIT failed(profile, client.error());
            return;
        }
        Sts::StsClient *owner = client.value();
        Q_EMIT busyChanged(profile, true);
        connect(owner->getAccessKeyInfo(request), &Sts::GetAccessKeyInfoJob::finished, this,
            [this, profile, owner, request](const Result<Sts::GetAccessKeyInfoResult> &result) {
                owner->deleteLater();
                Q_EMIT busyChanged(profile, false);
                if (!result) {
                    Q_EMIT failed(profile, result.error());
                    return;
                }
                Q_EMIT accessKeyInfo(request.accessKeyId, result->account);
            });
    });
}

} // namespace Rolecall::Core::Controllers
