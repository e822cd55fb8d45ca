// SPDX-License-Identifier: Apache-2.0
#include "brokerserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::BrokerServer)
};

const QString kContext = u"Rolecall broker"_s;
/// After the answer, the client has this long to read it before the connection is cut.
constexpr int kFlushTimeoutMs = 5000;

Error brokerError(Error::Kind kind, QLatin1StringView code, const QString &message)
{
    Error error;
    error.kind = kind;
    error.awsCode = code;
    error.context = kContext;
    error.message = message;
    return error;
}

#ifdef Q_OS_UNIX
QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

/**
 * Whether a socket file at @p path belongs to a live server: connect and see. A Unix socket connect is
 * immediate: it succeeds (or EAGAIN when the backlog is full) while someone listens, ECONNREFUSED when the
 * socket was left behind by a process that died.
 */
enum class Probe
{
    Missing,
    Alive,
    Stale,
    Foreign, ///< not a socket, or not ours: never removed
    Failed,
};

Probe probeSocket(const QString &path, QString *detail)
{
    const QByteArray encoded = QFile::encodeName(path);
    struct stat info
    { };
    if (::lstat(encoded.constData(), &info) != 0) {
        if (errno == ENOENT)
            return Probe::Missing;
        *detail = errnoText();
        return Probe::Failed;
    }
    if (!S_ISSOCK(info.st_mode)) {
        *detail = Tr::tr("it is not a socket");
        return Probe::Foreign;
    }
    if (static_cast<qint64>(info.st_uid) != Broker::currentUserId()) {
        *detail = Tr::tr("it belongs to another user (uid %1)").arg(info.st_uid);
        return Probe::Foreign;
    }
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        *detail = errnoText();
        return Probe::Failed;
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    struct sockaddr_un address
    { };
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, encoded.constData(), static_cast<size_t>(encoded.size()) + 1);
    const int result = ::connect(fd, reinterpret_cast<struct sockaddr *>(&address), sizeof address);
    const int error = errno;
    ::close(fd);
    if (result == 0 || error == EAGAIN || error == EINPROGRESS)
        return Probe::Alive;
    if (error == ECONNREFUSED)
        return Probe::Stale;
    *detail = QString::fromLocal8Bit(strerror(error));
    return Probe::Failed;
}
#endif

} // namespace

// ---------------------------------------------------------------------------------------------- handler

BrokerHandler::Cancel BrokerHandler::mfaCode(const Broker::Request &, std::function<void(Result<SecureBytes>)> done)
{
    done(brokerError(Error::Kind::Validation, Broker::kCodeUnsupportedOperation,
        Tr::tr("This Rolecall app does not ask for MFA codes on behalf of other programs.")));
    return {};
}

// ---------------------------------------------------------------------------------------------- connection

class BrokerServer::Connection final : public QObject
{
public:
    Connection(BrokerServer *server, QLocalSocket *socket, qint64 peerProcessId)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_peerProcessId(peerProcessId)
    {
        m_socket->setParent(this);
        m_socket->setReadBufferSize(Broker::kMaxMessageBytes + 1);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
        connect(m_socket, &QLocalSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QLocalSocket::disconnected, this, &Connection::onDisconnected);
        m_timer.start(m_server->m_settings.requestTimeoutMs);
    }

    ~Connection() override
    {
        m_socket->disconnect(this);
        secureWipe(m_buffer);
        if (m_cancel && !m_answered)
            std::exchange(m_cancel, {})();
    }

    /// Answers at once (the server is full) without reading the request.
    void refuse(const Error &error)
    {
        m_dispatched = true;
        answer(Broker::encodeErrorAnswer(error));
    }

    /// The server closes: cancel the handler's work and drop the client.
    void shutdown()
    {
        if (m_cancel && !m_answered)
            std::exchange(m_cancel, {})();
        m_answered = true;
        m_socket->abort();
        done();
    }

private:
    void onReadyRead()
    {
        if (m_dispatched) {
            // One request per connection: anything after it is ignored (and not buffered).
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        const qint64 room = Broker::kMaxMessageBytes + 1 - m_buffer.size();
        m_buffer += m_socket->read(std::max<qint64>(room, 0));
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_buffer.size() > Broker::kMaxMessageBytes) {
                m_dispatched = true;
                answer(Broker::encodeErrorAnswer(brokerError(Error::Kind::Validation, Broker::kCodeRequestTooLarge,
                    Tr::tr("The request is larger than %1 bytes; the broker reads no more.")
                        .arg(Broker::kMaxMessageBytes))));
            }
            return;
        }
        m_dispatched = true;
        QByteArray line = m_buffer.left(newline);
        secureWipe(m_buffer);
        m_buffer.clear();
        auto request = Broker::decodeRequest(line);
        secureWipe(line);
        if (!request) {
            answer(Broker::encodeErrorAnswer(request.error()));
            return;
        }
        request.value().peerProcessId = m_peerProcessId;
        m_timer.start(m_server->m_settings.answerTimeoutMs);
        dispatch(request.value());
    }

    void dispatch(const Broker::Request &request)
    {
        QPointer<Connection> self(this);
        BrokerHandler::Cancel cancel;
        switch (request.operation) {
        case Broker::Operation::Credentials:
            cancel = m_server->m_handler->credentials(request, [self](const Result<AwsCredentials> &result) {
                if (!self || self->m_answered)
                    return;
                self->answer(result ? Broker::encodeCredentialsAnswer(result.value())
                                    : Broker::encodeErrorAnswer(result.error()));
            });
            break;
        case Broker::Operation::MfaCode:
            cancel = m_server->m_handler->mfaCode(request, [self](const Result<SecureBytes> &result) {
                if (!self || self->m_answered)
                    return;
                if (result && !isValidMfaCode(result.value().view())) {
                    self->answer(Broker::encodeErrorAnswer(
                        brokerError(Error::Kind::Validation, {}, Tr::tr("The MFA code must be exactly six digits."))));
                    return;
                }
                self->answer(
                    result ? Broker::encodeMfaAnswer(result.value()) : Broker::encodeErrorAnswer(result.error()));
            });
            break;
        }
        if (self && !m_answered)
            m_cancel = std::move(cancel);
    }

    void answer(QByteArray bytes)
    {
        if (m_answered)
            return;
        m_answered = true;
        m_cancel = {};
        ++m_server->m_answers;
        m_socket->write(bytes);
        secureWipe(bytes);
        m_timer.start(kFlushTimeoutMs);
        m_socket->disconnectFromServer(); // after the answer is written; then `disconnected`
    }

    void onTimeout()
    {
        if (!m_dispatched) {
            m_dispatched = true;
            answer(Broker::encodeErrorAnswer(brokerError(Error::Kind::Timeout, Broker::kCodeMalformedRequest,
                Tr::tr("No complete request line arrived within %1 s.")
                    .arg(m_server->m_settings.requestTimeoutMs / 1000))));
            return;
        }
        if (!m_answered) {
            if (m_cancel)
                std::exchange(m_cancel, {})();
            answer(Broker::encodeErrorAnswer(brokerError(Error::Kind::Timeout, {},
                Tr::tr("The Rolecall app did not answer within %1 s.")
                    .arg(m_server->m_settings.answerTimeoutMs / 1000))));
            return;
        }
        m_socket->abort(); // the client does not read its answer
        done();
    }

    void onDisconnected()
    {
        if (!m_answered) {
            // The client went away before the answer: stop the work (and close any prompt).
            m_answered = true;
            if (m_cancel)
                std::exchange(m_cancel, {})();
        }
        done();
    }

    void done()
    {
        if (m_done)
            return;
        m_done = true;
        m_timer.stop();
        m_server->connectionDone(this);
        deleteLater();
    }

    BrokerServer *m_server;
    QLocalSocket *m_socket;
    qint64 m_peerProcessId;
    QByteArray m_buffer;
    QTimer m_timer;
    BrokerHandler::Cancel m_cancel;
    bool m_dispatched = false;
    bool m_answered = false;
    bool m_done = false;
};

// ---------------------------------------------------------------------------------------------- server

BrokerServer::BrokerServer(BrokerHandler *handler, BrokerServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_settings(settings)
    , m_peerLookup(&Broker::peerCredentials)
    , m_ownUserId(Broker::currentUserId())
{
    Q_ASSERT(m_handler);
}

BrokerServer::~BrokerServer()
{
    close();
}

Result<void> BrokerServer::listen(const QProcessEnvironment &env)
{
    return listen(Broker::socketLocation(env).path);
}

Result<void> BrokerServer::listen(const QString &socketPath)
{
    if (isListening())
        return brokerError(Error::Kind::Config, {}, Tr::tr("The broker is already listening at %1.").arg(m_path));
    const QFileInfo info(socketPath);
    if (!info.isAbsolute())
        return brokerError(
            Error::Kind::Config, {}, Tr::tr("The broker socket path %1 is not absolute.").arg(socketPath));
#ifdef Q_OS_UNIX
    // sockaddr_un::sun_path holds 104 bytes on macOS, 108 on Linux.
    if (QFile::encodeName(socketPath).size() >= 104)
        return brokerError(Error::Kind::Config, {},
            Tr::tr("The broker socket path %1 is too long for a Unix socket; set XDG_RUNTIME_DIR to a shorter "
                   "directory.")
                .arg(socketPath));
    if (auto ok = Broker::prepareSocketDirectory(info.absolutePath()); !ok)
        return ok;

    QString detail;
    switch (probeSocket(socketPath, &detail)) {
    case Probe::Missing:
        break;
    case Probe::Alive:
        return brokerError(Error::Kind::Config, {},
            Tr::tr("Another Rolecall app already answers at %1; this one does not start a second broker.")
                .arg(socketPath));
    case Probe::Stale:
        // Left behind by an app that crashed: nobody accepts on it. Ours (checked), so removing it is safe.
        if (::unlink(QFile::encodeName(socketPath).constData()) != 0 && errno != ENOENT)
            return brokerError(Error::Kind::Config, {},
                Tr::tr("Cannot remove the stale broker socket %1: %2").arg(socketPath, errnoText()));
        break;
    case Probe::Foreign:
        return brokerError(Error::Kind::Config, {},
            Tr::tr("%1 exists and %2; Rolecall leaves it alone and does not start its broker.")
                .arg(socketPath, detail));
    case Probe::Failed:
        return brokerError(
            Error::Kind::Config, {}, Tr::tr("Cannot check the broker socket %1: %2").arg(socketPath, detail));
    }
#endif

    auto server = std::make_unique<QLocalServer>();
    server->setSocketOptions(QLocalServer::UserAccessOption);
    server->setMaxPendingConnections(m_settings.maxConnections);
    if (!server->listen(socketPath))
        return brokerError(Error::Kind::Config, {},
            Tr::tr("The broker cannot listen at %1: %2").arg(socketPath, server->errorString()));
#ifdef Q_OS_UNIX
    // UserAccessOption gives 0700; a socket needs no execute bit. Then check rather than trust.
    const QByteArray encoded = QFile::encodeName(socketPath);
    struct stat socketInfo
    { };
    if (::chmod(encoded.constData(), 0600) != 0 || ::lstat(encoded.constData(), &socketInfo) != 0
        || (socketInfo.st_mode & 0777) != 0600 || static_cast<qint64>(socketInfo.st_uid) != m_ownUserId) {
        server->close();
        return brokerError(Error::Kind::Config, {},
            Tr::tr("The broker socket %1 could not be made private to this user; the broker does not start.")
                .arg(socketPath));
    }
#endif
    connect(server.get(), &QLocalServer::newConnection, this, &BrokerServer::onNewConnection);
    m_server = std::move(server);
    m_path = socketPath;
    return {};
}

void BrokerServer::close()
{
    const QList<Connection *> open = m_connections;
    for (Connection *connection : open)
        connection->shutdown();
    m_connections.clear();
    if (m_server) {
        m_server->close(); // removes the socket file
        m_server.reset();
    }
}

bool BrokerServer::isListening() const
{
    return m_server && m_server->isListening();
}

void BrokerServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QLocalSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        const std::optional<Broker::PeerCredentials> peer = m_peerLookup(socket->socketDescriptor());
        if (!Broker::isPeerAllowed(peer, m_ownUserId)) {
            // Another user (or one the kernel cannot name): no answer at all.
            ++m_refusedPeers;
            socket->abort();
            socket->deleteLater();
            Q_EMIT peerRefused(peer ? peer->userId : -1);
            continue;
        }
        auto *connection = new Connection(this, socket, peer->processId);
        m_connections.append(connection);
        if (m_connections.size() > m_settings.maxConnections)
            connection->refuse(brokerError(Error::Kind::Network, Broker::kCodeBusy,
                Tr::tr("The Rolecall app is busy with %1 other requests; try again.").arg(m_settings.maxConnections)));
    }
}

void BrokerServer::connectionDone(Connection *connection)
{
    m_connections.removeOne(connection);
    Q_EMIT exchangeFinished();
}

// ---------------------------------------------------------------------------------------------- flow handler

FlowBrokerHandler::FlowBrokerHandler(
    ProfileLookup lookup, CredentialServices services, Settings settings, QObject *parent)
    : QObject(parent)
    , m_lookup(std::move(lookup))
    , m_services(std::move(services))
    , m_settings(std::move(settings))
{ }

FlowBrokerHandler::FlowBrokerHandler(ProfileLookup lookup, CredentialServices services, QObject *parent)
    : FlowBrokerHandler(std::move(lookup), std::move(services), Settings(), parent)
{ }

FlowBrokerHandler::~FlowBrokerHandler()
{
    // Taken out first: an aborted flow finishes at once and must find nobody waiting.
    const QHash<QString, Pending> pending = std::exchange(m_pending, {});
    for (const Pending &flow : pending) {
        if (flow.flow)
            flow.flow->abort();
    }
}

BrokerHandler::Cancel FlowBrokerHandler::credentials(
    const Broker::Request &request, std::function<void(Result<AwsCredentials>)> done)
{
    const QString key
        = request.profile + u'\x1f' + (request.durationSeconds ? QString::number(*request.durationSeconds) : QString());
    if (m_settings.cache && m_services.clock) {
        const auto cached = m_cache.constFind(key);
        if (cached != m_cache.cend()
            && m_services.clock->nowUtc().addSecs(m_settings.refreshWindowSeconds) < cached->expiration) {
            done(*cached);
            return {};
        }
    }

    if (!m_pending.contains(key)) {
        std::optional<Profiles::ResolvedProfile> profile = m_lookup(request.profile);
        if (!profile) {
            done(brokerError(Error::Kind::Config, Broker::kCodeUnknownProfile,
                Tr::tr("The Rolecall app knows no profile \"%1\".").arg(request.profile)));
            return {};
        }
        CredentialServices services = m_services;
        services.environment = Broker::withLoopGuard(services.environment, profile->name);
        CredentialRequestOptions options = m_settings.options;
        options.durationSeconds = request.durationSeconds;
        auto *flow = new CredentialFlow(std::move(*profile), services, options, this);
        ++m_flowsStarted;
        m_pending[key].flow = flow;
        connect(flow, &CredentialFlow::finished, this, [this, key, flow](const Result<AwsCredentials> &result) {
            const auto it = m_pending.find(key);
            if (it == m_pending.end() || it->flow != flow)
                return; // every waiter gave up and the flow was aborted
            flowFinished(key, result);
        });
    }
    const quint64 id = m_nextWaiter++;
    m_pending[key].waiters.insert(id, std::move(done));
    QPointer<FlowBrokerHandler> self(this);
    return [self, key, id] {
        if (self)
            self->cancelWaiter(key, id);
    };
}

void FlowBrokerHandler::flowFinished(const QString &key, const Result<AwsCredentials> &result)
{
    Pending pending = m_pending.take(key);
    if (result && m_settings.cache && result.value().expiration.isValid())
        m_cache.insert(key, result.value());
    for (const auto &done : std::as_const(pending.waiters))
        done(result);
}

void FlowBrokerHandler::cancelWaiter(const QString &key, quint64 id)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    it->waiters.remove(id);
    if (!it->waiters.isEmpty())
        return;
    const QPointer<CredentialFlow> flow = it->flow;
    m_pending.erase(it);
    if (flow)
        flow->abort();
}

BrokerHandler::Cancel FlowBrokerHandler::mfaCode(
    const Broker::Request &request, std::function<void(Result<SecureBytes>)> done)
{
    if (!m_services.mfa)
        return BrokerHandler::mfaCode(request, std::move(done));
    MfaRequest mfa;
    mfa.profile = request.profile;
    mfa.serialNumber = request.serialNumber;
    m_services.mfa->requestCode(mfa, std::move(done));
    return {};
}

void FlowBrokerHandler::clearCache()
{
    m_cache.clear();
}

} // namespace Rolecall::Core
