// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mfa.h"
#include "profiles/profile.h"
#include "sessioncache.h"
#include "sts/stsclient.h"
#include "util/awscredentials.h"
#include "util/clock.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

class QNetworkAccessManager;

namespace Rolecall::Core {

namespace Secrets {
class KeyStore;
}

/** What a CredentialFlow needs from its surroundings (injected by the composition root). */
struct CredentialServices
{
    QNetworkAccessManager *network = nullptr;
    const Clock *clock = nullptr;
    MfaProvider *mfa = nullptr;
    /// Optional: temporary credentials kept between runs (a fresh hit finishes without network or prompt),
    /// and the GetSessionToken-with-MFA session shared by every role chained from the same user.
    SessionCache *cache = nullptr;
    QProcessEnvironment environment;
    /// Keys in the OS keychain, for KeychainKeys steps (credential_process = rolecall-cli
    /// credential-process --profile X); null: such a step fails with a Config error.
    Secrets::KeyStore *keyStore = nullptr;
};

/** Choices the caller makes for one run. */
struct CredentialRequestOptions
{
    /// Overrides the last hop's duration (--duration).
    std::optional<int> durationSeconds;
    /// Overrides the profile's region / endpoint for the STS calls (--region, --endpoint-url).
    QString region;
    QString endpointUrl;
    /// Lifetime of a GetSessionToken-with-MFA session (the AWS default is 12 hours).
    int sessionTokenDurationSeconds = 43200;
};

/**
 * "Get credentials for profile P": one state machine that walks the resolved chain — the root source
 * (keys, environment, container, instance metadata, credential_process, web identity), an optional
 * GetSessionToken with MFA, then each AssumeRole hop with the previous hop's credentials — and finishes
 * once. The desktop app and rolecall-cli are two faces on this object.
 *
 * Emits `progress` before each step, then exactly one `finished`, then deletes itself; abort() cancels
 * the step in flight.
 */
class CredentialFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialFlow)

public:
    CredentialFlow(Profiles::ResolvedProfile profile, CredentialServices services,
        CredentialRequestOptions options = {}, QObject *parent = nullptr);
    ~CredentialFlow() override;

    const Profiles::ResolvedProfile &profile() const { return m_profile; }
    void abort();

Q_SIGNALS:
    void progress(int step, int steps, const QString &description);
    void finished(const Rolecall::Core::Result<Rolecall::Core::AwsCredentials> &result);

private:
    void start();
    void runStep();
    void stepDone(const Result<AwsCredentials> &result);
    void finish(const Result<AwsCredentials> &result);
    Result<Sts::StsClient *> clientFor(const AwsCredentials &signer);
    void withMfaCode(const QString &serial, const QString &mfaProcess, std::function<void(SecureBytes)> next);
    Error inContext(Error error) const;
    Result<Endpoint> stsEndpoint() const;
    // Session cache: the final credentials first, then the user's MFA session token; single flight per key.
    void lookupFinal();
    void lookupSessionToken();
    void emitFinished(const Result<AwsCredentials> &result);
    void releaseClaims();

    Profiles::ResolvedProfile m_profile;
    CredentialServices m_services;
    CredentialRequestOptions m_options;
    qsizetype m_index = 0;
    AwsCredentials m_current;
    QPointer<QObject> m_job;
    Sts::StsClient *m_client = nullptr;
    bool m_finished = false;
    bool m_aborted = false;
    QPointer<SessionCache> m_cache;
    bool m_cacheKeysMade = false;
    std::optional<CacheKey> m_finalKey;
    std::optional<CacheKey> m_tokenKey; ///< only when a SessionToken step is not the last step
    qsizetype m_tokenIndex = -1;
    bool m_finalClaimed = false;
    bool m_tokenClaimed = false;
    bool m_fromCache = false;
    int m_cacheWaits = 0;
    // The MFA code the step in flight sent, to tell the MfaBroker whether AWS took it.
    QString m_mfaSerialInUse;
    SecureBytes m_mfaCodeInUse;
    int m_mfaAttempts = 0;
};

} // namespace Rolecall::Core
