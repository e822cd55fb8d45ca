// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QTcpServer;

namespace Rolecall::Test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One HTTP request as the fault server received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // the request target as sent, e.g. "/?Action=…"
    QByteArray path; // target up to '?'
    QByteArray query; // raw query after '?', still percent-encoded
    QByteArray version; // "HTTP/1.1"
    HeaderList headers; // in arrival order, names as sent
    QByteArray body;
    qint64 arrivalMs = 0; // when the request was complete, ms since the server was created
    bool tls = false;

    // The first header called @p name (case-insensitive), or a null array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Body parameters of an application/x-www-form-urlencoded request, percent-decoded, in order.
    QList<std::pair<QByteArray, QByteArray>> formParameters() const { return decodeForm(body); }
    // Query parameters, percent-decoded, in order.
    QList<std::pair<QByteArray, QByteArray>> queryParameters() const { return decodeForm(query); }
    // First decoded value of @p key in the body, or a null array.
    QByteArray formValue(QByteArrayView key) const;
    QByteArray queryValue(QByteArrayView key) const;

    // Splits `a=b&c=d` and percent-decodes both sides ('+' is NOT a space: RFC 3986, as AWS reads it).
    static QList<std::pair<QByteArray, QByteArray>> decodeForm(QByteArrayView encoded);
};

// One scripted answer.
struct FaultResponse
{
    enum class Behaviour
    {
        Normal, // status line, headers, body, then a graceful close
        Hang, // read the request, never answer (the connection stays open until the client gives up)
        Reset, // close with a TCP RST (SO_LINGER {1, 0}) instead of answering
        Truncate, // headers with the full Content-Length, only the first `truncateAt` body bytes, then close
        Drip, // headers at once, then the body one byte every `dripIntervalMs` (slow-loris)
        Stall, // headers with the full Content-Length, the first `truncateAt` body bytes, then silence
        DripHead, // the status line and headers one byte every `dripIntervalMs`, the head never finished
        Flood, // headers without Content-Length, then `body` repeated for `floodBytes` bytes, as fast as read
    };

    int status = 200;
    HeaderList headers;
    QByteArray body;
    Behaviour behaviour = Behaviour::Normal;
    // Wait this long after the request before acting.
    int delayMs = 0;
    // Drip: pause between two body bytes.
    int dripIntervalMs = 20;
    // Truncate / Stall: body bytes actually sent; -1 means half of the body.
    qsizetype truncateAt = -1;
    // Flood: body bytes sent in all (at most kMaxFloodBytes); the connection is closed after them.
    qint64 floodBytes = 0;

    FaultResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FaultResponse &withDelay(int ms);

    // An XML body (text/xml), as STS answers; HTTP 200 unless told otherwise.
    static FaultResponse xml(const QByteArray &body, int status = 200);
    // A JSON body (application/json), as the federation endpoint answers.
    static FaultResponse json(const QByteArray &body, int status = 200);
    // An AWS Query-protocol error document with HTTP @p status and the matching x-amzn-RequestId header.
    static FaultResponse awsError(int status, const QString &code, const QString &message,
        const QString &requestId = QStringLiteral("8ea3e2d4-6b5f-4c8a-9f39-EXAMPLE00001"),
        const QString &type = QStringLiteral("Sender"));
    // An HTTP error with a plain-text body that is not an AWS error document.
    static FaultResponse plain(int status, const QByteArray &body = {});
    static FaultResponse hang();
    static FaultResponse reset();
    static FaultResponse truncate(const QByteArray &body, qsizetype sendBytes = -1);
    static FaultResponse drip(const QByteArray &body, int intervalMs);
    static FaultResponse stall(const QByteArray &body, qsizetype sendBytes);
    // Slow-loris on the head: never completes the headers (one byte every @p intervalMs).
    static FaultResponse dripHead(int intervalMs);
    // HTTP 200 with a close-delimited body of @p totalBytes (repeating @p pattern), paced by the reader.
    static FaultResponse flood(qint64 totalBytes, const QByteArray &pattern = QByteArrayLiteral("<a>flood</a>\n"));
};

// A loopback HTTP/1.1 server (127.0.0.1, ephemeral port; optionally TLS) that plays scripted faults
// for the STS client and the console federation code: throttling, 5xx, hangs, resets, truncated and
// slow answers, oversized answers, clock-skew errors, bad certificates.
//
// Each request gets the next response from the FIFO queue; when the queue is empty, the responder
// (if set) answers, else the default response (HTTP 501, deliberately not retryable). Every
// request is recorded. Every connection is answered with `Connection: close`, so one connection
// carries exactly one exchange and the client cannot reuse a socket the server is about to break.
//
//     FaultServer server;
//     QVERIFY(server.listen());
//     server.enqueue(FaultResponse::awsError(400, u"Throttling"_s, u"Rate exceeded"_s));
//     server.enqueue(FaultResponse::xml(StsXml::getCallerIdentity()));
//     … point the client at server.url() …
//     QCOMPARE(server.requestCount(), 2);
//
// Bounded: request heads ≤ 64 KiB, bodies ≤ 8 MiB, hangs and head drips end after 60 s, drips after the
// body, floods after kMaxFloodBytes with at most kFloodChunkBytes buffered at a time.
class FaultServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)

public:
    using Responder = std::function<FaultResponse(const RecordedRequest &request)>;

    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 8 * 1024 * 1024;
    static constexpr int kMaxHangMs = 60000;
    static constexpr qint64 kMaxFloodBytes = qint64(4) * 1024 * 1024 * 1024;
    static constexpr qint64 kFloodChunkBytes = 64 * 1024;

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    // Plain HTTP on 127.0.0.1, ephemeral port.
    bool listen();
    // TLS on 127.0.0.1, ephemeral port, presenting @p certificate (plus @p chain) with @p key.
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key, const QList<QSslCertificate> &chain = {});
    bool isListening() const;
    bool isTls() const { return m_tls; }
    quint16 port() const;
    QString errorString() const { return m_error; }
    // `http(s)://<host>:<port>/`; @p host only changes the name in the URL, the server stays on 127.0.0.1.
    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const;

    void enqueue(const FaultResponse &response);
    void enqueue(const QList<FaultResponse> &responses);
    qsizetype pendingResponses() const { return m_queue.size(); }
    void clearQueue() { m_queue.clear(); }
    void setDefaultResponse(const FaultResponse &response) { m_default = response; }
    void setResponder(Responder responder) { m_responder = std::move(responder); }

    QList<RecordedRequest> requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    RecordedRequest request(qsizetype index) const { return m_requests.value(index); }
    void clearRequests() { m_requests.clear(); }

    // Connections currently open (a hanging client shows up here until it gives up).
    int openConnections() const;
    // TLS handshakes that failed on the server side (the client refused the certificate, …).
    int failedHandshakes() const { return m_failedHandshakes; }
    // Connections the peer closed before the whole answer was written.
    int answersCutByPeer() const { return m_cutByPeer; }
    // Milliseconds since the server was created (the clock of RecordedRequest::arrivalMs).
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), English regardless of locale.
    static QByteArray httpDate(const QDateTime &time);

Q_SIGNALS:
    // A request was read completely and recorded (before it is answered).
    void requestReceived(int index);

private:
    class Connection;
    friend class Connection;

    void onPendingConnections();
    FaultResponse responseFor(const RecordedRequest &request);
    void recordRequest(RecordedRequest request);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QString m_error;
    QQueue<FaultResponse> m_queue;
    FaultResponse m_default;
    Responder m_responder;
    QList<RecordedRequest> m_requests;
    QList<QPointer<QObject>> m_connections;
    QElapsedTimer m_clock;
    int m_failedHandshakes = 0;
    int m_cutByPeer = 0;
};

// AWS's documented example values, used by the STS response helpers. Never real credentials.
struct StsFixture
{
    QString accessKeyId = QStringLiteral("ASIAIOSFODNN7EXAMPLE");
    QString secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
    QString sessionToken = QStringLiteral(
        "AQoDYXdzEPT//////////"
        "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwt"
        "hAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHN"
        "VXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLx"
        "BA==");
    QString expiration = QStringLiteral("2011-07-15T23:28:33.359Z");
    QString requestId = QStringLiteral("c6104cbe-af31-11e0-8154-cbc7ccf896c7");
    // AssumeRole*
    QString assumedRoleId = QStringLiteral("AROA3XFRBF535PLBIFPI4:demo-session");
    QString assumedRoleArn = QStringLiteral("arn:aws:sts::123456789012:assumed-role/demo/demo-session");
    std::optional<int> packedPolicySize = 8;
    QString sourceIdentity = QStringLiteral("DevUser123");
    // AssumeRoleWithSAML
    QString samlSubject = QStringLiteral("SamlExample");
    QString samlSubjectType = QStringLiteral("transient");
    QString samlIssuer = QStringLiteral("https://integ.example.com/idp/shibboleth");
    QString samlAudience = QStringLiteral("https://signin.aws.amazon.com/saml");
    QString samlNameQualifier = QStringLiteral("SbdGOnUkh1i4+EXAMPLExL/jEvs=");
    // AssumeRoleWithWebIdentity
    QString webSubject = QStringLiteral("amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A");
    QString webProvider = QStringLiteral("www.amazon.com");
    QString webAudience = QStringLiteral("client.5498841531868486423.1548@apps.example.com");
    // GetFederationToken
    QString federatedUserId = QStringLiteral("123456789012:Bob");
    QString federatedUserArn = QStringLiteral("arn:aws:sts::123456789012:federated-user/Bob");
    // GetCallerIdentity / GetAccessKeyInfo
    QString userId = QStringLiteral("AIDACKCEVSQ6C2EXAMPLE");
    QString account = QStringLiteral("123456789012");
    QString callerArn = QStringLiteral("arn:aws:iam::123456789012:user/Alice");
    // DecodeAuthorizationMessage
    QString decodedMessage = QStringLiteral(
        "{\"allowed\":false,\"explicitDeny\":false,\"matchedStatements\":{\"items\":[]},\"failures\":{\"items\":[]},"
        "\"context\":{\"principal\":{\"id\":\"AIDACKCEVSQ6C2EXAMPLE\",\"arn\":\"arn:aws:iam::123456789012:user/"
        "Alice\"},"
        "\"action\":\"ec2:RunInstances\",\"resource\":\"arn:aws:ec2:us-east-1:123456789012:instance/*\","
        "\"conditions\":{\"items\":[]}}}");
};

// Response documents of the eight STS actions, exactly shaped like AWS's
// (xmlns https://sts.amazonaws.com/doc/2011-06-15/, ResponseMetadata/RequestId), and the error document.
namespace StsXml {

QByteArray assumeRole(const StsFixture &f = {});
QByteArray assumeRoleWithSaml(const StsFixture &f = {});
QByteArray assumeRoleWithWebIdentity(const StsFixture &f = {});
QByteArray decodeAuthorizationMessage(const StsFixture &f = {});
QByteArray getAccessKeyInfo(const StsFixture &f = {});
QByteArray getCallerIdentity(const StsFixture &f = {});
QByteArray getFederationToken(const StsFixture &f = {});
QByteArray getSessionToken(const StsFixture &f = {});
// The success document for @p action (one of the eight names), or an empty array.
QByteArray forAction(QByteArrayView action, const StsFixture &f = {});
// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
QByteArray error(const QString &code, const QString &message, const QString &requestId,
    const QString &type = QStringLiteral("Sender"));

} // namespace StsXml

} // namespace Rolecall::Test
