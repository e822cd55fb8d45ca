// SPDX-License-Identifier: Apache-2.0
#include "cli.h"
#include "application.h"

#include "clisupport.h"

#include "authz/authorizationmessage.h"
#include "config/sharedconfig.h"
#include "credentials/credentialflow.h"
#include "credentials/environmentcredentials.h"
#include "credentials/sessioncache.h"
#include "endpoints/endpointresolver.h"
#include "export/exporter.h"
#include "profiles/profile.h"
#include "secrets/keystore.h"
#include "sts/stsclient.h"
#include "util/clock.h"
#include "util/environmentproxyfactory.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::None:
        return ExitOk;
    case Error::Kind::Aws:
        return ExitAwsRefused;
    case Error::Kind::Validation:
        return ExitUsage;
    case Error::Kind::Config:
    case Error::Kind::Keychain:
        return ExitConfig;
    case Error::Kind::Network:
    case Error::Kind::Timeout:
    case Error::Kind::Tls:
    case Error::Kind::Http:
    case Error::Kind::Parse:
        return ExitNetwork;
    case Error::Kind::Cancelled:
        return ExitCancelled;
    }
    return ExitNetwork;
}

Cli::Cli(QStringList arguments, QProcessEnvironment environment, FILE *out, FILE *err)
    : m_arguments(std::move(arguments))
    , m_env(std::move(environment))
    , m_out(out)
    , m_err(err)
{
    registerCommands();
}

void Cli::abandonConfigAtExit()
{
    abandonAtExit(m_config);
}

Cli::~Cli()
{
    m_sessionCache.reset();
    delete m_client;
    delete m_network;
    delete m_clock;
}

std::unique_ptr<MfaProvider> Cli::makeMfaProvider()
{
    return std::make_unique<CliMfaProvider>(m_parser.value(u"mfa-code"_s), m_err);
}

void Cli::registerCommands()
{
    const auto policyOptions = [](QCommandLineParser &p) {
        p.addOption({u"policy-file"_s, tr("Inline session policy (JSON) from a file."), tr("file")});
        p.addOption({u"policy-arn"_s, tr("Managed session policy ARN (repeatable, up to 10)."), tr("arn")});
    };
    const auto durationOption = [](QCommandLineParser &p) {
        p.addOption({u"duration"_s, tr("Session duration in seconds."), tr("seconds")});
    };
    const auto formatOption = [](QCommandLineParser &p) {
        p.addOption({u"format"_s,
            tr("Credential output: %1. Default: the AWS CLI's JSON.").arg(Export::formatNames().join(u", "_s)),
            tr("format")});
    };
    const auto mfaOptions = [](QCommandLineParser &p) {
        p.addOption({u"serial-number"_s, tr("MFA device ARN or serial number."), tr("arn")});
        p.addOption({u"token-code"_s, tr("Six-digit MFA code (asked for on a terminal when omitted)."), tr("code")});
    };
    const auto tagOption = [](QCommandLineParser &p) {
        p.addOption({u"tag"_s, tr("Session tag KEY=VALUE (repeatable)."), tr("key=value")});
    };

    m_commands = {
        {u"whoami"_s, tr("Show the caller's account, ARN and user id (GetCallerIdentity)."),
            [](QCommandLineParser &) {}, [this] { return cmdWhoami(); }},
        {u"assume-role"_s, tr("Assume a role (AssumeRole)."),
            [=](QCommandLineParser &p) {
                p.addOption({u"role-arn"_s, tr("ARN of the role to assume."), tr("arn")});
                p.addOption({u"session-name"_s, tr("Role session name (default: rolecall-<user>)."), tr("name")});
                durationOption(p);
                p.addOption({u"external-id"_s, tr("External ID the role's trust policy expects."), tr("id")});
                mfaOptions(p);
                policyOptions(p);
                tagOption(p);
                p.addOption(
                    {u"transitive-tag-key"_s, tr("Tag key that stays with chained roles (repeatable)."), tr("key")});
                p.addOption({u"source-identity"_s, tr("Source identity to set on the session."), tr("identity")});
                p.addOption({u"provided-context"_s, tr("Trusted context PROVIDER_ARN=ASSERTION (repeatable)."),
                    tr("arn=assertion")});
                formatOption(p);
            },
            [this] { return cmdAssumeRole(); }},
        {u"assume-role-with-saml"_s, tr("Assume a role with a SAML assertion (AssumeRoleWithSAML; unsigned)."),
            [=](QCommandLineParser &p) {
                p.addOption({u"role-arn"_s, tr("ARN of the role to assume."), tr("arn")});
                p.addOption({u"principal-arn"_s, tr("ARN of the SAML identity provider."), tr("arn")});
                p.addOption({u"assertion-file"_s, tr("File with the base64 SAML response."), tr("file")});
                durationOption(p);
                policyOptions(p);
                formatOption(p);
            },
            [this] { return cmdAssumeRoleWithSaml(); }},
        {u"assume-role-with-web-identity"_s,
            tr("Assume a role with an OIDC token (AssumeRoleWithWebIdentity; unsigned)."),
            [=](QCommandLineParser &p) {
                p.addOption({u"role-arn"_s, tr("ARN of the role to assume."), tr("arn")});
                p.addOption({u"session-name"_s, tr("Role session name."), tr("name")});
                p.addOption({u"token"_s, tr("The web identity token."), tr("token")});
                p.addOption({u"token-file"_s, tr("File holding the web identity token."), tr("file")});
                p.addOption(
                    {u"provider-id"_s, tr("OAuth 2.0 provider (only for Login with Amazon, Facebook)."), tr("id")});
                durationOption(p);
                policyOptions(p);
                formatOption(p);
            },
            [this] { return cmdAssumeRoleWithWebIdentity(); }},
        {u"session-token"_s, tr("Get a session token, optionally with MFA (GetSessionToken)."),
            [=](QCommandLineParser &p) {
                durationOption(p);
                mfaOptions(p);
                formatOption(p);
            },
            [this] { return cmdSessionToken(); }},
        {u"federation-token"_s, tr("Get credentials for a federated user (GetFederationToken)."),
            [=](QCommandLineParser &p) {
                p.addOption({u"name"_s, tr("Name of the federated user."), tr("name")});
                policyOptions(p);
                durationOption(p);
                tagOption(p);
                formatOption(p);
            },
            [this] { return cmdFederationToken(); }},
        {u"decode-message"_s, tr("Decode an encoded authorization failure message (DecodeAuthorizationMessage)."),
            [](QCommandLineParser &p) {
                p.addOption({u"file"_s, tr("Read the message from a file."), tr("file")});
                p.addPositionalArgument(
                    u"message"_s, tr("The whole AWS error text, the encoded blob, or - for stdin."));
            },
            [this] { return cmdDecodeMessage(); }},
        {u"access-key-info"_s, tr("Show the account an access key belongs to (GetAccessKeyInfo)."),
            [](QCommandLineParser &p) { p.addPositionalArgument(u"key-id"_s, tr("Access key ID (AKIA…/ASIA…).")); },
            [this] { return cmdAccessKeyInfo(); }},
        {u"profiles"_s, tr("List every profile with its kind, settings and credential chain."),
            [](QCommandLineParser &p) {
                p.addOption({u"names"_s, tr("Print only the profile names, one per line (for shell completion).")});
            },
            [this] { return cmdProfiles(); }},
        {u"assume"_s, tr("Get credentials for --profile: walks its chain (keys, MFA, roles)."),
            [=](QCommandLineParser &p) {
                durationOption(p);
                formatOption(p);
                p.addOption({u"write-profile"_s,
                    tr("Write the session into the credentials file as [NAME] (a new name, or one holding an earlier "
                       "session) instead of printing it."),
                    tr("name")});
            },
            [this] { return cmdAssumeViaBroker(); }},
        {u"console"_s, tr("Open the AWS console signed in as --profile."),
            [=](QCommandLineParser &p) {
                p.addOption({u"destination"_s, tr("Console URL to land on."), tr("url")});
                p.addOption({u"service"_s, tr("Console service to land on (ec2, s3, iam, …)."), tr("name")});
                p.addOption({u"duration"_s, tr("Console session duration in seconds (900-43200)."), tr("seconds")});
                p.addOption({u"logout-first"_s, tr("Sign out of the current console session first.")});
                p.addOption({u"print"_s, tr("Print the sign-in URL instead of opening a browser.")});
            },
            [this] { return cmdConsole(); }},
    };
    m_commands += processCommands();
    m_commands += keychainCommands();
}

void Cli::addGlobalOptions(QCommandLineParser &parser) const
{
    parser.addOption({u"profile"_s, tr("Profile from ~/.aws/config or ~/.aws/credentials to use."), tr("name")});
    parser.addOption(
        {u"mfa-code"_s, tr("Six-digit MFA code for the profile's chain (else asked on the terminal)."), tr("code")});
    parser.addOption({u"region"_s, tr("AWS region (default: AWS_REGION, AWS_DEFAULT_REGION)."), tr("region")});
    parser.addOption({u"endpoint-url"_s, tr("STS endpoint URL (https://, or http:// to localhost)."), tr("url")});
    parser.addOption({u"json"_s, tr("Print JSON for scripts.")});
    parser.addOption({u"no-cache"_s, tr("Neither use nor keep cached sessions: always call STS.")});
    parser.addOption({u"debug"_s, tr("Print diagnostics on stderr (never secrets).")});
    parser.addOption({{u"h"_s, u"help"_s}, tr("Show help.")});
    parser.addOption({{u"v"_s, u"version"_s}, tr("Show the version.")});
}

void Cli::writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_out);
    std::fflush(m_out);
}

void Cli::writeOut(const QString &text)
{
    writeOut(text.toUtf8());
}

void Cli::writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), m_err);
    std::fflush(m_err);
}

void Cli::debug(const QString &line)
{
    if (m_debug)
        writeErr(u"debug: "_s + line + u'\n');
}

int Cli::usageError(const QString &message, const QString &command)
{
    const QString helpHint = command.isEmpty() ? u"rolecall-cli --help"_s : u"rolecall-cli %1 --help"_s.arg(command);
    writeErr(tr("rolecall-cli: %1").arg(message) + u'\n' + tr("Try '%1'.").arg(helpHint) + u'\n');
    return ExitUsage;
}

int Cli::fail(const Error &error)
{
    QString text = tr("rolecall-cli: %1").arg(error.message) + u'\n';
    if (!error.requestId.isEmpty())
        text += tr("AWS request ID: %1").arg(error.requestId) + u'\n';
    if (m_json) {
        QJsonObject object {{u"kind"_s, Error::kindName(error.kind)}, {u"message"_s, error.message}};
        insertOptional(object, u"code"_s, error.awsCode);
        insertOptional(object, u"awsMessage"_s, error.awsMessage);
        insertOptional(object, u"requestId"_s, error.requestId);
        insertOptional(object, u"field"_s, error.field);
        if (error.httpStatus)
            object.insert(u"httpStatus"_s, error.httpStatus);
        writeOut(QJsonDocument(QJsonObject {{u"error"_s, object}}).toJson(QJsonDocument::Indented));
    }
    writeErr(text);
    return exitCodeFor(error);
}

void Cli::printGeneralHelp()
{
    QString text = tr("Usage: rolecall-cli [global options] <command> [options]") + u"\n\n"_s;
    text += tr("Commands:") + u'\n';
    for (const Command &command : std::as_const(m_commands))
        text += u"  "_s + command.name.leftJustified(32) + command.summary + u'\n';
    text += u'\n' + tr("Global options:") + u'\n';
    text += u"  --region <region>        "_s + tr("AWS region (default: AWS_REGION, AWS_DEFAULT_REGION).") + u'\n';
    text += u"  --endpoint-url <url>     "_s + tr("STS endpoint URL (https://, or http:// to localhost).") + u'\n';
    text += u"  --json                   "_s + tr("Print JSON for scripts.") + u'\n';
    text += u"  --debug                  "_s + tr("Print diagnostics on stderr (never secrets).") + u'\n';
    text += u"  -h, --help               "_s + tr("Show help; 'rolecall-cli <command> --help' for a command.") + u'\n';
    text += u"  -v, --version            "_s + tr("Show the version.") + u'\n';
    text += u'\n' + tr("Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.") + u'\n';
    text += tr("Exit codes: 0 ok, 1 AWS refused, 2 usage, 3 configuration, 4 network or TLS, 5 cancelled.") + u'\n';
    writeOut(text);
}

int Cli::run()
{
    installInterruptHandlers();

    // First pass: find the command (the first positional argument) with global options only.
    QCommandLineParser first;
    first.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    addGlobalOptions(first);
    first.parse(m_arguments);
    const QStringList positional = first.positionalArguments();
    if (positional.isEmpty()) {
        if (first.isSet(u"version"_s)) {
            writeOut(u"rolecall-cli " ROLECALL_VERSION "\n"_s);
            return ExitOk;
        }
        if (first.isSet(u"help"_s) || m_arguments.size() <= 1) {
            printGeneralHelp();
            return first.isSet(u"help"_s) ? ExitOk : ExitUsage;
        }
        if (!first.errorText().isEmpty())
            return usageError(first.errorText());
        printGeneralHelp();
        return ExitUsage;
    }
    const QString commandName = positional.first();
    const auto it
        = std::find_if(m_commands.cbegin(), m_commands.cend(), [&](const Command &c) { return c.name == commandName; });
    if (it == m_commands.cend())
        return usageError(tr("unknown command '%1'.").arg(commandName));

    // Second pass: global options plus the command's own, anywhere on the line.
    addGlobalOptions(m_parser);
    it->addOptions(m_parser);
    QStringList arguments = m_arguments;
    arguments.removeAt(arguments.indexOf(commandName, 1));
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText(), commandName);
    if (m_parser.isSet(u"help"_s)) {
        QString help = m_parser.helpText();
        help.replace(QRegularExpression(u"^Usage: \\S+"_s), u"Usage: rolecall-cli "_s + commandName);
        writeOut(it->summary + u"\n\n"_s + help);
        return ExitOk;
    }
    if (m_parser.isSet(u"version"_s)) {
        writeOut(u"rolecall-cli " ROLECALL_VERSION "\n"_s);
        return ExitOk;
    }
    m_debug = m_parser.isSet(u"debug"_s);
    m_json = m_parser.isSet(u"json"_s);
    return it->run();
}

void Cli::ensureNetwork()
{
    if (m_network)
        return;
    // HTTPS_PROXY / NO_PROXY as the AWS CLI reads them, else the desktop settings.
    QNetworkProxyFactory::setApplicationProxyFactory(new EnvironmentProxyFactory(m_env));
    m_network = new QNetworkAccessManager();
    m_clock = new SystemClock();
    if (!m_mfa)
        m_mfa = makeMfaProvider();
}

const Config::SharedConfig &Cli::sharedConfig()
{
    if (!m_config) {
        const auto paths = Config::ConfigPaths::fromEnvironment(m_env);
        m_config = std::make_unique<Config::SharedConfig>(Config::SharedConfig::load(paths));
        debug(u"config %1, credentials %2: %3 profiles"_s.arg(paths.config, paths.credentials)
                  .arg(m_config->profiles().size()));
        for (const Config::Diagnostic &d : m_config->diagnostics())
            debug(d.toString());
    }
    return *m_config;
}

Result<Profiles::ResolvedProfile> Cli::resolveProfile(const QString &name)
{
    const Profiles::ProfileResolver resolver(sharedConfig(), Profiles::ProfileResolver::sessionNameForUser(m_env));
    Profiles::ResolvedProfile profile = resolver.resolve(name);
    if (!sharedConfig().profile(name))
        return Error::config(
            tr("The profile \"%1\" does not exist. Run 'rolecall-cli profiles' to list them.").arg(name));
    return profile;
}

Result<AwsCredentials> Cli::credentialsFor(const Profiles::ResolvedProfile &profile, std::optional<int> durationSeconds)
{
    if (m_tryBroker) {
        if (auto viaBroker = credentialsFromBroker(profile.name, durationSeconds))
            return std::move(*viaBroker);
    }
    ensureNetwork();
    CredentialServices services;
    services.network = m_network;
    services.clock = m_clock;
    services.mfa = m_mfa.get();
    services.environment = m_env;
    // Temporary credentials come from (and go to) the keychain cache, unless the chain gives only
    // long-term keys or --no-cache says not to.
    if (!m_parser.isSet(u"no-cache"_s)
        && std::any_of(profile.steps.cbegin(), profile.steps.cend(), [](const Profiles::Step &step) {
               return step.type == Profiles::Step::Type::AssumeRole || step.type == Profiles::Step::Type::SessionToken
                   || step.type == Profiles::Step::Type::WebIdentity;
           }))
        services.cache = sessionCache();
    // Keys that `keychain add|import` put in the keychain: the store is made only when the chain reads it.
    if (std::any_of(profile.steps.cbegin(), profile.steps.cend(),
            [](const Profiles::Step &step) { return step.type == Profiles::Step::Type::KeychainKeys; }))
        services.keyStore = keyStore();
    CredentialRequestOptions options;
    options.durationSeconds = durationSeconds;
    options.region = m_parser.value(u"region"_s);
    options.endpointUrl = m_parser.value(u"endpoint-url"_s);
    auto *flow = new CredentialFlow(profile, services, options);
    QObject::connect(flow, &CredentialFlow::progress, flow, [this](int step, int steps, const QString &what) {
        debug(u"step %1/%2: %3"_s.arg(step).arg(steps).arg(what));
    });
    return await<CredentialFlow, AwsCredentials>(flow, [this](const QString &line) { debug(line); });
}

SessionCache *Cli::sessionCache()
{
    if (!m_sessionCache) {
        ensureNetwork();
        m_sessionCache = std::make_unique<SessionCache>(secretStore(), m_clock);
        debug(u"session cache index %1"_s.arg(m_sessionCache->indexPath()));
    }
    return m_sessionCache.get();
}

Result<Sts::StsClient *> Cli::stsClient(bool needsCredentials)
{
    if (m_client)
        return m_client;

    // Which identity signs: --profile, else the environment's keys, else AWS_PROFILE / default.
    std::optional<Profiles::ResolvedProfile> profile;
    AwsCredentials credentials;
    const QString profileName = m_parser.value(u"profile"_s);
    std::optional<Result<AwsCredentials>> fromEnv;
    if (profileName.isEmpty())
        fromEnv = credentialsFromEnvironment(m_env);
    if (!profileName.isEmpty() || (!fromEnv && needsCredentials)) {
        const QString name = profileName.isEmpty() ? Profiles::ProfileResolver::defaultProfileName(m_env) : profileName;
        if (!profileName.isEmpty() || sharedConfig().profile(name)) {
            auto resolved = resolveProfile(name);
            if (!resolved)
                return resolved.error();
            profile = resolved.value();
        }
    }

    EndpointSettings settings = profile ? profile->endpointSettings(m_env) : EndpointSettings();
    if (!profile) {
        settings.region = regionFromEnvironment(m_env);
        settings.applyEnvironment(m_env);
    }
    if (m_parser.isSet(u"region"_s))
        settings.region = m_parser.value(u"region"_s);
    settings.explicitUrl = m_parser.value(u"endpoint-url"_s);
    auto endpoint = resolveStsEndpoint(settings);
    if (!endpoint)
        return endpoint.error();
    debug(u"endpoint %1 (%2), signing region %3, partition %4"_s.arg(
        endpoint->url.toString(), endpoint->source, endpoint->signingRegion, endpoint->partition));

    Sts::StsClientConfig config;
    config.endpoint = endpoint.value();
    config.retryPolicy = Sts::RetryPolicy::fromSettings(profile ? profile->setting(u"max_attempts") : QString(),
        profile ? profile->setting(u"retry_mode") : QString(), m_env);
    debug(u"retry: up to %1 attempts"_s.arg(config.retryPolicy.maxAttempts()));
    QString caBundle = m_env.value(u"AWS_CA_BUNDLE"_s);
    if (caBundle.isEmpty() && profile)
        caBundle = profile->setting(u"ca_bundle").trimmed();
    if (!caBundle.isEmpty()) {
        auto certificates = Sts::StsClient::loadCaBundle(caBundle);
        if (!certificates)
            return certificates.error();
        config.caCertificates = certificates.value();
        debug(u"trusting %1 certificate(s) from %2"_s.arg(config.caCertificates.size()).arg(caBundle));
    }

    if (needsCredentials) {
        if (profile) {
            auto fromProfile = credentialsFor(*profile);
            if (!fromProfile)
                return fromProfile.error();
            credentials = std::move(fromProfile).value();
            debug(u"credentials from profile %1, access key %2…"_s.arg(profile->name, credentials.accessKeyId.left(8)));
        } else if (fromEnv) {
            if (!fromEnv->ok())
                return fromEnv->error();
            credentials = std::move(*fromEnv).value();
            debug(u"credentials from the environment, access key %1…"_s.arg(credentials.accessKeyId.left(8)));
        } else {
            return Error::config(tr("No AWS credentials found. Give --profile, set AWS_PROFILE, add a [default] "
                                    "profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."));
        }
    }

    ensureNetwork();
    m_client = new Sts::StsClient(m_network, m_clock, config);
    m_client->setCredentials(credentials);
    QObject::connect(m_client, &Sts::StsClient::clockSkewChanged, m_client,
        [this](qint64 skew) { debug(u"clock skew corrected: AWS's clock is %1 s ahead of ours"_s.arg(skew / 1000)); });
    return m_client;
}

Result<QString> Cli::readTextFile(const QString &path, const QString &what, qsizetype maxBytes)
{
    QFile file;
    const bool ok = path == "-"_L1 ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok)
        return Error::config(tr("Cannot read the %1 file %2: %3").arg(what, path, file.errorString()));
    const QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return Error::validation(what, tr("file %1 is larger than %2 bytes.").arg(path).arg(maxBytes));
    return QString::fromUtf8(data);
}

template<typename Request>
Result<void> Cli::readCommonOptions(Request &request)
{
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        request.durationSeconds = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok)
            return Error::validation(u"--duration"_s, tr("must be a number of seconds."));
    }
    if constexpr (requires { request.policy; }) {
        if (m_parser.isSet(u"policy-file"_s)) {
            auto policy = readTextFile(m_parser.value(u"policy-file"_s), u"Policy"_s, 64 * 1024);
            if (!policy)
                return policy.error();
            request.policy = policy.value();
        }
        request.policyArns = m_parser.values(u"policy-arn"_s);
    }
    if constexpr (requires { request.tags; }) {
        auto tags = keyValues(u"tag"_s);
        if (!tags)
            return tags.error();
        for (const auto &[key, value] : tags.value())
            request.tags.append({key, value});
    }
    return {};
}

Result<QList<std::pair<QString, QString>>> Cli::keyValues(const QString &option)
{
    QList<std::pair<QString, QString>> out;
    for (const QString &item : m_parser.values(option)) {
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0)
            return Error::validation(u"--"_s + option, tr("must look like KEY=VALUE (got \"%1\").").arg(item));
        out.append({item.left(eq), item.mid(eq + 1)});
    }
    return out;
}

template<typename Job, typename R, typename Start>
Result<R> Cli::send(bool needsCredentials, Start &&start)
{
    auto client = stsClient(needsCredentials);
    if (!client)
        return client.error();
    return await<Job, R>(start(client.value()), [this](const QString &line) { debug(line); });
}

Result<QString> Cli::tokenCodeFor(const QString &serialNumber)
{
    if (m_parser.isSet(u"token-code"_s) || serialNumber.isEmpty())
        return m_parser.value(u"token-code"_s);
    if (!isatty(STDIN_FILENO))
        return Error::validation(
            u"--token-code"_s, tr("is required with --serial-number when there is no terminal to ask on."));
    writeErr(tr("MFA code for %1: ").arg(serialNumber));
    char line[64] = {};
    if (!std::fgets(line, sizeof line, stdin) || interrupted())
        return Error::cancelled(tr("MFA prompt"));
    QString code = QString::fromLatin1(line).trimmed();
    std::fill(std::begin(line), std::end(line), '\0');
    if (code.isEmpty())
        return Error::cancelled(tr("MFA prompt"));
    return code;
}

QString Cli::defaultSessionName() const
{
    QString user = m_env.value(u"USER"_s, m_env.value(u"USERNAME"_s));
    user.remove(QRegularExpression(u"[^A-Za-z0-9_+=,.@-]"_s));
    const QString name
        = user.isEmpty() ? u"rolecall-%1"_s.arg(QDateTime::currentSecsSinceEpoch()) : u"rolecall-"_s + user;
    return name.left(64);
}

template<typename R>
int Cli::printCredentialResult(const R &result, const QJsonObject &awsCliJson)
{
    if (m_parser.isSet(u"format"_s)) {
        const auto format = Export::formatFromName(m_parser.value(u"format"_s));
        Q_ASSERT(format); // checkFormatOption() ran before the call
        Export::Options options;
        options.region = m_parser.value(u"region"_s);
        const SecureBytes text = Export::render(result.credentials, *format, options);
        writeOut(text.unsecureCopy());
        return ExitOk;
    }
    QByteArray json = QJsonDocument(awsCliJson).toJson(QJsonDocument::Indented);
    writeOut(json);
    secureWipe(json);
    return ExitOk;
}

Result<void> Cli::checkFormatOption() const
{
    if (m_parser.isSet(u"format"_s) && !Export::formatFromName(m_parser.value(u"format"_s)))
        return Error::validation(u"--format"_s,
            tr("must be one of %1 (got \"%2\").")
                .arg(Export::formatNames().join(u", "_s), m_parser.value(u"format"_s)));
    return {};
}

template<typename Request>
Result<void> Cli::validateBeforeSending(const Request &request, const QString &notYet) const
{
    if (auto ok = Sts::validate(request); !ok && (notYet.isEmpty() || ok.error().field != notYet))
        return ok;
    return checkFormatOption();
}

int Cli::cmdWhoami()
{
    const auto result = send<Sts::GetCallerIdentityJob, Sts::GetCallerIdentityResult>(
        true, [](Sts::StsClient *client) { return client->getCallerIdentity(); });
    if (!result)
        return fail(result.error());
    if (m_json) {
        writeOut(QJsonDocument(
            QJsonObject {{u"UserId"_s, result->userId}, {u"Account"_s, result->account}, {u"Arn"_s, result->arn}})
                     .toJson(QJsonDocument::Indented));
    } else {
        writeOut(tr("Account: %1").arg(result->account) + u'\n' + tr("ARN:     %1").arg(result->arn) + u'\n'
            + tr("User ID: %1").arg(result->userId) + u'\n');
    }
    return ExitOk;
}

int Cli::cmdAssumeRole()
{
    Sts::AssumeRoleRequest request;
    request.roleArn = m_parser.value(u"role-arn"_s);
    if (request.roleArn.isEmpty())
        return usageError(tr("--role-arn is required."), u"assume-role"_s);
    request.roleSessionName
        = m_parser.isSet(u"session-name"_s) ? m_parser.value(u"session-name"_s) : defaultSessionName();
    request.externalId = m_parser.value(u"external-id"_s);
    request.serialNumber = m_parser.value(u"serial-number"_s);
    request.transitiveTagKeys = m_parser.values(u"transitive-tag-key"_s);
    request.sourceIdentity = m_parser.value(u"source-identity"_s);
    if (auto ok = readCommonOptions(request); !ok)
        return fail(ok.error());
    auto contexts = keyValues(u"provided-context"_s);
    if (!contexts)
        return fail(contexts.error());
    for (const auto &[arn, assertion] : contexts.value())
        request.providedContexts.append({arn, assertion});
    // The MFA code is asked for only once everything else is known to be valid.
    if (auto ok = validateBeforeSending(request, u"TokenCode"_s); !ok)
        return fail(ok.error());
    auto code = tokenCodeFor(request.serialNumber);
    if (!code)
        return fail(code.error());
    request.tokenCode = SecureBytes::takeFrom(code.value());

    const auto result = send<Sts::AssumeRoleJob, Sts::AssumeRoleResult>(
        true, [&request](Sts::StsClient *client) { return client->assumeRole(request); });
    if (!result)
        return fail(result.error());
    QJsonObject json {{u"Credentials"_s, credentialsJson(result->credentials)},
        {u"AssumedRoleUser"_s, assumedRoleUserJson(result->assumedRoleUser)}};
    insertOptional(json, u"PackedPolicySize"_s, result->packedPolicySize);
    insertOptional(json, u"SourceIdentity"_s, result->sourceIdentity);
    return printCredentialResult(result.value(), json);
}

int Cli::cmdAssumeRoleWithSaml()
{
    Sts::AssumeRoleWithSamlRequest request;
    request.roleArn = m_parser.value(u"role-arn"_s);
    request.principalArn = m_parser.value(u"principal-arn"_s);
    if (request.roleArn.isEmpty() || request.principalArn.isEmpty() || !m_parser.isSet(u"assertion-file"_s))
        return usageError(
            tr("--role-arn, --principal-arn and --assertion-file are required."), u"assume-role-with-saml"_s);
    auto assertion = readTextFile(m_parser.value(u"assertion-file"_s), u"SAMLAssertion"_s, 200000);
    if (!assertion)
        return fail(assertion.error());
    QString assertionText = assertion.value().trimmed();
    request.samlAssertion = SecureBytes::takeFrom(assertionText);
    if (auto ok = readCommonOptions(request); !ok)
        return fail(ok.error());
    if (auto ok = validateBeforeSending(request); !ok)
        return fail(ok.error());

    const auto result = send<Sts::AssumeRoleWithSamlJob, Sts::AssumeRoleWithSamlResult>(
        false, [&request](Sts::StsClient *client) { return client->assumeRoleWithSaml(request); });
    if (!result)
        return fail(result.error());
    QJsonObject json {{u"Credentials"_s, credentialsJson(result->credentials)},
        {u"AssumedRoleUser"_s, assumedRoleUserJson(result->assumedRoleUser)}};
    insertOptional(json, u"PackedPolicySize"_s, result->packedPolicySize);
    insertOptional(json, u"Subject"_s, result->subject);
    insertOptional(json, u"SubjectType"_s, result->subjectType);
    insertOptional(json, u"Issuer"_s, result->issuer);
    insertOptional(json, u"Audience"_s, result->audience);
    insertOptional(json, u"NameQualifier"_s, result->nameQualifier);
    insertOptional(json, u"SourceIdentity"_s, result->sourceIdentity);
    return printCredentialResult(result.value(), json);
}

int Cli::cmdAssumeRoleWithWebIdentity()
{
    Sts::AssumeRoleWithWebIdentityRequest request;
    request.roleArn = m_parser.value(u"role-arn"_s);
    request.roleSessionName = m_parser.value(u"session-name"_s);
    if (request.roleArn.isEmpty() || request.roleSessionName.isEmpty())
        return usageError(tr("--role-arn and --session-name are required."), u"assume-role-with-web-identity"_s);
    QString token;
    if (m_parser.isSet(u"token-file"_s)) {
        auto fromFile = readTextFile(m_parser.value(u"token-file"_s), u"WebIdentityToken"_s, 40000);
        if (!fromFile)
            return fail(fromFile.error());
        token = fromFile.value().trimmed();
    } else {
        token = m_parser.value(u"token"_s);
    }
    if (token.isEmpty())
        return usageError(tr("give the token with --token or --token-file."), u"assume-role-with-web-identity"_s);
    request.webIdentityToken = SecureBytes::takeFrom(token);
    request.providerId = m_parser.value(u"provider-id"_s);
    if (auto ok = readCommonOptions(request); !ok)
        return fail(ok.error());
    if (auto ok = validateBeforeSending(request); !ok)
        return fail(ok.error());

    const auto result = send<Sts::AssumeRoleWithWebIdentityJob, Sts::AssumeRoleWithWebIdentityResult>(
        false, [&request](Sts::StsClient *client) { return client->assumeRoleWithWebIdentity(request); });
    if (!result)
        return fail(result.error());
    QJsonObject json {{u"Credentials"_s, credentialsJson(result->credentials)},
        {u"AssumedRoleUser"_s, assumedRoleUserJson(result->assumedRoleUser)}};
    insertOptional(json, u"SubjectFromWebIdentityToken"_s, result->subjectFromWebIdentityToken);
    insertOptional(json, u"PackedPolicySize"_s, result->packedPolicySize);
    insertOptional(json, u"Provider"_s, result->provider);
    insertOptional(json, u"Audience"_s, result->audience);
    insertOptional(json, u"SourceIdentity"_s, result->sourceIdentity);
    return printCredentialResult(result.value(), json);
}

int Cli::cmdSessionToken()
{
    Sts::GetSessionTokenRequest request;
    request.serialNumber = m_parser.value(u"serial-number"_s);
    if (auto ok = readCommonOptions(request); !ok)
        return fail(ok.error());
    if (auto ok = validateBeforeSending(request, u"TokenCode"_s); !ok)
        return fail(ok.error());
    auto code = tokenCodeFor(request.serialNumber);
    if (!code)
        return fail(code.error());
    request.tokenCode = SecureBytes::takeFrom(code.value());

    const auto result = send<Sts::GetSessionTokenJob, Sts::GetSessionTokenResult>(
        true, [&request](Sts::StsClient *client) { return client->getSessionToken(request); });
    if (!result)
        return fail(result.error());
    return printCredentialResult(
        result.value(), QJsonObject {{u"Credentials"_s, credentialsJson(result->credentials)}});
}

int Cli::cmdFederationToken()
{
    Sts::GetFederationTokenRequest request;
    request.name = m_parser.value(u"name"_s);
    if (request.name.isEmpty())
        return usageError(tr("--name is required."), u"federation-token"_s);
    if (auto ok = readCommonOptions(request); !ok)
        return fail(ok.error());
    if (auto ok = validateBeforeSending(request); !ok)
        return fail(ok.error());

    const auto result = send<Sts::GetFederationTokenJob, Sts::GetFederationTokenResult>(
        true, [&request](Sts::StsClient *client) { return client->getFederationToken(request); });
    if (!result)
        return fail(result.error());
    QJsonObject json {{u"Credentials"_s, credentialsJson(result->credentials)},
        {u"FederatedUser"_s,
            QJsonObject {
                {u"FederatedUserId"_s, result->federatedUser.federatedUserId}, {u"Arn"_s, result->federatedUser.arn}}}};
    insertOptional(json, u"PackedPolicySize"_s, result->packedPolicySize);
    return printCredentialResult(result.value(), json);
}

int Cli::cmdDecodeMessage()
{
    QString text;
    const QStringList args = m_parser.positionalArguments();
    const QString source = m_parser.isSet(u"file"_s)   ? m_parser.value(u"file"_s)
        : (args.size() == 1 && args.first() == "-"_L1) ? u"-"_s
                                                       : QString();
    if (!source.isEmpty()) {
        auto read = readTextFile(source, u"EncodedMessage"_s, 1024 * 1024);
        if (!read)
            return fail(read.error());
        text = read.value();
    } else {
        text = args.join(u' ');
    }
    const QString encoded = Authz::extractEncodedMessage(text);
    if (encoded.isEmpty())
        return usageError(
            tr("give the message as an argument, with --file, or - to read standard input."), u"decode-message"_s);
    const Sts::DecodeAuthorizationMessageRequest request {encoded};
    if (auto ok = Sts::validate(request); !ok)
        return fail(ok.error());
    const auto result = send<Sts::DecodeAuthorizationMessageJob, Sts::DecodeAuthorizationMessageResult>(
        true, [&request](Sts::StsClient *client) { return client->decodeAuthorizationMessage(request); });
    if (!result)
        return fail(result.error());
    const auto message = Authz::parseAuthorizationMessage(result->decodedMessage);
    if (!message)
        return fail(message.error());
    writeOut(m_json ? message->prettyJson + u'\n' : Authz::formatSummary(message.value()));
    return ExitOk;
}

int Cli::cmdAccessKeyInfo()
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() != 1)
        return usageError(tr("give exactly one access key ID."), u"access-key-info"_s);
    const Sts::GetAccessKeyInfoRequest request {args.first().trimmed()};
    if (auto ok = Sts::validate(request); !ok)
        return fail(ok.error());
    const auto result = send<Sts::GetAccessKeyInfoJob, Sts::GetAccessKeyInfoResult>(
        true, [&request](Sts::StsClient *client) { return client->getAccessKeyInfo(request); });
    if (!result)
        return fail(result.error());
    if (m_json)
        writeOut(QJsonDocument(QJsonObject {{u"Account"_s, result->account}}).toJson(QJsonDocument::Indented));
    else
        writeOut(tr("Account: %1").arg(result->account) + u'\n');
    return ExitOk;
}

} // namespace Rolecall::Cli
