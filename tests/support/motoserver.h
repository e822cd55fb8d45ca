// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace Rolecall::Test {

/** An IAM user that moto knows, with an allow-all inline policy and a real, moto-issued access key. */
struct MotoIdentity
{
    QString userName;
    QString userId;
    QString arn;
    QString accessKeyId;
    QString secretAccessKey;

    Core::AwsCredentials credentials() const;
};

/** An IAM role created in moto. */
struct MotoRole
{
    QString name;
    QString roleId;
    QString arn;
};

/** One HTTP exchange with moto: `error` is set when there was no HTTP answer at all. */
struct MotoReply
{
    int status = 0;
    QByteArray body;
    QString error;

    bool ok() const { return error.isEmpty() && status == 200; }
    /// A one-line description for failure messages.
    QString describe() const;
};

/**
 * The real local AWS emulator, `python3 -m moto.server`, on 127.0.0.1 and a free port, for one test
 * executable (start it in initTestCase, let the destructor stop it).
 *
 * With Auth::Enforced moto is a peer that checks what we send: it starts with
 * INITIAL_NO_AUTH_ACTION_COUNT=3, spends those three unauthenticated requests on creating an IAM user
 * with an allow-all policy and an access key (admin()), and from then on recomputes every request's
 * SigV4 signature with botocore from the secret it issued, answering SignatureDoesNotMatch or
 * InvalidClientTokenId when ours is wrong, and evaluates IAM policies (role trust policies with
 * sts:ExternalId conditions included).
 *
 * Limits of moto 5's checks, both in moto/iam/access_control.py:
 * - it cannot authenticate unsigned requests (AssumeRoleWithSAML, AssumeRoleWithWebIdentity): it answers
 *   them HTTP 500 (KeyError 'HTTP_AUTHORIZATION') while auth is enforced. Wrap those calls in an
 *   AuthSuspension.
 * - it verifies the signature over a body it re-encodes from the parsed form with Python's urlencode
 *   (space as '+'), not over the bytes it received: a correctly signed body with "%20" fails there
 *   with SignatureDoesNotMatch. Keep spaces out of parameter values while auth is enforced.
 *
 * The child gets a clean environment (no AWS_*, MOTO_* or proxy variables); `ROLECALL_TEST_PYTHON`
 * names another interpreter than `python3`.
 */
class MotoServer final
{
public:
    enum class Auth
    {
        Off,
        Enforced
    };

    /// moto's default account.
    static constexpr QLatin1StringView kAccountId {"123456789012"};
    static constexpr int kStartTimeoutMs = 30000;
    static constexpr int kRequestTimeoutMs = 30000;

    MotoServer();
    ~MotoServer();
    MotoServer(const MotoServer &) = delete;
    MotoServer &operator=(const MotoServer &) = delete;

    /// Starts moto and creates admin(). Returns an empty string or why it failed.
    QString start(Auth auth = Auth::Off);
    /// Terminates moto, killing it when it does not exit within a few seconds.
    void stop();

    bool isRunning() const;
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    Auth auth() const { return m_auth; }
    /// The IAM user created at start (with Auth::Off its key works but nothing is verified).
    const MotoIdentity &admin() const { return m_admin; }
    /// The last lines moto printed (request log, tracebacks), for failure messages.
    QString output() const;

    /// Switches moto's signature and IAM checks on or off (POST /moto-api/reset-auth). Empty string: done.
    QString setAuthEnforced(bool enforced);

    /// An IAM Query API call (Version 2010-05-08), SigV4-signed for service "iam" with admin()'s key,
    /// or with AWS's documented example key before admin() exists.
    MotoReply iam(const QList<std::pair<QByteArray, QByteArray>> &parameters);
    /// CreateRole with @p trustPolicy, then PutRolePolicy with @p permissionsPolicy unless it is empty.
    /// Returns an empty string or the failure.
    QString createRole(
        const QString &name, const QString &trustPolicy, const QString &permissionsPolicy, MotoRole *role);
    /// moto's internal state (GET /moto-api/data.json): what moto actually stored from our requests.
    QJsonObject modelData();

    MotoReply get(const QString &path);
    MotoReply post(
        const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers);

    /// Text of the first element named @p name (local name, any namespace) in @p xml, or a null string.
    static QString xmlText(const QByteArray &xml, QStringView name);
    /// An allow-all IAM policy document.
    static QString allowAllPolicy();
    /**
     * A base64 SAML 2.0 Response as an IdP posts it, carrying the attributes moto reads: Role
     * ("roleArn,providerArn"), RoleSessionName and SessionDuration. Unsigned: moto does not check
     * XML signatures.
     */
    static QByteArray samlAssertion(
        const QString &roleArn, const QString &providerArn, const QString &sessionName, int sessionDurationSeconds);

private:
    QString startOnce(const QString &program, quint16 port);
    QString waitUntilListening();
    QString createAdmin();
    void collectOutput() const;
    MotoReply send(bool isPost, const QString &path, const QByteArray &body,
        const QList<std::pair<QByteArray, QByteArray>> &headers);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QNetworkAccessManager> m_network;
    mutable QByteArray m_output;
    QUrl m_url;
    quint16 m_port = 0;
    Auth m_auth = Auth::Off;
    MotoIdentity m_admin;
};

/**
 * Turns moto's auth checks off for its lifetime and back on afterwards (when they were on), so a
 * failing test cannot leave the server unauthenticated for the next one.
 */
class AuthSuspension final
{
public:
    explicit AuthSuspension(MotoServer &server);
    ~AuthSuspension();
    AuthSuspension(const AuthSuspension &) = delete;
    AuthSuspension &operator=(const AuthSuspension &) = delete;

    /// Empty when auth is off now.
    QString error() const { return m_error; }

private:
    MotoServer &m_server;
    QString m_error;
    bool m_restore = false;
};

} // namespace Rolecall::Test
