// SPDX-License-Identifier: Apache-2.0
// Long-term keys per profile (KeyStore) over the in-memory SecretStore: entries, the names-only index file,
// locked-keyring and half-written cases; the memory store's own contract; recognising Rolecall's own
// credential_process line; and a profile with that line running through CredentialFlow as KeychainKeys.
#include "config/inidocument.h"
#include "config/sharedconfig.h"
#include "credentials/credentialflow.h"
#include "profiles/keychaincommand.h"
#include "profiles/profile.h"
#include "secrets/keystore.h"
#include "secrets/memorysecretstore.h"
#include "util/clock.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Profiles::Step;
using Rolecall::Core::Secrets::KeyStore;
using Rolecall::Core::Secrets::MemorySecretStore;

namespace {

constexpr int kWaitMs = 5000;
const auto kKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
const QByteArray kToken = "FwoGZXIvYXdzEXAMPLE-session-token-for-tests";

/// Waits (bounded) for one asynchronous answer; std::nullopt when none came.
template<typename R, typename Start>
std::optional<R> answer(Start start)
{
    std::optional<R> out;
    QObject context;
    start(&context, [&out](R result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
    return out;
}

Result<void> add(KeyStore &store, const QString &profile, const QString &keyId, const QByteArray &secret,
    const QByteArray &token = {})
{
    return answer<Result<void>>([&](QObject *context, KeyStore::Done done) {
        store.add(profile, keyId, SecureBytes(secret), SecureBytes(token), context, done);
    }).value_or(Error::timeout(5, u"add"_s));
}

Result<std::optional<AwsCredentials>> get(KeyStore &store, const QString &profile)
{
    return answer<Result<std::optional<AwsCredentials>>>([&](QObject *context, KeyStore::GetDone done) {
        store.get(profile, context, done);
    }).value_or(Error::timeout(5, u"get"_s));
}

Result<void> remove(KeyStore &store, const QString &profile)
{
    return answer<Result<void>>([&](QObject *context, KeyStore::Done done) {
        store.remove(profile, context, done);
    }).value_or(Error::timeout(5, u"remove"_s));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Error lockedError()
{
    return Error::keychain(u"Could not store the entry: the keyring is locked. Unlock it and try again."_s);
}

} // namespace

class Tst_KeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // MemorySecretStore
    void memoryStoreAnswersLaterAndOnlyWhileTheContextLives();
    void memoryStoreFailsTheNextCallOnRequest();

    // KeyStore
    void addGetListRemove();
    void addReplacesKeysAndDropsAnOldSessionToken();
    void sessionTokenRoundTrips();
    void missingProfileIsNotAnError();
    void indexFileHoldsNamesOnlyAndIsPrivate();
    void damagedIndexIsAConfigError();
    void failedAddLeavesTheIndexAlone();
    void keysDeletedBehindOurBackAreAnError();
    void lockedKeyringSurfacesOnGet();
    void lockedKeyringRefusesRemove();
    void halfAKeyPairIsAnError();

    // Rolecall's own credential_process line
    void keychainCommandRecognised_data();
    void keychainCommandRecognised();
    void keychainCommandRoundTrips_data();
    void keychainCommandRoundTrips();
    void resolverMakesKeychainKeysStep();

    // CredentialFlow
    void flowReadsKeychainKeys();
    void flowWithoutKeyStoreSaysSo();
    void flowWithMissingKeysSaysWhatToDo();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<KeyStore> m_keys;
    QString m_indexPath;
};

void Tst_KeyStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void Tst_KeyStore::init()
{
    m_keys.reset();
    m_secrets = std::make_unique<MemorySecretStore>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_indexPath = m_dir->filePath(u"data/Rolecall/keychain-profiles.json"_s);
    m_keys = std::make_unique<KeyStore>(m_secrets.get(), m_indexPath);
}

void Tst_KeyStore::memoryStoreAnswersLaterAndOnlyWhileTheContextLives()
{
    QObject context;
    bool answered = false;
    m_secrets->write(
        u"k"_s, SecureBytes(QByteArrayView("v")), &context, [&answered](Result<void>) { answered = true; });
    QVERIFY2(!answered, "answered from inside the call");
    QTRY_VERIFY_WITH_TIMEOUT(answered, kWaitMs);

    auto gone = std::make_unique<QObject>();
    bool late = false;
    m_secrets->read(u"k"_s, gone.get(), [&late](Result<std::optional<SecureBytes>>) { late = true; });
    gone.reset();
    QTest::qWait(50);
    QVERIFY2(!late, "answered after the context was destroyed");

    const auto missing = answer<Result<std::optional<SecureBytes>>>(
        [&](QObject *c, auto done) { m_secrets->read(u"missing"_s, c, done); });
    QVERIFY(missing && missing->ok());
    QVERIFY(!missing->value());
    const auto removed = answer<Result<void>>([&](QObject *c, auto done) { m_secrets->remove(u"missing"_s, c, done); });
    QVERIFY(removed && removed->ok());
    QVERIFY(!m_secrets->isPersistent());
}

void Tst_KeyStore::memoryStoreFailsTheNextCallOnRequest()
{
    m_secrets->failNextCall(lockedError());
    const auto failed = answer<Result<void>>(
        [&](QObject *c, auto done) { m_secrets->write(u"k"_s, SecureBytes(QByteArrayView("v")), c, done); });
    QVERIFY(failed && !failed->ok());
    QCOMPARE(failed->error().kind, Error::Kind::Keychain);
    QVERIFY(m_secrets->keys().isEmpty());
    // Only once.
    const auto next = answer<Result<void>>(
        [&](QObject *c, auto done) { m_secrets->write(u"k"_s, SecureBytes(QByteArrayView("v")), c, done); });
    QVERIFY(next && next->ok());
    QCOMPARE(m_secrets->keys(), QStringList {u"k"_s});
}

void Tst_KeyStore::addGetListRemove()
{
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret).ok());
    QVERIFY(
        add(*m_keys, u"prod account"_s, u"AKIAI44QH8DHBEXAMPLE"_s, "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY").ok());
    QCOMPARE(m_secrets->keys(),
        QStringList({u"profile/dev/aws_access_key_id"_s, u"profile/dev/aws_secret_access_key"_s,
            u"profile/prod account/aws_access_key_id"_s, u"profile/prod account/aws_secret_access_key"_s}));
    QCOMPARE(m_keys->list().value(), QStringList({u"dev"_s, u"prod account"_s}));

    const auto got = get(*m_keys, u"dev"_s);
    QVERIFY2(got.ok(), qPrintable(got.ok() ? QString() : got.error().message));
    QVERIFY(got.value());
    QCOMPARE(got.value()->accessKeyId, QString(kKeyId));
    QVERIFY(got.value()->secretAccessKey == SecureBytes(kSecret));
    QVERIFY(got.value()->sessionToken.isEmpty());
    QCOMPARE(got.value()->origin, AwsCredentials::Origin::LongTerm);

    QVERIFY(remove(*m_keys, u"dev"_s).ok());
    QCOMPARE(m_keys->list().value(), QStringList {u"prod account"_s});
    QCOMPARE(m_secrets->keys(),
        QStringList({u"profile/prod account/aws_access_key_id"_s, u"profile/prod account/aws_secret_access_key"_s}));
    const auto after = get(*m_keys, u"dev"_s);
    QVERIFY(after.ok());
    QVERIFY(!after.value());
    // Removing what is not there is fine.
    QVERIFY(remove(*m_keys, u"never-added"_s).ok());
}

void Tst_KeyStore::addReplacesKeysAndDropsAnOldSessionToken()
{
    QVERIFY(add(*m_keys, u"dev"_s, u"ASIAIOSFODNN7EXAMPLE"_s, kSecret, kToken).ok());
    QVERIFY(m_secrets->keys().contains(u"profile/dev/aws_session_token"_s));
    QVERIFY(add(*m_keys, u"dev"_s, u"AKIAI44QH8DHBEXAMPLE"_s, "second-secret").ok());
    QVERIFY(!m_secrets->keys().contains(u"profile/dev/aws_session_token"_s));
    const auto got = get(*m_keys, u"dev"_s);
    QVERIFY(got.ok() && got.value());
    QCOMPARE(got.value()->accessKeyId, u"AKIAI44QH8DHBEXAMPLE"_s);
    QVERIFY(got.value()->secretAccessKey == SecureBytes(QByteArrayView("second-secret")));
    QVERIFY(!got.value()->isTemporary());
    QCOMPARE(m_keys->list().value(), QStringList {u"dev"_s});
}

void Tst_KeyStore::sessionTokenRoundTrips()
{
    QVERIFY(add(*m_keys, u"temp"_s, u"ASIAIOSFODNN7EXAMPLE"_s, kSecret, kToken).ok());
    const auto got = get(*m_keys, u"temp"_s);
    QVERIFY(got.ok() && got.value());
    QVERIFY(got.value()->sessionToken == SecureBytes(kToken));
    QCOMPARE(got.value()->origin, AwsCredentials::Origin::Unknown);
}

void Tst_KeyStore::missingProfileIsNotAnError()
{
    const auto got = get(*m_keys, u"nobody"_s);
    QVERIFY(got.ok());
    QVERIFY(!got.value());
    QCOMPARE(m_keys->list().value(), QStringList());
    QVERIFY2(!QFile::exists(m_indexPath), "a read created the index");
}

void Tst_KeyStore::indexFileHoldsNamesOnlyAndIsPrivate()
{
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret, kToken).ok());
    const QByteArray index = readAll(m_indexPath);
    QVERIFY(index.contains("\"dev\""));
    QVERIFY2(!index.contains(kSecret), "the secret access key is in the index file");
    QVERIFY2(!index.contains(kSecret.left(12)), "part of the secret access key is in the index file");
    QVERIFY2(!index.contains(kToken.left(12)), "the session token is in the index file");
    QVERIFY2(!index.contains(QByteArray(kKeyId.data(), kKeyId.size())), "the access key ID is in the index file");
    QCOMPARE(QFileInfo(m_indexPath).permissions() & 0x7777,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(QFileInfo(QFileInfo(m_indexPath).absolutePath()).permissions() & 0x7777,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
            | QFileDevice::WriteUser | QFileDevice::ExeUser);
    // No stray temporary files next to it (QSaveFile renamed its file over the index).
    QCOMPARE(QDir(QFileInfo(m_indexPath).absolutePath()).entryList(QDir::Files | QDir::Hidden),
        QStringList {u"keychain-profiles.json"_s});
}

void Tst_KeyStore::damagedIndexIsAConfigError()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_indexPath).absolutePath()));
    QFile file(m_indexPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    const auto names = m_keys->list();
    QVERIFY(!names.ok());
    QCOMPARE(names.error().kind, Error::Kind::Config);
    QVERIFY2(names.error().message.contains(m_indexPath), qPrintable(names.error().message));
    // add still stores the keys, then reports that the index could not be updated.
    const auto added = add(*m_keys, u"dev"_s, kKeyId, kSecret);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().kind, Error::Kind::Config);
}

void Tst_KeyStore::failedAddLeavesTheIndexAlone()
{
    m_secrets->failNextCall(lockedError(), u"profile/dev/aws_secret_access_key"_s);
    const auto added = add(*m_keys, u"dev"_s, kKeyId, kSecret);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().kind, Error::Kind::Keychain);
    QCOMPARE(m_keys->list().value(), QStringList());
    QVERIFY(!m_secrets->keys().contains(u"profile/dev/aws_secret_access_key"_s));
}

void Tst_KeyStore::keysDeletedBehindOurBackAreAnError()
{
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret).ok());
    for (const QString &key : m_secrets->keys()) {
        (void)answer<Result<void>>([&](QObject *c, auto done) { m_secrets->remove(key, c, done); });
    }
    const auto got = get(*m_keys, u"dev"_s);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().kind, Error::Kind::Keychain);
    QVERIFY2(got.error().message.contains(u"keychain add --profile dev"_s), qPrintable(got.error().message));
}

void Tst_KeyStore::lockedKeyringSurfacesOnGet()
{
    // A locked collection reads as "not found" with libsecret; the index says the keys exist, so KeyStore
    // checks with a write, which reports the lock.
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret).ok());
    for (const QString &key : m_secrets->keys()) {
        (void)answer<Result<void>>([&](QObject *c, auto done) { m_secrets->remove(key, c, done); });
    }
    m_secrets->failNextCall(lockedError(), u"probe/"_s);
    const auto got = get(*m_keys, u"dev"_s);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().kind, Error::Kind::Keychain);
    QVERIFY2(got.error().message.contains(u"Unlock it"_s), qPrintable(got.error().message));
}

void Tst_KeyStore::lockedKeyringRefusesRemove()
{
    // A locked collection reports deletes as done without deleting: remove() proves it can write first.
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret).ok());
    m_secrets->failNextCall(lockedError(), u"probe/"_s);
    const auto removed = remove(*m_keys, u"dev"_s);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind, Error::Kind::Keychain);
    QCOMPARE(m_keys->list().value(), QStringList {u"dev"_s});
    QCOMPARE(m_secrets->keys().size(), 2);
}

void Tst_KeyStore::halfAKeyPairIsAnError()
{
    (void)answer<Result<void>>([&](QObject *c, auto done) {
        m_secrets->write(
            KeyStore::entryKey(u"dev"_s, u"aws_access_key_id"), SecureBytes(QByteArrayView("AKIA")), c, done);
    });
    const auto got = get(*m_keys, u"dev"_s);
    QVERIFY(!got.ok());
    QCOMPARE(got.error().kind, Error::Kind::Keychain);
    QVERIFY2(got.error().message.contains(u"part of the keys"_s), qPrintable(got.error().message));
}

void Tst_KeyStore::keychainCommandRecognised_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("profile"); // empty: not Rolecall's keychain line

    QTest::addRow("plain") << u"rolecall-cli credential-process --profile dev"_s << u"dev"_s;
    QTest::addRow("absolute path") << u"/usr/local/bin/rolecall-cli credential-process --profile dev"_s << u"dev"_s;
    QTest::addRow("relative path") << u"./build/app/rolecall-cli credential-process --profile dev"_s << u"dev"_s;
    QTest::addRow("extra spaces and tabs")
        << u"  rolecall-cli \t credential-process   --profile    dev  "_s << u"dev"_s;
    QTest::addRow("double-quoted program")
        << u"\"/opt/my tools/rolecall-cli\" credential-process --profile dev"_s << u"dev"_s;
    QTest::addRow("single-quoted name") << u"rolecall-cli credential-process --profile 'my profile'"_s
                                        << u"my profile"_s;
    QTest::addRow("shlex-quoted quote") << u"rolecall-cli credential-process --profile 'it'\"'\"'s'"_s << u"it's"_s;
    QTest::addRow("--profile=") << u"rolecall-cli credential-process --profile=dev"_s << u"dev"_s;
    QTest::addRow("option first") << u"rolecall-cli --profile dev credential-process"_s << u"dev"_s;
    QTest::addRow("windows exe") << u"C:\\\\Tools\\\\rolecall-cli.exe credential-process --profile dev"_s << u"dev"_s;
    QTest::addRow("another program") << u"aws-vault export --format=json dev"_s << QString();
    QTest::addRow("similar name") << u"/usr/bin/rolecall-cli2 credential-process --profile dev"_s << QString();
    QTest::addRow("another command") << u"rolecall-cli assume --profile dev --format process"_s << QString();
    QTest::addRow("extra option") << u"rolecall-cli credential-process --profile dev --region eu-west-1"_s << QString();
    QTest::addRow("no profile") << u"rolecall-cli credential-process"_s << QString();
    QTest::addRow("empty profile") << u"rolecall-cli credential-process --profile ''"_s << QString();
    QTest::addRow("unbalanced quote") << u"rolecall-cli credential-process --profile 'dev"_s << QString();
}

void Tst_KeyStore::keychainCommandRecognised()
{
    QFETCH(QString, command);
    QFETCH(QString, profile);
    QCOMPARE(Profiles::keychainProfileOf(command).value_or(QString()), profile);
}

void Tst_KeyStore::keychainCommandRoundTrips_data()
{
    QTest::addColumn<QString>("profile");
    for (const QString &name : {u"dev"_s, u"my profile"_s, u"it's"_s, u"a\"b"_s, u"x$y"_s, u"ünïcode"_s, u"--x"_s})
        QTest::addRow("%s", qPrintable(name)) << name;
}

void Tst_KeyStore::keychainCommandRoundTrips()
{
    QFETCH(QString, profile);
    const QString line = Profiles::keychainCredentialProcess(profile);
    QCOMPARE(Profiles::keychainProfileOf(line).value_or(QString()), profile);
}

void Tst_KeyStore::resolverMakesKeychainKeysStep()
{
    const QByteArray config = "[profile user]\n"
                              "credential_process = rolecall-cli credential-process --profile user\n"
                              "mfa_serial = arn:aws:iam::123456789012:mfa/user\n\n"
                              "[profile admin]\n"
                              "role_arn = arn:aws:iam::123456789012:role/Admin\n"
                              "source_profile = user\n\n"
                              "[profile tool]\n"
                              "credential_process = /usr/bin/aws-vault export --format=json tool\n";
    const QByteArray credentials
        = "[imported]\ncredential_process = rolecall-cli credential-process --profile imported\n";
    const Config::SharedConfig shared = Config::SharedConfig::fromDocuments(
        Config::IniDocument::parse(config, u"config"_s), Config::IniDocument::parse(credentials, u"credentials"_s));
    const Profiles::ProfileResolver resolver(shared);

    const Profiles::ResolvedProfile user = resolver.resolve(u"user"_s);
    QVERIFY2(user.errors.isEmpty(), qPrintable(user.errors.join(u' ')));
    QCOMPARE(user.kind, Profiles::Kind::Static);
    QCOMPARE(user.steps.size(), 2); // keys, then the MFA session as for static keys
    QCOMPARE(user.steps.at(0).type, Step::Type::KeychainKeys);
    QCOMPARE(user.steps.at(0).typeName(), u"keychain_keys"_s);
    QCOMPARE(user.steps.at(0).keychainProfile, u"user"_s);
    QCOMPARE(user.steps.at(1).type, Step::Type::SessionToken);

    const Profiles::ResolvedProfile admin = resolver.resolve(u"admin"_s);
    QVERIFY2(admin.errors.isEmpty(), qPrintable(admin.errors.join(u' ')));
    QCOMPARE(admin.steps.size(), 3);
    QCOMPARE(admin.steps.at(0).type, Step::Type::KeychainKeys);
    QCOMPARE(admin.steps.at(1).type, Step::Type::SessionToken);
    QCOMPARE(admin.steps.at(2).type, Step::Type::AssumeRole);

    const Profiles::ResolvedProfile imported = resolver.resolve(u"imported"_s);
    QCOMPARE(imported.kind, Profiles::Kind::Static);
    QCOMPARE(imported.steps.size(), 1);
    QCOMPARE(imported.steps.at(0).type, Step::Type::KeychainKeys);

    const Profiles::ResolvedProfile tool = resolver.resolve(u"tool"_s);
    QCOMPARE(tool.kind, Profiles::Kind::Process);
    QCOMPARE(tool.steps.at(0).type, Step::Type::Process);
}

namespace {

Profiles::ResolvedProfile keychainProfile(const QString &name)
{
    const QByteArray config = "[profile " + name.toUtf8()
        + "]\ncredential_process = " + Profiles::keychainCredentialProcess(name).toUtf8() + "\n";
    const Config::SharedConfig shared = Config::SharedConfig::fromDocuments(
        Config::IniDocument::parse(config, u"config"_s), Config::IniDocument::parse({}, u"credentials"_s));
    return Profiles::ProfileResolver(shared).resolve(name);
}

Result<AwsCredentials> runFlow(const Profiles::ResolvedProfile &profile, KeyStore *keys)
{
    QNetworkAccessManager network;
    SystemClock clock;
    CredentialServices services;
    services.network = &network;
    services.clock = &clock;
    services.keyStore = keys;
    auto *flow = new CredentialFlow(profile, services);
    QSignalSpy finished(flow, &CredentialFlow::finished);
    if (!finished.wait(kWaitMs))
        return Error::timeout(kWaitMs / 1000, u"flow"_s);
    return finished.first().first().value<Result<AwsCredentials>>();
}

} // namespace

void Tst_KeyStore::flowReadsKeychainKeys()
{
    QVERIFY(add(*m_keys, u"dev"_s, kKeyId, kSecret).ok());
    const auto result = runFlow(keychainProfile(u"dev"_s), m_keys.get());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->accessKeyId, QString(kKeyId));
    QVERIFY(result->secretAccessKey == SecureBytes(kSecret));
    QCOMPARE(result->origin, AwsCredentials::Origin::LongTerm);
}

void Tst_KeyStore::flowWithoutKeyStoreSaysSo()
{
    const auto result = runFlow(keychainProfile(u"dev"_s), nullptr);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"no keychain is available"_s), qPrintable(result.error().message));
}

void Tst_KeyStore::flowWithMissingKeysSaysWhatToDo()
{
    const auto result = runFlow(keychainProfile(u"dev"_s), m_keys.get());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"keychain add --profile dev"_s), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(Tst_KeyStore)
#include "tst_keystore.moc"
