// SPDX-License-Identifier: Apache-2.0
// rolecall-cli commands that work on profiles: profiles, assume, console.
#include "cli.h"
#include "clisupport.h"
#include "profilelisting.h"

#include "config/sharedconfig.h"
#include "console/federation.h"
#include "credentials/credentialflow.h"
#include "credentials/environmentcredentials.h"
#include "endpoints/partitions.h"
#include "export/exporter.h"
#include "export/sessionwriter.h"
#include "profiles/profile.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {

// The role session before the last AssumeRole: AWS then allows one hour (role chaining).
bool isRoleChained(const Profiles::ResolvedProfile &p)
{
    for (qsizetype i = p.steps.size() - 1; i > 0; --i) {
        if (p.steps.at(i).type == Profiles::Step::Type::AssumeRole) {
            const auto before = p.steps.at(i - 1).type;
            return before == Profiles::Step::Type::AssumeRole || before == Profiles::Step::Type::WebIdentity;
        }
    }
    return false;
}

} // namespace

int Cli::cmdProfiles()
{
    const ProfileListing::Format format = m_parser.isSet(u"names"_s) ? ProfileListing::Format::Names
        : m_json                                                     ? ProfileListing::Format::Json
                                                                     : ProfileListing::Format::Table;
    return ProfileListing::run(sharedConfig(), m_env, format, m_out, m_err);
}

int Cli::cmdAssume()
{
    const QString name = m_parser.isSet(u"profile"_s) ? m_parser.value(u"profile"_s)
                                                      : Profiles::ProfileResolver::defaultProfileName(m_env);
    Sts::GetSessionTokenRequest durationCheck; // --duration is checked before anything runs
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        const int seconds = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || seconds < Sts::kMinDurationSeconds || seconds > Sts::kMaxSessionDurationSeconds)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 129600.")));
        durationCheck.durationSeconds = seconds;
    }
    if (auto ok = checkFormatOption(); !ok)
        return fail(ok.error());
    auto profile = resolveProfile(name);
    if (!profile)
        return fail(profile.error());
    // Refused before anything is sent (and before an MFA code is spent on the session token).
    if (durationCheck.durationSeconds && *durationCheck.durationSeconds > Sts::kRoleChainingMaxSeconds
        && isRoleChained(profile.value()))
        return fail(Error::validation(u"--duration"_s,
            tr("may be at most 3600 for %1: its role is assumed with the credentials of another role (role "
               "chaining), and AWS allows one hour there.")
                .arg(profile->name)));
    // --write-profile: the target is checked before anything is sent (or an MFA code spent).
    const QString writeProfile = m_parser.value(u"write-profile"_s);
    if (m_parser.isSet(u"write-profile"_s)) {
        if (auto ok = Export::SessionWriter::check(sharedConfig(), writeProfile); !ok)
            return fail(ok.error());
    }
    auto credentials = credentialsFor(profile.value(), durationCheck.durationSeconds);
    if (!credentials)
        return fail(credentials.error());
    if (m_parser.isSet(u"write-profile"_s)) {
        const auto written = Export::SessionWriter::write(
            sharedConfig(), Config::ConfigPaths::fromEnvironment(m_env).credentials, writeProfile, credentials.value());
        if (!written)
            return fail(written.error());
        writeOut(written->toUtf8() + '\n');
        return ExitOk;
    }
    const auto format = m_parser.isSet(u"format"_s) ? Export::formatFromName(m_parser.value(u"format"_s))
                                                    : std::optional<Export::Format>(Export::Format::Json);
    Export::Options options;
    options.profileName = profile->name;
    options.region = m_parser.isSet(u"region"_s) ? m_parser.value(u"region"_s) : regionFromEnvironment(m_env);
    if (options.region.isEmpty())
        options.region = profile->region;
    const SecureBytes text = Export::render(credentials.value(), *format, options);
    writeOut(text.unsecureCopy());
    return ExitOk;
}

int Cli::cmdConsole()
{
    const QString name = m_parser.isSet(u"profile"_s) ? m_parser.value(u"profile"_s)
                                                      : Profiles::ProfileResolver::defaultProfileName(m_env);
    std::optional<int> duration;
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        duration = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || *duration < 900 || *duration > 43200)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 43200.")));
    }
    auto profile = resolveProfile(name);
    if (!profile)
        return fail(profile.error());

    Console::SigninRequest request;
    request.sessionDurationSeconds = duration;
    request.roleChained = isRoleChained(profile.value());
    if (request.roleChained && duration && *duration > Sts::kRoleChainingMaxSeconds)
        return fail(Error::validation(u"--duration"_s,
            tr("may be at most 3600 for %1: its role is assumed with the credentials of "
               "another role (role chaining), and AWS then allows a one-hour console "
               "session.")
                .arg(profile->name)));
    const QString region = m_parser.isSet(u"region"_s) ? m_parser.value(u"region"_s) : profile->region;
    request.destination.region = region;
    request.destination.service = m_parser.value(u"service"_s);
    if (m_parser.isSet(u"destination"_s))
        request.destination.explicitUrl = QUrl(m_parser.value(u"destination"_s));

    // An IAM user's profile signs in with its long-term keys alone (no MFA session: the console
    // refuses session-token credentials anyway); every other profile runs its whole chain.
    Profiles::ResolvedProfile chain = profile.value();
    if (chain.steps.size() == 2 && chain.steps.first().type == Profiles::Step::Type::StaticKeys
        && chain.steps.at(1).type == Profiles::Step::Type::SessionToken)
        chain.steps = {chain.steps.first()};
    auto credentials = credentialsFor(chain);
    if (!credentials)
        return fail(credentials.error());
    if (credentials->origin == AwsCredentials::Origin::LongTerm) {
        // The console refuses long-term keys (static or from credential_process): sign in through a
        // federation token (aws-vault's approach), whose permissions never exceed the user's own.
        auto client = stsClient(false);
        if (!client)
            return fail(client.error());
        client.value()->setCredentials(credentials.value());
        Sts::GetFederationTokenRequest federation;
        federation.name = profile->name;
        federation.name.remove(QRegularExpression(u"[^A-Za-z0-9_+=,.@-]"_s));
        federation.name = federation.name.left(32);
        if (federation.name.size() < 2)
            federation.name = u"rolecall"_s;
        federation.policy
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"_s;
        federation.durationSeconds = duration.value_or(43200);
        const auto token = await<Sts::GetFederationTokenJob, Sts::GetFederationTokenResult>(
            client.value()->getFederationToken(federation), [this](const QString &l) { debug(l); });
        if (!token)
            return fail(token.error());
        request.credentials = token->credentials;
        request.sessionDurationSeconds.reset();
    } else {
        request.credentials = credentials.value();
    }

    const Partition &partition = partitionForRegion(region.isEmpty() ? u"us-east-1"_s : region);
    const Partition &arnPartition = partitionForArn(profile->roleArn);
    const Partition &effective = arnPartition.isValid() ? arnPartition : partition;
    auto federation = Console::federationEndpoint(effective, {}, m_env);
    if (!federation)
        return fail(federation.error());
    ensureNetwork();
    auto *job = new Console::SigninJob(m_network, federation.value(), effective, request);
    const QString caBundle = m_env.value(u"AWS_CA_BUNDLE"_s, profile->setting(u"ca_bundle").trimmed());
    if (!caBundle.isEmpty()) {
        auto certificates = Sts::StsClient::loadCaBundle(caBundle);
        if (!certificates)
            return fail(certificates.error());
        job->setCaCertificates(certificates.value());
    }
    const auto login
        = await<Console::SigninJob, Console::SigninJob::Login>(job, [this](const QString &l) { debug(l); });
    if (!login)
        return fail(login.error());
    QUrl url = login->loginUrl;
    if (m_parser.isSet(u"logout-first"_s))
        url = Console::logoutUrl(federation.value(), url);
    const QString urlText = url.toString(QUrl::FullyEncoded);
    if (m_parser.isSet(u"print"_s)) {
        writeOut(urlText + u'\n');
        return ExitOk;
    }
    // A browser of the user's choice ($BROWSER), else the desktop's default.
    QString program = m_env.value(u"BROWSER"_s);
    QStringList arguments {urlText};
    if (program.isEmpty()) {
#if defined(Q_OS_MACOS)
        program = u"open"_s;
#elif defined(Q_OS_WIN)
        program = u"rundll32"_s;
        arguments.prepend(u"url.dll,FileProtocolHandler"_s);
#else
        program = u"xdg-open"_s;
#endif
    }
    if (!QProcess::startDetached(program, arguments))
        return fail(
            Error::config(tr("Could not start the browser (%1). Use --print to get the sign-in URL.").arg(program)));
    writeErr(
        tr("Opened the AWS console for %1 (the sign-in link is valid for 15 minutes).").arg(profile->name) + u'\n');
    return ExitOk;
}

} // namespace Rolecall::Cli
