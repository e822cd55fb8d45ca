// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QLatin1StringView>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

/**
 * The desktop broker's wire protocol, socket location and peer check: what `rolecall-cli credential-process`
 * (and `assume` without a terminal) use to ask a running `rolecall` app for credentials and MFA codes, so that
 * tools without a terminal (an IDE, kubectl, Terraform calling credential_process) still get an MFA prompt, and
 * share the app's cache.
 *
 * One connection carries one exchange: the client writes one request line, the server writes one answer line
 * and closes. A line is compact UTF-8 JSON ending in "\n" (JSON escapes every newline inside strings), at most
 * kMaxMessageBytes including the newline.
 *
 *     → {"v":1,"op":"credentials","profile":"dev","duration":3600,"format":"process","client":"credential-process"}
 *     ← {"v":1,"ok":true,"credentials":{"Version":1,"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…,
 *        "Expiration":"2024-05-01T12:00:00Z"}}
 *     → {"v":1,"op":"mfa","profile":"dev","serial":"arn:aws:iam::123456789012:mfa/alice"}
 *     ← {"v":1,"ok":true,"code":"123456"}
 *     ← {"v":1,"ok":false,"error":{"kind":"cancelled","code":"","message":"…"}}
 *
 * `duration`, `format` (only "process" exists) and `client` (free text naming the asking command, shown in the
 * app) are optional. `error.kind` is Error::kindName(); `error.code` the AWS or broker code (kCode… below);
 * `error.message` a translated sentence; `awsMessage`, `requestId`, `httpStatus`, `context` and `field` follow
 * when set. A server answers a request of another version with UnsupportedVersion and its own "v".
 *
 * Secrets (credentials, MFA codes) only travel over the owner-only socket; every buffer that held them is
 * wiped (secureWipe) after use. Qt's socket ring buffers and QJsonDocument's internal copies are freed, not
 * wiped: the same limit as everywhere a secret is parsed from JSON.
 */
namespace Rolecall::Core::Broker {

inline constexpr int kProtocolVersion = 1;
/// Largest request or answer, newline included.
inline constexpr qsizetype kMaxMessageBytes = 64 * 1024;

// Error codes (Error::awsCode) the broker and its client use.
/// Client side: no app answers on the socket (no socket, a stale one, or no accept within the connect timeout).
inline constexpr QLatin1StringView kCodeNotRunning {"BrokerNotRunning"};
/// Client side: the socket's directory or the server's user is not ours; the broker is not used.
inline constexpr QLatin1StringView kCodeNotTrusted {"BrokerNotTrusted"};
inline constexpr QLatin1StringView kCodeRequestTooLarge {"RequestTooLarge"};
inline constexpr QLatin1StringView kCodeMalformedRequest {"MalformedRequest"};
inline constexpr QLatin1StringView kCodeUnsupportedVersion {"UnsupportedVersion"};
inline constexpr QLatin1StringView kCodeUnsupportedOperation {"UnsupportedOperation"};
inline constexpr QLatin1StringView kCodeUnsupportedFormat {"UnsupportedFormat"};
/// The app does not know the profile (its config files may differ from the caller's).
inline constexpr QLatin1StringView kCodeUnknownProfile {"UnknownProfile"};
inline constexpr QLatin1StringView kCodeBusy {"Busy"};

/**
 * Profiles whose credentials an ancestor process is getting right now, separated by newlines. Set for the
 * children of a credential chain (credential_process, mfa_process) so that `rolecall-cli credential-process`
 * configured as the credential_process of the very profile it is asked for fails at once instead of calling
 * itself (or the app) forever.
 */
inline constexpr QLatin1StringView kLoopGuardVariable {"ROLECALL_CREDENTIAL_CHAIN"};
/// True when @p env's loop guard names @p profile.
bool loopGuardContains(const QProcessEnvironment &env, const QString &profile);
/// @p env with @p profile added to the loop guard.
QProcessEnvironment withLoopGuard(QProcessEnvironment env, const QString &profile);

enum class Operation
{
    Credentials, ///< "credentials": cached-or-fresh credentials of `profile`
    MfaCode, ///< "mfa": ask the user for a code of device `serialNumber` (for `profile`)
};

/** One request, as decoded by the server. */
struct Request
{
    int version = kProtocolVersion;
    Operation operation = Operation::Credentials;
    QString profile;
    std::optional<int> durationSeconds;
    QString serialNumber;
    /// Free text: which command asks ("credential-process", "assume"), for the app's prompt.
    QString client;
    /// Filled in by the server from the socket (SO_PEERCRED), never read from the JSON; 0 when unknown.
    qint64 peerProcessId = 0;
};

/// The request line (JSON + "\n"). Holds no secret.
QByteArray encodeRequest(const Request &request);
/**
 * Reads one request line (without or with its "\n"). Errors are Validation errors whose awsCode is one of
 * MalformedRequest, UnsupportedVersion, UnsupportedOperation, UnsupportedFormat or RequestTooLarge.
 */
Result<Request> decodeRequest(QByteArrayView line);

/// `{"v":1,"ok":true,"credentials":{Version 1 document}}` + "\n". Holds secrets: secureWipe() it after writing.
QByteArray encodeCredentialsAnswer(const AwsCredentials &credentials);
/// `{"v":1,"ok":true,"code":"123456"}` + "\n". Holds a secret: secureWipe() it after writing.
QByteArray encodeMfaAnswer(const SecureBytes &code);
/// `{"v":1,"ok":false,"error":{…}}` + "\n".
QByteArray encodeErrorAnswer(const Error &error);

/**
 * Reads a credentials answer. The credentials must not be expired at @p now (parseProcessOutput's rules).
 * An error answer comes back as that Error, as the server described it.
 */
Result<AwsCredentials> decodeCredentialsAnswer(QByteArrayView line, const QDateTime &now);
/// Reads an MFA answer: six digits, or the server's Error.
Result<SecureBytes> decodeMfaAnswer(QByteArrayView line);

/** Where the broker listens. */
struct SocketLocation
{
    /// Owner-only directory holding the socket.
    QString directory;
    /// The socket: `directory` + "/broker.sock".
    QString path;
};

/**
 * `$XDG_RUNTIME_DIR/rolecall/broker.sock` when XDG_RUNTIME_DIR is an absolute path, else
 * `$TMPDIR/rolecall-<uid>/broker.sock` (TMPDIR absolute, else QDir::tempPath()). Computes only; creates nothing.
 * (Windows would use a named pipe `rolecall-broker-<user>` guarded by QLocalServer::UserAccessOption's DACL.)
 */
SocketLocation socketLocation(const QProcessEnvironment &env);

/**
 * Server side: creates @p directory with mode 0700 when missing (the parent must exist), else checks that it
 * is a real directory (no symlink) owned by this user and tightens its mode to 0700. A Config error when it
 * belongs to someone else, or is not a directory: then nothing is served there.
 */
Result<void> prepareSocketDirectory(const QString &directory);
/// Client side: @p directory is a real directory owned by this user that no one else may enter.
Result<void> checkSocketDirectory(const QString &directory);

/** Who is at the other end of a connected local socket, as the kernel tells. */
struct PeerCredentials
{
    qint64 userId = -1;
    qint64 processId = 0;
};

/**
 * The peer of a connected Unix socket: getsockopt(SO_PEERCRED) on Linux; getpeereid() on macOS and the BSDs
 * (LOCAL_PEERCRED, with LOCAL_PEERPID for the process). Nothing when the OS cannot tell — the peer is then
 * refused. On Windows the broker's named pipe is protected by its DACL (QLocalServer::UserAccessOption) and
 * GetNamedPipeClientProcessId + the client's token SID would be the equivalent check; not built here.
 */
std::optional<PeerCredentials> peerCredentials(qintptr socketDescriptor);
/// geteuid().
qint64 currentUserId();
/// The peer check: the kernel named the peer, and it is @p ownUserId.
bool isPeerAllowed(const std::optional<PeerCredentials> &peer, qint64 ownUserId);

/// Error::Kind from Error::kindName(); Kind::None for an unknown name.
Error::Kind kindFromName(QStringView name);

} // namespace Rolecall::Core::Broker
