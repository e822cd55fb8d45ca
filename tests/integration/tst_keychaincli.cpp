// SPDX-License-Identifier: Apache-2.0
// `rolecall-cli keychain add|import|remove|list` end to end: the built CLI as a child process, the real Secret
// Service of the CI keyring session (a service name of its own per run: ROLECALL_KEYCHAIN_SERVICE), a temporary
// HOME and XDG directories per test, and moto with SigV4 checks enforced, so keys that went through the keychain
// are proven to sign. Afterwards the AWS CLI (and botocore directly) reads the same profile through the
// credential_process line the import left behind.
#include "clirunner.h"
#include "motoserver.h"
#include "testenv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Rolecall::Test::CliRun;
using Rolecall::Test::MotoServer;

namespace {

constexpr int kRunTimeoutMs = 60000;
const auto kExampleKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;

#define VERIFY_RUN(run, code)                                                                                          \
    do {                                                                                                               \
        QVERIFY2((run).finished && !(run).crashed && (run).exitCode == (code), qPrintable((run).describe()));          \
    } while (false)

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.setPermissions(permissions);
}

constexpr QFileDevice::Permissions kPrivate = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class Tst_KeychainCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void usageErrors_data();
    void usageErrors();
    void memoryStoreWarnsThatNothingPersists();

    void addReadsKeysFromStdinAndPointsTheConfigAtThem();
    void addTakesTheKeyIdFromTheOption();
    void addRefusesMissingOrBadInput_data();
    void addRefusesMissingOrBadInput();
    void importWithoutReplaceChangesNoFile();
    void importReplaceEditsOnlyThatSection();
    void importAllTakesEveryProfileWithKeys();
    void importWithoutKeysIsAConfigError();
    void removeLeavesFilesAndNamesDanglingLines();
    void awsCliUsesTheKeychainThroughCredentialProcess();

private:
    bool requireKeyring();
    bool requireMoto();
    CliRun run(const QStringList &arguments, const QByteArray &input = {}, const QStringList &envEdits = {});
    QString path(const QString &relative) const { return QDir(m_home->path()).filePath(relative); }
    QString secretToolLookup(const QString &key);
    /// Imports the moto admin's keys as profile @p profile with --replace, leaving a config file with a region.
    void importAdminKeys(const QString &profile);
    /// No file under HOME (config, credentials, index, anything) holds @p secret.
    void verifyNoFileHolds(const QString &secret);

    MotoServer m_moto;
    QString m_motoError;
    QString m_keyringProblem;
    QString m_service;
    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    QStringList m_problems;
    QStringList m_secrets;
    QStringList m_profilesToRemove;
};

void Tst_KeychainCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_service = u"io.github.rolecall.Rolecall.tests.keychaincli-%1-%2"_s.arg(QCoreApplication::applicationPid())
                    .arg(QDateTime::currentMSecsSinceEpoch());
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        m_keyringProblem = u"no D-Bus session: run the tests through .ci/test.sh for a keyring"_s;
    m_motoError = m_moto.start(MotoServer::Auth::Enforced);
    m_secrets = {kExampleSecret};
    if (m_motoError.isEmpty())
        m_secrets.append(m_moto.admin().secretAccessKey);
}

void Tst_KeychainCli::cleanupTestCase()
{
    m_moto.stop();
}

void Tst_KeychainCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_env = Rolecall::Test::cleanEnvironment(m_home->path());
    m_env.insert(u"XDG_DATA_HOME"_s, path(u".local/share"_s));
    m_env.insert(u"XDG_CONFIG_HOME"_s, path(u".config"_s));
    m_env.insert(u"XDG_CACHE_HOME"_s, path(u".cache"_s));
    m_env.insert(u"ROLECALL_KEYCHAIN_SERVICE"_s, m_service);
    m_env.remove(u"ROLECALL_SECRET_STORE"_s);
    QVERIFY(QDir().mkpath(path(u".aws"_s)));
    m_profilesToRemove.clear();
}

void Tst_KeychainCli::cleanup()
{
    // Leave nothing in the keyring.
    for (const QString &profile : std::as_const(m_profilesToRemove))
        (void)run({u"keychain"_s, u"remove"_s, u"--profile"_s, profile});
    const QStringList problems = std::exchange(m_problems, {});
    m_home.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

bool Tst_KeychainCli::requireKeyring()
{
    if (!m_keyringProblem.isEmpty())
        qInfo("%s", qPrintable(m_keyringProblem));
    return m_keyringProblem.isEmpty();
}

bool Tst_KeychainCli::requireMoto()
{
    if (!m_motoError.isEmpty())
        qInfo("moto: %s", qPrintable(m_motoError));
    return m_motoError.isEmpty();
}

#define REQUIRE_KEYRING()                                                                                              \
    do {                                                                                                               \
        if (!requireKeyring())                                                                                         \
            ROLECALL_REQUIRE_OR_SKIP("no usable Secret Service session");                                              \
    } while (false)

#define REQUIRE_MOTO()                                                                                                 \
    do {                                                                                                               \
        if (!requireMoto())                                                                                            \
            ROLECALL_REQUIRE_OR_SKIP("moto is not available (pip install 'moto[server]')");                            \
    } while (false)

CliRun Tst_KeychainCli::run(const QStringList &arguments, const QByteArray &input, const QStringList &envEdits)
{
    QProcessEnvironment env = m_env;
    Rolecall::Test::applyEnvironmentEdits(env, envEdits);
    CliRun result = Rolecall::Test::runCli(QStringLiteral(ROLECALL_CLI_PATH), arguments, env, m_home->path(), input,
        kRunTimeoutMs, &m_problems, &m_secrets);
    for (const QString &secret : std::as_const(m_secrets)) {
        if (arguments.value(0) == "keychain"_L1 && result.out.contains(secret.toUtf8()))
            m_problems.append(u"a secret (%1…) is on stdout of keychain %2"_s.arg(secret.left(4), arguments.value(1)));
    }
    return result;
}

QString Tst_KeychainCli::secretToolLookup(const QString &key)
{
    QProcess lookup;
    lookup.start(u"secret-tool"_s, {u"lookup"_s, u"user"_s, key, u"server"_s, m_service});
    if (!lookup.waitForStarted(5000))
        return u"(secret-tool missing)"_s;
    // Blocking is fine here: secret-tool talks to the keyring daemon, not to anything in this process.
    if (!lookup.waitForFinished(15000)) {
        lookup.kill();
        lookup.waitForFinished(5000);
        return u"(secret-tool timed out)"_s;
    }
    return QString::fromUtf8(QByteArray::fromBase64(lookup.readAllStandardOutput()));
}

void Tst_KeychainCli::verifyNoFileHolds(const QString &secret)
{
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QVERIFY2(!readAll(file).contains(secret.toUtf8()), qPrintable(u"%1 holds the secret"_s.arg(file)));
    }
}

void Tst_KeychainCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("no action") << QStringList {u"keychain"_s} << 2;
    QTest::addRow("unknown action") << QStringList {u"keychain"_s, u"frobnicate"_s} << 2;
    QTest::addRow("add without --profile") << QStringList {u"keychain"_s, u"add"_s} << 2;
    QTest::addRow("remove without --profile") << QStringList {u"keychain"_s, u"remove"_s} << 2;
    QTest::addRow("import without --profile") << QStringList {u"keychain"_s, u"import"_s} << 2;
    QTest::addRow("import --all and --profile")
        << QStringList {u"keychain"_s, u"import"_s, u"--all"_s, u"--profile"_s, u"dev"_s} << 2;
    QTest::addRow("secret as a flag is no option")
        << QStringList {u"keychain"_s, u"add"_s, u"--profile"_s, u"dev"_s, u"--secret-access-key"_s, u"x"_s} << 2;
}

void Tst_KeychainCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun r = run(arguments);
    VERIFY_RUN(r, exitCode);
    QVERIFY2(r.err.contains("rolecall-cli keychain --help"), r.err.constData());
}

void Tst_KeychainCli::memoryStoreWarnsThatNothingPersists()
{
    const CliRun r = run({u"keychain"_s, u"list"_s}, {}, {u"ROLECALL_SECRET_STORE=memory"_s});
    VERIFY_RUN(r, 0);
    QVERIFY2(r.err.contains("nothing persists"), r.err.constData());
    QCOMPARE(r.out, QByteArray());
}

void Tst_KeychainCli::addReadsKeysFromStdinAndPointsTheConfigAtThem()
{
    REQUIRE_KEYRING();
    m_profilesToRemove.append(u"dev"_s);
    const QByteArray config = "# mine\n[profile dev]\nregion = eu-central-1\n\n[profile other]\nregion = us-east-1\n";
    QVERIFY(writeAll(path(u".aws/config"_s), config, kPrivate));
    const CliRun added = run({u"keychain"_s, u"add"_s, u"--profile"_s, u"dev"_s},
        QByteArray(kExampleKeyId.data(), kExampleKeyId.size()) + "\n"
            + QByteArray(kExampleSecret.data(), kExampleSecret.size()) + "\n");
    VERIFY_RUN(added, 0);
    QVERIFY2(added.out.contains("Stored the keys of dev"), added.out.constData());
    QVERIFY2(added.out.contains("credential_process"), added.out.constData());

    // In the Secret Service under our service name, nowhere else.
    QCOMPARE(secretToolLookup(u"profile/dev/aws_secret_access_key"_s), QString(kExampleSecret));
    QCOMPARE(secretToolLookup(u"profile/dev/aws_access_key_id"_s), QString(kExampleKeyId));
    verifyNoFileHolds(kExampleSecret);

    // The config file got the line in [profile dev], every other byte as it was.
    QCOMPARE(readAll(path(u".aws/config"_s)),
        QByteArray("# mine\n[profile dev]\nregion = eu-central-1\n"
                   "credential_process = rolecall-cli credential-process --profile dev\n\n"
                   "[profile other]\nregion = us-east-1\n"));
    QCOMPARE(QFileInfo(path(u".aws/config"_s)).permissions() & 0x7700,
        kPrivate | QFileDevice::ReadUser | QFileDevice::WriteUser);

    const CliRun list = run({u"keychain"_s, u"list"_s});
    VERIFY_RUN(list, 0);
    QCOMPARE(list.out, QByteArray("dev\n"));
    const CliRun json = run({u"keychain"_s, u"list"_s, u"--json"_s});
    VERIFY_RUN(json, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out).array(), QJsonArray {u"dev"_s});

    // The profile now resolves to the keychain step.
    const CliRun profiles = run({u"profiles"_s, u"--json"_s});
    VERIFY_RUN(profiles, 0);
    const QJsonArray all = QJsonDocument::fromJson(profiles.out).array();
    QCOMPARE(all.at(0).toObject().value(u"steps"_s).toArray(), QJsonArray {u"keychain_keys"_s});
    QCOMPARE(all.at(0).toObject().value(u"kind"_s).toString(), u"static"_s);

    // Adding again is idempotent for the config file.
    const CliRun again = run({u"keychain"_s, u"add"_s, u"--profile"_s, u"dev"_s, u"--access-key-id"_s, kExampleKeyId},
        QByteArray(kExampleSecret.data(), kExampleSecret.size()) + "\n");
    VERIFY_RUN(again, 0);
    QVERIFY2(again.out.contains("already has credential_process"), again.out.constData());
    QCOMPARE(readAll(path(u".aws/config"_s)).count("credential_process"), 1);
}

void Tst_KeychainCli::addTakesTheKeyIdFromTheOption()
{
    REQUIRE_KEYRING();
    m_profilesToRemove.append(u"opt"_s);
    const CliRun added = run({u"keychain"_s, u"add"_s, u"--profile"_s, u"opt"_s, u"--access-key-id"_s,
                                 u"AKIAI44QH8DHBEXAMPLE"_s, u"--no-config"_s, u"--json"_s},
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n");
    VERIFY_RUN(added, 0);
    const QJsonObject json = QJsonDocument::fromJson(added.out).object();
    QCOMPARE(json.value(u"profile"_s).toString(), u"opt"_s);
    QCOMPARE(json.value(u"access_key_id"_s).toString(), u"****************MPLE"_s);
    QCOMPARE(json.value(u"changes"_s).toArray(), QJsonArray());
    QCOMPARE(secretToolLookup(u"profile/opt/aws_secret_access_key"_s), u"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_s);
    QVERIFY2(!QFile::exists(path(u".aws/config"_s)), "--no-config wrote the config file");
}

void Tst_KeychainCli::addRefusesMissingOrBadInput_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("no input at all") << QStringList() << QByteArray() << 2;
    QTest::addRow("key id but no secret") << QStringList() << QByteArray("AKIAIOSFODNN7EXAMPLE\n") << 2;
    QTest::addRow("empty secret line") << QStringList {u"--access-key-id"_s, u"AKIAIOSFODNN7EXAMPLE"_s}
                                       << QByteArray("\n") << 2;
    QTest::addRow("malformed key id") << QStringList {u"--access-key-id"_s, u"not a key"_s} << QByteArray("secret\n")
                                      << 2;
    QTest::addRow("secret with spaces") << QStringList {u"--access-key-id"_s, u"AKIAIOSFODNN7EXAMPLE"_s}
                                        << QByteArray("two words\n") << 2;
}

void Tst_KeychainCli::addRefusesMissingOrBadInput()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    const CliRun r = run(QStringList {u"keychain"_s, u"add"_s, u"--profile"_s, u"bad"_s} + extra, input);
    VERIFY_RUN(r, exitCode);
    QVERIFY2(!QFile::exists(path(u".aws/config"_s)), "a refused add changed the config file");
    const CliRun list = run({u"keychain"_s, u"list"_s});
    VERIFY_RUN(list, 0);
    QCOMPARE(list.out, QByteArray());
}

void Tst_KeychainCli::importWithoutReplaceChangesNoFile()
{
    REQUIRE_KEYRING();
    m_profilesToRemove.append(u"dev"_s);
    const QByteArray credentials = "[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = "
                                   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n";
    QVERIFY(writeAll(path(u".aws/credentials"_s), credentials, kPrivate));
    const CliRun r = run({u"keychain"_s, u"import"_s, u"--profile"_s, u"dev"_s});
    VERIFY_RUN(r, 0);
    QVERIFY2(r.out.contains("--replace"), r.out.constData());
    QCOMPARE(readAll(path(u".aws/credentials"_s)), credentials);
    QVERIFY(!QFile::exists(path(u".aws/config"_s)));
    QCOMPARE(secretToolLookup(u"profile/dev/aws_secret_access_key"_s), QString(kExampleSecret));
}

void Tst_KeychainCli::importAdminKeys(const QString &profile)
{
    const QByteArray before = "# Work accounts\n"
                              "[first]\n"
                              "aws_access_key_id = AKIAI44QH8DHBEXAMPLE\n"
                              "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n"
                              "\n"
                              "; the imported one\n"
                              "["
        + profile.toUtf8() + "]\n";
    const QByteArray keys = "aws_access_key_id=" + m_moto.admin().accessKeyId.toUtf8()
        + "\n"
          "; keep this comment\n"
          "aws_secret_access_key   =   "
        + m_moto.admin().secretAccessKey.toUtf8() + "\n";
    const QByteArray after = "\n"
                             "[last]\n"
                             "aws_access_key_id = AKIAOTHEREXAMPLE0001\n"
                             "aws_secret_access_key = last-secret-EXAMPLE\n";
    QVERIFY(writeAll(path(u".aws/credentials"_s), before + keys + after, kPrivate));
    const QByteArray config = "[profile " + profile.toUtf8() + "]\nregion = us-east-1\n";
    QVERIFY(writeAll(path(u".aws/config"_s), config, kPrivate));

    m_profilesToRemove.append(profile);
    const CliRun r = run({u"keychain"_s, u"import"_s, u"--profile"_s, profile, u"--replace"_s});
    VERIFY_RUN(r, 0);
    QVERIFY2(r.out.contains("read them back"), r.out.constData());

    // The keys left the file; the line took their place; the comment inside the section and every byte before
    // and after the section stayed.
    const QByteArray expected = before + "; keep this comment\n"
        + "credential_process = rolecall-cli credential-process --profile " + profile.toUtf8() + "\n" + after;
    QCOMPARE(readAll(path(u".aws/credentials"_s)), expected);
    QCOMPARE(QFileInfo(path(u".aws/credentials"_s)).permissions() & 0x7777,
        kPrivate | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(readAll(path(u".aws/config"_s)), config); // untouched
    verifyNoFileHolds(m_moto.admin().secretAccessKey);
    QCOMPARE(secretToolLookup(u"profile/%1/aws_secret_access_key"_s.arg(profile)), m_moto.admin().secretAccessKey);
}

void Tst_KeychainCli::importReplaceEditsOnlyThatSection()
{
    REQUIRE_KEYRING();
    REQUIRE_MOTO();
    importAdminKeys(u"dev"_s);
    if (QTest::currentTestFailed())
        return;

    // whoami through the keychain: moto recomputes the signature from the secret it issued.
    const CliRun whoami = run({u"whoami"_s, u"--profile"_s, u"dev"_s, u"--endpoint-url"_s, m_moto.url().toString(),
        u"--json"_s, u"--debug"_s});
    VERIFY_RUN(whoami, 0);
    QCOMPARE(whoami.json().value(u"Arn"_s).toString(), m_moto.admin().arn);
    QVERIFY2(whoami.err.contains("keychain"), whoami.err.constData()); // --debug names the step

    const CliRun list = run({u"keychain"_s, u"list"_s});
    QCOMPARE(list.out, QByteArray("dev\n"));
}

void Tst_KeychainCli::importAllTakesEveryProfileWithKeys()
{
    REQUIRE_KEYRING();
    m_profilesToRemove << u"one"_s << u"two"_s;
    const QByteArray credentials
        = "[one]\naws_access_key_id = AKIAONEEXAMPLE000001\naws_secret_access_key = one-secret-EXAMPLE1\n"
          "\n[settings-only]\nregion = eu-west-1\n"
          "\n[two]\naws_access_key_id = AKIATWOEXAMPLE000002\naws_secret_access_key = two-secret-EXAMPLE2\n"
          "aws_session_token = two-token-EXAMPLE2\n";
    QVERIFY(writeAll(path(u".aws/credentials"_s), credentials, kPrivate));
    m_secrets << u"one-secret-EXAMPLE1"_s << u"two-secret-EXAMPLE2"_s << u"two-token-EXAMPLE2"_s;
    const CliRun r = run({u"keychain"_s, u"import"_s, u"--all"_s, u"--replace"_s, u"--json"_s});
    VERIFY_RUN(r, 0);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(u"profile"_s).toString(), u"one"_s);
    QCOMPARE(results.at(1).toObject().value(u"profile"_s).toString(), u"two"_s);
    QCOMPARE(readAll(path(u".aws/credentials"_s)),
        QByteArray("[one]\ncredential_process = rolecall-cli credential-process --profile one\n"
                   "\n[settings-only]\nregion = eu-west-1\n"
                   "\n[two]\ncredential_process = rolecall-cli credential-process --profile two\n"));
    QCOMPARE(secretToolLookup(u"profile/two/aws_session_token"_s), u"two-token-EXAMPLE2"_s);
    const CliRun list = run({u"keychain"_s, u"list"_s});
    QCOMPARE(list.out, QByteArray("one\ntwo\n"));
}

void Tst_KeychainCli::importWithoutKeysIsAConfigError()
{
    QVERIFY(writeAll(path(u".aws/credentials"_s), "[dev]\nregion = eu-west-1\n", kPrivate));
    const CliRun r = run({u"keychain"_s, u"import"_s, u"--profile"_s, u"dev"_s, u"--replace"_s});
    VERIFY_RUN(r, 3);
    QVERIFY2(r.err.contains("nothing to import"), r.err.constData());
    QCOMPARE(readAll(path(u".aws/credentials"_s)), QByteArray("[dev]\nregion = eu-west-1\n"));
}

void Tst_KeychainCli::removeLeavesFilesAndNamesDanglingLines()
{
    REQUIRE_KEYRING();
    REQUIRE_MOTO();
    importAdminKeys(u"dev"_s);
    if (QTest::currentTestFailed())
        return;
    const QByteArray credentials = readAll(path(u".aws/credentials"_s));
    const CliRun removed = run({u"keychain"_s, u"remove"_s, u"--profile"_s, u"dev"_s});
    VERIFY_RUN(removed, 0);
    QVERIFY2(removed.err.contains("credential_process of profile dev still reads these keys"), removed.err.constData());
    QVERIFY2(removed.err.contains(path(u".aws/credentials"_s).toUtf8()), removed.err.constData());
    QCOMPARE(readAll(path(u".aws/credentials"_s)), credentials);
    QCOMPARE(secretToolLookup(u"profile/dev/aws_secret_access_key"_s), QString());
    QCOMPARE(secretToolLookup(u"profile/dev/aws_access_key_id"_s), QString());
    const CliRun list = run({u"keychain"_s, u"list"_s});
    QCOMPARE(list.out, QByteArray());

    // The profile now says where its keys went, and how to get them back.
    const CliRun whoami = run({u"whoami"_s, u"--profile"_s, u"dev"_s, u"--endpoint-url"_s, m_moto.url().toString()});
    VERIFY_RUN(whoami, 3);
    QVERIFY2(whoami.err.contains("keychain add --profile dev"), whoami.err.constData());
}

void Tst_KeychainCli::awsCliUsesTheKeychainThroughCredentialProcess()
{
    REQUIRE_KEYRING();
    REQUIRE_MOTO();
    importAdminKeys(u"dev"_s);
    if (QTest::currentTestFailed())
        return;
    // The AWS CLI and botocore run `rolecall-cli credential-process --profile dev`: put rolecall-cli on PATH.
    QProcessEnvironment env = m_env;
    env.insert(u"PATH"_s, QFileInfo(QStringLiteral(ROLECALL_CLI_PATH)).absolutePath() + u':' + env.value(u"PATH"_s));

    // botocore itself (the reference): ProcessProvider reads credential_process from the merged profile, so
    // the line in the credentials file is found.
    const QString python = qEnvironmentVariable("ROLECALL_TEST_PYTHON", u"python3"_s);
    const CliRun botocore = Rolecall::Test::runCli(python,
        {u"-c"_s,
            u"import botocore.session\n"
            "c = botocore.session.Session(profile='dev').get_credentials()\n"
            "print(c.method, c.access_key)\n"_s},
        env, m_home->path(), {}, kRunTimeoutMs, &m_problems, &m_secrets);
    if (botocore.exitCode != 0 && botocore.err.contains("No module named"))
        qInfo("botocore is not importable by %s: skipped that check", qPrintable(python));
    else
        QCOMPARE(botocore.out.trimmed(), (u"custom-process "_s + m_moto.admin().accessKeyId).toUtf8());

    const QString aws = QStandardPaths::findExecutable(u"aws"_s);
    if (aws.isEmpty())
        QSKIP("the AWS CLI (aws) is not installed: pip install awscli");
    const CliRun identity = Rolecall::Test::runCli(aws,
        {u"sts"_s, u"get-caller-identity"_s, u"--profile"_s, u"dev"_s, u"--endpoint-url"_s, m_moto.url().toString(),
            u"--region"_s, u"us-east-1"_s, u"--output"_s, u"json"_s},
        env, m_home->path(), {}, kRunTimeoutMs, &m_problems, &m_secrets);
    VERIFY_RUN(identity, 0);
    QCOMPARE(identity.json().value(u"Arn"_s).toString(), m_moto.admin().arn);
}

QTEST_GUILESS_MAIN(Tst_KeychainCli)
#include "tst_keychaincli.moc"
