// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QDebug;

namespace Rolecall::Core {

/**
 * The one error type of Rolecall.
 *
 * `kind` and `awsCode` are for logic (retry decisions, exit codes, hints); `message` is translated,
 * names the call and tells the user what happened and what to do next. No field ever holds a secret:
 * constructors take codes, AWS's own message text and names of things, never credential values.
 */
struct Error
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Error)

public:
    enum class Kind
    {
        None,
        Network, ///< connection refused/reset, DNS, proxy
        Timeout, ///< no progress within the transfer timeout
        Tls, ///< certificate or handshake failure; never bypassed
        Http, ///< an HTTP error without an AWS error body
        Aws, ///< AWS answered with an error code
        Parse, ///< a response we could not read
        Validation, ///< a request parameter breaks a documented limit; nothing was sent
        Keychain, ///< the OS keychain failed or is unavailable
        Config, ///< configuration files, profiles, endpoints
        Cancelled, ///< the user or the caller aborted
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString awsCode;
    QString awsMessage;
    QString requestId;
    /// The call or object the error belongs to, e.g. "AssumeRole" or a profile name.
    QString context;
    /// For validation errors: the offending parameter, e.g. "RoleSessionName".
    QString field;
    /// Translated, complete sentence(s) for the user.
    QString message;

    bool isNone() const { return kind == Kind::None; }

    static Error validation(const QString &field, const QString &problem, const QString &context = {});
    static Error aws(int httpStatus, const QString &code, const QString &awsMessage, const QString &requestId,
        const QString &context);
    static Error http(int httpStatus, const QString &context);
    static Error network(const QString &detail, const QString &context);
    static Error timeout(int seconds, const QString &context);
    static Error tls(const QString &detail, const QString &context);
    static Error parse(const QString &detail, const QString &context);
    static Error config(const QString &detail, const QString &context = {});
    static Error cancelled(const QString &context);
    static Error keychain(const QString &detail, const QString &context = {});

    /// True for the codes AWS services use to say "slow down" (Throttling, SlowDown, …): retried, and
    /// explained to the user as throttling.
    static bool isThrottlingCode(const QString &code);
    /// A plain-language next step for an AWS error code (and its message), or empty.
    static QString hintForAwsError(const QString &code, const QString &awsMessage);
    /// Untranslated name of a kind, for logs and JSON ("network", "aws", …).
    static QString kindName(Kind kind);
};

QDebug operator<<(QDebug debug, const Error &error);

} // namespace Rolecall::Core

Q_DECLARE_METATYPE(Rolecall::Core::Error)
