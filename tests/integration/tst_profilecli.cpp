// SPDX-License-Identifier: Apache-2.0
// Every kind of profile through rolecall-cli as scripts run it: `profiles`, `assume`, `console` and --profile on
// the raw commands. A child process with a controlled environment and config files written per test, against moto
// with SigV4 and IAM checks enforced (moto recomputes every signature and evaluates trust policies) and the loopback
// fault server where moto cannot look (MFA parameters, container and instance metadata, the federation endpoint).
#include "clirunner.h"
#include "faultserver.h"
#include "motoserver.h"
#include "testenv.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::MotoServer;
using Rolecall::Test::RecordedRequest;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

using Rolecall::Test::CliRun;
using Rolecall::Test::closedLoopbackPort;

namespace {

constexpr int kRunTimeoutMs = 30000;
constexpr qint64 kExpiryToleranceSecs = 30;

// AWS's documented example values, for everything moto never issued.
const auto kExampleKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kSecondKeyId = "AKIAI44QH8DHBEXAMPLE"_L1;
const auto kSecondSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
// What the fault server answers GetSessionToken with (GetSessionToken's documented example token).
const auto kSessionKeyId = "ASIAI44QH8DHBEXAMPLE"_L1;
const auto kSessionSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
const auto kSessionToken
    = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrUtdnn"
      "iCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b"
      "15fjrBs2+cTQtpZ3CYWFXG8C5zqx37wnOE49mRl/+OtkIKGO7fAE"_L1;
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-user"_L1;
const auto kSecondMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-second"_L1;
const auto kSigninToken = "EXAMPLE-SigninToken-VGhpcyBpcyBub3QgYSByZWFsIHNpZ24taW4gdG9rZW4"_L1;
const auto kWebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyb2xlY2FsbC1wcm9maWxlIn0.c2lnbmF0dXJlLXByb2ZpbGVz"_L1;
const auto kContainerAuthorization = "Bearer EXAMPLE-container-authorization-token"_L1;
const auto kImdsToken = "AQAEAEXAMPLEimdsv2sessiontoken=="_L1;
const auto kInstanceRole = "rolecall-instance-role"_L1;

// Role session names: moto's trust check compares the assumed-role principal exactly.
const auto kHopA = "rc-hop-a"_L1;
const auto kHopB = "rc-hop-b"_L1;

// A static user (the moto admin's key), a role from it, and a role chained from that role.
const auto kCredentials = "[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n"_L1;
const auto kConfig
    = "[profile user]\nregion = us-east-1\n\n"
      "[profile role]\nrole_arn = %USER_ROLE%\nsource_profile = user\nrole_session_name = rc-hop-a\n\n"
      "[profile chain]\nrole_arn = %CHAIN_ROLE%\nsource_profile = role\nrole_session_name = rc-hop-b\n"_L1;
// An IAM user with example keys (the fault server plays STS for it).
const auto kExampleUserCredentials = "[mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                     "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

QString expirationProblem(const QString &text, const QDateTime &before, const QDateTime &after, int seconds)
{
    const QDateTime expiration = QDateTime::fromString(text, Qt::ISODate);
    if (!expiration.isValid())
        return u"Expiration is not ISO 8601: "_s + text;
    if (expiration < before.addSecs(seconds - kExpiryToleranceSecs)
        || expiration > after.addSecs(seconds + kExpiryToleranceSecs))
        return u"Expiration %1 is not %2 s after the call"_s.arg(text).arg(seconds);
    return {};
}

// The access key id in a SigV4 Authorization header ("Credential=AKIA…/date/region/service/aws4_request").
QString signingKeyId(const RecordedRequest &request)
{
    static const QRegularExpression credential(u"Credential=([^/]+)/"_s);
    return credential.match(QString::fromLatin1(request.header("Authorization"))).captured(1);
}

QString signingRegion(const RecordedRequest &request)
{
    static const QRegularExpression scope(u"Credential=[^/]+/\\d{8}/([^/]+)/sts/aws4_request"_s);
    return scope.match(QString::fromLatin1(request.header("Authorization"))).captured(1);
}

// What the fault server answers GetSessionToken and AssumeRole with.
StsFixture sessionFixture()
{
    StsFixture f;
    f.accessKeyId = kSessionKeyId;
    f.secretAccessKey = kSessionSecret;
    f.sessionToken = kSessionToken;
    f.expiration = isoIn(43200);
    return f;
}

StsFixture roleFixture(const RecordedRequest &request)
{
    StsFixture f; // ASIAIOSFODNN7EXAMPLE with AssumeRole's documented example token
    f.expiration = isoIn(3600);
    const QString session = QString::fromUtf8(request.formValue("RoleSessionName"));
    const QString role = QString::fromUtf8(request.formValue("RoleArn")).section(u'/', -1);
    f.assumedRoleArn = u"arn:aws:sts::123456789012:assumed-role/%1/%2"_s.arg(role, session);
    f.assumedRoleId = u"AROA3XFRBF535PLBIFPI4:"_s + session;
    return f;
}

QList<QByteArray> actionsOf(const QList<RecordedRequest> &requests)
{
    QList<QByteArray> actions;
    for (const RecordedRequest &request : requests)
        actions.append(request.formValue("Action"));
    return actions;
}

QByteArray metadataCredentialsJson()
{
    return "{\"Code\": \"Success\", \"Type\": \"AWS-HMAC\", \"AccessKeyId\": \"ASIAIOSFODNN7EXAMPLE\", "
           "\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\", \"Token\": \""
        + StsFixture().sessionToken.toLatin1() + "\", \"Expiration\": \"" + isoIn(6 * 3600).toLatin1()
        + "\", \"AccountId\": \"123456789012\"}";
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

class Tst_ProfileCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // profiles
    void profilesTextShowsKindAccountRegionAndChain();
    void profilesJsonHasEveryFieldAndNoSecret();
    void profilesJsonKindChainAndSteps_data();
    void profilesJsonKindChainAndSteps();
    void profilesJsonOrderIsConfigThenCredentialsOnly();
    void profilesJsonEscapesEveryCharacterAnywhere();
    void shortPathAnswersLikeTheCommandsModule_data();
    void shortPathAnswersLikeTheCommandsModule();
    void shortPathLinksNoNetworkLibrary();
    void missingCommandsModuleIsAClearError();
    void profilesListErrorsAndStillSucceed();
    void profilesWarnAboutMalformedLinesOnStderr();
    void profilesSpeakTheUsersLanguage_data();
    void profilesSpeakTheUsersLanguage();

    // assume against moto
    void assumeStaticUserGivesItsKeys();
    void assumeRoleFromSourceProfile();
    void assumeWritesTheSessionAsAProfile();
    void assumeChainOfThreeAsShellExports();
    void assumeDurationOverride_data();
    void assumeDurationOverride();
    void assumeChainedRoleOverAnHourIsRefused();
    void rawCommandsSignWithTheProfile_data();
    void rawCommandsSignWithTheProfile();
    void withoutProfileOption_data();
    void withoutProfileOption();

    // MFA against the fault server playing STS
    void mfaCodeUnlocksSessionTokenThenRole_data();
    void mfaCodeUnlocksSessionTokenThenRole();
    void mfaWithoutUsableCodeSendsNothing_data();
    void mfaWithoutUsableCodeSendsNothing();
    void mfaProcessGivesTheCode();
    void secondMfaDeviceNeedsASecondCode();

    // the other root sources
    void credentialProcessProfile_data();
    void credentialProcessProfile();
    void webIdentityProfile();
    void environmentCredentialSource();
    void ecsContainerCredentialSource();
    void instanceMetadataCredentialSource();
    void unusableProfilesExitThree_data();
    void unusableProfilesExitThree();

    // console
    void consolePrintsLoginUrl_data();
    void consolePrintsLoginUrl();
    void consoleLogoutFirstWrapsTheLoginUrl();
    void consoleStaticUserGoesThroughFederationToken();
    void consoleChainedRoleOverAnHourIsRefusedFirst();

    // endpoints and regions from the profile
    void profileEndpointSettings_data();
    void profileEndpointSettings();
    void profileRegionSignsTheCalls_data();
    void profileRegionSignsTheCalls();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input = {});
    QProcessEnvironment environment(bool withAdminKeys = false) const;
    void writeConfig(const QString &config, const QString &credentials = {});
    QString writeFile(const QString &name, const QByteArray &content, bool executable = false);
    QString substitute(QString text) const;
    QStringList substitute(const QStringList &list) const;
    void rememberSecrets(const QByteArray &output);
    void learnSecret(const QString &secret);
    /// GetCallerIdentity through the CLI (environment credentials, moto verifies them): the ARN, or empty.
    QString arnFor(const QString &keyId, const QString &secret, const QString &token);
    QString arnFor(const QJsonObject &credentials);
    QJsonArray profilesJson(const QString &config, const QString &credentials);
    QString assumedRoleArn(const QString &role, const QString &session) const;
    /// The fault server answers the STS actions like AWS, with the fixtures above.
    void answerLikeSts();
    void answerLikeFederation();
    /// AssumeRole calls moto stored for @p roleArn.
    int assumedRoleCount(const QString &roleArn);

    MotoServer m_moto;
    QString m_motoError;
    Rolecall::Test::MotoRole m_userRole;
    Rolecall::Test::MotoRole m_chainRole;
    Rolecall::Test::MotoRole m_webRole;
    QString m_closedUrl;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<FaultServer> m_sts; // plays STS
    std::unique_ptr<FaultServer> m_side; // plays the container / instance metadata / federation endpoint
    QStringList m_secrets; // must never appear on stderr
    QStringList m_problems; // leaks, crashes and hangs seen by run()
};

// ---------------------------------------------------------------------------------------------- fixture

void Tst_ProfileCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const quint16 closed = closedLoopbackPort();
    QVERIFY(closed != 0);
    m_closedUrl = u"http://127.0.0.1:%1"_s.arg(closed);
    m_secrets = {kExampleSecret, kSecondSecret, kSessionSecret, kSessionToken, StsFixture().sessionToken, kSigninToken,
        kWebIdentityToken, kContainerAuthorization, kImdsToken};

    m_motoError = m_moto.start(MotoServer::Auth::Enforced);
    if (m_motoError.isEmpty()) {
        m_secrets.append(m_moto.admin().secretAccessKey);
        const QString userTrust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
              uR"("Principal":{"AWS":"%1"}}]})"_s.arg(m_moto.admin().arn);
        QString problem = m_moto.createRole(u"rc-user-role"_s, userTrust, MotoServer::allowAllPolicy(), &m_userRole);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Trusts only the session that hop A opens, not the user: the chain must really go through role A.
        const QString chainTrust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
              uR"("Principal":{"AWS":"arn:aws:sts::%1:assumed-role/rc-user-role/%2"}}]})"_s.arg(
                  MotoServer::kAccountId, kHopA);
        problem = m_moto.createRole(u"rc-chain-role"_s, chainTrust, MotoServer::allowAllPolicy(), &m_chainRole);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString webTrust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",)"
              uR"("Principal":{"Federated":"accounts.example.com"}}]})"_s;
        problem = m_moto.createRole(u"rc-web-role"_s, webTrust, MotoServer::allowAllPolicy(), &m_webRole);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Poison this process's environment: none of it may reach the CLI (cleanEnvironment strips it). Had any of it
    // leaked, the runs below would go to a closed port, read no config, or distrust every server.
    const QByteArray closedUrl = m_closedUrl.toUtf8();
    qputenv("AWS_CA_BUNDLE", "/nonexistent/rolecall-test-ca.pem");
    qputenv("AWS_ENDPOINT_URL_STS", closedUrl);
    qputenv("AWS_ENDPOINT_URL", closedUrl);
    qputenv("AWS_PROFILE", "rolecall-test-missing-profile");
    qputenv("AWS_CONFIG_FILE", "/nonexistent/rolecall-config");
    qputenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/rolecall-credentials");
    qputenv("AWS_SESSION_TOKEN", "rolecall-test-poisoned-session-token");
    qputenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", closedUrl);
    qputenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", closedUrl);
    qputenv("ROLECALL_FEDERATION_URL", closedUrl);
    qputenv("HTTP_PROXY", closedUrl);
    qputenv("http_proxy", closedUrl);
}

void Tst_ProfileCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir(m_home->path()).mkpath(u"aws"_s));
    m_sts = std::make_unique<FaultServer>();
    QVERIFY2(m_sts->listen(), qPrintable(m_sts->errorString()));
    m_side = std::make_unique<FaultServer>();
    QVERIFY2(m_side->listen(), qPrintable(m_side->errorString()));
}

void Tst_ProfileCli::cleanup()
{
    const QStringList problems = std::exchange(m_problems, {});
    m_sts.reset();
    m_side.reset();
    m_home.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    if (QTest::currentTestFailed() && m_moto.isRunning())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(2000)));
}

CliRun Tst_ProfileCli::run(
    const QStringList &arguments, const QProcessEnvironment &environment, const QByteArray &input)
{
    return Rolecall::Test::runCli(QStringLiteral(ROLECALL_CLI_PATH), arguments, environment, m_home->path(), input,
        kRunTimeoutMs, &m_problems, &m_secrets);
}

void Tst_ProfileCli::rememberSecrets(const QByteArray &output)
{
    Rolecall::Test::rememberSecrets(output, &m_secrets);
}

void Tst_ProfileCli::learnSecret(const QString &secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QProcessEnvironment Tst_ProfileCli::environment(bool withAdminKeys) const
{
    QProcessEnvironment env = Rolecall::Test::cleanEnvironment(m_home->path());
    // Not ~/.aws: the files are found through the variables or not at all.
    env.insert(u"AWS_CONFIG_FILE"_s, QDir(m_home->path()).filePath(u"aws/config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, QDir(m_home->path()).filePath(u"aws/credentials"_s));
    env.insert(u"USER"_s, u"rolecall-tester"_s);
    env.remove(u"USERNAME"_s);
    if (withAdminKeys) {
        env.insert(u"AWS_ACCESS_KEY_ID"_s, m_moto.admin().accessKeyId);
        env.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_moto.admin().secretAccessKey);
    }
    return env;
}

QString Tst_ProfileCli::writeFile(const QString &name, const QByteArray &content, bool executable)
{
    const QString path = QDir(m_home->path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qWarning("cannot write %s", qPrintable(path));
        return path;
    }
    file.close();
    if (executable)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void Tst_ProfileCli::writeConfig(const QString &config, const QString &credentials)
{
    writeFile(u"aws/config"_s, substitute(config).toUtf8());
    writeFile(u"aws/credentials"_s, substitute(credentials).toUtf8());
}

QString Tst_ProfileCli::substitute(QString text) const
{
    text.replace(u"%MOTO%"_s, m_moto.url().toString());
    text.replace(u"%CLOSED%"_s, m_closedUrl);
    text.replace(u"%STS%"_s, m_sts ? m_sts->url().toString() : QString());
    text.replace(u"%SIDE%"_s, m_side ? m_side->url().toString() : QString());
    text.replace(u"%DIR%"_s, m_home ? m_home->path() : QString());
    text.replace(u"%ADMIN_KEY%"_s, m_moto.admin().accessKeyId);
    text.replace(u"%ADMIN_SECRET%"_s, m_moto.admin().secretAccessKey);
    text.replace(u"%USER_ROLE%"_s, m_userRole.arn);
    text.replace(u"%CHAIN_ROLE%"_s, m_chainRole.arn);
    text.replace(u"%WEB_ROLE%"_s, m_webRole.arn);
    text.replace(u"%MFA%"_s, kMfaSerial);
    text.replace(u"%MFA2%"_s, kSecondMfaSerial);
    return text;
}

QStringList Tst_ProfileCli::substitute(const QStringList &list) const
{
    QStringList out;
    for (const QString &item : list)
        out.append(substitute(item));
    return out;
}

QString Tst_ProfileCli::arnFor(const QString &keyId, const QString &secret, const QString &token)
{
    QProcessEnvironment env = environment(false);
    env.insert(u"AWS_ACCESS_KEY_ID"_s, keyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secret);
    if (!token.isEmpty())
        env.insert(u"AWS_SESSION_TOKEN"_s, token);
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--json"_s}, env);
    if (r.exitCode != 0)
        qWarning("whoami with the credentials failed: %s", qPrintable(r.describe()));
    return r.json().value(u"Arn"_s).toString();
}

QString Tst_ProfileCli::arnFor(const QJsonObject &credentials)
{
    return arnFor(credentials.value(u"AccessKeyId"_s).toString(), credentials.value(u"SecretAccessKey"_s).toString(),
        credentials.value(u"SessionToken"_s).toString());
}

QString Tst_ProfileCli::assumedRoleArn(const QString &role, const QString &session) const
{
    return u"arn:aws:sts::%1:assumed-role/%2/%3"_s.arg(MotoServer::kAccountId, role, session);
}

QJsonArray Tst_ProfileCli::profilesJson(const QString &config, const QString &credentials)
{
    writeConfig(config, credentials);
    const CliRun r = run({u"profiles"_s, u"--json"_s}, environment());
    if (!r.finished || r.exitCode != 0) {
        qWarning("profiles --json failed: %s", qPrintable(r.describe()));
        return {};
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    if (!document.isArray())
        qWarning("profiles --json is no JSON array (%s): %s", qPrintable(error.errorString()), r.out.constData());
    return document.array();
}

void Tst_ProfileCli::answerLikeSts()
{
    m_sts->setResponder([](const RecordedRequest &request) {
        const QByteArray action = request.formValue("Action");
        const StsFixture f = action == "GetSessionToken" ? sessionFixture() : roleFixture(request);
        const QByteArray body = StsXml::forAction(action, f);
        if (body.isEmpty())
            return FaultResponse::awsError(400, u"InvalidAction"_s, u"not an STS action"_s);
        return FaultResponse::xml(body);
    });
}

void Tst_ProfileCli::answerLikeFederation()
{
    m_side->setResponder([](const RecordedRequest &request) {
        if (request.method == "GET" && request.path == "/federation" && request.queryValue("Action") == "getSigninToken"
            && !request.queryValue("Session").isEmpty())
            return FaultResponse::json("{\"SigninToken\":\"" + QString(kSigninToken).toLatin1() + "\"}");
        return FaultResponse::plain(400, "bad federation request");
    });
}

int Tst_ProfileCli::assumedRoleCount(const QString &roleArn)
{
    const QJsonArray roles = m_moto.modelData().value(u"sts"_s).toObject().value(u"AssumedRole"_s).toArray();
    return static_cast<int>(std::count_if(roles.cbegin(), roles.cend(),
        [&roleArn](const QJsonValue &v) { return v.toObject().value(u"role_arn"_s).toString() == roleArn; }));
}

// ---------------------------------------------------------------------------------------------- profiles

namespace {

// Every kind, in a config order that is not alphabetical; two profiles only the credentials file names.
const auto kAllKindsConfig = "[default]\nregion = eu-central-1\n\n"
                             "[profile zeta-role]\nrole_arn = arn:aws:iam::111122223333:role/zeta\n"
                             "source_profile = alpha-user\nmfa_serial = arn:aws:iam::111122223333:mfa/alice\n"
                             "duration_seconds = 1800\nexternal_id = zeta-external-1\n"
                             "role_session_name = zeta-session\nregion = eu-west-1\n\n"
                             "[profile alpha-user]\nregion = us-east-2\noutput = json\n\n"
                             "[profile env-role]\nrole_arn = arn:aws:iam::111122223333:role/from-env\n"
                             "credential_source = Environment\n\n"
                             "[profile web]\nrole_arn = arn:aws:iam::111122223333:role/web\n"
                             "web_identity_token_file = /var/run/secrets/rolecall/token\n\n"
                             "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
                             "sso_role_name = ReadOnly\n\n"
                             "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n"
                             "sso_region = us-east-1\n\n"
                             "[profile proc]\ncredential_process = /usr/local/bin/fetch-creds --profile proc\n\n"
                             "[profile region-only]\nregion = ap-southeast-2\n\n"
                             "[profile keys-in-config]\nregion = eu-west-2\nendpoint_url = http://127.0.0.1:4566\n"
                             "aws_access_key_id = AKIAI44QH8DHBEXAMPLE\n"
                             "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n"_L1;
const auto kAllKindsCredentials = "[mallory-temp]\naws_access_key_id = ASIAI44QH8DHBEXAMPLE\n"
                                  "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n"
                                  "aws_session_token = %SESSION_TOKEN%\n\n"
                                  "[alpha-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                  "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n\n"
                                  "[bob-keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                  "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;

QString allKindsCredentials()
{
    QString text = kAllKindsCredentials;
    return text.replace(u"%SESSION_TOKEN%"_s, kSessionToken);
}

QJsonObject findProfile(const QJsonArray &profiles, const QString &name)
{
    for (const QJsonValue &value : profiles) {
        if (value.toObject().value(u"name"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

} // namespace

void Tst_ProfileCli::profilesTextShowsKindAccountRegionAndChain()
{
    writeConfig(kAllKindsConfig, allKindsCredentials());
    const CliRun r = run({u"profiles"_s}, environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QString out = QString::fromUtf8(r.out);
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(QRegularExpression(u"^PROFILE\\s+KIND\\s+ACCOUNT\\s+REGION\\s+CHAIN$"_s).match(lines.value(0)).hasMatch(),
        qPrintable(out));
    const QStringList expected {
        u"^default\\s+none\\s+eu-central-1\\s*$"_s,
        u"^zeta-role\\s+role\\s+111122223333\\s+eu-west-1\\s+alpha-user → mfa → zeta-role \\(MFA\\)$"_s,
        u"^alpha-user\\s+static\\s+us-east-2\\s+alpha-user$"_s,
        u"^env-role\\s+credential_source\\s+111122223333\\s+environment → env-role$"_s,
        u"^web\\s+web_identity\\s+111122223333\\s+web_identity$"_s,
        u"^sso\\s+sso\\s+sso$"_s,
        u"^proc\\s+process\\s+process$"_s,
        u"^region-only\\s+none\\s+ap-southeast-2\\s*$"_s,
        u"^keys-in-config\\s+static\\s+eu-west-2\\s+keys-in-config$"_s,
        u"^mallory-temp\\s+static\\s+mallory-temp$"_s,
        u"^bob-keys\\s+static\\s+bob-keys$"_s,
    };
    QCOMPARE(lines.size(), expected.size() + 1);
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(QRegularExpression(expected.at(i)).match(lines.at(i + 1)).hasMatch(),
            qPrintable(u"line %1 is \"%2\", expected %3"_s.arg(i + 2).arg(lines.at(i + 1), expected.at(i))));
    for (const QString &secret : {QString(kExampleSecret), QString(kSecondSecret), QString(kSessionToken)})
        QVERIFY2(!r.out.contains(secret.toUtf8()), "a secret is in the profile list");
}

void Tst_ProfileCli::profilesJsonHasEveryFieldAndNoSecret()
{
    writeConfig(kAllKindsConfig, allKindsCredentials());
    const CliRun r = run({u"profiles"_s, u"--json"_s}, environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    for (const QString &secret : {QString(kExampleSecret), QString(kSecondSecret), QString(kSessionToken)})
        QVERIFY2(!r.out.contains(secret.toUtf8()), "a secret is in profiles --json");
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    const QJsonArray profiles = document.array();
    QCOMPARE(profiles.size(), 11);

    const QStringList strings {u"region"_s, u"role_arn"_s, u"source_profile"_s, u"mfa_serial"_s, u"external_id"_s,
        u"role_session_name"_s, u"credential_source"_s, u"endpoint_url"_s};
    const QStringList kinds {
        u"static"_s, u"role"_s, u"credential_source"_s, u"web_identity"_s, u"sso"_s, u"process"_s, u"none"_s};
    for (const QJsonValue &value : profiles) {
        QVERIFY(value.isObject());
        const QJsonObject p = value.toObject();
        const QString name = p.value(u"name"_s).toString();
        QVERIFY2(!name.isEmpty(), "every profile has a name");
        QVERIFY2(kinds.contains(p.value(u"kind"_s).toString()), qPrintable(name));
        for (const QString &key : strings) {
            QVERIFY2(p.contains(key), qPrintable(name + u" lacks "_s + key));
            QVERIFY2(p.value(key).isString() || p.value(key).isNull(), qPrintable(name + u": "_s + key));
        }
        QVERIFY2(
            p.value(u"duration_seconds"_s).isDouble() || p.value(u"duration_seconds"_s).isNull(), qPrintable(name));
        for (const QString &key : {u"chain"_s, u"steps"_s, u"errors"_s})
            QVERIFY2(p.value(key).isArray(), qPrintable(name + u": "_s + key));
        QVERIFY2(p.value(u"settings"_s).isObject(), qPrintable(name));
        QVERIFY2(p.value(u"errors"_s).toArray().isEmpty(), qPrintable(name));
        // Secrets are masked wherever they are set; key ids are not secrets.
        const QJsonObject settings = p.value(u"settings"_s).toObject();
        for (const QString &key : {u"aws_secret_access_key"_s, u"aws_session_token"_s}) {
            if (settings.contains(key))
                QCOMPARE(settings.value(key).toString(), u"***"_s);
        }
    }

    const QJsonObject zeta = findProfile(profiles, u"zeta-role"_s);
    QCOMPARE(zeta.value(u"region"_s).toString(), u"eu-west-1"_s);
    QCOMPARE(zeta.value(u"role_arn"_s).toString(), u"arn:aws:iam::111122223333:role/zeta"_s);
    QCOMPARE(zeta.value(u"source_profile"_s).toString(), u"alpha-user"_s);
    QCOMPARE(zeta.value(u"mfa_serial"_s).toString(), u"arn:aws:iam::111122223333:mfa/alice"_s);
    QCOMPARE(zeta.value(u"duration_seconds"_s).toInt(), 1800);
    QCOMPARE(zeta.value(u"external_id"_s).toString(), u"zeta-external-1"_s);
    QCOMPARE(zeta.value(u"role_session_name"_s).toString(), u"zeta-session"_s);
    QVERIFY(zeta.value(u"credential_source"_s).isNull());
    QVERIFY(zeta.value(u"endpoint_url"_s).isNull());
    QVERIFY2(zeta.value(u"settings"_s).toObject().isEmpty(), "every key of zeta-role has its own field");

    const QJsonObject alpha = findProfile(profiles, u"alpha-user"_s);
    const QJsonObject alphaSettings = alpha.value(u"settings"_s).toObject();
    QCOMPARE(alphaSettings.value(u"aws_access_key_id"_s).toString(), QString(kExampleKeyId));
    QCOMPARE(alphaSettings.value(u"aws_secret_access_key"_s).toString(), u"***"_s);
    QCOMPARE(alphaSettings.value(u"output"_s).toString(), u"json"_s);
    QVERIFY(alpha.value(u"duration_seconds"_s).isNull());

    const QJsonObject temp = findProfile(profiles, u"mallory-temp"_s);
    QCOMPARE(temp.value(u"settings"_s).toObject().value(u"aws_session_token"_s).toString(), u"***"_s);
    QCOMPARE(findProfile(profiles, u"env-role"_s).value(u"credential_source"_s).toString(), u"Environment"_s);
    QCOMPARE(
        findProfile(profiles, u"keys-in-config"_s).value(u"endpoint_url"_s).toString(), u"http://127.0.0.1:4566"_s);
    QCOMPARE(
        findProfile(profiles, u"keys-in-config"_s).value(u"settings"_s).toObject().value(u"aws_secret_access_key"_s),
        QJsonValue(u"***"_s));
    QCOMPARE(findProfile(profiles, u"sso"_s).value(u"settings"_s).toObject().value(u"sso_role_name"_s).toString(),
        u"ReadOnly"_s);
}

void Tst_ProfileCli::profilesJsonKindChainAndSteps_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("chain");
    QTest::addColumn<QStringList>("steps");
    QTest::addRow("static in credentials")
        << u"alpha-user"_s << u"static"_s << QStringList {u"alpha-user"_s} << QStringList {u"static_keys"_s};
    QTest::addRow("static in config") << u"keys-in-config"_s << u"static"_s << QStringList {u"keys-in-config"_s}
                                      << QStringList {u"static_keys"_s};
    QTest::addRow("role with MFA") << u"zeta-role"_s << u"role"_s << QStringList {u"alpha-user"_s, u"zeta-role"_s}
                                   << QStringList {u"static_keys"_s, u"session_token"_s, u"assume_role"_s};
    QTest::addRow("credential_source") << u"env-role"_s << u"credential_source"_s << QStringList {u"env-role"_s}
                                       << QStringList {u"environment"_s, u"assume_role"_s};
    QTest::addRow("web identity") << u"web"_s << u"web_identity"_s << QStringList {u"web"_s}
                                  << QStringList {u"web_identity"_s};
    QTest::addRow("sso") << u"sso"_s << u"sso"_s << QStringList {u"sso"_s} << QStringList {u"sso"_s};
    QTest::addRow("process") << u"proc"_s << u"process"_s << QStringList {u"proc"_s} << QStringList {u"process"_s};
    QTest::addRow("only a region") << u"region-only"_s << u"none"_s << QStringList() << QStringList();
    QTest::addRow("[default] with a region") << u"default"_s << u"none"_s << QStringList() << QStringList();
}

void Tst_ProfileCli::profilesJsonKindChainAndSteps()
{
    QFETCH(QString, profile);
    QFETCH(QString, kind);
    QFETCH(QStringList, chain);
    QFETCH(QStringList, steps);
    const QJsonObject p = findProfile(profilesJson(kAllKindsConfig, allKindsCredentials()), profile);
    QVERIFY2(!p.isEmpty(), qPrintable(profile));
    QCOMPARE(p.value(u"kind"_s).toString(), kind);
    QCOMPARE(stringsOf(p.value(u"chain"_s)), chain);
    QCOMPARE(stringsOf(p.value(u"steps"_s)), steps);
    QCOMPARE(stringsOf(p.value(u"errors"_s)), QStringList());
}

void Tst_ProfileCli::profilesJsonOrderIsConfigThenCredentialsOnly()
{
    const QJsonArray profiles = profilesJson(kAllKindsConfig, allKindsCredentials());
    QStringList names;
    for (const QJsonValue &value : profiles)
        names.append(value.toObject().value(u"name"_s).toString());
    // alpha-user is in both files: it keeps its place in the config file.
    QCOMPARE(names,
        QStringList({u"default"_s, u"zeta-role"_s, u"alpha-user"_s, u"env-role"_s, u"web"_s, u"sso"_s, u"proc"_s,
            u"region-only"_s, u"keys-in-config"_s, u"mallory-temp"_s, u"bob-keys"_s}));
    // The credentials file's keys belong to alpha-user, whose region comes from the config file.
    const QJsonObject alpha = findProfile(profiles, u"alpha-user"_s);
    QCOMPARE(alpha.value(u"region"_s).toString(), u"us-east-2"_s);
    QCOMPARE(alpha.value(u"kind"_s).toString(), u"static"_s);
}

// The JSON writer copies plain ASCII in blocks of 8 units and escapes the rest one by one: every
// character that needs care, at every position around and across those blocks, must come out as
// the same text.
void Tst_ProfileCli::profilesJsonEscapesEveryCharacterAnywhere()
{
    const QStringList specials {u"\""_s, u"\\"_s, u"\t"_s, u"\x01"_s, u"\x7f"_s, u"\u00e9"_s, u"\u20ac"_s,
        QString::fromUcs4(U"\U0001F600"), u"\uFFFD"_s};
    QString config = u"[profile escapes]\n"_s;
    QHash<QString, QString> expected;
    for (qsizetype s = 0; s < specials.size(); ++s) {
        // Every place in strings of 1 to 27 units: the writer copies 8, 4 or 1 unit at a time.
        for (int before = 0; before <= 17; ++before) {
            for (const int after : {0, 1, 2, 3, 6, 9}) {
                if (specials.at(s) == u"\t"_s && (before == 0 || after == 0))
                    continue; // a value's leading and trailing white space is not part of it
                const QString key = u"k%1_%2_%3"_s.arg(s).arg(before).arg(after);
                const QString value = QString(before, u'a') + specials.at(s) + QString(after, u'b');
                expected.insert(key, value);
                config += key + u" = "_s + value + u'\n';
            }
        }
    }
    const QJsonArray profiles = profilesJson(config, {});
    QCOMPARE(profiles.size(), 1);
    const QJsonObject settings = profiles.first().toObject().value(u"settings"_s).toObject();
    QCOMPARE(settings.size(), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(settings.value(it.key()).toString(), it.value());
}

// main() answers `profiles [--json|--names]` and `--version` without the commands module; one more
// option (--debug) sends the same line through the module's parser. Both must print the same.
void Tst_ProfileCli::shortPathAnswersLikeTheCommandsModule_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("generatedProfiles");
    QTest::newRow("table") << QStringList {u"profiles"_s} << 0;
    QTest::newRow("json") << QStringList {u"profiles"_s, u"--json"_s} << 0;
    QTest::newRow("names") << QStringList {u"profiles"_s, u"--names"_s} << 0;
    QTest::newRow("version") << QStringList {u"--version"_s} << 0;
    // Large enough (over 256 KiB) for main() to prepare the heap in huge pages first.
    QTest::newRow("json, 3,000 more profiles") << QStringList {u"profiles"_s, u"--json"_s} << 3000;
}

void Tst_ProfileCli::shortPathAnswersLikeTheCommandsModule()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, generatedProfiles);
    // Every kind of profile, errors, and a malformed line (a warning on stderr).
    QString config = kAllKindsConfig + u"\n[profile broken]\nthis line has no delimiter\n"_s;
    for (int i = 0; i < generatedProfiles; ++i)
        config += u"\n[profile gen-%1]\nrole_arn = arn:aws:iam::%2:role/Generated-%1\nsource_profile = %3\n"
                  "region = eu-west-%4\nmfa_serial = arn:aws:iam::111122223333:mfa/gen\n# a comment\n"
                  "x_note = free text \u00e9 \"%1\"\n"_s.arg(i)
                      .arg(100000000000LL + i)
                      .arg(i % 7 == 0 ? u"alpha-user"_s : u"gen-%1"_s.arg(i - 1))
                      .arg(i % 3 + 1);
    writeConfig(config, allKindsCredentials());
    const CliRun shortPath = run(arguments, environment());
    const CliRun module = run(arguments + QStringList {u"--debug"_s}, environment());
    VERIFY_RUN(shortPath, 0);
    VERIFY_RUN(module, 0);
    QVERIFY(!shortPath.out.isEmpty());
    QCOMPARE(shortPath.out, module.out);
    QByteArrayList moduleErr = module.err.split('\n');
    moduleErr.removeIf([](const QByteArray &line) { return line.startsWith("debug: "); });
    QCOMPARE(shortPath.err, moduleErr.join('\n'));
    if (arguments.first() == u"profiles"_s && arguments.size() < 2)
        QVERIFY2(shortPath.err.contains("warning: "), shortPath.err.constData());
}

// The short path is fast because the executable itself loads none of the libraries the other
// commands need (Qt Network and D-Bus, QtKeychain, OpenSSL and what they bring).
void Tst_ProfileCli::shortPathLinksNoNetworkLibrary()
{
    if (!QFile::exists(QFileInfo(QStringLiteral(ROLECALL_CLI_PATH)).dir().filePath(u"rolecall-cli-commands.so"_s)))
        QSKIP("rolecall-cli is built without a commands module here (not Linux)");
    const QString readelf = QStandardPaths::findExecutable(u"readelf"_s);
    QVERIFY2(!readelf.isEmpty(), "readelf (binutils) is needed");
    QProcess process;
    process.start(readelf, {u"--dynamic"_s, QStringLiteral(ROLECALL_CLI_PATH)});
    QVERIFY(process.waitForFinished(30000));
    const QString dynamic = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(dynamic.contains(u"libQt6Core.so"_s), qPrintable(dynamic));
    for (const QString &library :
        {u"libQt6Network"_s, u"libQt6DBus"_s, u"libqt6keychain"_s, u"libcrypto"_s, u"libssl"_s, u"libQt6Xml"_s})
        QVERIFY2(!dynamic.contains(library), qPrintable(library + u" is linked:\n"_s + dynamic));
}

// A copy of rolecall-cli without its module still lists profiles; every other command says what
// is wrong and how to fix it, instead of failing in the dynamic loader.
void Tst_ProfileCli::missingCommandsModuleIsAClearError()
{
    if (!QFile::exists(QFileInfo(QStringLiteral(ROLECALL_CLI_PATH)).dir().filePath(u"rolecall-cli-commands.so"_s)))
        QSKIP("rolecall-cli is built without a commands module here (not Linux)");
    const QString lonely = m_home->filePath(u"bin/rolecall-cli"_s);
    QVERIFY(QDir().mkpath(QFileInfo(lonely).path()));
    QVERIFY(QFile::copy(QStringLiteral(ROLECALL_CLI_PATH), lonely));
    writeConfig(u"[profile one]\nregion = eu-west-1\n"_s);
    const CliRun names = Rolecall::Test::runCli(lonely, {u"profiles"_s, u"--names"_s}, environment(), m_home->path(),
        {}, kRunTimeoutMs, &m_problems, &m_secrets);
    VERIFY_RUN(names, 0);
    QCOMPARE(names.out, QByteArray("one\n"));
    const CliRun whoami = Rolecall::Test::runCli(
        lonely, {u"whoami"_s}, environment(), m_home->path(), {}, kRunTimeoutMs, &m_problems, &m_secrets);
    VERIFY_RUN(whoami, 70);
    QVERIFY2(whoami.err.contains("cannot load its commands") && whoami.err.contains("rolecall-cli-commands.so")
            && whoami.err.contains("reinstall Rolecall"),
        whoami.err.constData());
}

void Tst_ProfileCli::profilesListErrorsAndStillSucceed()
{
    const QString config = u"[profile loop-a]\nrole_arn = arn:aws:iam::111122223333:role/a\nsource_profile = loop-b\n\n"
                           "[profile loop-b]\nrole_arn = arn:aws:iam::111122223333:role/b\nsource_profile = loop-a\n\n"
                           "[profile orphan]\nrole_arn = arn:aws:iam::111122223333:role/orphan\n"
                           "source_profile = nowhere\n\n"
                           "[profile fine]\nregion = eu-west-1\n"_s;
    const QJsonArray profiles = profilesJson(config, {});
    QCOMPARE(profiles.size(), 4);
    const QStringList loopErrors = stringsOf(findProfile(profiles, u"loop-a"_s).value(u"errors"_s));
    QVERIFY2(loopErrors.size() == 1 && loopErrors.first().contains(u"loop-a → loop-b → loop-a"_s),
        qPrintable(loopErrors.join(u" | "_s)));
    QVERIFY(!stringsOf(findProfile(profiles, u"loop-b"_s).value(u"errors"_s)).isEmpty());
    const QStringList orphanErrors = stringsOf(findProfile(profiles, u"orphan"_s).value(u"errors"_s));
    QVERIFY2(orphanErrors.size() == 1 && orphanErrors.first().contains(u"\"nowhere\""_s)
            && orphanErrors.first().contains(u"\"orphan\""_s),
        qPrintable(orphanErrors.join(u" | "_s)));
    QCOMPARE(findProfile(profiles, u"orphan"_s).value(u"kind"_s).toString(), u"role"_s);
    QCOMPARE(stringsOf(findProfile(profiles, u"fine"_s).value(u"errors"_s)), QStringList());

    // The text listing shows the same errors under their profile, and succeeds too.
    const CliRun text = run({u"profiles"_s}, environment());
    VERIFY_RUN(text, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(QRegularExpression(u"^orphan .*\\n    error: [^\\n]*\"nowhere\""_s, QRegularExpression::MultilineOption)
                 .match(out)
                 .hasMatch(),
        qPrintable(out));
    QVERIFY2(QRegularExpression(u"^loop-a .*\\n    error: [^\\n]*loops"_s, QRegularExpression::MultilineOption)
                 .match(out)
                 .hasMatch(),
        qPrintable(out));
}

void Tst_ProfileCli::profilesWarnAboutMalformedLinesOnStderr()
{
    writeConfig(u"[profile a]\nregion = eu-west-1\nthis line has no delimiter\noutput = json\n\n"
                "[profile b]\nregion = us-west-2\n"_s,
        u"[c]\n= value without a key\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_s);
    for (const QStringList &arguments : {QStringList {u"profiles"_s}, QStringList {u"profiles"_s, u"--json"_s}}) {
        const CliRun r = run(arguments, environment());
        VERIFY_RUN(r, 0);
        const QString err = QString::fromUtf8(r.err);
        const QString config = QDir(m_home->path()).filePath(u"aws/config"_s);
        const QString credentials = QDir(m_home->path()).filePath(u"aws/credentials"_s);
        QVERIFY2(err.contains(u"warning: %1:3: "_s.arg(config)), qPrintable(err));
        QVERIFY2(err.contains(u"warning: %1:2: "_s.arg(credentials)), qPrintable(err));
        QCOMPARE(err.count(u"warning: "_s), 2);
        // Only diagnostics on stderr; the listing on stdout is complete and unpolluted.
        for (const QString &line : err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(u"warning: "_s), qPrintable(line));
        QVERIFY(!r.out.contains("warning"));
        if (arguments.contains(u"--json"_s)) {
            const QJsonArray profiles = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(profiles.size(), 3);
            QCOMPARE(
                findProfile(profiles, u"a"_s).value(u"settings"_s).toObject().value(u"output"_s).toString(), u"json"_s);
        }
    }
}

// The listing starts no QCoreApplication where no translator is needed: where one is, it is there,
// on the short path (the first three lines) and in the commands module alike.
void Tst_ProfileCli::profilesSpeakTheUsersLanguage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("warning");
    const QList<QStringList> lines {{u"profiles"_s}, {u"profiles"_s, u"--json"_s}, {u"profiles"_s, u"--names"_s},
        {u"profiles"_s, u"--json"_s, u"--profile"_s, u"a"_s}};
    for (const QStringList &arguments : lines) {
        const QByteArray line = arguments.join(u' ').toUtf8();
        QTest::addRow("%s, German", line.constData()) << arguments << u"de"_s << u"Warnung: "_s;
        QTest::addRow("%s, English", line.constData()) << arguments << u"en"_s << u"warning: "_s;
    }
}

void Tst_ProfileCli::profilesSpeakTheUsersLanguage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QFETCH(QString, warning);
    writeConfig(u"[profile a]\nregion = eu-west-1\nthis line has no delimiter\n"_s, {});
    QProcessEnvironment env = environment();
    env.insert(u"LANGUAGE"_s, language);
    env.insert(u"LC_ALL"_s, language == "de"_L1 ? u"de_DE.UTF-8"_s : u"C.UTF-8"_s);
    const CliRun r = run(arguments, env);
    VERIFY_RUN(r, 0);
    const QString err = QString::fromUtf8(r.err);
    if (arguments.contains(u"--names"_s)) {
        QVERIFY2(err.isEmpty(), qPrintable(err)); // completion prints no warnings in any language
        return;
    }
    QVERIFY2(err.startsWith(warning), qPrintable(err));
    QCOMPARE(err.count(warning), 1);
}

// ---------------------------------------------------------------------------------------------- assume (moto)

void Tst_ProfileCli::assumeStaticUserGivesItsKeys()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"user"_s}, environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QJsonObject json = r.json();
    QCOMPARE(json.value(u"AccessKeyId"_s).toString(), m_moto.admin().accessKeyId);
    QCOMPARE(json.value(u"SecretAccessKey"_s).toString(), m_moto.admin().secretAccessKey);
    QVERIFY2(!json.contains(u"SessionToken"_s) && !json.contains(u"Expiration"_s), qPrintable(r.describe()));
    QCOMPARE(json.value(u"Region"_s).toString(), u"us-east-1"_s);

    // And they sign: moto verifies whoami --profile user with the secret it issued.
    const CliRun whoami
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--profile"_s, u"user"_s, u"--json"_s},
            environment());
    VERIFY_RUN(whoami, 0);
    QCOMPARE(whoami.json().value(u"Arn"_s).toString(), m_moto.admin().arn);
}

void Tst_ProfileCli::assumeRoleFromSourceProfile()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"role"_s}, environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    QCOMPARE(r.err, QByteArray());
    const QJsonObject json = r.json();
    QVERIFY2(json.value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s), qPrintable(r.describe()));
    QVERIFY(json.value(u"SessionToken"_s).toString().size() >= 20);
    // No duration anywhere: AWS's (and moto's) default of one hour.
    const QString problem = expirationProblem(json.value(u"Expiration"_s).toString(), before, after, 3600);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(arnFor(json), assumedRoleArn(u"rc-user-role"_s, kHopA));
}

void Tst_ProfileCli::assumeWritesTheSessionAsAProfile()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const QString credentialsPath = QDir(m_home->path()).filePath(u"aws/credentials"_s);
    QFile before(credentialsPath);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();

    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"role"_s,
                             u"--write-profile"_s, u"role-session"_s},
        environment());
    VERIFY_RUN(r, 0);
    QVERIFY2(r.out.contains("[role-session]") && !r.out.contains("aws_secret_access_key"), r.out.constData());
    QFile after(credentialsPath);
    QVERIFY(after.open(QIODevice::ReadOnly));
    const QByteArray written = after.readAll();
    QVERIFY2(written.startsWith(original), written.constData()); // every byte before stays
    QVERIFY(written.contains("\n[role-session]\naws_access_key_id = ASIA"));
    QCOMPARE(after.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    // The written profile signs as the role.
    const CliRun whoami = run(
        {u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--profile"_s, u"role-session"_s, u"--json"_s},
        environment());
    VERIFY_RUN(whoami, 0);
    QCOMPARE(whoami.json().value(u"Arn"_s).toString(), assumedRoleArn(u"rc-user-role"_s, kHopA));

    // A profile of the config file (here one with long-term keys) is never overwritten, and nothing is sent.
    const int assumed = assumedRoleCount(m_userRole.arn);
    const CliRun refused = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"role"_s,
                                   u"--write-profile"_s, u"user"_s},
        environment());
    VERIFY_RUN(refused, 2);
    QVERIFY2(refused.err.contains("config file"), refused.err.constData());
    QCOMPARE(assumedRoleCount(m_userRole.arn), assumed);
}

void Tst_ProfileCli::assumeChainOfThreeAsShellExports()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const int before = assumedRoleCount(m_chainRole.arn);
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"chain"_s,
                             u"--format"_s, u"env"_s, u"--debug"_s},
        environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(assumedRoleCount(m_chainRole.arn), before + 1);
    // Three steps: user's keys, role A, role B.
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(u"debug: step 1/3: "_s) && err.contains(u"debug: step 3/3: "_s), qPrintable(err));
    QVERIFY2(!err.contains(u"debug: step 4/"_s), qPrintable(err));

    // Evaluate the exports exactly as `eval "$(rolecall-cli assume … --format env)"` would, then let whoami sign
    // with them (no --profile: the environment's keys).
    const QString exports = writeFile(u"exports.sh"_s, r.out);
    QProcess shell;
    QProcessEnvironment shellEnv = environment();
    shellEnv.insert(u"ROLECALL_CLI"_s, QStringLiteral(ROLECALL_CLI_PATH));
    shellEnv.insert(u"MOTO"_s, m_moto.url().toString());
    shell.setProcessEnvironment(shellEnv);
    shell.start(u"sh"_s,
        {u"-c"_s, u"eval \"$(cat \"$1\")\" && exec \"$ROLECALL_CLI\" --endpoint-url \"$MOTO\" whoami --json"_s, u"sh"_s,
            exports});
    QVERIFY(shell.waitForFinished(kRunTimeoutMs));
    const QByteArray shellErr = shell.readAllStandardError();
    QVERIFY2(shell.exitCode() == 0, shellErr.constData());
    for (const QString &secret : std::as_const(m_secrets))
        QVERIFY2(secret.size() < 8 || !shellErr.contains(secret.toUtf8()), "a secret is on whoami's stderr");
    QCOMPARE(QJsonDocument::fromJson(shell.readAllStandardOutput()).object().value(u"Arn"_s).toString(),
        assumedRoleArn(u"rc-chain-role"_s, kHopB));
}

void Tst_ProfileCli::assumeDurationOverride_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("session");
    QTest::addRow("role, 2 h") << u"role"_s << 7200 << u"rc-user-role"_s << QString(kHopA);
    QTest::addRow("role, 15 min") << u"role"_s << 900 << u"rc-user-role"_s << QString(kHopA);
    QTest::addRow("chained role, the allowed hour") << u"chain"_s << 3600 << u"rc-chain-role"_s << QString(kHopB);
    QTest::addRow("chained role, 20 min") << u"chain"_s << 1200 << u"rc-chain-role"_s << QString(kHopB);
}

void Tst_ProfileCli::assumeDurationOverride()
{
    REQUIRE_MOTO();
    QFETCH(QString, profile);
    QFETCH(int, seconds);
    QFETCH(QString, role);
    QFETCH(QString, session);
    writeConfig(kConfig, kCredentials);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, profile,
                             u"--duration"_s, QString::number(seconds), u"--format"_s, u"process"_s},
        environment());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(u"Version"_s).toInt(), 1);
    const QString problem = expirationProblem(json.value(u"Expiration"_s).toString(), before, after, seconds);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(arnFor(json), assumedRoleArn(role, session));
}

void Tst_ProfileCli::assumeChainedRoleOverAnHourIsRefused()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    const int before = assumedRoleCount(m_chainRole.arn);
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"chain"_s,
                             u"--duration"_s, u"7200"_s, u"--json"_s},
        environment());
    VERIFY_RUN(r, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(u"role chaining"_s) && err.contains(u"3600"_s) && err.contains(u"chain"_s),
        qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"validation"_s);
    QVERIFY2(!r.out.contains("AccessKeyId"), qPrintable(r.describe()));
    // Nothing went to AWS for the refused hop (assumeChainOfThreeAsShellExports shows the count does move).
    QCOMPARE(assumedRoleCount(m_chainRole.arn), before);
}

void Tst_ProfileCli::rawCommandsSignWithTheProfile_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("arn");
    QTest::addRow("static user") << u"user"_s << u"%USER%"_s;
    QTest::addRow("role") << u"role"_s << u"assumed-role/rc-user-role/rc-hop-a"_s;
    QTest::addRow("chain of three") << u"chain"_s << u"assumed-role/rc-chain-role/rc-hop-b"_s;
}

void Tst_ProfileCli::rawCommandsSignWithTheProfile()
{
    REQUIRE_MOTO();
    QFETCH(QString, profile);
    QFETCH(QString, arn);
    writeConfig(kConfig, kCredentials);
    // Other keys in the environment must not matter: --profile names the identity.
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ACCESS_KEY_ID"_s, kSecondKeyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, kSecondSecret);
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--json"_s, u"--profile"_s, profile}, env);
    VERIFY_RUN(r, 0);
    const QString expected = arn == "%USER%"_L1 ? m_moto.admin().arn : u"arn:aws:sts::123456789012:"_s + arn;
    QCOMPARE(r.json().value(u"Arn"_s).toString(), expected);
}

void Tst_ProfileCli::withoutProfileOption_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("arn");
    const QStringList adminKeys {u"AWS_ACCESS_KEY_ID=%ADMIN_KEY%"_s, u"AWS_SECRET_ACCESS_KEY=%ADMIN_SECRET%"_s};
    QTest::addRow("whoami: environment keys win over AWS_PROFILE")
        << u"whoami"_s << (adminKeys + QStringList {u"AWS_PROFILE=role"_s}) << u"%USER%"_s;
    QTest::addRow("whoami: environment keys win over [default]") << u"whoami"_s << adminKeys << u"%USER%"_s;
    QTest::addRow("whoami: AWS_PROFILE without keys")
        << u"whoami"_s << QStringList {u"AWS_PROFILE=chain"_s} << u"assumed-role/rc-chain-role/rc-hop-b"_s;
    QTest::addRow("whoami: AWS_DEFAULT_PROFILE without keys")
        << u"whoami"_s << QStringList {u"AWS_DEFAULT_PROFILE=role"_s} << u"assumed-role/rc-user-role/rc-hop-a"_s;
    QTest::addRow("whoami: [default]") << u"whoami"_s << QStringList() << u"assumed-role/rc-user-role/rc-default"_s;
    QTest::addRow("assume: AWS_PROFILE") << u"assume"_s << QStringList {u"AWS_PROFILE=role"_s}
                                         << u"assumed-role/rc-user-role/rc-hop-a"_s;
    QTest::addRow("assume: [default]") << u"assume"_s << QStringList() << u"assumed-role/rc-user-role/rc-default"_s;
}

void Tst_ProfileCli::withoutProfileOption()
{
    REQUIRE_MOTO();
    QFETCH(QString, command);
    QFETCH(QStringList, environment);
    QFETCH(QString, arn);
    writeConfig(QString(kConfig)
            + u"\n[default]\nrole_arn = %USER_ROLE%\nsource_profile = user\nrole_session_name = rc-default\n"_s,
        kCredentials);
    QProcessEnvironment env = this->environment();
    Rolecall::Test::applyEnvironmentEdits(env, substitute(environment));
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), command, u"--json"_s}, env);
    VERIFY_RUN(r, 0);
    const QString actual = command == "whoami"_L1 ? r.json().value(u"Arn"_s).toString() : arnFor(r.json());
    QCOMPARE(actual, arn == "%USER%"_L1 ? m_moto.admin().arn : u"arn:aws:sts::123456789012:"_s + arn);
}

// ---------------------------------------------------------------------------------------------- MFA

void Tst_ProfileCli::mfaCodeUnlocksSessionTokenThenRole_data()
{
    QTest::addColumn<QString>("config");
    QTest::addRow("mfa_serial on the user") << u"[profile mfa-user]\nmfa_serial = %MFA%\n\n"
                                               "[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\n"
                                               "source_profile = mfa-user\nrole_session_name = rc-mfa\n"_s;
    QTest::addRow("mfa_serial on the role") << u"[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\n"
                                               "source_profile = mfa-user\nrole_session_name = rc-mfa\n"
                                               "mfa_serial = %MFA%\n"_s;
}

void Tst_ProfileCli::mfaCodeUnlocksSessionTokenThenRole()
{
    QFETCH(QString, config);
    writeConfig(config, kExampleUserCredentials);
    answerLikeSts();
    const CliRun r = run({u"--endpoint-url"_s, m_sts->url().toString(), u"assume"_s, u"--profile"_s, u"mfa-role"_s,
                             u"--mfa-code"_s, u"123456"_s},
        environment());
    VERIFY_RUN(r, 0);
    const QList<RecordedRequest> requests = m_sts->requests();
    QCOMPARE(actionsOf(requests), QList<QByteArray>({"GetSessionToken", "AssumeRole"}));

    // One code, spent on GetSessionToken, signed with the user's long-term key.
    const RecordedRequest &token = requests.at(0);
    QCOMPARE(token.formValue("SerialNumber"), QString(kMfaSerial).toUtf8());
    QCOMPARE(token.formValue("TokenCode"), QByteArray("123456"));
    QCOMPARE(signingKeyId(token), QString(kExampleKeyId));
    QVERIFY(!token.hasHeader("X-Amz-Security-Token"));

    // The role is assumed with the MFA session, without MFA parameters of its own.
    const RecordedRequest &assume = requests.at(1);
    QCOMPARE(assume.formValue("RoleArn"), QByteArray("arn:aws:iam::123456789012:role/rc-mfa"));
    QCOMPARE(assume.formValue("RoleSessionName"), QByteArray("rc-mfa"));
    QVERIFY2(
        assume.formValue("SerialNumber").isNull() && assume.formValue("TokenCode").isNull(), assume.body.constData());
    QCOMPARE(signingKeyId(assume), QString(kSessionKeyId));
    QCOMPARE(assume.header("X-Amz-Security-Token"), QString(kSessionToken).toUtf8());

    const QJsonObject json = r.json();
    QCOMPARE(json.value(u"AccessKeyId"_s).toString(), StsFixture().accessKeyId);
    QCOMPARE(json.value(u"SessionToken"_s).toString(), StsFixture().sessionToken);
    QVERIFY(!r.err.contains("123456"));
}

void Tst_ProfileCli::mfaWithoutUsableCodeSendsNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mfaProcess"); // script body, or empty
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("no code, no terminal") << QStringList() << QString() << 3 << u"--mfa-code"_s;
    QTest::addRow("five digits") << QStringList {u"--mfa-code"_s, u"12345"_s} << QString() << 2 << u"six digits"_s;
    QTest::addRow("not digits") << QStringList {u"--mfa-code"_s, u"12345a"_s} << QString() << 2 << u"six digits"_s;
    QTest::addRow("mfa_process fails") << QStringList() << u"#!/bin/sh\necho 'device locked' >&2\nexit 7\n"_s << 3
                                       << u"exit code 7"_s;
    QTest::addRow("mfa_process prints no code")
        << QStringList() << u"#!/bin/sh\necho 'not a code'\n"_s << 3 << u"six-digit"_s;
}

void Tst_ProfileCli::mfaWithoutUsableCodeSendsNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mfaProcess);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QString config = u"[profile mfa-user]\nmfa_serial = %MFA%\n"_s;
    if (!mfaProcess.isEmpty())
        config += u"mfa_process = "_s + writeFile(u"mfa.sh"_s, mfaProcess.toUtf8(), true) + u'\n';
    config += u"\n[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\nsource_profile = mfa-user\n"_s;
    writeConfig(config, kExampleUserCredentials);
    answerLikeSts();
    const CliRun r
        = run(QStringList {u"--endpoint-url"_s, m_sts->url().toString(), u"assume"_s, u"--profile"_s, u"mfa-role"_s}
                + arguments,
            environment());
    VERIFY_RUN(r, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(r.describe()));
    QVERIFY2(QString::fromUtf8(r.err).contains(u"mfa-role"_s), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(m_sts->requestCount(), 0);
}

void Tst_ProfileCli::mfaProcessGivesTheCode()
{
    const QString script = writeFile(u"mfa.sh"_s, "#!/bin/sh\necho 654321\n", true);
    writeConfig(u"[profile mfa-user]\nmfa_serial = %MFA%\nmfa_process = "_s + script
            + u"\n\n[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\nsource_profile = mfa-user\n"_s,
        kExampleUserCredentials);
    answerLikeSts();
    // No --mfa-code and no terminal: without mfa_process this is exit 3 (mfaWithoutUsableCodeSendsNothing).
    const CliRun r = run(
        {u"--endpoint-url"_s, m_sts->url().toString(), u"assume"_s, u"--profile"_s, u"mfa-role"_s}, environment());
    VERIFY_RUN(r, 0);
    const QList<RecordedRequest> requests = m_sts->requests();
    QCOMPARE(actionsOf(requests), QList<QByteArray>({"GetSessionToken", "AssumeRole"}));
    QCOMPARE(requests.at(0).formValue("TokenCode"), QByteArray("654321"));
    QCOMPARE(requests.at(0).formValue("SerialNumber"), QString(kMfaSerial).toUtf8());
    QVERIFY(requests.at(1).formValue("TokenCode").isNull());
}

void Tst_ProfileCli::secondMfaDeviceNeedsASecondCode()
{
    // user (MFA) → role A → role B, which asks for MFA with another device on its own hop.
    writeConfig(u"[profile mfa-user]\nmfa_serial = %MFA%\n\n"
                "[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa\nsource_profile = mfa-user\n\n"
                "[profile mfa-admin]\nrole_arn = arn:aws:iam::123456789012:role/rc-mfa-admin\n"
                "source_profile = mfa-role\nmfa_serial = %MFA2%\n"_s,
        kExampleUserCredentials);
    answerLikeSts();
    const CliRun r = run({u"--endpoint-url"_s, m_sts->url().toString(), u"assume"_s, u"--profile"_s, u"mfa-admin"_s,
                             u"--mfa-code"_s, u"123456"_s},
        environment());
    VERIFY_RUN(r, 3);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(kSecondMfaSerial) && err.contains(u"--mfa-code"_s) && err.contains(u"mfa-admin"_s),
        qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
    // The one code went to the first device only; role B was never asked for.
    for (const RecordedRequest &request : m_sts->requests()) {
        QVERIFY2(
            request.formValue("RoleArn") != "arn:aws:iam::123456789012:role/rc-mfa-admin", request.body.constData());
        QVERIFY2(request.formValue("SerialNumber") != QString(kSecondMfaSerial).toUtf8(), request.body.constData());
    }
    QCOMPARE(m_sts->requests().value(0).formValue("TokenCode"), QByteArray("123456"));

    // With an mfa_process for the second device, the one --mfa-code is enough: each hop gets its own code.
    const QString script = writeFile(u"mfa2.sh"_s, "#!/bin/sh\necho 654321\n", true);
    QFile config(QDir(m_home->path()).filePath(u"aws/config"_s));
    QVERIFY(config.open(QIODevice::Append));
    config.write("mfa_process = " + script.toUtf8() + '\n');
    config.close();
    m_sts->clearRequests();
    // --no-cache: the first run's session token must not spare this run its first hop.
    const CliRun both = run({u"--no-cache"_s, u"--endpoint-url"_s, m_sts->url().toString(), u"assume"_s, u"--profile"_s,
                                u"mfa-admin"_s, u"--mfa-code"_s, u"123456"_s},
        environment());
    VERIFY_RUN(both, 0);
    const QList<RecordedRequest> requests = m_sts->requests();
    QCOMPARE(actionsOf(requests), QList<QByteArray>({"GetSessionToken", "AssumeRole", "AssumeRole"}));
    QCOMPARE(requests.at(0).formValue("TokenCode"), QByteArray("123456"));
    QCOMPARE(requests.at(0).formValue("SerialNumber"), QString(kMfaSerial).toUtf8());
    QVERIFY(requests.at(1).formValue("SerialNumber").isNull());
    QCOMPARE(requests.at(2).formValue("RoleArn"), QByteArray("arn:aws:iam::123456789012:role/rc-mfa-admin"));
    QCOMPARE(requests.at(2).formValue("SerialNumber"), QString(kSecondMfaSerial).toUtf8());
    QCOMPARE(requests.at(2).formValue("TokenCode"), QByteArray("654321"));
    QCOMPARE(signingKeyId(requests.at(2)), StsFixture().accessKeyId);
}

// ---------------------------------------------------------------------------------------------- other sources

void Tst_ProfileCli::credentialProcessProfile_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("arn");
    QTest::addRow("process") << u"proc"_s << u"%USER%"_s;
    QTest::addRow("role from a process") << u"proc-role"_s << u"assumed-role/rc-user-role/rc-proc"_s;
}

void Tst_ProfileCli::credentialProcessProfile()
{
    REQUIRE_MOTO();
    QFETCH(QString, profile);
    QFETCH(QString, arn);
    const QString script = writeFile(u"creds.sh"_s,
        substitute(u"#!/bin/sh\necho 'fetching credentials' >&2\ncat <<'JSON'\n{\"Version\": 1, \"AccessKeyId\": "
                   "\"%ADMIN_KEY%\", \"SecretAccessKey\": \"%ADMIN_SECRET%\"}\nJSON\n"_s)
            .toUtf8(),
        true);
    writeConfig(u"[profile proc]\ncredential_process = "_s + script
        + u"\n\n[profile proc-role]\nrole_arn = %USER_ROLE%\nsource_profile = proc\nrole_session_name = rc-proc\n"_s);
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--json"_s, u"--profile"_s, profile},
            environment());
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"Arn"_s).toString(),
        arn == "%USER%"_L1 ? m_moto.admin().arn : u"arn:aws:sts::123456789012:"_s + arn);
}

void Tst_ProfileCli::webIdentityProfile()
{
    REQUIRE_MOTO();
    const QString tokenFile = writeFile(u"token.jwt"_s, QString(kWebIdentityToken).toUtf8() + '\n');
    writeConfig(u"[profile web]\nrole_arn = %WEB_ROLE%\nweb_identity_token_file = "_s + tokenFile
        + u"\nrole_session_name = rc-web\nduration_seconds = 1800\n"_s);
    CliRun r;
    QDateTime before;
    QDateTime after;
    {
        // AssumeRoleWithWebIdentity is unsigned: moto cannot check it while auth is enforced.
        const Rolecall::Test::AuthSuspension unsigned_(m_moto);
        QVERIFY2(unsigned_.error().isEmpty(), qPrintable(unsigned_.error()));
        before = QDateTime::currentDateTimeUtc();
        r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"web"_s}, environment());
        after = QDateTime::currentDateTimeUtc();
    }
    VERIFY_RUN(r, 0);
    const QJsonObject json = r.json();
    const QString problem = expirationProblem(json.value(u"Expiration"_s).toString(), before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(arnFor(json), assumedRoleArn(u"rc-web-role"_s, u"rc-web"_s));
}

void Tst_ProfileCli::environmentCredentialSource()
{
    REQUIRE_MOTO();
    writeConfig(u"[profile env-role]\nrole_arn = %USER_ROLE%\ncredential_source = Environment\n"
                "role_session_name = rc-env\n"_s);
    const CliRun r
        = run({u"--endpoint-url"_s, m_moto.url().toString(), u"whoami"_s, u"--json"_s, u"--profile"_s, u"env-role"_s},
            environment(true));
    VERIFY_RUN(r, 0);
    QCOMPARE(r.json().value(u"Arn"_s).toString(), assumedRoleArn(u"rc-user-role"_s, u"rc-env"_s));
}

void Tst_ProfileCli::ecsContainerCredentialSource()
{
    REQUIRE_MOTO();
    m_side->setResponder([](const RecordedRequest &request) {
        if (request.method == "GET" && request.path == "/v2/credentials/rolecall")
            return FaultResponse::json("{\"AccessKeyId\": \"ASIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": "
                                       "\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\", \"Token\": \""
                + StsFixture().sessionToken.toLatin1() + "\", \"Expiration\": \"" + isoIn(6 * 3600).toLatin1()
                + "\", \"AccountId\": \"123456789012\"}");
        return FaultResponse::plain(404, "not found");
    });
    writeConfig(u"[profile ecs-role]\nrole_arn = %USER_ROLE%\ncredential_source = EcsContainer\n"
                "role_session_name = rc-ecs\n"_s);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_side->url().toString() + u"v2/credentials/rolecall"_s);
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, kContainerAuthorization);
    const QStringList arguments {
        u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"ecs-role"_s};

    // With auth enforced moto refuses the container's made-up key: proof that AssumeRole is signed with it.
    const CliRun refused = run(arguments, env);
    VERIFY_RUN(refused, 1);
    QVERIFY2(refused.err.contains("InvalidClientTokenId"), qPrintable(refused.describe()));

    CliRun r;
    {
        const Rolecall::Test::AuthSuspension fakeKeys(m_moto);
        QVERIFY2(fakeKeys.error().isEmpty(), qPrintable(fakeKeys.error()));
        r = run(arguments, env);
    }
    VERIFY_RUN(r, 0);
    QCOMPARE(m_side->requestCount(), 2);
    for (const RecordedRequest &request : m_side->requests())
        QCOMPARE(request.header("Authorization"), QString(kContainerAuthorization).toUtf8());
    QCOMPARE(arnFor(r.json()), assumedRoleArn(u"rc-user-role"_s, u"rc-ecs"_s));
}

void Tst_ProfileCli::instanceMetadataCredentialSource()
{
    REQUIRE_MOTO();
    const QByteArray role = QString(kInstanceRole).toLatin1();
    const QByteArray imdsToken = QString(kImdsToken).toLatin1();
    m_side->setResponder([role, imdsToken](const RecordedRequest &request) {
        if (request.method == "PUT" && request.path == "/latest/api/token")
            return FaultResponse::plain(200, imdsToken);
        if (request.header("X-aws-ec2-metadata-token") != imdsToken)
            return FaultResponse::plain(401, "IMDSv2 token missing");
        if (request.method == "GET" && request.path == "/latest/meta-data/iam/security-credentials/")
            return FaultResponse::plain(200, role);
        if (request.method == "GET" && request.path == "/latest/meta-data/iam/security-credentials/" + role)
            return FaultResponse::json(metadataCredentialsJson());
        return FaultResponse::plain(404, "not found");
    });
    writeConfig(u"[profile imds-role]\nrole_arn = %USER_ROLE%\ncredential_source = Ec2InstanceMetadata\n"
                "role_session_name = rc-imds\n"_s);
    QProcessEnvironment env = environment();
    env.insert(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, m_side->url().toString());
    CliRun r;
    {
        const Rolecall::Test::AuthSuspension fakeKeys(m_moto);
        QVERIFY2(fakeKeys.error().isEmpty(), qPrintable(fakeKeys.error()));
        r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"assume"_s, u"--profile"_s, u"imds-role"_s}, env);
    }
    VERIFY_RUN(r, 0);
    const QList<RecordedRequest> requests = m_side->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).method, QByteArray("PUT"));
    QCOMPARE(requests.at(0).path, QByteArray("/latest/api/token"));
    QVERIFY(!requests.at(0).header("X-aws-ec2-metadata-token-ttl-seconds").isEmpty());
    QCOMPARE(requests.at(2).path, "/latest/meta-data/iam/security-credentials/" + role);
    QCOMPARE(arnFor(r.json()), assumedRoleArn(u"rc-user-role"_s, u"rc-imds"_s));
}

void Tst_ProfileCli::unusableProfilesExitThree_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("message");
    QTest::addRow("sso") << u"[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\n"
                            "sso_role_name = ReadOnly\n\n[sso-session corp]\n"
                            "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"_s
                         << u"corp"_s << u"not support yet"_s;
    QTest::addRow("only a region") << u"[profile corp]\nregion = eu-west-1\n"_s << u"corp"_s << u"has no credentials"_s;
    QTest::addRow("source_profile loop")
        << u"[profile corp]\nrole_arn = arn:aws:iam::111122223333:role/a\nsource_profile = other\n\n"
           "[profile other]\nrole_arn = arn:aws:iam::111122223333:role/b\nsource_profile = corp\n"_s
        << u"corp"_s << u"corp → other → corp"_s;
    QTest::addRow("missing source_profile")
        << u"[profile corp]\nrole_arn = arn:aws:iam::111122223333:role/a\nsource_profile = nowhere\n"_s << u"corp"_s
        << u"\"nowhere\""_s;
    QTest::addRow("unknown profile") << u"[profile other]\nregion = eu-west-1\n"_s << u"corp"_s
                                     << u"rolecall-cli profiles"_s;
    QTest::addRow("invalid credential_source")
        << u"[profile corp]\nrole_arn = arn:aws:iam::111122223333:role/a\ncredential_source = Laptop\n"_s << u"corp"_s
        << u"\"Laptop\""_s;
    QTest::addRow("credential_source Environment without keys")
        << u"[profile corp]\nrole_arn = arn:aws:iam::111122223333:role/a\ncredential_source = Environment\n"_s
        << u"corp"_s << u"AWS_ACCESS_KEY_ID"_s;
    QTest::addRow("unreadable ca_bundle") << u"[profile user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                             "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n\n"
                                             "[profile corp]\nrole_arn = arn:aws:iam::111122223333:role/a\n"
                                             "source_profile = user\nca_bundle = /nonexistent/rolecall-ca.pem\n"_s
                                          << u"corp"_s << u"CA bundle"_s;
}

void Tst_ProfileCli::unusableProfilesExitThree()
{
    QFETCH(QString, config);
    QFETCH(QString, profile);
    QFETCH(QString, message);
    writeConfig(config);
    // Every endpoint refuses connections: had anything been sent, the exit code were 4.
    QProcessEnvironment env = environment();
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_closedUrl);
    for (const QString &command : {u"assume"_s, u"whoami"_s}) {
        const CliRun r = run({u"--endpoint-url"_s, m_closedUrl, command, u"--profile"_s, profile}, env);
        VERIFY_RUN(r, 3);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(message), qPrintable(r.describe()));
        if (command == "assume"_L1)
            QVERIFY2(err.contains(u'"' + profile + u'"') || err.contains(u"Profile "_s + profile + u':')
                    || err.startsWith(u"rolecall-cli: "_s + profile + u": "_s),
                qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray());
    }
}

// ---------------------------------------------------------------------------------------------- console

void Tst_ProfileCli::consolePrintsLoginUrl_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sessionDuration"); // what getSigninToken gets, or empty
    QTest::addColumn<QString>("arn");
    QTest::addRow("role") << u"role"_s << QStringList() << QString() << u"rc-user-role/rc-hop-a"_s;
    QTest::addRow("role, --duration 1800")
        << u"role"_s << QStringList {u"--duration"_s, u"1800"_s} << u"1800"_s << u"rc-user-role/rc-hop-a"_s;
    QTest::addRow("chained role, --duration 3600")
        << u"chain"_s << QStringList {u"--duration"_s, u"3600"_s} << u"3600"_s << u"rc-chain-role/rc-hop-b"_s;
}

void Tst_ProfileCli::consolePrintsLoginUrl()
{
    REQUIRE_MOTO();
    QFETCH(QString, profile);
    QFETCH(QStringList, arguments);
    QFETCH(QString, sessionDuration);
    QFETCH(QString, arn);
    writeConfig(kConfig, kCredentials);
    answerLikeFederation();
    QProcessEnvironment env = environment();
    const QString federation = m_side->url().toString() + u"federation"_s;
    env.insert(u"ROLECALL_FEDERATION_URL"_s, federation);
    const CliRun r = run(QStringList {u"--endpoint-url"_s, m_moto.url().toString(), u"console"_s, u"--profile"_s,
                             profile, u"--print"_s, u"--service"_s, u"ec2"_s, u"--region"_s, u"eu-west-1"_s}
            + arguments,
        env);
    VERIFY_RUN(r, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QUrl url(QString::fromUtf8(r.out.trimmed()), QUrl::StrictMode);
    QVERIFY2(url.isValid(), r.out.constData());
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), federation);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"Action"_s, QUrl::FullyDecoded), u"login"_s);
    QCOMPARE(query.queryItemValue(u"SigninToken"_s, QUrl::FullyDecoded), QString(kSigninToken));
    QCOMPARE(query.queryItemValue(u"Destination"_s, QUrl::FullyDecoded),
        u"https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1"_s);
    QVERIFY(!query.queryItemValue(u"Issuer"_s).isEmpty());

    // getSigninToken got the role session moto issued (moto verifies that session's signature below).
    QCOMPARE(m_side->requestCount(), 1);
    const RecordedRequest signin = m_side->request(0);
    QCOMPARE(QString::fromUtf8(signin.queryValue("SessionDuration")), sessionDuration);
    const QJsonObject session = QJsonDocument::fromJson(signin.queryValue("Session")).object();
    const QString sessionKey = session.value(u"sessionKey"_s).toString();
    const QString sessionToken = session.value(u"sessionToken"_s).toString();
    QVERIFY(!sessionKey.isEmpty() && !r.err.contains(sessionKey.toUtf8()));
    QVERIFY(!sessionToken.isEmpty() && !r.err.contains(sessionToken.toUtf8()));
    QCOMPARE(arnFor(session.value(u"sessionId"_s).toString(), sessionKey, sessionToken),
        u"arn:aws:sts::123456789012:assumed-role/"_s + arn);
}

void Tst_ProfileCli::consoleLogoutFirstWrapsTheLoginUrl()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    answerLikeFederation();
    QProcessEnvironment env = environment();
    env.insert(u"ROLECALL_FEDERATION_URL"_s, m_side->url().toString() + u"federation"_s);
    const CliRun r = run({u"--endpoint-url"_s, m_moto.url().toString(), u"console"_s, u"--profile"_s, u"role"_s,
                             u"--print"_s, u"--logout-first"_s},
        env);
    VERIFY_RUN(r, 0);
    const QUrl url(QString::fromUtf8(r.out.trimmed()), QUrl::StrictMode);
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), m_side->url().toString() + u"oauth"_s);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"Action"_s, QUrl::FullyDecoded), u"logout"_s);
    const QUrl next(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded), QUrl::StrictMode);
    QCOMPARE(next.adjusted(QUrl::RemoveQuery).toString(), m_side->url().toString() + u"federation"_s);
    const QUrlQuery login(next);
    QCOMPARE(login.queryItemValue(u"Action"_s, QUrl::FullyDecoded), u"login"_s);
    QCOMPARE(login.queryItemValue(u"SigninToken"_s, QUrl::FullyDecoded), QString(kSigninToken));
    // No --service or --region, and the role profile names no region: the console's home.
    QCOMPARE(login.queryItemValue(u"Destination"_s, QUrl::FullyDecoded), u"https://console.aws.amazon.com/"_s);
}

void Tst_ProfileCli::consoleStaticUserGoesThroughFederationToken()
{
    REQUIRE_MOTO();
    writeConfig(kConfig, kCredentials);
    answerLikeFederation();
    QProcessEnvironment env = environment();
    env.insert(u"ROLECALL_FEDERATION_URL"_s, m_side->url().toString() + u"federation"_s);
    const CliRun r = run(
        {u"--endpoint-url"_s, m_moto.url().toString(), u"console"_s, u"--profile"_s, u"user"_s, u"--print"_s}, env);
    VERIFY_RUN(r, 0);
    const QUrlQuery query(QUrl(QString::fromUtf8(r.out.trimmed())));
    QCOMPARE(query.queryItemValue(u"SigninToken"_s, QUrl::FullyDecoded), QString(kSigninToken));
    // us-east-1 from the user profile.
    QCOMPARE(query.queryItemValue(u"Destination"_s, QUrl::FullyDecoded),
        u"https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1"_s);

    QCOMPARE(m_side->requestCount(), 1);
    const RecordedRequest signin = m_side->request(0);
    const QJsonObject session = QJsonDocument::fromJson(signin.queryValue("Session")).object();
    // Not the user's long-term key (the console refuses those) but what moto's GetFederationToken answered, which
    // moto only gave after verifying the user's signature.
    QVERIFY(session.value(u"sessionId"_s).toString() != m_moto.admin().accessKeyId);
    QVERIFY(session.value(u"sessionKey"_s).toString() != m_moto.admin().secretAccessKey);
    QCOMPARE(session.value(u"sessionToken"_s).toString(), StsFixture().sessionToken); // moto's fixed token
    // A federation token's lifetime is its own: no SessionDuration.
    QVERIFY(signin.queryValue("SessionDuration").isNull());
}

void Tst_ProfileCli::consoleChainedRoleOverAnHourIsRefusedFirst()
{
    // Needs no moto: nothing may be sent.
    writeConfig(u"[profile role]\nrole_arn = arn:aws:iam::123456789012:role/rc-user-role\nsource_profile = mfa-user\n\n"
                "[profile chain]\nrole_arn = arn:aws:iam::123456789012:role/rc-chain-role\nsource_profile = role\n"_s,
        kExampleUserCredentials);
    answerLikeFederation();
    QProcessEnvironment env = environment();
    env.insert(u"ROLECALL_FEDERATION_URL"_s, m_side->url().toString() + u"federation"_s);
    // STS refuses connections: had the chain been walked, the exit code were 4.
    const CliRun r = run({u"--endpoint-url"_s, m_closedUrl, u"console"_s, u"--profile"_s, u"chain"_s, u"--print"_s,
                             u"--duration"_s, u"7200"_s},
        env);
    VERIFY_RUN(r, 2);
    QVERIFY2(r.err.contains("role chaining") && r.err.contains("3600"), qPrintable(r.describe()));
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(m_side->requestCount(), 0);

    // The same for a role that is not chained is fine as far as the check goes (then STS is unreachable: 4).
    const CliRun direct = run({u"--endpoint-url"_s, m_closedUrl, u"console"_s, u"--profile"_s, u"role"_s, u"--print"_s,
                                  u"--duration"_s, u"7200"_s},
        env);
    VERIFY_RUN(direct, 4);
}

// ---------------------------------------------------------------------------------------------- endpoints

void Tst_ProfileCli::profileEndpointSettings_data()
{
    QTest::addColumn<QString>("settings"); // appended to the [profile ep] section
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("source");
    QTest::addRow("endpoint_url") << u"endpoint_url = %MOTO%\n"_s << QStringList() << u"endpoint_url"_s;
    QTest::addRow("AWS_ENDPOINT_URL_STS over endpoint_url")
        << u"endpoint_url = %CLOSED%\n"_s << QStringList {u"AWS_ENDPOINT_URL_STS=%MOTO%"_s}
        << u"AWS_ENDPOINT_URL_STS"_s;
    QTest::addRow("services section over endpoint_url")
        << u"endpoint_url = %CLOSED%\nservices = local\n\n[services local]\nsts =\n  endpoint_url = %MOTO%\n"_s
        << QStringList() << u"services"_s;
}

void Tst_ProfileCli::profileEndpointSettings()
{
    REQUIRE_MOTO();
    QFETCH(QString, settings);
    QFETCH(QStringList, environment);
    QFETCH(QString, source);
    writeConfig(u"[profile user]\n\n[profile ep]\nrole_arn = %USER_ROLE%\nsource_profile = user\n"
                "role_session_name = rc-endpoint\nregion = eu-west-2\n"_s
            + settings,
        kCredentials);
    QProcessEnvironment env = this->environment();
    Rolecall::Test::applyEnvironmentEdits(env, substitute(environment));
    const QString expectedArn = assumedRoleArn(u"rc-user-role"_s, u"rc-endpoint"_s);

    // No --endpoint-url: the profile (or the environment) says where STS is.
    const CliRun assume = run({u"assume"_s, u"--profile"_s, u"ep"_s}, env);
    VERIFY_RUN(assume, 0);
    QCOMPARE(assume.json().value(u"Region"_s).toString(), u"eu-west-2"_s);
    QCOMPARE(arnFor(assume.json()), expectedArn);

    const CliRun whoami = run({u"whoami"_s, u"--json"_s, u"--debug"_s, u"--profile"_s, u"ep"_s}, env);
    VERIFY_RUN(whoami, 0);
    QCOMPARE(whoami.json().value(u"Arn"_s).toString(), expectedArn);
    const QString expected
        = u"debug: endpoint http://127.0.0.1:%1/ (%2), signing region eu-west-2"_s.arg(m_moto.port()).arg(source);
    QVERIFY2(QString::fromUtf8(whoami.err).contains(expected), qPrintable(whoami.describe()));
}

void Tst_ProfileCli::profileRegionSignsTheCalls_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("region");
    QTest::addRow("the profile's region") << QStringList() << QStringList() << u"eu-west-2"_s;
    QTest::addRow("--region over the profile")
        << QStringList {u"--region"_s, u"eu-central-1"_s} << QStringList() << u"eu-central-1"_s;
    QTest::addRow("AWS_REGION over the profile")
        << QStringList() << QStringList {u"AWS_REGION=ap-south-1"_s} << u"ap-south-1"_s;
}

void Tst_ProfileCli::profileRegionSignsTheCalls()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, region);
    writeConfig(u"[profile mfa-user]\n\n[profile regional]\nrole_arn = arn:aws:iam::123456789012:role/rc-regional\n"
                "source_profile = mfa-user\nregion = eu-west-2\nendpoint_url = %STS%\n"_s,
        kExampleUserCredentials);
    answerLikeSts();
    QProcessEnvironment env = this->environment();
    Rolecall::Test::applyEnvironmentEdits(env, environment);
    const CliRun r = run(QStringList {u"assume"_s, u"--profile"_s, u"regional"_s} + arguments, env);
    VERIFY_RUN(r, 0);
    QCOMPARE(m_sts->requestCount(), 1);
    QCOMPARE(m_sts->request(0).formValue("Action"), QByteArray("AssumeRole"));
    QCOMPARE(signingRegion(m_sts->request(0)), region);
    QCOMPARE(signingKeyId(m_sts->request(0)), QString(kExampleKeyId));
}

QTEST_GUILESS_MAIN(Tst_ProfileCli)
#include "tst_profilecli.moc"
