// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "brokerprotocol.h"
#include "credentialflow.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>

class QLocalServer;

namespace Rolecall::Core {

/**
 * What answers the broker's requests: the desktop app plugs in its own (its cache, its MFA dialog);
 * FlowBrokerHandler is a ready-made one that runs a CredentialFlow.
 *
 * Each call must call @p done exactly once, now or later. It returns a function the server calls when the
 * client went away before the answer (the AWS CLI was killed, the prompt is no longer wanted): it should stop
 * the work and close any prompt; `done` may still be called afterwards and is then ignored. It may return an
 * empty function.
 */
class BrokerHandler
{
public:
    using Cancel = std::function<void()>;
    virtual ~BrokerHandler() = default;

    /// Cached-or-fresh credentials of request.profile (request.durationSeconds, when set, for the last hop).
    virtual Cancel credentials(const Broker::Request &request, std::function<void(Result<AwsCredentials>)> done) = 0;
    /// Asks the user for an MFA code of request.serialNumber. The default refuses (UnsupportedOperation).
    virtual Cancel mfaCode(const Broker::Request &request, std::function<void(Result<SecureBytes>)> done);
};

/** Limits of a BrokerServer; the defaults suit the desktop app. */
struct BrokerServerSettings
{
    /// A client must send its whole request line within this time after connecting.
    int requestTimeoutMs = 5000;
    /// A handler that has not answered by then is cancelled and the client gets a Timeout error (MFA prompts
    /// wait for a person, hence minutes).
    int answerTimeoutMs = 10 * 60 * 1000;
    /// Connections served at once; more get a Busy answer.
    int maxConnections = 32;
};

/**
 * The desktop broker: a QLocalServer on a per-user socket (see Broker::socketLocation) that answers
 * `rolecall-cli` with credentials and MFA codes from a BrokerHandler.
 *
 * Access control, in layers: the socket's directory is 0700 and owned by the user (Broker::prepareSocketDirectory);
 * the socket is created 0600 (QLocalServer::UserAccessOption, then chmod, then checked); and every connection's
 * peer user is asked from the kernel (SO_PEERCRED) and compared with ours — others are closed without a word.
 * A socket left by a crashed app is detected (nobody accepts a connection on it) and removed; a socket of a
 * running app is left alone and listen() fails.
 *
 *     FlowBrokerHandler handler(lookup, services);
 *     BrokerServer broker(&handler);
 *     if (auto ok = broker.listen(QProcessEnvironment::systemEnvironment()); !ok) … ok.error().message …
 */
class BrokerServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerServer)

public:
    using PeerLookup = std::function<std::optional<Broker::PeerCredentials>(qintptr socketDescriptor)>;

    /// @p handler must outlive the server.
    explicit BrokerServer(BrokerHandler *handler, BrokerServerSettings settings = {}, QObject *parent = nullptr);
    ~BrokerServer() override;

    /// Listens at Broker::socketLocation(@p env), creating its directory.
    Result<void> listen(const QProcessEnvironment &env);
    /// Listens at @p socketPath; its directory is created (0700) when missing and must be the user's own.
    Result<void> listen(const QString &socketPath);
    /// Stops listening and removes the socket; open exchanges are cancelled.
    void close();
    bool isListening() const;
    QString socketPath() const { return m_path; }

    /// Exchanges in progress.
    int openConnections() const { return static_cast<int>(m_connections.size()); }
    /// Connections closed because the peer was not this user (or could not be identified).
    int refusedPeers() const { return m_refusedPeers; }
    /// Answers written (errors included).
    int answers() const { return m_answers; }

    /// Test seam: how a connection's peer is identified (default: Broker::peerCredentials).
    void setPeerLookup(PeerLookup lookup) { m_peerLookup = std::move(lookup); }

Q_SIGNALS:
    /// A connection was closed because its peer is another user (-1: unknown).
    void peerRefused(qint64 userId);
    /// One exchange ended (answered, or the client went away).
    void exchangeFinished();

private:
    class Connection;
    friend class Connection;

    void onNewConnection();
    void connectionDone(Connection *connection);

    BrokerHandler *m_handler;
    BrokerServerSettings m_settings;
    std::unique_ptr<QLocalServer> m_server;
    QString m_path;
    QList<Connection *> m_connections;
    PeerLookup m_peerLookup;
    qint64 m_ownUserId;
    int m_refusedPeers = 0;
    int m_answers = 0;
};

/**
 * A ready-made BrokerHandler: runs a CredentialFlow per request with the injected services (their MfaProvider
 * answers "mfa" requests and the flows' MFA steps). Requests for the same profile and duration that arrive while
 * one flow runs share it (one MFA prompt, however many tools ask at once); results are kept in memory until less
 * than `refreshWindowSeconds` remain.
 *
 * The flows' children (credential_process, mfa_process) get the profile in Broker::kLoopGuardVariable, so a
 * `rolecall-cli credential-process` configured for the very profile refuses at once instead of looping.
 */
class FlowBrokerHandler final : public QObject, public BrokerHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowBrokerHandler)

public:
    /// The resolved profile, or nothing when there is no such profile (the client gets UnknownProfile).
    using ProfileLookup = std::function<std::optional<Profiles::ResolvedProfile>(const QString &name)>;

    struct Settings
    {
        /// Region, endpoint and session-token duration for every flow; durationSeconds comes from the request.
        CredentialRequestOptions options;
        /// Keep results in memory and answer from there.
        bool cache = true;
        /// Cached credentials with less time left are not used: a fresh flow runs.
        int refreshWindowSeconds = 300;
    };

    FlowBrokerHandler(ProfileLookup lookup, CredentialServices services, Settings settings, QObject *parent = nullptr);
    FlowBrokerHandler(ProfileLookup lookup, CredentialServices services, QObject *parent = nullptr);
    ~FlowBrokerHandler() override;

    Cancel credentials(const Broker::Request &request, std::function<void(Result<AwsCredentials>)> done) override;
    Cancel mfaCode(const Broker::Request &request, std::function<void(Result<SecureBytes>)> done) override;

    /// Forgets every cached result.
    void clearCache();
    /// Flows started so far (each shared by every request that joined it).
    int flowsStarted() const { return m_flowsStarted; }

private:
    struct Pending
    {
        QPointer<CredentialFlow> flow;
        QHash<quint64, std::function<void(Result<AwsCredentials>)>> waiters;
    };

    void flowFinished(const QString &key, const Result<AwsCredentials> &result);
    void cancelWaiter(const QString &key, quint64 id);

    ProfileLookup m_lookup;
    CredentialServices m_services;
    Settings m_settings;
    QHash<QString, Pending> m_pending;
    QHash<QString, AwsCredentials> m_cache;
    quint64 m_nextWaiter = 1;
    int m_flowsStarted = 0;
};

} // namespace Rolecall::Core
