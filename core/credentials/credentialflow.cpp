// SPDX-License-Identifier: Apache-2.0
#include "credentialflow.h"

#include "containercredentials.h"
#include "environmentcredentials.h"
#include "imdscredentials.h"
#include "processcredentials.h"
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
} // namespace

CredentialFlow::CredentialFlow(
    Profiles::ResolvedProfile profile, CredentialServices services, CredentialRequestOptions options, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_services(std::move(services))
    , m_options(std::move(options))
{
    Q_ASSERT(m_services.network && m_services.clock);
    QMetaObject::invokeMethod(this, &CredentialFlow::start, Qt::QueuedConnection);
}

CredentialFlow::~CredentialFlow() = default;

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
    runStep();
}

Result<Sts::StsClient *> CredentialFlow::clientFor(const AwsCredentials &signer)
{
    if (!m_client) {
        EndpointSettings endpointSettings = m_profile.endpointSettings(m_services.environment);
        if (!m_options.region.isEmpty())
            endpointSettings.region = m_options.region;
        if (!m_options.endpointUrl.isEmpty())
            endpointSettings.explicitUrl = m_options.endpointUrl;
        auto endpoint = resolveStsEndpoint(endpointSettings);
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
    auto deliver = [self, next](Result<SecureBytes> code) {
        if (!self || self->m_finished)
            return;
        if (!code) {
            self->finish(code.error());
            return;
        }
        next(std::move(code).value());
    };
    if (!mfaProcess.isEmpty()) {
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
    m_services.mfa->requestCode(MfaRequest {m_profile.name, serial, mfaProcess}, deliver);
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
    if (!result) {
        finish(result.error());
        return;
    }
    m_current = result.value();
    ++m_index;
    QMetaObject::invokeMethod(this, &CredentialFlow::runStep, Qt::QueuedConnection);
}

void CredentialFlow::finish(const Result<AwsCredentials> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_aborted && result.ok())
        Q_EMIT finished(Error::cancelled(m_profile.name));
    else
        Q_EMIT finished(result.ok() ? result : Result<AwsCredentials>(inContext(result.error())));
    deleteLater();
}

} // namespace Rolecall::Core
