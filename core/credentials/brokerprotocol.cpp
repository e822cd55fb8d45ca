// SPDX-License-Identifier: Apache-2.0
#include "brokerprotocol.h"

#include "credentials/processcredentials.h"
#include "export/exporter.h"
#include "mfa.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Broker {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Broker)
};

const QString kContext = u"Rolecall broker"_s;

Error requestError(QLatin1StringView code, const QString &message)
{
    Error error = Error::validation(u"request"_s, message, kContext);
    error.awsCode = code;
    error.message = message;
    return error;
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArrayView withoutNewline(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && (bytes.back() == '\n' || bytes.back() == '\r'))
        bytes.chop(1);
    return bytes;
}

Error answerError(const QString &detail)
{
    return Error::parse(Tr::tr("The Rolecall desktop app gave an answer that cannot be read (%1). Update rolecall-cli "
                               "and the app to the same version.")
                            .arg(detail),
        kContext);
}

/// The answer's object when it says ok, else the error it carries (or why it cannot be read).
Result<QJsonObject> okAnswer(QByteArrayView bytes)
{
    if (bytes.size() > kMaxMessageBytes)
        return answerError(Tr::tr("larger than %1 bytes").arg(kMaxMessageBytes));
    QJsonParseError parseError {};
    QByteArray copy = withoutNewline(bytes).toByteArray();
    const QJsonDocument document = QJsonDocument::fromJson(copy, &parseError);
    secureWipe(copy);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return answerError(Tr::tr("not a JSON object"));
    QJsonObject object = document.object();
    if (object.value("ok"_L1).toBool(false))
        return object;
    const QJsonObject e = object.value("error"_L1).toObject();
    Error error;
    error.kind = kindFromName(e.value("kind"_L1).toString());
    if (error.kind == Error::Kind::None)
        error.kind = Error::Kind::Parse;
    error.awsCode = e.value("code"_L1).toString();
    error.message = e.value("message"_L1).toString();
    error.awsMessage = e.value("awsMessage"_L1).toString();
    error.requestId = e.value("requestId"_L1).toString();
    error.httpStatus = e.value("httpStatus"_L1).toInt();
    error.context = e.value("context"_L1).toString();
    error.field = e.value("field"_L1).toString();
    if (error.message.isEmpty())
        error.message = Tr::tr("The Rolecall desktop app refused the request (%1).")
                            .arg(error.awsCode.isEmpty() ? Error::kindName(error.kind) : error.awsCode);
    return error;
}

} // namespace

bool loopGuardContains(const QProcessEnvironment &env, const QString &profile)
{
    const QStringList names = env.value(kLoopGuardVariable).split(u'\n', Qt::SkipEmptyParts);
    return names.contains(profile);
}

QProcessEnvironment withLoopGuard(QProcessEnvironment env, const QString &profile)
{
    if (loopGuardContains(env, profile))
        return env;
    QString value = env.value(kLoopGuardVariable);
    if (!value.isEmpty() && !value.endsWith(u'\n'))
        value += u'\n';
    env.insert(kLoopGuardVariable, value + profile);
    return env;
}

QByteArray encodeRequest(const Request &request)
{
    QJsonObject object {{u"v"_s, request.version}, {u"profile"_s, request.profile}};
    switch (request.operation) {
    case Operation::Credentials:
        object.insert(u"op"_s, u"credentials"_s);
        object.insert(u"format"_s, u"process"_s);
        if (request.durationSeconds)
            object.insert(u"duration"_s, *request.durationSeconds);
        break;
    case Operation::MfaCode:
        object.insert(u"op"_s, u"mfa"_s);
        object.insert(u"serial"_s, request.serialNumber);
        break;
    }
    if (!request.client.isEmpty())
        object.insert(u"client"_s, request.client);
    return line(object);
}

Result<Request> decodeRequest(QByteArrayView bytes)
{
    if (bytes.size() > kMaxMessageBytes)
        return requestError(kCodeRequestTooLarge,
            Tr::tr("The request is larger than %1 bytes; the broker reads no more.").arg(kMaxMessageBytes));
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(withoutNewline(bytes).toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return requestError(kCodeMalformedRequest, Tr::tr("The request is not one JSON object on one line."));
    const QJsonObject object = document.object();

    Request request;
    const QJsonValue version = object.value("v"_L1);
    if (!version.isDouble())
        return requestError(kCodeMalformedRequest, Tr::tr("The request has no protocol version \"v\"."));
    if (version.toDouble() != kProtocolVersion)
        return requestError(kCodeUnsupportedVersion,
            Tr::tr("The request uses protocol version %1; this Rolecall speaks version %2. Update rolecall-cli and "
                   "the app to the same version.")
                .arg(version.toDouble())
                .arg(kProtocolVersion));

    const QString op = object.value("op"_L1).toString();
    if (op == "credentials"_L1) {
        request.operation = Operation::Credentials;
    } else if (op == "mfa"_L1) {
        request.operation = Operation::MfaCode;
    } else {
        return requestError(kCodeUnsupportedOperation, Tr::tr("The operation \"%1\" is unknown.").arg(op.left(40)));
    }

    const QJsonValue profile = object.value("profile"_L1);
    request.profile = profile.toString();
    if (!profile.isString() || request.profile.isEmpty() || request.profile.size() > 1024)
        return requestError(kCodeMalformedRequest, Tr::tr("The request names no profile."));
    request.client = object.value("client"_L1).toString().left(200);

    if (request.operation == Operation::Credentials) {
        const QJsonValue format = object.value("format"_L1);
        if (!format.isUndefined() && format.toString() != "process"_L1)
            return requestError(kCodeUnsupportedFormat,
                Tr::tr("The format \"%1\" is unknown; the broker answers in \"process\" format.")
                    .arg(format.toString().left(40)));
        const QJsonValue duration = object.value("duration"_L1);
        if (!duration.isUndefined() && !duration.isNull()) {
            const double seconds = duration.toDouble(-1);
            if (!duration.isDouble() || seconds != static_cast<double>(static_cast<int>(seconds)) || seconds < 1
                || seconds > 7 * 24 * 3600)
                return requestError(
                    kCodeMalformedRequest, Tr::tr("The request's duration is not a whole number of seconds."));
            request.durationSeconds = static_cast<int>(seconds);
        }
    } else {
        request.serialNumber = object.value("serial"_L1).toString();
        if (request.serialNumber.isEmpty() || request.serialNumber.size() > 256)
            return requestError(kCodeMalformedRequest, Tr::tr("The MFA request names no device (\"serial\")."));
    }
    return request;
}

QByteArray encodeCredentialsAnswer(const AwsCredentials &credentials)
{
    // The Version 1 document exactly as `--format process` prints it, inside the answer.
    const SecureBytes document = Export::render(credentials, Export::Format::Process);
    const QByteArrayView body = withoutNewline(document.view());
    QByteArray out;
    out.reserve(body.size() + 64);
    out += "{\"v\":";
    out += QByteArray::number(kProtocolVersion);
    out += ",\"ok\":true,\"credentials\":";
    out += body;
    out += "}\n";
    return out;
}

QByteArray encodeMfaAnswer(const SecureBytes &code)
{
    // Only six ASCII digits ever get here: nothing to escape.
    Q_ASSERT(isValidMfaCode(code.view()));
    QByteArray out = "{\"v\":" + QByteArray::number(kProtocolVersion) + ",\"ok\":true,\"code\":\"";
    out += code.view();
    out += "\"}\n";
    return out;
}

QByteArray encodeErrorAnswer(const Error &error)
{
    QJsonObject e {{u"kind"_s, Error::kindName(error.kind)}, {u"code"_s, error.awsCode}, {u"message"_s, error.message}};
    if (!error.awsMessage.isEmpty())
        e.insert(u"awsMessage"_s, error.awsMessage);
    if (!error.requestId.isEmpty())
        e.insert(u"requestId"_s, error.requestId);
    if (error.httpStatus)
        e.insert(u"httpStatus"_s, error.httpStatus);
    if (!error.context.isEmpty())
        e.insert(u"context"_s, error.context);
    if (!error.field.isEmpty())
        e.insert(u"field"_s, error.field);
    return line(QJsonObject {{u"v"_s, kProtocolVersion}, {u"ok"_s, false}, {u"error"_s, e}});
}

Result<AwsCredentials> decodeCredentialsAnswer(QByteArrayView bytes, const QDateTime &now)
{
    auto object = okAnswer(bytes);
    if (!object)
        return object.error();
    const QJsonValue credentials = object->value("credentials"_L1);
    if (!credentials.isObject())
        return answerError(Tr::tr("no credentials in it"));
    QByteArray document = QJsonDocument(credentials.toObject()).toJson(QJsonDocument::Compact);
    Result<AwsCredentials> parsed = parseProcessOutput(document, now);
    secureWipe(document);
    if (!parsed) {
        Error error = parsed.error();
        error.context = kContext;
        error.message = Tr::tr("The Rolecall desktop app answered with credentials that cannot be used: %1")
                            .arg(parsed.error().message);
        return error;
    }
    return parsed;
}

Result<SecureBytes> decodeMfaAnswer(QByteArrayView bytes)
{
    auto object = okAnswer(bytes);
    if (!object)
        return object.error();
    QString code = object->value("code"_L1).toString();
    SecureBytes secure = SecureBytes::takeFrom(code);
    if (!isValidMfaCode(secure.view()))
        return answerError(Tr::tr("the MFA code is not six digits"));
    return secure;
}

SocketLocation socketLocation(const QProcessEnvironment &env)
{
    SocketLocation location;
    const QString runtime = env.value(u"XDG_RUNTIME_DIR"_s);
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime)) {
        location.directory = QDir::cleanPath(runtime) + u"/rolecall"_s;
    } else {
        QString temp = env.value(u"TMPDIR"_s);
        if (temp.isEmpty() || !QDir::isAbsolutePath(temp))
            temp = QDir::tempPath();
        location.directory = QDir::cleanPath(temp) + u"/rolecall-"_s + QString::number(currentUserId());
    }
    location.path = location.directory + u"/broker.sock"_s;
    return location;
}

#ifdef Q_OS_UNIX

namespace {

Error directoryError(const QString &directory, const QString &problem)
{
    return Error::config(Tr::tr("The broker directory %1 %2; Rolecall does not use it. Remove it or set "
                                "XDG_RUNTIME_DIR to a private directory.")
                             .arg(directory, problem),
        kContext);
}

Result<void> checkOwnedDirectory(const QString &directory, bool fixMode)
{
    const QByteArray path = QFile::encodeName(directory);
    struct stat info
    { };
    if (::lstat(path.constData(), &info) != 0)
        return directoryError(directory, Tr::tr("cannot be read (%1)").arg(QString::fromLocal8Bit(strerror(errno))));
    if (!S_ISDIR(info.st_mode))
        return directoryError(directory, Tr::tr("is not a directory (or is a symbolic link)"));
    if (static_cast<qint64>(info.st_uid) != currentUserId())
        return directoryError(directory, Tr::tr("belongs to another user (uid %1)").arg(info.st_uid));
    if ((info.st_mode & 0077) != 0) {
        if (!fixMode)
            return directoryError(directory, Tr::tr("is open to other users"));
        if (::chmod(path.constData(), 0700) != 0)
            return directoryError(
                directory, Tr::tr("cannot be made private (%1)").arg(QString::fromLocal8Bit(strerror(errno))));
    }
    return {};
}

} // namespace

Result<void> prepareSocketDirectory(const QString &directory)
{
    const QByteArray path = QFile::encodeName(directory);
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST)
        return directoryError(directory, Tr::tr("cannot be created (%1)").arg(QString::fromLocal8Bit(strerror(errno))));
    return checkOwnedDirectory(directory, true);
}

Result<void> checkSocketDirectory(const QString &directory)
{
    return checkOwnedDirectory(directory, false);
}

std::optional<PeerCredentials> peerCredentials(qintptr socketDescriptor)
{
    if (socketDescriptor < 0)
        return std::nullopt;
    const int fd = static_cast<int>(socketDescriptor);
#if defined(Q_OS_LINUX)
    struct ucred credentials
    { };
    socklen_t length = sizeof credentials;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0 || length != sizeof credentials)
        return std::nullopt;
    return PeerCredentials {static_cast<qint64>(credentials.uid), static_cast<qint64>(credentials.pid)};
#else
    // macOS and the BSDs: getpeereid() reads LOCAL_PEERCRED (the process id would come from LOCAL_PEERPID).
    uid_t uid = 0;
    gid_t gid = 0;
    if (::getpeereid(fd, &uid, &gid) != 0)
        return std::nullopt;
    return PeerCredentials {static_cast<qint64>(uid), 0};
#endif
}

qint64 currentUserId()
{
    return static_cast<qint64>(::geteuid());
}

#else // Windows: the named pipe's DACL (QLocalServer::UserAccessOption) is the access check.

Result<void> prepareSocketDirectory(const QString &)
{
    return {};
}

Result<void> checkSocketDirectory(const QString &)
{
    return {};
}

std::optional<PeerCredentials> peerCredentials(qintptr)
{
    return PeerCredentials {0, 0}; // only this user can open the pipe
}

qint64 currentUserId()
{
    return 0;
}

#endif

bool isPeerAllowed(const std::optional<PeerCredentials> &peer, qint64 ownUserId)
{
    return peer.has_value() && peer->userId >= 0 && peer->userId == ownUserId;
}

Error::Kind kindFromName(QStringView name)
{
    for (const Error::Kind kind : {Error::Kind::Network, Error::Kind::Timeout, Error::Kind::Tls, Error::Kind::Http,
             Error::Kind::Aws, Error::Kind::Parse, Error::Kind::Validation, Error::Kind::Keychain, Error::Kind::Config,
             Error::Kind::Cancelled}) {
        if (Error::kindName(kind) == name)
            return kind;
    }
    return Error::Kind::None;
}

} // namespace Rolecall::Core::Broker
