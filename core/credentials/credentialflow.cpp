// SPDX-License-Identifier: Apache-2.0
#include "credentialflow.h"

#include "containercredentials.h"
#include "environmentcredentials.h"
#include "imdscredentials.h"
#include "mfabroker.h"
#include "processcredentials.h"
#include "secrets/keystore.h"
#include "webidentitytoken.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::CredentialFlow)
};

using Step = Profiles::Step;

// Codes per MFA step when AWS refuses them (a typo, a code another tool used): the first and two more.
constexpr int kMaxMfaAttempts = 3;
// Times a flow waits for another flow fetching the same cache key before fetching it itself.
constexpr int kMaxCacheWaits = 3;

bool isRefusedMfaCode(const Error &error)
{
    // What Error::hintForAwsError reads as "the MFA code was wrong or already used".
    return error.kind == Error::Kind::Aws && error.awsCode == u"AccessDenied"_s
        && error.awsMessage.contains(u"MultiFactorAuthentication"_s, Qt::CaseInsensitive);
}
} // namespace

CredentialFlow::CredentialFlow(
    Profiles::ResolvedProfile profile, CredentialServices services, CredentialRequestOptions options, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_services(std::move(services))
    , m_options(std::move(options))
    , m_cache(m_services.cache)
{
    Q_ASSERT(m_services.network && m_services.clock);
    QMetaObject::invokeMethod(this, &CredentialFlow::start, Qt::QueuedConnection);
}

CredentialFlow::~CredentialFlow()
{
    releaseClaims();
}

void CredentialFlow::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (auto *sts = qobject_cast<Sts::StsJob *>(m_job.data()))
        sts->abort(); // finishes through stepDone with Cancelled
    else if (auto *process = qobject_cast<ProcessCredentialsJob *>(m_job.data()))
        process->abort();
    else if (auto *container = qobject_cast<ContainerCredentialsJob *>(m_job.data()))
        container->abort();
    else if (auto *imds = qobject_cast<ImdsCredentialsJob *>(m_job.data()))
        imds->abort();
    else if (auto *mfaProcess = qobject_cast<QProcess *>(m_job.data())) {
        finish(Error::cancelled(m_profile.name)); // first: the kill below reports an error we ignore
        mfaProcess->kill();
    } else
        finish(Error::cancelled(m_profile.name));
}

Error CredentialFlow::inContext(Error error) const
{
    // "profile admin: AssumeRole: AWS refused …" — which profile, which call, what AWS said.
    if (!error.message.startsWith(QString(m_profile.name + u':')))
        error.message = Tr::tr("Profile %1: %2").arg(m_profile.name, error.message);
    return error;
}

void CredentialFlow::start()
{
    if (m_finished)
        return;
    if (!m_profile.errors.isEmpty()) {
        finish(Error::config(m_profile.errors.join(u' '), m_profile.name));
        return;
    }
    if (m_profile.steps.isEmpty()) {
        finish(Error::config(Tr::tr("The profile \"%1\" has no credentials: it sets neither keys, a role, a "
                                    "credential_process, web identity nor SSO.")
                                 .arg(m_profile.name),
            m_profile.name));
        return;
    }
    if (m_cache)
        lookupFinal();
    else
        runStep();
}

Result<Endpoint> CredentialFlow::stsEndpoint() const
{
    EndpointSettings endpointSettings = m_profile.endpointSettings(m_services.environment);
    if (!m_options.region.isEmpty())
        endpointSettings.region = m_options.region;
    if (!m_options.endpointUrl.isEmpty())
        endpointSettings.explicitUrl = m_options.endpointUrl;
    return resolveStsEndpoint(endpointSettings);
}

Result<Sts::StsClient *> CredentialFlow::clientFor(const AwsCredentials &signer)
{
    if (!m_client) {
        auto endpoint = stsEndpoint();
        if (!endpoint)
            return endpoint.error();
        Sts::StsClientConfig config;
        config.endpoint = endpoint.value();
        config.retryPolicy = Sts::RetryPolicy::fromSettings(
            m_profile.setting(u"max_attempts"), m_profile.setting(u"retry_mode"), m_services.environment);
        QString caBundle = m_services.environment.value(u"AWS_CA_BUNDLE"_s);
        if (caBundle.isEmpty())
            caBundle = m_profile.setting(u"ca_bundle").trimmed();
        if (!caBundle.isEmpty()) {
            auto certificates = Sts::StsClient::loadCaBundle(caBundle);
            if (!certificates)
                return certificates.error();
            config.caCertificates = certificates.value();
        }
        m_client = new Sts::StsClient(m_services.network, m_services.clock, config, this);
    }
    m_client->setCredentials(signer);
    return m_client;
}

void CredentialFlow::withMfaCode(
    const QString &serial, const QString &mfaProcess, std::function<void(SecureBytes)> next)
{
    QPointer<CredentialFlow> self(this);
    auto deliver = [self, next, serial](Result<SecureBytes> code) {
        if (!self || self->m_finished)
            return;
        if (!code) {
            self->finish(code.error());
            return;
        }
        self->m_mfaSerialInUse = serial;
        self->m_mfaCodeInUse = code.value();
        next(std::move(code).value());
    };
    // An MfaBroker runs mfa_process itself, under its rules for used codes.
    if (!mfaProcess.isEmpty() && !dynamic_cast<MfaBroker *>(m_services.mfa)) {
        m_job = runMfaProcess(mfaProcess, m_services.environment, 60000, deliver);
        return;
    }
    if (!m_services.mfa) {
        finish(Error::config(Tr::tr("An MFA code for %1 is needed, and there is no way to ask for one here. Give it "
                                    "with --mfa-code, or set mfa_process.")
                                 .arg(serial),
            m_profile.name));
        return;
    }
    MfaRequest request;
    request.profile = m_profile.name;
    request.serialNumber = serial;
    request.mfaProcess = mfaProcess;
    if (auto *broker = dynamic_cast<MfaBroker *>(m_services.mfa))
        broker->requestCode(request, this, deliver); // an aborted flow closes a prompt nobody else waits for
    else
        m_services.mfa->requestCode(request, deliver);
}

void CredentialFlow::runStep()
{
    if (m_finished)
        return;
    if (m_index >= m_profile.steps.size()) {
        finish(m_current);
        return;
    }
    const Step &step = m_profile.steps.at(m_index);
    Q_EMIT progress(static_cast<int>(m_index) + 1, static_cast<int>(m_profile.steps.size()), step.describe());
    auto connectJob = [this](auto *job) {
        m_job = job;
        using Job = std::remove_pointer_t<decltype(job)>;
        connect(job, &Job::finished, this, [this](const auto &result) {
            if constexpr (std::is_same_v<std::decay_t<decltype(result)>, Result<AwsCredentials>>) {
                stepDone(result);
            } else {
                if (!result)
                    stepDone(result.error());
                else
                    stepDone(result.value().credentials);
            }
        });
    };
    const bool lastStep = m_index == m_profile.steps.size() - 1;

    switch (step.type) {
    case Step::Type::StaticKeys: {
        AwsCredentials keys;
        keys.accessKeyId = step.accessKeyId;
        QByteArray secret = step.secretAccessKey.toUtf8();
        keys.secretAccessKey = SecureBytes::takeFrom(secret);
        QByteArray token = step.sessionToken.toUtf8();
        keys.sessionToken = SecureBytes::takeFrom(token);
        keys.origin = keys.isTemporary() ? AwsCredentials::Origin::Unknown : AwsCredentials::Origin::LongTerm;
        stepDone(keys);
        return;
    }
    case Step::Type::KeychainKeys: {
        // The keys `keychain add|import` stored; read directly rather than running rolecall-cli.
        if (!m_services.keyStore) {
            stepDone(Error::config(Tr::tr("The keys of %1 are in the keychain, but no keychain is available here.")
                                       .arg(step.keychainProfile),
                m_profile.name));
            return;
        }
        const QString keysProfile = step.keychainProfile;
        m_services.keyStore->get(
            keysProfile, this, [this, keysProfile](const Result<std::optional<AwsCredentials>> &keys) {
                if (!keys)
                    stepDone(keys.error());
                else if (!keys.value())
                    stepDone(Error::config(Tr::tr("The keychain has no keys for %1. Add them with 'rolecall-cli "
                                                  "keychain add --profile %1'.")
                                               .arg(keysProfile),
                        m_profile.name));
                else
                    stepDone(*keys.value());
            });
        return;
    }
    case Step::Type::Environment: {
        auto fromEnv = credentialsFromEnvironment(m_services.environment);
        if (!fromEnv) {
            stepDone(Error::config(Tr::tr("credential_source = Environment, but AWS_ACCESS_KEY_ID and "
                                          "AWS_SECRET_ACCESS_KEY are not set."),
                m_profile.name));
            return;
        }
        stepDone(*fromEnv);
        return;
    }
    case Step::Type::EcsContainer:
        connectJob(new ContainerCredentialsJob(m_services.network, m_services.environment, {}, this));
        return;
    case Step::Type::InstanceMetadata:
        connectJob(new ImdsCredentialsJob(m_services.network, m_services.clock, m_services.environment, this));
        return;
    case Step::Type::Process: {
        ProcessCredentialsSettings settings;
        settings.context = Tr::tr("credential_process of profile %1").arg(step.profile);
        connectJob(new ProcessCredentialsJob(
            m_services.clock, step.credentialProcess, m_services.environment, settings, this));
        return;
    }
    case Step::Type::WebIdentity: {
        auto token
            = readWebIdentityToken(webIdentityTokenFile(step.webIdentityTokenFile, m_services.environment, false));
        if (!token) {
            stepDone(token.error());
            return;
        }
        auto client = clientFor({});
        if (!client) {
            stepDone(client.error());
            return;
        }
        Sts::AssumeRoleWithWebIdentityRequest request;
        request.roleArn = step.roleArn;
        request.roleSessionName = step.roleSessionName;
        request.webIdentityToken = token.value();
        request.durationSeconds
            = lastStep && m_options.durationSeconds ? m_options.durationSeconds : step.durationSeconds;
        connectJob(client.value()->assumeRoleWithWebIdentity(request));
        return;
    }
    case Step::Type::Sso:
        stepDone(Error::config(Tr::tr("The profile \"%1\" signs in with IAM Identity Center (SSO), which Rolecall does "
                                      "not support yet. Use `aws sso login` and the AWS CLI for it meanwhile.")
                                   .arg(step.profile),
            m_profile.name));
        return;
    case Step::Type::SessionToken: {
        withMfaCode(step.mfaSerial, step.mfaProcess, [this, step, lastStep, connectJob](SecureBytes code) {
            auto client = clientFor(m_current);
            if (!client) {
                stepDone(client.error());
                return;
            }
            Sts::GetSessionTokenRequest request;
            request.serialNumber = step.mfaSerial;
            request.tokenCode = std::move(code);
            request.durationSeconds = lastStep && m_options.durationSeconds ? *m_options.durationSeconds
                                                                            : m_options.sessionTokenDurationSeconds;
            connectJob(client.value()->getSessionToken(request));
        });
        return;
    }
    case Step::Type::AssumeRole: {
        Sts::AssumeRoleRequest request;
        request.roleArn = step.roleArn;
        request.roleSessionName = step.roleSessionName;
        request.externalId = step.externalId;
        request.sourceIdentity = step.sourceIdentity;
        request.tags = step.tags;
        request.transitiveTagKeys = step.transitiveTagKeys;
        request.policyArns = step.policyArns;
        request.policy = step.policy;
        request.durationSeconds
            = lastStep && m_options.durationSeconds ? m_options.durationSeconds : step.durationSeconds;
        // Role chaining: credentials of a role session may assume another role for at most an hour.
        if (m_current.origin == AwsCredentials::Origin::AssumedRole && request.durationSeconds
            && *request.durationSeconds > Sts::kRoleChainingMaxSeconds) {
            stepDone(Error::validation(u"DurationSeconds"_s,
                Tr::tr("must be at most 3600 for %1: it is assumed with the credentials of "
                       "another role (role chaining), and AWS allows one hour there.")
                    .arg(step.profile),
                u"AssumeRole"_s));
            return;
        }
        // Before `send` copies the request: the hop's own MFA device goes with its code.
        request.serialNumber = step.mfaSerial;
        auto send = [this, request, connectJob](SecureBytes code) mutable {
            request.tokenCode = std::move(code);
            auto client = clientFor(m_current);
            if (!client) {
                stepDone(client.error());
                return;
            }
            connectJob(client.value()->assumeRole(request));
        };
        if (!step.mfaSerial.isEmpty()) {
            withMfaCode(step.mfaSerial, step.mfaProcess, send);
        } else {
            send({});
        }
        return;
    }
    }
}

void CredentialFlow::stepDone(const Result<AwsCredentials> &result)
{
    m_job = nullptr;
    if (m_finished)
        return;
    // Tell the MfaBroker what AWS made of the code this step sent, so no flow sends it again.
    const QString serial = std::exchange(m_mfaSerialInUse, QString());
    const SecureBytes code = std::exchange(m_mfaCodeInUse, SecureBytes());
    auto *broker = dynamic_cast<MfaBroker *>(m_services.mfa);
    if (!result) {
        if (broker && !serial.isEmpty() && isRefusedMfaCode(result.error())) {
            broker->reportRejected(serial, result.error().awsMessage, code);
            if (++m_mfaAttempts < kMaxMfaAttempts) {
                QMetaObject::invokeMethod(this, &CredentialFlow::runStep, Qt::QueuedConnection); // asks again
                return;
            }
        }
        finish(result.error());
        return;
    }
    if (broker && !serial.isEmpty())
        broker->reportAccepted(serial, code);
    m_mfaAttempts = 0;
    m_current = result.value();
    const bool sessionToken = m_tokenKey && m_index == m_tokenIndex;
    ++m_index;
    if (sessionToken && m_cache) {
        // Flows of other roles of this user wait for this session: keep it before going on.
        m_cache->store(*m_tokenKey, m_current, this, [this](const Result<void> &) {
            if (m_tokenClaimed && m_cache)
                m_cache->release(*m_tokenKey);
            m_tokenClaimed = false;
            if (!m_finished)
                runStep();
        });
        return;
    }
    QMetaObject::invokeMethod(this, &CredentialFlow::runStep, Qt::QueuedConnection);
}

void CredentialFlow::lookupFinal()
{
    if (m_finished)
        return;
    if (!m_cacheKeysMade) {
        m_cacheKeysMade = true;
        const Result<Endpoint> endpoint = stsEndpoint();
        if (endpoint) {
            CacheKeyOptions keyOptions;
            keyOptions.durationSeconds = m_options.durationSeconds;
            keyOptions.sessionTokenDurationSeconds = m_options.sessionTokenDurationSeconds;
            keyOptions.endpoint = endpoint.value();
            keyOptions.environment = m_services.environment;
            m_finalKey = CacheKey::forProfile(m_profile, keyOptions);
            for (qsizetype i = m_profile.steps.size() - 2; i >= 0; --i) {
                if (m_profile.steps.at(i).type == Step::Type::SessionToken) {
                    m_tokenIndex = i;
                    m_tokenKey = CacheKey::forSessionToken(m_profile, i, keyOptions);
                    break;
                }
            }
        } // else: no cache; the first STS step reports the endpoint problem
    }
    if (!m_cache || !m_finalKey) {
        lookupSessionToken();
        return;
    }
    m_cache->lookup(*m_finalKey, this, [this](const Result<std::optional<AwsCredentials>> &found) {
        if (m_finished)
            return;
        if (found && found.value()) {
            m_fromCache = true; // fresh: no network, no prompt
            finish(*found.value());
            return;
        }
        if (!m_cache || m_finalClaimed || m_cache->claim(*m_finalKey)) {
            m_finalClaimed = m_cache != nullptr;
            lookupSessionToken();
        } else if (++m_cacheWaits > kMaxCacheWaits) {
            lookupSessionToken();
        } else {
            // Another flow fetches the same credentials: wait for it, then look again.
            m_cache->whenReleased(*m_finalKey, this, [this] { lookupFinal(); });
        }
    });
}

void CredentialFlow::lookupSessionToken()
{
    if (m_finished)
        return;
    if (!m_cache || !m_tokenKey) {
        runStep();
        return;
    }
    m_cache->lookup(*m_tokenKey, this, [this](const Result<std::optional<AwsCredentials>> &found) {
        if (m_finished)
            return;
        if (found && found.value()) {
            // The user's MFA session is still good: skip the keys and GetSessionToken, no new code.
            m_current = *found.value();
            m_index = m_tokenIndex + 1;
            runStep();
            return;
        }
        if (!m_cache || m_tokenClaimed || m_cache->claim(*m_tokenKey)) {
            m_tokenClaimed = m_cache != nullptr;
            runStep();
        } else if (++m_cacheWaits > kMaxCacheWaits) {
            runStep();
        } else {
            // Another flow of the same user is asking for the code: share its session instead.
            m_cache->whenReleased(*m_tokenKey, this, [this] { lookupSessionToken(); });
        }
    });
}

void CredentialFlow::releaseClaims()
{
    if (m_cache && m_finalClaimed && m_finalKey)
        m_cache->release(*m_finalKey);
    if (m_cache && m_tokenClaimed && m_tokenKey)
        m_cache->release(*m_tokenKey);
    m_finalClaimed = false;
    m_tokenClaimed = false;
}

void CredentialFlow::finish(const Result<AwsCredentials> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (result.ok() && !m_aborted && !m_fromCache && m_cache && m_finalKey && result->isTemporary()
        && result->expiration.isValid()) {
        // Kept before `finished`, so a flow started by a `finished` handler already finds it.
        m_cache->store(
            *m_finalKey, result.value(), this, [this, result](const Result<void> &) { emitFinished(result); });
        return;
    }
    emitFinished(result);
}

void CredentialFlow::emitFinished(const Result<AwsCredentials> &result)
{
    releaseClaims();
    if (m_aborted && result.ok())
        Q_EMIT finished(Error::cancelled(m_profile.name));
    else
        Q_EMIT finished(result.ok() ? result : Result<AwsCredentials>(inContext(result.error())));
    deleteLater();
}

} // namespace Rolecall::Core
