// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"
#include "util/clock.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;

namespace Rolecall::Core {

/** Limits and timing of a ContainerServer. */
struct ContainerServerSettings
{
    /// Credentials with less time left are refreshed before they are served (botocore refreshes its own copy
    /// 15 minutes ahead, so a wider window keeps a child from fetching the same soon-expiring set repeatedly).
    int refreshWindowSeconds = 300;
    /// Credentials with less time left are never served (a failed refresh then answers 503).
    int minimumRemainingSeconds = 60;
    /// After a refresh (successful or not), servable credentials are served as they are for this long: sessions
    /// shorter than the window must not turn every request into an STS call.
    int minimumRefreshIntervalSeconds = 30;
    /// Request head (request line and headers) bound; larger requests get 431.
    qsizetype maxRequestBytes = 16 * 1024;
    /// A client must send its request within this time.
    int requestTimeoutMs = 10000;
    /// A refresh not done by then fails (the waiting requests get 503).
    int refreshTimeoutMs = 5 * 60 * 1000;
    /// Connections served at once; more are closed at once.
    int maxConnections = 32;
};

/**
 * An ECS-style container credentials endpoint on 127.0.0.1 for one child process tree, like
 * `aws-vault exec --ecs-server`: the AWS SDKs and CLI fetch `{"AccessKeyId", "SecretAccessKey", "Token",
 * "Expiration"}` from AWS_CONTAINER_CREDENTIALS_FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN as the
 * Authorization header, and fetch again before the credentials expire — so long jobs keep working.
 *
 * Listens on 127.0.0.1 and a random port, serves only at a random path, and only to requests whose Authorization
 * header is exactly the random 32-byte token (base64url; compared in constant time): anything else gets 401.
 * Only GET; bodies are refused; bounded request size, time and connection count; `Connection: close`.
 *
 * When the credentials have less than `refreshWindowSeconds` left, a request first asks @p refresh for new ones
 * (one refresh at a time; requests arriving meanwhile wait for it). Expired credentials are never served: when a
 * refresh fails and fewer than `minimumRemainingSeconds` remain, the answer is 503.
 *
 *     ContainerServer server(&clock, [](auto done) { … run the chain, then done(result) … });
 *     if (auto ok = server.start(initial); !ok) …
 *     QProcessEnvironment env = …; server.exportTo(env);   // then start the child with env
 */
class ContainerServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerServer)

public:
    using Refresh = std::function<void(std::function<void(Result<AwsCredentials>)> done)>;

    /// @p clock must outlive the server. @p refresh must call its callback exactly once.
    ContainerServer(
        const Clock *clock, Refresh refresh, ContainerServerSettings settings = {}, QObject *parent = nullptr);
    ~ContainerServer() override;

    /**
     * Starts serving @p initial (temporary credentials: they need a session token and an expiration, as the
     * endpoint's format does). A Config error for long-term keys; a Network error when it cannot listen.
     */
    Result<void> start(const AwsCredentials &initial);
    void stop();
    bool isListening() const;

    /// `http://127.0.0.1:<port>/<random path>`.
    QUrl url() const;
    /// The value clients must send as the Authorization header.
    SecureBytes authorizationToken() const { return m_token; }
    /**
     * Points @p env at this endpoint: sets AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN,
     * and removes what the SDKs would prefer or confuse it with (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
     * AWS_SESSION_TOKEN, AWS_SECURITY_TOKEN, AWS_CREDENTIAL_EXPIRATION, AWS_PROFILE, AWS_DEFAULT_PROFILE and the
     * other AWS_CONTAINER_* variables). 127.0.0.1 joins NO_PROXY when a proxy is configured.
     */
    void exportTo(QProcessEnvironment &env) const;

    /// Expiration of the credentials being served.
    QDateTime expiration() const { return m_credentials.expiration; }
    int servedCount() const { return m_served; }
    int unauthorizedCount() const { return m_unauthorized; }
    int refreshCount() const { return m_refreshes; }

Q_SIGNALS:
    void refreshed(const QDateTime &expiration);
    void refreshFailed(const Rolecall::Core::Error &error);

private:
    class Connection;
    friend class Connection;

    void onNewConnection();
    /// Calls @p ready with fresh-enough credentials, refreshing first when needed; an Error when none can be served.
    void withCredentials(Connection *connection);
    void refreshDone(const Result<AwsCredentials> &result);
    bool servable(const AwsCredentials &credentials) const;

    const Clock *m_clock;
    Refresh m_refresh;
    ContainerServerSettings m_settings;
    std::unique_ptr<QTcpServer> m_server;
    QByteArray m_path;
    SecureBytes m_token;
    AwsCredentials m_credentials;
    QList<Connection *> m_connections;
    QList<QPointer<Connection>> m_waiting;
    bool m_refreshing = false;
    quint64 m_refreshGeneration = 0;
    /// When the last refresh started (Clock milliseconds), or 0.
    qint64 m_lastRefreshMs = 0;
    int m_served = 0;
    int m_unauthorized = 0;
    int m_refreshes = 0;
};

/// `count` bytes from the system's cryptographic random source, base64url without padding.
QByteArray randomToken(int count);

} // namespace Rolecall::Core
