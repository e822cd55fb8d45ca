// SPDX-License-Identifier: Apache-2.0
// Core::CredentialFlow directly, the state machine behind `rolecall-cli assume` and the app's Assume: profiles
// resolved from real config files, the chain walked against moto (signatures and trust policies checked) or the
// loopback fault server (MFA parameters, hangs, refusals), an MFA provider double that records what it was asked.
#include "faultserver.h"
#include "motoserver.h"
#include "testenv.h"

#include "config/sharedconfig.h"
#include "credentials/credentialflow.h"
#include "profiles/profile.h"
#include "sts/stsclient.h"
#include "util/clock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <memory>
#include <optional>
#include <signal.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::MotoServer;
using Rolecall::Test::RecordedRequest;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kWaitMs = 20000;
// An aborted step must end quickly: no waiting for the transfer timeout or a process to exit by itself.
constexpr int kAbortBoundMs = 3000;
constexpr qint64 kExpiryToleranceSecs = 30;

// AWS's documented example values. Never real credentials.
const auto kExampleKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kSessionKeyId = "ASIAI44QH8DHBEXAMPLE"_L1;
const auto kSessionSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
const auto kSessionToken
    = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrUtdnn"
      "iCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b"
      "15fjrBs2+cTQtpZ3CYWFXG8C5zqx37wnOE49mRl/+OtkIKGO7fAE"_L1;
const auto kRoleKeyId = "ASIAIOSFODNN7EXAMPLE"_L1; // StsFixture's AssumeRole answer
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-flow"_L1;
const auto kSecondMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-flow-second"_L1;
const auto kRoleA = "arn:aws:iam::123456789012:role/rc-flow-a"_L1;
const auto kRoleB = "arn:aws:iam::123456789012:role/rc-flow-b"_L1;
const auto kHopA = "rc-flow-hop-a"_L1;

const auto kExampleUser = "[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                          "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;
// user → a → b, against the fault server; mfa-user and mfa-admin for the MFA cases.
const auto kChainConfig
    = "[profile user]\n\n"
      "[profile a]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = user\n"
      "role_session_name = rc-flow-hop-a\n\n"
      "[profile b]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-b\nsource_profile = a\n"
      "role_session_name = rc-flow-hop-b\n\n"
      "[profile mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\nmfa_serial = %MFA%\n\n"
      "[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = mfa-user\n"
      "role_session_name = rc-flow-hop-a\n\n"
      "[profile mfa-admin]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-b\nsource_profile = mfa-role\n"
      "role_session_name = rc-flow-hop-b\nmfa_serial = %MFA2%\n"_L1;

struct Progress
{
    int step = 0;
    int steps = 0;
    QString description;
};

QString describe(const Result<AwsCredentials> &result)
{
    return result.ok() ? u"ok"_s : Error::kindName(result.error().kind) + u": "_s + result.error().message;
}

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

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

QList<QByteArray> actionsOf(const QList<RecordedRequest> &requests)
{
    QList<QByteArray> actions;
    for (const RecordedRequest &request : requests)
        actions.append(request.formValue("Action"));
    return actions;
}

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH);
}

/**
 * An MFA prompt that records what it is asked and answers from a script, on a later event-loop turn like a dialog.
 * Without a scripted answer it keeps the callback: the prompt stays open until the test answers or never does.
 */
class RecordingMfa final : public MfaProvider
{
public:
    void requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) override
    {
        requests.append(request);
        stsRequestsWhenAsked.append(server ? server->requestCount() : -1);
        if (answers.isEmpty()) {
            pending = std::move(done);
            return;
        }
        const Result<SecureBytes> answer = answers.takeFirst();
        QTimer::singleShot(0, QCoreApplication::instance(), [done, answer] { done(answer); });
    }

    QList<MfaRequest> requests;
    QList<qsizetype> stsRequestsWhenAsked;
    QList<Result<SecureBytes>> answers;
    std::function<void(Result<SecureBytes>)> pending;
    const FaultServer *server = nullptr;
};

} // namespace

#define REQUIRE_MOTO()                                                                                                 \
    do {                                                                                                               \
        if (!m_motoError.isEmpty()) {                                                                                  \
            qWarning("moto: %s", qPrintable(m_motoError));                                                             \
            ROLECALL_REQUIRE_OR_SKIP("moto (python3 -m moto.server) could not be started");                            \
        }                                                                                                              \
    } while (false)

class Tst_CredentialFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // against moto
    void staticUserToRoleAgainstMoto();
    void chainOfThreeAgainstMoto();
    void awsRefusalNamesTheProfile();

    // against the fault server
    void progressCountsEveryStep_data();
    void progressCountsEveryStep();
    void mfaProviderIsAskedOncePerDevice();
    void mfaProviderCancelEndsTheFlow();
    void mfaProcessRunsInsteadOfTheProvider();
    void noMfaProviderIsAConfigError();
    void abortDuringAHangingStepCancelsOnce_data();
    void abortDuringAHangingStepCancelsOnce();
    void abortBeforeStartAndAgainIsHarmless();
    void errorsNameTheProfile_data();
    void errorsNameTheProfile();
    void durationOverrideAppliesToTheLastHop();
    void roleChainingOverAnHourIsRefusedBeforeTheHop();
    void optionsOverrideRegionAndEndpoint();

private:
    struct Run
    {
        QPointer<CredentialFlow> flow;
        std::unique_ptr<QSignalSpy> finished;
        std::unique_ptr<QSignalSpy> progress;
    };

    void writeConfig(const QString &config, const QString &credentials = {});
    QString writeScript(const QString &name, const QByteArray &body);
    QString substitute(QString text) const;
    Profiles::ResolvedProfile resolve(const QString &name);
    Run start(const QString &profile, const CredentialRequestOptions &options = {}, bool withMfa = true);
    /// Waits (bounded) for the one `finished`, checks nothing follows and that the flow deleted itself.
    Result<AwsCredentials> finish(Run &run);
    QList<Progress> progressOf(const Run &run) const;
    QString callerArn(const AwsCredentials &credentials);
    void answerLikeSts();

    MotoServer m_moto;
    QString m_motoError;
    Rolecall::Test::MotoRole m_userRole;
    Rolecall::Test::MotoRole m_chainRole;
    QString m_closedUrl;
    QNetworkAccessManager *m_network = nullptr;
    SystemClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FaultServer> m_sts;
    std::unique_ptr<FaultServer> m_side;
    std::unique_ptr<RecordingMfa> m_mfa;
    QProcessEnvironment m_env;
    QStringList m_problems;
    QList<Error> m_errors;
};

// ---------------------------------------------------------------------------------------------- fixture

void Tst_CredentialFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    m_network = new QNetworkAccessManager(this);
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_closedUrl = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    }

    m_motoError = m_moto.start(MotoServer::Auth::Enforced);
    if (m_motoError.isEmpty()) {
        const QString userTrust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
              uR"("Principal":{"AWS":"%1"}}]})"_s.arg(m_moto.admin().arn);
        QString problem
            = m_moto.createRole(u"rc-flow-user-role"_s, userTrust, MotoServer::allowAllPolicy(), &m_userRole);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString chainTrust
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
              uR"("Principal":{"AWS":"arn:aws:sts::%1:assumed-role/rc-flow-user-role/%2"}}]})"_s.arg(
                  MotoServer::kAccountId, kHopA);
        problem = m_moto.createRole(u"rc-flow-chain-role"_s, chainTrust, MotoServer::allowAllPolicy(), &m_chainRole);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // The flow reads the environment it is given, never this process's: all of this would break it.
    const QByteArray closedUrl = m_closedUrl.toUtf8();
    qputenv("AWS_ENDPOINT_URL_STS", closedUrl);
    qputenv("AWS_ENDPOINT_URL", closedUrl);
    qputenv("AWS_CA_BUNDLE", "/nonexistent/rolecall-test-ca.pem");
    qputenv("AWS_ACCESS_KEY_ID", "AKIAI44QH8DHBEXAMPLE");
    qputenv("AWS_SECRET_ACCESS_KEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
    qputenv("AWS_REGION", "sa-east-1");
    qputenv("AWS_MAX_ATTEMPTS", "9");
}

void Tst_CredentialFlow::init()
{
    m_problems.clear();
    m_errors.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sts = std::make_unique<FaultServer>();
    QVERIFY2(m_sts->listen(), qPrintable(m_sts->errorString()));
    m_side = std::make_unique<FaultServer>();
    QVERIFY2(m_side->listen(), qPrintable(m_side->errorString()));
    m_mfa = std::make_unique<RecordingMfa>();
    m_mfa->server = m_sts.get();
    m_env = Rolecall::Test::cleanEnvironment(m_dir->path());
}

void Tst_CredentialFlow::cleanup()
{
    // No error may carry a credential or a code.
    QStringList secrets {kExampleSecret, kSessionSecret, kSessionToken, StsFixture().sessionToken};
    if (m_motoError.isEmpty())
        secrets.append(m_moto.admin().secretAccessKey);
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.awsMessage, error.context, error.field}) {
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!text.contains(secret), qPrintable(error.message));
            for (const QString &code : {u"111111"_s, u"222222"_s, u"654321"_s})
                QVERIFY2(!text.contains(code), qPrintable(error.message));
        }
    }
    const QStringList problems = std::exchange(m_problems, {});
    m_sts.reset();
    m_side.reset();
    m_dir.reset();
    m_mfa.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
    if (QTest::currentTestFailed() && m_moto.isRunning())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(2000)));
}

QString Tst_CredentialFlow::substitute(QString text) const
{
    text.replace(u"%MOTO%"_s, m_moto.url().toString());
    text.replace(u"%CLOSED%"_s, m_closedUrl);
    text.replace(u"%STS%"_s, m_sts->url().toString());
    text.replace(u"%DIR%"_s, m_dir->path());
    text.replace(u"%ADMIN_KEY%"_s, m_moto.admin().accessKeyId);
    text.replace(u"%ADMIN_SECRET%"_s, m_moto.admin().secretAccessKey);
    text.replace(u"%USER_ROLE%"_s, m_userRole.arn);
    text.replace(u"%CHAIN_ROLE%"_s, m_chainRole.arn);
    text.replace(u"%MFA%"_s, kMfaSerial);
    text.replace(u"%MFA2%"_s, kSecondMfaSerial);
    return text;
}

void Tst_CredentialFlow::writeConfig(const QString &config, const QString &credentials)
{
    const QList<std::pair<QString, QString>> files {{u"config"_s, config}, {u"credentials"_s, credentials}};
    for (const auto &[name, text] : files) {
        QFile file(QDir(m_dir->path()).filePath(name));
        const QByteArray bytes = substitute(text).toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            m_problems.append(u"cannot write "_s + file.fileName());
    }
}

QString Tst_CredentialFlow::writeScript(const QString &name, const QByteArray &body)
{
    QFile file(QDir(m_dir->path()).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size()) {
        m_problems.append(u"cannot write "_s + file.fileName());
        return {};
    }
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return file.fileName();
}

Profiles::ResolvedProfile Tst_CredentialFlow::resolve(const QString &name)
{
    Config::ConfigPaths paths;
    paths.config = QDir(m_dir->path()).filePath(u"config"_s);
    paths.credentials = QDir(m_dir->path()).filePath(u"credentials"_s);
    const Config::SharedConfig config = Config::SharedConfig::load(paths);
    return Profiles::ProfileResolver(config, u"rolecall-flow"_s).resolve(name);
}

Tst_CredentialFlow::Run Tst_CredentialFlow::start(
    const QString &profile, const CredentialRequestOptions &options, bool withMfa)
{
    CredentialServices services;
    services.network = m_network;
    services.clock = &m_clock;
    services.mfa = withMfa ? m_mfa.get() : nullptr;
    services.environment = m_env;
    Run run;
    run.flow = new CredentialFlow(resolve(profile), services, options);
    run.finished = std::make_unique<QSignalSpy>(run.flow.data(), &CredentialFlow::finished);
    run.progress = std::make_unique<QSignalSpy>(run.flow.data(), &CredentialFlow::progress);
    return run;
}

Result<AwsCredentials> Tst_CredentialFlow::finish(Run &run)
{
    if (run.finished->isEmpty() && !run.finished->wait(kWaitMs)) {
        m_problems.append(u"the flow did not finish within %1 s"_s.arg(kWaitMs / 1000));
        if (run.flow)
            run.flow->abort();
        return Error::timeout(kWaitMs / 1000, u"test"_s);
    }
    // Long enough for a second `finished` or the deferred delete to show up.
    QTest::qWait(50);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (run.finished->count() != 1)
        m_problems.append(u"finished was emitted %1 times"_s.arg(run.finished->count()));
    if (run.flow)
        m_problems.append(u"the flow did not delete itself after finishing"_s);
    const auto result = run.finished->at(0).at(0).value<Result<AwsCredentials>>();
    if (!result.ok())
        m_errors.append(result.error());
    return result;
}

QList<Progress> Tst_CredentialFlow::progressOf(const Run &run) const
{
    QList<Progress> out;
    for (const QList<QVariant> &arguments : std::as_const(*run.progress))
        out.append({arguments.at(0).toInt(), arguments.at(1).toInt(), arguments.at(2).toString()});
    return out;
}

QString Tst_CredentialFlow::callerArn(const AwsCredentials &credentials)
{
    EndpointSettings settings;
    settings.explicitUrl = m_moto.url().toString();
    const auto endpoint = resolveStsEndpoint(settings);
    if (!endpoint)
        return endpoint.error().message;
    Sts::StsClientConfig config;
    config.endpoint = endpoint.value();
    Sts::StsClient client(m_network, &m_clock, config);
    client.setCredentials(credentials);
    auto *job = client.getCallerIdentity();
    QSignalSpy spy(job, &Sts::GetCallerIdentityJob::finished);
    if (!spy.wait(kWaitMs))
        return u"GetCallerIdentity did not finish"_s;
    const auto result = spy.at(0).at(0).value<Result<Sts::GetCallerIdentityResult>>();
    return result ? result->arn : result.error().message;
}

void Tst_CredentialFlow::answerLikeSts()
{
    m_sts->setResponder([](const RecordedRequest &request) {
        const QByteArray action = request.formValue("Action");
        StsFixture f;
        if (action == "GetSessionToken") {
            f.accessKeyId = kSessionKeyId;
            f.secretAccessKey = kSessionSecret;
            f.sessionToken = kSessionToken;
            f.expiration = isoIn(43200);
        } else {
            f.expiration = isoIn(3600);
            const QString session = QString::fromUtf8(request.formValue("RoleSessionName"));
            const QString role = QString::fromUtf8(request.formValue("RoleArn")).section(u'/', -1);
            f.assumedRoleArn = u"arn:aws:sts::123456789012:assumed-role/%1/%2"_s.arg(role, session);
            f.assumedRoleId = u"AROA3XFRBF535PLBIFPI4:"_s + session;
        }
        const QByteArray body = StsXml::forAction(action, f);
        if (body.isEmpty())
            return FaultResponse::awsError(400, u"InvalidAction"_s, u"not an STS action"_s);
        return FaultResponse::xml(body);
    });
}

// ---------------------------------------------------------------------------------------------- against moto

void Tst_CredentialFlow::staticUserToRoleAgainstMoto()
{
    REQUIRE_MOTO();
    writeConfig(u"[profile role]\nrole_arn = %USER_ROLE%\nsource_profile = user\nrole_session_name = rc-flow-role\n"_s,
        u"[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n"_s);
    CredentialRequestOptions options;
    options.endpointUrl = m_moto.url().toString();
    options.durationSeconds = 1800;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    Run run = start(u"role"_s, options);
    const Result<AwsCredentials> result = finish(run);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY2(result->accessKeyId.startsWith(u"ASIA"_s), qPrintable(result->accessKeyId));
    QVERIFY(result->isTemporary());
    QCOMPARE(result->origin, AwsCredentials::Origin::AssumedRole);
    QVERIFY2(result->expiration >= before.addSecs(1800 - kExpiryToleranceSecs)
            && result->expiration <= after.addSecs(1800 + kExpiryToleranceSecs),
        qPrintable(result->expiration.toString(Qt::ISODate)));

    const QList<Progress> progress = progressOf(run);
    QCOMPARE(progress.size(), 2);
    QCOMPARE(progress.at(0).step, 1);
    QCOMPARE(progress.at(0).steps, 2);
    QCOMPARE(progress.at(0).description, u"Access keys of user"_s);
    QCOMPARE(progress.at(1).step, 2);
    QCOMPARE(progress.at(1).steps, 2);
    QCOMPARE(progress.at(1).description, u"Assume "_s + m_userRole.arn);
    QVERIFY(m_mfa->requests.isEmpty());

    // moto verifies the new session's signature and token.
    QCOMPARE(callerArn(result.value()), u"arn:aws:sts::123456789012:assumed-role/rc-flow-user-role/rc-flow-role"_s);
}

void Tst_CredentialFlow::chainOfThreeAgainstMoto()
{
    REQUIRE_MOTO();
    // rc-flow-chain-role trusts only hop A's session: moto refuses it unless hop B is signed with hop A's keys.
    writeConfig(u"[profile a]\nrole_arn = %USER_ROLE%\nsource_profile = user\nrole_session_name = rc-flow-hop-a\n\n"
                "[profile b]\nrole_arn = %CHAIN_ROLE%\nsource_profile = a\nrole_session_name = rc-flow-hop-b\n"
                "endpoint_url = %MOTO%\n"_s,
        u"[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n"_s);
    Run run = start(u"b"_s);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const QList<Progress> progress = progressOf(run);
    QCOMPARE(progress.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(progress.at(i).step, i + 1);
        QCOMPARE(progress.at(i).steps, 3);
    }
    QCOMPARE(progress.at(2).description, u"Assume "_s + m_chainRole.arn);
    QCOMPARE(callerArn(result.value()), u"arn:aws:sts::123456789012:assumed-role/rc-flow-chain-role/rc-flow-hop-b"_s);
}

void Tst_CredentialFlow::awsRefusalNamesTheProfile()
{
    REQUIRE_MOTO();
    // The chained role does not trust the user itself.
    writeConfig(u"[profile direct]\nrole_arn = %CHAIN_ROLE%\nsource_profile = user\nendpoint_url = %MOTO%\n"_s,
        u"[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n"_s);
    Run run = start(u"direct"_s);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Aws);
    QCOMPARE(result.error().awsCode, u"AccessDenied"_s);
    QVERIFY2(result.error().message.startsWith(u"Profile direct: "_s), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"AssumeRole"_s), qPrintable(result.error().message));
}

// ---------------------------------------------------------------------------------------------- fault server

void Tst_CredentialFlow::progressCountsEveryStep_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QStringList>("descriptions");
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QString>("signer"); // key id that signed the last call
    const QString assumeA = u"Assume "_s + kRoleA;
    const QString assumeB = u"Assume "_s + kRoleB;
    QTest::addRow("static keys only") << u"user"_s << QStringList {u"Access keys of user"_s} << QStringList()
                                      << QString();
    QTest::addRow("user → role") << u"a"_s << QStringList {u"Access keys of user"_s, assumeA}
                                 << QStringList {u"AssumeRole"_s} << QString(kExampleKeyId);
    QTest::addRow("user → role → role") << u"b"_s << QStringList {u"Access keys of user"_s, assumeA, assumeB}
                                        << QStringList {u"AssumeRole"_s, u"AssumeRole"_s} << QString(kRoleKeyId);
    QTest::addRow("user with MFA → role")
        << u"mfa-role"_s
        << QStringList {u"Access keys of mfa-user"_s, u"Session token with MFA (%1)"_s.arg(kMfaSerial), assumeA}
        << QStringList {u"GetSessionToken"_s, u"AssumeRole"_s} << QString(kSessionKeyId);
    QTest::addRow("environment → role") << u"env-role"_s
                                        << QStringList {u"Credentials from the environment (AWS_ACCESS_KEY_ID…)"_s,
                                               assumeA}
                                        << QStringList {u"AssumeRole"_s} << QString(kExampleKeyId);
    QTest::addRow("credential_process → role")
        << u"proc-role"_s << QStringList {u"credential_process of proc"_s, assumeA} << QStringList {u"AssumeRole"_s}
        << QString(kExampleKeyId);
}

void Tst_CredentialFlow::progressCountsEveryStep()
{
    QFETCH(QString, profile);
    QFETCH(QStringList, descriptions);
    QFETCH(QStringList, actions);
    QFETCH(QString, signer);
    const QString script = writeScript(u"creds.sh"_s,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": "
        "\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\"}'\n");
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n\n"_s
            + u"[profile env-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\n"
              "credential_source = Environment\n\n"
              "[profile proc]\ncredential_process = %1\n\n"
              "[profile proc-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = proc\n"_s.arg(
                  script),
        kExampleUser);
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, kExampleKeyId);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, kExampleSecret);
    answerLikeSts();
    m_mfa->answers.append(SecureBytes(QByteArrayLiteral("111111")));
    CredentialRequestOptions options;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(profile, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));

    const QList<Progress> progress = progressOf(run);
    QStringList seen;
    for (qsizetype i = 0; i < progress.size(); ++i) {
        QCOMPARE(progress.at(i).step, int(i + 1));
        QCOMPARE(progress.at(i).steps, int(descriptions.size()));
        seen.append(progress.at(i).description);
    }
    QCOMPARE(seen, descriptions);
    QStringList sent;
    for (const QByteArray &action : actionsOf(m_sts->requests()))
        sent.append(QString::fromLatin1(action));
    QCOMPARE(sent, actions);
    if (!actions.isEmpty())
        QCOMPARE(signingKeyId(m_sts->requests().constLast()), signer);
    // The static keys come back as they are; every other chain ends with the last role's session.
    QCOMPARE(result->accessKeyId, actions.isEmpty() ? QString(kExampleKeyId) : QString(kRoleKeyId));
    QCOMPARE(
        result->origin, actions.isEmpty() ? AwsCredentials::Origin::LongTerm : AwsCredentials::Origin::AssumedRole);
}

void Tst_CredentialFlow::mfaProviderIsAskedOncePerDevice()
{
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n"_s, kExampleUser);
    answerLikeSts();
    m_mfa->answers = {SecureBytes(QByteArrayLiteral("111111")), SecureBytes(QByteArrayLiteral("222222"))};
    Run run = start(u"mfa-admin"_s);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));

    // Asked once per device, naming the profile being assumed, each time just before the hop that needs it.
    QCOMPARE(m_mfa->requests.size(), 2);
    QCOMPARE(m_mfa->requests.at(0).profile, u"mfa-admin"_s);
    QCOMPARE(m_mfa->requests.at(0).serialNumber, QString(kMfaSerial));
    QVERIFY(m_mfa->requests.at(0).mfaProcess.isEmpty());
    QCOMPARE(m_mfa->requests.at(1).profile, u"mfa-admin"_s);
    QCOMPARE(m_mfa->requests.at(1).serialNumber, QString(kSecondMfaSerial));
    QCOMPARE(m_mfa->stsRequestsWhenAsked, QList<qsizetype>({0, 2}));

    const QList<RecordedRequest> requests = m_sts->requests();
    QCOMPARE(actionsOf(requests), QList<QByteArray>({"GetSessionToken", "AssumeRole", "AssumeRole"}));
    QCOMPARE(requests.at(0).formValue("SerialNumber"), QString(kMfaSerial).toUtf8());
    QCOMPARE(requests.at(0).formValue("TokenCode"), QByteArray("111111"));
    QCOMPARE(requests.at(0).formValue("DurationSeconds"), QByteArray("43200"));
    QCOMPARE(signingKeyId(requests.at(0)), QString(kExampleKeyId));
    // Hop A: the MFA session's keys, no MFA of its own.
    QCOMPARE(requests.at(1).formValue("RoleArn"), QString(kRoleA).toUtf8());
    QVERIFY(requests.at(1).formValue("SerialNumber").isNull());
    QVERIFY(requests.at(1).formValue("TokenCode").isNull());
    QCOMPARE(signingKeyId(requests.at(1)), QString(kSessionKeyId));
    QCOMPARE(requests.at(1).header("X-Amz-Security-Token"), QString(kSessionToken).toUtf8());
    // Hop B: hop A's session, with the second device's code.
    QCOMPARE(requests.at(2).formValue("RoleArn"), QString(kRoleB).toUtf8());
    QCOMPARE(requests.at(2).formValue("SerialNumber"), QString(kSecondMfaSerial).toUtf8());
    QCOMPARE(requests.at(2).formValue("TokenCode"), QByteArray("222222"));
    QCOMPARE(signingKeyId(requests.at(2)), QString(kRoleKeyId));
}

void Tst_CredentialFlow::mfaProviderCancelEndsTheFlow()
{
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n"_s, kExampleUser);
    answerLikeSts();
    m_mfa->answers.append(Error::cancelled(u"MFA prompt"_s));
    CredentialRequestOptions options;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(u"mfa-role"_s, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY2(result.error().message.contains(u"mfa-role"_s), qPrintable(result.error().message));
    QCOMPARE(m_mfa->requests.size(), 1);
    QCOMPARE(m_sts->requestCount(), 0);
    QCOMPARE(progressOf(run).size(), 2); // the keys, then the session token step that asked
}

void Tst_CredentialFlow::mfaProcessRunsInsteadOfTheProvider()
{
    const QString script = writeScript(u"mfa.sh"_s, "#!/bin/sh\necho 654321\n");
    writeConfig(u"[profile mfa-user]\nmfa_serial = %MFA%\nmfa_process = "_s + script
            + u"\n\n[profile mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\n"
              "source_profile = mfa-user\nendpoint_url = %STS%\n"_s,
        u"[mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_s);
    answerLikeSts();
    m_mfa->answers.append(SecureBytes(QByteArrayLiteral("111111")));
    Run run = start(u"mfa-role"_s);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY2(m_mfa->requests.isEmpty(), "mfa_process is configured: nobody is asked");
    QCOMPARE(actionsOf(m_sts->requests()), QList<QByteArray>({"GetSessionToken", "AssumeRole"}));
    QCOMPARE(m_sts->request(0).formValue("TokenCode"), QByteArray("654321"));
}

void Tst_CredentialFlow::noMfaProviderIsAConfigError()
{
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n"_s, kExampleUser);
    answerLikeSts();
    CredentialRequestOptions options;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(u"mfa-role"_s, options, false);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    const QString message = result.error().message;
    QVERIFY2(message.contains(u"mfa-role"_s) && message.contains(kMfaSerial) && message.contains(u"mfa_process"_s),
        qPrintable(message));
    QCOMPARE(m_sts->requestCount(), 0);
}

void Tst_CredentialFlow::abortDuringAHangingStepCancelsOnce_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("hang"); // what hangs
    QTest::addRow("AssumeRole") << u"a"_s << u"sts"_s;
    QTest::addRow("GetSessionToken") << u"mfa-role"_s << u"sts"_s;
    QTest::addRow("MFA prompt left open") << u"mfa-role"_s << u"prompt"_s;
    QTest::addRow("credential_process") << u"proc-role"_s << u"process"_s;
    QTest::addRow("mfa_process") << u"slow-mfa-role"_s << u"process"_s;
    QTest::addRow("container endpoint") << u"ecs-role"_s << u"side"_s;
    QTest::addRow("instance metadata") << u"imds-role"_s << u"side"_s;
}

void Tst_CredentialFlow::abortDuringAHangingStepCancelsOnce()
{
    QFETCH(QString, profile);
    QFETCH(QString, hang);
    const QString slow = writeScript(u"slow.sh"_s, "#!/bin/sh\necho $$ > \"$0.pid\"\nexec sleep 30\n");
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n\n"_s
            + u"[profile proc]\ncredential_process = %1\n\n"
              "[profile proc-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = proc\n\n"
              "[profile slow-mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
              "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"
              "mfa_serial = %MFA%\nmfa_process = %1\n\n"
              "[profile slow-mfa-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\n"
              "source_profile = slow-mfa-user\n\n"
              "[profile ecs-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\n"
              "credential_source = EcsContainer\n\n"
              "[profile imds-role]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\n"
              "credential_source = Ec2InstanceMetadata\n"_s.arg(slow),
        kExampleUser);
    m_env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_side->url().toString() + u"v2/credentials/x"_s);
    m_env.insert(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, m_side->url().toString());
    m_env.insert(u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"30"_s);
    m_sts->setDefaultResponse(FaultResponse::hang());
    m_side->setDefaultResponse(FaultResponse::hang());
    if (hang == "sts"_L1)
        m_mfa->answers.append(SecureBytes(QByteArrayLiteral("111111")));
    else
        answerLikeSts(); // only the source (or the prompt) hangs
    CredentialRequestOptions options;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(profile, options);

    // Wait (bounded) until the step is really under way.
    bool underWay = false;
    if (hang == "sts"_L1)
        underWay = QTest::qWaitFor([this] { return m_sts->requestCount() > 0; }, kWaitMs);
    else if (hang == "side"_L1)
        underWay = QTest::qWaitFor([this] { return m_side->requestCount() > 0; }, kWaitMs);
    else if (hang == "prompt"_L1)
        underWay = QTest::qWaitFor([this] { return bool(m_mfa->pending); }, kWaitMs);
    else
        underWay = QTest::qWaitFor([&slow] { return QFile::exists(slow + u".pid"_s); }, kWaitMs);
    QVERIFY2(underWay, "the hanging step did not start");
    QVERIFY(run.finished->isEmpty());
    qint64 pid = 0;
    if (hang == "process"_L1) {
        QFile file(slow + u".pid"_s);
        QVERIFY(QTest::qWaitFor([&file] { return file.size() > 0; }, 2000));
        QVERIFY(file.open(QIODevice::ReadOnly));
        pid = file.readAll().trimmed().toLongLong();
        QVERIFY(processExists(pid));
    }

    QElapsedTimer timer;
    timer.start();
    QVERIFY(run.flow);
    run.flow->abort();
    QTRY_VERIFY_WITH_TIMEOUT(!run.finished->isEmpty(), kAbortBoundMs);
    const qint64 elapsed = timer.elapsed();
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY2(result.error().message.contains(u"Profile %1:"_s.arg(profile))
            || result.error().message.startsWith(profile + u':'),
        qPrintable(result.error().message));
    QVERIFY2(elapsed < kAbortBoundMs, qPrintable(QString::number(elapsed)));

    // Nothing is left behind: the connection is closed, the process gone, a late answer ignored.
    if (hang == "sts"_L1)
        QTRY_COMPARE_WITH_TIMEOUT(m_sts->openConnections(), 0, kAbortBoundMs);
    if (hang == "side"_L1)
        QTRY_COMPARE_WITH_TIMEOUT(m_side->openConnections(), 0, kAbortBoundMs);
    if (hang == "prompt"_L1) {
        m_mfa->pending(SecureBytes(QByteArrayLiteral("111111")));
        QTest::qWait(50);
        QCOMPARE(run.finished->count(), 1);
        QCOMPARE(m_sts->requestCount(), 0);
    }
    if (pid > 0) {
        // Every step's process (credential_process, mfa_process) is killed by abort().
        QTRY_VERIFY2_WITH_TIMEOUT(!processExists(pid), "the step's process still runs after abort()", kAbortBoundMs);
        if (processExists(pid))
            ::kill(static_cast<pid_t>(pid), SIGKILL); // the test started it: do not leave it behind
    }
}

void Tst_CredentialFlow::abortBeforeStartAndAgainIsHarmless()
{
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n"_s, kExampleUser);
    answerLikeSts();
    CredentialRequestOptions options;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(u"b"_s, options);
    run.flow->abort();
    run.flow->abort();
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QCOMPARE(progressOf(run).size(), 0);
    QCOMPARE(m_sts->requestCount(), 0);

    // abort() from inside the finished handler (a UI reacting late) changes nothing.
    Run second = start(u"user"_s);
    int emitted = 0;
    QPointer<CredentialFlow> flow = second.flow;
    connect(second.flow.data(), &CredentialFlow::finished, this, [&emitted, flow] {
        ++emitted;
        if (flow)
            flow->abort();
    });
    const Result<AwsCredentials> keys = finish(second);
    QVERIFY2(keys.ok(), qPrintable(describe(keys)));
    QCOMPARE(emitted, 1);
}

void Tst_CredentialFlow::errorsNameTheProfile_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    const QString keys = u"[profile user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                         "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n\n"_s;
    QTest::addRow("AWS refusal") << keys + u"[profile dev]\nrole_arn = %ROLE%\nsource_profile = user\n"_s << u"dev"_s
                                 << int(Error::Kind::Aws) << u"AccessDenied"_s;
    QTest::addRow("unreachable endpoint") << keys
            + u"[profile dev]\nrole_arn = %ROLE%\nsource_profile = user\nendpoint_url = %CLOSED%\nmax_attempts = 1\n"_s
                                          << u"dev"_s << int(Error::Kind::Network) << u"Could not reach"_s;
    // A profile whose name begins the error text ("mfa_process: …") must still be named.
    QTest::addRow("profile named mfa, mfa_process fails") << keys
            + u"[profile mfa]\nrole_arn = %ROLE%\nsource_profile = user\nmfa_serial = %MFA%\n"
              "mfa_process = %DIR%/fail.sh\n"_s << u"mfa"_s
                                                          << int(Error::Kind::Config) << u"exit code 2"_s;
    QTest::addRow("no credentials") << u"[profile dev]\nregion = eu-west-1\n"_s << u"dev"_s << int(Error::Kind::Config)
                                    << u"no credentials"_s;
    QTest::addRow("sso") << u"[profile dev]\nsso_start_url = https://example.awsapps.com/start\n"
                            "sso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n"_s
                         << u"dev"_s << int(Error::Kind::Config) << u"IAM Identity Center"_s;
    QTest::addRow("missing source profile") << u"[profile dev]\nrole_arn = %ROLE%\nsource_profile = nowhere\n"_s
                                            << u"dev"_s << int(Error::Kind::Config) << u"\"nowhere\""_s;
    QTest::addRow("source profile without credentials")
        << u"[profile empty]\nregion = eu-west-1\n\n[profile dev]\nrole_arn = %ROLE%\nsource_profile = empty\n"_s
        << u"dev"_s << int(Error::Kind::Config) << u"\"empty\""_s;
    QTest::addRow("environment source without keys")
        << u"[profile dev]\nrole_arn = %ROLE%\ncredential_source = Environment\n"_s << u"dev"_s
        << int(Error::Kind::Config) << u"AWS_ACCESS_KEY_ID"_s;
    QTest::addRow("credential_process fails") << u"[profile proc]\ncredential_process = %DIR%/fail.sh\n\n"
                                                 "[profile dev]\nrole_arn = %ROLE%\nsource_profile = proc\n"_s
                                              << u"dev"_s << int(Error::Kind::Config) << u"credential_process"_s;
    QTest::addRow("web identity token file missing")
        << u"[profile dev]\nrole_arn = %ROLE%\nweb_identity_token_file = %DIR%/no-such-token\n"_s << u"dev"_s
        << int(Error::Kind::Config) << u"no-such-token"_s;
}

void Tst_CredentialFlow::errorsNameTheProfile()
{
    QFETCH(QString, config);
    QFETCH(QString, profile);
    QFETCH(int, kind);
    QFETCH(QString, detail);
    writeScript(u"fail.sh"_s, "#!/bin/sh\necho 'token expired, run login' >&2\nexit 2\n");
    config.replace(u"%ROLE%"_s, kRoleA);
    writeConfig(config);
    m_sts->setResponder([](const RecordedRequest &) {
        return FaultResponse::awsError(403, u"AccessDenied"_s,
            u"User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: sts:AssumeRole"_s);
    });
    CredentialRequestOptions options;
    if (!config.contains(u"endpoint_url"_s))
        options.endpointUrl = m_sts->url().toString();
    Run run = start(profile, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind), kind);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"Profile %1: "_s.arg(profile)) || message.startsWith(profile + u": "_s),
        qPrintable(message));
    QVERIFY2(message.contains(detail), qPrintable(message));
}

void Tst_CredentialFlow::durationOverrideAppliesToTheLastHop()
{
    writeConfig(u"[profile mfa-user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\nmfa_serial = %MFA%\n\n"
                "[profile a]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = mfa-user\n"
                "duration_seconds = 1200\n\n"
                "[profile b]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-b\nsource_profile = a\n"
                "duration_seconds = 900\nendpoint_url = %STS%\n"_s);
    answerLikeSts();
    m_mfa->answers.append(SecureBytes(QByteArrayLiteral("111111")));
    CredentialRequestOptions options;
    options.durationSeconds = 1800;
    options.sessionTokenDurationSeconds = 7200;
    Run run = start(u"b"_s, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const QList<RecordedRequest> requests = m_sts->requests();
    QCOMPARE(actionsOf(requests), QList<QByteArray>({"GetSessionToken", "AssumeRole", "AssumeRole"}));
    QCOMPARE(requests.at(0).formValue("DurationSeconds"), QByteArray("7200"));
    QCOMPARE(requests.at(1).formValue("DurationSeconds"), QByteArray("1200")); // a's own setting
    QCOMPARE(requests.at(2).formValue("DurationSeconds"), QByteArray("1800")); // the override beats b's 900
}

void Tst_CredentialFlow::roleChainingOverAnHourIsRefusedBeforeTheHop()
{
    writeConfig(QString(kChainConfig) + u"endpoint_url = %STS%\n"_s, kExampleUser);
    answerLikeSts();
    CredentialRequestOptions options;
    options.durationSeconds = 7200;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(u"b"_s, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Validation);
    QCOMPARE(result.error().field, u"DurationSeconds"_s);
    QVERIFY2(result.error().message.contains(u"role chaining"_s), qPrintable(result.error().message));
    QVERIFY2(result.error().message.startsWith(u"Profile b: "_s), qPrintable(result.error().message));
    for (const RecordedRequest &request : m_sts->requests())
        QVERIFY2(request.formValue("RoleArn") != QString(kRoleB).toUtf8(), "the refused hop was sent");

    // The same override on a hop from long-term keys is fine.
    Run direct = start(u"a"_s, options);
    const Result<AwsCredentials> ok = finish(direct);
    QVERIFY2(ok.ok(), qPrintable(describe(ok)));
    QCOMPARE(m_sts->requests().constLast().formValue("DurationSeconds"), QByteArray("7200"));
}

void Tst_CredentialFlow::optionsOverrideRegionAndEndpoint()
{
    answerLikeSts();
    // The profile alone: its region signs, its endpoint is asked.
    {
        writeConfig(u"[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = user\n"
                    "region = eu-west-2\nendpoint_url = %STS%\n"_s,
            kExampleUser);
        Run run = start(u"dev"_s);
        const Result<AwsCredentials> result = finish(run);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(m_sts->requestCount(), 1);
        QCOMPARE(signingRegion(m_sts->request(0)), u"eu-west-2"_s);
    }
    // The options win: a refusing endpoint in the profile is never asked.
    writeConfig(u"[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/rc-flow-a\nsource_profile = user\n"
                "region = eu-west-2\nendpoint_url = %CLOSED%\n"_s,
        kExampleUser);
    CredentialRequestOptions options;
    options.region = u"ap-southeast-2"_s;
    options.endpointUrl = m_sts->url().toString();
    Run run = start(u"dev"_s, options);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_sts->requestCount(), 2);
    QCOMPARE(signingRegion(m_sts->request(1)), u"ap-southeast-2"_s);
}

QTEST_GUILESS_MAIN(Tst_CredentialFlow)
#include "tst_credentialflow.moc"
