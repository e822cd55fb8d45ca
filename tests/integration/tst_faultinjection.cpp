// SPDX-License-Identifier: Apache-2.0
// Fault injection through the real StsClient against the loopback fault server: every retryable fault
// recovers when it is transient and ends in its documented error when it persists; every
// non-retryable AWS code is sent once and explained; slow-loris heads, floods, DNS and proxy failures
// and clock skew in both directions end bounded with an error naming the problem.
//
// tst_stsclient holds the wire format and the first cases of each family (Throttling, 500/502/503/504,
// IDPCommunicationError, resets, body drips, truncation, announced oversize, the three TLS failures
// and skew with a slow local clock); this suite adds the rest and does not repeat those.
#include "faultserver.h"
#include "testpki.h"

#include "endpoints/endpointresolver.h"
#include "sts/stsclient.h"
#include "util/clock.h"
#include "util/environmentproxyfactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kJobLimitMs = 20000;
constexpr int kMaxAttempts = 3;
const QString kAction = u"GetCallerIdentity"_s;

// What one job did, seen from outside.
struct Outcome
{
    QString problem; // set when the job misbehaved (never finished, finished twice, did not delete itself)
    bool ok = false;
    Error error;
    QList<Error> retries;
    qint64 elapsedMs = 0;
};

template<typename Job, typename Value>
Outcome await(Job *rawJob, void (Job::*finishedSignal)(const Result<Value> &))
{
    Outcome outcome;
    QPointer<Job> job = rawJob;
    QSignalSpy finished(rawJob, finishedSignal);
    QSignalSpy retrying(rawJob, &StsJob::retrying);
    QElapsedTimer clock;
    clock.start();
    if (finished.isEmpty() && !finished.wait(kJobLimitMs)) {
        outcome.problem = u"the job did not finish within %1 ms"_s.arg(kJobLimitMs);
        return outcome;
    }
    outcome.elapsedMs = clock.elapsed();
    QTest::qWait(30); // a second `finished` or a stray retry would show up now
    if (finished.count() != 1)
        outcome.problem = u"finished %1 times"_s.arg(finished.count());
    else if (!QTest::qWaitFor([&job] { return job.isNull(); }, 2000))
        outcome.problem = u"the job did not delete itself"_s;
    for (const QList<QVariant> &args : std::as_const(retrying))
        outcome.retries.append(args.at(2).value<Error>());
    const auto result = finished.at(0).at(0).template value<Result<Value>>();
    outcome.ok = result.ok();
    if (!result.ok())
        outcome.error = result.error();
    return outcome;
}

QString describe(const Outcome &outcome)
{
    if (!outcome.problem.isEmpty())
        return outcome.problem;
    return outcome.ok ? u"ok"_s : Error::kindName(outcome.error.kind) + u": "_s + outcome.error.message;
}

// Peak resident memory of this process in KiB (VmHWM), or -1.
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Restarts VmHWM from the current RSS (Linux ≥ 4.0); false when the kernel does not allow it.
bool resetPeakRss()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// A loopback port nothing listens on (bound, then released).
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString throttlingHint()
{
    return Error::hintForAwsError(u"Throttling"_s, {});
}

} // namespace

class Tst_FaultInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void transientRetryableFaultIsRetriedToSuccess_data();
    void transientRetryableFaultIsRetriedToSuccess();
    void persistentRetryableFaultEndsInItsErrorWithinMaxAttempts_data();
    void persistentRetryableFaultEndsInItsErrorWithinMaxAttempts();
    void nonRetryableAwsErrorIsSentOnceAndExplained_data();
    void nonRetryableAwsErrorIsSentOnceAndExplained();

    void slowLorisHeadEndsInTheTransferTimeout();
    void endlessAnswerIsCutWithBoundedMemory_data();
    void endlessAnswerIsCutWithBoundedMemory();

    void unknownHostIsANetworkErrorSayingSo();
    void proxyFromTheEnvironmentIsUsedAndItsFailureNamed_data();
    void proxyFromTheEnvironmentIsUsedAndItsFailureNamed();

    void clockSkewInEitherDirectionIsCorrectedOnce_data();
    void clockSkewInEitherDirectionIsCorrectedOnce();

private:
    std::unique_ptr<StsClient> makeClient(const QUrl &url, const std::function<void(StsClientConfig &)> &adjust = {});

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<Rolecall::Test::TestPki> m_pki;
    ManualClock m_clock {QDateTime::currentDateTimeUtc()};
};

void Tst_FaultInjection::initTestCase()
{
    // Whatever the developer's shell says about proxies, only the tests that ask for one get one.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    qRegisterMetaType<Error>();
    m_pki = std::make_unique<Rolecall::Test::TestPki>();
    QVERIFY2(m_pki->isValid(), qPrintable(m_pki->errorString()));
}

void Tst_FaultInjection::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<FaultServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void Tst_FaultInjection::cleanup()
{
    // No fault may leave a connection behind.
    if (m_server)
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
    m_server.reset();
    m_network.reset();
}

std::unique_ptr<StsClient> Tst_FaultInjection::makeClient(
    const QUrl &url, const std::function<void(StsClientConfig &)> &adjust)
{
    EndpointSettings endpoint;
    endpoint.region = u"eu-central-1"_s;
    endpoint.explicitUrl = url.toString();
    const Result<Endpoint> resolved = resolveStsEndpoint(endpoint);
    if (!resolved)
        return nullptr;
    StsClientConfig config;
    config.endpoint = resolved.value();
    config.retryPolicy.setMaxAttempts(kMaxAttempts);
    config.retryPolicy.setTimeScale(0.01);
    config.retryPolicy.setRandom([] { return 0.5; });
    config.transferTimeoutMs = 600;
    config.attemptTimeoutMs = 5000;
    if (adjust)
        adjust(config);
    auto client = std::make_unique<StsClient>(m_network.get(), &m_clock, config);
    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
    credentials.secretAccessKey = SecureBytes(QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    credentials.origin = AwsCredentials::Origin::LongTerm;
    client->setCredentials(credentials);
    return client;
}

// ---------------------------------------------------------------------------------------------- retryable faults

// Each row: the fault as the server plays it, and the error it must end in when it never stops.
// Resets are absorbed once by Qt itself (it resends on a fresh connection), so they may cost two
// requests per attempt.
void Tst_FaultInjection::transientRetryableFaultIsRetriedToSuccess_data()
{
    QTest::addColumn<FaultResponse>("fault");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("awsCode");
    QTest::addColumn<QString>("phrase"); // in the final message: what happened and what to do

    // Throttling, IDPCommunicationError, InternalFailure and ServiceUnavailable are in tst_stsclient.
    for (const QString &code : {u"ThrottlingException"_s, u"RequestLimitExceeded"_s, u"TooManyRequestsException"_s,
             u"ProvisionedThroughputExceededException"_s, u"RequestThrottledException"_s, u"SlowDown"_s,
             u"PriorRequestNotComplete"_s, u"EC2ThrottledException"_s}) {
        QTest::addRow("%s", qPrintable(code)) << FaultResponse::awsError(400, code, u"Rate exceeded"_s)
                                              << Error::Kind::Aws << 400 << code << throttlingHint();
    }
    QTest::addRow("429 without an AWS body")
        << FaultResponse::plain(429, "Too Many Requests") << Error::Kind::Http << 429 << QString() << u"HTTP 429"_s;
    for (int status : {500, 502, 503, 504}) {
        QTest::addRow("%d without an AWS body", status)
            << FaultResponse::plain(status, "upstream trouble") << Error::Kind::Http << status << QString()
            << u"temporary problem"_s;
    }
    QTest::addRow("IDPCommunicationError")
        << FaultResponse::awsError(400, u"IDPCommunicationError"_s, u"The IdP could not be reached."_s)
        << Error::Kind::Aws << 400 << u"IDPCommunicationError"_s << u"could not reach the identity provider"_s;
    QTest::addRow("connection reset") << FaultResponse::reset() << Error::Kind::Network << 0 << QString()
                                      << u"Could not reach the endpoint"_s;
    QTest::addRow("closed after the headers")
        << FaultResponse::truncate(StsXml::getCallerIdentity(), 0) << Error::Kind::Network << 0 << QString()
        << u"Could not reach the endpoint"_s;
    QTest::addRow("closed mid-body") << FaultResponse::truncate(StsXml::getCallerIdentity(), -1) << Error::Kind::Network
                                     << 0 << QString() << u"Could not reach the endpoint"_s;
    QTest::addRow("no answer (timeout)") << FaultResponse::hang() << Error::Kind::Timeout << 0 << QString()
                                         << u"No answer within 1 second"_s;
}

void Tst_FaultInjection::transientRetryableFaultIsRetriedToSuccess()
{
    QFETCH(FaultResponse, fault);
    QFETCH(Error::Kind, kind);
    auto client = makeClient(m_server->url());
    QVERIFY(client);
    m_server->enqueue({fault, FaultResponse::xml(StsXml::getCallerIdentity())});

    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty() && outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(m_server->requestCount(), 2);
    const bool absorbedByQt = fault.behaviour == FaultResponse::Behaviour::Reset && outcome.retries.isEmpty();
    if (!absorbedByQt) {
        QCOMPARE(outcome.retries.size(), 1);
        QCOMPARE(outcome.retries.at(0).kind, kind);
    }
}

void Tst_FaultInjection::persistentRetryableFaultEndsInItsErrorWithinMaxAttempts_data()
{
    transientRetryableFaultIsRetriedToSuccess_data();
}

void Tst_FaultInjection::persistentRetryableFaultEndsInItsErrorWithinMaxAttempts()
{
    QFETCH(FaultResponse, fault);
    QFETCH(Error::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, awsCode);
    QFETCH(QString, phrase);
    auto client = makeClient(m_server->url());
    QVERIFY(client);
    m_server->setDefaultResponse(fault);

    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty() && !outcome.ok, qPrintable(describe(outcome)));
    const Error &error = outcome.error;
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.awsCode, awsCode);
    QCOMPARE(error.context, kAction);
    QVERIFY2(error.message.startsWith(kAction + u": "_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(phrase, Qt::CaseInsensitive), qPrintable(error.message));
    QCOMPARE(outcome.retries.size(), kMaxAttempts - 1);
    const qsizetype requests = m_server->requestCount();
    if (fault.behaviour == FaultResponse::Behaviour::Reset)
        QVERIFY2(requests >= kMaxAttempts && requests <= 2 * kMaxAttempts, qPrintable(QString::number(requests)));
    else
        QCOMPARE(requests, kMaxAttempts);
}

// ---------------------------------------------------------------------------------------------- non-retryable

void Tst_FaultInjection::nonRetryableAwsErrorIsSentOnceAndExplained_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("awsMessage");
    QTest::addColumn<QString>("phrase"); // the translated next step in Error::message

    // Every code sts-protocol.md lists that is not retried, with the advice the user gets.
    QTest::addRow("AccessDenied") << 403 << u"AccessDenied"_s
                                  << u"User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: "
                                     "sts:AssumeRole on resource: arn:aws:iam::123456789012:role/demo"_s
                                  << u"trust policy"_s;
    QTest::addRow("AccessDenied, wrong MFA code")
        << 403 << u"AccessDenied"_s << u"MultiFactorAuthentication failed with invalid MFA one time pass code."_s
        << u"MFA code was wrong"_s;
    QTest::addRow("InvalidClientTokenId")
        << 403 << u"InvalidClientTokenId"_s << u"The security token included in the request is invalid."_s
        << u"access key ID is not known"_s;
    QTest::addRow("SignatureDoesNotMatch, wrong secret")
        << 403 << u"SignatureDoesNotMatch"_s
        << u"The request signature we calculated does not match the signature you provided."_s
        << u"secret access key does not match"_s;
    QTest::addRow("IncompleteSignature") << 400 << u"IncompleteSignature"_s << u"Missing Authorization."_s
                                         << u"not signed completely"_s;
    QTest::addRow("MissingAuthenticationToken")
        << 403 << u"MissingAuthenticationToken"_s << u"Request is missing Authentication Token"_s
        << u"not signed completely"_s;
    QTest::addRow("ExpiredToken") << 403 << u"ExpiredToken"_s
                                  << u"The security token included in the request is expired"_s
                                  << u"Get fresh credentials"_s;
    QTest::addRow("ExpiredTokenException")
        << 400 << u"ExpiredTokenException"_s << u"Token expired: current date/time 1714564800 must be before"_s
        << u"Get fresh credentials"_s;
    QTest::addRow("ValidationError") << 400 << u"ValidationError"_s
                                     << u"1 validation error detected: Value at 'durationSeconds' failed"_s
                                     << u"limits AWS documents"_s;
    QTest::addRow("MalformedPolicyDocument")
        << 400 << u"MalformedPolicyDocument"_s << u"Syntax errors in policy."_s << u"not valid IAM policy"_s;
    QTest::addRow("PackedPolicyTooLarge")
        << 400 << u"PackedPolicyTooLarge"_s << u"Packed policy consumes 112% of allotted space"_s
        << u"too large once packed"_s;
    QTest::addRow("RegionDisabledException")
        << 403 << u"RegionDisabledException"_s << u"STS is not activated in this region for account:123456789012."_s
        << u"Activate it in IAM"_s;
    QTest::addRow("IDPRejectedClaim") << 403 << u"IDPRejectedClaim"_s << u"Incorrect token audience"_s
                                      << u"trust policy conditions"_s;
    QTest::addRow("InvalidIdentityToken")
        << 400 << u"InvalidIdentityToken"_s << u"Couldn't retrieve verification key from your identity provider"_s
        << u"issuer, audience and expiry"_s;
    QTest::addRow("InvalidAuthorizationMessageException")
        << 400 << u"InvalidAuthorizationMessageException"_s << u"The encoded message is invalid."_s
        << u"paste the whole message"_s;
    // A skew code whose Date header agrees with the local clock: nothing to correct, so not retried.
    QTest::addRow("RequestExpired, clock right")
        << 400 << u"RequestExpired"_s << u"Request has expired."_s << u"Synchronise the clock"_s;
}

void Tst_FaultInjection::nonRetryableAwsErrorIsSentOnceAndExplained()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, awsMessage);
    QFETCH(QString, phrase);
    auto client = makeClient(m_server->url());
    QVERIFY(client);
    m_server->enqueue(FaultResponse::awsError(status, code, awsMessage, u"req-final"_s));
    m_server->setDefaultResponse(FaultResponse::xml(StsXml::assumeRole())); // a retry would succeed

    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/demo"_s;
    request.roleSessionName = u"fault-injection"_s;
    const Outcome outcome = await(client->assumeRole(request), &AssumeRoleJob::finished);
    QVERIFY2(outcome.problem.isEmpty() && !outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(outcome.retries.isEmpty());
    const Error &error = outcome.error;
    QCOMPARE(error.kind, Error::Kind::Aws);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.awsCode, code);
    QCOMPARE(error.awsMessage, awsMessage);
    QCOMPARE(error.requestId, u"req-final"_s);
    QVERIFY2(error.message.startsWith(u"AssumeRole: "_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(code), qPrintable(error.message));
    QVERIFY2(error.message.contains(phrase), qPrintable(error.message));
}

// ---------------------------------------------------------------------------------------------- slow and huge

void Tst_FaultInjection::slowLorisHeadEndsInTheTransferTimeout()
{
    // One header byte a second, the head never finished: no progress Qt counts, so the transfer
    // timeout (1.5 s) ends each attempt, long before the attempt deadline (8 s).
    auto client = makeClient(m_server->url(), [](StsClientConfig &config) {
        config.retryPolicy.setMaxAttempts(2);
        config.transferTimeoutMs = 1500;
        config.attemptTimeoutMs = 8000;
    });
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::dripHead(1000));

    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty() && !outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error.kind, Error::Kind::Timeout);
    QVERIFY2(outcome.error.message.contains(u"No answer within 2 second"_s), qPrintable(outcome.error.message));
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY2(outcome.elapsedMs >= 2 * 1500 * 9 / 10, qPrintable(QString::number(outcome.elapsedMs)));
    QVERIFY2(outcome.elapsedMs < 2 * 8000, qPrintable(QString::number(outcome.elapsedMs)));
    QCOMPARE(m_server->answersCutByPeer(), 2);
}

void Tst_FaultInjection::endlessAnswerIsCutWithBoundedMemory_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addRow("200 MB, close-delimited") << qint64(200) * 1000 * 1000;
    QTest::addRow("endless") << FaultServer::kMaxFloodBytes;
}

void Tst_FaultInjection::endlessAnswerIsCutWithBoundedMemory()
{
    QFETCH(qint64, bytes);
    // The default cap (1 MiB) applies: the test does not lower it.
    auto client = makeClient(m_server->url(), [](StsClientConfig &config) { config.transferTimeoutMs = 5000; });
    QVERIFY(client);
    const qint64 cap = client->config().maxResponseBytes;
    QCOMPARE(cap, qint64(1024 * 1024));
    m_server->setDefaultResponse(FaultResponse::flood(bytes));

    const bool peakReset = resetPeakRss();
    const qint64 before = peakRssKiB();
    QVERIFY(before > 0);
    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    const qint64 growthKiB = peakRssKiB() - before;
    qInfo("peak RSS grew by %lld KiB (peak %s)", growthKiB, peakReset ? "reset first" : "since start");

    QVERIFY2(outcome.problem.isEmpty() && !outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error.kind, Error::Kind::Parse);
    QVERIFY2(outcome.error.message.contains(QString::number(cap)), qPrintable(outcome.error.message));
    QCOMPARE(m_server->requestCount(), 1); // too large is not retried
    QVERIFY2(outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->answersCutByPeer(), 1, 5000);
    // Client and server share this process: the cap (1 MiB), Qt's socket buffers and the server's
    // 64 KiB chunks, far below what buffering the answer would take.
    QVERIFY2(growthKiB < 32 * 1024, qPrintable(u"peak RSS grew by %1 KiB"_s.arg(growthKiB)));
}

// ---------------------------------------------------------------------------------------------- DNS and proxies

void Tst_FaultInjection::unknownHostIsANetworkErrorSayingSo()
{
    // RFC 6761: .invalid never resolves.
    auto client = makeClient(QUrl(u"https://sts.rolecall-fault.invalid/"_s),
        [](StsClientConfig &config) { config.retryPolicy.setMaxAttempts(1); });
    QVERIFY(client);
    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty() && !outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(outcome.error.kind, Error::Kind::Network);
    const QString &message = outcome.error.message;
    QVERIFY2(message.contains(u"host could not be found"_s), qPrintable(message));
    QVERIFY2(message.contains(u"sts.rolecall-fault.invalid"_s), qPrintable(message));
}

void Tst_FaultInjection::proxyFromTheEnvironmentIsUsedAndItsFailureNamed_data()
{
    QTest::addColumn<QStringList>("environment"); // NAME=value; the port of a closed proxy is %1
    QTest::addColumn<bool>("reachesServer");
    QTest::addRow("HTTPS_PROXY refused") << QStringList {u"HTTPS_PROXY=http://127.0.0.1:%1"_s} << false;
    QTest::addRow("https_proxy refused") << QStringList {u"https_proxy=127.0.0.1:%1"_s} << false;
    QTest::addRow("lower case wins") << QStringList {u"HTTPS_PROXY=http://127.0.0.1:1"_s,
        u"https_proxy=http://127.0.0.1:%1"_s}
                                     << false;
    QTest::addRow("NO_PROXY names the host")
        << QStringList {u"HTTPS_PROXY=http://127.0.0.1:%1"_s, u"NO_PROXY=example.com,127.0.0.1"_s} << true;
    QTest::addRow("NO_PROXY=*") << QStringList {u"HTTPS_PROXY=http://127.0.0.1:%1"_s, u"no_proxy=*"_s} << true;
    QTest::addRow("NO_PROXY for another port")
        << QStringList {u"HTTPS_PROXY=http://127.0.0.1:%1"_s, u"NO_PROXY=127.0.0.1:1"_s} << false;
    QTest::addRow("only HTTP_PROXY, an https endpoint") << QStringList {u"HTTP_PROXY=http://127.0.0.1:%1"_s} << true;
}

void Tst_FaultInjection::proxyFromTheEnvironmentIsUsedAndItsFailureNamed()
{
    QFETCH(QStringList, environment);
    QFETCH(bool, reachesServer);
    // An https endpoint (as STS is), so HTTPS_PROXY is the variable that applies.
    FaultServer tls;
    QVERIFY2(tls.listenTls(m_pki->server.certificate(), m_pki->server.key()), qPrintable(tls.errorString()));
    tls.setDefaultResponse(FaultResponse::xml(StsXml::getCallerIdentity()));
    const quint16 proxyPort = closedPort();
    QVERIFY(proxyPort != 0);
    QProcessEnvironment env;
    for (const QString &assignment : std::as_const(environment)) {
        QString value = assignment.section(u'=', 1);
        if (value.contains(u"%1"_s))
            value = value.arg(proxyPort);
        env.insert(assignment.section(u'=', 0, 0), value);
    }
    m_network->setProxyFactory(new EnvironmentProxyFactory(env));
    auto client = makeClient(tls.url(), [this](StsClientConfig &config) {
        config.caCertificates = {m_pki->ca.certificate()};
        config.retryPolicy.setMaxAttempts(1);
    });
    QVERIFY(client);

    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
    if (reachesServer) {
        QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
        QCOMPARE(tls.requestCount(), 1);
        return;
    }
    QVERIFY2(!outcome.ok, "the request went around the configured proxy");
    QCOMPARE(outcome.error.kind, Error::Kind::Network);
    const QString proxyName = u"127.0.0.1:%1"_s.arg(proxyPort);
    QVERIFY2(outcome.error.message.contains(u"proxy server "_s + proxyName + u" failed"_s),
        qPrintable(outcome.error.message));
    QVERIFY2(outcome.error.message.contains(u"HTTPS_PROXY"_s), qPrintable(outcome.error.message));
    QCOMPARE(tls.requestCount(), 0);
}

// ---------------------------------------------------------------------------------------------- clock skew

void Tst_FaultInjection::clockSkewInEitherDirectionIsCorrectedOnce_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("awsMessage");
    QTest::addColumn<int>("serverAheadSeconds");
    QTest::addColumn<bool>("persists");
    // A slow local clock with SignatureDoesNotMatch / RequestExpired / RequestTimeTooSkewed is in
    // tst_stsclient; here the other direction, the other codes, and a skew error that does not go away.
    QTest::addRow("RequestExpired, local clock 2 h fast")
        << u"RequestExpired"_s << u"Request has expired."_s << -7200 << false;
    QTest::addRow("SignatureDoesNotMatch not yet current, local clock fast")
        << u"SignatureDoesNotMatch"_s
        << u"Signature not yet current: 20240501T140000Z is still later than 20240501T120500Z"_s << -3600 << false;
    QTest::addRow("RequestInTheFuture") << u"RequestInTheFuture"_s << u"Request is in the future."_s << -900 << false;
    QTest::addRow("InvalidSignatureException, local clock slow")
        << u"InvalidSignatureException"_s << u"Signature expired."_s << 1800 << false;
    QTest::addRow("SignatureDoesNotMatch expired, persisting")
        << u"SignatureDoesNotMatch"_s << u"Signature expired: 20240501T110000Z is now earlier than 20240501T115500Z"_s
        << 3600 << true;
}

void Tst_FaultInjection::clockSkewInEitherDirectionIsCorrectedOnce()
{
    QFETCH(QString, code);
    QFETCH(QString, awsMessage);
    QFETCH(int, serverAheadSeconds);
    QFETCH(bool, persists);
    auto client = makeClient(m_server->url());
    QVERIFY(client);
    const QDateTime serverNow = m_clock.nowUtc().addSecs(serverAheadSeconds);
    const FaultResponse skewed
        = FaultResponse::awsError(403, code, awsMessage).withHeader("Date", FaultServer::httpDate(serverNow));
    m_server->enqueue(skewed);
    m_server->setDefaultResponse(persists ? skewed : FaultResponse::xml(StsXml::getCallerIdentity()));

    const Outcome outcome = await(client->getCallerIdentity(), &GetCallerIdentityJob::finished);
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem));
    QCOMPARE(outcome.ok, !persists);
    QCOMPARE(m_server->requestCount(), 2); // one corrected retry, never a loop
    QCOMPARE(outcome.retries.size(), 1);
    if (persists)
        QCOMPARE(outcome.error.awsCode, code);
    const qint64 expectedSkewMs = qint64(serverAheadSeconds) * 1000;
    QVERIFY2(qAbs(client->clockSkewMs() - expectedSkewMs) < 1000, qPrintable(QString::number(client->clockSkewMs())));
    // The retry was signed with the server's time, not the local one.
    const QDateTime resent = QDateTime::fromString(
        QString::fromLatin1(m_server->request(1).header("X-Amz-Date")), u"yyyyMMdd'T'HHmmss'Z'"_s);
    QVERIFY(resent.isValid());
    QVERIFY2(qAbs(QDateTime(resent.date(), resent.time(), Qt::UTC).secsTo(serverNow)) <= 1,
        m_server->request(1).header("X-Amz-Date").constData());
}

QTEST_GUILESS_MAIN(Tst_FaultInjection)
#include "tst_faultinjection.moc"
