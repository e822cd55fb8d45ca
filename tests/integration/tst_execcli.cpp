// SPDX-License-Identifier: Apache-2.0
// `rolecall-cli exec` and `credential-process` as other programs use them: the built CLI as a child without a
// controlling terminal (setsid, as under an IDE or kubectl), against moto with SigV4 and IAM checks enforced, the
// loopback fault server where STS must misbehave (short-lived and refused refreshes, MFA parameters), the real
// consumers (botocore's container provider, the AWS CLI's credential_process and its container provider), and a
// broker server in this process standing in for the desktop app.
#include "clirunner.h"
#include "faultserver.h"
#include "motoserver.h"
#include "testenv.h"

#include "credentials/brokerserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::CliRun;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::MotoServer;
using Rolecall::Test::RecordedRequest;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kRunTimeoutMs = 60000;
constexpr int kSignalWaitMs = 15000;

// AWS's documented example values, for everything moto never issued.
const auto kExampleUserKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleUserSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
// What the broker in this process hands out (GetSessionToken's documented example).
const auto kBrokerKeyId = "ASIAI44QH8DHBEXAMPLE"_L1;
const auto kBrokerSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
const auto kBrokerToken
    = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrUtdnn"
      "iCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b"
      "15fjrBs2+cTQtpZ3CYWFXG8C5zqx37wnOE49mRl/+OtkIKGO7fAE"_L1;
// Keys the fault server's AssumeRole answers carry, first and later.
const auto kFirstKeyId = "ASIAFIRSTEXAMPLE0001"_L1;
const auto kLaterKeyId = "ASIALATEREXAMPLE0002"_L1;
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-exec"_L1;
const auto kSessionName = "rc-exec"_L1;

// The moto admin's key, a role from it, and a profile whose credential_process is rolecall-cli.
const auto kCredentials = "[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n\n"
                          "[example-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                          "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;
const auto kConfig
    = "[profile user]\nregion = us-east-1\n\n"
      "[profile role]\nrole_arn = %ROLE%\nsource_profile = user\nrole_session_name = rc-exec\nregion = eu-west-2\n\n"
      "[profile viaprocess]\ncredential_process = %CLI% credential-process --profile role\nregion = us-east-1\n\n"
      "[profile short]\nrole_arn = arn:aws:iam::123456789012:role/rc-short\nsource_profile = example-user\n"
      "role_session_name = rc-short\n\n"
      "[profile mfa-user]\nmfa_serial = %MFA%\n\n"
      "[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\nsource_profile = mfa-user\n"
      "role_session_name = rc-mfa\n\n"
      // --debug: exactly `rolecall-cli credential-process --profile loop` is the keychain line (KeychainKeys,
      // no process runs); any other option keeps it a real process, which is what the loop guard is about.
      "[profile loop]\ncredential_process = %CLI% credential-process --profile loop --debug\n"_L1;
const auto kMfaUserCredentials = "[mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                 "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;

// Fetches from the container endpoint as told: METHOD:AUTH:PATH, AUTH one of token, none, wrong, longer, bearer;
// PATH empty for the endpoint's own. Prints {"results": [{"status", "body"}, …]}.
const auto kFetchScript = R"PY(import json, os, sys, urllib.request, urllib.error
uri = os.environ.get("AWS_CONTAINER_CREDENTIALS_FULL_URI", "")
token = os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN", "")
results = []
for spec in sys.argv[1:]:
    method, auth, path = spec.split(":", 2)
    url = uri if not path else uri.rsplit("/", 1)[0] + path
    headers = {}
    if auth == "token":
        headers["Authorization"] = token
    elif auth == "wrong":
        headers["Authorization"] = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif auth == "longer":
        headers["Authorization"] = token + "x"
    elif auth == "bearer":
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, headers=headers, method=method, data=(b"" if method == "POST" else None))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            results.append({"status": response.status, "body": json.loads(response.read())})
    except urllib.error.HTTPError as error:
        body = error.read()
        results.append({"status": error.code, "body": json.loads(body) if body else None})
print(json.dumps({"uri": uri, "tokenLength": len(token), "results": results}))
)PY"_L1;

// botocore's own credential chain (the container provider, with nothing else configured), then STS with them.
const auto kBotocoreScript = R"PY(import json, botocore.session
session = botocore.session.get_session()
credentials = session.get_credentials()
frozen = credentials.get_frozen_credentials()
identity = session.create_client("sts", region_name="us-east-1").get_caller_identity()
print(json.dumps({"method": credentials.method, "key": frozen.access_key, "arn": identity["Arn"]}))
)PY"_L1;

// Traps the three signals, says it is ready, then waits (at most a minute).
const auto kTrapScript = "out=\"$1\"\n"
                         "trap 'echo TERM > \"$out\"; exit 42' TERM\n"
                         "trap 'echo INT > \"$out\"; exit 42' INT\n"
                         "trap 'echo HUP > \"$out\"; exit 42' HUP\n"
                         "echo ready > \"$out.ready\"\n"
                         "i=0\nwhile [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\nexit 3\n"_L1;

QMap<QString, QString> parseEnv(const QByteArray &output)
{
    QMap<QString, QString> vars;
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            vars.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return vars;
}

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

FaultResponse assumeRoleAnswer(const QString &keyId, qint64 lifetimeSecs)
{
    StsFixture f;
    f.accessKeyId = keyId;
    f.expiration = isoIn(lifetimeSecs);
    return FaultResponse::xml(StsXml::assumeRole(f));
}

AwsCredentials brokerCredentials()
{
    AwsCredentials c;
    c.accessKeyId = kBrokerKeyId;
    c.secretAccessKey = SecureBytes(QByteArrayView(kBrokerSecret.data(), kBrokerSecret.size()));
    c.sessionToken = SecureBytes(QByteArrayView(kBrokerToken.data(), kBrokerToken.size()));
    c.expiration = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3600, Qt::UTC);
    c.origin = AwsCredentials::Origin::SessionToken;
    return c;
}

/** The desktop app's part, scripted: fixed example credentials, an error, or an MFA code. */
class StandInApp final : public BrokerHandler
{
public:
    Cancel credentials(const Broker::Request &request, std::function<void(Result<AwsCredentials>)> done) override
    {
        requests.append(request);
        done(error ? Result<AwsCredentials>(*error) : Result<AwsCredentials>(brokerCredentials()));
        return {};
    }
    Cancel mfaCode(const Broker::Request &request, std::function<void(Result<SecureBytes>)> done) override
    {
        requests.append(request);
        done(SecureBytes(QByteArrayView("123456")));
        return {};
    }

    QList<Broker::Request> requests;
    std::optional<Error> error;
};

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

class Tst_ExecCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // exec: environment variables
    void execPassesCredentialsAsEnvironment();
    void execLongTermKeysDropAStaleSessionToken();
    void execChildUsesThemWithTheAwsCli();
    void execPassesTheExitCode_data();
    void execPassesTheExitCode();
    void execCommandProblems_data();
    void execCommandProblems();
    void execForwardsSignalsToTheChild_data();
    void execForwardsSignalsToTheChild();

    // exec --server
    void serverServesBotocore();
    void serverServesTheAwsCli();
    void serverRefreshesBeforeExpiry();
    void serverNeverServesExpiredCredentials();
    void serverRefusesWithoutTheToken();
    void serverRefusesLongTermKeys();

    // credential-process
    void credentialProcessPrintsVersionOne();
    void credentialProcessWorksForTheAwsCli();
    void credentialProcessReusesTheCachedSession();
    void credentialProcessAsksTheDesktopApp();
    void credentialProcessReportsTheAppsRefusal();
    void credentialProcessFallsBackForProfilesTheAppLacks();
    void credentialProcessAsksTheAppForMfa();
    void credentialProcessWithoutTerminalOrAppFailsClearly();
    void credentialProcessLoopIsRefused();
    void assumeAsksTheDesktopAppWithoutTerminal();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs = kRunTimeoutMs);
    QProcessEnvironment environment() const;
    /// environment() with the fault server as STS.
    QProcessEnvironment stsEnvironment() const;
    QString writeFile(const QString &name, const QByteArray &content);
    void writeConfig(const QString &config, const QString &credentials);
    QString substitute(QString text) const;
    QString expectedArn() const;
    /// A broker server for the stand-in app at the place rolecall-cli looks (XDG_RUNTIME_DIR of environment()).
    std::unique_ptr<BrokerServer> startStandInApp();

    MotoServer m_moto;
    QString m_motoError;
    Rolecall::Test::MotoRole m_role;
    QString m_closedUrl;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<FaultServer> m_sts;
    StandInApp m_app;
    QStringList m_secrets; // must never appear on stderr
    QStringList m_problems;
};

// ---------------------------------------------------------------------------------------------- fixture

void Tst_ExecCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_closedUrl = u"http://127.0.0.1:%1"_s.arg(Rolecall::Test::closedLoopbackPort());
    m_secrets
        = {kExampleUserSecret, kBrokerSecret, kBrokerToken, StsFixture().sessionToken, StsFixture().secretAccessKey};
    m_motoError = m_moto.start(MotoServer::Auth::Enforced);
    if (m_motoError.isEmpty()) {
        m_secrets.append(m_moto.admin().secretAccessKey);
        const QString trust = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
                              uR"("Principal":{"AWS":"%1"}}]})"_s.arg(m_moto.admin().arn);
        const QString problem = m_moto.createRole(u"rc-exec-role"_s, trust, MotoServer::allowAllPolicy(), &m_role);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void Tst_ExecCli::init()
{
    m_home = std::make_unique<QTemporaryDir>(u"/tmp/rc-exec-XXXXXX"_s); // short: it holds the broker socket
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u"aws"_s));
    m_sts = std::make_unique<FaultServer>();
    QVERIFY2(m_sts->listen(), qPrintable(m_sts->errorString()));
    m_app.requests.clear();
    m_app.error.reset();
    writeFile(u"fetch.py"_s, QByteArray(kFetchScript.data(), kFetchScript.size()));
    writeFile(u"botocore_identity.py"_s, QByteArray(kBotocoreScript.data(), kBotocoreScript.size()));
    writeFile(u"trap.sh"_s, QByteArray(kTrapScript.data(), kTrapScript.size()));
}

void Tst_ExecCli::cleanup()
{
    const QStringList problems = std::exchange(m_problems, {});
    m_sts.reset();
    m_home.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    if (QTest::currentTestFailed() && m_moto.isRunning())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(2000)));
}

CliRun Tst_ExecCli::run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_home->path());
    // No controlling terminal, as under an IDE, kubectl or Terraform: /dev/tty cannot be opened.
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(QStringLiteral(ROLECALL_CLI_PATH), arguments);
    if (!process.waitForStarted(10000)) {
        m_problems.append(u"cannot start rolecall-cli: "_s + process.errorString());
        return result;
    }
    process.closeWriteChannel();
    // An event loop, not waitForFinished(): the fault server and the broker of this process answer meanwhile.
    if (process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const QString command = arguments.join(u' ');
    result.finished = process.state() == QProcess::NotRunning;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
        m_problems.append(u"rolecall-cli %1 did not finish within %2 s"_s.arg(command).arg(timeoutMs / 1000));
    }
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    if (result.crashed)
        m_problems.append(u"rolecall-cli %1 crashed"_s.arg(command));
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    Rolecall::Test::rememberSecrets(result.out, &m_secrets);
    for (const QString &secret : std::as_const(m_secrets)) {
        if (secret.size() >= 8 && result.err.contains(secret.toUtf8()))
            m_problems.append(u"a secret (%1…) is on stderr of rolecall-cli %2"_s.arg(secret.left(4), command));
    }
    return result;
}

QProcessEnvironment Tst_ExecCli::environment() const
{
    QProcessEnvironment env = Rolecall::Test::cleanEnvironment(m_home->path());
    env.insert(u"AWS_CONFIG_FILE"_s, QDir(m_home->path()).filePath(u"aws/config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, QDir(m_home->path()).filePath(u"aws/credentials"_s));
    // Both rolecall-cli and the AWS tools it serves talk to moto.
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_moto.url().toString());
    env.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    env.insert(u"USER"_s, u"rolecall-tester"_s);
    // Where the broker would be: this test's own directory, never a desktop app the developer runs.
    env.insert(u"XDG_RUNTIME_DIR"_s, m_home->path());
    env.remove(u"TMPDIR"_s);
    return env;
}

QProcessEnvironment Tst_ExecCli::stsEnvironment() const
{
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_sts->url().toString());
    return env;
}

QString Tst_ExecCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = QDir(m_home->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        m_problems.append(u"cannot write "_s + path);
    return path;
}

void Tst_ExecCli::writeConfig(const QString &config, const QString &credentials)
{
    writeFile(u"aws/config"_s, substitute(config).toUtf8());
    writeFile(u"aws/credentials"_s, substitute(credentials).toUtf8());
}

QString Tst_ExecCli::substitute(QString text) const
{
    text.replace(u"%ADMIN_KEY%"_s, m_moto.admin().accessKeyId);
    text.replace(u"%ADMIN_SECRET%"_s, m_moto.admin().secretAccessKey);
    text.replace(u"%ROLE%"_s, m_role.arn);
    text.replace(u"%CLI%"_s, QStringLiteral(ROLECALL_CLI_PATH));
    text.replace(u"%STS%"_s, m_sts ? m_sts->url().toString() : QString());
    text.replace(u"%MFA%"_s, kMfaSerial);
    return text;
}

QString Tst_ExecCli::expectedArn() const
{
    return u"arn:aws:sts::%1:assumed-role/rc-exec-role/%2"_s.arg(MotoServer::kAccountId, kSessionName);
}

std::unique_ptr<BrokerServer> Tst_ExecCli::startStandInApp()
{
    auto server = std::make_unique<BrokerServer>(&m_app);
    const auto listening = server->listen(environment());
    if (!listening) {
        m_problems.append(u"the stand-in app cannot listen: "_s + listening.error().message);
        return {};
    }
    return server;
}

// ---------------------------------------------------------------------------------------------- exec

void Tst_ExecCli::execPassesCredentialsAsEnvironment()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    QProcessEnvironment env = environment();
    // Whatever the shell had must not reach the child.
    env.insert(u"AWS_PROFILE"_s, u"user"_s);
    env.insert(u"AWS_DEFAULT_PROFILE"_s, u"user"_s);
    env.insert(u"AWS_SESSION_TOKEN"_s, u"rolecall-test-stale-token"_s);
    env.insert(u"AWS_SECURITY_TOKEN"_s, u"rolecall-test-stale-token"_s);
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_closedUrl);
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, u"rolecall-test-stale-token"_s);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"role"_s, u"--"_s, u"env"_s}, env);
    VERIFY_RUN(r, 0);
    const QMap<QString, QString> vars = parseEnv(r.out);
    QVERIFY2(vars.value(u"AWS_ACCESS_KEY_ID"_s).startsWith(u"ASIA"_s), r.out.constData());
    QVERIFY(vars.value(u"AWS_SECRET_ACCESS_KEY"_s).size() >= 16);
    QVERIFY(vars.value(u"AWS_SESSION_TOKEN"_s).size() >= 16);
    QVERIFY(vars.value(u"AWS_SESSION_TOKEN"_s) != u"rolecall-test-stale-token"_s);
    const QDateTime expiration = QDateTime::fromString(vars.value(u"AWS_CREDENTIAL_EXPIRATION"_s), Qt::ISODate);
    QVERIFY2(expiration > before.addSecs(3000) && expiration < before.addSecs(4000),
        qPrintable(vars.value(u"AWS_CREDENTIAL_EXPIRATION"_s)));
    QCOMPARE(vars.value(u"AWS_REGION"_s), u"eu-west-2"_s); // the role profile's
    QCOMPARE(vars.value(u"AWS_DEFAULT_REGION"_s), u"eu-west-2"_s);
    for (const QString &gone : {u"AWS_PROFILE"_s, u"AWS_DEFAULT_PROFILE"_s, u"AWS_SECURITY_TOKEN"_s,
             u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s})
        QVERIFY2(!vars.contains(gone), qPrintable(gone));
    // Untouched: the child finds the same config files and endpoints.
    QCOMPARE(vars.value(u"AWS_CONFIG_FILE"_s), env.value(u"AWS_CONFIG_FILE"_s));
    QCOMPARE(vars.value(u"AWS_ENDPOINT_URL_STS"_s), env.value(u"AWS_ENDPOINT_URL_STS"_s));
}

void Tst_ExecCli::execLongTermKeysDropAStaleSessionToken()
{
    writeConfig(kConfig, kCredentials);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_SESSION_TOKEN"_s, u"rolecall-test-stale-token"_s);
    env.insert(u"AWS_CREDENTIAL_EXPIRATION"_s, u"2001-01-01T00:00:00Z"_s);
    env.insert(u"AWS_REGION"_s, u"ap-south-1"_s); // the environment's region wins over the profile's
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"example-user"_s, u"--"_s, u"env"_s}, env);
    VERIFY_RUN(r, 0);
    const QMap<QString, QString> vars = parseEnv(r.out);
    QCOMPARE(vars.value(u"AWS_ACCESS_KEY_ID"_s), QString(kExampleUserKeyId));
    QCOMPARE(vars.value(u"AWS_SECRET_ACCESS_KEY"_s), QString(kExampleUserSecret));
    QVERIFY(!vars.contains(u"AWS_SESSION_TOKEN"_s));
    QVERIFY(!vars.contains(u"AWS_CREDENTIAL_EXPIRATION"_s));
    QCOMPARE(vars.value(u"AWS_REGION"_s), u"ap-south-1"_s);
    QCOMPARE(vars.value(u"AWS_DEFAULT_REGION"_s), u"ap-south-1"_s);
}

void Tst_ExecCli::execChildUsesThemWithTheAwsCli()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"role"_s, u"--"_s, u"aws"_s, u"sts"_s, u"get-caller-identity"_s,
                             u"--output"_s, u"json"_s},
        environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"Arn"_s).toString(), expectedArn());
}

void Tst_ExecCli::execPassesTheExitCode_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("code");
    QTest::addRow("0") << u"exit 0"_s << 0;
    QTest::addRow("7") << u"exit 7"_s << 7;
    QTest::addRow("255") << u"exit 255"_s << 255;
    QTest::addRow("killed by SIGTERM: 128+15") << u"kill -TERM $$"_s << 143;
    QTest::addRow("killed by SIGKILL: 128+9") << u"kill -KILL $$"_s << 137;
}

void Tst_ExecCli::execPassesTheExitCode()
{
    QFETCH(QString, script);
    QFETCH(int, code);
    writeConfig(kConfig, kCredentials);
    const CliRun r
        = run({u"exec"_s, u"--profile"_s, u"example-user"_s, u"--"_s, u"sh"_s, u"-c"_s, script}, environment());
    VERIFY_RUN(r, code);
    QCOMPARE(r.err, QByteArray());
}

void Tst_ExecCli::execCommandProblems_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("not found") << QStringList {u"--"_s, u"rolecall-no-such-command"_s} << 127
                               << u"rolecall-no-such-command: command not found"_s;
    QTest::addRow("no such file") << QStringList {u"--"_s, u"./no/such/program"_s} << 127 << u"no such file"_s;
    QTest::addRow("not executable") << QStringList {u"--"_s, u"./fetch.py"_s} << 126 << u"not an executable"_s;
    QTest::addRow("no command") << QStringList {u"--"_s} << 2 << u"give the command to run after --"_s;
}

void Tst_ExecCli::execCommandProblems()
{
    QFETCH(QStringList, command);
    QFETCH(int, code);
    QFETCH(QString, message);
    writeConfig(kConfig, kCredentials);
    const CliRun r = run(QStringList {u"exec"_s, u"--profile"_s, u"example-user"_s} + command, environment());
    VERIFY_RUN(r, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
}

void Tst_ExecCli::execForwardsSignalsToTheChild_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");
    QTest::addRow("SIGTERM") << int(SIGTERM) << u"TERM"_s;
    QTest::addRow("SIGINT") << int(SIGINT) << u"INT"_s;
    QTest::addRow("SIGHUP") << int(SIGHUP) << u"HUP"_s;
}

void Tst_ExecCli::execForwardsSignalsToTheChild()
{
    QFETCH(int, signal);
    QFETCH(QString, name);
    writeConfig(kConfig, kCredentials);
    const QString out = QDir(m_home->path()).filePath(u"signal.txt"_s);
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_home->path());
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(QStringLiteral(ROLECALL_CLI_PATH),
        {u"exec"_s, u"--profile"_s, u"example-user"_s, u"--debug"_s, u"--"_s, u"sh"_s, u"trap.sh"_s, out});
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out + u".ready"_s), kSignalWaitMs);
    // Sent by a process (a supervisor, a CI runner), not by a terminal: rolecall-cli must pass it on.
    QCOMPARE(::kill(static_cast<pid_t>(process.processId()), signal), 0);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, kSignalWaitMs);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 42, err.constData()); // the child's own exit code, after its trap
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll().trimmed()), name);
    const QByteArray forwarded = "forwarded signal " + QByteArray::number(signal);
    QVERIFY2(err.contains(forwarded), err.constData());
}

// ---------------------------------------------------------------------------------------------- exec --server

void Tst_ExecCli::serverServesBotocore()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_PROFILE"_s, u"user"_s); // removed for the child: its SDK must take the endpoint
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"role"_s, u"--server"_s, u"--debug"_s, u"--"_s, u"python3"_s,
                             u"botocore_identity.py"_s},
        env);
    VERIFY_RUN(r, 0);
    const QJsonObject result = r.json();
    QCOMPARE(result.value(u"method"_s).toString(), u"container-role"_s);
    QVERIFY2(result.value(u"key"_s).toString().startsWith(u"ASIA"_s), r.out.constData());
    QCOMPARE(result.value(u"arn"_s).toString(), expectedArn());
    QVERIFY2(r.err.contains("endpoint served 1 request(s), refreshed 0 time(s), refused 0"), r.err.constData());
}

void Tst_ExecCli::serverServesTheAwsCli()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"role"_s, u"--server"_s, u"--"_s, u"aws"_s, u"sts"_s,
                             u"get-caller-identity"_s, u"--output"_s, u"json"_s},
        environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"Arn"_s).toString(), expectedArn());
}

void Tst_ExecCli::serverRefreshesBeforeExpiry()
{
    writeConfig(kConfig, kCredentials);
    // First a session with two minutes left, then hour-long ones.
    m_sts->setResponder([](const RecordedRequest &request) {
        Q_UNUSED(request)
        return assumeRoleAnswer(kLaterKeyId, 3600);
    });
    m_sts->enqueue(assumeRoleAnswer(kFirstKeyId, 120));
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"short"_s, u"--server"_s, u"--refresh-window"_s, u"600"_s,
                             u"--debug"_s, u"--"_s, u"python3"_s, u"fetch.py"_s, u"GET:token:"_s, u"GET:token:"_s},
        stsEnvironment());
    VERIFY_RUN(r, 0);
    const QJsonArray results = r.json().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 2);
    // Two minutes is inside the ten-minute window: the first request waits for a refresh; the second is served
    // the fresh session without another call.
    for (const QJsonValue &result : results) {
        QCOMPARE(result[u"status"_s].toInt(), 200);
        const QJsonObject body = result[u"body"_s].toObject();
        QCOMPARE(body.value(u"AccessKeyId"_s).toString(), QString(kLaterKeyId));
        QCOMPARE(body.value(u"SecretAccessKey"_s).toString(), StsFixture().secretAccessKey);
        QCOMPARE(body.value(u"Token"_s).toString(), StsFixture().sessionToken);
        const QDateTime expiration = QDateTime::fromString(body.value(u"Expiration"_s).toString(), Qt::ISODate);
        QVERIFY(expiration > QDateTime::currentDateTimeUtc().addSecs(3000));
    }
    QCOMPARE(m_sts->requestCount(), 2);
    for (const RecordedRequest &request : m_sts->requests())
        QCOMPARE(request.formValue("Action"), QByteArray("AssumeRole"));
    QVERIFY2(r.err.contains("refreshed 1 time(s)"), r.err.constData());
}

void Tst_ExecCli::serverNeverServesExpiredCredentials()
{
    writeConfig(kConfig, kCredentials);
    // Thirty seconds left, and STS refuses every refresh: nothing may be served.
    m_sts->setResponder([](const RecordedRequest &request) {
        Q_UNUSED(request)
        return FaultResponse::awsError(403, u"AccessDenied"_s, u"Not authorized to perform sts:AssumeRole"_s);
    });
    m_sts->enqueue(assumeRoleAnswer(kFirstKeyId, 30));
    const CliRun r = run(
        {u"exec"_s, u"--profile"_s, u"short"_s, u"--server"_s, u"--"_s, u"python3"_s, u"fetch.py"_s, u"GET:token:"_s},
        stsEnvironment());
    VERIFY_RUN(r, 0);
    const QJsonArray results = r.json().value(u"results"_s).toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0)[u"status"_s].toInt(), 503);
    QCOMPARE(results.at(0)[u"body"_s][u"code"_s].toString(), u"CredentialsUnavailable"_s);
    QVERIFY(!r.out.contains(kFirstKeyId.data()));
    QVERIFY2(r.err.contains("refreshing the credentials failed") && r.err.contains("AccessDenied"), r.err.constData());
    QCOMPARE(m_sts->requestCount(), 2);
}

void Tst_ExecCli::serverRefusesWithoutTheToken()
{
    writeConfig(kConfig, kCredentials);
    m_sts->setResponder([](const RecordedRequest &request) {
        Q_UNUSED(request)
        return assumeRoleAnswer(kLaterKeyId, 3600);
    });
    const CliRun r = run({u"exec"_s, u"--profile"_s, u"short"_s, u"--server"_s, u"--debug"_s, u"--"_s, u"python3"_s,
                             u"fetch.py"_s, u"GET:none:"_s, u"GET:wrong:"_s, u"GET:longer:"_s, u"GET:bearer:"_s,
                             u"POST:none:"_s, u"POST:token:"_s, u"GET:token:/other"_s, u"GET:token:"_s},
        stsEnvironment());
    VERIFY_RUN(r, 0);
    const QJsonObject output = r.json();
    const QUrl uri(output.value(u"uri"_s).toString());
    QCOMPARE(uri.scheme(), u"http"_s);
    QCOMPARE(uri.host(), u"127.0.0.1"_s);
    QVERIFY(uri.port() > 0);
    QVERIFY2(uri.path().size() >= 20, qPrintable(uri.path())); // a random path
    QCOMPARE(output.value(u"tokenLength"_s).toInt(), 43); // 32 random bytes, base64url
    const QList<int> expected {401, 401, 401, 401, 401, 405, 404, 200};
    const QJsonArray results = output.value(u"results"_s).toArray();
    QCOMPARE(results.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(results.at(i)[u"status"_s].toInt(), expected.at(i));
        if (expected.at(i) != 200)
            QVERIFY(!results.at(i)[u"body"_s].toObject().contains(u"SecretAccessKey"_s));
    }
    QCOMPARE(results.last()[u"body"_s][u"AccessKeyId"_s].toString(), QString(kLaterKeyId));
    QCOMPARE(m_sts->requestCount(), 1); // fresh enough: no refresh
    QVERIFY2(r.err.contains("endpoint served 1 request(s), refreshed 0 time(s), refused 5"), r.err.constData());
}

void Tst_ExecCli::serverRefusesLongTermKeys()
{
    writeConfig(kConfig, kCredentials);
    const CliRun r
        = run({u"exec"_s, u"--profile"_s, u"example-user"_s, u"--server"_s, u"--"_s, u"true"_s}, environment());
    VERIFY_RUN(r, 3);
    QVERIFY2(r.err.contains("only temporary credentials"), r.err.constData());
}

// ---------------------------------------------------------------------------------------------- credential-process

void Tst_ExecCli::credentialProcessPrintsVersionOne()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r
        = run({u"credential-process"_s, u"--profile"_s, u"role"_s, u"--duration"_s, u"1800"_s}, environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject document = r.json();
    QCOMPARE(document.value(u"Version"_s).toInt(), 1);
    QVERIFY(document.value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s));
    QVERIFY(!document.value(u"SecretAccessKey"_s).toString().isEmpty());
    QVERIFY(!document.value(u"SessionToken"_s).toString().isEmpty());
    const QDateTime expiration = QDateTime::fromString(document.value(u"Expiration"_s).toString(), Qt::ISODate);
    QVERIFY2(
        qAbs(before.addSecs(1800).secsTo(expiration)) < 60, qPrintable(document.value(u"Expiration"_s).toString()));
    QCOMPARE(document.keys().size(), 5);

    // moto issued them, and they are the role's.
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ACCESS_KEY_ID"_s, document.value(u"AccessKeyId"_s).toString());
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, document.value(u"SecretAccessKey"_s).toString());
    env.insert(u"AWS_SESSION_TOKEN"_s, document.value(u"SessionToken"_s).toString());
    const CliRun whoami = run({u"whoami"_s, u"--json"_s}, env);
    VERIFY_RUN(whoami, 0);
    QCOMPARE(whoami.json().value(u"Arn"_s).toString(), expectedArn());
}

void Tst_ExecCli::credentialProcessWorksForTheAwsCli()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    QProcess aws;
    aws.setProcessEnvironment(environment());
    aws.setWorkingDirectory(m_home->path());
    aws.setChildProcessModifier([] { ::setsid(); });
    aws.start(
        u"aws"_s, {u"sts"_s, u"get-caller-identity"_s, u"--profile"_s, u"viaprocess"_s, u"--output"_s, u"json"_s});
    QVERIFY2(aws.waitForStarted(10000), qPrintable(aws.errorString()));
    QVERIFY(aws.waitForFinished(kRunTimeoutMs));
    const QByteArray out = aws.readAllStandardOutput();
    const QByteArray err = aws.readAllStandardError();
    QVERIFY2(aws.exitCode() == 0, err.constData());
    QCOMPARE(QJsonDocument::fromJson(out).object().value(u"Arn"_s).toString(), expectedArn());
}

void Tst_ExecCli::credentialProcessReusesTheCachedSession()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const CliRun first = run({u"credential-process"_s, u"--profile"_s, u"role"_s}, environment());
    VERIFY_RUN(first, 0);
    const QString keyId = first.json().value(u"AccessKeyId"_s).toString();
    QVERIFY(keyId.startsWith(u"ASIA"_s));

    // The second run is served from the keychain cache: the same session, where STS would issue a new one.
    const CliRun second = run({u"credential-process"_s, u"--profile"_s, u"role"_s}, environment());
    VERIFY_RUN(second, 0);
    QCOMPARE(second.json().value(u"AccessKeyId"_s).toString(), keyId);
    QCOMPARE(second.json().value(u"Expiration"_s), first.json().value(u"Expiration"_s));

    // --no-cache goes to STS and gets a session of its own.
    const CliRun uncached = run({u"--no-cache"_s, u"credential-process"_s, u"--profile"_s, u"role"_s}, environment());
    VERIFY_RUN(uncached, 0);
    QVERIFY(uncached.json().value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s));
    QVERIFY(uncached.json().value(u"AccessKeyId"_s).toString() != keyId);

    // The cache key includes the STS endpoint: another endpoint (here, one that is down) is not served the session.
    QProcessEnvironment elsewhere = environment();
    elsewhere.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    const CliRun other = run({u"credential-process"_s, u"--profile"_s, u"role"_s}, elsewhere);
    QCOMPARE(other.exitCode, 4);
    QVERIFY(!other.out.contains(keyId.toUtf8()));
}

void Tst_ExecCli::credentialProcessAsksTheDesktopApp()
{
    writeConfig(kConfig, kCredentials);
    const auto app = startStandInApp();
    QVERIFY(app);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl); // had the chain run here, it would fail with 4

    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_home->path());
    process.setChildProcessModifier([] { ::setsid(); }); // no terminal: only the app can help
    process.start(QStringLiteral(ROLECALL_CLI_PATH),
        {u"credential-process"_s, u"--profile"_s, u"role"_s, u"--duration"_s, u"3600"_s, u"--debug"_s});
    QVERIFY(process.waitForStarted(10000));
    const qint64 pid = process.processId();
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, kRunTimeoutMs);
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, err.constData());
    const QJsonObject document = QJsonDocument::fromJson(out).object();
    QCOMPARE(document.value(u"Version"_s).toInt(), 1);
    QCOMPARE(document.value(u"AccessKeyId"_s).toString(), QString(kBrokerKeyId));
    QCOMPARE(document.value(u"SecretAccessKey"_s).toString(), QString(kBrokerSecret));
    QCOMPARE(document.value(u"SessionToken"_s).toString(), QString(kBrokerToken));
    QVERIFY2(err.contains("credentials from the Rolecall desktop app"), err.constData());
    QVERIFY(!err.contains(kBrokerSecret.data()));

    QCOMPARE(m_app.requests.size(), 1);
    const Broker::Request &request = m_app.requests.first();
    QCOMPARE(request.operation, Broker::Operation::Credentials);
    QCOMPARE(request.profile, u"role"_s);
    QCOMPARE(request.durationSeconds, std::optional<int>(3600));
    QCOMPARE(request.client, u"credential-process"_s);
    QCOMPARE(request.peerProcessId, pid); // the kernel names the asking process
}

void Tst_ExecCli::credentialProcessReportsTheAppsRefusal()
{
    writeConfig(kConfig, kCredentials);
    m_app.error = Error::cancelled(u"MFA prompt"_s);
    m_app.error->message = u"The MFA prompt for role was dismissed."_s;
    const auto app = startStandInApp();
    QVERIFY(app);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    const CliRun r = run({u"credential-process"_s, u"--profile"_s, u"role"_s}, env);
    VERIFY_RUN(r, 5);
    QVERIFY2(r.err.contains("The MFA prompt for role was dismissed."), r.err.constData());
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(m_app.requests.size(), 1);
}

void Tst_ExecCli::credentialProcessFallsBackForProfilesTheAppLacks()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    Error unknown = Error::config(u"The Rolecall app knows no profile \"role\"."_s);
    unknown.awsCode = Broker::kCodeUnknownProfile;
    m_app.error = unknown;
    const auto app = startStandInApp();
    QVERIFY(app);
    const CliRun r = run({u"credential-process"_s, u"--profile"_s, u"role"_s}, environment());
    VERIFY_RUN(r, 0);
    QVERIFY(r.json().value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s));
    QVERIFY(r.json().value(u"AccessKeyId"_s).toString() != QString(kBrokerKeyId));
    QCOMPARE(m_app.requests.size(), 1);
}

void Tst_ExecCli::credentialProcessAsksTheAppForMfa()
{
    writeConfig(kConfig, kMfaUserCredentials);
    m_sts->setResponder([](const RecordedRequest &request) {
        StsFixture f;
        f.expiration = isoIn(3600);
        return FaultResponse::xml(StsXml::forAction(request.formValue("Action"), f));
    });
    const auto app = startStandInApp();
    QVERIFY(app);
    // --endpoint-url: the chain runs here (the app would use its own endpoint); only the code comes from the app.
    const CliRun r
        = run({u"--endpoint-url"_s, m_sts->url().toString(), u"credential-process"_s, u"--profile"_s, u"mfa-role"_s},
            environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"AccessKeyId"_s).toString(), StsFixture().accessKeyId);
    QCOMPARE(m_app.requests.size(), 1);
    QCOMPARE(m_app.requests.first().operation, Broker::Operation::MfaCode);
    QCOMPARE(m_app.requests.first().serialNumber, QString(kMfaSerial));
    QCOMPARE(m_app.requests.first().profile, u"mfa-role"_s);
    QCOMPARE(m_sts->requestCount(), 2);
    const RecordedRequest session = m_sts->request(0);
    QCOMPARE(session.formValue("Action"), QByteArray("GetSessionToken"));
    QCOMPARE(session.formValue("SerialNumber"), QByteArray(kMfaSerial.data()));
    QCOMPARE(session.formValue("TokenCode"), QByteArray("123456"));
    QCOMPARE(m_sts->request(1).formValue("Action"), QByteArray("AssumeRole"));
}

void Tst_ExecCli::credentialProcessWithoutTerminalOrAppFailsClearly()
{
    writeConfig(kConfig, kMfaUserCredentials);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_sts->url().toString());
    const CliRun r = run({u"credential-process"_s, u"--profile"_s, u"mfa-role"_s}, env);
    VERIFY_RUN(r, 3);
    QVERIFY2(r.err.contains("desktop app is not running and there is no terminal"), r.err.constData());
    QVERIFY2(r.err.contains(kMfaSerial.data()), r.err.constData());
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(m_sts->requestCount(), 0);
}

void Tst_ExecCli::credentialProcessLoopIsRefused()
{
    writeConfig(kConfig, kCredentials);
    QElapsedTimer timer;
    timer.start();
    const CliRun r = run({u"credential-process"_s, u"--profile"_s, u"loop"_s}, environment(), 20000);
    VERIFY_RUN(r, 3);
    QVERIFY2(r.err.contains("points back at itself"), r.err.constData());
    QVERIFY(timer.elapsed() < 20000);
}

void Tst_ExecCli::assumeAsksTheDesktopAppWithoutTerminal()
{
    writeConfig(kConfig, kCredentials);
    const auto app = startStandInApp();
    QVERIFY(app);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    const CliRun r = run({u"assume"_s, u"--profile"_s, u"role"_s, u"--format"_s, u"process"_s}, env);
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"AccessKeyId"_s).toString(), QString(kBrokerKeyId));
    QCOMPARE(m_app.requests.size(), 1);
    QCOMPARE(m_app.requests.first().client, u"assume"_s);

    // With --mfa-code the chain runs here (and meets the closed endpoint): the app is not asked.
    const CliRun withCode = run({u"assume"_s, u"--profile"_s, u"role"_s, u"--mfa-code"_s, u"123456"_s}, env);
    VERIFY_RUN(withCode, 4);
    QCOMPARE(m_app.requests.size(), 1);
}

QTEST_GUILESS_MAIN(Tst_ExecCli)
#include "tst_execcli.moc"
