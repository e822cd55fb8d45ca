// SPDX-License-Identifier: Apache-2.0
#include "containerserver.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::ContainerServer)
};

const QString kContext = u"credentials endpoint"_s;
constexpr int kFlushTimeoutMs = 5000;
constexpr int kTokenBytes = 32;
constexpr int kPathBytes = 18;

void appendJsonString(QByteArray &out, QByteArrayView value)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    }
    return "Error";
}

QByteArray errorBody(QByteArrayView code, const QString &message)
{
    QByteArray body = "{\"code\":";
    appendJsonString(body, code);
    body += ",\"message\":";
    appendJsonString(body, message.toUtf8());
    body += '}';
    return body;
}

} // namespace

QByteArray randomToken(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1) {
        // Also a cryptographically secure source (getrandom(2) / the OS's generator).
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    }
    QByteArray token = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    secureWipe(bytes);
    return token;
}

// ---------------------------------------------------------------------------------------------- connection

class ContainerServer::Connection final : public QObject
{
public:
    Connection(ContainerServer *server, QTcpSocket *socket)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
    {
        m_socket->setParent(this);
        m_socket->setReadBufferSize(m_server->m_settings.maxRequestBytes + 1);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &Connection::done);
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError || !m_answered)
                done();
        });
        m_timer.start(m_server->m_settings.requestTimeoutMs);
    }

    ~Connection() override
    {
        m_socket->disconnect(this);
        secureWipe(m_buffer);
    }

    void respond(int status, QByteArray body, QByteArrayView extraHeaders = {})
    {
        if (m_answered)
            return;
        m_answered = true;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
        response += "Content-Type: application/json\r\n";
        response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        response += "Cache-Control: no-store\r\nConnection: close\r\n";
        response += extraHeaders;
        response += "\r\n";
        response += body;
        secureWipe(body);
        m_socket->write(response);
        secureWipe(response);
        m_timer.start(kFlushTimeoutMs);
        m_socket->disconnectFromHost();
    }

    void serve(const AwsCredentials &credentials)
    {
        QByteArray body = "{\"AccessKeyId\":";
        appendJsonString(body, credentials.accessKeyId.toUtf8());
        body += ",\"SecretAccessKey\":";
        appendJsonString(body, credentials.secretAccessKey.view());
        body += ",\"Token\":";
        appendJsonString(body, credentials.sessionToken.view());
        body += ",\"Expiration\":";
        appendJsonString(body, credentials.expiration.toUTC().toString(Qt::ISODate).toLatin1());
        body += '}';
        ++m_server->m_served;
        respond(200, std::move(body));
    }

    void unavailable(const Error &error) { respond(503, errorBody("CredentialsUnavailable", error.message)); }

private:
    void onReadyRead()
    {
        if (m_parsed) {
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        const qsizetype limit = m_server->m_settings.maxRequestBytes;
        m_buffer += m_socket->read(std::max<qint64>(limit + 1 - m_buffer.size(), 0));
        qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            end = m_buffer.indexOf("\n\n");
        if (end < 0) {
            if (m_buffer.size() > limit) {
                m_parsed = true;
                respond(431, errorBody("RequestTooLarge", Tr::tr("The request is too large.")));
            }
            return;
        }
        m_parsed = true;
        handle(QByteArrayView(m_buffer).first(end));
        secureWipe(m_buffer);
        m_buffer.clear();
    }

    void handle(QByteArrayView head)
    {
        QList<QByteArrayView> lines;
        for (qsizetype start = 0; start <= head.size();) {
            qsizetype end = head.indexOf('\n', start);
            if (end < 0)
                end = head.size();
            QByteArrayView line = head.sliced(start, end - start);
            lines.append(line.endsWith('\r') ? line.chopped(1) : line);
            start = end + 1;
        }
        const QList<QByteArray> requestLine = lines.value(0).toByteArray().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            respond(400, errorBody("BadRequest", Tr::tr("The request line is malformed.")));
            return;
        }
        int authorizations = 0;
        bool tokenMatches = false;
        bool hasBody = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArrayView line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                respond(400, errorBody("BadRequest", Tr::tr("A header line is malformed.")));
                return;
            }
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0) {
                ++authorizations;
                // SecureBytes compares in constant time (the token's length is not secret).
                tokenMatches = SecureBytes(value) == m_server->m_token;
            } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                hasBody = hasBody || value != "0";
            } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
                hasBody = true;
            }
        }
        if (authorizations != 1 || !tokenMatches) {
            ++m_server->m_unauthorized;
            respond(401, errorBody("Unauthorized", Tr::tr("The Authorization header is missing or wrong.")));
            return;
        }
        if (requestLine.at(0) != "GET") {
            respond(405, errorBody("MethodNotAllowed", Tr::tr("Only GET is served.")), "Allow: GET\r\n");
            return;
        }
        if (requestLine.at(1) != m_server->m_path) {
            respond(404, errorBody("NotFound", Tr::tr("Nothing is served at this path.")));
            return;
        }
        if (hasBody) {
            respond(400, errorBody("BadRequest", Tr::tr("A GET request carries no body.")));
            return;
        }
        m_timer.stop();
        m_server->withCredentials(this);
    }

    void onTimeout()
    {
        if (!m_parsed) {
            m_parsed = true;
            respond(408, errorBody("RequestTimeout", Tr::tr("No complete request arrived in time.")));
            return;
        }
        m_socket->abort();
        done();
    }

    void done()
    {
        if (m_done)
            return;
        m_done = true;
        m_timer.stop();
        m_server->m_connections.removeOne(this);
        deleteLater();
    }

    ContainerServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    QTimer m_timer;
    bool m_parsed = false;
    bool m_answered = false;
    bool m_done = false;
};

// ---------------------------------------------------------------------------------------------- server

ContainerServer::ContainerServer(const Clock *clock, Refresh refresh, ContainerServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_refresh(std::move(refresh))
    , m_settings(settings)
{
    Q_ASSERT(m_clock && m_refresh);
    m_settings.minimumRemainingSeconds
        = std::clamp(m_settings.minimumRemainingSeconds, 0, std::max(0, m_settings.refreshWindowSeconds));
}

ContainerServer::~ContainerServer()
{
    stop();
}

Result<void> ContainerServer::start(const AwsCredentials &initial)
{
    if (isListening())
        return Error::config(Tr::tr("The credentials endpoint is already running."), kContext);
    if (initial.isEmpty() || !initial.isTemporary() || !initial.expiration.isValid())
        return Error::config(Tr::tr("The credentials endpoint serves only temporary credentials (with a session "
                                    "token and an expiry), and these are long-term keys. Run without --server, or "
                                    "use a profile that assumes a role or gets a session token with MFA."),
            kContext);
    auto server = std::make_unique<QTcpServer>();
    server->setMaxPendingConnections(m_settings.maxConnections);
    if (!server->listen(QHostAddress::LocalHost, 0))
        return Error::network(Tr::tr("cannot listen on 127.0.0.1: %1").arg(server->errorString()), kContext);
    connect(server.get(), &QTcpServer::newConnection, this, &ContainerServer::onNewConnection);
    m_server = std::move(server);
    m_path = '/' + randomToken(kPathBytes);
    QByteArray token = randomToken(kTokenBytes);
    m_token = SecureBytes::takeFrom(token);
    m_credentials = initial;
    return {};
}

void ContainerServer::stop()
{
    if (m_server) {
        m_server->close();
        m_server.reset();
    }
    const QList<Connection *> open = m_connections;
    m_connections.clear();
    m_waiting.clear();
    qDeleteAll(open);
    m_credentials = {};
    m_lastRefreshMs = 0;
    ++m_refreshGeneration;
    m_refreshing = false;
}

bool ContainerServer::isListening() const
{
    return m_server && m_server->isListening();
}

QUrl ContainerServer::url() const
{
    if (!isListening())
        return {};
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->serverPort()).arg(QString::fromLatin1(m_path)));
}

void ContainerServer::exportTo(QProcessEnvironment &env) const
{
    for (const QString &name : env.keys()) {
        if (name.startsWith("AWS_CONTAINER_"_L1))
            env.remove(name);
    }
    for (const auto name : {"AWS_ACCESS_KEY_ID"_L1, "AWS_SECRET_ACCESS_KEY"_L1, "AWS_SESSION_TOKEN"_L1,
             "AWS_SECURITY_TOKEN"_L1, "AWS_CREDENTIAL_EXPIRATION"_L1, "AWS_PROFILE"_L1, "AWS_DEFAULT_PROFILE"_L1})
        env.remove(name);
    env.insert(u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s, url().toString(QUrl::FullyEncoded));
    env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, QString::fromLatin1(m_token.view()));
    // Some HTTP stacks send even loopback requests through a configured proxy.
    bool proxied = false;
    for (const auto name :
        {"HTTP_PROXY"_L1, "http_proxy"_L1, "HTTPS_PROXY"_L1, "https_proxy"_L1, "ALL_PROXY"_L1, "all_proxy"_L1})
        proxied = proxied || !env.value(name).isEmpty();
    if (proxied) {
        for (const auto name : {"NO_PROXY"_L1, "no_proxy"_L1}) {
            const QString value = env.value(name);
            env.insert(name, value.isEmpty() ? u"127.0.0.1"_s : value + u",127.0.0.1"_s);
        }
    }
}

void ContainerServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (m_connections.size() >= m_settings.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.append(new Connection(this, socket));
    }
}

bool ContainerServer::servable(const AwsCredentials &credentials) const
{
    return !credentials.isEmpty() && credentials.isTemporary() && credentials.expiration.isValid()
        && m_clock->nowUtc().addSecs(m_settings.minimumRemainingSeconds) < credentials.expiration;
}

void ContainerServer::withCredentials(Connection *connection)
{
    const bool fresh = servable(m_credentials)
        && m_clock->nowUtc().addSecs(m_settings.refreshWindowSeconds) < m_credentials.expiration;
    const bool refreshedLately = m_lastRefreshMs != 0
        && m_clock->nowMSecs() - m_lastRefreshMs < static_cast<qint64>(m_settings.minimumRefreshIntervalSeconds) * 1000;
    if (fresh || (!m_refreshing && refreshedLately && servable(m_credentials))) {
        connection->serve(m_credentials);
        return;
    }
    m_waiting.append(connection);
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_lastRefreshMs = m_clock->nowMSecs();
    ++m_refreshes;
    const quint64 generation = ++m_refreshGeneration;
    QPointer<ContainerServer> self(this);
    QTimer::singleShot(m_settings.refreshTimeoutMs, this, [this, generation] {
        if (m_refreshing && generation == m_refreshGeneration)
            refreshDone(Error::timeout(m_settings.refreshTimeoutMs / 1000, kContext));
    });
    m_refresh([self, generation](const Result<AwsCredentials> &result) {
        if (self && self->m_refreshing && generation == self->m_refreshGeneration)
            self->refreshDone(result);
    });
}

void ContainerServer::refreshDone(const Result<AwsCredentials> &result)
{
    m_refreshing = false;
    ++m_refreshGeneration;
    Error error;
    if (!result) {
        error = result.error();
    } else if (!result.value().isTemporary() || !result.value().expiration.isValid()) {
        error = Error::config(Tr::tr("The refresh gave long-term keys, which the endpoint does not serve."), kContext);
    } else if (!servable(result.value())) {
        error = Error::config(
            Tr::tr("The refresh gave credentials that expire within %1 s.").arg(m_settings.minimumRemainingSeconds),
            kContext);
    } else {
        m_credentials = result.value();
    }
    if (error.isNone())
        Q_EMIT refreshed(m_credentials.expiration);
    else
        Q_EMIT refreshFailed(error);

    const QList<QPointer<Connection>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<Connection> &connection : waiting) {
        if (!connection)
            continue;
        // A failed refresh still serves what is left, as long as it is not about to expire.
        if (servable(m_credentials))
            connection->serve(m_credentials);
        else
            connection->unavailable(error.isNone() ? Error::config(Tr::tr("No valid credentials."), kContext) : error);
    }
}

} // namespace Rolecall::Core
