// SPDX-License-Identifier: Apache-2.0
#include "faultserver.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Test {

// ---------------------------------------------------------------------------------------------- RecordedRequest

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const auto &header) { return QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray RecordedRequest::formValue(QByteArrayView key) const
{
    for (const auto &[k, v] : formParameters()) {
        if (k == key)
            return v;
    }
    return {};
}

QByteArray RecordedRequest::queryValue(QByteArrayView key) const
{
    for (const auto &[k, v] : queryParameters()) {
        if (k == key)
            return v;
    }
    return {};
}

QList<std::pair<QByteArray, QByteArray>> RecordedRequest::decodeForm(QByteArrayView encoded)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    if (encoded.isEmpty())
        return out;
    const QList<QByteArray> pairs = encoded.toByteArray().split('&');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.append({QByteArray::fromPercentEncoding(key), QByteArray::fromPercentEncoding(value)});
    }
    return out;
}

// ---------------------------------------------------------------------------------------------- FaultResponse

FaultResponse &FaultResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FaultResponse &FaultResponse::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FaultResponse FaultResponse::xml(const QByteArray &body, int status)
{
    FaultResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/xml")});
    return r;
}

FaultResponse FaultResponse::json(const QByteArray &body, int status)
{
    FaultResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

FaultResponse FaultResponse::awsError(
    int status, const QString &code, const QString &message, const QString &requestId, const QString &type)
{
    FaultResponse r = xml(StsXml::error(code, message, requestId, type), status);
    r.headers.append({QByteArrayLiteral("x-amzn-RequestId"), requestId.toUtf8()});
    return r;
}

FaultResponse FaultResponse::plain(int status, const QByteArray &body)
{
    FaultResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    return r;
}

FaultResponse FaultResponse::hang()
{
    FaultResponse r;
    r.behaviour = Behaviour::Hang;
    return r;
}

FaultResponse FaultResponse::reset()
{
    FaultResponse r;
    r.behaviour = Behaviour::Reset;
    return r;
}

FaultResponse FaultResponse::truncate(const QByteArray &body, qsizetype sendBytes)
{
    FaultResponse r = xml(body);
    r.behaviour = Behaviour::Truncate;
    r.truncateAt = sendBytes;
    return r;
}

FaultResponse FaultResponse::drip(const QByteArray &body, int intervalMs)
{
    FaultResponse r = xml(body);
    r.behaviour = Behaviour::Drip;
    r.dripIntervalMs = intervalMs;
    return r;
}

FaultResponse FaultResponse::stall(const QByteArray &body, qsizetype sendBytes)
{
    FaultResponse r = xml(body);
    r.behaviour = Behaviour::Stall;
    r.truncateAt = sendBytes;
    return r;
}

FaultResponse FaultResponse::dripHead(int intervalMs)
{
    FaultResponse r;
    r.behaviour = Behaviour::DripHead;
    r.dripIntervalMs = intervalMs;
    return r;
}

FaultResponse FaultResponse::flood(qint64 totalBytes, const QByteArray &pattern)
{
    FaultResponse r = xml(pattern);
    r.behaviour = Behaviour::Flood;
    r.floodBytes = totalBytes;
    return r;
}

// ---------------------------------------------------------------------------------------------- Connection

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

/* One accepted socket: reads one request, records it, plays the scripted answer, closes. */
class FaultServer::Connection final : public QObject
{
public:
    Connection(FaultServer *server, QTcpSocket *socket)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
    {
        m_socket->setParent(this);
        m_drip.setInterval(20);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
        connect(&m_drip, &QTimer::timeout, this, &Connection::dripOne);
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &Connection::onReadyRead, Qt::QueuedConnection);
    }

private:
    enum class State
    {
        Reading,
        Waiting,
        Answering,
        Done
    };

    void onReadyRead()
    {
        if (m_state != State::Reading) {
            m_socket->readAll(); // one exchange per connection; ignore anything after the request
            return;
        }
        m_buffer.append(m_socket->readAll());
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > kMaxHeadBytes)
                refuse(431);
            return;
        }
        if (headEnd > kMaxHeadBytes) {
            refuse(431);
            return;
        }
        if (!m_headParsed && !parseHead(headEnd))
            return;
        if (m_buffer.size() - (headEnd + 4) < m_contentLength)
            return; // wait for the rest of the body
        m_request.body = m_buffer.mid(headEnd + 4, m_contentLength);
        m_buffer.clear();
        m_state = State::Waiting;
        m_request.tls = m_server->m_tls;
        m_server->recordRequest(m_request);
        m_response = m_server->responseFor(m_server->m_requests.constLast());
        if (m_response.delayMs > 0)
            QTimer::singleShot(m_response.delayMs, this, &Connection::act);
        else
            act();
    }

    bool parseHead(qsizetype headEnd)
    {
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3) {
            refuse(400);
            return false;
        }
        m_request.method = requestLine.at(0);
        m_request.target = requestLine.at(1);
        m_request.version = requestLine.at(2);
        const qsizetype question = m_request.target.indexOf('?');
        m_request.path = question < 0 ? m_request.target : m_request.target.left(question);
        m_request.query = question < 0 ? QByteArray() : m_request.target.mid(question + 1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                refuse(400);
                return false;
            }
            m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        if (m_request.hasHeader("Transfer-Encoding")) {
            refuse(411); // the clients under test always send Content-Length
            return false;
        }
        const QByteArray length = m_request.header("Content-Length");
        bool ok = true;
        m_contentLength = length.isNull() ? 0 : length.toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            refuse(400);
            return false;
        }
        if (m_contentLength > kMaxBodyBytes) {
            refuse(413);
            return false;
        }
        m_headParsed = true;
        return true;
    }

    void refuse(int status)
    {
        m_state = State::Answering;
        m_response = FaultResponse::plain(status, reasonPhrase(status));
        writeHead(m_response.body.size());
        m_socket->write(m_response.body);
        finishGracefully();
    }

    void act()
    {
        using Behaviour = FaultResponse::Behaviour;
        m_state = State::Answering;
        const QByteArray &body = m_response.body;
        switch (m_response.behaviour) {
        case Behaviour::Normal:
            writeHead(body.size());
            m_socket->write(body);
            finishGracefully();
            return;
        case Behaviour::Hang:
            m_state = State::Waiting;
            QTimer::singleShot(kMaxHangMs, this, [this] { m_socket->abort(); });
            return;
        case Behaviour::Reset: {
            m_state = State::Done;
            const linger hard {1, 0};
            ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            m_socket->abort();
            return;
        }
        case Behaviour::Truncate: {
            const qsizetype sent = sentPart();
            writeHead(std::max(body.size(), sent + 1)); // always promise more than is sent
            m_socket->write(body.left(sent));
            finishGracefully();
            return;
        }
        case Behaviour::Stall:
            writeHead(std::max(body.size(), sentPart() + 1));
            m_socket->write(body.left(sentPart()));
            m_started = true;
            QTimer::singleShot(kMaxHangMs, this, [this] { m_socket->abort(); });
            return;
        case Behaviour::Drip:
            writeHead(body.size());
            m_dripData = body;
            m_drip.start(std::max(1, m_response.dripIntervalMs));
            return;
        case Behaviour::DripHead:
            m_started = true;
            m_dripData = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Slow-Loris: ";
            m_dripEndless = true;
            m_drip.start(std::max(1, m_response.dripIntervalMs));
            QTimer::singleShot(kMaxHangMs, this, [this] {
                m_drip.stop();
                m_socket->abort();
            });
            return;
        case Behaviour::Flood:
            writeHead(-1);
            m_floodLeft = std::min(m_response.floodBytes, kMaxFloodBytes);
            connect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::floodMore);
            floodMore();
            return;
        }
    }

    void floodMore()
    {
        if (m_state != State::Answering || m_socket->bytesToWrite() >= kFloodChunkBytes)
            return;
        if (m_floodLeft <= 0) {
            disconnect(m_socket, &QTcpSocket::bytesWritten, this, &Connection::floodMore);
            finishGracefully();
            return;
        }
        QByteArray &pattern = m_response.body;
        if (pattern.isEmpty())
            pattern = "x";
        QByteArray chunk;
        chunk.reserve(kFloodChunkBytes);
        while (chunk.size() < std::min(kFloodChunkBytes, m_floodLeft))
            chunk += pattern;
        chunk.truncate(std::min(kFloodChunkBytes, m_floodLeft));
        m_floodLeft -= chunk.size();
        m_socket->write(chunk);
    }

    qsizetype sentPart() const
    {
        const qsizetype size = m_response.body.size();
        return m_response.truncateAt < 0 ? size / 2 : std::clamp<qsizetype>(m_response.truncateAt, 0, size);
    }

    void dripOne()
    {
        if (m_dripPos >= m_dripData.size() && m_dripEndless) {
            m_socket->write("a", 1);
            return;
        }
        if (m_dripPos >= m_dripData.size()) {
            m_drip.stop();
            finishGracefully();
            return;
        }
        m_socket->write(m_dripData.constData() + m_dripPos, 1);
        ++m_dripPos;
    }

    // A negative @p contentLength leaves Content-Length out: the body ends when the connection closes.
    void writeHead(qsizetype contentLength)
    {
        m_started = true;
        QByteArray head
            = "HTTP/1.1 " + QByteArray::number(m_response.status) + ' ' + reasonPhrase(m_response.status) + "\r\n";
        bool hasDate = false;
        for (const auto &[name, value] : std::as_const(m_response.headers)) {
            hasDate = hasDate || name.compare("Date", Qt::CaseInsensitive) == 0;
            head += name + ": " + value + "\r\n";
        }
        if (!hasDate)
            head += "Date: " + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n";
        head += "Server: rolecall-faultserver\r\n";
        if (contentLength >= 0)
            head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        head += "Connection: close\r\n\r\n";
        m_socket->write(head);
    }

    void finishGracefully()
    {
        m_state = State::Done;
        m_complete = true;
        m_socket->disconnectFromHost(); // flushes what is buffered, then closes
    }

    void onDisconnected()
    {
        m_drip.stop();
        if (m_started && (!m_complete || m_socket->bytesToWrite() > 0))
            ++m_server->m_cutByPeer;
        deleteLater();
    }

    FaultServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    RecordedRequest m_request;
    FaultResponse m_response;
    QTimer m_drip;
    QByteArray m_dripData;
    bool m_dripEndless = false;
    qint64 m_floodLeft = 0;
    qint64 m_contentLength = 0;
    qsizetype m_dripPos = 0;
    State m_state = State::Reading;
    bool m_headParsed = false;
    bool m_started = false;
    bool m_complete = false;
};

// ---------------------------------------------------------------------------------------------- FaultServer

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_default(FaultResponse::plain(501, QByteArrayLiteral("fault server: no scripted response left")))
{
    m_clock.start();
}

FaultServer::~FaultServer()
{
    // Connections are children: they and their sockets go with us. Close the listener first.
    if (m_server)
        m_server->close();
}

bool FaultServer::listen()
{
    m_tls = false;
    m_server = std::make_unique<QTcpServer>();
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &FaultServer::onPendingConnections);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

bool FaultServer::listenTls(const QSslCertificate &certificate, const QSslKey &key, const QList<QSslCertificate> &chain)
{
    if (!QSslSocket::supportsSsl()) {
        m_error = u"this Qt has no TLS backend"_s;
        return false;
    }
    if (certificate.isNull() || key.isNull()) {
        m_error = u"the certificate or the key is null"_s;
        return false;
    }
    m_tls = true;
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(QList<QSslCertificate> {certificate} + chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    server->setSslConfiguration(config);
    server->setHandshakeTimeout(10000);
    connect(server.get(), &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        if (socket && !socket->isEncrypted() && !socket->property("rolecallCounted").toBool()) {
            socket->setProperty("rolecallCounted", true);
            ++m_failedHandshakes;
        }
    });
    m_server = std::move(server);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &FaultServer::onPendingConnections);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

bool FaultServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 FaultServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FaultServer::url(const QString &host) const
{
    QUrl url;
    url.setScheme(m_tls ? u"https"_s : u"http"_s);
    url.setHost(host);
    url.setPort(port());
    url.setPath(u"/"_s);
    return url;
}

void FaultServer::enqueue(const FaultResponse &response)
{
    m_queue.enqueue(response);
}

void FaultServer::enqueue(const QList<FaultResponse> &responses)
{
    for (const FaultResponse &response : responses)
        m_queue.enqueue(response);
}

int FaultServer::openConnections() const
{
    return static_cast<int>(std::count_if(
        m_connections.cbegin(), m_connections.cend(), [](const QPointer<QObject> &c) { return !c.isNull(); }));
}

QByteArray FaultServer::httpDate(const QDateTime &time)
{
    static constexpr const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *kMonths[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    return QByteArray(kDays[date.dayOfWeek() - 1]) + ", " + QByteArray::number(date.day()).rightJustified(2, '0') + ' '
        + kMonths[date.month() - 1] + ' ' + QByteArray::number(date.year()) + ' '
        + utc.time().toString(u"HH:mm:ss"_s).toLatin1() + " GMT";
}

void FaultServer::onPendingConnections()
{
    // Bounded: at most what the listener has queued now.
    for (int i = 0; i < 64 && m_server->hasPendingConnections(); ++i) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        m_connections.removeIf([](const QPointer<QObject> &c) { return c.isNull(); });
        m_connections.append(new Connection(this, socket));
    }
}

FaultResponse FaultServer::responseFor(const RecordedRequest &request)
{
    if (!m_queue.isEmpty())
        return m_queue.dequeue();
    if (m_responder)
        return m_responder(request);
    return m_default;
}

void FaultServer::recordRequest(RecordedRequest request)
{
    request.arrivalMs = m_clock.elapsed();
    m_requests.append(std::move(request));
    Q_EMIT requestReceived(static_cast<int>(m_requests.size() - 1));
}

// ---------------------------------------------------------------------------------------------- StsXml

namespace StsXml {

namespace {

QByteArray esc(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray element(const char *name, const QString &value, int indent)
{
    const QByteArray pad(indent, ' ');
    return pad + '<' + name + '>' + esc(value) + "</" + name + ">\n";
}

QByteArray envelope(const char *action, const QByteArray &result, const QString &requestId)
{
    return QByteArray("<") + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <" + action
        + "Result>\n" + result + "  </" + action + "Result>\n  <ResponseMetadata>\n"
        + element("RequestId", requestId, 4) + "  </ResponseMetadata>\n</" + action + "Response>\n";
}

QByteArray credentials(const StsFixture &f)
{
    return QByteArrayLiteral("    <Credentials>\n") + element("AccessKeyId", f.accessKeyId, 6)
        + element("SecretAccessKey", f.secretAccessKey, 6) + element("SessionToken", f.sessionToken, 6)
        + element("Expiration", f.expiration, 6) + "    </Credentials>\n";
}

QByteArray assumedRoleUser(const StsFixture &f)
{
    return QByteArrayLiteral("    <AssumedRoleUser>\n") + element("Arn", f.assumedRoleArn, 6)
        + element("AssumedRoleId", f.assumedRoleId, 6) + "    </AssumedRoleUser>\n";
}

QByteArray packedPolicySize(const StsFixture &f)
{
    return f.packedPolicySize ? element("PackedPolicySize", QString::number(*f.packedPolicySize), 4) : QByteArray();
}

QByteArray sourceIdentity(const StsFixture &f)
{
    return f.sourceIdentity.isEmpty() ? QByteArray() : element("SourceIdentity", f.sourceIdentity, 4);
}

} // namespace

QByteArray assumeRole(const StsFixture &f)
{
    return envelope(
        "AssumeRole", sourceIdentity(f) + assumedRoleUser(f) + credentials(f) + packedPolicySize(f), f.requestId);
}

QByteArray assumeRoleWithSaml(const StsFixture &f)
{
    return envelope("AssumeRoleWithSAML",
        element("Issuer", f.samlIssuer, 4) + assumedRoleUser(f) + credentials(f)
            + element("Audience", f.samlAudience, 4) + element("SubjectType", f.samlSubjectType, 4)
            + packedPolicySize(f) + element("NameQualifier", f.samlNameQualifier, 4) + sourceIdentity(f)
            + element("Subject", f.samlSubject, 4),
        f.requestId);
}

QByteArray assumeRoleWithWebIdentity(const StsFixture &f)
{
    return envelope("AssumeRoleWithWebIdentity",
        element("SubjectFromWebIdentityToken", f.webSubject, 4) + element("Audience", f.webAudience, 4)
            + assumedRoleUser(f) + credentials(f) + sourceIdentity(f) + packedPolicySize(f)
            + element("Provider", f.webProvider, 4),
        f.requestId);
}

QByteArray decodeAuthorizationMessage(const StsFixture &f)
{
    return envelope("DecodeAuthorizationMessage", element("DecodedMessage", f.decodedMessage, 4), f.requestId);
}

QByteArray getAccessKeyInfo(const StsFixture &f)
{
    return envelope("GetAccessKeyInfo", element("Account", f.account, 4), f.requestId);
}

QByteArray getCallerIdentity(const StsFixture &f)
{
    return envelope("GetCallerIdentity",
        element("Arn", f.callerArn, 4) + element("UserId", f.userId, 4) + element("Account", f.account, 4),
        f.requestId);
}

QByteArray getFederationToken(const StsFixture &f)
{
    return envelope("GetFederationToken",
        credentials(f) + "    <FederatedUser>\n" + element("Arn", f.federatedUserArn, 6)
            + element("FederatedUserId", f.federatedUserId, 6) + "    </FederatedUser>\n" + packedPolicySize(f),
        f.requestId);
}

QByteArray getSessionToken(const StsFixture &f)
{
    return envelope("GetSessionToken", credentials(f), f.requestId);
}

QByteArray forAction(QByteArrayView action, const StsFixture &f)
{
    if (action == "AssumeRole")
        return assumeRole(f);
    if (action == "AssumeRoleWithSAML")
        return assumeRoleWithSaml(f);
    if (action == "AssumeRoleWithWebIdentity")
        return assumeRoleWithWebIdentity(f);
    if (action == "DecodeAuthorizationMessage")
        return decodeAuthorizationMessage(f);
    if (action == "GetAccessKeyInfo")
        return getAccessKeyInfo(f);
    if (action == "GetCallerIdentity")
        return getCallerIdentity(f);
    if (action == "GetFederationToken")
        return getFederationToken(f);
    if (action == "GetSessionToken")
        return getSessionToken(f);
    return {};
}

QByteArray error(const QString &code, const QString &message, const QString &requestId, const QString &type)
{
    return QByteArrayLiteral("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n")
        + element("Type", type, 4) + element("Code", code, 4) + element("Message", message, 4) + "  </Error>\n"
        + element("RequestId", requestId, 2) + "</ErrorResponse>\n";
}

} // namespace StsXml

} // namespace Rolecall::Test
