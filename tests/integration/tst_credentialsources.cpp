// SPDX-License-Identifier: Apache-2.0
// The non-STS credential sources end to end: credential_process with real child processes (small sh
// scripts), and the container and EC2 instance metadata providers against the loopback fault server.
#include "faultserver.h"

#include "credentials/containercredentials.h"
#include "credentials/imdscredentials.h"
#include "credentials/processcredentials.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <memory>
#include <signal.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::RecordedRequest;

namespace {

constexpr int kWaitMs = 15000;
const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);

// AWS's documented example values. Never real credentials.
const QByteArray kKeyId = "ASIAIOSFODNN7EXAMPLE";
const QByteArray kLongTermKeyId = "AKIAIOSFODNN7EXAMPLE";
const QByteArray kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
const QByteArray kToken = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIEXAMPLE+tok/en=";
const QByteArray kAuthToken = "Bearer EXAMPLE-container-authorization-token";
const QByteArray kImdsToken = "AQAEAEXAMPLEimdsv2sessiontoken==";
const QByteArray kRole = "demo-instance-role";

QByteArray processJson(bool withToken, const QByteArray &expiration = "2024-05-01T13:00:00Z")
{
    QByteArray json = "{\"Version\": 1, \"AccessKeyId\": \"" + (withToken ? kKeyId : kLongTermKeyId)
        + "\", \"SecretAccessKey\": \"" + kSecret + '"';
    if (withToken)
        json += ", \"SessionToken\": \"" + kToken + "\", \"Expiration\": \"" + expiration + '"';
    return json + '}';
}

QByteArray metadataJson(const QByteArray &expiration = "2024-05-01T18:00:00Z")
{
    return "{\"Code\": \"Success\", \"LastUpdated\": \"2024-05-01T11:40:00Z\", \"Type\": \"AWS-HMAC\", "
           "\"AccessKeyId\": \""
        + kKeyId + "\", \"SecretAccessKey\": \"" + kSecret + "\", \"Token\": \"" + kToken + "\", \"Expiration\": \""
        + expiration + "\", \"AccountId\": \"123456789012\"}";
}

void settle()
{
    // Long enough for a second `finished` or a deferred delete to show up.
    QTest::qWait(20);
}

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH);
}

Result<AwsCredentials> resultOf(const QSignalSpy &spy)
{
    return spy.at(0).at(0).value<Result<AwsCredentials>>();
}

QString describe(const Result<AwsCredentials> &result)
{
    return result.ok() ? u"ok"_s : Error::kindName(result.error().kind) + u": "_s + result.error().message;
}

} // namespace

// Waits for the one `finished` of a job, checks nothing else follows and that the job deleted itself.
#define AWAIT_FINISHED(spy, job)                                                                                       \
    do {                                                                                                               \
        if ((spy).isEmpty())                                                                                           \
            QVERIFY2((spy).wait(kWaitMs), "the job did not finish");                                                   \
        settle();                                                                                                      \
        QCOMPARE((spy).count(), 1);                                                                                    \
        QTRY_VERIFY2((job).isNull(), "the job did not delete itself");                                                 \
    } while (false)

class Tst_CredentialSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // credential_process
    void processWithSessionTokenSucceeds();
    void processWithLongTermKeysSucceeds();
    void processGetsArgumentsAndEnvironmentWithoutAShell();
    void processFailureReportsExitCodeAndLastStderrLine();
    void processPastTheTimeoutIsKilledWithinBound();
    void processPrintingGarbageIsAParseError();
    void processPrintingTooMuchIsKilled();
    void processReturningExpiredCredentialsFails();
    void processThatCannotStartFails_data();
    void processThatCannotStartFails();
    void processAbortKillsItAndCancels();

    // container credentials
    void containerFullUriSendsTheAuthorizationToken();
    void containerTokenFileIsReadForEachJob();
    void containerRelativeUriIsResolvedOnTheBase();
    void containerServerErrorIsRetriedThenSucceeds();
    void containerErrorsAreRetriedThreeTimes_data();
    void containerErrorsAreRetriedThreeTimes();
    void containerMissingKeysAreNotRetried();
    void containerHangTimesOutWithinBound();
    void containerBadConfigurationSendsNothing_data();
    void containerBadConfigurationSendsNothing();
    void containerAbortDuringBackoffCancels();

    // EC2 instance metadata
    void imdsV2FetchesTokenRoleAndCredentials();
    void imdsFallsBackToV1_data();
    void imdsFallsBackToV1();
    void imdsV1DisabledRefusesTheFallback();
    void imdsDisabledByEnvironmentSendsNothing();
    void imdsBadTokenRequestEndsTheJob();
    void imdsRetriesUpToTheConfiguredAttempts_data();
    void imdsRetriesUpToTheConfiguredAttempts();
    void imdsHangTimesOutWithinBound();
    void imdsMalformedJsonIsAParseError();
    void imdsReportedProblemCarriesTheCode();
    void imdsWithoutRoleSaysSo();
    void imdsStaleCredentialsAreExtended();
    void imdsAbortWhileWaitingCancelsOnce();

private:
    QString writeScript(const QString &name, const QByteArray &body, bool executable = true);
    QProcessEnvironment processEnvironment() const;
    QProcessEnvironment imdsEnvironment(const QList<std::pair<QString, QString>> &extra = {}) const;
    Result<AwsCredentials> runProcess(const QString &commandLine, const ProcessCredentialsSettings &settings = {},
        qint64 *elapsedMs = nullptr, qint64 *pid = nullptr);
    Result<AwsCredentials> runContainer(
        const QProcessEnvironment &env, const ContainerCredentialsSettings &settings, int *attempts = nullptr);
    Result<AwsCredentials> runImds(const QProcessEnvironment &env, bool *usedV1 = nullptr, qint64 *elapsedMs = nullptr);
    void imdsRespondNormally(int tokenStatus = 200);
    void collect(const Result<AwsCredentials> &result)
    {
        if (!result.ok())
            m_errors.append(result.error());
    }

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock {kNow};
    QList<Error> m_errors;
};

// ---------------------------------------------------------------------------------------------- fixture

void Tst_CredentialSources::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    qRegisterMetaType<Error>();
}

void Tst_CredentialSources::init()
{
    m_errors.clear();
    m_clock.set(kNow);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<FaultServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void Tst_CredentialSources::cleanup()
{
    // Whatever a test did, no error it produced may carry a credential.
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.awsMessage, error.context, error.field}) {
            for (const QByteArray &secret : {kSecret, kToken, kAuthToken, kImdsToken})
                QVERIFY2(!text.contains(QString::fromLatin1(secret)), qPrintable(error.message));
        }
    }
    m_server.reset();
    m_network.reset();
    m_dir.reset();
}

QString Tst_CredentialSources::writeScript(const QString &name, const QByteArray &body, bool executable)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (executable)
        permissions |= QFile::ExeOwner;
    file.setPermissions(permissions);
    return path;
}

QProcessEnvironment Tst_CredentialSources::processEnvironment() const
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, m_dir->path());
    env.insert(u"LC_ALL"_s, u"C"_s);
    return env;
}

QProcessEnvironment Tst_CredentialSources::imdsEnvironment(const QList<std::pair<QString, QString>> &extra) const
{
    QProcessEnvironment env;
    env.insert(u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, m_server->url().toString());
    for (const auto &[key, value] : extra)
        env.insert(key, value);
    return env;
}

Result<AwsCredentials> Tst_CredentialSources::runProcess(
    const QString &commandLine, const ProcessCredentialsSettings &settings, qint64 *elapsedMs, qint64 *pid)
{
    QElapsedTimer timer;
    timer.start();
    QPointer<ProcessCredentialsJob> job
        = new ProcessCredentialsJob(&m_clock, commandLine, processEnvironment(), settings, this);
    QSignalSpy spy(job.data(), &ProcessCredentialsJob::finished);
    if (pid) {
        // Bounded: the job starts on the next event-loop turn, the process right after.
        for (int i = 0; i < 500 && job && !job->isFinished() && job->processId() == 0; ++i)
            QTest::qWait(10);
        *pid = job ? job->processId() : 0;
    }
    if (spy.isEmpty() && !spy.wait(kWaitMs))
        return Error::config(u"the job did not finish"_s);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    settle();
    if (spy.count() != 1)
        return Error::config(u"finished %1 times"_s.arg(spy.count()));
    QTest::qWait(0);
    for (int i = 0; i < 100 && job; ++i)
        QTest::qWait(10);
    if (job)
        return Error::config(u"the job did not delete itself"_s);
    Result<AwsCredentials> result = resultOf(spy);
    collect(result);
    return result;
}

Result<AwsCredentials> Tst_CredentialSources::runContainer(
    const QProcessEnvironment &env, const ContainerCredentialsSettings &settings, int *attempts)
{
    QPointer<ContainerCredentialsJob> job = new ContainerCredentialsJob(m_network.get(), env, settings, this);
    QSignalSpy spy(job.data(), &ContainerCredentialsJob::finished);
    QSignalSpy retrying(job.data(), &ContainerCredentialsJob::retrying);
    if (!spy.wait(kWaitMs))
        return Error::config(u"the job did not finish"_s);
    settle();
    if (spy.count() != 1)
        return Error::config(u"finished %1 times"_s.arg(spy.count()));
    if (attempts)
        *attempts = static_cast<int>(retrying.count()) + 1;
    for (int i = 0; i < 100 && job; ++i)
        QTest::qWait(10);
    if (job)
        return Error::config(u"the job did not delete itself"_s);
    for (const QList<QVariant> &args : std::as_const(retrying))
        m_errors.append(args.at(2).value<Error>());
    Result<AwsCredentials> result = resultOf(spy);
    collect(result);
    return result;
}

Result<AwsCredentials> Tst_CredentialSources::runImds(const QProcessEnvironment &env, bool *usedV1, qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    QPointer<ImdsCredentialsJob> job = new ImdsCredentialsJob(m_network.get(), &m_clock, env, this);
    QSignalSpy spy(job.data(), &ImdsCredentialsJob::finished);
    bool v1 = false;
    connect(job.data(), &ImdsCredentialsJob::finished, this, [&v1, job] { v1 = job->usedImdsV1(); });
    if (!spy.wait(kWaitMs))
        return Error::config(u"the job did not finish"_s);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    settle();
    if (spy.count() != 1)
        return Error::config(u"finished %1 times"_s.arg(spy.count()));
    if (usedV1)
        *usedV1 = v1;
    for (int i = 0; i < 100 && job; ++i)
        QTest::qWait(10);
    if (job)
        return Error::config(u"the job did not delete itself"_s);
    Result<AwsCredentials> result = resultOf(spy);
    collect(result);
    return result;
}

void Tst_CredentialSources::imdsRespondNormally(int tokenStatus)
{
    m_server->setResponder([tokenStatus](const RecordedRequest &request) {
        if (request.method == "PUT" && request.path == "/latest/api/token")
            return tokenStatus == 200 ? FaultResponse::plain(200, kImdsToken) : FaultResponse::plain(tokenStatus);
        if (request.method == "GET" && request.path == "/latest/meta-data/iam/security-credentials/")
            return FaultResponse::plain(200, kRole);
        if (request.method == "GET" && request.path == "/latest/meta-data/iam/security-credentials/" + kRole)
            return FaultResponse::json(metadataJson());
        return FaultResponse::plain(404, "not found");
    });
}

// ---------------------------------------------------------------------------------------------- credential_process

void Tst_CredentialSources::processWithSessionTokenSucceeds()
{
    const QString script = writeScript(
        u"creds.sh"_s, "echo 'fetching credentials…' >&2\ncat <<'JSON'\n" + processJson(true) + "\nJSON\n");
    QVERIFY(!script.isEmpty());
    const Result<AwsCredentials> result = runProcess(script);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->accessKeyId, QString::fromLatin1(kKeyId));
    QCOMPARE(result->secretAccessKey, SecureBytes(kSecret));
    QCOMPARE(result->sessionToken, SecureBytes(kToken));
    QCOMPARE(result->expiration, QDateTime(QDate(2024, 5, 1), QTime(13, 0), Qt::UTC));
    QCOMPARE(result->origin, AwsCredentials::Origin::Unknown);
}

void Tst_CredentialSources::processWithLongTermKeysSucceeds()
{
    const QString script = writeScript(u"keys.sh"_s, "printf '%s' '" + processJson(false) + "'\n");
    const Result<AwsCredentials> result = runProcess(script);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->accessKeyId, QString::fromLatin1(kLongTermKeyId));
    QVERIFY(!result->isTemporary());
    QVERIFY(!result->expiration.isValid());
    QCOMPARE(result->origin, AwsCredentials::Origin::LongTerm);
}

void Tst_CredentialSources::processGetsArgumentsAndEnvironmentWithoutAShell()
{
    // The arguments arrive exactly as split (no shell expands $HOME), the environment is the one given,
    // and the program is found through that environment's PATH (the script's directory).
    writeScript(u"rolecall-test-creds"_s,
        "[ \"$#\" = 3 ] || { echo \"expected 3 arguments, got $#\" >&2; exit 11; }\n"
        "[ \"$1\" = 'a b' ] || { echo \"bad first argument: $1\" >&2; exit 12; }\n"
        "[ \"$2\" = '$HOME' ] || { echo \"bad second argument: $2\" >&2; exit 13; }\n"
        "[ \"$3\" = '' ] || { echo \"bad third argument: $3\" >&2; exit 14; }\n"
        "[ \"$ROLECALL_MARKER\" = 'given' ] || { echo 'environment not passed' >&2; exit 15; }\n"
        "[ -z \"$AWS_PROFILE\" ] || { echo 'inherited AWS_PROFILE' >&2; exit 16; }\n"
        "printf '%s' '"
            + processJson(false) + "'\n");
    QProcessEnvironment env = processEnvironment();
    env.insert(u"PATH"_s, m_dir->path() + u":/usr/bin:/bin"_s);
    env.insert(u"ROLECALL_MARKER"_s, u"given"_s);
    QPointer<ProcessCredentialsJob> job = new ProcessCredentialsJob(
        &m_clock, uR"(rolecall-test-creds 'a b' "$HOME" "")"_s, env, ProcessCredentialsSettings(), this);
    QSignalSpy spy(job.data(), &ProcessCredentialsJob::finished);
    AWAIT_FINISHED(spy, job);
    const Result<AwsCredentials> result = resultOf(spy);
    collect(result);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
}

void Tst_CredentialSources::processFailureReportsExitCodeAndLastStderrLine()
{
    // 200 KB of noise first: standard error is bounded, and only its last line is shown.
    const QString script = writeScript(u"fail.sh"_s,
        "head -c 200000 /dev/zero | tr '\\0' 'n' >&2\n"
        "echo >&2\necho 'first problem' >&2\n"
        "echo 'Error: the SSO session has expired; run aws sso login' >&2\necho >&2\nexit 3\n");
    const Result<AwsCredentials> result = runProcess(script);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    const QString &message = result.error().message;
    QVERIFY2(message.contains(u"exit code 3"_s), qPrintable(message));
    QVERIFY2(message.contains(u"run aws sso login"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"first problem"_s), qPrintable(message));
    QVERIFY2(message.size() < 1000, qPrintable(message));
}

void Tst_CredentialSources::processPastTheTimeoutIsKilledWithinBound()
{
    // `sleep` runs as a child of the shell (the trailing echo keeps the shell from exec'ing it) and keeps
    // the output pipes open after the shell is killed: the job must not wait for it.
    const QString script = writeScript(u"slow.sh"_s, "sleep 8\necho done\n");
    ProcessCredentialsSettings settings;
    settings.timeoutMs = 500;
    qint64 elapsed = 0;
    qint64 pid = 0;
    const Result<AwsCredentials> result = runProcess(script, settings, &elapsed, &pid);
    QVERIFY(pid > 0);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY2(result.error().message.contains(u"slow.sh"_s), qPrintable(result.error().message));
    QVERIFY2(elapsed >= 400 && elapsed < 5000, qPrintable(QString::number(elapsed)));
    QVERIFY2(!processExists(pid), "the credential process is still running");
}

void Tst_CredentialSources::processPrintingGarbageIsAParseError()
{
    const QString script = writeScript(u"garbage.sh"_s,
        "echo 'Enter MFA code for arn:aws:iam::123456789012:mfa/me:'\n"
        "echo '"
            + kSecret + "'\n");
    const Result<AwsCredentials> result = runProcess(script);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(result.error().message.contains(u"not JSON"_s), qPrintable(result.error().message));
}

void Tst_CredentialSources::processPrintingTooMuchIsKilled()
{
    const QString script = writeScript(u"flood.sh"_s, "exec yes '" + processJson(true) + "'\n");
    qint64 elapsed = 0;
    qint64 pid = 0;
    const Result<AwsCredentials> result = runProcess(script, {}, &elapsed, &pid);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(result.error().message.contains(u"1048576"_s), qPrintable(result.error().message));
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    QVERIFY2(!processExists(pid), "the credential process is still running");
}

void Tst_CredentialSources::processReturningExpiredCredentialsFails()
{
    const QString script
        = writeScript(u"expired.sh"_s, "printf '%s' '" + processJson(true, "2024-05-01T11:00:00Z") + "'\n");
    const Result<AwsCredentials> result = runProcess(script);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"expired"_s), qPrintable(result.error().message));
}

void Tst_CredentialSources::processThatCannotStartFails_data()
{
    QTest::addColumn<QString>("commandLine"); // "%DIR%" is the temporary directory
    QTest::addColumn<QString>("mentions");
    QTest::addRow("not in PATH") << u"rolecall-no-such-command --flag"_s << u"not found"_s;
    QTest::addRow("not executable") << u"%DIR%/not-executable.sh"_s << u"could not be started"_s;
    QTest::addRow("no such file") << u"%DIR%/missing.sh"_s << u"could not be started"_s;
    QTest::addRow("unbalanced quote") << u"tool 'unclosed"_s << u"cannot be read"_s;
    QTest::addRow("empty") << u"  "_s << u"names no command"_s;
}

void Tst_CredentialSources::processThatCannotStartFails()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, mentions);
    writeScript(u"not-executable.sh"_s, "printf '%s' '" + processJson(false) + "'\n", false);
    commandLine.replace(u"%DIR%"_s, m_dir->path());
    const Result<AwsCredentials> result = runProcess(commandLine);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
}

void Tst_CredentialSources::processAbortKillsItAndCancels()
{
    const QString script = writeScript(u"wait.sh"_s, "exec sleep 20\n");
    QPointer<ProcessCredentialsJob> job
        = new ProcessCredentialsJob(&m_clock, script, processEnvironment(), ProcessCredentialsSettings(), this);
    QSignalSpy spy(job.data(), &ProcessCredentialsJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(job && job->processId() > 0, 5000);
    const qint64 pid = job->processId();
    job->abort();
    AWAIT_FINISHED(spy, job);
    const Result<AwsCredentials> result = resultOf(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY2(!processExists(pid), "the credential process is still running");
}

// ---------------------------------------------------------------------------------------------- container

void Tst_CredentialSources::containerFullUriSendsTheAuthorizationToken()
{
    m_server->enqueue(FaultResponse::json(metadataJson()));
    QProcessEnvironment env;
    env.insert(
        u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, u"http://127.0.0.1:%1/v1/credentials?id=42"_s.arg(m_server->port()));
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, QString::fromLatin1(kAuthToken));
    const Result<AwsCredentials> result = runContainer(env, {});
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->accessKeyId, QString::fromLatin1(kKeyId));
    QCOMPARE(result->secretAccessKey, SecureBytes(kSecret));
    QCOMPARE(result->sessionToken, SecureBytes(kToken));
    QCOMPARE(result->expiration, QDateTime(QDate(2024, 5, 1), QTime(18, 0), Qt::UTC));
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->request(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/credentials?id=42"));
    QCOMPARE(request.header("Authorization"), kAuthToken);
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
}

void Tst_CredentialSources::containerTokenFileIsReadForEachJob()
{
    const QString tokenFile = m_dir->filePath(u"eks-pod-identity-token"_s);
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString() + u"creds"_s);
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s, tokenFile);
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, u"ignored-when-the-file-is-set"_s);
    for (const QByteArray &token : {QByteArray("first-EXAMPLE-token"), QByteArray("rotated-EXAMPLE-token")}) {
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(token);
        file.close();
        m_server->enqueue(FaultResponse::json(metadataJson()));
        const Result<AwsCredentials> result = runContainer(env, {});
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(m_server->requests().constLast().header("Authorization"), token);
    }
    QCOMPARE(m_server->requestCount(), 2);
}

void Tst_CredentialSources::containerRelativeUriIsResolvedOnTheBase()
{
    m_server->enqueue(FaultResponse::json(metadataJson()));
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s, u"/v2/credentials/4f2c-EXAMPLE"_s);
    ContainerCredentialsSettings settings;
    settings.relativeUriBase = u"http://127.0.0.1:%1"_s.arg(m_server->port());
    const Result<AwsCredentials> result = runContainer(env, settings);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->request(0).path, QByteArray("/v2/credentials/4f2c-EXAMPLE"));
    QVERIFY(!m_server->request(0).hasHeader("Authorization"));
}

void Tst_CredentialSources::containerServerErrorIsRetriedThenSucceeds()
{
    m_server->enqueue(FaultResponse::plain(500, "temporarily unavailable"));
    m_server->enqueue(FaultResponse::json(metadataJson()));
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    ContainerCredentialsSettings settings;
    settings.retryDelayMs = 200;
    int attempts = 0;
    const Result<AwsCredentials> result = runContainer(env, settings, &attempts);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(attempts, 2);
    QCOMPARE(m_server->requestCount(), 2);
    const qint64 pause = m_server->request(1).arrivalMs - m_server->request(0).arrivalMs;
    QVERIFY2(pause >= 180, qPrintable(QString::number(pause)));
}

void Tst_CredentialSources::containerErrorsAreRetriedThreeTimes_data()
{
    QTest::addColumn<FaultResponse>("response");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("malformed JSON") << FaultResponse::json("{\"AccessKeyId\": ") << Error::Kind::Parse;
    QTest::addRow("HTTP 404 with a message")
        << FaultResponse::json("{\"message\": \"task not found\"}", 404) << Error::Kind::Http;
    QTest::addRow("connection reset") << FaultResponse::reset() << Error::Kind::Network;
}

void Tst_CredentialSources::containerErrorsAreRetriedThreeTimes()
{
    QFETCH(FaultResponse, response);
    QFETCH(Error::Kind, kind);
    m_server->setDefaultResponse(response);
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    ContainerCredentialsSettings settings;
    settings.retryDelayMs = 10;
    int attempts = 0;
    const Result<AwsCredentials> result = runContainer(env, settings, &attempts);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(attempts, 3);
    if (response.behaviour == FaultResponse::Behaviour::Reset)
        QVERIFY(m_server->requestCount() >= 3); // Qt itself resends a GET once when the connection drops
    else
        QCOMPARE(m_server->requestCount(), 3);
    if (kind == Error::Kind::Http) {
        QCOMPARE(result.error().httpStatus, 404);
        QVERIFY2(result.error().message.contains(u"task not found"_s), qPrintable(result.error().message));
    }
}

void Tst_CredentialSources::containerMissingKeysAreNotRetried()
{
    m_server->enqueue(FaultResponse::json("{\"AccessKeyId\": \"" + kKeyId + "\", \"SecretAccessKey\": \"" + kSecret
        + "\", \"Expiration\": \"2024-05-01T18:00:00Z\"}"));
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    const Result<AwsCredentials> result = runContainer(env, {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(result.error().message.contains(u"Token"_s), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_CredentialSources::containerHangTimesOutWithinBound()
{
    m_server->setDefaultResponse(FaultResponse::hang());
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    ContainerCredentialsSettings settings;
    settings.timeoutMs = 300;
    settings.attempts = 2;
    settings.retryDelayMs = 10;
    QElapsedTimer timer;
    timer.start();
    int attempts = 0;
    const Result<AwsCredentials> result = runContainer(env, settings, &attempts);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QCOMPARE(attempts, 2);
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY2(elapsed >= 500 && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void Tst_CredentialSources::containerBadConfigurationSendsNothing_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addRow("host not allowed over http")
        << u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s << u"http://credentials.example.com:%1/"_s;
    QTest::addRow("token with a line break")
        << u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s << u"Bearer x\r\nX-Injected: 1"_s;
    QTest::addRow("token file missing") << u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s << u"%DIR%/no-such-token"_s;
}

void Tst_CredentialSources::containerBadConfigurationSendsNothing()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    value.replace(u"%DIR%"_s, m_dir->path());
    env.insert(variable, value.contains(u"%1"_s) ? value.arg(m_server->port()) : value);
    const Result<AwsCredentials> result = runContainer(env, {});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void Tst_CredentialSources::containerAbortDuringBackoffCancels()
{
    m_server->setDefaultResponse(FaultResponse::plain(503, "busy"));
    QProcessEnvironment env;
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, m_server->url().toString());
    ContainerCredentialsSettings settings;
    settings.retryDelayMs = 5000;
    QPointer<ContainerCredentialsJob> job = new ContainerCredentialsJob(m_network.get(), env, settings, this);
    QSignalSpy spy(job.data(), &ContainerCredentialsJob::finished);
    QSignalSpy retrying(job.data(), &ContainerCredentialsJob::retrying);
    QVERIFY(retrying.wait(kWaitMs));
    job->abort();
    AWAIT_FINISHED(spy, job);
    const Result<AwsCredentials> result = resultOf(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 1);
}

// ---------------------------------------------------------------------------------------------- IMDS

void Tst_CredentialSources::imdsV2FetchesTokenRoleAndCredentials()
{
    imdsRespondNormally();
    bool usedV1 = true;
    const Result<AwsCredentials> result = runImds(imdsEnvironment(), &usedV1);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(!usedV1);
    QCOMPARE(result->accessKeyId, QString::fromLatin1(kKeyId));
    QCOMPARE(result->secretAccessKey, SecureBytes(kSecret));
    QCOMPARE(result->sessionToken, SecureBytes(kToken));
    QCOMPARE(result->expiration, QDateTime(QDate(2024, 5, 1), QTime(18, 0), Qt::UTC));
    QCOMPARE(result->origin, AwsCredentials::Origin::AssumedRole);

    QCOMPARE(m_server->requestCount(), 3);
    const RecordedRequest token = m_server->request(0);
    QCOMPARE(token.method, QByteArray("PUT"));
    QCOMPARE(token.path, QByteArray("/latest/api/token"));
    QCOMPARE(token.header("X-aws-ec2-metadata-token-ttl-seconds"), QByteArray("21600"));
    QVERIFY(!token.hasHeader("X-aws-ec2-metadata-token"));
    const RecordedRequest role = m_server->request(1);
    QCOMPARE(role.method, QByteArray("GET"));
    QCOMPARE(role.path, QByteArray("/latest/meta-data/iam/security-credentials/"));
    QCOMPARE(role.header("X-aws-ec2-metadata-token"), kImdsToken);
    const RecordedRequest credentials = m_server->request(2);
    QCOMPARE(credentials.path, "/latest/meta-data/iam/security-credentials/" + kRole);
    QCOMPARE(credentials.header("X-aws-ec2-metadata-token"), kImdsToken);
}

void Tst_CredentialSources::imdsFallsBackToV1_data()
{
    QTest::addColumn<int>("tokenStatus");
    QTest::addRow("403") << 403;
    QTest::addRow("404") << 404;
    QTest::addRow("405") << 405;
}

void Tst_CredentialSources::imdsFallsBackToV1()
{
    QFETCH(int, tokenStatus);
    imdsRespondNormally(tokenStatus);
    bool usedV1 = false;
    const Result<AwsCredentials> result = runImds(imdsEnvironment(), &usedV1);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(usedV1);
    QCOMPARE(m_server->requestCount(), 3);
    QVERIFY(!m_server->request(1).hasHeader("X-aws-ec2-metadata-token"));
    QVERIFY(!m_server->request(2).hasHeader("X-aws-ec2-metadata-token"));
}

void Tst_CredentialSources::imdsV1DisabledRefusesTheFallback()
{
    imdsRespondNormally(405);
    const Result<AwsCredentials> result = runImds(imdsEnvironment({{u"AWS_EC2_METADATA_V1_DISABLED"_s, u"true"_s}}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"IMDSv1"_s), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_CredentialSources::imdsDisabledByEnvironmentSendsNothing()
{
    imdsRespondNormally();
    const Result<AwsCredentials> result = runImds(imdsEnvironment({{u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s}}));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"AWS_EC2_METADATA_DISABLED"_s), qPrintable(result.error().message));
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void Tst_CredentialSources::imdsBadTokenRequestEndsTheJob()
{
    imdsRespondNormally(400);
    const Result<AwsCredentials> result = runImds(imdsEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().httpStatus, 400);
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_CredentialSources::imdsRetriesUpToTheConfiguredAttempts_data()
{
    QTest::addColumn<QString>("attempts"); // AWS_METADATA_SERVICE_NUM_ATTEMPTS; empty: unset (1)
    QTest::addColumn<bool>("ok");
    QTest::addRow("default: one attempt") << QString() << false;
    QTest::addRow("two attempts") << u"2"_s << true;
}

void Tst_CredentialSources::imdsRetriesUpToTheConfiguredAttempts()
{
    QFETCH(QString, attempts);
    QFETCH(bool, ok);
    m_server->enqueue({FaultResponse::plain(200, kImdsToken), FaultResponse::plain(200, kRole),
        FaultResponse::plain(500, "Internal Server Error"), FaultResponse::json(metadataJson())});
    QList<std::pair<QString, QString>> extra;
    if (!attempts.isEmpty())
        extra.append({u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, attempts});
    const Result<AwsCredentials> result = runImds(imdsEnvironment(extra));
    QCOMPARE(result.ok(), ok);
    if (ok) {
        QCOMPARE(m_server->requestCount(), 4);
        QCOMPARE(m_server->request(3).path, m_server->request(2).path);
    } else {
        QCOMPARE(result.error().kind, Error::Kind::Http);
        QCOMPARE(result.error().httpStatus, 500);
        QCOMPARE(m_server->requestCount(), 3);
    }
}

void Tst_CredentialSources::imdsHangTimesOutWithinBound()
{
    // The token request times out (botocore then tries IMDSv1), the role request times out: one
    // second each, one attempt each.
    m_server->setDefaultResponse(FaultResponse::hang());
    qint64 elapsed = 0;
    const Result<AwsCredentials> result = runImds(imdsEnvironment(), nullptr, &elapsed);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->request(0).method, QByteArray("PUT"));
    QCOMPARE(m_server->request(1).method, QByteArray("GET"));
    QVERIFY2(elapsed >= 1800 && elapsed < 6000, qPrintable(QString::number(elapsed)));
}

void Tst_CredentialSources::imdsMalformedJsonIsAParseError()
{
    m_server->enqueue({FaultResponse::plain(200, kImdsToken), FaultResponse::plain(200, kRole),
        FaultResponse::json("{\"Code\": \"Success\", \"AccessKeyId\": ")});
    const Result<AwsCredentials> result = runImds(imdsEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QCOMPARE(m_server->requestCount(), 3);
}

void Tst_CredentialSources::imdsReportedProblemCarriesTheCode()
{
    m_server->enqueue({FaultResponse::plain(200, kImdsToken), FaultResponse::plain(200, kRole),
        FaultResponse::json("{\"Code\": \"AssumeRoleUnauthorizedAccess\", \"Message\": \"EC2 cannot assume the "
                            "role demo-instance-role.\", \"LastUpdated\": \"2024-05-01T11:40:00Z\"}")});
    const Result<AwsCredentials> result = runImds(imdsEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Aws);
    QCOMPARE(result.error().awsCode, u"AssumeRoleUnauthorizedAccess"_s);
    QVERIFY2(result.error().message.contains(u"EC2 cannot assume"_s), qPrintable(result.error().message));
}

void Tst_CredentialSources::imdsWithoutRoleSaysSo()
{
    m_server->enqueue({FaultResponse::plain(200, kImdsToken), FaultResponse::plain(404, "Not Found")});
    const Result<AwsCredentials> result = runImds(imdsEnvironment());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().httpStatus, 404);
    QVERIFY2(result.error().message.contains(u"no IAM role"_s), qPrintable(result.error().message));
}

void Tst_CredentialSources::imdsStaleCredentialsAreExtended()
{
    // During an outage IMDS may hand out credentials past their expiry; botocore then extends them by
    // 15 minutes plus 2–10 minutes of jitter instead of failing or asking again at once.
    m_server->enqueue({FaultResponse::plain(200, kImdsToken), FaultResponse::plain(200, kRole),
        FaultResponse::json(metadataJson("2024-05-01T11:00:00Z"))});
    const Result<AwsCredentials> result = runImds(imdsEnvironment());
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const qint64 extension = kNow.secsTo(result->expiration);
    QVERIFY2(extension >= 900 + 120 && extension <= 900 + 600, qPrintable(QString::number(extension)));
}

void Tst_CredentialSources::imdsAbortWhileWaitingCancelsOnce()
{
    m_server->setDefaultResponse(FaultResponse::hang());
    QPointer<ImdsCredentialsJob> job = new ImdsCredentialsJob(m_network.get(), &m_clock, imdsEnvironment(), this);
    QSignalSpy spy(job.data(), &ImdsCredentialsJob::finished);
    QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
    QVERIFY(received.wait(kWaitMs));
    job->abort();
    AWAIT_FINISHED(spy, job);
    const Result<AwsCredentials> result = resultOf(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 1);
}

QTEST_GUILESS_MAIN(Tst_CredentialSources)
#include "tst_credentialsources.moc"
