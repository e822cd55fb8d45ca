// SPDX-License-Identifier: Apache-2.0
// ContainerServer in-process: raw HTTP over loopback TCP (requests no SDK would send: duplicate or malformed
// headers, bodies, oversize heads, silence), a ManualClock to walk through the refresh window, and a refresh
// callback the test answers when it wants to.
#include "credentials/containerserver.h"
#include "util/clock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace {

constexpr int kWaitMs = 10000;

// AWS's documented example values. Never real credentials.
const auto kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;
const auto kToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSP"_L1;

struct HttpAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

AwsCredentials credentials(const QString &keyId, const QDateTime &expiration)
{
    AwsCredentials c;
    c.accessKeyId = keyId;
    c.secretAccessKey = SecureBytes(QByteArrayView(kSecret.data(), kSecret.size()));
    c.sessionToken = SecureBytes(QByteArrayView(kToken.data(), kToken.size()));
    c.expiration = expiration;
    c.origin = AwsCredentials::Origin::AssumedRole;
    return c;
}

} // namespace

class Tst_ContainerServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void onlyTheExactRequestIsServed_data();
    void onlyTheExactRequestIsServed();
    void oversizeRequestIsRefused();
    void silentClientGetsATimeout();
    void endpointIsRandomAndLoopback();
    void longTermKeysAreRefused();
    void exportToPointsTheChildAtTheEndpoint();

    void freshCredentialsAreServedWithoutRefresh();
    void refreshInsideTheWindow();
    void concurrentRequestsShareOneRefresh();
    void failedRefreshServesWhatIsLeftButNeverExpired();
    void refreshesAreSpacedOut();

private:
    void start(const AwsCredentials &initial, ContainerServerSettings settings = {});
    /// Sends @p request (with %PATH% and %TOKEN% replaced) and reads until the server closes.
    HttpAnswer exchange(QByteArray request);
    HttpAnswer get() { return exchange("GET %PATH% HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %TOKEN%\r\n\r\n"); }

    ManualClock m_clock;
    std::unique_ptr<ContainerServer> m_server;
    int m_refreshCalls = 0;
    QList<Result<AwsCredentials>> m_refreshAnswers; ///< answered at once, in order; empty: kept pending
    std::function<void(Result<AwsCredentials>)> m_pendingRefresh;
};

void Tst_ContainerServer::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_refreshCalls = 0;
    m_refreshAnswers.clear();
    m_pendingRefresh = {};
}

void Tst_ContainerServer::cleanup()
{
    m_server.reset();
    m_pendingRefresh = {};
}

void Tst_ContainerServer::start(const AwsCredentials &initial, ContainerServerSettings settings)
{
    m_server = std::make_unique<ContainerServer>(
        &m_clock,
        [this](std::function<void(Result<AwsCredentials>)> done) {
            ++m_refreshCalls;
            if (m_refreshAnswers.isEmpty())
                m_pendingRefresh = std::move(done);
            else
                done(m_refreshAnswers.takeFirst());
        },
        settings);
    const auto started = m_server->start(initial);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
}

HttpAnswer Tst_ContainerServer::exchange(QByteArray request)
{
    request.replace("%PATH%", m_server->url().path().toLatin1());
    request.replace("%TOKEN%", m_server->authorizationToken().unsecureCopy());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->url().port()));
    HttpAnswer answer;
    if (!socket.waitForConnected(kWaitMs))
        return answer;
    socket.write(request);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    // The server lives in this thread: let it run while waiting.
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < kWaitMs) {
        QTest::qWait(5);
        received += socket.readAll();
    }
    received += socket.readAll();
    const qsizetype split = received.indexOf("\r\n\r\n");
    if (split < 0)
        return answer;
    answer.head = received.left(split);
    answer.body = received.mid(split + 4);
    answer.status = answer.head.split(' ').value(1).toInt();
    return answer;
}

// ---------------------------------------------------------------------------------------------- HTTP

void Tst_ContainerServer::onlyTheExactRequestIsServed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray host = "Host: 127.0.0.1\r\n";
    QTest::addRow("the SDKs' request") << QByteArray(
        "GET %PATH% HTTP/1.1\r\n" + host + "Authorization: %TOKEN%\r\n\r\n")
                                       << 200;
    QTest::addRow("header name in any case")
        << QByteArray("GET %PATH% HTTP/1.1\r\nauthorization: %TOKEN%\r\n\r\n") << 200;
    QTest::addRow("bare LF line ends") << QByteArray("GET %PATH% HTTP/1.0\nAuthorization: %TOKEN%\n\n") << 200;
    QTest::addRow("no Authorization") << QByteArray("GET %PATH% HTTP/1.1\r\n" + host + "\r\n") << 401;
    QTest::addRow("empty Authorization") << QByteArray("GET %PATH% HTTP/1.1\r\nAuthorization: \r\n\r\n") << 401;
    QTest::addRow("Bearer prefix") << QByteArray("GET %PATH% HTTP/1.1\r\nAuthorization: Bearer %TOKEN%\r\n\r\n") << 401;
    QTest::addRow("token prefix only") << QByteArray("GET %PATH% HTTP/1.1\r\nAuthorization: x%TOKEN%\r\n\r\n") << 401;
    QTest::addRow("two Authorization headers")
        << QByteArray("GET %PATH% HTTP/1.1\r\nAuthorization: %TOKEN%\r\nAuthorization: %TOKEN%\r\n\r\n") << 401;
    QTest::addRow("wrong token, wrong path") << QByteArray("GET /other HTTP/1.1\r\nAuthorization: nope\r\n\r\n") << 401;
    QTest::addRow("POST") << QByteArray("POST %PATH% HTTP/1.1\r\nAuthorization: %TOKEN%\r\n\r\n") << 405;
    QTest::addRow("PUT") << QByteArray("PUT %PATH% HTTP/1.1\r\nAuthorization: %TOKEN%\r\n\r\n") << 405;
    QTest::addRow("other path") << QByteArray("GET /other HTTP/1.1\r\nAuthorization: %TOKEN%\r\n\r\n") << 404;
    QTest::addRow("path with query") << QByteArray("GET %PATH%?x=1 HTTP/1.1\r\nAuthorization: %TOKEN%\r\n\r\n") << 404;
    QTest::addRow("GET with a body") << QByteArray(
        "GET %PATH% HTTP/1.1\r\nAuthorization: %TOKEN%\r\nContent-Length: 5\r\n\r\nhello")
                                     << 400;
    QTest::addRow("chunked GET") << QByteArray(
        "GET %PATH% HTTP/1.1\r\nAuthorization: %TOKEN%\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                 << 400;
    QTest::addRow("malformed request line") << QByteArray("GET%PATH%\r\nAuthorization: %TOKEN%\r\n\r\n") << 400;
    QTest::addRow("not HTTP") << QByteArray("GET %PATH% SMTP/1.0\r\nAuthorization: %TOKEN%\r\n\r\n") << 400;
    QTest::addRow("header without colon") << QByteArray("GET %PATH% HTTP/1.1\r\nAuthorization %TOKEN%\r\n\r\n") << 400;
}

void Tst_ContainerServer::onlyTheExactRequestIsServed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const QDateTime expiration = m_clock.nowUtc().addSecs(3600);
    start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, expiration));
    const HttpAnswer answer = exchange(request);
    QCOMPARE(answer.status, status);
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(answer.head.contains("Cache-Control: no-store"));
    const QJsonObject body = answer.json();
    if (status == 200) {
        QCOMPARE(body.keys(), QStringList({u"AccessKeyId"_s, u"Expiration"_s, u"SecretAccessKey"_s, u"Token"_s}));
        QCOMPARE(body.value(u"AccessKeyId"_s).toString(), u"ASIAIOSFODNN7EXAMPLE"_s);
        QCOMPARE(body.value(u"SecretAccessKey"_s).toString(), QString(kSecret));
        QCOMPARE(body.value(u"Token"_s).toString(), QString(kToken));
        QCOMPARE(body.value(u"Expiration"_s).toString(), expiration.toString(Qt::ISODate));
        QCOMPARE(m_server->servedCount(), 1);
    } else {
        QVERIFY2(!answer.body.contains(kSecret.data()), answer.body.constData());
        QVERIFY(!body.value(u"code"_s).toString().isEmpty());
        QCOMPARE(m_server->servedCount(), 0);
    }
    if (status == 405)
        QVERIFY(answer.head.contains("Allow: GET"));
    QCOMPARE(m_server->unauthorizedCount(), status == 401 ? 1 : 0);
    QCOMPARE(m_refreshCalls, 0);
}

void Tst_ContainerServer::oversizeRequestIsRefused()
{
    start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, m_clock.nowUtc().addSecs(3600)));
    const HttpAnswer answer = exchange("GET %PATH% HTTP/1.1\r\nX-Padding: " + QByteArray(64 * 1024, 'a'));
    QCOMPARE(answer.status, 431);
    QCOMPARE(m_server->servedCount(), 0);
}

void Tst_ContainerServer::silentClientGetsATimeout()
{
    ContainerServerSettings settings;
    settings.requestTimeoutMs = 200;
    start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, m_clock.nowUtc().addSecs(3600)), settings);
    QElapsedTimer timer;
    timer.start();
    const HttpAnswer answer = exchange("GET %PATH% HTTP/1.1\r\n"); // the head never ends
    QCOMPARE(answer.status, 408);
    QVERIFY(timer.elapsed() < kWaitMs);
}

void Tst_ContainerServer::endpointIsRandomAndLoopback()
{
    start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, m_clock.nowUtc().addSecs(3600)));
    ContainerServer other(&m_clock, [](auto done) { done(Error::cancelled(u"test"_s)); });
    QVERIFY(other.start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, m_clock.nowUtc().addSecs(3600))).ok());
    for (const ContainerServer *server : {m_server.get(), &other}) {
        const QUrl url = server->url();
        QCOMPARE(url.scheme(), u"http"_s);
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QCOMPARE(url.path().size(), 1 + 24); // "/" + 18 random bytes, base64url
        QCOMPARE(server->authorizationToken().size(), 43); // 32 random bytes, base64url
        const QByteArray token = server->authorizationToken().unsecureCopy();
        QVERIFY(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors)
                    .size()
            == 32);
    }
    QVERIFY(m_server->url().path() != other.url().path());
    QVERIFY(!(m_server->authorizationToken() == other.authorizationToken()));
    // Each token opens only its own endpoint.
    QCOMPARE(get().status, 200);
}

void Tst_ContainerServer::longTermKeysAreRefused()
{
    ContainerServer server(&m_clock, [](auto done) { done(Error::cancelled(u"test"_s)); });
    AwsCredentials keys = credentials(u"AKIAIOSFODNN7EXAMPLE"_s, {});
    keys.sessionToken.clear();
    const auto started = server.start(keys);
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::Config);
    QVERIFY(!server.isListening());
}

void Tst_ContainerServer::exportToPointsTheChildAtTheEndpoint()
{
    start(credentials(u"ASIAIOSFODNN7EXAMPLE"_s, m_clock.nowUtc().addSecs(3600)));
    QProcessEnvironment env;
    for (const QString &name : {u"AWS_ACCESS_KEY_ID"_s, u"AWS_SECRET_ACCESS_KEY"_s, u"AWS_SESSION_TOKEN"_s,
             u"AWS_SECURITY_TOKEN"_s, u"AWS_CREDENTIAL_EXPIRATION"_s, u"AWS_PROFILE"_s, u"AWS_DEFAULT_PROFILE"_s,
             u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s, u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s})
        env.insert(name, u"stale"_s);
    env.insert(u"AWS_REGION"_s, u"eu-west-1"_s);
    env.insert(u"https_proxy"_s, u"http://proxy.example.com:3128"_s);
    env.insert(u"NO_PROXY"_s, u"example.com"_s);
    m_server->exportTo(env);
    QCOMPARE(env.value(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s), m_server->url().toString());
    QCOMPARE(
        env.value(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s).toLatin1(), m_server->authorizationToken().unsecureCopy());
    QCOMPARE(env.value(u"AWS_REGION"_s), u"eu-west-1"_s);
    QCOMPARE(env.value(u"NO_PROXY"_s), u"example.com,127.0.0.1"_s);
    QCOMPARE(env.value(u"no_proxy"_s), u"127.0.0.1"_s);
    QStringList aws;
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"AWS_"_s))
            aws.append(name);
    }
    aws.sort();
    QCOMPARE(aws,
        QStringList(
            {u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, u"AWS_REGION"_s}));
}

// ---------------------------------------------------------------------------------------------- refresh

void Tst_ContainerServer::freshCredentialsAreServedWithoutRefresh()
{
    start(credentials(u"ASIAFIRST"_s, m_clock.nowUtc().addSecs(600)));
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIAFIRST"_s);
    m_clock.advance(299 * 1000); // 301 s left: outside the 300 s window
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIAFIRST"_s);
    QCOMPARE(m_refreshCalls, 0);
}

void Tst_ContainerServer::refreshInsideTheWindow()
{
    start(credentials(u"ASIAFIRST"_s, m_clock.nowUtc().addSecs(600)));
    QSignalSpy refreshed(m_server.get(), &ContainerServer::refreshed);
    m_clock.advance(301 * 1000); // 299 s left
    const QDateTime later = m_clock.nowUtc().addSecs(3600);
    m_refreshAnswers.append(credentials(u"ASIASECOND"_s, later));
    const HttpAnswer answer = get();
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"AccessKeyId"_s).toString(), u"ASIASECOND"_s);
    QCOMPARE(m_refreshCalls, 1);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(m_server->expiration(), later);
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIASECOND"_s);
    QCOMPARE(m_refreshCalls, 1);
}

void Tst_ContainerServer::concurrentRequestsShareOneRefresh()
{
    start(credentials(u"ASIAFIRST"_s, m_clock.nowUtc().addSecs(100)));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    const QByteArray request = "GET " + m_server->url().path().toLatin1()
        + " HTTP/1.1\r\nAuthorization: " + m_server->authorizationToken().unsecureCopy() + "\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->url().port()));
        QVERIFY(socket->waitForConnected(kWaitMs));
        socket->write(request);
        sockets.push_back(std::move(socket));
    }
    QTRY_VERIFY_WITH_TIMEOUT(bool(m_pendingRefresh), kWaitMs);
    QTest::qWait(100); // all three are in, waiting
    QCOMPARE(m_refreshCalls, 1);
    m_pendingRefresh(credentials(u"ASIASECOND"_s, m_clock.nowUtc().addSecs(3600)));
    for (const auto &socket : sockets) {
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, kWaitMs);
        const QByteArray received = socket->readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200 "), received.left(40).constData());
        QVERIFY(received.contains("\"AccessKeyId\":\"ASIASECOND\""));
    }
    QCOMPARE(m_refreshCalls, 1);
    QCOMPARE(m_server->servedCount(), 3);
}

void Tst_ContainerServer::failedRefreshServesWhatIsLeftButNeverExpired()
{
    start(credentials(u"ASIAFIRST"_s, m_clock.nowUtc().addSecs(240)));
    QSignalSpy failed(m_server.get(), &ContainerServer::refreshFailed);
    // Four minutes left, the refresh fails: what is left is still good.
    m_refreshAnswers.append(Error::network(u"Connection refused"_s, u"AssumeRole"_s));
    HttpAnswer answer = get();
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"AccessKeyId"_s).toString(), u"ASIAFIRST"_s);
    QCOMPARE(failed.size(), 1);
    // 50 s left (under the 60 s minimum) and still no luck: nothing is served.
    m_clock.advance(190 * 1000);
    m_refreshAnswers.append(Error::network(u"Connection refused"_s, u"AssumeRole"_s));
    answer = get();
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.json().value(u"code"_s).toString(), u"CredentialsUnavailable"_s);
    QVERIFY(!answer.body.contains("ASIAFIRST"));
    QCOMPARE(m_refreshCalls, 2);
    // Expired and a refresh gives long-term keys or expired ones: still nothing.
    m_clock.advance(120 * 1000);
    AwsCredentials keys = credentials(u"AKIAIOSFODNN7EXAMPLE"_s, {});
    keys.sessionToken.clear();
    m_refreshAnswers.append(keys);
    QCOMPARE(get().status, 503);
    m_refreshAnswers.append(credentials(u"ASIASTALE"_s, m_clock.nowUtc().addSecs(-10)));
    QCOMPARE(get().status, 503);
    QCOMPARE(m_server->servedCount(), 1);
}

void Tst_ContainerServer::refreshesAreSpacedOut()
{
    // A session shorter than the window: each refresh gives credentials that are inside it again.
    ContainerServerSettings settings;
    settings.refreshWindowSeconds = 1800;
    start(credentials(u"ASIAFIRST"_s, m_clock.nowUtc().addSecs(900)), settings);
    m_refreshAnswers.append(credentials(u"ASIASECOND"_s, m_clock.nowUtc().addSecs(900)));
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIASECOND"_s);
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIASECOND"_s);
    m_clock.advance(29 * 1000);
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIASECOND"_s);
    QCOMPARE(m_refreshCalls, 1);
    m_clock.advance(2 * 1000);
    m_refreshAnswers.append(credentials(u"ASIATHIRD"_s, m_clock.nowUtc().addSecs(900)));
    QCOMPARE(get().json().value(u"AccessKeyId"_s).toString(), u"ASIATHIRD"_s);
    QCOMPARE(m_refreshCalls, 2);
}

QTEST_GUILESS_MAIN(Tst_ContainerServer)
#include "tst_containerserver.moc"
