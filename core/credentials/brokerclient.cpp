// SPDX-License-Identifier: Apache-2.0
#include "brokerclient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::BrokerClientJob)
};

const QString kContext = u"Rolecall broker"_s;

Error clientError(Error::Kind kind, QLatin1StringView code, const QString &message)
{
    Error error;
    error.kind = kind;
    error.awsCode = code;
    error.context = kContext;
    error.message = message;
    return error;
}

Error notRunning(const QString &path)
{
    return clientError(Error::Kind::Network, Broker::kCodeNotRunning,
        Tr::tr("The Rolecall desktop app is not running (nothing answers at %1).").arg(path));
}

QByteArray credentialsRequest(const QString &profile, std::optional<int> durationSeconds, const QString &client)
{
    Broker::Request request;
    request.operation = Broker::Operation::Credentials;
    request.profile = profile;
    request.durationSeconds = durationSeconds;
    request.client = client;
    return Broker::encodeRequest(request);
}

QByteArray mfaRequest(const QString &profile, const QString &serialNumber, const QString &client)
{
    Broker::Request request;
    request.operation = Broker::Operation::MfaCode;
    request.profile = profile;
    request.serialNumber = serialNumber;
    request.client = client;
    return Broker::encodeRequest(request);
}

} // namespace

bool isBrokerUnavailable(const Error &error)
{
    return error.awsCode == Broker::kCodeNotRunning || error.awsCode == Broker::kCodeNotTrusted;
}

BrokerClientJob::BrokerClientJob(QString socketPath, QByteArray request, BrokerClientSettings settings, QObject *parent)
    : QObject(parent)
    , m_path(std::move(socketPath))
    , m_request(std::move(request))
    , m_settings(settings)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BrokerClientJob::onTimeout);
    QMetaObject::invokeMethod(this, &BrokerClientJob::start, Qt::QueuedConnection);
}

BrokerClientJob::~BrokerClientJob()
{
    secureWipe(m_buffer);
    secureWipe(m_request);
}

void BrokerClientJob::abort()
{
    if (m_finished)
        return;
    fail(Error::cancelled(kContext)); // closes the socket, and the server cancels its side
}

bool BrokerClientJob::markFinished()
{
    if (m_finished)
        return false;
    m_finished = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    deleteLater();
    return true;
}

void BrokerClientJob::fail(const Error &error)
{
    if (!m_finished)
        failed(error);
}

void BrokerClientJob::start()
{
    if (m_finished)
        return;
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(m_path) || !QFileInfo(directory).isDir()) {
        fail(notRunning(m_path));
        return;
    }
    // Only a private directory of ours: a socket anyone else could have put there is not asked.
    if (auto ok = Broker::checkSocketDirectory(directory); !ok) {
        fail(clientError(Error::Kind::Config, Broker::kCodeNotTrusted, ok.error().message));
        return;
    }
    m_socket = new QLocalSocket(this);
    m_socket->setReadBufferSize(Broker::kMaxMessageBytes + 1);
    connect(m_socket, &QLocalSocket::connected, this, &BrokerClientJob::onConnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &BrokerClientJob::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &BrokerClientJob::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &BrokerClientJob::onSocketError);
    m_timer.start(m_settings.connectTimeoutMs);
    m_socket->connectToServer(m_path);
}

void BrokerClientJob::onConnected()
{
    if (m_finished || m_connected)
        return;
    m_connected = true;
    // The server must be this user too (the directory check makes this belt and braces).
    const auto peer = Broker::peerCredentials(m_socket->socketDescriptor());
    if (!Broker::isPeerAllowed(peer, Broker::currentUserId())) {
        fail(clientError(Error::Kind::Config, Broker::kCodeNotTrusted,
            Tr::tr("The broker socket %1 is served by another user; Rolecall does not use it.").arg(m_path)));
        return;
    }
    m_timer.start(m_settings.answerTimeoutMs);
    m_socket->write(m_request);
    secureWipe(m_request);
}

void BrokerClientJob::onReadyRead()
{
    if (m_finished)
        return;
    const qint64 room = Broker::kMaxMessageBytes + 1 - m_buffer.size();
    m_buffer += m_socket->read(std::max<qint64>(room, 0));
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline >= 0) {
        m_timer.stop();
        answered(QByteArrayView(m_buffer).first(newline));
        secureWipe(m_buffer);
        m_buffer.clear();
        return;
    }
    if (m_buffer.size() > Broker::kMaxMessageBytes) {
        secureWipe(m_buffer);
        m_buffer.clear();
        fail(clientError(Error::Kind::Parse, {},
            Tr::tr("The Rolecall desktop app answered with more than %1 bytes.").arg(Broker::kMaxMessageBytes)));
    }
}

void BrokerClientJob::onDisconnected()
{
    if (m_finished)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;
    if (!m_connected) {
        fail(notRunning(m_path));
        return;
    }
    secureWipe(m_buffer);
    fail(clientError(
        Error::Kind::Network, {}, Tr::tr("The Rolecall desktop app closed the connection without an answer.")));
}

void BrokerClientJob::onSocketError()
{
    if (m_finished)
        return;
    if (!m_connected) {
        // No socket file, nobody listening on it (a crashed app), no permission: the app is not there for us.
        fail(notRunning(m_path));
        return;
    }
    if (m_socket->error() == QLocalSocket::PeerClosedError) {
        onDisconnected();
        return;
    }
    fail(clientError(Error::Kind::Network, {},
        Tr::tr("The connection to the Rolecall desktop app failed: %1").arg(m_socket->errorString())));
}

void BrokerClientJob::onTimeout()
{
    if (m_finished)
        return;
    if (!m_connected) {
        fail(notRunning(m_path));
        return;
    }
    fail(clientError(Error::Kind::Timeout, {},
        Tr::tr("The Rolecall desktop app did not answer within %1 s.").arg(m_settings.answerTimeoutMs / 1000)));
}

// ---------------------------------------------------------------------------------------------- credentials

BrokerCredentialsJob::BrokerCredentialsJob(const QString &socketPath, const QString &profile,
    std::optional<int> durationSeconds, const Clock *clock, const QString &client, BrokerClientSettings settings,
    QObject *parent)
    : BrokerClientJob(socketPath, credentialsRequest(profile, durationSeconds, client), settings, parent)
    , m_clock(clock)
{
    Q_ASSERT(m_clock);
}

void BrokerCredentialsJob::answered(QByteArrayView answer)
{
    const Result<AwsCredentials> result = Broker::decodeCredentialsAnswer(answer, m_clock->nowUtc());
    if (markFinished())
        Q_EMIT finished(result);
}

void BrokerCredentialsJob::failed(const Error &error)
{
    if (markFinished())
        Q_EMIT finished(error);
}

// ---------------------------------------------------------------------------------------------- MFA

BrokerMfaJob::BrokerMfaJob(const QString &socketPath, const QString &profile, const QString &serialNumber,
    const QString &client, BrokerClientSettings settings, QObject *parent)
    : BrokerClientJob(socketPath, mfaRequest(profile, serialNumber, client), settings, parent)
{ }

void BrokerMfaJob::answered(QByteArrayView answer)
{
    const Result<SecureBytes> result = Broker::decodeMfaAnswer(answer);
    if (markFinished())
        Q_EMIT finished(result);
}

void BrokerMfaJob::failed(const Error &error)
{
    if (markFinished())
        Q_EMIT finished(error);
}

} // namespace Rolecall::Core
