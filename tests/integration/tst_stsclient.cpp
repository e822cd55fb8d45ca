// SPDX-License-Identifier: Apache-2.0
// StsClient end to end against the loopback fault server: what goes on the wire, what comes back,
// and every failure the network can make (throttling, 5xx, hangs, resets, slow and broken answers,
// clock skew, bad certificates). The full tables of retryable and non-retryable faults, slow-loris
// heads, floods, DNS and proxy failures are in tst_faultinjection.
#include "faultserver.h"
#include "testpki.h"

#include "endpoints/endpointresolver.h"
#include "sigv4/sigv4.h"
#include "sts/stsclient.h"
#include "util/clock.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::RecordedRequest;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kWaitMs = 10000;
const QString kRegion = u"eu-west-3"_s;
const QDateTime kSigningTime(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);

// AWS's documented example keys; the temporary secret has '+' and '/' on purpose.
const QString kLongTermKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
const QByteArray kLongTermSecret = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
const QString kTemporaryKeyId = u"ASIAIOSFODNN7EXAMPLE"_s;
const QByteArray kTemporarySecret = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY");
const QByteArray kSessionToken
    = QByteArrayLiteral("IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIEXAMPLE+tok/en=");
const QByteArray kTokenCode = QByteArrayLiteral("908172");

AwsCredentials longTermCredentials()
{
    AwsCredentials c;
    c.accessKeyId = kLongTermKeyId;
    c.secretAccessKey = SecureBytes(kLongTermSecret);
    c.origin = AwsCredentials::Origin::LongTerm;
    return c;
}

AwsCredentials temporaryCredentials()
{
    AwsCredentials c;
    c.accessKeyId = kTemporaryKeyId;
    c.secretAccessKey = SecureBytes(kTemporarySecret);
    c.sessionToken = SecureBytes(kSessionToken);
    c.expiration = kSigningTime.addSecs(3600);
    c.origin = AwsCredentials::Origin::AssumedRole;
    return c;
}

using FormParams = QList<std::pair<QByteArray, QByteArray>>;

// RFC 3986 form encoding written independently of the code under test (Qt leaves exactly the
// unreserved characters A-Z a-z 0-9 - . _ ~ as they are and writes upper-case hex).
QByteArray encodeForm(const FormParams &params)
{
    QByteArrayList parts;
    for (const auto &[key, value] : params)
        parts.append(key.toPercentEncoding() + '=' + value.toPercentEncoding());
    return parts.join('&');
}

// "key=value" lines, sorted: compares parameter sets with a readable failure message.
QByteArrayList sortedLines(const FormParams &params)
{
    QByteArrayList lines;
    for (const auto &[key, value] : params)
        lines.append(key + '=' + value);
    std::sort(lines.begin(), lines.end());
    return lines;
}

QDateTime parseAmzDate(const QByteArray &value)
{
    if (value.size() != 16 || value.at(8) != 'T' || value.at(15) != 'Z')
        return {};
    const QDate date = QDate::fromString(QString::fromLatin1(value.left(8)), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(QString::fromLatin1(value.mid(9, 6)), u"HHmmss"_s);
    return QDateTime(date, time, Qt::UTC);
}

// A random source for RetryPolicy that returns @p values in turn (the last one forever after).
std::function<double()> sequence(QList<double> values)
{
    return [values = std::move(values), i = qsizetype(0)]() mutable {
        return values.at(std::min(i++, values.size() - 1));
    };
}

template<typename T>
QString describe(const Result<T> &result)
{
    if (result.ok())
        return u"ok"_s;
    return Error::kindName(result.error().kind) + u": "_s + result.error().message;
}

// Recomputes the Authorization header from the bytes that arrived, with the project's own SigV4 code
// and only the headers the client says it signed: a Host, body or date that differs from what was
// signed gives a different signature. Returns a null array and sets @p problem when it cannot.
QByteArray replayAuthorization(const RecordedRequest &request, const AwsCredentials &credentials, QString *problem)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype credentialAt = authorization.indexOf("Credential=");
    const qsizetype signedAt = authorization.indexOf("SignedHeaders=");
    if (credentialAt < 0 || signedAt < 0) {
        *problem = u"no SigV4 Authorization header: "_s + QString::fromLatin1(authorization);
        return {};
    }
    const qsizetype scopeFrom = credentialAt + 11;
    const QByteArrayList scope
        = authorization.mid(scopeFrom, authorization.indexOf(',', scopeFrom) - scopeFrom).split('/');
    const qsizetype from = signedAt + 14;
    const QByteArrayList signedHeaders = authorization.mid(from, authorization.indexOf(',', from) - from).split(';');
    if (scope.size() != 5) {
        *problem = u"malformed credential scope: "_s + QString::fromLatin1(authorization);
        return {};
    }

    SigV4::Request replay;
    replay.method = request.method;
    replay.path = QByteArray::fromPercentEncoding(request.path);
    replay.payload = request.body;
    for (const auto &[key, value] : request.queryParameters())
        replay.query.append({key, value});
    for (const QByteArray &name : signedHeaders) {
        if (name == "x-amz-date" || name == "x-amz-security-token")
            continue; // sign() adds these two itself
        if (!request.hasHeader(name)) {
            *problem = u"signed header missing on the wire: "_s + QString::fromLatin1(name);
            return {};
        }
        replay.headers.append({name, request.header(name)});
    }
    const QDateTime time = parseAmzDate(request.header("X-Amz-Date"));
    if (!time.isValid()) {
        *problem = u"bad X-Amz-Date"_s;
        return {};
    }
    SigV4::sign(replay, credentials, {scope.at(2), scope.at(3), time, true});
    return replay.header("Authorization");
}

struct ClientOptions
{
    QUrl url;
    const Clock *clock = nullptr;
    int maxAttempts = 3;
    double timeScale = 0.01;
    std::function<double()> random = [] { return 0.5; };
    int transferTimeoutMs = 5000;
    int attemptTimeoutMs = 8000;
    qint64 maxResponseBytes = 1024 * 1024;
    QList<QSslCertificate> caCertificates;
};

void settle()
{
    // Long enough for a second `finished`, a stray reply or a deferred delete to show up.
    QTest::qWait(20);
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

class Tst_StsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // The eight actions, on the wire and back.
    void assumeRoleSendsEveryParameterSignedAndParsesTheAnswer();
    void assumeRoleWithSamlIsUnsignedAndParsesSubjectFields();
    void assumeRoleWithWebIdentityIsUnsignedAndParsesProviderFields();
    void decodeAuthorizationMessageReturnsTheJson();
    void getAccessKeyInfoReturnsTheAccount();
    void getCallerIdentityIsSignedWithLongTermKeysWithoutToken();
    void getFederationTokenReturnsFederatedUserAndOrigin();
    void getSessionTokenSendsMfaAndReturnsSessionCredentials();

    void signatureReplayDetectsTampering_data();
    void signatureReplayDetectsTampering();

    // Retries.
    void throttlingIsRetriedAfterJitteredBackoff();
    void serverErrorsAreRetriedThenSucceed_data();
    void serverErrorsAreRetriedThenSucceed();
    void exhaustedAttemptsReportTheLastError_data();
    void exhaustedAttemptsReportTheLastError();
    void idpCommunicationErrorIsRetried();
    void maxAttemptsBoundsTheNumberOfRequests_data();
    void maxAttemptsBoundsTheNumberOfRequests();

    // Transport faults.
    void slowAnswerWithinTheTimeoutsSucceeds();
    void hangingServerTimesOutAndIsRetried();
    void slowLorisIsCutByTheAttemptDeadline();
    void connectionResetIsRetriedAsNetworkError();
    void malformedAnswersAreParseErrorsAndNotRetried_data();
    void malformedAnswersAreParseErrorsAndNotRetried();
    void truncatedTransferFailsWithoutCrashOrHang_data();
    void truncatedTransferFailsWithoutCrashOrHang();
    void oversizedAnswerIsRefused();
    void oversizedAnswerIsRefusedWhileStreaming();

    // Clock skew.
    void clockSkewIsCorrectedAndKeptForLaterCalls_data();
    void clockSkewIsCorrectedAndKeptForLaterCalls();
    void otherSignatureErrorsDoNotChangeTheSkew_data();
    void otherSignatureErrorsDoNotChangeTheSkew();

    // Cancellation and validation.
    void abortWhileWaitingForTheAnswerCancelsOnce();
    void abortDuringBackoffCancelsAndSendsNoMore();
    void abortBeforeStartSendsNothing();
    void invalidRequestIsRefusedAndSendsNothing_data();
    void invalidRequestIsRefusedAndSendsNothing();
    void signedActionWithoutCredentialsFailsAndSendsNothing();

    // TLS.
    void caBundleLoadingReportsProblems();
    void httpsTrustsOnlyTheConfiguredCertificates_data();
    void httpsTrustsOnlyTheConfiguredCertificates();

    // Secrets.
    void errorMessagesNeverContainSecrets_data();
    void errorMessagesNeverContainSecrets();

private:
    std::unique_ptr<StsClient> makeClient(const ClientOptions &options = {});
    void checkWire(const RecordedRequest &request, QByteArrayView action, const AwsCredentials *signer);
    void verifySignature(const RecordedRequest &request, const AwsCredentials &credentials);
    void checkParameters(const RecordedRequest &request, const FormParams &expected);
    void collect(const Error &error) { m_errors.append(error); }
    template<typename T>
    Result<T> resultOf(const QSignalSpy &spy)
    {
        const auto result = spy.at(0).at(0).value<Result<T>>();
        if (!result.ok())
            collect(result.error());
        return result;
    }
    void collectRetries(const QSignalSpy &retrying)
    {
        for (const QList<QVariant> &args : retrying)
            collect(args.at(2).value<Error>());
    }

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<Rolecall::Test::TestPki> m_pki;
    ManualClock m_clock {kSigningTime};
    QList<Error> m_errors;
};

// ---------------------------------------------------------------------------------------------- fixture

void Tst_StsClient::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    qRegisterMetaType<Error>();
    m_pki = std::make_unique<Rolecall::Test::TestPki>();
    QVERIFY2(m_pki->isValid(), qPrintable(m_pki->errorString()));
}

void Tst_StsClient::init()
{
    m_errors.clear();
    m_clock.set(kSigningTime);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<FaultServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void Tst_StsClient::cleanup()
{
    // Whatever a test did, no error it produced may carry a credential.
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.awsMessage, error.context, error.field, error.requestId}) {
            QVERIFY2(!text.contains(QString::fromLatin1(kTemporarySecret)), qPrintable(error.message));
            QVERIFY2(!text.contains(QString::fromLatin1(kLongTermSecret)), qPrintable(error.message));
            QVERIFY2(!text.contains(QString::fromLatin1(kSessionToken)), qPrintable(error.message));
            QVERIFY2(!text.contains(QString::fromLatin1(kTokenCode)), qPrintable(error.message));
        }
    }
    m_server.reset();
    m_network.reset();
}

std::unique_ptr<StsClient> Tst_StsClient::makeClient(const ClientOptions &options)
{
    EndpointSettings settings;
    settings.region = kRegion;
    settings.explicitUrl = (options.url.isEmpty() ? m_server->url() : options.url).toString();
    const Result<Endpoint> endpoint = resolveStsEndpoint(settings);
    if (!endpoint) {
        qWarning() << "endpoint:" << endpoint.error();
        return nullptr;
    }
    StsClientConfig config;
    config.endpoint = endpoint.value();
    config.retryPolicy.setMaxAttempts(options.maxAttempts);
    config.retryPolicy.setTimeScale(options.timeScale);
    config.retryPolicy.setRandom(options.random);
    config.transferTimeoutMs = options.transferTimeoutMs;
    config.attemptTimeoutMs = options.attemptTimeoutMs;
    config.maxResponseBytes = options.maxResponseBytes;
    config.caCertificates = options.caCertificates;
    auto client = std::make_unique<StsClient>(m_network.get(), options.clock ? options.clock : &m_clock, config);
    client->setCredentials(temporaryCredentials());
    return client;
}

void Tst_StsClient::checkWire(const RecordedRequest &request, QByteArrayView action, const AwsCredentials *signer)
{
    QCOMPARE(request.method, QByteArrayLiteral("POST"));
    QCOMPARE(request.target, QByteArrayLiteral("/"));
    QCOMPARE(request.header("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));
    QCOMPARE(request.header("Host"), "127.0.0.1:" + QByteArray::number(m_server->port()));
    QCOMPARE(request.header("Content-Length"), QByteArray::number(request.body.size()));
    QVERIFY2(request.body.startsWith(QByteArray("Action=" + action.toByteArray() + "&Version=2011-06-15")),
        request.body.constData());
    QVERIFY(request.header("User-Agent").startsWith("rolecall/"));
    if (!signer) {
        QVERIFY2(!request.hasHeader("Authorization"), "an unsigned action carries an Authorization header");
        QVERIFY(!request.hasHeader("X-Amz-Security-Token"));
        return;
    }
    const QByteArray authorization = request.header("Authorization");
    const QByteArray scope = "/20240501/" + kRegion.toLatin1() + "/sts/aws4_request";
    QVERIFY2(authorization.startsWith(QByteArray(
                 "AWS4-HMAC-SHA256 Credential=" + signer->accessKeyId.toLatin1() + scope + ", SignedHeaders=")),
        authorization.constData());
    const qsizetype from = authorization.indexOf("SignedHeaders=") + 14;
    const QByteArrayList signedHeaders = authorization.mid(from, authorization.indexOf(',', from) - from).split(';');
    for (const char *name : {"content-type", "host", "x-amz-date"})
        QVERIFY2(signedHeaders.contains(name), authorization.constData());
    QCOMPARE(signedHeaders.contains("x-amz-security-token"), signer->isTemporary());
    QVERIFY(authorization.contains(", Signature="));
    QCOMPARE(request.header("X-Amz-Date"), QByteArrayLiteral("20240501T120000Z"));
    if (signer->isTemporary())
        QCOMPARE(request.header("X-Amz-Security-Token"), signer->sessionToken.unsecureCopy());
    else
        QVERIFY(!request.hasHeader("X-Amz-Security-Token"));
    verifySignature(request, *signer);
}

void Tst_StsClient::verifySignature(const RecordedRequest &request, const AwsCredentials &credentials)
{
    QString problem;
    const QByteArray replayed = replayAuthorization(request, credentials, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(replayed, request.header("Authorization"));
}

void Tst_StsClient::checkParameters(const RecordedRequest &request, const FormParams &expected)
{
    const FormParams received = request.formParameters();
    QVERIFY(received.size() >= 2);
    QCOMPARE(received.at(1).first, QByteArrayLiteral("Version"));
    QCOMPARE(received.at(1).second, QByteArrayLiteral("2011-06-15"));
    QCOMPARE(sortedLines(received), sortedLines(expected));
    // Every key and value is RFC 3986 encoded: spaces as %20, '+' as %2B, '/' as %2F, '~' as is.
    QCOMPARE(request.body, encodeForm(received));
}

// ---------------------------------------------------------------------------------------------- the eight actions

void Tst_StsClient::assumeRoleSendsEveryParameterSignedAndParsesTheAnswer()
{
    auto client = makeClient();
    QVERIFY(client);
    StsFixture f;
    m_server->enqueue(FaultResponse::xml(StsXml::assumeRole(f)));

    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/demo"_s;
    request.roleSessionName = u"demo-session@example.com"_s;
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s, u"arn:aws:iam::123456789012:policy/Team"_s};
    request.policy = u"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                     "\"Resource\":\"arn:aws:s3:::my bucket/~home/*\"}]}"_s;
    request.durationSeconds = 1800;
    request.tags = {{u"Project"_s, u"Blue Sky"_s}, {u"Cost-Center"_s, u"a+b/c=d"_s}};
    request.transitiveTagKeys = {u"Project"_s};
    request.externalId = u"ext-123:abc/def"_s;
    request.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    request.tokenCode = SecureBytes(kTokenCode);
    request.sourceIdentity = u"DevUser123"_s;
    request.providedContexts = {{u"arn:aws:iam::aws:contextProvider/IdentityCenter"_s, u"EXAMPLEcontext+assert=="_s}};

    QPointer<AssumeRoleJob> job = client->assumeRole(request);
    QCOMPARE(job->action(), u"AssumeRole"_s);
    QSignalSpy spy(job.data(), &AssumeRoleJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<AssumeRoleResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const AssumeRoleResult &r = result.value();
    QCOMPARE(r.credentials.accessKeyId, f.accessKeyId);
    QCOMPARE(r.credentials.secretAccessKey.unsecureCopy(), f.secretAccessKey.toLatin1());
    QCOMPARE(r.credentials.sessionToken.unsecureCopy(), f.sessionToken.toLatin1());
    QCOMPARE(r.credentials.expiration, QDateTime(QDate(2011, 7, 15), QTime(23, 28, 33, 359), Qt::UTC));
    QCOMPARE(r.credentials.expiration.timeSpec(), Qt::UTC);
    QCOMPARE(r.credentials.origin, AwsCredentials::Origin::AssumedRole);
    QCOMPARE(r.assumedRoleUser.assumedRoleId, f.assumedRoleId);
    QCOMPARE(r.assumedRoleUser.arn, f.assumedRoleArn);
    QCOMPARE(r.packedPolicySize, std::optional<int>(8));
    QCOMPARE(r.sourceIdentity, u"DevUser123"_s);
    QCOMPARE(r.requestId, f.requestId);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = temporaryCredentials();
    checkWire(sent, "AssumeRole", &signer);
    if (QTest::currentTestFailed())
        return;
    checkParameters(sent,
        {
            {"Action", "AssumeRole"},
            {"Version", "2011-06-15"},
            {"RoleArn", "arn:aws:iam::123456789012:role/demo"},
            {"RoleSessionName", "demo-session@example.com"},
            {"PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
            {"PolicyArns.member.2.arn", "arn:aws:iam::123456789012:policy/Team"},
            {"Policy", request.policy.toUtf8()},
            {"DurationSeconds", "1800"},
            {"Tags.member.1.Key", "Project"},
            {"Tags.member.1.Value", "Blue Sky"},
            {"Tags.member.2.Key", "Cost-Center"},
            {"Tags.member.2.Value", "a+b/c=d"},
            {"TransitiveTagKeys.member.1", "Project"},
            {"ExternalId", "ext-123:abc/def"},
            {"SerialNumber", "arn:aws:iam::123456789012:mfa/alice"},
            {"TokenCode", kTokenCode},
            {"SourceIdentity", "DevUser123"},
            {"ProvidedContexts.member.1.ProviderArn", "arn:aws:iam::aws:contextProvider/IdentityCenter"},
            {"ProvidedContexts.member.1.ContextAssertion", "EXAMPLEcontext+assert=="},
        });
    // Spot checks of the encoding, spelled out.
    QVERIFY(sent.body.contains("&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&"));
    QVERIFY(sent.body.contains("&RoleSessionName=demo-session%40example.com&"));
    QVERIFY(sent.body.contains("&Tags.member.1.Value=Blue%20Sky&"));
    QVERIFY(sent.body.contains("&Tags.member.2.Value=a%2Bb%2Fc%3Dd&"));
    QVERIFY(sent.body.contains("my%20bucket%2F~home%2F%2A"));
    QVERIFY(!sent.body.contains('+'));
}

void Tst_StsClient::assumeRoleWithSamlIsUnsignedAndParsesSubjectFields()
{
    auto client = makeClient();
    QVERIFY(client);
    client->setCredentials({}); // unsigned: works without any credentials
    StsFixture f;
    f.expiration = u"2024-05-01T13:00:00Z"_s;
    f.sourceIdentity.clear();
    m_server->enqueue(FaultResponse::xml(StsXml::assumeRoleWithSaml(f)));

    AssumeRoleWithSamlRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/TestSaml"_s;
    request.principalArn = u"arn:aws:iam::123456789012:saml-provider/SAML-test"_s;
    request.samlAssertion = SecureBytes(QByteArrayLiteral("PHNhbWxwOlJlc3BvbnNlIEVYQU1QTEU+PC9zYW1scDpSZXNwb25zZT4="));
    request.durationSeconds = 3600;
    QPointer<AssumeRoleWithSamlJob> job = client->assumeRoleWithSaml(request);
    QSignalSpy spy(job.data(), &AssumeRoleWithSamlJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<AssumeRoleWithSamlResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const AssumeRoleWithSamlResult &r = result.value();
    QCOMPARE(r.credentials.accessKeyId, f.accessKeyId);
    QCOMPARE(r.credentials.expiration, QDateTime(QDate(2024, 5, 1), QTime(13, 0), Qt::UTC));
    QCOMPARE(r.credentials.origin, AwsCredentials::Origin::AssumedRole);
    QCOMPARE(r.assumedRoleUser.arn, f.assumedRoleArn);
    QCOMPARE(r.packedPolicySize, std::optional<int>(8));
    QCOMPARE(r.subject, f.samlSubject);
    QCOMPARE(r.subjectType, f.samlSubjectType);
    QCOMPARE(r.issuer, f.samlIssuer);
    QCOMPARE(r.audience, f.samlAudience);
    QCOMPARE(r.nameQualifier, f.samlNameQualifier);
    QVERIFY(r.sourceIdentity.isEmpty());
    QCOMPARE(r.requestId, f.requestId);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    checkWire(sent, "AssumeRoleWithSAML", nullptr);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!sent.hasHeader("X-Amz-Date"));
    checkParameters(sent,
        {
            {"Action", "AssumeRoleWithSAML"},
            {"Version", "2011-06-15"},
            {"RoleArn", "arn:aws:iam::123456789012:role/TestSaml"},
            {"PrincipalArn", "arn:aws:iam::123456789012:saml-provider/SAML-test"},
            {"SAMLAssertion", "PHNhbWxwOlJlc3BvbnNlIEVYQU1QTEU+PC9zYW1scDpSZXNwb25zZT4="},
            {"DurationSeconds", "3600"},
        });
    QVERIFY(sent.body.contains("SAMLAssertion=PHNhbWxwOlJlc3BvbnNlIEVYQU1QTEU%2BPC9zYW1scDpSZXNwb25zZT4%3D"));
}

void Tst_StsClient::assumeRoleWithWebIdentityIsUnsignedAndParsesProviderFields()
{
    auto client = makeClient();
    QVERIFY(client);
    StsFixture f;
    f.packedPolicySize.reset();
    m_server->enqueue(FaultResponse::xml(StsXml::assumeRoleWithWebIdentity(f)));

    AssumeRoleWithWebIdentityRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/FederatedWebIdentityRole"_s;
    request.roleSessionName = u"app1"_s;
    request.webIdentityToken = SecureBytes(QByteArrayLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJFWEFNUExFIn0.c2ln"));
    request.providerId = u"www.amazon.com"_s;
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    QPointer<AssumeRoleWithWebIdentityJob> job = client->assumeRoleWithWebIdentity(request);
    QSignalSpy spy(job.data(), &AssumeRoleWithWebIdentityJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<AssumeRoleWithWebIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    const AssumeRoleWithWebIdentityResult &r = result.value();
    QCOMPARE(r.credentials.sessionToken.unsecureCopy(), f.sessionToken.toLatin1());
    QCOMPARE(r.credentials.origin, AwsCredentials::Origin::AssumedRole);
    QCOMPARE(r.subjectFromWebIdentityToken, f.webSubject);
    QCOMPARE(r.provider, f.webProvider);
    QCOMPARE(r.audience, f.webAudience);
    QCOMPARE(r.assumedRoleUser.assumedRoleId, f.assumedRoleId);
    QVERIFY(!r.packedPolicySize.has_value());
    QCOMPARE(r.sourceIdentity, f.sourceIdentity);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    checkWire(sent, "AssumeRoleWithWebIdentity", nullptr); // credentials are set, yet the call is unsigned
    if (QTest::currentTestFailed())
        return;
    checkParameters(sent,
        {
            {"Action", "AssumeRoleWithWebIdentity"},
            {"Version", "2011-06-15"},
            {"RoleArn", "arn:aws:iam::123456789012:role/FederatedWebIdentityRole"},
            {"RoleSessionName", "app1"},
            {"WebIdentityToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJFWEFNUExFIn0.c2ln"},
            {"ProviderId", "www.amazon.com"},
            {"PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
        });
}

void Tst_StsClient::decodeAuthorizationMessageReturnsTheJson()
{
    auto client = makeClient();
    QVERIFY(client);
    StsFixture f;
    m_server->enqueue(FaultResponse::xml(StsXml::decodeAuthorizationMessage(f)));
    const QString encoded = u"EXAMPLE-encoded+message/with=padding"_s;
    QPointer<DecodeAuthorizationMessageJob> job = client->decodeAuthorizationMessage({encoded});
    QSignalSpy spy(job.data(), &DecodeAuthorizationMessageJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<DecodeAuthorizationMessageResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->decodedMessage, f.decodedMessage); // XML entities decoded back to the JSON text
    QCOMPARE(result->requestId, f.requestId);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = temporaryCredentials();
    checkWire(sent, "DecodeAuthorizationMessage", &signer);
    if (QTest::currentTestFailed())
        return;
    checkParameters(sent,
        {{"Action", "DecodeAuthorizationMessage"}, {"Version", "2011-06-15"}, {"EncodedMessage", encoded.toUtf8()}});
}

void Tst_StsClient::getAccessKeyInfoReturnsTheAccount()
{
    auto client = makeClient();
    QVERIFY(client);
    StsFixture f;
    f.account = u"111122223333"_s;
    m_server->enqueue(FaultResponse::xml(StsXml::getAccessKeyInfo(f)));
    QPointer<GetAccessKeyInfoJob> job = client->getAccessKeyInfo({u"AKIAI44QH8DHBEXAMPLE"_s});
    QSignalSpy spy(job.data(), &GetAccessKeyInfoJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<GetAccessKeyInfoResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->account, u"111122223333"_s);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = temporaryCredentials();
    checkWire(sent, "GetAccessKeyInfo", &signer);
    if (QTest::currentTestFailed())
        return;
    checkParameters(
        sent, {{"Action", "GetAccessKeyInfo"}, {"Version", "2011-06-15"}, {"AccessKeyId", "AKIAI44QH8DHBEXAMPLE"}});
}

void Tst_StsClient::getCallerIdentityIsSignedWithLongTermKeysWithoutToken()
{
    auto client = makeClient();
    QVERIFY(client);
    client->setCredentials(longTermCredentials());
    StsFixture f;
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity(f)));
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->userId, f.userId);
    QCOMPARE(result->account, f.account);
    QCOMPARE(result->arn, f.callerArn);
    QCOMPARE(result->requestId, f.requestId);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = longTermCredentials();
    checkWire(sent, "GetCallerIdentity", &signer);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sent.body, QByteArrayLiteral("Action=GetCallerIdentity&Version=2011-06-15"));
}

void Tst_StsClient::getFederationTokenReturnsFederatedUserAndOrigin()
{
    auto client = makeClient();
    QVERIFY(client);
    client->setCredentials(longTermCredentials());
    StsFixture f;
    m_server->enqueue(FaultResponse::xml(StsXml::getFederationToken(f)));
    GetFederationTokenRequest request;
    request.name = u"Bob"_s;
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    request.durationSeconds = 43200;
    request.tags = {{u"Team"_s, u"Blue"_s}};
    QPointer<GetFederationTokenJob> job = client->getFederationToken(request);
    QSignalSpy spy(job.data(), &GetFederationTokenJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<GetFederationTokenResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->credentials.origin, AwsCredentials::Origin::FederationToken);
    QCOMPARE(result->credentials.accessKeyId, f.accessKeyId);
    QCOMPARE(result->federatedUser.federatedUserId, f.federatedUserId);
    QCOMPARE(result->federatedUser.arn, f.federatedUserArn);
    QCOMPARE(result->packedPolicySize, std::optional<int>(8));

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = longTermCredentials();
    checkWire(sent, "GetFederationToken", &signer);
    if (QTest::currentTestFailed())
        return;
    checkParameters(sent,
        {{"Action", "GetFederationToken"}, {"Version", "2011-06-15"}, {"Name", "Bob"},
            {"PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}, {"DurationSeconds", "43200"},
            {"Tags.member.1.Key", "Team"}, {"Tags.member.1.Value", "Blue"}});
}

void Tst_StsClient::getSessionTokenSendsMfaAndReturnsSessionCredentials()
{
    auto client = makeClient();
    QVERIFY(client);
    client->setCredentials(longTermCredentials());
    StsFixture f;
    f.expiration = u"2024-05-02T00:00:00Z"_s;
    m_server->enqueue(FaultResponse::xml(StsXml::getSessionToken(f)));
    GetSessionTokenRequest request;
    request.durationSeconds = 129600;
    request.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    request.tokenCode = SecureBytes(kTokenCode);
    QPointer<GetSessionTokenJob> job = client->getSessionToken(request);
    QSignalSpy spy(job.data(), &GetSessionTokenJob::finished);
    AWAIT_FINISHED(spy, job);

    const auto result = resultOf<GetSessionTokenResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->credentials.origin, AwsCredentials::Origin::SessionToken);
    QCOMPARE(result->credentials.expiration, QDateTime(QDate(2024, 5, 2), QTime(0, 0), Qt::UTC));
    QVERIFY(result->credentials.isTemporary());

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    const AwsCredentials signer = longTermCredentials();
    checkWire(sent, "GetSessionToken", &signer);
    if (QTest::currentTestFailed())
        return;
    checkParameters(sent,
        {{"Action", "GetSessionToken"}, {"Version", "2011-06-15"}, {"DurationSeconds", "129600"},
            {"SerialNumber", "arn:aws:iam::123456789012:mfa/alice"}, {"TokenCode", kTokenCode}});
}

// The server-side signature check used above must be able to fail: any change to what was signed
// (or a wrong secret) gives a different signature.
void Tst_StsClient::signatureReplayDetectsTampering_data()
{
    QTest::addColumn<QString>("change");
    QTest::addRow("untouched") << QString();
    QTest::addRow("Host header") << u"host"_s;
    QTest::addRow("body") << u"body"_s;
    QTest::addRow("X-Amz-Date") << u"date"_s;
    QTest::addRow("wrong secret") << u"secret"_s;
}

void Tst_StsClient::signatureReplayDetectsTampering()
{
    QFETCH(QString, change);
    auto client = makeClient();
    QVERIFY(client);
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    QCOMPARE(m_server->requestCount(), 1);

    RecordedRequest request = m_server->request(0);
    AwsCredentials credentials = temporaryCredentials();
    for (auto &[name, value] : request.headers) {
        if (change == "host"_L1 && name.compare("Host", Qt::CaseInsensitive) == 0)
            value = "127.0.0.1:1";
        if (change == "date"_L1 && name.compare("X-Amz-Date", Qt::CaseInsensitive) == 0)
            value = "20240501T120001Z";
    }
    if (change == "body"_L1)
        request.body.replace("GetCallerIdentity", "GetSessionToken");
    if (change == "secret"_L1)
        credentials.secretAccessKey = SecureBytes(kLongTermSecret);
    QString problem;
    const QByteArray replayed = replayAuthorization(request, credentials, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(replayed == request.header("Authorization"), change.isEmpty());
}

// ---------------------------------------------------------------------------------------------- retries

void Tst_StsClient::throttlingIsRetriedAfterJitteredBackoff()
{
    // botocore standard mode: delay before retry n = random × 2^(n-1) s. With random 0.5 then 0.9 and
    // a time scale of 0.1 the two delays are 50 ms and 180 ms.
    ClientOptions options;
    options.timeScale = 0.1;
    options.random = sequence({0.5, 0.9});
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue(FaultResponse::awsError(400, u"Throttling"_s, u"Rate exceeded"_s, u"req-throttle-1"_s));
    m_server->enqueue(FaultResponse::awsError(400, u"Throttling"_s, u"Rate exceeded"_s, u"req-throttle-2"_s));
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);

    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(retrying.count(), 2);
    const int expectedDelays[] = {50, 180};
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(retrying.at(i).at(0).toInt(), i + 1);
        QCOMPARE(retrying.at(i).at(1).toInt(), expectedDelays[i]);
        const Error error = retrying.at(i).at(2).value<Error>();
        QCOMPARE(error.kind, Error::Kind::Aws);
        QCOMPARE(error.awsCode, u"Throttling"_s);
        QCOMPARE(error.requestId, u"req-throttle-%1"_s.arg(i + 1));
        // The next request cannot arrive before the backoff is over (QTimer may fire up to 5% early
        // and the clocks round to milliseconds); the upper bound only catches a runaway wait.
        const qint64 gap = m_server->request(i + 1).arrivalMs - m_server->request(i).arrivalMs;
        QVERIFY2(gap >= expectedDelays[i] * 95 / 100 - 2, qPrintable(u"gap %1 ms"_s.arg(gap)));
        QVERIFY2(gap < expectedDelays[i] + 5000, qPrintable(u"gap %1 ms"_s.arg(gap)));
    }
    const AwsCredentials signer = temporaryCredentials();
    verifySignature(m_server->request(2), signer); // a retry is signed afresh
}

void Tst_StsClient::serverErrorsAreRetriedThenSucceed_data()
{
    QTest::addColumn<FaultResponse>("failure");
    QTest::addRow("500 InternalFailure") << FaultResponse::awsError(
        500, u"InternalFailure"_s, u"An internal error occurred."_s, {}, u"Receiver"_s);
    QTest::addRow("500 without AWS body") << FaultResponse::plain(500, "Internal Server Error");
    QTest::addRow("503 ServiceUnavailable") << FaultResponse::awsError(
        503, u"ServiceUnavailable"_s, u"Service is unable to handle request."_s, {}, u"Receiver"_s);
    QTest::addRow("503 without body") << FaultResponse::plain(503);
    QTest::addRow("502 HTML from a proxy") << FaultResponse::plain(502, "<html><body>Bad Gateway</body></html>");
    QTest::addRow("504 without body") << FaultResponse::plain(504);
}

void Tst_StsClient::serverErrorsAreRetriedThenSucceed()
{
    QFETCH(FaultResponse, failure);
    auto client = makeClient();
    QVERIFY(client);
    m_server->enqueue({failure, failure, FaultResponse::xml(StsXml::getCallerIdentity())});
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);

    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(retrying.count(), 2);
    QCOMPARE(retrying.at(0).at(2).value<Error>().httpStatus, failure.status);
}

void Tst_StsClient::exhaustedAttemptsReportTheLastError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("500 InternalFailure") << 500 << u"InternalFailure"_s << Error::Kind::Aws;
    QTest::addRow("400 Throttling") << 400 << u"Throttling"_s << Error::Kind::Aws;
    QTest::addRow("503 without body") << 503 << QString() << Error::Kind::Http;
}

void Tst_StsClient::exhaustedAttemptsReportTheLastError()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(Error::Kind, kind);
    auto client = makeClient();
    QVERIFY(client);
    for (int i = 1; i <= 3; ++i) {
        const QString requestId = u"req-attempt-%1"_s.arg(i);
        FaultResponse response = code.isEmpty()
            ? FaultResponse::plain(status).withHeader("x-amzn-RequestId", requestId.toLatin1())
            : FaultResponse::awsError(status, code, u"attempt %1 failed"_s.arg(i), requestId);
        m_server->enqueue(response);
    }
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity())); // never reached

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(!result.ok(), "succeeded after the last attempt");
    const Error &error = result.error();
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.awsCode, code);
    QCOMPARE(error.requestId, u"req-attempt-3"_s);
    if (!code.isEmpty())
        QCOMPARE(error.awsMessage, u"attempt 3 failed"_s);
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.message.contains(u"GetCallerIdentity"_s), qPrintable(error.message));
    QCOMPARE(error.context, u"GetCallerIdentity"_s);
}

void Tst_StsClient::idpCommunicationErrorIsRetried()
{
    auto client = makeClient();
    QVERIFY(client);
    m_server->enqueue(FaultResponse::awsError(400, u"IDPCommunicationError"_s,
        u"The request could not be fulfilled because the identity provider "
        "(IDP) that was asked to verify the incoming identity token could not "
        "be reached."_s));
    m_server->enqueue(FaultResponse::xml(StsXml::assumeRoleWithWebIdentity()));
    AssumeRoleWithWebIdentityRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/FederatedWebIdentityRole"_s;
    request.roleSessionName = u"app1"_s;
    request.webIdentityToken = SecureBytes(QByteArrayLiteral("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
    QPointer<AssumeRoleWithWebIdentityJob> job = client->assumeRoleWithWebIdentity(request);
    QSignalSpy spy(job.data(), &AssumeRoleWithWebIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);

    const auto result = resultOf<AssumeRoleWithWebIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.at(0).at(2).value<Error>().awsCode, u"IDPCommunicationError"_s);
    QVERIFY(!m_server->request(1).hasHeader("Authorization")); // the retry is unsigned too
}

void Tst_StsClient::maxAttemptsBoundsTheNumberOfRequests_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("fromEnvironment");
    QTest::addRow("1 attempt") << 1 << false;
    QTest::addRow("2 attempts") << 2 << false;
    QTest::addRow("5 attempts") << 5 << false;
    QTest::addRow("AWS_MAX_ATTEMPTS=5") << 5 << true;
    QTest::addRow("AWS_MAX_ATTEMPTS=4 over max_attempts=2") << 4 << true;
}

void Tst_StsClient::maxAttemptsBoundsTheNumberOfRequests()
{
    QFETCH(int, attempts);
    QFETCH(bool, fromEnvironment);
    auto client = makeClient();
    QVERIFY(client);
    if (fromEnvironment) {
        QProcessEnvironment env;
        env.insert(u"AWS_MAX_ATTEMPTS"_s, QString::number(attempts));
        RetryPolicy policy = RetryPolicy::fromSettings(u"2"_s, {}, env);
        QCOMPARE(policy.maxAttempts(), attempts);
        policy.setTimeScale(0.01);
        policy.setRandom([] { return 0.5; });
        client->retryPolicy() = policy;
    } else {
        client->retryPolicy().setMaxAttempts(attempts);
    }
    m_server->setDefaultResponse(FaultResponse::awsError(503, u"ServiceUnavailable"_s, u"Try again."_s));

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    collectRetries(retrying);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().awsCode, u"ServiceUnavailable"_s);
    QCOMPARE(m_server->requestCount(), attempts);
    QCOMPARE(retrying.count(), attempts - 1);
}

// ---------------------------------------------------------------------------------------------- transport faults

void Tst_StsClient::slowAnswerWithinTheTimeoutsSucceeds()
{
    // 250 ms of silence before the answer is well inside a 2 s transfer timeout: no timeout, no retry.
    ClientOptions options;
    options.transferTimeoutMs = 2000;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()).withDelay(250));
    QElapsedTimer elapsed;
    elapsed.start();
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(retrying.count(), 0);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY2(elapsed.elapsed() >= 250 * 90 / 100, qPrintable(QString::number(elapsed.elapsed())));
}

void Tst_StsClient::hangingServerTimesOutAndIsRetried()
{
    ClientOptions options;
    options.transferTimeoutMs = 300;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::hang());

    QElapsedTimer elapsed;
    elapsed.start();
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);

    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY2(result.error().message.contains(u"GetCallerIdentity"_s), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(retrying.count(), 2);
    for (const QList<QVariant> &args : std::as_const(retrying))
        QCOMPARE(args.at(2).value<Error>().kind, Error::Kind::Timeout);
    QVERIFY2(elapsed.elapsed() >= 3 * 300 * 90 / 100, qPrintable(QString::number(elapsed.elapsed())));
    // The client closed every hanging connection.
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void Tst_StsClient::slowLorisIsCutByTheAttemptDeadline()
{
    // One byte every 30 ms keeps the transfer timeout (3 s) from ever firing; only the per-attempt
    // deadline (400 ms) can end it. The whole answer would take over 30 s.
    ClientOptions options;
    options.maxAttempts = 2;
    options.transferTimeoutMs = 3000;
    options.attemptTimeoutMs = 400;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::drip(StsXml::getCallerIdentity(), 30));

    QElapsedTimer elapsed;
    elapsed.start();
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY2(elapsed.elapsed() >= 2 * 400 * 90 / 100, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(elapsed.elapsed() < 6000, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_server->answersCutByPeer(), 2);
}

void Tst_StsClient::connectionResetIsRetriedAsNetworkError()
{
    // Qt itself resends a request once when the connection dies before any answer (observed with
    // Qt 6.4: one reset is absorbed on a fresh connection). Three resets are more than Qt absorbs, so
    // the job must see Network errors and retry them itself.
    ClientOptions options;
    options.maxAttempts = 5;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue({FaultResponse::reset(), FaultResponse::reset(), FaultResponse::reset(),
        FaultResponse::xml(StsXml::getCallerIdentity())});

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);

    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 4);
    QVERIFY2(retrying.count() >= 2, qPrintable(QString::number(retrying.count())));
    for (const QList<QVariant> &args : std::as_const(retrying)) {
        const Error error = args.at(2).value<Error>();
        QCOMPARE(error.kind, Error::Kind::Network);
        QVERIFY(error.message.contains(u"GetCallerIdentity"_s));
    }
    const AwsCredentials signer = temporaryCredentials();
    verifySignature(m_server->request(3), signer);
}

void Tst_StsClient::malformedAnswersAreParseErrorsAndNotRetried_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray valid = StsXml::getCallerIdentity();
    QTest::addRow("not XML") << QByteArrayLiteral("<html><body>Welcome to nginx!</body>");
    QTest::addRow("truncated XML") << valid.left(valid.size() / 2);
    QTest::addRow("wrong action") << StsXml::getSessionToken();
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("JSON") << QByteArrayLiteral("{\"GetCallerIdentityResponse\":{}}");
    QTest::addRow("missing Arn") << QByteArrayLiteral(
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
        "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>");
}

void Tst_StsClient::malformedAnswersAreParseErrorsAndNotRetried()
{
    QFETCH(QByteArray, body);
    auto client = makeClient();
    QVERIFY(client);
    m_server->enqueue({FaultResponse::xml(body), FaultResponse::xml(StsXml::getCallerIdentity())});
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(!result.ok(), "a malformed answer was accepted");
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QCOMPARE(result.error().context, u"GetCallerIdentity"_s);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY2(result.error().message.contains(u"GetCallerIdentity"_s), qPrintable(result.error().message));
}

void Tst_StsClient::truncatedTransferFailsWithoutCrashOrHang_data()
{
    QTest::addColumn<qsizetype>("sendBytes");
    const qsizetype size = StsXml::getCallerIdentity().size();
    QTest::addRow("headers only") << qsizetype(0);
    QTest::addRow("half the body") << qsizetype(-1);
    QTest::addRow("cut inside the closing tag") << size - 3;
    QTest::addRow("only the final newline missing") << size - 1;
}

void Tst_StsClient::truncatedTransferFailsWithoutCrashOrHang()
{
    QFETCH(qsizetype, sendBytes);
    ClientOptions options;
    options.maxAttempts = 1;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue(FaultResponse::truncate(StsXml::getCallerIdentity(), sendBytes));
    QElapsedTimer elapsed;
    elapsed.start();
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    QVERIFY2(elapsed.elapsed() < 4000, "a truncated answer is only noticed by a timeout");
    QCOMPARE(m_server->requestCount(), 1);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(!result.ok(), "a truncated answer was accepted");
    const Error::Kind kind = result.error().kind;
    QVERIFY2(kind == Error::Kind::Network || kind == Error::Kind::Parse, qPrintable(describe(result)));
}

void Tst_StsClient::oversizedAnswerIsRefused()
{
    ClientOptions options;
    options.maxResponseBytes = 4096;
    auto client = makeClient(options);
    QVERIFY(client);
    QByteArray huge = StsXml::getCallerIdentity();
    huge.insert(huge.indexOf("<ResponseMetadata>"), QByteArray(2 * 1024 * 1024, ' '));
    m_server->enqueue({FaultResponse::xml(huge), FaultResponse::xml(StsXml::getCallerIdentity())});

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(!result.ok(), "a 2 MiB answer was accepted with a 4 KiB limit");
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(result.error().message.contains(u"4096"_s), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_StsClient::oversizedAnswerIsRefusedWhileStreaming()
{
    // The server announces 64 KiB, sends 16 KiB and then goes quiet. A client that waited for the
    // whole answer before measuring it would end in a timeout; the limit must apply while reading.
    ClientOptions options;
    options.maxResponseBytes = 4096;
    options.maxAttempts = 1;
    options.transferTimeoutMs = 8000;
    auto client = makeClient(options);
    QVERIFY(client);
    QByteArray body = StsXml::getCallerIdentity();
    body.insert(body.indexOf("<ResponseMetadata>"), QByteArray(64 * 1024, ' '));
    m_server->enqueue(FaultResponse::stall(body, 16 * 1024));

    QElapsedTimer elapsed;
    elapsed.start();
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Parse);
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

// ---------------------------------------------------------------------------------------------- clock skew

void Tst_StsClient::clockSkewIsCorrectedAndKeptForLaterCalls_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("SignatureDoesNotMatch, signature expired")
        << 403 << u"SignatureDoesNotMatch"_s
        << u"Signature expired: 20240501T110000Z is now earlier than 20240501T115500Z (20240501T120000Z - 5 min.)"_s;
    QTest::addRow("RequestExpired") << 400 << u"RequestExpired"_s << u"Request has expired."_s;
    QTest::addRow("RequestTimeTooSkewed")
        << 403 << u"RequestTimeTooSkewed"_s
        << u"The difference between the request time and the current time is too large."_s;
}

void Tst_StsClient::clockSkewIsCorrectedAndKeptForLaterCalls()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    // The local clock is one hour slow; the server's Date header tells the real time.
    const QDateTime serverNow = QDateTime::currentDateTimeUtc();
    ManualClock slowClock(serverNow.addSecs(-3600));
    ClientOptions options;
    options.clock = &slowClock;
    auto client = makeClient(options);
    QVERIFY(client);
    QSignalSpy skewChanged(client.get(), &StsClient::clockSkewChanged);
    m_server->enqueue(
        FaultResponse::awsError(status, code, message).withHeader("Date", FaultServer::httpDate(serverNow)));
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    AWAIT_FINISHED(spy, job);
    collectRetries(retrying);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(retrying.count(), 1);
    QCOMPARE(retrying.at(0).at(1).toInt(), 0); // corrected and resent at once

    // Skew = server time (whole seconds) - local time: one hour minus the dropped milliseconds.
    const qint64 skew = client->clockSkewMs();
    QVERIFY2(skew > 3600000 - 1000 && skew <= 3600000, qPrintable(QString::number(skew)));
    QCOMPARE(skewChanged.count(), 1);
    QCOMPARE(skewChanged.at(0).at(0).toLongLong(), skew);

    const QByteArray firstDate = m_server->request(0).header("X-Amz-Date");
    const QByteArray secondDate = m_server->request(1).header("X-Amz-Date");
    QCOMPARE(firstDate, SigV4::formatAmzDate(slowClock.nowUtc()));
    QCOMPARE(secondDate, SigV4::formatAmzDate(slowClock.nowUtc().addMSecs(skew)));
    QVERIFY(qAbs(parseAmzDate(secondDate).secsTo(serverNow)) <= 1);
    const AwsCredentials signer = temporaryCredentials();
    verifySignature(m_server->request(1), signer);

    // A later call on the same client signs with the corrected time from its first attempt.
    QPointer<GetCallerIdentityJob> later = client->getCallerIdentity();
    QSignalSpy laterSpy(later.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(laterSpy, later);
    const auto laterResult = resultOf<GetCallerIdentityResult>(laterSpy);
    QVERIFY2(laterResult.ok(), qPrintable(describe(laterResult)));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->request(2).header("X-Amz-Date"), secondDate);
    QCOMPARE(skewChanged.count(), 1);
}

void Tst_StsClient::otherSignatureErrorsDoNotChangeTheSkew_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("serverAheadSeconds");
    QTest::addRow("wrong secret, clock far off")
        << u"SignatureDoesNotMatch"_s
        << u"The request signature we calculated does not match the signature you provided. Check your AWS Secret "
           "Access Key and signing method."_s
        << 3600;
    QTest::addRow("RequestExpired, skew below the threshold") << u"RequestExpired"_s << u"Request has expired."_s << 60;
}

void Tst_StsClient::otherSignatureErrorsDoNotChangeTheSkew()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(int, serverAheadSeconds);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ManualClock clock(now);
    ClientOptions options;
    options.clock = &clock;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue(FaultResponse::awsError(403, code, message)
                          .withHeader("Date", FaultServer::httpDate(now.addSecs(serverAheadSeconds))));
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY2(!result.ok(), "the signature error was retried");
    QCOMPARE(result.error().awsCode, code);
    QCOMPARE(client->clockSkewMs(), 0);
    QCOMPARE(m_server->requestCount(), 1);
}

// ---------------------------------------------------------------------------------------------- cancel, validate

void Tst_StsClient::abortWhileWaitingForTheAnswerCancelsOnce()
{
    auto client = makeClient();
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::hang());
    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/demo"_s;
    request.roleSessionName = u"session"_s;
    QPointer<AssumeRoleJob> job = client->assumeRole(request);
    QSignalSpy spy(job.data(), &AssumeRoleJob::finished);
    QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
    QVERIFY(received.wait(kWaitMs));
    QVERIFY(job);
    QVERIFY(!job->isFinished());
    QCOMPARE(job->attempts(), 1);
    job->abort();
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<AssumeRoleResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY(result.error().message.contains(u"AssumeRole"_s));
    QTest::qWait(100);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_server->requestCount(), 1);
    QTRY_COMPARE(m_server->openConnections(), 0); // the hanging connection was closed
}

void Tst_StsClient::abortDuringBackoffCancelsAndSendsNoMore()
{
    ClientOptions options;
    options.timeScale = 0.3; // first backoff: 0.3 × 1 s × random 1.0 = 300 ms
    options.random = [] { return 1.0; };
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->enqueue(FaultResponse::awsError(400, u"Throttling"_s, u"Rate exceeded"_s));
    m_server->enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    QSignalSpy retrying(job.data(), &StsJob::retrying);
    QVERIFY(retrying.wait(kWaitMs));
    collectRetries(retrying);
    QCOMPARE(retrying.at(0).at(1).toInt(), 300);
    QVERIFY(job);
    job->abort();
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(500); // past the backoff: the retry must not be sent
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_StsClient::abortBeforeStartSendsNothing()
{
    auto client = makeClient();
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::xml(StsXml::getCallerIdentity()));
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    job->abort();
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void Tst_StsClient::invalidRequestIsRefusedAndSendsNothing_data()
{
    QTest::addColumn<QString>("roleSessionName");
    QTest::addColumn<int>("durationSeconds");
    QTest::addColumn<QByteArray>("tokenCode");
    QTest::addColumn<QString>("sourceIdentity");
    QTest::addColumn<QString>("field");
    QTest::addRow("RoleSessionName with a space")
        << u"my session"_s << 3600 << kTokenCode << QString() << u"RoleSessionName"_s;
    QTest::addRow("RoleSessionName of one character")
        << u"x"_s << 3600 << kTokenCode << QString() << u"RoleSessionName"_s;
    QTest::addRow("DurationSeconds 100") << u"session"_s << 100 << kTokenCode << QString() << u"DurationSeconds"_s;
    QTest::addRow("DurationSeconds 43201") << u"session"_s << 43201 << kTokenCode << QString() << u"DurationSeconds"_s;
    QTest::addRow("TokenCode of five digits")
        << u"session"_s << 3600 << QByteArrayLiteral("90817") << QString() << u"TokenCode"_s;
    QTest::addRow("SourceIdentity starting with aws:")
        << u"session"_s << 3600 << kTokenCode << u"aws:me"_s << u"SourceIdentity"_s;
}

void Tst_StsClient::invalidRequestIsRefusedAndSendsNothing()
{
    QFETCH(QString, roleSessionName);
    QFETCH(int, durationSeconds);
    QFETCH(QByteArray, tokenCode);
    QFETCH(QString, sourceIdentity);
    QFETCH(QString, field);
    auto client = makeClient();
    QVERIFY(client);
    m_server->setDefaultResponse(FaultResponse::xml(StsXml::assumeRole()));
    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/demo"_s;
    request.roleSessionName = roleSessionName;
    request.durationSeconds = durationSeconds;
    request.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    request.tokenCode = SecureBytes(tokenCode);
    request.sourceIdentity = sourceIdentity;
    QPointer<AssumeRoleJob> job = client->assumeRole(request);
    QSignalSpy spy(job.data(), &AssumeRoleJob::finished);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    const auto result = resultOf<AssumeRoleResult>(spy);
    QVERIFY2(!result.ok(), "an invalid request was accepted");
    QCOMPARE(result.error().kind, Error::Kind::Validation);
    QCOMPARE(result.error().field, field);
    QVERIFY2(result.error().message.contains(field), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 0);
}

void Tst_StsClient::signedActionWithoutCredentialsFailsAndSendsNothing()
{
    auto client = makeClient();
    QVERIFY(client);
    client->setCredentials({});
    m_server->setDefaultResponse(FaultResponse::xml(StsXml::getCallerIdentity()));
    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QCOMPARE(m_server->requestCount(), 0);
}

// ---------------------------------------------------------------------------------------------- TLS

void Tst_StsClient::caBundleLoadingReportsProblems()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"bundle.pem"_s);
    QVERIFY(Rolecall::Test::TestPki::writeBundle(good, {m_pki->ca, m_pki->otherCa}));
    const auto loaded = StsClient::loadCaBundle(good);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
    QCOMPARE(loaded->size(), 2);
    QCOMPARE(loaded->at(0), m_pki->ca.certificate());

    const auto missing = StsClient::loadCaBundle(dir.filePath(u"missing.pem"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::Config);

    const QString junk = dir.filePath(u"junk.pem"_s);
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const auto empty = StsClient::loadCaBundle(junk);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, Error::Kind::Config);
}

void Tst_StsClient::httpsTrustsOnlyTheConfiguredCertificates_data()
{
    QTest::addColumn<QString>("serverCertificate");
    QTest::addColumn<QString>("bundle"); // "" = no bundle: the system's CAs
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("reason"); // Qt's text for the certificate error
    const QString unknownIssuer = u"issuer certificate"_s;
    QTest::addRow("test CA in the CA bundle") << u"server"_s << u"ca"_s << true << QString();
    QTest::addRow("system CAs only") << u"server"_s << QString() << false << unknownIssuer;
    QTest::addRow("bundle holds an unrelated CA") << u"server"_s << u"otherCa"_s << false << unknownIssuer;
    QTest::addRow("expired certificate") << u"expired"_s << u"ca"_s << false << u"expired"_s;
    QTest::addRow("certificate for another host") << u"wrongHost"_s << u"ca"_s << false << u"host name"_s;
    QTest::addRow("certificate from an untrusted CA") << u"untrusted"_s << u"ca"_s << false << unknownIssuer;
}

void Tst_StsClient::httpsTrustsOnlyTheConfiguredCertificates()
{
    QFETCH(QString, serverCertificate);
    QFETCH(QString, bundle);
    QFETCH(bool, succeeds);
    QFETCH(QString, reason);
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend");
    const QHash<QString, Rolecall::Test::TestCertificate> certificates = {
        {u"server"_s, m_pki->server},
        {u"expired"_s, m_pki->expired},
        {u"wrongHost"_s, m_pki->wrongHost},
        {u"untrusted"_s, m_pki->untrusted},
        {u"ca"_s, m_pki->ca},
        {u"otherCa"_s, m_pki->otherCa},
    };
    FaultServer tls;
    const Rolecall::Test::TestCertificate presented = certificates.value(serverCertificate);
    QVERIFY2(tls.listenTls(presented.certificate(), presented.key()), qPrintable(tls.errorString()));
    tls.setDefaultResponse(FaultResponse::xml(StsXml::getCallerIdentity()));

    ClientOptions options;
    options.url = tls.url();
    if (!bundle.isEmpty()) {
        // As AWS_CA_BUNDLE would: a PEM file, loaded by the client's own loader.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"ca-bundle.pem"_s);
        QVERIFY(Rolecall::Test::TestPki::writeBundle(path, {certificates.value(bundle)}));
        const auto loaded = StsClient::loadCaBundle(path);
        QVERIFY2(loaded.ok(), qPrintable(describe(loaded)));
        options.caCertificates = loaded.value();
    }
    auto client = makeClient(options);
    QVERIFY(client);
    QCOMPARE(client->config().endpoint.url.scheme(), u"https"_s);

    QPointer<GetCallerIdentityJob> job = client->getCallerIdentity();
    QSignalSpy spy(job.data(), &GetCallerIdentityJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<GetCallerIdentityResult>(spy);
    if (succeeds) {
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(tls.requestCount(), 1);
        QVERIFY(tls.request(0).tls);
        QCOMPARE(tls.request(0).header("Host"), "127.0.0.1:" + QByteArray::number(tls.port()));
        const AwsCredentials signer = temporaryCredentials();
        verifySignature(tls.request(0), signer);
        return;
    }
    QVERIFY2(!result.ok(), "a certificate that must not be trusted was accepted");
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QVERIFY2(result.error().message.contains(reason, Qt::CaseInsensitive), qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(u"AWS_CA_BUNDLE"_s));
    QCOMPARE(tls.requestCount(), 0); // nothing was sent over the untrusted connection
}

// ---------------------------------------------------------------------------------------------- secrets

void Tst_StsClient::errorMessagesNeverContainSecrets_data()
{
    QTest::addColumn<FaultResponse>("response");
    QTest::addColumn<int>("tokenCodeLength");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("AWS error") << FaultResponse::awsError(403, u"AccessDenied"_s, u"Not authorized."_s) << 6
                               << Error::Kind::Aws;
    QTest::addRow("HTTP error") << FaultResponse::plain(404, "Not Found") << 6 << Error::Kind::Http;
    QTest::addRow("timeout") << FaultResponse::hang() << 6 << Error::Kind::Timeout;
    QTest::addRow("reset") << FaultResponse::reset() << 6 << Error::Kind::Network;
    QTest::addRow("parse") << FaultResponse::xml("<AssumeRoleResponse><oops") << 6 << Error::Kind::Parse;
    QTest::addRow("validation of the MFA code") << FaultResponse::hang() << 5 << Error::Kind::Validation;
}

void Tst_StsClient::errorMessagesNeverContainSecrets()
{
    QFETCH(FaultResponse, response);
    QFETCH(int, tokenCodeLength);
    QFETCH(Error::Kind, kind);
    ClientOptions options;
    options.maxAttempts = 1;
    options.transferTimeoutMs = 300;
    auto client = makeClient(options);
    QVERIFY(client);
    m_server->setDefaultResponse(response);
    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::123456789012:role/demo"_s;
    request.roleSessionName = u"session"_s;
    request.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    request.tokenCode = SecureBytes(kTokenCode.left(tokenCodeLength));
    QPointer<AssumeRoleJob> job = client->assumeRole(request);
    QSignalSpy spy(job.data(), &AssumeRoleJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = resultOf<AssumeRoleResult>(spy);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QVERIFY(!result.error().message.isEmpty());
    // cleanup() checks every field of every collected error for the secret, the token and the MFA code;
    // here, the complete debug rendering as well.
    QString rendered;
    QDebug(&rendered) << result.error();
    for (const QByteArray &secret : {kTemporarySecret, kSessionToken, kTokenCode.left(tokenCodeLength)})
        QVERIFY2(!rendered.contains(QString::fromLatin1(secret)), qPrintable(rendered));
}

QTEST_GUILESS_MAIN(Tst_StsClient)
#include "tst_stsclient.moc"
