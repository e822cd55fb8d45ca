// SPDX-License-Identifier: Apache-2.0
// Console sign-in end to end: the loopback fault server plays the federation endpoint
// (getSigninToken), and SigninJob turns its token into a login URL.
#include "faultserver.h"
#include "testpki.h"

#include "console/federation.h"
#include "endpoints/partitions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Console;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::RecordedRequest;

namespace {

constexpr int kWaitMs = 10000;
using LoginResult = Result<SigninJob::Login>;

// AWS's documented example values; the secret and the token carry '+', '/' and '=' on purpose: they
// must reach the endpoint intact, so they have to be percent-encoded in the query.
const QString kAccessKeyId = u"ASIAIOSFODNN7EXAMPLE"_s;
const QByteArray kSecret = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY");
const QByteArray kSessionToken = QByteArrayLiteral("IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVz+LWVhc3Qt/MSJHMEUC=");
const QByteArray kSigninToken = QByteArrayLiteral("EXAMPLE-signin_token+with/plus=and~tilde");

AwsCredentials credentials(AwsCredentials::Origin origin)
{
    AwsCredentials c;
    c.accessKeyId = kAccessKeyId;
    c.secretAccessKey = SecureBytes(kSecret);
    if (origin != AwsCredentials::Origin::LongTerm)
        c.sessionToken = SecureBytes(kSessionToken);
    c.expiration = QDateTime::currentDateTimeUtc().addSecs(3600);
    c.origin = origin;
    return c;
}

// The first value of @p key in an encoded query, percent-decoded ('+' stays '+').
QByteArray queryValue(const QByteArray &encodedQuery, QByteArrayView key)
{
    for (const auto &[k, v] : RecordedRequest::decodeForm(encodedQuery)) {
        if (k == key)
            return v;
    }
    return {};
}

// The raw (still encoded) value of @p key in an encoded query.
QByteArray rawQueryValue(const QByteArray &encodedQuery, QByteArrayView key)
{
    for (const QByteArray &pair : encodedQuery.split('&')) {
        if (pair.startsWith(QByteArray(key.toByteArray() + '=')))
            return pair.mid(key.size() + 1);
    }
    return {};
}

QByteArrayList queryKeys(const QByteArray &encodedQuery)
{
    QByteArrayList keys;
    for (const auto &[k, v] : RecordedRequest::decodeForm(encodedQuery))
        keys.append(k);
    return keys;
}

QString describe(const LoginResult &result)
{
    if (result.ok())
        return u"ok: "_s + result->loginUrl.toString(QUrl::RemoveQuery);
    return Error::kindName(result.error().kind) + u": "_s + result.error().message;
}

void settle()
{
    QTest::qWait(20);
}

} // namespace

#define AWAIT_FINISHED(spy, job)                                                                                       \
    do {                                                                                                               \
        if ((spy).isEmpty())                                                                                           \
            QVERIFY2((spy).wait(kWaitMs), "the sign-in job did not finish");                                           \
        settle();                                                                                                      \
        QCOMPARE((spy).count(), 1);                                                                                    \
        QTRY_VERIFY2((job).isNull(), "the sign-in job did not delete itself");                                         \
    } while (false)

class Tst_Signin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loginUrlCarriesTokenIssuerAndPartitionDestination_data();
    void loginUrlCarriesTokenIssuerAndPartitionDestination();
    void getSigninTokenSendsTheSessionJsonPercentEncoded();
    void sessionDurationIsSentOnlyForRoleCredentials_data();
    void sessionDurationIsSentOnlyForRoleCredentials();
    void unsuitableRequestsAreRefusedBeforeSending_data();
    void unsuitableRequestsAreRefusedBeforeSending();
    void endpointRefusalExplainsWhichCredentialsWork();
    void unreadableTokenAnswerIsAParseError_data();
    void unreadableTokenAnswerIsAParseError();
    void transportFailuresAreReported_data();
    void transportFailuresAreReported();
    void untrustedCertificateIsNeverAccepted();
    void abortWhileWaitingCancelsOnce();
    void abortBeforeStartSendsNothing();
    void federationEndpointHonoursOverrides_data();
    void federationEndpointHonoursOverrides();

private:
    QUrl federationUrl() const;
    SigninJob *startJob(const SigninRequest &request, const QString &partitionId = u"aws"_s, int timeoutMs = 5000);
    void collect(const LoginResult &result)
    {
        if (!result.ok())
            m_errors.append(result.error());
    }

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<QObject> m_jobs; ///< parent of every job: none outlives the test's network
    QList<Error> m_errors;
};

void Tst_Signin::initTestCase()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void Tst_Signin::init()
{
    m_errors.clear();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_jobs = std::make_unique<QObject>();
    m_server = std::make_unique<FaultServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    // The federation endpoint: a token for getSigninToken, HTTP 400 for anything else (as AWS does).
    m_server->setResponder([](const RecordedRequest &request) {
        if (request.method != "GET" || request.path != "/federation" || request.queryValue("Action") != "getSigninToken"
            || request.queryValue("Session").isEmpty())
            return FaultResponse::plain(400, "Bad Request");
        return FaultResponse::json("{\"SigninToken\":\"" + kSigninToken + "\"}");
    });
}

void Tst_Signin::cleanup()
{
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.awsMessage, error.context, error.field}) {
            QVERIFY2(!text.contains(QString::fromLatin1(kSecret)), qPrintable(error.message));
            QVERIFY2(!text.contains(QString::fromLatin1(kSessionToken)), qPrintable(error.message));
            QVERIFY2(!text.contains(QString::fromLatin1(kSigninToken)), qPrintable(error.message));
        }
    }
    m_jobs.reset();
    m_server.reset();
    m_network.reset();
}

QUrl Tst_Signin::federationUrl() const
{
    QUrl url = m_server->url();
    url.setPath(u"/federation"_s);
    return url;
}

SigninJob *Tst_Signin::startJob(const SigninRequest &request, const QString &partitionId, int timeoutMs)
{
    return new SigninJob(
        m_network.get(), federationUrl(), partitionById(partitionId), request, timeoutMs, m_jobs.get());
}

// ---------------------------------------------------------------------------------------------- success

void Tst_Signin::loginUrlCarriesTokenIssuerAndPartitionDestination_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("destination");
    QTest::addRow("aws, console home") << u"aws"_s << QString() << QString() << u"https://console.aws.amazon.com/"_s;
    QTest::addRow("aws, region") << u"aws"_s << u"us-west-2"_s << QString()
                                 << u"https://us-west-2.console.aws.amazon.com/console/home?region=us-west-2"_s;
    QTest::addRow("aws, region and service") << u"aws"_s << u"eu-west-1"_s << u"ec2"_s
                                             << u"https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1"_s;
    QTest::addRow("aws-cn, console home")
        << u"aws-cn"_s << QString() << QString() << u"https://console.amazonaws.cn/"_s;
    QTest::addRow("aws-cn, region and service")
        << u"aws-cn"_s << u"cn-north-1"_s << u"s3"_s << u"https://console.amazonaws.cn/s3/home?region=cn-north-1"_s;
    QTest::addRow("aws-us-gov, console home")
        << u"aws-us-gov"_s << QString() << QString() << u"https://console.amazonaws-us-gov.com/"_s;
    QTest::addRow("aws-us-gov, region and service")
        << u"aws-us-gov"_s << u"us-gov-west-1"_s << u"ec2"_s
        << u"https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1"_s;
}

void Tst_Signin::loginUrlCarriesTokenIssuerAndPartitionDestination()
{
    QFETCH(QString, partition);
    QFETCH(QString, region);
    QFETCH(QString, service);
    QFETCH(QString, destination);
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    request.destination.region = region;
    request.destination.service = service;
    request.issuer = u"https://example.com/rolecall?tool=test&v=1"_s;

    QPointer<SigninJob> job = startJob(request, partition);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 1);

    const QUrl login = result->loginUrl;
    QCOMPARE(login.scheme(), u"http"_s);
    QCOMPARE(login.host(), u"127.0.0.1"_s);
    QCOMPARE(login.port(), int(m_server->port()));
    QCOMPARE(login.path(), u"/federation"_s);
    const QByteArray query = login.query(QUrl::FullyEncoded).toLatin1();
    QCOMPARE(queryKeys(query), (QByteArrayList {"Action", "Issuer", "Destination", "SigninToken"}));
    QCOMPARE(queryValue(query, "Action"), QByteArrayLiteral("login"));
    QCOMPARE(queryValue(query, "Issuer"), request.issuer.toUtf8());
    QCOMPARE(queryValue(query, "Destination"), destination.toUtf8());
    QCOMPARE(queryValue(query, "SigninToken"), kSigninToken);
    // Nested URLs and the token are encoded, so their '&', '?', '=' and '+' cannot split the query.
    QVERIFY2(!rawQueryValue(query, "Destination").contains('?'), query.constData());
    QVERIFY2(!rawQueryValue(query, "Issuer").contains('&'), query.constData());
    QVERIFY2(!rawQueryValue(query, "SigninToken").contains('+'), query.constData());
    QCOMPARE(result->destination, QUrl(destination));
}

void Tst_Signin::getSigninTokenSendsTheSessionJsonPercentEncoded()
{
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    request.sessionDurationSeconds = 3600;
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(result.ok(), qPrintable(describe(result)));

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest sent = m_server->request(0);
    QCOMPARE(sent.method, QByteArrayLiteral("GET"));
    QCOMPARE(sent.path, QByteArrayLiteral("/federation"));
    QVERIFY(sent.body.isEmpty());
    QVERIFY(sent.header("User-Agent").startsWith("rolecall/"));
    QVERIFY2(!sent.hasHeader("Authorization"), "the federation endpoint takes the session in the query only");
    QCOMPARE(queryKeys(sent.query), (QByteArrayList {"Action", "SessionDuration", "Session"}));
    QCOMPARE(sent.queryValue("Action"), QByteArrayLiteral("getSigninToken"));
    QCOMPARE(sent.queryValue("SessionDuration"), QByteArrayLiteral("3600"));

    // '+' on the wire would reach AWS as a space; '/' and '=' are encoded as RFC 3986 asks.
    const QByteArray rawSession = rawQueryValue(sent.query, "Session");
    QVERIFY2(!rawSession.contains('+'), rawSession.constData());
    QVERIFY2(!rawSession.contains('/'), rawSession.constData());
    QVERIFY2(rawSession.contains("%2B"), rawSession.constData());
    QVERIFY2(rawSession.contains("%2F"), rawSession.constData());

    QJsonParseError parseError {};
    const QJsonDocument json = QJsonDocument::fromJson(sent.queryValue("Session"), &parseError);
    QVERIFY2(json.isObject(), qPrintable(parseError.errorString()));
    const QJsonObject session = json.object();
    QCOMPARE(session.keys(), (QStringList {u"sessionId"_s, u"sessionKey"_s, u"sessionToken"_s}));
    QCOMPARE(session.value(u"sessionId"_s).toString(), kAccessKeyId);
    QCOMPARE(session.value(u"sessionKey"_s).toString().toLatin1(), kSecret);
    QCOMPARE(session.value(u"sessionToken"_s).toString().toLatin1(), kSessionToken);
}

void Tst_Signin::sessionDurationIsSentOnlyForRoleCredentials_data()
{
    QTest::addColumn<AwsCredentials::Origin>("origin");
    QTest::addColumn<int>("duration"); // 0: none asked for
    QTest::addColumn<QByteArray>("sent"); // null: no SessionDuration parameter
    QTest::addRow("role credentials, 43200 s")
        << AwsCredentials::Origin::AssumedRole << 43200 << QByteArrayLiteral("43200");
    QTest::addRow("role credentials, 900 s") << AwsCredentials::Origin::AssumedRole << 900 << QByteArrayLiteral("900");
    QTest::addRow("role credentials, no duration") << AwsCredentials::Origin::AssumedRole << 0 << QByteArray();
    QTest::addRow("federation token, duration ignored")
        << AwsCredentials::Origin::FederationToken << 3600 << QByteArray();
    QTest::addRow("federation token, no duration") << AwsCredentials::Origin::FederationToken << 0 << QByteArray();
}

void Tst_Signin::sessionDurationIsSentOnlyForRoleCredentials()
{
    QFETCH(AwsCredentials::Origin, origin);
    QFETCH(int, duration);
    QFETCH(QByteArray, sent);
    SigninRequest request;
    request.credentials = credentials(origin);
    if (duration > 0)
        request.sessionDurationSeconds = duration;
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest recorded = m_server->request(0);
    QCOMPARE(queryKeys(recorded.query).contains("SessionDuration"), !sent.isNull());
    QCOMPARE(recorded.queryValue("SessionDuration"), sent);
}

// ---------------------------------------------------------------------------------------------- refusals

void Tst_Signin::unsuitableRequestsAreRefusedBeforeSending_data()
{
    QTest::addColumn<AwsCredentials::Origin>("origin");
    QTest::addColumn<bool>("roleChained");
    QTest::addColumn<int>("duration");
    QTest::addColumn<QUrl>("explicitDestination");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("long-term keys") << AwsCredentials::Origin::LongTerm << false << 0 << QUrl() << Error::Kind::Config
                                    << u"long-term"_s;
    QTest::addRow("GetSessionToken credentials") << AwsCredentials::Origin::SessionToken << false << 0 << QUrl()
                                                 << Error::Kind::Config << u"GetFederationToken"_s;
    QTest::addRow("role-chained, 7200 s") << AwsCredentials::Origin::AssumedRole << true << 7200 << QUrl()
                                          << Error::Kind::Validation << u"SessionDuration"_s;
    QTest::addRow("duration below 900 s") << AwsCredentials::Origin::AssumedRole << false << 600 << QUrl()
                                          << Error::Kind::Validation << u"SessionDuration"_s;
    QTest::addRow("duration above 43200 s") << AwsCredentials::Origin::AssumedRole << false << 43201 << QUrl()
                                            << Error::Kind::Validation << u"SessionDuration"_s;
    QTest::addRow("plain-http destination")
        << AwsCredentials::Origin::AssumedRole << false << 0 << QUrl(u"http://console.aws.amazon.com/"_s)
        << Error::Kind::Validation << u"Destination"_s;
}

void Tst_Signin::unsuitableRequestsAreRefusedBeforeSending()
{
    QFETCH(AwsCredentials::Origin, origin);
    QFETCH(bool, roleChained);
    QFETCH(int, duration);
    QFETCH(QUrl, explicitDestination);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, mentions);
    SigninRequest request;
    request.credentials = credentials(origin);
    request.roleChained = roleChained;
    if (duration > 0)
        request.sessionDurationSeconds = duration;
    request.destination.explicitUrl = explicitDestination;
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    QTest::qWait(50);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(!result.ok(), "an unsuitable sign-in request was sent");
    QCOMPARE(result.error().kind, kind);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    QCOMPARE(m_server->requestCount(), 0);
}

void Tst_Signin::endpointRefusalExplainsWhichCredentialsWork()
{
    m_server->setResponder({});
    m_server->setDefaultResponse(FaultResponse::plain(400, "Bad Request"));
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().httpStatus, 400);
    const QString &message = result.error().message;
    QVERIFY2(message.contains(u"AssumeRole"_s), qPrintable(message));
    QVERIFY2(message.contains(u"GetFederationToken"_s), qPrintable(message));
    QCOMPARE(m_server->requestCount(), 1);
}

void Tst_Signin::unreadableTokenAnswerIsAParseError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("HTML") << QByteArrayLiteral("<html><body>Sign in</body></html>");
    QTest::addRow("no SigninToken") << QByteArrayLiteral("{\"Token\":\"abc\"}");
    QTest::addRow("empty SigninToken") << QByteArrayLiteral("{\"SigninToken\":\"\"}");
    QTest::addRow("JSON array") << QByteArrayLiteral("[\"SigninToken\"]");
}

void Tst_Signin::unreadableTokenAnswerIsAParseError()
{
    QFETCH(QByteArray, body);
    m_server->setResponder({});
    m_server->setDefaultResponse(FaultResponse::json(body));
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::FederationToken);
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(!result.ok(), "a login URL was built without a sign-in token");
    QCOMPARE(result.error().kind, Error::Kind::Parse);
}

void Tst_Signin::transportFailuresAreReported_data()
{
    QTest::addColumn<FaultResponse>("response");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("no answer") << FaultResponse::hang() << Error::Kind::Timeout;
    QTest::addRow("connection reset") << FaultResponse::reset() << Error::Kind::Network;
    QTest::addRow("server error") << FaultResponse::plain(503) << Error::Kind::Http;
}

void Tst_Signin::transportFailuresAreReported()
{
    QFETCH(FaultResponse, response);
    QFETCH(Error::Kind, kind);
    m_server->setResponder({});
    m_server->setDefaultResponse(response);
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    QPointer<SigninJob> job = startJob(request, u"aws"_s, 300);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QVERIFY(!result.error().message.isEmpty());
}

void Tst_Signin::untrustedCertificateIsNeverAccepted()
{
    // The federation endpoint is checked against the system's CAs; a certificate from the test CA
    // is unknown there and must fail the job, with nothing sent over the connection.
    const Rolecall::Test::TestPki pki;
    QVERIFY2(pki.isValid(), qPrintable(pki.errorString()));
    FaultServer tls;
    QVERIFY2(tls.listenTls(pki.server.certificate(), pki.server.key()), qPrintable(tls.errorString()));
    tls.setDefaultResponse(FaultResponse::json("{\"SigninToken\":\"" + kSigninToken + "\"}"));
    QUrl url = tls.url();
    url.setPath(u"/federation"_s);

    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    QPointer<SigninJob> job = new SigninJob(m_network.get(), url, partitionById(u"aws"_s), request, 5000, m_jobs.get());
    QSignalSpy spy(job.data(), &SigninJob::finished);
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY2(!result.ok(), "an untrusted certificate was accepted");
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QCOMPARE(tls.requestCount(), 0);
}

void Tst_Signin::abortWhileWaitingCancelsOnce()
{
    m_server->setResponder({});
    m_server->setDefaultResponse(FaultResponse::hang());
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
    QVERIFY(received.wait(kWaitMs));
    QVERIFY(job);
    job->abort();
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(spy.count(), 1);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void Tst_Signin::abortBeforeStartSendsNothing()
{
    SigninRequest request;
    request.credentials = credentials(AwsCredentials::Origin::AssumedRole);
    QPointer<SigninJob> job = startJob(request);
    QSignalSpy spy(job.data(), &SigninJob::finished);
    job->abort();
    AWAIT_FINISHED(spy, job);
    const auto result = spy.at(0).at(0).value<LoginResult>();
    collect(result);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

// ---------------------------------------------------------------------------------------------- endpoint

void Tst_Signin::federationEndpointHonoursOverrides_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("environment"); // ROLECALL_FEDERATION_URL
    QTest::addColumn<QString>("expected"); // empty: a Config error
    QTest::addRow("aws default") << u"aws"_s << QString() << QString() << u"https://signin.aws.amazon.com/federation"_s;
    QTest::addRow("aws-cn default") << u"aws-cn"_s << QString() << QString()
                                    << u"https://signin.amazonaws.cn/federation"_s;
    QTest::addRow("aws-us-gov default") << u"aws-us-gov"_s << QString() << QString()
                                        << u"https://signin.amazonaws-us-gov.com/federation"_s;
    QTest::addRow("aws-iso has none") << u"aws-iso"_s << QString() << QString() << QString();
    QTest::addRow("environment, https") << u"aws"_s << QString() << u"https://signin.example.com/federation"_s
                                        << u"https://signin.example.com/federation"_s;
    QTest::addRow("environment, http to 127.0.0.1")
        << u"aws"_s << QString() << u"http://127.0.0.1:8080/federation"_s << u"http://127.0.0.1:8080/federation"_s;
    QTest::addRow("environment, http to localhost")
        << u"aws"_s << QString() << u"http://localhost:8080/federation"_s << u"http://localhost:8080/federation"_s;
    QTest::addRow("environment, http to ::1")
        << u"aws"_s << QString() << u"http://[::1]:8080/federation"_s << u"http://[::1]:8080/federation"_s;
    QTest::addRow("environment, http to a remote host")
        << u"aws"_s << QString() << u"http://signin.example.com/federation"_s << QString();
    QTest::addRow("environment, http to a LAN address")
        << u"aws"_s << QString() << u"http://192.168.1.10/federation"_s << QString();
    QTest::addRow("environment, not a web URL")
        << u"aws"_s << QString() << u"ftp://127.0.0.1/federation"_s << QString();
    QTest::addRow("environment for a partition without one")
        << u"aws-iso"_s << QString() << u"https://signin.example.com/federation"_s
        << u"https://signin.example.com/federation"_s;
    QTest::addRow("setting beats environment")
        << u"aws"_s << u"https://a.example.com/federation"_s << u"https://b.example.com/federation"_s
        << u"https://a.example.com/federation"_s;
    QTest::addRow("setting, http to a remote host")
        << u"aws"_s << u"http://a.example.com/federation"_s << QString() << QString();
}

void Tst_Signin::federationEndpointHonoursOverrides()
{
    QFETCH(QString, partition);
    QFETCH(QString, setting);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!environment.isEmpty())
        env.insert(u"ROLECALL_FEDERATION_URL"_s, environment);
    const Result<QUrl> endpoint = federationEndpoint(partitionById(partition), setting, env);
    if (expected.isEmpty()) {
        QVERIFY2(!endpoint.ok(), qPrintable(endpoint.ok() ? endpoint->toString() : QString()));
        QCOMPARE(endpoint.error().kind, Error::Kind::Config);
        QVERIFY(!endpoint.error().message.isEmpty());
        return;
    }
    QVERIFY2(endpoint.ok(), qPrintable(endpoint.ok() ? QString() : endpoint.error().message));
    QCOMPARE(endpoint.value(), QUrl(expected));
}

QTEST_GUILESS_MAIN(Tst_Signin)
#include "tst_signin.moc"
