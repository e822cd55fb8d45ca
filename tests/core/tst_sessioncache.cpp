// SPDX-License-Identifier: Apache-2.0
// SessionCache and CacheKey with a ManualClock and an in-memory secret store: hits, misses, the refresh window,
// expiry, what the key depends on, restarts, forgetting, and an index file that holds no secret.
#include "fakesecretstore.h"

#include "credentials/sessioncache.h"
#include "profiles/profile.h"
#include "util/clock.h"
#include "util/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Profiles::Step;
using Rolecall::Test::FakeSecretStore;

namespace {

constexpr int kWaitMs = 5000;
const QDateTime kStart = QDateTime(QDate(2025, 6, 1), QTime(12, 0, 0), Qt::UTC);

// AWS's documented example values. Never real credentials.
const auto kUserKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kUserSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kSessionKeyId = "ASIAI44QH8DHBEXAMPLE"_L1;
const auto kSessionSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
const auto kSessionToken = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrU"
                           "tdnniCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4Olgk"_L1;
const auto kExternalId = "Unique-External-Id-1234"_L1;
const auto kInlinePolicy
    = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})"_L1;
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/alice"_L1;

Profiles::ResolvedProfile chainProfile()
{
    Profiles::ResolvedProfile profile;
    profile.name = u"admin"_s;
    profile.kind = Profiles::Kind::Role;
    Step keys;
    keys.type = Step::Type::StaticKeys;
    keys.profile = u"user"_s;
    keys.accessKeyId = kUserKeyId;
    keys.secretAccessKey = kUserSecret;
    Step token;
    token.type = Step::Type::SessionToken;
    token.profile = u"user"_s;
    token.mfaSerial = kMfaSerial;
    Step dev;
    dev.type = Step::Type::AssumeRole;
    dev.profile = u"dev"_s;
    dev.roleArn = u"arn:aws:iam::123456789012:role/dev"_s;
    dev.roleSessionName = u"alice-dev"_s;
    Step admin;
    admin.type = Step::Type::AssumeRole;
    admin.profile = u"admin"_s;
    admin.roleArn = u"arn:aws:iam::210987654321:role/admin"_s;
    admin.roleSessionName = u"alice-admin"_s;
    admin.externalId = kExternalId;
    admin.durationSeconds = 1800;
    admin.sourceIdentity = u"alice"_s;
    admin.tags = {{u"team"_s, u"blue"_s}};
    admin.transitiveTagKeys = {u"team"_s};
    admin.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    admin.policy = kInlinePolicy;
    profile.steps = {keys, token, dev, admin};
    profile.chain = {u"user"_s, u"dev"_s, u"admin"_s};
    return profile;
}

CacheKeyOptions keyOptions(const QString &region = u"eu-west-1"_s)
{
    EndpointSettings settings;
    settings.region = region;
    CacheKeyOptions options;
    options.endpoint = resolveStsEndpoint(settings).value();
    return options;
}

CacheKey finalKey(
    const Profiles::ResolvedProfile &profile = chainProfile(), const CacheKeyOptions &options = keyOptions())
{
    const std::optional<CacheKey> key = CacheKey::forProfile(profile, options);
    return key ? *key : CacheKey();
}

AwsCredentials sessionCredentials(const QDateTime &expiration,
    AwsCredentials::Origin origin = AwsCredentials::Origin::AssumedRole, const QString &keyId = kSessionKeyId)
{
    AwsCredentials credentials;
    credentials.accessKeyId = keyId;
    credentials.secretAccessKey = SecureBytes(QByteArray(kSessionSecret.data(), kSessionSecret.size()));
    credentials.sessionToken = SecureBytes(QByteArray(kSessionToken.data(), kSessionToken.size()));
    credentials.expiration = expiration;
    credentials.origin = origin;
    return credentials;
}

} // namespace

class Tst_SessionCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void missThenHitReturnsWhatWasStored();
    void freshnessFollowsTheRefreshWindow_data();
    void freshnessFollowsTheRefreshWindow();
    void expiredSessionsMissAndLeaveIndexAndKeychain();
    void keyChangesWithEveryParameter_data();
    void keyChangesWithEveryParameter();
    void keyIsStableAndHoldsNoSecret();
    void sessionTokenKeyIsSharedByTheUsersRoles_data();
    void sessionTokenKeyIsSharedByTheUsersRoles();
    void uncacheableProfilesHaveNoKey_data();
    void uncacheableProfilesHaveNoKey();
    void survivesARestart();
    void forgetRemovesOneProfileForgetAllEverything();
    void indexFileHoldsNoSecret();
    void roleChainedSessionsLiveAtMostAnHour();
    void refusesCredentialsThatAreNotTemporary_data();
    void refusesCredentialsThatAreNotTemporary();
    void keychainEntryGoneIsAMiss();
    void keychainErrorsAreReported();
    void silentKeychainIsBounded();
    void claimsGiveSingleFlight();

private:
    std::unique_ptr<SessionCache> makeCache();
    Result<std::optional<AwsCredentials>> lookup(SessionCache &cache, const CacheKey &key);
    Result<void> store(SessionCache &cache, const CacheKey &key, const AwsCredentials &credentials);
    Result<void> forget(SessionCache &cache, const QString &profile);
    Result<void> forgetAll(SessionCache &cache);
    QString indexPath() const { return QDir(m_dir->path()).filePath(u"rolecall/session-index.json"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeSecretStore> m_store;
    ManualClock m_clock;
};

void Tst_SessionCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void Tst_SessionCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<FakeSecretStore>();
    m_clock.set(kStart);
}

void Tst_SessionCache::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<SessionCache> Tst_SessionCache::makeCache()
{
    return std::make_unique<SessionCache>(m_store.get(), &m_clock, indexPath());
}

Result<std::optional<AwsCredentials>> Tst_SessionCache::lookup(SessionCache &cache, const CacheKey &key)
{
    auto out = std::make_shared<std::optional<Result<std::optional<AwsCredentials>>>>();
    cache.lookup(key, &cache, [out](const Result<std::optional<AwsCredentials>> &r) { *out = r; });
    if (!QTest::qWaitFor([out] { return out->has_value(); }, kWaitMs))
        return Error::timeout(kWaitMs / 1000, u"lookup"_s);
    return **out;
}

Result<void> Tst_SessionCache::store(SessionCache &cache, const CacheKey &key, const AwsCredentials &credentials)
{
    auto out = std::make_shared<std::optional<Result<void>>>();
    cache.store(key, credentials, &cache, [out](const Result<void> &r) { *out = r; });
    if (!QTest::qWaitFor([out] { return out->has_value(); }, kWaitMs))
        return Error::timeout(kWaitMs / 1000, u"store"_s);
    return **out;
}

Result<void> Tst_SessionCache::forget(SessionCache &cache, const QString &profile)
{
    auto out = std::make_shared<std::optional<Result<void>>>();
    cache.forget(profile, &cache, [out](const Result<void> &r) { *out = r; });
    if (!QTest::qWaitFor([out] { return out->has_value(); }, kWaitMs))
        return Error::timeout(kWaitMs / 1000, u"forget"_s);
    return **out;
}

Result<void> Tst_SessionCache::forgetAll(SessionCache &cache)
{
    auto out = std::make_shared<std::optional<Result<void>>>();
    cache.forgetAll(&cache, [out](const Result<void> &r) { *out = r; });
    if (!QTest::qWaitFor([out] { return out->has_value(); }, kWaitMs))
        return Error::timeout(kWaitMs / 1000, u"forgetAll"_s);
    return **out;
}

// ------------------------------------------------------------------------------------------------ tests

void Tst_SessionCache::missThenHitReturnsWhatWasStored()
{
    auto cache = makeCache();
    const CacheKey key = finalKey();
    QVERIFY(key.isValid());
    auto miss = lookup(*cache, key);
    QVERIFY2(miss.ok(), qPrintable(miss.ok() ? QString() : miss.error().message));
    QVERIFY(!miss.value());
    QCOMPARE(m_store->reads, 0); // the index says it is not there: no keychain round trip

    const AwsCredentials stored = sessionCredentials(kStart.addSecs(3600));
    QVERIFY(store(*cache, key, stored).ok());
    QCOMPARE(m_store->entries.size(), 1);
    QVERIFY(m_store->entries.contains(SessionCache::secretKeyFor(key.id())));

    auto hit = lookup(*cache, key);
    QVERIFY(hit.ok());
    QVERIFY(hit.value());
    const AwsCredentials &found = *hit.value();
    QCOMPARE(found.accessKeyId, stored.accessKeyId);
    QVERIFY(found.secretAccessKey == stored.secretAccessKey);
    QVERIFY(found.sessionToken == stored.sessionToken);
    QCOMPARE(found.expiration, stored.expiration);
    QCOMPARE(found.origin, AwsCredentials::Origin::AssumedRole);

    const QList<SessionCache::Entry> sessions = cache->sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.at(0).profile, u"admin"_s);
    QCOMPARE(sessions.at(0).id, key.id());
    QCOMPARE(sessions.at(0).kind, CacheKey::Kind::Session);
    QCOMPARE(sessions.at(0).expiration, stored.expiration);
}

void Tst_SessionCache::freshnessFollowsTheRefreshWindow_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("secondsLeft");
    QTest::addColumn<bool>("hit");
    QTest::addRow("default window, 601 s left") << -1 << 601 << true;
    QTest::addRow("default window, exactly 600 s left") << -1 << 600 << false;
    QTest::addRow("default window, 599 s left") << -1 << 599 << false;
    QTest::addRow("default window, 1 s left") << -1 << 1 << false;
    QTest::addRow("60 s window, 61 s left") << 60 << 61 << true;
    QTest::addRow("60 s window, 60 s left") << 60 << 60 << false;
    QTest::addRow("no window, 1 s left") << 0 << 1 << true;
    QTest::addRow("no window, expired") << 0 << 0 << false;
}

void Tst_SessionCache::freshnessFollowsTheRefreshWindow()
{
    QFETCH(int, window);
    QFETCH(int, secondsLeft);
    QFETCH(bool, hit);
    auto cache = makeCache();
    QCOMPARE(cache->refreshWindowSeconds(), SessionCache::kDefaultRefreshWindowSeconds);
    QCOMPARE(SessionCache::kDefaultRefreshWindowSeconds, 600);
    if (window >= 0)
        cache->setRefreshWindowSeconds(window);
    const CacheKey key = finalKey();
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    m_clock.set(kStart.addSecs(3600 - secondsLeft));
    auto found = lookup(*cache, key);
    QVERIFY(found.ok());
    QCOMPARE(bool(found.value()), hit);
}

void Tst_SessionCache::expiredSessionsMissAndLeaveIndexAndKeychain()
{
    auto cache = makeCache();
    const CacheKey key = finalKey();
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    QCOMPARE(cache->sessions().size(), 1);
    m_clock.set(kStart.addSecs(3601));
    auto found = lookup(*cache, key);
    QVERIFY(found.ok());
    QVERIFY(!found.value());
    QVERIFY(cache->sessions().isEmpty());

    // The next write of the index prunes the expired session from the index and the keychain.
    CacheKeyOptions other = keyOptions(u"us-west-2"_s);
    const CacheKey second = finalKey(chainProfile(), other);
    QVERIFY(store(*cache, second, sessionCredentials(m_clock.nowUtc().addSecs(3600))).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!m_store->entries.contains(SessionCache::secretKeyFor(key.id())), kWaitMs);
    QVERIFY(m_store->entries.contains(SessionCache::secretKeyFor(second.id())));
    QFile index(indexPath());
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QByteArray bytes = index.readAll();
    QVERIFY(!bytes.contains(key.id().toLatin1()));
    QVERIFY(bytes.contains(second.id().toLatin1()));
}

void Tst_SessionCache::keyChangesWithEveryParameter_data()
{
    QTest::addColumn<QString>("parameter");
    for (const char *name : {"profile name", "first hop role ARN", "last hop role ARN", "role session name",
             "external id", "MFA serial", "MFA on a hop", "hop duration", "duration override", "session token duration",
             "policy ARNs", "inline policy", "tag key", "tag value", "transitive tag keys", "source identity", "region",
             "endpoint URL", "access key id", "web identity token file", "one more hop"})
        QTest::addRow("%s", name) << QString::fromLatin1(name);
}

void Tst_SessionCache::keyChangesWithEveryParameter()
{
    QFETCH(QString, parameter);
    const CacheKey base = finalKey();
    QVERIFY(base.isValid());
    Profiles::ResolvedProfile profile = chainProfile();
    CacheKeyOptions options = keyOptions();
    Step &last = profile.steps.last();
    if (parameter == "profile name"_L1) {
        profile.name = u"admin2"_s;
    } else if (parameter == "first hop role ARN"_L1) {
        profile.steps[2].roleArn = u"arn:aws:iam::123456789012:role/dev2"_s;
    } else if (parameter == "last hop role ARN"_L1) {
        last.roleArn = u"arn:aws:iam::210987654321:role/admin2"_s;
    } else if (parameter == "role session name"_L1) {
        last.roleSessionName = u"alice-admin-2"_s;
    } else if (parameter == "external id"_L1) {
        last.externalId = u"Unique-External-Id-1235"_s;
    } else if (parameter == "MFA serial"_L1) {
        profile.steps[1].mfaSerial = u"arn:aws:iam::123456789012:mfa/alice-2"_s;
    } else if (parameter == "MFA on a hop"_L1) {
        last.mfaSerial = u"arn:aws:iam::210987654321:mfa/alice"_s;
    } else if (parameter == "hop duration"_L1) {
        last.durationSeconds = 1801;
    } else if (parameter == "duration override"_L1) {
        options.durationSeconds = 900;
    } else if (parameter == "session token duration"_L1) {
        options.sessionTokenDurationSeconds = 3600;
    } else if (parameter == "policy ARNs"_L1) {
        last.policyArns.append(u"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"_s);
    } else if (parameter == "inline policy"_L1) {
        last.policy = QString(kInlinePolicy).replace(u"s3:*"_s, u"ec2:*"_s);
    } else if (parameter == "tag key"_L1) {
        last.tags = {{u"squad"_s, u"blue"_s}};
    } else if (parameter == "tag value"_L1) {
        last.tags = {{u"team"_s, u"red"_s}};
    } else if (parameter == "transitive tag keys"_L1) {
        last.transitiveTagKeys.clear();
    } else if (parameter == "source identity"_L1) {
        last.sourceIdentity = u"bob"_s;
    } else if (parameter == "region"_L1) {
        options = keyOptions(u"eu-central-1"_s);
    } else if (parameter == "endpoint URL"_L1) {
        EndpointSettings settings;
        settings.region = u"eu-west-1"_s;
        settings.explicitUrl = u"https://sts.internal.example.com"_s;
        options.endpoint = resolveStsEndpoint(settings).value();
    } else if (parameter == "access key id"_L1) {
        profile.steps[0].accessKeyId = u"AKIAI44QH8DHBEXAMPLE"_s;
    } else if (parameter == "web identity token file"_L1) {
        Step web;
        web.type = Step::Type::WebIdentity;
        web.profile = u"admin"_s;
        web.roleArn = last.roleArn;
        web.roleSessionName = last.roleSessionName;
        web.webIdentityTokenFile = u"/var/run/token"_s;
        profile.steps = {web};
        const CacheKey first = finalKey(profile, options);
        profile.steps[0].webIdentityTokenFile = u"/var/run/other-token"_s;
        const CacheKey second = finalKey(profile, options);
        QVERIFY(first.isValid() && second.isValid());
        QVERIFY(first.id() != second.id());
        return;
    } else if (parameter == "one more hop"_L1) {
        Step extra = last;
        extra.roleArn = u"arn:aws:iam::210987654321:role/extra"_s;
        profile.steps.append(extra);
    } else {
        QFAIL(qPrintable(u"no mutation for "_s + parameter));
    }
    const CacheKey changed = finalKey(profile, options);
    QVERIFY(changed.isValid());
    QVERIFY2(changed.id() != base.id(), qPrintable(parameter));
    QVERIFY(changed.text != base.text);
}

void Tst_SessionCache::keyIsStableAndHoldsNoSecret()
{
    const CacheKey a = finalKey();
    const CacheKey b = finalKey();
    QCOMPARE(a.id(), b.id());
    QCOMPARE(a.kind, CacheKey::Kind::Session);
    QCOMPARE(a.profile, u"admin"_s);
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(a.id()).hasMatch(), qPrintable(a.id()));
    for (const QString &secretish : {QString(kUserSecret), QString(kUserKeyId), QString(kExternalId)})
        QVERIFY2(!a.text.contains(secretish), qPrintable(a.text));
    QVERIFY(!a.text.contains(u"s3:*"_s)); // inline policies only as a digest
    // What the key says, in the clear: enough to debug a miss.
    for (const QString &clear : {u"arn:aws:iam::210987654321:role/admin"_s, u"alice-admin"_s, QString(kMfaSerial),
             u"https://sts.eu-west-1.amazonaws.com"_s, u"1800"_s, u"43200"_s})
        QVERIFY2(a.text.contains(clear), qPrintable(clear));
    const std::optional<CacheKey> token = CacheKey::forSessionToken(chainProfile(), 1, keyOptions());
    QVERIFY(token);
    QVERIFY(!token->text.contains(QString(kUserKeyId)));
    QVERIFY(!token->text.contains(QString(kUserSecret)));
}

void Tst_SessionCache::sessionTokenKeyIsSharedByTheUsersRoles_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("same");
    QTest::addRow("another role") << u"role"_s << true;
    QTest::addRow("another region of the partition") << u"region"_s << true;
    QTest::addRow("another duration override of a later hop") << u"override"_s << true;
    QTest::addRow("another partition") << u"partition"_s << false;
    QTest::addRow("a custom endpoint") << u"endpoint"_s << false;
    QTest::addRow("another MFA device") << u"serial"_s << false;
    QTest::addRow("another session length") << u"duration"_s << false;
    QTest::addRow("another access key") << u"key"_s << false;
    QTest::addRow("another user profile") << u"user"_s << false;
}

void Tst_SessionCache::sessionTokenKeyIsSharedByTheUsersRoles()
{
    QFETCH(QString, change);
    QFETCH(bool, same);
    const std::optional<CacheKey> base = CacheKey::forSessionToken(chainProfile(), 1, keyOptions());
    QVERIFY(base);
    QCOMPARE(base->kind, CacheKey::Kind::SessionToken);
    QCOMPARE(base->profile, u"user"_s);
    Profiles::ResolvedProfile profile = chainProfile();
    CacheKeyOptions options = keyOptions();
    if (change == "role"_L1) {
        profile.name = u"readonly"_s;
        profile.steps.removeLast();
        profile.steps.last().roleArn = u"arn:aws:iam::123456789012:role/readonly"_s;
    } else if (change == "region"_L1) {
        options = keyOptions(u"ap-southeast-2"_s);
    } else if (change == "override"_L1) {
        options.durationSeconds = 900;
    } else if (change == "partition"_L1) {
        options = keyOptions(u"cn-north-1"_s);
    } else if (change == "endpoint"_L1) {
        EndpointSettings settings;
        settings.explicitUrl = u"http://127.0.0.1:5000"_s;
        options.endpoint = resolveStsEndpoint(settings).value();
    } else if (change == "serial"_L1) {
        profile.steps[1].mfaSerial = u"arn:aws:iam::123456789012:mfa/alice-yubikey"_s;
    } else if (change == "duration"_L1) {
        options.sessionTokenDurationSeconds = 3600;
    } else if (change == "key"_L1) {
        profile.steps[0].accessKeyId = u"AKIAI44QH8DHBEXAMPLE"_s;
    } else if (change == "user"_L1) {
        profile.steps[0].profile = u"alice"_s;
        profile.steps[1].profile = u"alice"_s;
    }
    const std::optional<CacheKey> other = CacheKey::forSessionToken(profile, 1, options);
    QVERIFY(other);
    QCOMPARE(other->id() == base->id(), same);
}

void Tst_SessionCache::uncacheableProfilesHaveNoKey_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addRow("long-term keys only") << u"keys"_s;
    QTest::addRow("credential_process only") << u"process"_s;
    QTest::addRow("profile with errors") << u"errors"_s;
    QTest::addRow("no steps") << u"empty"_s;
    QTest::addRow("SSO") << u"sso"_s;
}

void Tst_SessionCache::uncacheableProfilesHaveNoKey()
{
    QFETCH(QString, shape);
    Profiles::ResolvedProfile profile = chainProfile();
    if (shape == "keys"_L1) {
        profile.steps = {profile.steps.first()};
    } else if (shape == "process"_L1) {
        Step process;
        process.type = Step::Type::Process;
        process.profile = u"admin"_s;
        process.credentialProcess = u"/usr/bin/vault-creds --token s3cr3t"_s;
        profile.steps = {process};
    } else if (shape == "errors"_L1) {
        profile.errors = {u"source_profile cycle"_s};
    } else if (shape == "empty"_L1) {
        profile.steps.clear();
    } else if (shape == "sso"_L1) {
        Step sso;
        sso.type = Step::Type::Sso;
        sso.profile = u"admin"_s;
        profile.steps.first() = sso;
        profile.steps.removeAt(1);
    }
    QVERIFY(!CacheKey::forProfile(profile, keyOptions()));
}

void Tst_SessionCache::survivesARestart()
{
    const CacheKey key = finalKey();
    const std::optional<CacheKey> token = CacheKey::forSessionToken(chainProfile(), 1, keyOptions());
    QVERIFY(token);
    {
        auto cache = makeCache();
        QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
        QVERIFY(store(*cache, *token,
            sessionCredentials(kStart.addSecs(43200), AwsCredentials::Origin::SessionToken, u"ASIAQNZGKIQY56JQ7WML"_s))
                    .ok());
    }
    m_clock.set(kStart.addSecs(60));
    auto restarted = makeCache(); // a new process: same keychain, same index file
    QCOMPARE(restarted->sessions().size(), 2);
    auto session = lookup(*restarted, key);
    QVERIFY(session.ok() && session.value());
    QCOMPARE(session.value()->accessKeyId, QString(kSessionKeyId));
    auto user = lookup(*restarted, *token);
    QVERIFY(user.ok() && user.value());
    QCOMPARE(user.value()->accessKeyId, u"ASIAQNZGKIQY56JQ7WML"_s);
    QCOMPARE(user.value()->origin, AwsCredentials::Origin::SessionToken);
}

void Tst_SessionCache::forgetRemovesOneProfileForgetAllEverything()
{
    auto cache = makeCache();
    QSignalSpy changed(cache.get(), &SessionCache::sessionsChanged);
    Profiles::ResolvedProfile other = chainProfile();
    other.name = u"readonly"_s;
    other.steps.last().roleArn = u"arn:aws:iam::210987654321:role/readonly"_s;
    const CacheKey admin = finalKey();
    const CacheKey readonly = finalKey(other);
    const std::optional<CacheKey> user = CacheKey::forSessionToken(chainProfile(), 1, keyOptions());
    QVERIFY(user);
    for (const CacheKey &key : {admin, readonly, *user})
        QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    QCOMPARE(m_store->entries.size(), 3);
    QCOMPARE(cache->sessions().size(), 3);
    QCOMPARE(changed.size(), 3);

    QVERIFY(forget(*cache, u"admin"_s).ok());
    QVERIFY(!m_store->entries.contains(SessionCache::secretKeyFor(admin.id())));
    QCOMPARE(m_store->entries.size(), 2);
    QVERIFY(!lookup(*cache, admin).value());
    QVERIFY(lookup(*cache, readonly).value());
    QVERIFY(lookup(*cache, *user).value());
    QStringList profiles;
    for (const SessionCache::Entry &entry : cache->sessions())
        profiles.append(entry.profile);
    profiles.sort();
    QCOMPARE(profiles, QStringList({u"readonly"_s, u"user"_s}));

    QVERIFY(forget(*cache, u"nobody"_s).ok()); // nothing to do is no error

    QVERIFY(forgetAll(*cache).ok());
    QVERIFY(m_store->entries.isEmpty());
    QVERIFY(cache->sessions().isEmpty());
    QVERIFY(!lookup(*cache, readonly).value());
    QVERIFY(!lookup(*cache, *user).value());

    // A failed keychain removal keeps the session listed, so forgetting can be retried.
    QVERIFY(store(*cache, admin, sessionCredentials(kStart.addSecs(3600))).ok());
    m_store->failing = true;
    const Result<void> failed = forget(*cache, u"admin"_s);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, Error::Kind::Keychain);
    QCOMPARE(cache->sessions().size(), 1);
}

void Tst_SessionCache::indexFileHoldsNoSecret()
{
    auto cache = makeCache();
    const std::optional<CacheKey> user = CacheKey::forSessionToken(chainProfile(), 1, keyOptions());
    QVERIFY(user);
    QVERIFY(store(*cache, finalKey(), sessionCredentials(kStart.addSecs(3600))).ok());
    QVERIFY(store(*cache, *user, sessionCredentials(kStart.addSecs(43200), AwsCredentials::Origin::SessionToken)).ok());

    QFile index(indexPath());
    QVERIFY(index.open(QIODevice::ReadOnly));
    QCOMPARE(index.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
                | QFileDevice::ExeOwner),
        QFileDevice::Permissions());
    const QByteArray bytes = index.readAll();
    // No secret, and no key id either: not whole, not its distinctive tail, not its start beyond "ASIA".
    const QList<QByteArray> forbidden {QByteArray(kSessionSecret.data(), kSessionSecret.size()),
        QByteArray(kSessionToken.data(), kSessionToken.size()), QByteArray(kSessionToken.data(), 16),
        QByteArray(kSessionKeyId.data(), kSessionKeyId.size()), QByteArray(kSessionKeyId.data() + 12, 8),
        QByteArray(kSessionKeyId.data(), 8), QByteArray(kUserKeyId.data(), kUserKeyId.size()),
        QByteArray(kUserSecret.data(), kUserSecret.size()), QByteArray(kExternalId.data(), kExternalId.size())};
    for (const QByteArray &secret : forbidden)
        QVERIFY2(!bytes.contains(secret), secret.constData());

    // Exactly what the app may show: profile, kind, expiry and cache id.
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonArray sessions = root.value(u"sessions"_s).toArray();
    QCOMPARE(sessions.size(), 2);
    for (const QJsonValue &value : sessions) {
        QStringList keys = value.toObject().keys();
        keys.sort();
        QCOMPARE(keys, QStringList({u"expiration"_s, u"id"_s, u"kind"_s, u"profile"_s}));
    }
    // The folder it lives in is private too.
    const QFileInfo folder(QFileInfo(indexPath()).absolutePath());
    QCOMPARE(folder.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    // Secrets are in the keychain and only there.
    QCOMPARE(m_store->entries.size(), 2);

    // The default location is the data folder the desktop app and rolecall-cli share.
    QCOMPARE(SessionCache::defaultIndexPath(), dataDirectory() + u"/session-index.json"_s);
    QVERIFY2(dataDirectory().startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)),
        qPrintable(dataDirectory()));
}

void Tst_SessionCache::roleChainedSessionsLiveAtMostAnHour()
{
    auto cache = makeCache();
    const CacheKey chained = finalKey(); // admin is assumed with dev's role session
    QCOMPARE(chained.maxLifetimeSeconds, 3600);
    QVERIFY(store(*cache, chained, sessionCredentials(kStart.addSecs(12 * 3600))).ok());
    auto found = lookup(*cache, chained);
    QVERIFY(found.ok() && found.value());
    QCOMPARE(found.value()->expiration, kStart.addSecs(3600));
    QCOMPARE(cache->sessions().at(0).expiration, kStart.addSecs(3600));

    // A role assumed from the user's session token is not chained: AWS's expiry stands.
    Profiles::ResolvedProfile direct = chainProfile();
    direct.steps.removeLast();
    const CacheKey single = finalKey(direct);
    QCOMPARE(single.maxLifetimeSeconds, 0);
    QVERIFY(store(*cache, single, sessionCredentials(kStart.addSecs(4 * 3600))).ok());
    auto kept = lookup(*cache, single);
    QVERIFY(kept.ok() && kept.value());
    QCOMPARE(kept.value()->expiration, kStart.addSecs(4 * 3600));
}

void Tst_SessionCache::refusesCredentialsThatAreNotTemporary_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addRow("long-term keys") << u"long-term"_s;
    QTest::addRow("no expiry") << u"no expiry"_s;
    QTest::addRow("already expired") << u"expired"_s;
}

void Tst_SessionCache::refusesCredentialsThatAreNotTemporary()
{
    QFETCH(QString, shape);
    auto cache = makeCache();
    AwsCredentials credentials = sessionCredentials(kStart.addSecs(3600));
    if (shape == "long-term"_L1) {
        credentials.sessionToken.clear();
        credentials.origin = AwsCredentials::Origin::LongTerm;
    } else if (shape == "no expiry"_L1) {
        credentials.expiration = QDateTime();
    } else {
        credentials.expiration = kStart.addSecs(-1);
    }
    const Result<void> stored = store(*cache, finalKey(), credentials);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, Error::Kind::Config);
    QVERIFY(m_store->entries.isEmpty());
    QVERIFY(!QFile::exists(indexPath()));
}

void Tst_SessionCache::keychainEntryGoneIsAMiss()
{
    auto cache = makeCache();
    const CacheKey key = finalKey();
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    m_store->entries.clear(); // the user deleted it in the keyring manager
    auto found = lookup(*cache, key);
    QVERIFY(found.ok());
    QVERIFY(!found.value());
    QVERIFY(cache->sessions().isEmpty()); // and the index forgets it too

    // A damaged entry is dropped the same way.
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    m_store->entries.insert(SessionCache::secretKeyFor(key.id()), SecureBytes(QByteArrayView("garbage")));
    found = lookup(*cache, key);
    QVERIFY(found.ok());
    QVERIFY(!found.value());
    QTRY_VERIFY_WITH_TIMEOUT(m_store->entries.isEmpty(), kWaitMs);
}

void Tst_SessionCache::keychainErrorsAreReported()
{
    auto cache = makeCache();
    const CacheKey key = finalKey();
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    m_store->failing = true;
    auto found = lookup(*cache, key);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().kind, Error::Kind::Keychain);
    const Result<void> stored = store(*cache, key, sessionCredentials(kStart.addSecs(3600)));
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, Error::Kind::Keychain);
    QCOMPARE(cache->sessions().size(), 1);
}

void Tst_SessionCache::silentKeychainIsBounded()
{
    auto cache = makeCache();
    cache->setTimeoutMs(50);
    const CacheKey key = finalKey();
    QVERIFY(store(*cache, key, sessionCredentials(kStart.addSecs(3600))).ok());
    m_store->silent = true;
    auto found = lookup(*cache, key);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().kind, Error::Kind::Keychain);
    const Result<void> stored = store(*cache, key, sessionCredentials(kStart.addSecs(3600)));
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, Error::Kind::Keychain);
    QVERIFY(stored.error().message.contains(u"did not answer"_s));
}

void Tst_SessionCache::claimsGiveSingleFlight()
{
    auto cache = makeCache();
    const CacheKey key = finalKey();
    QVERIFY(!cache->isClaimed(key));
    QVERIFY(cache->claim(key));
    QVERIFY(cache->isClaimed(key));
    QVERIFY(!cache->claim(key));
    int woken = 0;
    QObject context;
    cache->whenReleased(key, &context, [&woken] { ++woken; });
    cache->whenReleased(key, &context, [&woken] { ++woken; });
    QTest::qWait(20);
    QCOMPARE(woken, 0);
    cache->release(key);
    QCOMPARE(woken, 0); // on a later turn
    QTRY_COMPARE_WITH_TIMEOUT(woken, 2, kWaitMs);
    QVERIFY(!cache->isClaimed(key));
    cache->whenReleased(key, &context, [&woken] { ++woken; }); // not claimed: at once (later turn)
    QTRY_COMPARE_WITH_TIMEOUT(woken, 3, kWaitMs);

    // A holder that never releases is outwaited.
    cache->setClaimWaitMs(50);
    QVERIFY(cache->claim(key));
    cache->whenReleased(key, &context, [&woken] { ++woken; });
    QTRY_COMPARE_WITH_TIMEOUT(woken, 4, kWaitMs);
    cache->release(key);
    QTest::qWait(20);
    QCOMPARE(woken, 4); // exactly once
}

QTEST_GUILESS_MAIN(Tst_SessionCache)
#include "tst_sessioncache.moc"
