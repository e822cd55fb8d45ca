// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authz/authorizationmessage.h"
#include "console/federation.h"
#include "credentials/credentialflow.h"
#include "export/exporter.h"
#include "profiles/profilestore.h"
#include "util/awscredentials.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Rolecall::Core::Controllers {

/**
 * The desktop app's engine room, QtCore-only: runs credential flows for profiles (assume, refresh),
 * keeps the active sessions, renders them for export, and produces console sign-in URLs. The main
 * window forwards intents here and renders the signals; it never touches STS, time or secrets itself.
 *
 * One flow per profile at a time; cancel() aborts it. Errors arrive with the profile they belong to.
 */
class SessionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionController)

public:
    SessionController(Profiles::ProfileStore *store, CredentialServices services, QObject *parent = nullptr);
    ~SessionController() override;

    void assume(const QString &profile, std::optional<int> durationSeconds = {});
    void cancel(const QString &profile);
    /// Drops the session from memory and the profile's cached sessions from the keychain.
    void forget(const QString &profile);
    /// Lifetime asked of GetSessionToken (the MFA session that unlocks role chains), 900-129600 s.
    void setSessionTokenDurationSeconds(int seconds) { m_sessionTokenDurationSeconds = seconds; }

    bool isBusy(const QString &profile) const { return m_flows.contains(profile); }
    bool hasSession(const QString &profile) const;
    const AwsCredentials *session(const QString &profile) const;
    /// Expiry (UTC) of every active session, for badges and the sessions list.
    QHash<QString, QDateTime> expiries() const;
    /// Credentials of @p profile in @p format (secrets: clear the text when done with it).
    Result<SecureBytes> exportSession(const QString &profile, Export::Format format) const;
    /// Writes the session of @p profile into the credentials file as [@p name] (Export::SessionWriter);
    /// returns the summary to show.
    Result<QString> writeSession(const QString &profile, const QString &name);

    /// Signs in to the console as @p profile (assuming it first when there is no session); emits
    /// consoleReady with the login URL (or the logout-first URL wrapping it).
    void openConsole(const QString &profile, const Console::Destination &destination, bool logoutFirst,
        std::optional<int> sessionDurationSeconds = {});
    void setFederationUrlOverride(const QString &url) { m_federationOverride = url; }

    /// Decodes an "encoded authorization failure message" (the whole error text is fine) with the
    /// credentials of @p profile (assumed first when needed); emits decoded.
    void decodeMessage(const QString &profile, const QString &text);
    /// The account an access key belongs to (GetAccessKeyInfo, signed as @p profile); emits accessKeyInfo.
    void lookUpAccessKey(const QString &profile, const QString &accessKeyId);

Q_SIGNALS:
    void busyChanged(const QString &profile, bool busy);
    void progress(const QString &profile, const QString &step);
    void sessionChanged(const QString &profile);
    void failed(const QString &profile, const Rolecall::Core::Error &error);
    void consoleReady(const QString &profile, const QUrl &url);
    void decoded(const QString &profile, const Rolecall::Core::Authz::AuthorizationMessage &message);
    void accessKeyInfo(const QString &accessKeyId, const QString &account);

private:
    void startFlow(
        const QString &profile, std::optional<int> durationSeconds, std::function<void(const AwsCredentials &)> then);
    void signIn(const QString &profile, const Console::Destination &destination, bool logoutFirst,
        std::optional<int> sessionDurationSeconds);
    /// Runs @p then with the profile's session (assuming it first when needed).
    void withSession(const QString &profile, std::function<void(const AwsCredentials &)> then);
    Result<Sts::StsClient *> stsClientFor(const QString &profile, const AwsCredentials &signer);

    Profiles::ProfileStore *m_store;
    CredentialServices m_services;
    QHash<QString, QPointer<CredentialFlow>> m_flows;
    QHash<QString, AwsCredentials> m_sessions;
    QString m_federationOverride;
    int m_sessionTokenDurationSeconds = CredentialRequestOptions().sessionTokenDurationSeconds;
};

} // namespace Rolecall::Core::Controllers
