// SPDX-License-Identifier: Apache-2.0
// rolecall-cli as scripts run it: a child process with a controlled environment, against moto with SigV4
// and IAM checks enforced (moto recomputes every signature from the secret it issued).
#include "cli.h"
#include "clirunner.h"
#include "motoserver.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using Rolecall::Core::Error;
using Rolecall::Test::MotoServer;

using Rolecall::Test::CliRun;
using Rolecall::Test::closedLoopbackPort;

namespace {

constexpr int kRunTimeoutMs = 60000;
constexpr qint64 kExpiryToleranceSecs = 30;

const auto kExternalId = "rolecall+cli=1,2@3:4/5"_L1;
// AWS's documented example keys, for credentials moto never issued.
const auto kExampleKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall"_L1;

QString expirationProblem(const QString &text, const QDateTime &before, const QDateTime &after, int seconds)
{
    const QDateTime expiration = QDateTime::fromString(text, Qt::ISODate);
    if (!expiration.isValid())
        return u"Expiration is not ISO 8601: "_s + text;
    if (!text.endsWith(u'Z'))
        return u"Expiration is not UTC: "_s + text;
    if (expiration < before.addSecs(seconds - kExpiryToleranceSecs)
        || expiration > after.addSecs(seconds + kExpiryToleranceSecs))
        return u"Expiration %1 is not %2 s after the call"_s.arg(text).arg(seconds);
    return {};
}

} // namespace

#define REQUIRE_MOTO()                                                                                                 \
    do {                                                                                                               \
        if (!m_motoError.isEmpty()) {                                                                                  \
            qWarning("moto: %s", qPrintable(m_motoError));                                                             \
            ROLECALL_REQUIRE_OR_SKIP("moto (python3 -m moto.server) could not be started");                            \
        }                                                                                                              \
    } while (false)

#define VERIFY_RUN(run, code)                                                                                          \
    do {                                                                                                               \
        QVERIFY2((run).finished && !(run).crashed && (run).exitCode == (code), qPrintable((run).describe()));          \
    } while (false)

class Tst_cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exitCodeForEveryErrorKind_data();
    void exitCodeForEveryErrorKind();
    void versionPrintsTheVersion_data();
    void versionPrintsTheVersion();
    void helpListsEveryCommand();
    void commandHelpShowsItsOptions_data();
    void commandHelpShowsItsOptions();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void validationErrorsNameTheField_data();
    void validationErrorsNameTheField();
    void validationErrorIsJsonWithJson();
    void configErrorsExitThree_data();
    void configErrorsExitThree();

    void whoamiPrintsIdentity();
    void whoamiJsonIsParseable();
    void endpointFromFlagOrEnvironment_data();
    void endpointFromFlagOrEnvironment();
    void assumeRolePrintsAwsCliJson();
    void assumeRoleDefaultSessionNameNamesTheUser();
    void assumeRoleFormatsGiveUsableCredentials_data();
    void assumeRoleFormatsGiveUsableCredentials();
    void unknownFormatIsUsageErrorWithoutCredentials();
    void sessionTokenPrintsCredentials();
    void federationTokenPrintsFederatedUser();
    void accessKeyInfoPrintsAccount();
    void assumeRoleWithSamlReadsAssertionFile();
    void assumeRoleWithWebIdentityReadsToken_data();
    void assumeRoleWithWebIdentityReadsToken();
    void decodeMessageFailsCleanlyOnMoto_data();
    void decodeMessageFailsCleanlyOnMoto();
    void awsRefusalExitsOne_data();
    void awsRefusalExitsOne();
    void networkFailureExitsFour();
    void debugOutputHasDiagnosticsButNoSecrets();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input = {});
    /// A clean environment (Rolecall::Test::cleanEnvironment) with the moto admin's keys unless told otherwise.
    QProcessEnvironment environment(bool withCredentials = true) const;
    QProcessEnvironment environmentFor(const QString &keyId, const QString &secret, const QString &token = {}) const;
    QString writeFile(const QString &name, const QByteArray &content);
    QString substitute(QString text);
    QStringList substitute(const QStringList &list);
    void rememberSecrets(const QByteArray &output);
    /// GetCallerIdentity through the CLI with @p keyId / @p secret / @p token: the ARN, or empty.
    QString arnFor(const QString &keyId, const QString &secret, const QString &token);

    MotoServer m_moto;
    QString m_motoError;
    Rolecall::Test::MotoRole m_role;
    QString m_closedUrl;
    std::unique_ptr<QTemporaryDir> m_home;
    QStringList m_secrets; // must never appear on stderr
    QStringList m_problems; // leaks, crashes and hangs seen by run()
};

void Tst_cli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const quint16 closed = closedLoopbackPort();
    QVERIFY(closed != 0);
    m_closedUrl = u"http://127.0.0.1:%1"_s.arg(closed);
    m_secrets = {kExampleSecret};

    m_motoError = m_moto.start(MotoServer::Auth::Enforced);
    if (m_motoError.isEmpty()) {
        m_secrets.append(m_moto.admin().secretAccessKey);
        const QString trust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
              uR"("Principal":{"AWS":"%1"},"Condition":{"StringEquals":{"sts:ExternalId":"%2"}}}]})"_s.arg(
                  m_moto.admin().arn, kExternalId);
        const QString problem = m_moto.createRole(u"rolecall-cli-role"_s, trust, MotoServer::allowAllPolicy(), &m_role);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Poison this process's environment: none of it may reach the CLI (cleanEnvironment strips it). If
    // AWS_CA_BUNDLE, the endpoint or the proxy leaked, every successful run below would fail.
    const QByteArray closedUrl = m_closedUrl.toUtf8();
    qputenv("AWS_CA_BUNDLE", "/nonexistent/rolecall-test-ca.pem");
    qputenv("AWS_ENDPOINT_URL_STS", closedUrl);
    qputenv("AWS_PROFILE", "rolecall-test-missing-profile");
    qputenv("AWS_SESSION_TOKEN", "rolecall-test-poisoned-session-token");
    qputenv("HTTP_PROXY", closedUrl);
    qputenv("http_proxy", closedUrl);
    qputenv("HTTPS_PROXY", closedUrl);
    qputenv("https_proxy", closedUrl);
}

void Tst_cli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void Tst_cli::cleanup()
{
    const QStringList problems = std::exchange(m_problems, {});
    m_home.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    if (QTest::currentTestFailed() && m_moto.isRunning())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(2000)));
}

CliRun Tst_cli::run(const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input)
{
    return Rolecall::Test::runCli(QStringLiteral(ROLECALL_CLI_PATH), arguments, environment, m_home->path(), input,
        kRunTimeoutMs, &m_problems, &m_secrets);
}

void Tst_cli::rememberSecrets(const QByteArray &output)
{
    Rolecall::Test::rememberSecrets(output, &m_secrets);
}

QProcessEnvironment Tst_cli::environment(bool withCredentials) const
{
    QProcessEnvironment env = Rolecall::Test::cleanEnvironment(m_home->path());
    if (withCredentials) {
        env.insert(u"AWS_ACCESS_KEY_ID"_s,
            m_moto.admin().accessKeyId.isEmpty() ? QString(kExampleKeyId) : m_moto.admin().accessKeyId);
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s,
            m_moto.admin().secretAccessKey.isEmpty() ? QString(kExampleSecret) : m_moto.admin().secretAccessKey);
    }
    return env;
}

QProcessEnvironment Tst_cli::environmentFor(const QString &keyId, const QString &secret, const QString &token) const
{
    QProcessEnvironment env = environment(false);
    env.insert(u"AWS_ACCESS_KEY_ID"_s, keyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secret);
    if (!token.isEmpty())
        env.insert(u"AWS_SESSION_TOKEN"_s, token);
    return env;
}

QString Tst_cli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = QDir(m_home->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

QString Tst_cli::substitute(QString text)
{
    text.replace(u"%MOTO%"_s, m_moto.url().toString());
    text.replace(u"%CLOSED%"_s, m_closedUrl);
    text.replace(u"%ROLE%"_s, u"arn:aws:iam::123456789012:role/rolecall-cli-role"_s);
    if (text.contains(u"%POLICY_3000%"_s))
        text.replace(u"%POLICY_3000%"_s,
            writeFile(u"big-policy.json"_s,
                R"({"Version":"2012-10-17","Statement":[{"Sid":")" + QByteArray(3000, 'x') + R"("}]})"));
    if (text.contains(u"%ASSERTION%"_s))
        text.replace(u"%ASSERTION%"_s, writeFile(u"assertion.b64"_s, QByteArrayLiteral("PHNhbWxwOlJlc3BvbnNlLz4=")));
    return text;
}

QStringList Tst_cli::substitute(const QStringList &list)
{
    QStringList out;
    for (const QString &item : list)
        out.append(substitute(item));
    return out;
}

QString Tst_cli::arnFor(const QString &keyId, const QString &secret, const QString &token)
{
    const CliRun r = run(
        {u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--json"_s}, environmentFor(keyId, secret, token));
    if (r.exitCode != 0)
        qWarning("whoami with the returned credentials failed: %s", qPrintable(r.describe()));
    return r.json().value(u"Arn"_s).toString();
}

// ---------------------------------------------------------------------------------------- without moto

void Tst_cli::exitCodeForEveryErrorKind_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("none") << Error() << 0;
    QTest::addRow("aws") << Error::aws(403, u"AccessDenied"_s, u"no"_s, u"id"_s, u"AssumeRole"_s) << 1;
    QTest::addRow("validation") << Error::validation(u"DurationSeconds"_s, u"is wrong."_s) << 2;
    QTest::addRow("config") << Error::config(u"no credentials"_s) << 3;
    QTest::addRow("keychain") << Error::keychain(u"locked"_s) << 3;
    QTest::addRow("network") << Error::network(u"refused"_s, u"GetCallerIdentity"_s) << 4;
    QTest::addRow("timeout") << Error::timeout(15, u"GetCallerIdentity"_s) << 4;
    QTest::addRow("tls") << Error::tls(u"untrusted"_s, u"GetCallerIdentity"_s) << 4;
    QTest::addRow("http") << Error::http(502, u"GetCallerIdentity"_s) << 4;
    QTest::addRow("parse") << Error::parse(u"not XML"_s, u"GetCallerIdentity"_s) << 4;
    QTest::addRow("cancelled") << Error::cancelled(u"MFA prompt"_s) << 5;
}

void Tst_cli::exitCodeForEveryErrorKind()
{
    QFETCH(Error, error);
    QFETCH(int, exitCode);
    QCOMPARE(Rolecall::Cli::exitCodeFor(error), exitCode);
}

void Tst_cli::versionPrintsTheVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("--version") << QStringList {u"--version"_s};
    QTest::addRow("-v") << QStringList {u"-v"_s};
    QTest::addRow("after a command") << QStringList {u"whoami"_s, u"--version"_s};
}

void Tst_cli::versionPrintsTheVersion()
{
    QFETCH(QStringList, arguments);
    const CliRun r = run(arguments, environment(false));
    VERIFY_RUN(r, 0);
    QCOMPARE(r.out, QByteArray("rolecall-cli " ROLECALL_VERSION "\n"));
    QCOMPARE(r.err, QByteArray());
}

void Tst_cli::helpListsEveryCommand()
{
    const CliRun r = run({u"--help"_s}, environment(false));
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith("Usage: rolecall-cli"_L1), qPrintable(out));
    for (const char *command : {"whoami", "assume-role", "assume-role-with-saml", "assume-role-with-web-identity",
             "session-token", "federation-token", "decode-message", "access-key-info"}) {
        const QRegularExpression line(
            u"^  %1 "_s.arg(QString::fromLatin1(command)), QRegularExpression::MultilineOption);
        QVERIFY2(line.match(out).hasMatch(), command);
    }
    for (const char *option : {"--region", "--endpoint-url", "--json", "--debug", "--help", "--version"})
        QVERIFY2(out.contains(QLatin1StringView(option)), option);
    QVERIFY(out.contains("0 ok, 1 AWS refused, 2 usage, 3 configuration, 4 network or TLS, 5 cancelled"_L1));
}

void Tst_cli::commandHelpShowsItsOptions_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    QTest::addRow("whoami") << u"whoami"_s << QStringList {u"--endpoint-url"_s, u"--json"_s};
    QTest::addRow("assume-role") << u"assume-role"_s
                                 << QStringList {u"--role-arn"_s, u"--session-name"_s, u"--duration"_s,
                                        u"--external-id"_s, u"--serial-number"_s, u"--token-code"_s, u"--policy-file"_s,
                                        u"--policy-arn"_s, u"--tag"_s, u"--transitive-tag-key"_s,
                                        u"--source-identity"_s, u"--format"_s};
    QTest::addRow("assume-role-with-saml")
        << u"assume-role-with-saml"_s
        << QStringList {u"--role-arn"_s, u"--principal-arn"_s, u"--assertion-file"_s, u"--duration"_s, u"--format"_s};
    QTest::addRow("assume-role-with-web-identity")
        << u"assume-role-with-web-identity"_s
        << QStringList {u"--role-arn"_s, u"--session-name"_s, u"--token"_s, u"--token-file"_s, u"--provider-id"_s};
    QTest::addRow("session-token") << u"session-token"_s
                                   << QStringList {u"--duration"_s, u"--serial-number"_s, u"--token-code"_s};
    QTest::addRow("federation-token") << u"federation-token"_s
                                      << QStringList {u"--name"_s, u"--policy-file"_s, u"--tag"_s, u"--format"_s};
    QTest::addRow("decode-message") << u"decode-message"_s << QStringList {u"--file"_s, u"message"_s};
    QTest::addRow("access-key-info") << u"access-key-info"_s << QStringList {u"key-id"_s};
}

void Tst_cli::commandHelpShowsItsOptions()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    const CliRun r = run({command, u"--help"_s}, environment(false));
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"Usage: rolecall-cli "_s + command), qPrintable(out));
    for (const QString &option : std::as_const(options))
        QVERIFY2(out.contains(option), qPrintable(option));
}

void Tst_cli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString role = u"%ROLE%"_s;
    QTest::addRow("no arguments") << QStringList() << u"Usage: rolecall-cli"_s;
    QTest::addRow("unknown command") << QStringList {u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
    QTest::addRow("unknown option") << QStringList {u"whoami"_s, u"--bogus"_s} << u"Unknown option 'bogus'"_s;
    QTest::addRow("option without its value")
        << QStringList {u"assume-role"_s, u"--role-arn"_s} << u"Missing value after '--role-arn'"_s;
    QTest::addRow("assume-role without --role-arn") << QStringList {u"assume-role"_s} << u"--role-arn is required"_s;
    QTest::addRow("saml without --assertion-file") << QStringList {u"assume-role-with-saml"_s, u"--role-arn"_s, role,
        u"--principal-arn"_s, u"arn:aws:iam::123456789012:saml-provider/idp"_s}
                                                   << u"--assertion-file are required"_s;
    QTest::addRow("web identity without a token") << QStringList {u"assume-role-with-web-identity"_s, u"--role-arn"_s,
        role, u"--session-name"_s, u"s1"_s} << u"--token or --token-file"_s;
    QTest::addRow("federation-token without --name") << QStringList {u"federation-token"_s} << u"--name is required"_s;
    QTest::addRow("access-key-info without a key")
        << QStringList {u"access-key-info"_s} << u"exactly one access key ID"_s;
    QTest::addRow("access-key-info with two keys") << QStringList {u"access-key-info"_s, u"AKIAIOSFODNN7EXAMPLE"_s,
        u"AKIAI44QH8DHBEXAMPLE"_s} << u"exactly one access key ID"_s;
    QTest::addRow("decode-message without a message") << QStringList {u"decode-message"_s} << u"give the message"_s;
}

void Tst_cli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // Credentials and an endpoint that refuses connections: had anything been sent, the exit code were 4.
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    const CliRun r = run(substitute(arguments), env);
    VERIFY_RUN(r, 2);
    QVERIFY2(QString::fromUtf8(r.out + r.err).contains(message), qPrintable(r.describe()));
    if (!arguments.isEmpty())
        QVERIFY2(r.err.contains("Try 'rolecall-cli"), qPrintable(r.describe()));
}

void Tst_cli::validationErrorsNameTheField_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field"); // a regular expression
    const QString role = u"%ROLE%"_s;
    const QString saml = u"assume-role-with-saml"_s;
    const QString web = u"assume-role-with-web-identity"_s;
    QTest::addRow("assume-role duration below 900")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--duration"_s, u"100"_s} << u"DurationSeconds"_s;
    QTest::addRow("assume-role duration above 43200")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--duration"_s, u"43201"_s} << u"DurationSeconds"_s;
    QTest::addRow("duration not a number")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--duration"_s, u"1h"_s} << u"--duration"_s;
    QTest::addRow("session-token duration")
        << QStringList {u"session-token"_s, u"--duration"_s, u"100"_s} << u"DurationSeconds"_s;
    QTest::addRow("federation-token duration") << QStringList {u"federation-token"_s, u"--name"_s, u"rolecall-fed"_s,
        u"--duration"_s, u"100"_s} << u"DurationSeconds"_s;
    QTest::addRow("saml duration") << QStringList {saml, u"--role-arn"_s, role, u"--principal-arn"_s,
        u"arn:aws:iam::123456789012:saml-provider/idp"_s, u"--assertion-file"_s, u"%ASSERTION%"_s, u"--duration"_s,
        u"100"_s} << u"DurationSeconds"_s;
    QTest::addRow("web identity duration") << QStringList {web, u"--role-arn"_s, role, u"--session-name"_s, u"s1"_s,
        u"--token"_s, u"token-text"_s, u"--duration"_s, u"100"_s}
                                           << u"DurationSeconds"_s;
    QTest::addRow("session name with a space") << QStringList {u"assume-role"_s, u"--role-arn"_s, role,
        u"--session-name"_s, u"bad name"_s} << u"RoleSessionName"_s;
    QTest::addRow("role ARN that is no ARN")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, u"rolecall-cli-role"_s} << u"RoleArn"_s;
    QTest::addRow("tag without a value") << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--tag"_s, u"team"_s}
                                         << u"--tag"_s;
    QTest::addRow("transitive key that is no tag") << QStringList {u"assume-role"_s, u"--role-arn"_s, role,
        u"--transitive-tag-key"_s, u"team"_s} << u"TransitiveTagKeys"_s;
    QTest::addRow("external id too short")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--external-id"_s, u"x"_s} << u"ExternalId"_s;
    QTest::addRow("policy over 2048 characters")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, role, u"--policy-file"_s, u"%POLICY_3000%"_s} << u"Policy"_s;
    QTest::addRow("federation name too short") << QStringList {u"federation-token"_s, u"--name"_s, u"a"_s} << u"Name"_s;
    QTest::addRow("access key id too short") << QStringList {u"access-key-info"_s, u"AKIA"_s} << u"AccessKeyId"_s;
    QTest::addRow("MFA code not six digits") << QStringList {u"session-token"_s, u"--serial-number"_s, kMfaSerial,
        u"--token-code"_s, u"12345"_s} << u"TokenCode"_s;
    QTest::addRow("session-token MFA serial, no code, no terminal")
        << QStringList {u"session-token"_s, u"--serial-number"_s, kMfaSerial} << u"--token-code"_s;
    QTest::addRow("assume-role MFA serial, no code, no terminal") << QStringList {u"assume-role"_s, u"--role-arn"_s,
        role, u"--serial-number"_s, kMfaSerial} << u"(--token-code|TokenCode)"_s;
}

void Tst_cli::validationErrorsNameTheField()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    // Standard input is a pipe, never a terminal: the CLI must not wait for an MFA code.
    const CliRun r = run(substitute(arguments), env);
    VERIFY_RUN(r, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(QRegularExpression(field).match(err).hasMatch(), qPrintable(r.describe()));
    QVERIFY2(err.contains("Nothing was sent to AWS."_L1), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
}

void Tst_cli::validationErrorIsJsonWithJson()
{
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    const CliRun r = run(
        {u"--json"_s, u"assume-role"_s, u"--role-arn"_s, substitute(u"%ROLE%"_s), u"--duration"_s, u"100"_s}, env);
    VERIFY_RUN(r, 2);
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"kind"_s).toString(), u"validation"_s);
    QCOMPARE(error.value(u"field"_s).toString(), u"DurationSeconds"_s);
    QVERIFY(error.value(u"message"_s).toString().contains("900"_L1));
    QVERIFY(r.err.contains("DurationSeconds"));
}

void Tst_cli::configErrorsExitThree_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("message");
    const QStringList noKeys {u"-AWS_ACCESS_KEY_ID"_s, u"-AWS_SECRET_ACCESS_KEY"_s};
    const QStringList whoami {u"whoami"_s};
    QTest::addRow("no credentials") << whoami << noKeys << u"No AWS credentials found"_s;
    QTest::addRow("no credentials for session-token")
        << QStringList {u"session-token"_s} << noKeys << u"No AWS credentials found"_s;
    QTest::addRow("only the key id") << whoami << QStringList {u"-AWS_SECRET_ACCESS_KEY"_s}
                                     << u"Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"_s;
    QTest::addRow("only the secret") << whoami << QStringList {u"-AWS_ACCESS_KEY_ID"_s}
                                     << u"Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"_s;
    QTest::addRow("unreadable CA bundle")
        << whoami << QStringList {u"AWS_CA_BUNDLE=/nonexistent/ca.pem"_s} << u"CA bundle"_s;
    QTest::addRow("http:// to a remote host (--endpoint-url)")
        << QStringList {u"--endpoint-url"_s, u"http://sts.example.com"_s, u"whoami"_s} << QStringList()
        << u"plain http:// to sts.example.com"_s;
    QTest::addRow("http:// to a remote host (AWS_ENDPOINT_URL_STS)")
        << whoami << QStringList {u"AWS_ENDPOINT_URL_STS=http://192.0.2.10:8080"_s}
        << u"AWS_ENDPOINT_URL_STS uses plain http:// to 192.0.2.10"_s;
    QTest::addRow("http:// to a remote host (AWS_ENDPOINT_URL)")
        << whoami << QStringList {u"-AWS_ENDPOINT_URL_STS"_s, u"AWS_ENDPOINT_URL=http://sts.example.com"_s}
        << u"AWS_ENDPOINT_URL uses plain http://"_s;
    QTest::addRow("http:// to a remote host without credentials")
        << QStringList {u"--endpoint-url"_s, u"http://sts.example.com"_s, u"assume-role-with-web-identity"_s,
               u"--role-arn"_s, u"%ROLE%"_s, u"--session-name"_s, u"s1"_s, u"--token"_s, u"token-text"_s}
        << noKeys << u"plain http://"_s;
    QTest::addRow("ftp:// endpoint") << QStringList {u"--endpoint-url"_s, u"ftp://127.0.0.1/"_s, u"whoami"_s}
                                     << QStringList() << u"must start with https://"_s;
    QTest::addRow("unreadable policy file")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, u"%ROLE%"_s, u"--policy-file"_s, u"/nonexistent/p.json"_s}
        << QStringList() << u"Cannot read the Policy file"_s;
    QTest::addRow("unreadable assertion file") << QStringList {u"assume-role-with-saml"_s, u"--role-arn"_s, u"%ROLE%"_s,
        u"--principal-arn"_s, u"arn:aws:iam::123456789012:saml-provider/idp"_s, u"--assertion-file"_s,
        u"/nonexistent/a"_s} << QStringList() << u"Cannot read the SAMLAssertion file"_s;
    QTest::addRow("unreadable token file") << QStringList {u"assume-role-with-web-identity"_s, u"--role-arn"_s,
        u"%ROLE%"_s, u"--session-name"_s, u"s1"_s, u"--token-file"_s, u"/nonexistent/t"_s}
                                           << QStringList() << u"Cannot read the WebIdentityToken file"_s;
}

void Tst_cli::configErrorsExitThree()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, message);
    QProcessEnvironment env = this->environment();
    if (!arguments.contains(u"--endpoint-url"_s))
        env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    Rolecall::Test::applyEnvironmentEdits(env, environment);
    const CliRun r = run(substitute(arguments), env);
    VERIFY_RUN(r, 3);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
}

// ---------------------------------------------------------------------------------------- against moto

void Tst_cli::whoamiPrintsIdentity()
{
    REQUIRE_MOTO();
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s}, environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QString expected
        = u"Account: 123456789012\nARN:     %1\nUser ID: %2\n"_s.arg(m_moto.admin().arn, m_moto.admin().userId);
    QCOMPARE(QString::fromUtf8(r.out), expected);
}

void Tst_cli::whoamiJsonIsParseable()
{
    REQUIRE_MOTO();
    const CliRun r = run({u"whoami"_s, u"--json"_s, u"--endpoint-url"_s, m_moto.url().toString()}, environment());
    VERIFY_RUN(r, 0);
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    const QJsonObject json = document.object();
    QCOMPARE(json.value(u"Arn"_s).toString(), m_moto.admin().arn);
    QCOMPARE(json.value(u"Account"_s).toString(), u"123456789012"_s);
    QCOMPARE(json.value(u"UserId"_s).toString(), m_moto.admin().userId);
    QCOMPARE(json.size(), 3);
}

void Tst_cli::endpointFromFlagOrEnvironment_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("source");
    QTest::addRow("--endpoint-url") << QStringList {u"--endpoint-url"_s, u"%MOTO%"_s} << QStringList() << u"explicit"_s;
    QTest::addRow("AWS_ENDPOINT_URL_STS")
        << QStringList() << QStringList {u"AWS_ENDPOINT_URL_STS=%MOTO%"_s} << u"AWS_ENDPOINT_URL_STS"_s;
    QTest::addRow("AWS_ENDPOINT_URL") << QStringList() << QStringList {u"AWS_ENDPOINT_URL=%MOTO%"_s}
                                      << u"AWS_ENDPOINT_URL"_s;
    QTest::addRow("--endpoint-url beats AWS_ENDPOINT_URL_STS")
        << QStringList {u"--endpoint-url"_s, u"%MOTO%"_s} << QStringList {u"AWS_ENDPOINT_URL_STS=%CLOSED%"_s}
        << u"explicit"_s;
    QTest::addRow("AWS_ENDPOINT_URL_STS beats AWS_ENDPOINT_URL")
        << QStringList() << QStringList {u"AWS_ENDPOINT_URL_STS=%MOTO%"_s, u"AWS_ENDPOINT_URL=%CLOSED%"_s}
        << u"AWS_ENDPOINT_URL_STS"_s;
    QTest::addRow("with --region") << QStringList {u"--region"_s, u"eu-west-1"_s, u"--endpoint-url"_s, u"%MOTO%"_s}
                                   << QStringList() << u"explicit"_s;
}

void Tst_cli::endpointFromFlagOrEnvironment()
{
    REQUIRE_MOTO();
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, source);
    QProcessEnvironment env = this->environment();
    Rolecall::Test::applyEnvironmentEdits(env, substitute(environment));
    const CliRun r = run(substitute(arguments) + QStringList {u"whoami"_s, u"--json"_s, u"--debug"_s}, env);
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"Arn"_s).toString(), m_moto.admin().arn);
    const QString expected = u"debug: endpoint http://127.0.0.1:%1/ (%2)"_s.arg(m_moto.port()).arg(source);
    QVERIFY2(QString::fromUtf8(r.err).contains(expected), qPrintable(r.describe()));
}

void Tst_cli::assumeRolePrintsAwsCliJson()
{
    REQUIRE_MOTO();
    // No spaces: moto checks signatures over a re-encoded body (see motoserver.h).
    const QByteArray policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
                              R"("Resource":"arn:aws:s3:::rolecall-bucket/a+b&c=d%e/*"}]})";
    const QString policyFile = writeFile(u"policy.json"_s, policy);
    const QStringList arguments {u"--endpoint-url"_s, m_moto.url().toString(), u"assume-role"_s, u"--role-arn"_s,
        m_role.arn, u"--session-name"_s, u"rolecall-cli"_s, u"--external-id"_s, kExternalId, u"--duration"_s, u"1800"_s,
        u"--policy-file"_s, policyFile, u"--policy-arn"_s, u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s,
        u"--policy-arn"_s, u"arn:aws:iam::123456789012:policy/rolecall-extra"_s, u"--tag"_s, u"team=platform"_s,
        u"--tag"_s, u"project=role=call"_s, u"--transitive-tag-key"_s, u"team"_s, u"--source-identity"_s,
        u"rolecall-user@example.com"_s};
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r = run(arguments, environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());

    const QJsonObject json = r.json();
    const QJsonObject credentials = json.value(u"Credentials"_s).toObject();
    const QString keyId = credentials.value(u"AccessKeyId"_s).toString();
    const QString secret = credentials.value(u"SecretAccessKey"_s).toString();
    const QString token = credentials.value(u"SessionToken"_s).toString();
    QVERIFY2(keyId.startsWith("ASIA"_L1), qPrintable(r.describe()));
    QVERIFY(secret.size() >= 20);
    QVERIFY(token.size() >= 20);
    const QString problem = expirationProblem(credentials.value(u"Expiration"_s).toString(), before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject user = json.value(u"AssumedRoleUser"_s).toObject();
    QCOMPARE(
        user.value(u"Arn"_s).toString(), u"arn:aws:sts::123456789012:assumed-role/rolecall-cli-role/rolecall-cli"_s);
    QCOMPARE(user.value(u"AssumedRoleId"_s).toString(), m_role.roleId + u":rolecall-cli"_s);
    QCOMPARE(json.value(u"PackedPolicySize"_s).toInt(), 6);

    // moto stored exactly the policy file and the external id it checked against the trust policy.
    const QJsonArray roles = m_moto.modelData().value(u"sts"_s).toObject().value(u"AssumedRole"_s).toArray();
    const auto stored = std::find_if(roles.cbegin(), roles.cend(),
        [&keyId](const QJsonValue &v) { return v.toObject().value(u"access_key_id"_s).toString() == keyId; });
    QVERIFY(stored != roles.cend());
    QCOMPARE(stored->toObject().value(u"policy"_s).toString(), QString::fromUtf8(policy));
    QCOMPARE(stored->toObject().value(u"external_id"_s).toString(), QString(kExternalId));

    // The printed credentials work: moto verifies their signature and session token.
    QCOMPARE(arnFor(keyId, secret, token), user.value(u"Arn"_s).toString());
}

void Tst_cli::assumeRoleDefaultSessionNameNamesTheUser()
{
    REQUIRE_MOTO();
    QProcessEnvironment env = environment();
    env.insert(u"USER"_s, u"Jane Doe$"_s);
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume-role"_s, u"--role-arn"_s, m_role.arn,
                             u"--external-id"_s, kExternalId},
        env);
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"AssumedRoleUser"_s).toObject().value(u"Arn"_s).toString(),
        u"arn:aws:sts::123456789012:assumed-role/rolecall-cli-role/rolecall-JaneDoe"_s);
}

void Tst_cli::assumeRoleFormatsGiveUsableCredentials_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("env") << u"env"_s;
    QTest::addRow("json") << u"json"_s;
    QTest::addRow("process") << u"process"_s;
}

void Tst_cli::assumeRoleFormatsGiveUsableCredentials()
{
    REQUIRE_MOTO();
    QFETCH(QString, format);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"--region"_s, u"us-east-1"_s, u"assume-role"_s,
                             u"--role-arn"_s, m_role.arn, u"--session-name"_s, u"rolecall-"_s + format,
                             u"--external-id"_s, kExternalId, u"--duration"_s, u"900"_s, u"--format"_s, format},
        environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());

    QString keyId;
    QString secret;
    QString token;
    QString expiration;
    if (format == "env"_L1) {
        // Evaluate the output exactly as `eval "$(rolecall-cli … --format env)"` would.
        const QString file = writeFile(u"exports.sh"_s, r.out);
        QProcess shell;
        shell.setProcessEnvironment(environment(false));
        shell.start(u"sh"_s,
            {u"-c"_s,
                u"eval \"$(cat \"$1\")\" && printf '%s\\n' \"$AWS_ACCESS_KEY_ID\" "
                "\"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" \"$AWS_CREDENTIAL_EXPIRATION\" "
                "\"$AWS_REGION\" \"$AWS_DEFAULT_REGION\""_s,
                u"sh"_s, file});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(shell.readAllStandardOutput()).split(u'\n');
        QVERIFY2(lines.size() >= 6, qPrintable(lines.join(u'|')));
        keyId = lines.at(0);
        secret = lines.at(1);
        token = lines.at(2);
        expiration = lines.at(3);
        QCOMPARE(lines.at(4), u"us-east-1"_s);
        QCOMPARE(lines.at(5), u"us-east-1"_s);
    } else {
        if (format == "process"_L1)
            QVERIFY2(r.out.endsWith('\n') && r.out.count('\n') == 1, "credential_process output is one line");
        const QJsonObject json = r.json();
        keyId = json.value(u"AccessKeyId"_s).toString();
        secret = json.value(u"SecretAccessKey"_s).toString();
        token = json.value(u"SessionToken"_s).toString();
        expiration = json.value(u"Expiration"_s).toString();
        if (format == "process"_L1)
            QCOMPARE(json.value(u"Version"_s).toInt(), 1);
        else
            QCOMPARE(json.value(u"Region"_s).toString(), u"us-east-1"_s);
    }
    QVERIFY2(keyId.startsWith("ASIA"_L1), qPrintable(r.describe()));
    const QString problem = expirationProblem(expiration, before, after, 900);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(
        arnFor(keyId, secret, token), u"arn:aws:sts::123456789012:assumed-role/rolecall-cli-role/rolecall-"_s + format);
}

void Tst_cli::unknownFormatIsUsageErrorWithoutCredentials()
{
    REQUIRE_MOTO();
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume-role"_s, u"--role-arn"_s, m_role.arn,
                             u"--external-id"_s, kExternalId, u"--format"_s, u"yaml"_s},
        environment());
    VERIFY_RUN(r, 2);
    QVERIFY2(r.err.contains("--format must be one of") && r.err.contains("\"yaml\""), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());

    // Checked before the call: with an endpoint that refuses connections it is still a usage error.
    const CliRun offline = run(
        {u"--endpoint-url"_s, u"http://127.0.0.1:1"_s, u"session-token"_s, u"--format"_s, u"yaml"_s}, environment());
    VERIFY_RUN(offline, 2);
}

void Tst_cli::sessionTokenPrintsCredentials()
{
    REQUIRE_MOTO();
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r = run(
        {u"--endpoint-url"_s, m_moto.url().toString(), u"session-token"_s, u"--duration"_s, u"900"_s}, environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json.keys(), QStringList {u"Credentials"_s});
    const QJsonObject credentials = json.value(u"Credentials"_s).toObject();
    QVERIFY(!credentials.value(u"AccessKeyId"_s).toString().isEmpty());
    QVERIFY(!credentials.value(u"SecretAccessKey"_s).toString().isEmpty());
    QVERIFY(!credentials.value(u"SessionToken"_s).toString().isEmpty());
    const QString problem = expirationProblem(credentials.value(u"Expiration"_s).toString(), before, after, 900);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void Tst_cli::federationTokenPrintsFederatedUser()
{
    REQUIRE_MOTO();
    const QString policyFile = writeFile(u"policy.json"_s, MotoServer::allowAllPolicy().toUtf8());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"federation-token"_s, u"--name"_s, u"rolecall-fed"_s,
                  u"--duration"_s, u"1200"_s, u"--policy-file"_s, policyFile, u"--policy-arn"_s,
                  u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s, u"--tag"_s, u"team=platform"_s},
            environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    const QJsonObject user = json.value(u"FederatedUser"_s).toObject();
    QCOMPARE(user.value(u"Arn"_s).toString(), u"arn:aws:sts::123456789012:federated-user/rolecall-fed"_s);
    QCOMPARE(user.value(u"FederatedUserId"_s).toString(), u"123456789012:rolecall-fed"_s);
    QCOMPARE(json.value(u"PackedPolicySize"_s).toInt(), 6);
    const QJsonObject credentials = json.value(u"Credentials"_s).toObject();
    QVERIFY(!credentials.value(u"SessionToken"_s).toString().isEmpty());
    const QString problem = expirationProblem(credentials.value(u"Expiration"_s).toString(), before, after, 1200);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void Tst_cli::accessKeyInfoPrintsAccount()
{
    REQUIRE_MOTO();
    const QStringList base {
        u"--endpoint-url"_s, m_moto.url().toString(), u"access-key-info"_s, m_moto.admin().accessKeyId};
    const CliRun text = run(base, environment());
    VERIFY_RUN(text, 0);
    QCOMPARE(text.out, QByteArray("Account: 123456789012\n"));
    const CliRun json = run(base + QStringList {u"--json"_s}, environment());
    VERIFY_RUN(json, 0);
    QCOMPARE(json.json(), QJsonObject({{u"Account"_s, u"123456789012"_s}}));
}

void Tst_cli::assumeRoleWithSamlReadsAssertionFile()
{
    REQUIRE_MOTO();
    const QString providerArn = u"arn:aws:iam::123456789012:saml-provider/rolecall-idp"_s;
    const QByteArray assertion = MotoServer::samlAssertion(m_role.arn, providerArn, u"jane@example.com"_s, 1800);
    m_secrets.append(QString::fromLatin1(assertion));
    const QString file = writeFile(u"assertion.b64"_s, assertion + '\n');

    CliRun r;
    QDateTime before;
    QDateTime after;
    {
        // Unsigned call: moto cannot check it with auth on. No credentials in the environment at all.
        const Rolecall::Test::AuthSuspension unsigned_(m_moto);
        QVERIFY2(unsigned_.error().isEmpty(), qPrintable(unsigned_.error()));
        before = QDateTime::currentDateTimeUtc();
        r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume-role-with-saml"_s, u"--role-arn"_s, m_role.arn,
                    u"--principal-arn"_s, providerArn, u"--assertion-file"_s, file, u"--duration"_s, u"1800"_s},
            environment(false));
        after = QDateTime::currentDateTimeUtc();
    }
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    const QJsonObject user = json.value(u"AssumedRoleUser"_s).toObject();
    QCOMPARE(user.value(u"Arn"_s).toString(),
        u"arn:aws:sts::123456789012:assumed-role/rolecall-cli-role/jane@example.com"_s);
    QCOMPARE(user.value(u"AssumedRoleId"_s).toString(), m_role.roleId + u":jane@example.com"_s);
    QCOMPARE(json.value(u"Subject"_s).toString(), user.value(u"AssumedRoleId"_s).toString());
    QCOMPARE(json.value(u"SubjectType"_s).toString(), u"persistent"_s);
    QCOMPARE(json.value(u"Issuer"_s).toString(), u"http://localhost:3000/"_s);
    QCOMPARE(json.value(u"Audience"_s).toString(), u"https://signin.aws.amazon.com/saml"_s);
    QVERIFY(!json.value(u"NameQualifier"_s).toString().isEmpty());
    const QJsonObject credentials = json.value(u"Credentials"_s).toObject();
    const QString problem = expirationProblem(credentials.value(u"Expiration"_s).toString(), before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(arnFor(credentials.value(u"AccessKeyId"_s).toString(), credentials.value(u"SecretAccessKey"_s).toString(),
                 credentials.value(u"SessionToken"_s).toString()),
        user.value(u"Arn"_s).toString());
}

void Tst_cli::assumeRoleWithWebIdentityReadsToken_data()
{
    QTest::addColumn<bool>("fromFile");
    QTest::addRow("--token-file") << true;
    QTest::addRow("--token") << false;
}

void Tst_cli::assumeRoleWithWebIdentityReadsToken()
{
    REQUIRE_MOTO();
    QFETCH(bool, fromFile);
    const QByteArray token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyb2xlY2FsbCIsImF1ZCI6InN0cyJ9.c2lnbmF0dXJlLXRva2Vu";
    m_secrets.append(QString::fromLatin1(token));
    QStringList arguments {u"--endpoint-url"_s, m_moto.url().toString(), u"assume-role-with-web-identity"_s,
        u"--role-arn"_s, u"arn:aws:iam::123456789012:role/rolecall-web"_s, u"--session-name"_s, u"rolecall-web"_s,
        u"--duration"_s, u"2400"_s, u"--format"_s, u"process"_s};
    if (fromFile)
        arguments << u"--token-file"_s << writeFile(u"token.jwt"_s, token + '\n');
    else
        arguments << u"--token"_s << QString::fromLatin1(token);
    CliRun r;
    QDateTime before;
    QDateTime after;
    {
        const Rolecall::Test::AuthSuspension unsigned_(m_moto);
        QVERIFY2(unsigned_.error().isEmpty(), qPrintable(unsigned_.error()));
        before = QDateTime::currentDateTimeUtc();
        r = run(arguments, environment(false));
        after = QDateTime::currentDateTimeUtc();
    }
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(u"Version"_s).toInt(), 1);
    const QString problem = expirationProblem(json.value(u"Expiration"_s).toString(), before, after, 2400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(arnFor(json.value(u"AccessKeyId"_s).toString(), json.value(u"SecretAccessKey"_s).toString(),
                 json.value(u"SessionToken"_s).toString()),
        u"arn:aws:sts::123456789012:assumed-role/rolecall-web/rolecall-web"_s);
}

void Tst_cli::decodeMessageFailsCleanlyOnMoto_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("maxAttempts");
    QTest::addColumn<int>("retries");
    QTest::addRow("whole AWS error text as argument") << u"argument"_s << QString() << 2;
    QTest::addRow("--file") << u"file"_s << u"1"_s << 0;
    QTest::addRow("standard input") << u"stdin"_s << u"1"_s << 0;
}

void Tst_cli::decodeMessageFailsCleanlyOnMoto()
{
    REQUIRE_MOTO();
    QFETCH(QString, source);
    QFETCH(QString, maxAttempts);
    QFETCH(int, retries);
    // moto does not implement DecodeAuthorizationMessage: HTTP 500 with an HTML page.
    const QString text = u"An error occurred (UnauthorizedOperation) when calling the RunInstances operation: "
                         "You are not authorized to perform this operation. Encoded authorization failure message: "
                         "EXAMPLE-4Y-3ZmaUQ9xJ1nRt_0123456789-abcdefABCDEF"_s;
    QStringList arguments {u"--endpoint-url"_s, m_moto.url().toString(), u"--debug"_s, u"decode-message"_s};
    QByteArray input;
    if (source == "argument"_L1) {
        arguments << text;
    } else if (source == "file"_L1) {
        arguments << u"--file"_s << writeFile(u"message.txt"_s, text.toUtf8());
    } else {
        arguments << u"-"_s;
        input = text.toUtf8();
    }
    QProcessEnvironment env = environment();
    if (!maxAttempts.isEmpty())
        env.insert(u"AWS_MAX_ATTEMPTS"_s, maxAttempts);
    const CliRun r = run(arguments, env, input);
    VERIFY_RUN(r, 4);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("rolecall-cli: DecodeAuthorizationMessage: The service answered HTTP 500"_L1),
        qPrintable(r.describe()));
    QVERIFY2(!err.contains("<html"_L1, Qt::CaseInsensitive), qPrintable(r.describe()));
    QCOMPARE(err.count("debug: attempt"_L1), retries);
    QCOMPARE(r.out, QByteArray());
}

void Tst_cli::awsRefusalExitsOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QString>("code");
    const QStringList whoami {u"whoami"_s};
    QTest::addRow("wrong secret") << whoami << u"wrong-secret"_s << u"SignatureDoesNotMatch"_s;
    QTest::addRow("key id moto never issued") << whoami << u"unknown-key"_s << u"InvalidClientTokenId"_s;
    QTest::addRow("session token with a long-term key") << whoami << u"key-with-token"_s << u"InvalidClientTokenId"_s;
    QTest::addRow("wrong secret for session-token")
        << QStringList {u"session-token"_s} << u"wrong-secret"_s << u"SignatureDoesNotMatch"_s;
    QTest::addRow("trust policy refuses the external id")
        << QStringList {u"assume-role"_s, u"--role-arn"_s, u"%ROLE%"_s, u"--external-id"_s, u"wrong-external-id"_s}
        << u"admin"_s << u"AccessDenied"_s;
}

void Tst_cli::awsRefusalExitsOne()
{
    REQUIRE_MOTO();
    QFETCH(QStringList, arguments);
    QFETCH(QString, credentials);
    QFETCH(QString, code);
    QProcessEnvironment env = environment();
    if (credentials == "wrong-secret"_L1)
        env = environmentFor(m_moto.admin().accessKeyId, kExampleSecret);
    else if (credentials == "unknown-key"_L1)
        env = environmentFor(kExampleKeyId, kExampleSecret);
    else if (credentials == "key-with-token"_L1)
        env = environmentFor(
            m_moto.admin().accessKeyId, m_moto.admin().secretAccessKey, u"AQoDYXdzEJr1K3tgEXAMPLESESSIONTOKEN"_s);
    const CliRun r = run(
        QStringList {u"--endpoint-url"_s, m_moto.url().toString(), u"--json"_s, u"--debug"_s} + substitute(arguments),
        env);
    VERIFY_RUN(r, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(u"AWS refused the request with "_s + code), qPrintable(r.describe()));
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"kind"_s).toString(), u"aws"_s);
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QCOMPARE(error.value(u"httpStatus"_s).toInt(), 403);
    QVERIFY(!error.value(u"awsMessage"_s).toString().isEmpty());
    QVERIFY2(!err.contains("debug: attempt"_L1), "an AWS refusal must not be retried");
}

void Tst_cli::networkFailureExitsFour()
{
    const CliRun r = run({u"--endpoint-url"_s, m_closedUrl, u"--debug"_s, u"whoami"_s}, environment());
    VERIFY_RUN(r, 4);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("Could not reach the endpoint"_L1), qPrintable(r.describe()));
    // Connection refused is transient for the SDKs: three attempts in all.
    QCOMPARE(err.count("debug: attempt"_L1), 2);
    QCOMPARE(r.out, QByteArray());
}

void Tst_cli::debugOutputHasDiagnosticsButNoSecrets()
{
    REQUIRE_MOTO();
    const QStringList base {u"--endpoint-url"_s, m_moto.url().toString(), u"--debug"_s};
    const QList<QStringList> commands {
        {u"whoami"_s},
        {u"assume-role"_s, u"--role-arn"_s, m_role.arn, u"--external-id"_s, kExternalId, u"--format"_s, u"env"_s},
        {u"session-token"_s, u"--format"_s, u"ini"_s},
        {u"federation-token"_s, u"--name"_s, u"rolecall-fed"_s},
        {u"access-key-info"_s, m_moto.admin().accessKeyId},
    };
    for (const QStringList &command : commands) {
        const CliRun r = run(base + command, environment());
        VERIFY_RUN(r, 0);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(u"debug: endpoint http://127.0.0.1:%1/"_s.arg(m_moto.port())), qPrintable(err));
        QVERIFY2(err.contains(
                     u"debug: credentials from the environment, access key "_s + m_moto.admin().accessKeyId.left(8)),
            qPrintable(err));
    }
    // run() checked every stderr against every secret seen so far, including those just printed.
    QVERIFY(m_secrets.size() > 2);
}

QTEST_GUILESS_MAIN(Tst_cli)
#include "tst_cli.moc"
