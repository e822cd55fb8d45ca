// SPDX-License-Identifier: Apache-2.0
#include "sessioncache.h"

#include "util/paths.h"

#include "sts/stsencoding.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::SessionCache)
};

using Step = Profiles::Step;

constexpr QByteArrayView kBlobMagic = "rolecall-session 1";
constexpr int kIndexVersion = 1;
constexpr qint64 kMaxIndexBytes = 4 * 1024 * 1024;
constexpr QFileDevice::Permissions kFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner; // 0600
constexpr QFileDevice::Permissions kDirMode
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner; // 0700
constexpr QFileDevice::Permissions kModeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
    | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
    | QFileDevice::WriteOther | QFileDevice::ExeOther;

// ------------------------------------------------------------------------------------------------ key text

QString digest(const QString &value)
{
    return u"sha256:"_s
        + QString::fromLatin1(QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

// Length-prefixed, so no value can imitate another field.
void field(QString &text, QLatin1StringView name, const QString &value)
{
    if (value.isEmpty())
        return;
    text += name + u'=' + QString::number(value.size()) + u':' + value + u'\n';
}

// What the flow sends for the step at @p index (CredentialFlow::runStep applies the same rules).
std::optional<int> effectiveDuration(
    const Profiles::ResolvedProfile &profile, qsizetype index, const CacheKeyOptions &options)
{
    const Step &step = profile.steps.at(index);
    const bool last = index == profile.steps.size() - 1;
    if (step.type == Step::Type::SessionToken)
        return last && options.durationSeconds ? *options.durationSeconds : options.sessionTokenDurationSeconds;
    if (step.type == Step::Type::AssumeRole || step.type == Step::Type::WebIdentity)
        return last && options.durationSeconds ? options.durationSeconds : step.durationSeconds;
    return std::nullopt;
}

void describeStep(
    QString &text, const Profiles::ResolvedProfile &profile, qsizetype index, const CacheKeyOptions &options)
{
    const Step &step = profile.steps.at(index);
    text += u"step "_s + QString::number(index) + u' ' + step.typeName() + u'\n';
    field(text, "profile"_L1, step.profile);
    field(text, "role_arn"_L1, step.roleArn);
    field(text, "role_session_name"_L1, step.roleSessionName);
    if (!step.externalId.isEmpty())
        field(text, "external_id"_L1, digest(step.externalId));
    field(text, "mfa_serial"_L1, step.mfaSerial);
    if (const std::optional<int> duration = effectiveDuration(profile, index, options))
        field(text, "duration_seconds"_L1, QString::number(*duration));
    field(text, "source_identity"_L1, step.sourceIdentity);
    for (const Sts::Tag &tag : step.tags) {
        field(text, "tag_key"_L1, tag.key);
        field(text, "tag_value"_L1, tag.value.isEmpty() ? u"(empty)"_s : tag.value);
    }
    for (const QString &key : step.transitiveTagKeys)
        field(text, "transitive_tag_key"_L1, key);
    for (const QString &arn : step.policyArns)
        field(text, "policy_arn"_L1, arn);
    if (!step.policy.isEmpty())
        field(text, "policy"_L1, digest(step.policy));
    field(text, "web_identity_token_file"_L1, step.webIdentityTokenFile);
    if (!step.credentialProcess.isEmpty())
        field(text, "credential_process"_L1, digest(step.credentialProcess));
    // The key id says whose keys start the chain (new keys of another user: another session). Digest only.
    if (!step.accessKeyId.isEmpty())
        field(text, "access_key_id"_L1, digest(step.accessKeyId));
    if (step.type == Step::Type::Environment) {
        const QString keyId = options.environment.value(u"AWS_ACCESS_KEY_ID"_s);
        if (!keyId.isEmpty())
            field(text, "environment_access_key_id"_L1, digest(keyId));
    } else if (step.type == Step::Type::EcsContainer) {
        const QString uri = options.environment.value(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s) + u'|'
            + options.environment.value(u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s);
        field(text, "container_uri"_L1, digest(uri));
    } else if (step.type == Step::Type::InstanceMetadata) {
        field(text, "metadata_endpoint"_L1, options.environment.value(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s));
    }
}

bool isStandardEndpoint(const Endpoint &endpoint)
{
    static const QStringList standard {u"regional"_s, u"global"_s, u"fips"_s, u"dualstack"_s};
    return standard.contains(endpoint.source);
}

// ------------------------------------------------------------------------------------------------ secret blob

QByteArray originName(AwsCredentials::Origin origin)
{
    switch (origin) {
    case AwsCredentials::Origin::LongTerm:
        return "long_term";
    case AwsCredentials::Origin::SessionToken:
        return "session_token";
    case AwsCredentials::Origin::AssumedRole:
        return "assumed_role";
    case AwsCredentials::Origin::FederationToken:
        return "federation_token";
    case AwsCredentials::Origin::Unknown:
        break;
    }
    return "unknown";
}

AwsCredentials::Origin originFromName(QByteArrayView name)
{
    for (const auto origin : {AwsCredentials::Origin::LongTerm, AwsCredentials::Origin::SessionToken,
             AwsCredentials::Origin::AssumedRole, AwsCredentials::Origin::FederationToken}) {
        if (name == originName(origin))
            return origin;
    }
    return AwsCredentials::Origin::Unknown;
}

// One `name value` line per field. Built in a buffer reserved to its final size (no reallocation
// leaves a copy behind) and handed to SecureBytes, which wipes it.
SecureBytes encodeSession(const AwsCredentials &credentials)
{
    const QByteArray keyId = credentials.accessKeyId.toLatin1();
    const QByteArray expiration = credentials.expiration.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    const QByteArray origin = originName(credentials.origin);
    const QList<std::pair<QByteArrayView, QByteArrayView>> lines {
        {"access_key_id", keyId},
        {"secret_access_key", credentials.secretAccessKey.view()},
        {"session_token", credentials.sessionToken.view()},
        {"expiration", expiration},
        {"origin", origin},
    };
    qsizetype size = kBlobMagic.size() + 1;
    for (const auto &[name, value] : lines)
        size += name.size() + 1 + value.size() + 1;
    QByteArray out;
    out.reserve(size);
    out.append(kBlobMagic).append('\n');
    for (const auto &[name, value] : lines)
        out.append(name).append(' ').append(value).append('\n');
    Q_ASSERT(out.size() == size);
    return SecureBytes::takeFrom(out);
}

std::optional<AwsCredentials> decodeSession(const SecureBytes &blob)
{
    const QByteArrayView all = blob.view();
    AwsCredentials credentials;
    bool magic = false;
    qsizetype start = 0;
    while (start < all.size()) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(start, end - start);
        start = end + 1;
        if (!magic) {
            if (line != kBlobMagic)
                return std::nullopt;
            magic = true;
            continue;
        }
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            continue;
        const QByteArrayView name = line.first(space);
        const QByteArrayView value = line.sliced(space + 1);
        if (name == "access_key_id")
            credentials.accessKeyId = QString::fromLatin1(value);
        else if (name == "secret_access_key")
            credentials.secretAccessKey = SecureBytes(value);
        else if (name == "session_token")
            credentials.sessionToken = SecureBytes(value);
        else if (name == "expiration")
            credentials.expiration = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs).toUTC();
        else if (name == "origin")
            credentials.origin = originFromName(value);
    }
    if (!magic || credentials.isEmpty() || !credentials.isTemporary() || !credentials.expiration.isValid())
        return std::nullopt;
    return credentials;
}

// ------------------------------------------------------------------------------------------------ helpers

QString kindName(CacheKey::Kind kind)
{
    return kind == CacheKey::Kind::SessionToken ? u"session_token"_s : u"session"_s;
}

bool isCacheId(const QString &id)
{
    if (id.size() != 32)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f'); });
}

/**
 * Wraps @p done so it runs once: with the keychain's answer, or with @p onTimeout() after @p ms when the
 * keychain keeps quiet (a locked keyring whose unlock dialog nobody answers).
 */
template<typename R>
std::function<void(R)> bounded(QObject *owner, int ms, std::function<void(R)> done, std::function<R()> onTimeout)
{
    auto pending = std::make_shared<std::function<void(R)>>(std::move(done));
    auto *timer = new QTimer(owner);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, owner, [pending, onTimeout, timer] {
        timer->deleteLater();
        if (auto call = std::exchange(*pending, nullptr))
            call(onTimeout());
    });
    timer->start(ms);
    QPointer<QTimer> guard(timer);
    return [pending, guard](R result) {
        if (guard) {
            guard->stop();
            guard->deleteLater();
        }
        if (auto call = std::exchange(*pending, nullptr))
            call(std::move(result));
    };
}

Error keychainTimeout(int ms)
{
    return Error::keychain(
        Tr::tr("The keychain did not answer within %1 seconds. Unlock it and try again.").arg((ms + 999) / 1000),
        Tr::tr("session cache"));
}

} // namespace

// ================================================================================================ CacheKey

QString CacheKey::id() const
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

std::optional<CacheKey> CacheKey::forSessionToken(
    const Profiles::ResolvedProfile &profile, qsizetype stepIndex, const CacheKeyOptions &options)
{
    if (!profile.errors.isEmpty() || stepIndex < 1 || stepIndex >= profile.steps.size())
        return std::nullopt;
    const Step &step = profile.steps.at(stepIndex);
    if (step.type != Step::Type::SessionToken || step.mfaSerial.isEmpty())
        return std::nullopt;
    CacheKey key;
    key.kind = Kind::SessionToken;
    key.profile = step.profile;
    QString text = u"rolecall-cache 1\nkind session_token\n"_s;
    field(text, "user_profile"_L1, step.profile);
    // Session tokens serve every region of their partition; a custom endpoint (a test server, a proxy)
    // is another world.
    field(text, "partition"_L1, options.endpoint.partition);
    if (!isStandardEndpoint(options.endpoint))
        field(text, "endpoint"_L1, options.endpoint.url.toString());
    for (qsizetype i = 0; i <= stepIndex; ++i)
        describeStep(text, profile, i, options);
    key.text = std::move(text);
    return key;
}

std::optional<CacheKey> CacheKey::forProfile(const Profiles::ResolvedProfile &profile, const CacheKeyOptions &options)
{
    if (!profile.errors.isEmpty() || profile.steps.isEmpty())
        return std::nullopt;
    const qsizetype count = profile.steps.size();
    const Step &last = profile.steps.constLast();
    if (last.type == Step::Type::SessionToken)
        return forSessionToken(profile, count - 1, options);
    if (last.type != Step::Type::AssumeRole && last.type != Step::Type::WebIdentity)
        return std::nullopt;
    if (std::any_of(
            profile.steps.cbegin(), profile.steps.cend(), [](const Step &s) { return s.type == Step::Type::Sso; }))
        return std::nullopt;
    CacheKey key;
    key.kind = Kind::Session;
    key.profile = profile.name;
    QString text = u"rolecall-cache 1\nkind session\n"_s;
    field(text, "profile"_L1, profile.name);
    field(text, "endpoint"_L1, options.endpoint.url.toString());
    field(text, "signing_region"_L1, options.endpoint.signingRegion);
    field(text, "partition"_L1, options.endpoint.partition);
    for (qsizetype i = 0; i < count; ++i)
        describeStep(text, profile, i, options);
    key.text = std::move(text);
    if (last.type == Step::Type::AssumeRole && count >= 2) {
        const Step::Type before = profile.steps.at(count - 2).type;
        if (before == Step::Type::AssumeRole || before == Step::Type::WebIdentity)
            key.maxLifetimeSeconds = Sts::kRoleChainingMaxSeconds;
    }
    return key;
}

// ================================================================================================ SessionCache

SessionCache::SessionCache(Secrets::SecretStore *store, const Clock *clock, const QString &indexPath, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_indexPath(indexPath.isEmpty() ? defaultIndexPath() : indexPath)
{
    Q_ASSERT(m_store && m_clock);
}

SessionCache::~SessionCache() = default;

QString SessionCache::defaultIndexPath()
{
    // Shared by the desktop app and rolecall-cli, so a session one got serves the other.
    return dataDirectory() + u"/session-index.json"_s;
}

QString SessionCache::secretKeyFor(const QString &id)
{
    return u"session-cache/"_s + id;
}

void SessionCache::setRefreshWindowSeconds(int seconds)
{
    m_refreshWindowSeconds = std::max(0, seconds);
}

void SessionCache::setTimeoutMs(int ms)
{
    m_timeoutMs = std::max(1, ms);
}

void SessionCache::setClaimWaitMs(int ms)
{
    m_claimWaitMs = std::max(1, ms);
}

bool SessionCache::isFresh(const Entry &entry) const
{
    return entry.expiration.isValid() && m_clock->nowUtc().secsTo(entry.expiration) > m_refreshWindowSeconds;
}

QList<SessionCache::Entry> SessionCache::sessions() const
{
    const QDateTime now = m_clock->nowUtc();
    QList<Entry> live;
    for (const Entry &entry : readIndex()) {
        if (entry.expiration > now)
            live.append(entry);
    }
    std::sort(live.begin(), live.end(), [](const Entry &a, const Entry &b) { return a.expiration < b.expiration; });
    return live;
}

QList<SessionCache::Entry> SessionCache::readIndex() const
{
    QFile file(m_indexPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxIndexBytes)
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = document.object();
    if (root.value(u"version"_s).toInt() != kIndexVersion)
        return {};
    QList<Entry> entries;
    const QJsonArray sessions = root.value(u"sessions"_s).toArray();
    for (const QJsonValue &value : sessions) {
        const QJsonObject object = value.toObject();
        Entry entry;
        entry.id = object.value(u"id"_s).toString();
        entry.profile = object.value(u"profile"_s).toString();
        entry.kind = object.value(u"kind"_s).toString() == u"session_token"_s ? CacheKey::Kind::SessionToken
                                                                              : CacheKey::Kind::Session;
        entry.expiration = QDateTime::fromString(object.value(u"expiration"_s).toString(), Qt::ISODate).toUTC();
        if (isCacheId(entry.id) && entry.expiration.isValid())
            entries.append(entry);
    }
    return entries;
}

Result<void> SessionCache::writeIndex(const QList<Entry> &entries) const
{
    const QString context = Tr::tr("session index");
    const QFileInfo info(m_indexPath);
    if (!info.absoluteDir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error::config(
                Tr::tr("Could not create the folder %1 for the session index.").arg(info.absolutePath()), context);
        QFile::setPermissions(info.absolutePath(), kDirMode);
    }
    QJsonArray sessions;
    for (const Entry &entry : entries) {
        sessions.append(QJsonObject {
            {u"id"_s, entry.id},
            {u"profile"_s, entry.profile},
            {u"kind"_s, kindName(entry.kind)},
            {u"expiration"_s, entry.expiration.toUTC().toString(Qt::ISODate)},
        });
    }
    const QJsonObject root {{u"version"_s, kIndexVersion}, {u"sessions"_s, sessions}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);

    QSaveFile file(m_indexPath);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return Error::config(
            Tr::tr("Could not write the session index %1: %2").arg(m_indexPath, file.errorString()), context);
    if (!file.setPermissions(kFileMode) || (file.permissions() & kModeBits) != kFileMode) {
        file.cancelWriting();
        return Error::config(
            Tr::tr("Could not make the session index %1 private to you (mode 0600).").arg(m_indexPath), context);
    }
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error::config(
            Tr::tr("Could not write the session index %1: %2").arg(m_indexPath, file.errorString()), context);
    return {};
}

Result<void> SessionCache::updateIndex(const std::function<void(QList<Entry> &)> &change)
{
    QList<Entry> entries = readIndex();
    const QList<Entry> before = entries;
    // Expired sessions leave the index and the keychain whenever the index is written.
    const QDateTime now = m_clock->nowUtc();
    QList<Entry> expired;
    entries.removeIf([&](const Entry &entry) {
        if (entry.expiration > now)
            return false;
        expired.append(entry);
        return true;
    });
    change(entries);
    for (const Entry &entry : std::as_const(expired))
        m_store->remove(secretKeyFor(entry.id), this, [](const Result<void> &) {});
    const bool changed = entries.size() != before.size()
        || !std::equal(entries.cbegin(), entries.cend(), before.cbegin(), [](const Entry &a, const Entry &b) {
               return a.id == b.id && a.profile == b.profile && a.kind == b.kind && a.expiration == b.expiration;
           });
    if (!changed)
        return {};
    Result<void> written = writeIndex(entries);
    if (written)
        Q_EMIT sessionsChanged();
    return written;
}

void SessionCache::lookup(const CacheKey &key, QObject *context, LookupDone done)
{
    using LookupResult = Result<std::optional<AwsCredentials>>;
    QPointer<QObject> target(context ? context : this);
    auto answer = [target, done](LookupResult result) {
        if (target)
            done(std::move(result));
    };
    const QString id = key.id();
    const QList<Entry> listed = readIndex();
    const auto found = std::find_if(listed.cbegin(), listed.cend(), [&id](const Entry &e) { return e.id == id; });
    if (!key.isValid() || found == listed.cend() || !isFresh(*found)) {
        QTimer::singleShot(0, this, [answer] { answer(std::optional<AwsCredentials>()); });
        return;
    }
    const int timeout = m_timeoutMs;
    m_store->read(secretKeyFor(id), this,
        bounded<Result<std::optional<SecureBytes>>>(
            this, timeout,
            [this, id, answer](Result<std::optional<SecureBytes>> read) {
                if (!read) {
                    answer(read.error());
                    return;
                }
                std::optional<AwsCredentials> credentials;
                if (read.value())
                    credentials = decodeSession(*read.value());
                if (!credentials) {
                    // Gone from the keychain, or unreadable: drop it so the next run does not ask again.
                    if (read.value())
                        m_store->remove(secretKeyFor(id), this, [](const Result<void> &) {});
                    (void)updateIndex([&id](QList<Entry> &entries) {
                        entries.removeIf([&id](const Entry &e) { return e.id == id; });
                    });
                    answer(std::optional<AwsCredentials>());
                    return;
                }
                if (m_clock->nowUtc().secsTo(credentials->expiration) <= m_refreshWindowSeconds) {
                    answer(std::optional<AwsCredentials>());
                    return;
                }
                answer(std::move(credentials));
            },
            [timeout] { return Result<std::optional<SecureBytes>>(keychainTimeout(timeout)); }));
}

void SessionCache::store(const CacheKey &key, const AwsCredentials &credentials, QObject *context, Done done)
{
    QPointer<QObject> target(context ? context : this);
    auto answer = [target, done](Result<void> result) {
        if (target)
            done(std::move(result));
    };
    const QDateTime now = m_clock->nowUtc();
    QString problem;
    if (!key.isValid())
        problem = Tr::tr("The session has no cache key.");
    else if (credentials.isEmpty() || !credentials.isTemporary() || !credentials.expiration.isValid())
        problem = Tr::tr("Only temporary credentials with an expiry are cached.");
    else if (credentials.expiration <= now)
        problem = Tr::tr("The session has already expired.");
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [answer, problem] { answer(Error::config(problem, Tr::tr("session cache"))); });
        return;
    }
    AwsCredentials kept = credentials;
    kept.expiration = kept.expiration.toUTC();
    if (key.maxLifetimeSeconds > 0)
        kept.expiration = std::min(kept.expiration, now.addSecs(key.maxLifetimeSeconds));
    const QString id = key.id();
    const Entry entry {id, key.profile, key.kind, kept.expiration};
    const int timeout = m_timeoutMs;
    m_store->write(secretKeyFor(id), encodeSession(kept), this,
        bounded<Result<void>>(
            this, timeout,
            [this, entry, answer](Result<void> written) {
                if (!written) {
                    answer(written);
                    return;
                }
                Result<void> listed = updateIndex([&entry](QList<Entry> &entries) {
                    entries.removeIf([&entry](const Entry &e) { return e.id == entry.id; });
                    entries.append(entry);
                });
                if (!listed) {
                    // The index is authoritative: a secret it does not list would never be found or forgotten.
                    m_store->remove(secretKeyFor(entry.id), this, [](const Result<void> &) {});
                    answer(listed.error());
                    return;
                }
                answer({});
            },
            [timeout] { return Result<void>(keychainTimeout(timeout)); }));
}

void SessionCache::forget(const QString &profile, QObject *context, Done done)
{
    QList<Entry> doomed = readIndex();
    doomed.removeIf([&profile](const Entry &e) { return e.profile != profile; });
    removeEntries(doomed, context, std::move(done));
}

void SessionCache::forgetAll(QObject *context, Done done)
{
    removeEntries(readIndex(), context, std::move(done));
}

void SessionCache::removeEntries(const QList<Entry> &doomed, QObject *context, Done done)
{
    QPointer<QObject> target(context ? context : this);
    auto answer = [target, done](Result<void> result) {
        if (target)
            done(std::move(result));
    };
    if (doomed.isEmpty()) {
        QTimer::singleShot(0, this, [answer] { answer({}); });
        return;
    }
    struct Progress
    {
        qsizetype left = 0;
        std::optional<Error> firstError;
    };
    auto progress = std::make_shared<Progress>();
    progress->left = doomed.size();
    const int timeout = m_timeoutMs;
    for (const Entry &entry : doomed) {
        const QString id = entry.id;
        m_store->remove(secretKeyFor(id), this,
            bounded<Result<void>>(
                this, timeout,
                [this, id, progress, answer](Result<void> removed) {
                    if (removed) {
                        // Only what left the keychain leaves the index, so a failed removal can be retried.
                        Result<void> listed = updateIndex([&id](QList<Entry> &entries) {
                            entries.removeIf([&id](const Entry &e) { return e.id == id; });
                        });
                        if (!listed && !progress->firstError)
                            progress->firstError = listed.error();
                    } else if (!progress->firstError) {
                        progress->firstError = removed.error();
                    }
                    if (--progress->left == 0)
                        answer(progress->firstError ? Result<void>(*progress->firstError) : Result<void>());
                },
                [timeout] { return Result<void>(keychainTimeout(timeout)); }));
    }
}

bool SessionCache::claim(const CacheKey &key)
{
    const QString id = key.id();
    if (m_claims.contains(id))
        return false;
    m_claims.insert(id, {});
    return true;
}

bool SessionCache::isClaimed(const CacheKey &key) const
{
    return m_claims.contains(key.id());
}

void SessionCache::release(const CacheKey &key)
{
    const QList<Waiter> waiters = m_claims.take(key.id());
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            QMetaObject::invokeMethod(waiter.context.data(), waiter.next, Qt::QueuedConnection);
    }
}

void SessionCache::whenReleased(const CacheKey &key, QObject *context, std::function<void()> next)
{
    Q_ASSERT(context);
    const QString id = key.id();
    const auto claim = m_claims.find(id);
    if (claim == m_claims.end()) {
        QMetaObject::invokeMethod(context, next, Qt::QueuedConnection);
        return;
    }
    const quint64 serial = ++m_nextWaiter;
    claim->append(Waiter {context, next, serial});
    // Bounded: a holder that never releases (it cannot happen by design, but a wait must end) is outwaited.
    QTimer::singleShot(m_claimWaitMs, this, [this, id, serial] {
        const auto waiters = m_claims.find(id);
        if (waiters == m_claims.end())
            return;
        for (qsizetype i = 0; i < waiters->size(); ++i) {
            if (waiters->at(i).serial != serial)
                continue;
            const Waiter waiter = waiters->takeAt(i);
            if (waiter.context)
                QMetaObject::invokeMethod(waiter.context.data(), waiter.next, Qt::QueuedConnection);
            return;
        }
    });
}

} // namespace Rolecall::Core
