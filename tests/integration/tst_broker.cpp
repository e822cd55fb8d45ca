// SPDX-License-Identifier: Apache-2.0
// The desktop broker in-process: BrokerServer on a real per-user Unix socket with a test handler (or the
// ready-made FlowBrokerHandler against the loopback fault server playing STS), BrokerCredentialsJob / BrokerMfaJob
// as rolecall-cli uses them, and raw sockets where a well-behaved client cannot misbehave (oversize requests,
// another user's connection from a child that dropped to `nobody`).
#include "faultserver.h"
#include "testenv.h"

#include "config/sharedconfig.h"
#include "credentials/brokerclient.h"
#include "credentials/brokerserver.h"
#include "profiles/profile.h"
#include "util/clock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kWaitMs = 10000;
// The contract from the issue: without an app, rolecall-cli falls back within a second.
constexpr qint64 kFallbackBoundMs = 1000;
constexpr uid_t kNobody = 65534;

// AWS's documented example values. Never real credentials.
const auto kExampleKeyId = "ASIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kExampleToken
    = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSP"
      "fIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7"
      "WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FD"
      "rypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="_L1;

AwsCredentials exampleCredentials(const QString &keyId = kExampleKeyId, qint64 lifetimeSecs = 3600)
{
    AwsCredentials c;
    c.accessKeyId = keyId;
    c.secretAccessKey = SecureBytes(QByteArray(kExampleSecret.data(), kExampleSecret.size()));
    c.sessionToken = SecureBytes(QByteArray(kExampleToken.data(), kExampleToken.size()));
    c.expiration = QDateTime::currentDateTimeUtc().addSecs(lifetimeSecs);
    // Whole seconds: the Version 1 document carries no milliseconds.
    c.expiration = QDateTime::fromSecsSinceEpoch(c.expiration.toSecsSinceEpoch(), Qt::UTC);
    c.origin = AwsCredentials::Origin::AssumedRole;
    return c;
}

QString describe(const Result<AwsCredentials> &result)
{
    return result.ok()
        ? u"ok"_s
        : Error::kindName(result.error().kind) + u" " + result.error().awsCode + u": "_s + result.error().message;
}

mode_t modeOf(const QString &path)
{
    struct stat info
    { };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode;
}

/** Answers from a script; records what it was asked and whether the server cancelled. */
class TestHandler final : public BrokerHandler
{
public:
    Cancel credentials(const Broker::Request &request, std::function<void(Result<AwsCredentials>)> done) override
    {
        requests.append(request);
        const Result<AwsCredentials> answer = error
            ? Result<AwsCredentials>(*error)
            : Result<AwsCredentials>(exampleCredentials(u"ASIA"_s + request.profile.toUpper().left(16)));
        if (hang) {
            pending = std::move(done);
        } else if (delayMs > 0) {
            QTimer::singleShot(delayMs, &context, [done, answer] { done(answer); });
        } else {
            done(answer);
        }
        return [this] { ++cancels; };
    }

    Cancel mfaCode(const Broker::Request &request, std::function<void(Result<SecureBytes>)> done) override
    {
        requests.append(request);
        if (!mfa)
            return BrokerHandler::mfaCode(request, std::move(done));
        done(SecureBytes(QByteArrayView("123456")));
        return {};
    }

    QList<Broker::Request> requests;
    std::optional<Error> error;
    bool hang = false;
    bool mfa = true;
    int delayMs = 0;
    int cancels = 0;
    std::function<void(Result<AwsCredentials>)> pending;
    QObject context;
};

} // namespace

class Tst_Broker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // protocol and location
    void socketLocationFollowsXdgRuntimeDir_data();
    void socketLocationFollowsXdgRuntimeDir();
    void requestsRoundTrip();
    void malformedRequestsAreRefused_data();
    void malformedRequestsAreRefused();
    void loopGuardNamesProfiles();

    // exchanges
    void credentialsRoundTrip();
    void errorAnswerKeepsKindCodeAndMessage_data();
    void errorAnswerKeepsKindCodeAndMessage();
    void mfaCodeRoundTrip();
    void mfaWithoutPromptIsUnsupported();
    void oversizeRequestIsRefused();
    void silentClientIsDropped();
    void handlerThatNeverAnswersTimesOut();
    void clientGoingAwayCancelsTheHandler();
    void concurrentClientsGetTheirOwnAnswers();
    void busyServerSaysSo();

    // access control
    void socketAndDirectoryArePrivate();
    void looseDirectoryIsTightened();
    void directoryOfAnotherUserIsRefused();
    void peerCheck_data();
    void peerCheck();
    void peerOfAnotherUserIsRefused();
    void realConnectionFromAnotherUserIsRefused();

    // lifecycle
    void staleSocketIsReplaced();
    void liveSocketIsLeftAlone();
    void nonSocketFileIsLeftAlone();
    void closeRemovesTheSocket();
    void clientFallsBackQuicklyWithoutApp_data();
    void clientFallsBackQuicklyWithoutApp();

    // the ready-made handler
    void flowHandlerSharesOneFlowAndCaches();
    void flowHandlerUnknownProfile();

private:
    QString socketPath() const { return Broker::socketLocation(m_env).path; }
    Result<AwsCredentials> ask(const QString &profile, std::optional<int> duration = {},
        BrokerClientSettings settings = {}, const QString &path = {});
    /// One raw exchange: writes @p bytes, returns all the server sent before closing.
    QByteArray rawExchange(const QByteArray &bytes, int timeoutMs = kWaitMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
    SystemClock m_clock;
    TestHandler m_handler;
};

void Tst_Broker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void Tst_Broker::init()
{
    // Short: a Unix socket path holds at most 107 bytes.
    m_dir = std::make_unique<QTemporaryDir>(u"/tmp/rc-broker-XXXXXX"_s);
    QVERIFY(m_dir->isValid());
    m_env = Rolecall::Test::cleanEnvironment(m_dir->path());
    m_env.insert(u"XDG_RUNTIME_DIR"_s, m_dir->path());
    m_handler.requests.clear();
    m_handler.error.reset();
    m_handler.hang = false;
    m_handler.mfa = true;
    m_handler.delayMs = 0;
    m_handler.cancels = 0;
    m_handler.pending = {};
}

void Tst_Broker::cleanup()
{
    m_handler.pending = {};
    m_dir.reset();
}

Result<AwsCredentials> Tst_Broker::ask(
    const QString &profile, std::optional<int> duration, BrokerClientSettings settings, const QString &path)
{
    auto *job = new BrokerCredentialsJob(
        path.isEmpty() ? socketPath() : path, profile, duration, &m_clock, u"tst_broker"_s, settings);
    QSignalSpy spy(job, &BrokerCredentialsJob::finished);
    if (!spy.wait(kWaitMs) || spy.size() != 1)
        return Error::timeout(kWaitMs / 1000, u"test"_s);
    return spy.at(0).at(0).value<Result<AwsCredentials>>();
}

QByteArray Tst_Broker::rawExchange(const QByteArray &bytes, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(timeoutMs))
        return "(no connection)";
    socket.write(bytes);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QLocalSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(10);
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

// ---------------------------------------------------------------------------------------------- protocol

void Tst_Broker::socketLocationFollowsXdgRuntimeDir_data()
{
    QTest::addColumn<QString>("runtime");
    QTest::addColumn<QString>("tmp");
    QTest::addColumn<QString>("expected");
    const QString uid = QString::number(::geteuid());
    QTest::addRow("XDG_RUNTIME_DIR") << u"/run/user/1000"_s << u"/var/tmp"_s
                                     << u"/run/user/1000/rolecall/broker.sock"_s;
    QTest::addRow("trailing slash") << u"/run/user/1000/"_s << QString() << u"/run/user/1000/rolecall/broker.sock"_s;
    QTest::addRow("no XDG_RUNTIME_DIR: TMPDIR with the uid")
        << QString() << u"/var/tmp"_s << u"/var/tmp/rolecall-%1/broker.sock"_s.arg(uid);
    QTest::addRow("relative XDG_RUNTIME_DIR is ignored")
        << u"run/user"_s << u"/var/tmp"_s << u"/var/tmp/rolecall-%1/broker.sock"_s.arg(uid);
    QTest::addRow("neither: the temp path")
        << QString() << QString() << QDir::tempPath() + u"/rolecall-%1/broker.sock"_s.arg(uid);
}

void Tst_Broker::socketLocationFollowsXdgRuntimeDir()
{
    QFETCH(QString, runtime);
    QFETCH(QString, tmp);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!runtime.isEmpty())
        env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    if (!tmp.isEmpty())
        env.insert(u"TMPDIR"_s, tmp);
    const Broker::SocketLocation location = Broker::socketLocation(env);
    QCOMPARE(location.path, expected);
    QCOMPARE(location.directory + u"/broker.sock"_s, expected);
}

void Tst_Broker::requestsRoundTrip()
{
    Broker::Request request;
    request.profile = u"dev \"quoted\"\nprofile"_s;
    request.durationSeconds = 3600;
    request.client = u"credential-process"_s;
    const QByteArray line = Broker::encodeRequest(request);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // JSON escapes the newline in the name
    QVERIFY(line.contains("\"v\":1"));
    QVERIFY(line.contains("\"op\":\"credentials\""));
    QVERIFY(line.contains("\"format\":\"process\""));
    const auto decoded = Broker::decodeRequest(line);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->operation, Broker::Operation::Credentials);
    QCOMPARE(decoded->profile, request.profile);
    QCOMPARE(decoded->durationSeconds, std::optional<int>(3600));
    QCOMPARE(decoded->client, request.client);

    Broker::Request mfa;
    mfa.operation = Broker::Operation::MfaCode;
    mfa.profile = u"dev"_s;
    mfa.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    const auto decodedMfa = Broker::decodeRequest(Broker::encodeRequest(mfa));
    QVERIFY(decodedMfa.ok());
    QCOMPARE(decodedMfa->operation, Broker::Operation::MfaCode);
    QCOMPARE(decodedMfa->serialNumber, mfa.serialNumber);
    QCOMPARE(decodedMfa->durationSeconds, std::nullopt);
}

void Tst_Broker::malformedRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addRow("not JSON") << QByteArray("hello") << u"MalformedRequest"_s;
    QTest::addRow("an array") << QByteArray("[1,2]") << u"MalformedRequest"_s;
    QTest::addRow("no version") << QByteArray(R"({"op":"credentials","profile":"p"})") << u"MalformedRequest"_s;
    QTest::addRow("version 2") << QByteArray(R"({"v":2,"op":"credentials","profile":"p"})") << u"UnsupportedVersion"_s;
    QTest::addRow("unknown op") << QByteArray(R"({"v":1,"op":"delete","profile":"p"})") << u"UnsupportedOperation"_s;
    QTest::addRow("no profile") << QByteArray(R"({"v":1,"op":"credentials"})") << u"MalformedRequest"_s;
    QTest::addRow("profile not a string")
        << QByteArray(R"({"v":1,"op":"credentials","profile":7})") << u"MalformedRequest"_s;
    QTest::addRow("format env") << QByteArray(R"({"v":1,"op":"credentials","profile":"p","format":"env"})")
                                << u"UnsupportedFormat"_s;
    QTest::addRow("fractional duration") << QByteArray(R"({"v":1,"op":"credentials","profile":"p","duration":90.5})")
                                         << u"MalformedRequest"_s;
    QTest::addRow("duration as text") << QByteArray(R"({"v":1,"op":"credentials","profile":"p","duration":"3600"})")
                                      << u"MalformedRequest"_s;
    QTest::addRow("mfa without serial") << QByteArray(R"({"v":1,"op":"mfa","profile":"p"})") << u"MalformedRequest"_s;
    QTest::addRow("too large") << QByteArray(Broker::kMaxMessageBytes + 1, ' ') << u"RequestTooLarge"_s;
}

void Tst_Broker::malformedRequestsAreRefused()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    const auto decoded = Broker::decodeRequest(line);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().awsCode, code);
    QCOMPARE(decoded.error().kind, Error::Kind::Validation);

    // The same through a live server: an error answer, and the handler never hears of it.
    BrokerServer server(&m_handler);
    const auto listening = server.listen(m_env);
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
    const QByteArray answer = rawExchange(line.left(Broker::kMaxMessageBytes - 1) + '\n');
    QVERIFY2(answer.endsWith('\n') && answer.count('\n') == 1, answer.constData());
    QVERIFY2(answer.contains("\"ok\":false"), answer.constData());
    const QString expected = line.size() > Broker::kMaxMessageBytes ? u"MalformedRequest"_s : code;
    QVERIFY2(answer.contains(u"\"code\":\"%1\""_s.arg(expected).toUtf8()), answer.constData());
    QVERIFY(m_handler.requests.isEmpty());
}

void Tst_Broker::loopGuardNamesProfiles()
{
    QProcessEnvironment env;
    QVERIFY(!Broker::loopGuardContains(env, u"dev"_s));
    env = Broker::withLoopGuard(env, u"dev"_s);
    env = Broker::withLoopGuard(env, u"prod admin"_s);
    env = Broker::withLoopGuard(env, u"dev"_s);
    QVERIFY(Broker::loopGuardContains(env, u"dev"_s));
    QVERIFY(Broker::loopGuardContains(env, u"prod admin"_s));
    QVERIFY(!Broker::loopGuardContains(env, u"prod"_s));
    QCOMPARE(env.value(QString(Broker::kLoopGuardVariable)), u"dev\nprod admin"_s);
}

// ---------------------------------------------------------------------------------------------- exchanges

void Tst_Broker::credentialsRoundTrip()
{
    BrokerServer server(&m_handler);
    const auto listening = server.listen(m_env);
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
    QCOMPARE(server.socketPath(), m_dir->path() + u"/rolecall/broker.sock"_s);

    const auto result = ask(u"dev"_s, 3600);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const AwsCredentials expected = exampleCredentials(u"ASIADEV"_s);
    QCOMPARE(result->accessKeyId, expected.accessKeyId);
    QVERIFY(result->secretAccessKey == expected.secretAccessKey);
    QVERIFY(result->sessionToken == expected.sessionToken);
    QVERIFY(qAbs(result->expiration.secsTo(expected.expiration)) <= 5);

    QCOMPARE(m_handler.requests.size(), 1);
    const Broker::Request &request = m_handler.requests.first();
    QCOMPARE(request.profile, u"dev"_s);
    QCOMPARE(request.durationSeconds, std::optional<int>(3600));
    QCOMPARE(request.client, u"tst_broker"_s);
    // From SO_PEERCRED: the client is this very process.
    QCOMPARE(request.peerProcessId, QCoreApplication::applicationPid());
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
    QCOMPARE(server.answers(), 1);
    QCOMPARE(m_handler.cancels, 0);
}

void Tst_Broker::errorAnswerKeepsKindCodeAndMessage_data()
{
    QTest::addColumn<Error>("error");
    QTest::addRow("AWS refused") << Error::aws(403, u"AccessDenied"_s,
        u"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole"_s,
        u"c6104cbe-af31-11e0-8154-cbc7ccf896c7"_s, u"AssumeRole"_s);
    QTest::addRow("MFA dialog dismissed") << Error::cancelled(u"MFA prompt"_s);
    QTest::addRow("config") << Error::config(u"The profile \"dev\" has no credentials."_s, u"dev"_s);
    QTest::addRow("network") << Error::network(u"Connection refused"_s, u"AssumeRole"_s);
}

void Tst_Broker::errorAnswerKeepsKindCodeAndMessage()
{
    QFETCH(Error, error);
    m_handler.error = error;
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    const auto result = ask(u"dev"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, error.kind);
    QCOMPARE(result.error().awsCode, error.awsCode);
    QCOMPARE(result.error().awsMessage, error.awsMessage);
    QCOMPARE(result.error().requestId, error.requestId);
    QCOMPARE(result.error().httpStatus, error.httpStatus);
    QCOMPARE(result.error().message, error.message);
    QVERIFY(!isBrokerUnavailable(result.error()));
}

void Tst_Broker::mfaCodeRoundTrip()
{
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    auto *job = new BrokerMfaJob(socketPath(), u"dev"_s, u"arn:aws:iam::123456789012:mfa/alice"_s, u"exec"_s);
    QSignalSpy spy(job, &BrokerMfaJob::finished);
    QVERIFY(spy.wait(kWaitMs));
    const auto result = spy.at(0).at(0).value<Result<SecureBytes>>();
    QVERIFY(result.ok());
    QCOMPARE(result.value().view(), QByteArrayView("123456"));
    QCOMPARE(m_handler.requests.size(), 1);
    QCOMPARE(m_handler.requests.first().operation, Broker::Operation::MfaCode);
    QCOMPARE(m_handler.requests.first().serialNumber, u"arn:aws:iam::123456789012:mfa/alice"_s);
    QCOMPARE(m_handler.requests.first().client, u"exec"_s);
}

void Tst_Broker::mfaWithoutPromptIsUnsupported()
{
    m_handler.mfa = false;
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    auto *job = new BrokerMfaJob(socketPath(), u"dev"_s, u"arn:aws:iam::123456789012:mfa/alice"_s);
    QSignalSpy spy(job, &BrokerMfaJob::finished);
    QVERIFY(spy.wait(kWaitMs));
    const auto result = spy.at(0).at(0).value<Result<SecureBytes>>();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().awsCode, QString(Broker::kCodeUnsupportedOperation));
}

void Tst_Broker::oversizeRequestIsRefused()
{
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    // 70 KiB without a newline: the server stops reading after 64 KiB, answers and closes.
    const QByteArray answer = rawExchange(QByteArray(70 * 1024, 'a'));
    QVERIFY2(answer.contains("\"code\":\"RequestTooLarge\""), answer.constData());
    QVERIFY(answer.contains("\"ok\":false"));
    QVERIFY(m_handler.requests.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
}

void Tst_Broker::silentClientIsDropped()
{
    BrokerServerSettings settings;
    settings.requestTimeoutMs = 200;
    BrokerServer server(&m_handler, settings);
    QVERIFY(server.listen(m_env).ok());
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = rawExchange("{\"v\":1", 5000); // never finishes its line
    QVERIFY2(answer.contains("\"kind\":\"timeout\""), answer.constData());
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(m_handler.requests.isEmpty());
}

void Tst_Broker::handlerThatNeverAnswersTimesOut()
{
    m_handler.hang = true;
    BrokerServerSettings settings;
    settings.answerTimeoutMs = 300;
    BrokerServer server(&m_handler, settings);
    QVERIFY(server.listen(m_env).ok());
    const auto result = ask(u"dev"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QCOMPARE(m_handler.cancels, 1); // the handler was told to stop (close its prompt)
}

void Tst_Broker::clientGoingAwayCancelsTheHandler()
{
    m_handler.hang = true;
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    auto *job = new BrokerCredentialsJob(socketPath(), u"dev"_s, {}, &m_clock);
    QSignalSpy spy(job, &BrokerCredentialsJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(m_handler.requests.size(), 1, kWaitMs);
    job->abort(); // the AWS CLI was killed, the IDE gave up
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<Result<AwsCredentials>>().error().kind, Error::Kind::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_handler.cancels, 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
    // A late answer from the handler goes nowhere.
    m_handler.pending(exampleCredentials());
    QCOMPARE(server.answers(), 0);
}

void Tst_Broker::concurrentClientsGetTheirOwnAnswers()
{
    m_handler.delayMs = 100; // all of them are in flight at once
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    constexpr int kClients = 24;
    QHash<QString, Result<AwsCredentials>> results;
    for (int i = 0; i < kClients; ++i) {
        const QString profile = u"p%1"_s.arg(i);
        auto *job = new BrokerCredentialsJob(socketPath(), profile, {}, &m_clock);
        connect(job, &BrokerCredentialsJob::finished, this,
            [&results, profile](const Result<AwsCredentials> &r) { results.insert(profile, r); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), kClients, kWaitMs);
    for (int i = 0; i < kClients; ++i) {
        const QString profile = u"p%1"_s.arg(i);
        const auto &result = results.value(profile);
        QVERIFY2(result.ok(), qPrintable(profile + u": "_s + describe(result)));
        QCOMPARE(result->accessKeyId, u"ASIA"_s + profile.toUpper());
    }
    QCOMPARE(m_handler.requests.size(), kClients);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, kWaitMs);
}

void Tst_Broker::busyServerSaysSo()
{
    m_handler.hang = true;
    BrokerServerSettings settings;
    settings.maxConnections = 2;
    BrokerServer server(&m_handler, settings);
    QVERIFY(server.listen(m_env).ok());
    QList<Result<AwsCredentials>> results;
    for (int i = 0; i < 3; ++i) {
        auto *job = new BrokerCredentialsJob(socketPath(), u"dev"_s, {}, &m_clock);
        connect(job, &BrokerCredentialsJob::finished, this,
            [&results](const Result<AwsCredentials> &r) { results.append(r); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
    QCOMPARE(results.first().error().awsCode, QString(Broker::kCodeBusy));
    QCOMPARE(m_handler.requests.size(), 2);
    server.close(); // the two waiting exchanges are cancelled
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, kWaitMs);
    QCOMPARE(m_handler.cancels, 2);
}

// ---------------------------------------------------------------------------------------------- access control

void Tst_Broker::socketAndDirectoryArePrivate()
{
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    const mode_t directory = modeOf(location.directory);
    QVERIFY(S_ISDIR(directory));
    QCOMPARE(directory & 07777, mode_t(0700));
    const mode_t socket = modeOf(location.path);
    QVERIFY(S_ISSOCK(socket));
    QCOMPARE(socket & 07777, mode_t(0600));
    struct stat info
    { };
    QCOMPARE(::lstat(QFile::encodeName(location.path).constData(), &info), 0);
    QCOMPARE(info.st_uid, ::geteuid());
    QVERIFY(Broker::checkSocketDirectory(location.directory).ok());
}

void Tst_Broker::looseDirectoryIsTightened()
{
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    const QByteArray directory = QFile::encodeName(location.directory);
    QVERIFY(QDir().mkpath(location.directory));
    QCOMPARE(::chmod(directory.constData(), 0755), 0);
    QVERIFY(!Broker::checkSocketDirectory(location.directory).ok());
    // The server makes it private before it listens there.
    BrokerServer server(&m_handler);
    QVERIFY(server.listen(m_env).ok());
    QCOMPARE(modeOf(location.directory) & 07777, mode_t(0700));
    QVERIFY(ask(u"dev"_s).ok());
    // Opened up while the app runs: clients no longer trust what answers there.
    QCOMPARE(::chmod(directory.constData(), 0755), 0);
    const auto result = ask(u"dev"_s);
    QCOMPARE(result.error().awsCode, u"BrokerNotTrusted"_s);
    QVERIFY(isBrokerUnavailable(result.error()));
    QCOMPARE(m_handler.requests.size(), 1);
}

void Tst_Broker::directoryOfAnotherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to give the directory to another user (nobody)");
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    QVERIFY(QDir().mkpath(location.directory));
    QCOMPARE(::chown(QFile::encodeName(location.directory).constData(), kNobody, kNobody), 0);
    BrokerServer server(&m_handler);
    const auto listening = server.listen(m_env);
    QVERIFY(!listening.ok());
    QVERIFY2(listening.error().message.contains(u"another user"_s), qPrintable(listening.error().message));
    QVERIFY(!server.isListening());
    QVERIFY(!Broker::checkSocketDirectory(location.directory).ok());
    QVERIFY(isBrokerUnavailable(ask(u"dev"_s).error()));
}

void Tst_Broker::peerCheck_data()
{
    QTest::addColumn<bool>("known");
    QTest::addColumn<qint64>("peer");
    QTest::addColumn<qint64>("own");
    QTest::addColumn<bool>("allowed");
    QTest::addRow("same user") << true << qint64(1000) << qint64(1000) << true;
    QTest::addRow("root peer, user server") << true << qint64(0) << qint64(1000) << false;
    QTest::addRow("user peer, root server") << true << qint64(1000) << qint64(0) << false;
    QTest::addRow("nobody") << true << qint64(kNobody) << qint64(1000) << false;
    QTest::addRow("kernel could not tell") << false << qint64(1000) << qint64(1000) << false;
    QTest::addRow("invalid uid") << true << qint64(-1) << qint64(-1) << false;
}

void Tst_Broker::peerCheck()
{
    QFETCH(bool, known);
    QFETCH(qint64, peer);
    QFETCH(qint64, own);
    QFETCH(bool, allowed);
    const std::optional<Broker::PeerCredentials> credentials
        = known ? std::optional(Broker::PeerCredentials {peer, 42}) : std::nullopt;
    QCOMPARE(Broker::isPeerAllowed(credentials, own), allowed);
}

void Tst_Broker::peerOfAnotherUserIsRefused()
{
    // The server asks the kernel for every connection's user; here a fake says "someone else".
    BrokerServer server(&m_handler);
    server.setPeerLookup([](qintptr descriptor) {
        auto real = Broker::peerCredentials(descriptor);
        if (real)
            real->userId += 1;
        return real;
    });
    QSignalSpy refused(&server, &BrokerServer::peerRefused);
    QVERIFY(server.listen(m_env).ok());
    const auto result = ask(u"dev"_s);
    QVERIFY(!result.ok());
    QVERIFY2(!isBrokerUnavailable(result.error()), qPrintable(describe(result)));
    QCOMPARE(server.refusedPeers(), 1);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toLongLong(), qint64(::geteuid()) + 1);
    QVERIFY(m_handler.requests.isEmpty());
    QCOMPARE(server.answers(), 0);

    // An unidentifiable peer is refused too.
    server.setPeerLookup([](qintptr) { return std::optional<Broker::PeerCredentials>(); });
    QVERIFY(!ask(u"dev"_s).ok());
    QCOMPARE(server.refusedPeers(), 2);
    QCOMPARE(refused.at(1).at(0).toLongLong(), qint64(-1));
}

void Tst_Broker::realConnectionFromAnotherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root: a child process drops to the user nobody before it connects");
    BrokerServer server(&m_handler);
    QSignalSpy refused(&server, &BrokerServer::peerRefused);
    QVERIFY(server.listen(m_env).ok());
    // Let nobody reach the socket at all, so that only the SO_PEERCRED check stands in the way.
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    QCOMPARE(::chmod(QFile::encodeName(m_dir->path()).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(location.directory).constData(), 0755), 0);
    QCOMPARE(::chmod(QFile::encodeName(location.path).constData(), 0666), 0);

    // Prepared before fork(): the child may only make async-signal-safe calls.
    struct sockaddr_un address
    { };
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(location.path);
    std::memcpy(address.sun_path, path.constData(), static_cast<size_t>(path.size()) + 1);
    const QByteArray request = Broker::encodeRequest(
        Broker::Request {1, Broker::Operation::Credentials, u"dev"_s, std::nullopt, QString(), QString(), 0});

    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::alarm(10);
        if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
            ::_exit(10);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (fd < 0)
            ::_exit(11);
        if (::connect(fd, reinterpret_cast<struct sockaddr *>(&address), sizeof address) != 0)
            ::_exit(12);
        if (::write(fd, request.constData(), static_cast<size_t>(request.size())) < 0)
            ::_exit(0); // the server may already have closed: that is a refusal too
        char answer[256];
        const ssize_t got = ::read(fd, answer, sizeof answer);
        ::_exit(got == 0 || (got < 0 && errno == ECONNRESET) ? 0 : 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.refusedPeers(), 1, kWaitMs);
    QCOMPARE(refused.at(0).at(0).toLongLong(), qint64(kNobody));
    int status = 0;
    bool reaped = false; // QTRY_* evaluates its expression again at the end: reap only once
    QTRY_VERIFY_WITH_TIMEOUT(reaped || (reaped = ::waitpid(child, &status, WNOHANG) == child), kWaitMs);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0); // connected, and got nothing but the close
    QVERIFY(m_handler.requests.isEmpty());
    QCOMPARE(server.answers(), 0);
}

// ---------------------------------------------------------------------------------------------- lifecycle

void Tst_Broker::staleSocketIsReplaced()
{
    // What a crashed app leaves behind: a socket file nobody listens on.
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    QVERIFY(Broker::prepareSocketDirectory(location.directory).ok());
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        struct sockaddr_un address
        { };
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(location.path);
        std::memcpy(address.sun_path, path.constData(), static_cast<size_t>(path.size()) + 1);
        QCOMPARE(::bind(fd, reinterpret_cast<struct sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 1), 0);
        ::close(fd);
    }
    QVERIFY(S_ISSOCK(modeOf(location.path)));
    QElapsedTimer timer;
    timer.start();
    const auto meanwhile = ask(u"dev"_s);
    QCOMPARE(meanwhile.error().awsCode, u"BrokerNotRunning"_s);
    QVERIFY(timer.elapsed() < kFallbackBoundMs);

    BrokerServer server(&m_handler);
    const auto listening = server.listen(m_env);
    QVERIFY2(listening.ok(), qPrintable(listening.ok() ? QString() : listening.error().message));
    QVERIFY2(ask(u"dev"_s).ok(), "the new server answers on the replaced socket");
}

void Tst_Broker::liveSocketIsLeftAlone()
{
    BrokerServer first(&m_handler);
    QVERIFY(first.listen(m_env).ok());
    BrokerServer second(&m_handler);
    const auto listening = second.listen(m_env);
    QVERIFY(!listening.ok());
    QVERIFY2(listening.error().message.contains(u"already"_s), qPrintable(listening.error().message));
    QVERIFY(!second.isListening());
    QVERIFY(ask(u"dev"_s).ok());
    QCOMPARE(first.answers(), 1);
}

void Tst_Broker::nonSocketFileIsLeftAlone()
{
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    QVERIFY(Broker::prepareSocketDirectory(location.directory).ok());
    QFile file(location.path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a socket");
    file.close();
    BrokerServer server(&m_handler);
    QVERIFY(!server.listen(m_env).ok());
    QVERIFY(S_ISREG(modeOf(location.path)));
    QCOMPARE(QFile(location.path).size(), qint64(12));
}

void Tst_Broker::closeRemovesTheSocket()
{
    {
        BrokerServer server(&m_handler);
        QVERIFY(server.listen(m_env).ok());
        QVERIFY(QFileInfo::exists(socketPath()));
        server.close();
        QVERIFY(!QFileInfo::exists(socketPath()));
        QVERIFY(server.listen(m_env).ok()); // and may listen again
    }
    QVERIFY(!QFileInfo::exists(socketPath())); // the destructor closes too
}

void Tst_Broker::clientFallsBackQuicklyWithoutApp_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addRow("no directory") << u"none"_s;
    QTest::addRow("directory, no socket") << u"directory"_s;
    QTest::addRow("closed server") << u"closed"_s;
}

void Tst_Broker::clientFallsBackQuicklyWithoutApp()
{
    QFETCH(QString, situation);
    const Broker::SocketLocation location = Broker::socketLocation(m_env);
    if (situation == "directory"_L1)
        QVERIFY(Broker::prepareSocketDirectory(location.directory).ok());
    if (situation == "closed"_L1) {
        BrokerServer server(&m_handler);
        QVERIFY(server.listen(m_env).ok());
    }
    QElapsedTimer timer;
    timer.start();
    const auto result = ask(u"dev"_s);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().awsCode, u"BrokerNotRunning"_s);
    QVERIFY(isBrokerUnavailable(result.error()));
    QVERIFY2(elapsed < kFallbackBoundMs, qPrintable(u"%1 ms"_s.arg(elapsed)));
    QVERIFY(m_handler.requests.isEmpty());
}

// ---------------------------------------------------------------------------------------------- flow handler

void Tst_Broker::flowHandlerSharesOneFlowAndCaches()
{
    FaultServer sts;
    QVERIFY2(sts.listen(), qPrintable(sts.errorString()));
    sts.setResponder([](const Rolecall::Test::RecordedRequest &) {
        StsFixture f;
        f.expiration = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        return FaultResponse::xml(StsXml::assumeRole(f)).withDelay(200);
    });
    QFile config(m_dir->filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                 "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n\n"
                 "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/demo\nsource_profile = user\n"
                 "endpoint_url = "
        + sts.url().toString().toUtf8() + "\n");
    config.close();
    Config::ConfigPaths paths;
    paths.config = config.fileName();
    paths.credentials = m_dir->filePath(u"credentials"_s);
    const Config::SharedConfig shared = Config::SharedConfig::load(paths);

    QNetworkAccessManager network;
    CredentialServices services;
    services.network = &network;
    services.clock = &m_clock;
    services.environment = m_env;
    FlowBrokerHandler handler(
        [&shared](const QString &name) -> std::optional<Profiles::ResolvedProfile> {
            if (!shared.profile(name))
                return std::nullopt;
            return Profiles::ProfileResolver(shared).resolve(name);
        },
        services);
    BrokerServer server(&handler);
    QVERIFY(server.listen(m_env).ok());

    // Three tools at once: one flow, one AssumeRole.
    QList<Result<AwsCredentials>> results;
    for (int i = 0; i < 3; ++i) {
        auto *job = new BrokerCredentialsJob(socketPath(), u"role"_s, {}, &m_clock);
        connect(job, &BrokerCredentialsJob::finished, this,
            [&results](const Result<AwsCredentials> &r) { results.append(r); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, kWaitMs);
    for (const auto &result : std::as_const(results)) {
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result->accessKeyId, StsFixture().accessKeyId);
    }
    QCOMPARE(sts.requestCount(), 1);
    QCOMPARE(handler.flowsStarted(), 1);

    // Later: from memory. Another duration is another session.
    QVERIFY(ask(u"role"_s).ok());
    QCOMPARE(sts.requestCount(), 1);
    QVERIFY(ask(u"role"_s, 1800).ok());
    QCOMPARE(sts.requestCount(), 2);
    QCOMPARE(sts.request(1).formValue("DurationSeconds"), QByteArray("1800"));
    handler.clearCache();
    QVERIFY(ask(u"role"_s).ok());
    QCOMPARE(sts.requestCount(), 3);
}

void Tst_Broker::flowHandlerUnknownProfile()
{
    QNetworkAccessManager network;
    CredentialServices services;
    services.network = &network;
    services.clock = &m_clock;
    FlowBrokerHandler handler([](const QString &) { return std::optional<Profiles::ResolvedProfile>(); }, services);
    BrokerServer server(&handler);
    QVERIFY(server.listen(m_env).ok());
    const auto result = ask(u"nowhere"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().awsCode, QString(Broker::kCodeUnknownProfile));
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.contains(u"nowhere"_s), qPrintable(result.error().message));
    QCOMPARE(handler.flowsStarted(), 0);
}

QTEST_GUILESS_MAIN(Tst_Broker)
#include "tst_broker.moc"
