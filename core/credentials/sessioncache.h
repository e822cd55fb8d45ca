// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "endpoints/endpointresolver.h"
#include "profiles/profile.h"
#include "secrets/secretstore.h"
#include "util/awscredentials.h"
#include "util/clock.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <optional>

namespace Rolecall::Core {

/** What besides the profile decides what a chain returns: the caller's overrides and the endpoint. */
struct CacheKeyOptions
{
    /// The last hop's duration override (--duration), as CredentialRequestOptions::durationSeconds.
    std::optional<int> durationSeconds;
    /// Lifetime asked of GetSessionToken-with-MFA (unless it is the last step and durationSeconds is set).
    int sessionTokenDurationSeconds = 43200;
    /// Where the STS calls go (URL, signing region, partition): sessions from another endpoint do not match.
    Endpoint endpoint;
    /// credential_source = Environment and container sources: whose credentials start the chain.
    QProcessEnvironment environment;
};

/**
 * Identifies one cached session: every parameter that changes what STS would return, written out as a
 * canonical text and hashed to a stable id.
 *
 * The text holds the profile names, the steps in order with their role ARNs, session names, MFA serials,
 * effective durations, source identity, tags, transitive tag keys, policy ARNs, the endpoint URL and its
 * signing region. Values that may be sensitive (access key ids, external ids, inline policies,
 * credential_process command lines, container URIs) appear only as SHA-256 digests. No secret ever does.
 *
 * Two kinds:
 *  - Session: the final credentials of a profile (the last step is AssumeRole, web identity, or a
 *    GetSessionToken that ends the chain).
 *  - SessionToken: the GetSessionToken-with-MFA session of a user (aws-vault's approach): keyed by the
 *    user's profile, its access key, the MFA serial, the session duration and the partition (or the custom
 *    endpoint), so one MFA code unlocks every role chained from that user for the session's life,
 *    whatever region each role profile uses.
 */
struct CacheKey
{
    enum class Kind
    {
        Session,
        SessionToken,
    };

    Kind kind = Kind::Session;
    /// The profile the session belongs to (the user's profile for SessionToken keys); shown in the index.
    QString profile;
    /// Canonical description, one field a line; no secrets. Only its hash is stored.
    QString text;
    /// When non-zero, a cached session is never believed to live longer than this after it was stored:
    /// 3600 for role-chained sessions (AWS's one-hour limit on role chaining).
    int maxLifetimeSeconds = 0;

    bool isValid() const { return !text.isEmpty(); }
    /// 32 hex digits of SHA-256 over the text: stable across runs and machines.
    QString id() const;

    /**
     * The key of @p profile's final credentials, or nothing when they are not worth caching (long-term
     * keys, credential_process or container credentials without a role hop, profiles with errors).
     */
    static std::optional<CacheKey> forProfile(const Profiles::ResolvedProfile &profile, const CacheKeyOptions &options);
    /// The key of the SessionToken step at @p stepIndex of @p profile, or nothing if it is not one.
    static std::optional<CacheKey> forSessionToken(
        const Profiles::ResolvedProfile &profile, qsizetype stepIndex, const CacheKeyOptions &options);
};

/**
 * Temporary credentials kept in the SecretStore (the OS keychain) between runs, so a profile is assumed
 * once per session life instead of once per command, and one MFA code serves every role chained from a
 * user (the GetSessionToken session is cached under its own key).
 *
 * Each session is one keychain entry `session-cache/<id>` holding AccessKeyId, SecretAccessKey,
 * SessionToken, Expiration and origin. Beside it, a non-secret index (profile, kind, expiry and cache id
 * per session; JSON, mode 0600, written atomically) in the app data folder lets the app list active
 * sessions and forget them without touching the keychain. The index is authoritative: a session missing
 * from it is not looked up, so a cold miss never costs a keychain round trip.
 *
 * A cached session is handed out while more than refreshWindowSeconds() (default 600) of its life
 * remains. Every call answers through its callback exactly once, on a later event-loop turn, within
 * timeoutMs() even when the keychain does not answer.
 *
 * claim()/release()/whenReleased() give single flight between flows in this process: the flow that
 * claims a key fetches it; the others wait for its release and then look the key up again.
 */
class SessionCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionCache)

public:
    /// One line of the index: what the app may show. No secret, not even a key id prefix.
    struct Entry
    {
        QString id;
        QString profile;
        CacheKey::Kind kind = CacheKey::Kind::Session;
        QDateTime expiration;
    };

    using LookupDone = std::function<void(Result<std::optional<AwsCredentials>>)>;
    using Done = std::function<void(Result<void>)>;

    static constexpr int kDefaultRefreshWindowSeconds = 600;
    static constexpr int kDefaultTimeoutMs = 60000;
    static constexpr int kDefaultClaimWaitMs = 6 * 60 * 1000;

    /**
     * @p store and @p clock must outlive the cache. @p indexPath empty: defaultIndexPath().
     */
    SessionCache(
        Secrets::SecretStore *store, const Clock *clock, const QString &indexPath = {}, QObject *parent = nullptr);
    ~SessionCache() override;

    /// `dataDirectory()/session-index.json`, shared by the app and rolecall-cli.
    static QString defaultIndexPath();
    /// The keychain entry name of a cache id.
    static QString secretKeyFor(const QString &id);

    QString indexPath() const { return m_indexPath; }
    int refreshWindowSeconds() const { return m_refreshWindowSeconds; }
    void setRefreshWindowSeconds(int seconds);
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms);
    int claimWaitMs() const { return m_claimWaitMs; }
    void setClaimWaitMs(int ms);

    /// Sessions of the index that have not expired yet, soonest expiry first (reads the file).
    QList<Entry> sessions() const;
    /// True when @p entry would be handed out now (more than the refresh window left).
    bool isFresh(const Entry &entry) const;

    /**
     * Answers the cached credentials of @p key if more than the refresh window remains, std::nullopt on a
     * miss, or a Keychain error. @p done is not called when @p context is gone.
     */
    void lookup(const CacheKey &key, QObject *context, LookupDone done);
    /**
     * Keeps @p credentials (temporary, with an expiry in the future) under @p key, replacing what was there,
     * and lists them in the index.
     */
    void store(const CacheKey &key, const AwsCredentials &credentials, QObject *context, Done done);
    /// Removes every session of @p profile (Session and SessionToken entries named after it).
    void forget(const QString &profile, QObject *context, Done done);
    /// Removes every cached session.
    void forgetAll(QObject *context, Done done);

    /// Takes the right to fetch @p key in this process; false while another flow holds it.
    bool claim(const CacheKey &key);
    /// Gives the right back and wakes the waiters (on a later turn).
    void release(const CacheKey &key);
    bool isClaimed(const CacheKey &key) const;
    /// Calls @p next once @p key is released, or after claimWaitMs() at the latest; at once if unclaimed.
    void whenReleased(const CacheKey &key, QObject *context, std::function<void()> next);

Q_SIGNALS:
    /// The index changed (a session was stored or forgotten).
    void sessionsChanged();

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> next;
        quint64 serial = 0;
    };

    QList<Entry> readIndex() const;
    Result<void> writeIndex(const QList<Entry> &entries) const;
    Result<void> updateIndex(const std::function<void(QList<Entry> &)> &change);
    void removeEntries(const QList<Entry> &doomed, QObject *context, Done done);

    Secrets::SecretStore *m_store;
    const Clock *m_clock;
    QString m_indexPath;
    int m_refreshWindowSeconds = kDefaultRefreshWindowSeconds;
    int m_timeoutMs = kDefaultTimeoutMs;
    int m_claimWaitMs = kDefaultClaimWaitMs;
    QHash<QString, QList<Waiter>> m_claims;
    quint64 m_nextWaiter = 0;
};

} // namespace Rolecall::Core
