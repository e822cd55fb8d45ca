// SPDX-License-Identifier: Apache-2.0
// rolecall-cli commands that hand credentials to other programs: credential-process (for the AWS CLI and SDKs),
// exec (environment variables or a loopback ECS-style endpoint), and `assume` through the desktop app's broker.
//
// Order everywhere: the desktop app's broker if one answers (it has the cache and a GUI MFA prompt, which tools
// without a terminal need), else the chain runs here, with MFA codes from --mfa-code, the terminal (/dev/tty:
// credential_process children have their standard streams captured) or the app's MFA dialog.
#include "cli.h"
#include "clisupport.h"

#include "config/sharedconfig.h"
#include "credentials/brokerclient.h"
#include "credentials/containerserver.h"
#include "credentials/credentialflow.h"
#include "credentials/environmentcredentials.h"
#include "export/exporter.h"
#include "profiles/profile.h"
#include "util/clock.h"
#include "util/processhardening.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <unistd.h>
#include <variant>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {

constexpr int kMfaPromptTimeoutMs = 5 * 60 * 1000;
constexpr int kDefaultRefreshWindowSeconds = 300;
constexpr int kExitCannotExecute = 126;
constexpr int kExitNotFound = 127;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Cli::Cli)
};

/**
 * Prompts on the controlling terminal and reads one line from it, bounded in time and aborted by Ctrl+C.
 * Nothing when there is no terminal; an empty array when the user gave nothing (EOF, Ctrl+C, timeout).
 */
std::optional<QByteArray> askTerminal(const QByteArray &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    [[maybe_unused]] const ssize_t written = ::write(fd, prompt.constData(), static_cast<size_t>(prompt.size()));
    char line[64] = {};
    size_t length = 0;
    bool complete = false;
    QElapsedTimer elapsed;
    elapsed.start();
    while (!complete && !interrupted() && elapsed.elapsed() < kMfaPromptTimeoutMs) {
        struct pollfd readable
        {
            fd, POLLIN, 0
        };
        const int ready = ::poll(&readable, 1, 200);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got <= 0)
            break;
        if (c == '\n' || c == '\r')
            complete = true;
        else if (length < sizeof line - 1)
            line[length++] = c;
    }
    ::close(fd);
    QByteArray code = complete ? QByteArray(line, static_cast<qsizetype>(length)).trimmed() : QByteArray();
    std::fill(std::begin(line), std::end(line), '\0');
    return code;
}

/**
 * MFA codes for credential-process and exec: --mfa-code (once), else the terminal, else the desktop app's MFA
 * dialog through the broker, else a refusal that says what to do (exit 3).
 */
class ProcessMfaProvider final : public MfaProvider
{
public:
    ProcessMfaProvider(const QString &fixedCode, QString brokerPath, QString client)
        : m_fixedCode(fixedCode.trimmed().toUtf8())
        , m_brokerPath(std::move(brokerPath))
        , m_client(std::move(client))
    { }

    void requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) override
    {
        if (!m_fixedCode.isEmpty()) {
            if (m_fixedCodeUsed) {
                done(Error::config(Tr::tr("The chain of %1 needs a second MFA code (%2), and --mfa-code gives only "
                                          "one.")
                                       .arg(request.profile, request.serialNumber)));
                return;
            }
            m_fixedCodeUsed = true;
            if (!isValidMfaCode(m_fixedCode.view())) {
                done(Error::validation(u"--mfa-code"_s, Tr::tr("must be exactly six digits.")));
                return;
            }
            done(m_fixedCode);
            return;
        }
        const QByteArray prompt = Tr::tr("MFA code for %1 (%2): ").arg(request.serialNumber, request.profile).toUtf8();
        if (std::optional<QByteArray> typed = askTerminal(prompt)) {
            if (typed->isEmpty()) {
                done(Error::cancelled(Tr::tr("MFA prompt")));
                return;
            }
            const bool valid = isValidMfaCode(*typed);
            SecureBytes code = SecureBytes::takeFrom(*typed);
            if (!valid) {
                done(Error::validation(u"TokenCode"_s, Tr::tr("must be exactly six digits.")));
                return;
            }
            done(code);
            return;
        }
        const Error nowhere = Error::config(
            Tr::tr("An MFA code for %1 is needed: the Rolecall desktop app is not running and there is no terminal "
                   "to ask on. Start the app, give --mfa-code, or set mfa_process.")
                .arg(request.serialNumber));
        if (m_brokerPath.isEmpty()) {
            done(nowhere);
            return;
        }
        auto *job = new BrokerMfaJob(m_brokerPath, request.profile, request.serialNumber, m_client);
        QObject::connect(job, &BrokerMfaJob::finished, job, [done, nowhere](const Result<SecureBytes> &result) {
            if (!result && isBrokerUnavailable(result.error()))
                done(nowhere);
            else
                done(result);
        });
    }

private:
    SecureBytes m_fixedCode;
    bool m_fixedCodeUsed = false;
    QString m_brokerPath;
    QString m_client;
};

/**
 * Gets credentials for one profile, again and again if asked (exec --server refreshes through it): the broker
 * first, then the chain in this process (through Cli::credentialsFor, the path every command takes). One fetch at
 * a time; the callback runs on a later turn or at once.
 */
class CredentialFetcher final : public QObject
{
public:
    struct Setup
    {
        QString profileName;
        std::optional<int> durationSeconds;
        /// Runs the chain here (only when the broker does not answer); waits in a local event loop.
        std::function<Result<AwsCredentials>()> runChain;
        const Clock *clock = nullptr;
        /// Empty: do not ask the desktop app.
        QString brokerPath;
        QString client;
        std::function<void(const QString &)> debug;
        /// Always shown (a broker socket that is not trustworthy).
        std::function<void(const QString &)> warn;
    };

    explicit CredentialFetcher(Setup setup)
        : m_setup(std::move(setup))
    { }

    void fetch(std::function<void(Result<AwsCredentials>)> done)
    {
        // A second caller while one fetch runs (a refresh that outlived its timeout) shares its result.
        m_waiters.append(std::move(done));
        if (m_waiters.size() > 1)
            return;
        m_aborted = false;
        if (m_setup.brokerPath.isEmpty()) {
            finish(m_setup.runChain());
            return;
        }
        auto *job = new BrokerCredentialsJob(
            m_setup.brokerPath, m_setup.profileName, m_setup.durationSeconds, m_setup.clock, m_setup.client);
        m_job = job;
        connect(job, &BrokerCredentialsJob::finished, this, [this](const Result<AwsCredentials> &result) {
            m_job = nullptr;
            if (result) {
                m_setup.debug(u"credentials from the Rolecall desktop app (%1)"_s.arg(m_setup.brokerPath));
                finish(result);
                return;
            }
            const Error &error = result.error();
            if (error.awsCode == Broker::kCodeNotTrusted)
                m_setup.warn(error.message);
            // Not there, not ours, or it does not know the profile (other config files): do it here.
            if (!m_aborted
                && (isBrokerUnavailable(error) || error.awsCode == Broker::kCodeUnknownProfile
                    || error.awsCode == Broker::kCodeUnsupportedVersion)) {
                m_setup.debug(u"desktop app not used: %1 Running the chain here."_s.arg(error.message));
                finish(m_setup.runChain());
                return;
            }
            finish(error);
        });
    }

    void abort()
    {
        m_aborted = true;
        if (m_job)
            m_job->abort();
    }

private:
    void finish(const Result<AwsCredentials> &result)
    {
        const auto waiters = std::exchange(m_waiters, {});
        for (const auto &done : waiters)
            done(result);
    }

    Setup m_setup;
    QList<std::function<void(Result<AwsCredentials>)>> m_waiters;
    QPointer<BrokerCredentialsJob> m_job;
    bool m_aborted = false;
};

/// Waits for one fetch in a local event loop (the CLI's main loop); Ctrl+C aborts it.
Result<AwsCredentials> fetchNow(CredentialFetcher &fetcher)
{
    std::optional<Result<AwsCredentials>> out;
    QEventLoop loop;
    fetcher.fetch([&out, &loop](const Result<AwsCredentials> &result) {
        out = result;
        loop.quit();
    });
    if (!out) {
        QTimer interruptPoll;
        QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&fetcher] {
            if (interrupted())
                fetcher.abort();
        });
        interruptPoll.start(100);
        loop.exec();
    }
    return out ? *out : Result<AwsCredentials>(Error::cancelled(QString()));
}

// ---------------------------------------------------------------------------------------------- signals

int g_forwardPipe[2] = {-1, -1};

extern "C" void onForwardedSignal(int signal, siginfo_t *info, void *)
{
    const int savedErrno = errno;
    // Signals the terminal sends (Ctrl+C, Ctrl+\, hangup) reach the child's process group by themselves; only
    // those another process sent to rolecall-cli (kill, a supervisor, a CI runner) need forwarding.
#ifdef SI_KERNEL
    const bool fromTerminal = info && info->si_code == SI_KERNEL;
#else
    const bool fromTerminal = false;
    Q_UNUSED(info)
#endif
    const unsigned char message[2] = {static_cast<unsigned char>(signal), static_cast<unsigned char>(fromTerminal)};
    [[maybe_unused]] const ssize_t written = ::write(g_forwardPipe[1], message, sizeof message);
    errno = savedErrno;
}

/**
 * Forwards SIGINT, SIGTERM and SIGHUP to the child while it runs. The handler only writes to a pipe
 * (async-signal-safe); a QSocketNotifier on the other end forwards in the event loop.
 */
class SignalForwarder final
{
public:
    static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

    SignalForwarder()
    {
        if (::pipe2(g_forwardPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_forwardPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] { onReadable(); });
        struct sigaction action
        { };
        action.sa_sigaction = &onForwardedSignal;
        action.sa_flags = SA_SIGINFO | SA_RESTART;
        sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &action, &m_previous[i]);
        m_installed = true;
    }

    ~SignalForwarder()
    {
        if (m_installed) {
            for (size_t i = 0; i < std::size(kSignals); ++i)
                ::sigaction(kSignals[i], &m_previous[i], nullptr);
        }
        m_notifier.reset();
        for (int &fd : g_forwardPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

    SignalForwarder(const SignalForwarder &) = delete;
    SignalForwarder &operator=(const SignalForwarder &) = delete;

    void setTarget(qint64 pid) { m_target = static_cast<pid_t>(pid); }
    std::function<void(const QString &)> debug;

private:
    void onReadable()
    {
        unsigned char message[2] = {};
        while (::read(g_forwardPipe[0], message, sizeof message) == static_cast<ssize_t>(sizeof message)) {
            const int signal = message[0];
            if (message[1] != 0 || m_target <= 0)
                continue;
            ::kill(m_target, signal);
            if (debug)
                debug(u"forwarded signal %1 to process %2"_s.arg(signal).arg(m_target));
        }
    }

    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previous[std::size(kSignals)] = {};
    pid_t m_target = 0;
    bool m_installed = false;
};

/// The program as the child's PATH finds it (like execvp), or 127 / 126 and why.
std::variant<QString, std::pair<int, QString>> findProgram(const QString &name, const QProcessEnvironment &env)
{
    if (name.contains(u'/')) {
        const QFileInfo file(name);
        if (!file.exists())
            return std::pair {kExitNotFound, Tr::tr("%1: no such file").arg(name)};
        if (file.isDir() || !file.isExecutable())
            return std::pair {kExitCannotExecute, Tr::tr("%1: not an executable file").arg(name)};
        return file.absoluteFilePath();
    }
    bool foundUnexecutable = false;
    const QStringList directories = env.value(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s).split(u':');
    for (const QString &directory : directories) {
        const QFileInfo file(QDir(directory.isEmpty() ? u"."_s : directory), name);
        if (!file.exists() || file.isDir())
            continue;
        if (file.isExecutable())
            return file.absoluteFilePath();
        foundUnexecutable = true;
    }
    if (foundUnexecutable)
        return std::pair {kExitCannotExecute, Tr::tr("%1: permission denied").arg(name)};
    return std::pair {kExitNotFound, Tr::tr("%1: command not found").arg(name)};
}

/// The child's environment for `exec` without --server: the credentials as variables, nothing competing.
void exportVariables(QProcessEnvironment &env, const AwsCredentials &credentials)
{
    for (const QString &name : env.keys()) {
        if (name.startsWith("AWS_CONTAINER_"_L1))
            env.remove(name);
    }
    for (const auto name : {"AWS_PROFILE"_L1, "AWS_DEFAULT_PROFILE"_L1, "AWS_SECURITY_TOKEN"_L1})
        env.remove(name);
    env.insert(u"AWS_ACCESS_KEY_ID"_s, credentials.accessKeyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, QString::fromUtf8(credentials.secretAccessKey.view()));
    if (credentials.isTemporary())
        env.insert(u"AWS_SESSION_TOKEN"_s, QString::fromUtf8(credentials.sessionToken.view()));
    else
        env.remove(u"AWS_SESSION_TOKEN"_s);
    if (credentials.expiration.isValid())
        env.insert(u"AWS_CREDENTIAL_EXPIRATION"_s, credentials.expiration.toUTC().toString(Qt::ISODate));
    else
        env.remove(u"AWS_CREDENTIAL_EXPIRATION"_s);
}

} // namespace

QList<Cli::Command> Cli::processCommands()
{
    const auto durationOption = [](QCommandLineParser &p) {
        p.addOption({u"duration"_s, tr("Session duration in seconds (of the last role hop)."), tr("seconds")});
    };
    return {
        {u"credential-process"_s,
            tr("Print --profile's credentials as credential_process JSON (Version 1) for the AWS CLI and SDKs; asks "
               "the desktop app first."),
            [=](QCommandLineParser &p) { durationOption(p); }, [this] { return cmdCredentialProcess(); }},
        {u"exec"_s, tr("Run a command with --profile's credentials: exec --profile P [--server] -- CMD [ARGS…]."),
            [=](QCommandLineParser &p) {
                durationOption(p);
                p.addOption({u"server"_s,
                    tr("Serve the credentials from a loopback ECS-style endpoint that refreshes them while the "
                       "command runs, instead of putting them in its environment.")});
                p.addOption({u"refresh-window"_s,
                    tr("With --server: fetch new credentials when fewer than this many seconds remain (default "
                       "%1).")
                        .arg(kDefaultRefreshWindowSeconds),
                    tr("seconds")});
                p.addPositionalArgument(
                    u"command"_s, tr("The command to run, after --, and its arguments."), u"-- command [args…]"_s);
            },
            [this] { return cmdExec(); }},
    };
}

std::optional<Result<AwsCredentials>> Cli::credentialsFromBroker(
    const QString &profile, std::optional<int> durationSeconds)
{
    ensureNetwork();
    const QString path = Broker::socketLocation(m_env).path;
    auto *job = new BrokerCredentialsJob(path, profile, durationSeconds, m_clock, u"assume"_s);
    auto result = await<BrokerCredentialsJob, AwsCredentials>(job, [this](const QString &line) { debug(line); });
    if (!result && (isBrokerUnavailable(result.error()) || result.error().awsCode == Broker::kCodeUnknownProfile)) {
        if (result.error().awsCode == Broker::kCodeNotTrusted)
            writeErr(tr("rolecall-cli: warning: %1").arg(result.error().message) + u'\n');
        debug(u"desktop app not used: %1"_s.arg(result.error().message));
        return std::nullopt;
    }
    if (result)
        debug(u"credentials from the Rolecall desktop app (%1)"_s.arg(path));
    return result;
}

Result<AwsCredentials> Cli::chainCredentials(const QString &name, std::optional<int> durationSeconds)
{
    auto profile = resolveProfile(name);
    if (!profile)
        return profile.error();
    // The chain's children (credential_process, mfa_process) learn which profile is being fetched: a
    // `rolecall-cli credential-process` among them for the same profile then refuses instead of looping.
    const QProcessEnvironment saved = m_env;
    m_env = Broker::withLoopGuard(m_env, profile->name);
    auto result = credentialsFor(profile.value(), durationSeconds);
    m_env = saved;
    return result;
}

int Cli::cmdAssumeViaBroker()
{
    // Without a terminal and a code, only the desktop app can ask for MFA (and it may have the session cached).
    // Explicit --endpoint-url / --region ask for this process's own calls.
    m_tryBroker = !m_parser.isSet(u"mfa-code"_s) && !isatty(STDIN_FILENO) && !m_parser.isSet(u"endpoint-url"_s)
        && !m_parser.isSet(u"region"_s);
    return cmdAssume();
}

int Cli::cmdCredentialProcess()
{
    const QString name = m_parser.value(u"profile"_s);
    if (name.isEmpty())
        return usageError(
            tr("--profile is required: credential_process = rolecall-cli credential-process --profile NAME."),
            u"credential-process"_s);
    std::optional<int> duration;
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        duration = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || *duration < Sts::kMinDurationSeconds || *duration > Sts::kMaxSessionDurationSeconds)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 129600.")));
    }
    if (Broker::loopGuardContains(m_env, name))
        return fail(Error::config(tr("The credential chain of profile \"%1\" runs `rolecall-cli credential-process "
                                     "--profile %1` again: its credential_process (or one of its sources') points "
                                     "back at itself. Give the profile its own keys or a source_profile instead.")
                                      .arg(name)));

    ensureNetwork();
    const QString brokerPath = Broker::socketLocation(m_env).path;
    m_mfa = std::make_unique<ProcessMfaProvider>(m_parser.value(u"mfa-code"_s), brokerPath, u"credential-process"_s);
    CredentialFetcher::Setup setup;
    setup.profileName = name;
    setup.durationSeconds = duration;
    setup.runChain = [this, name, duration] { return chainCredentials(name, duration); };
    setup.clock = m_clock;
    // The app runs its chain with its own settings: explicit overrides are for a chain run here.
    if (!m_parser.isSet(u"endpoint-url"_s) && !m_parser.isSet(u"region"_s))
        setup.brokerPath = brokerPath;
    setup.client = u"credential-process"_s;
    setup.debug = [this](const QString &line) { debug(line); };
    setup.warn = [this](const QString &line) { writeErr(tr("rolecall-cli: warning: %1").arg(line) + u'\n'); };
    CredentialFetcher fetcher(std::move(setup));
    const auto credentials = fetchNow(fetcher);
    if (!credentials)
        return fail(credentials.error());
    const SecureBytes text = Export::render(credentials.value(), Export::Format::Process);
    writeOut(text.unsecureCopy());
    return ExitOk;
}

int Cli::cmdExec()
{
    const QStringList command = m_parser.positionalArguments();
    if (command.isEmpty())
        return usageError(
            tr("give the command to run after --, e.g. rolecall-cli exec --profile dev -- aws s3 ls."), u"exec"_s);
    const QString name = m_parser.isSet(u"profile"_s) ? m_parser.value(u"profile"_s)
                                                      : Profiles::ProfileResolver::defaultProfileName(m_env);
    std::optional<int> duration;
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        duration = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || *duration < Sts::kMinDurationSeconds || *duration > Sts::kMaxSessionDurationSeconds)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 129600.")));
    }
    const bool server = m_parser.isSet(u"server"_s);
    ContainerServerSettings serverSettings;
    serverSettings.refreshWindowSeconds = kDefaultRefreshWindowSeconds;
    if (m_parser.isSet(u"refresh-window"_s)) {
        bool ok = false;
        serverSettings.refreshWindowSeconds = m_parser.value(u"refresh-window"_s).toInt(&ok);
        if (!ok || serverSettings.refreshWindowSeconds < 0 || serverSettings.refreshWindowSeconds > 43200)
            return fail(Error::validation(u"--refresh-window"_s, tr("must be a number of seconds from 0 to 43200.")));
        if (!server)
            return usageError(tr("--refresh-window needs --server."), u"exec"_s);
    }
    if (Broker::loopGuardContains(m_env, name))
        return fail(Error::config(
            tr("The credential chain of profile \"%1\" runs rolecall-cli for the same profile again.").arg(name)));

    ensureNetwork();
    const QString brokerPath = Broker::socketLocation(m_env).path;
    m_mfa = std::make_unique<ProcessMfaProvider>(m_parser.value(u"mfa-code"_s), brokerPath, u"exec"_s);
    CredentialFetcher::Setup setup;
    setup.profileName = name;
    setup.durationSeconds = duration;
    setup.runChain = [this, name, duration] { return chainCredentials(name, duration); };
    setup.clock = m_clock;
    if (!m_parser.isSet(u"endpoint-url"_s) && !m_parser.isSet(u"region"_s))
        setup.brokerPath = brokerPath;
    setup.client = u"exec"_s;
    setup.debug = [this](const QString &line) { debug(line); };
    setup.warn = [this](const QString &line) { writeErr(tr("rolecall-cli: warning: %1").arg(line) + u'\n'); };
    CredentialFetcher fetcher(std::move(setup));
    const auto credentials = fetchNow(fetcher);
    if (!credentials)
        return fail(credentials.error());

    QProcessEnvironment env = m_env;
    QString region = m_parser.isSet(u"region"_s) ? m_parser.value(u"region"_s) : regionFromEnvironment(m_env);
    if (region.isEmpty() && sharedConfig().profile(name)) {
        if (auto profile = resolveProfile(name))
            region = profile->region;
    }

    std::unique_ptr<ContainerServer> endpoint;
    if (server) {
        endpoint = std::make_unique<ContainerServer>(
            m_clock, [&fetcher](std::function<void(Result<AwsCredentials>)> done) { fetcher.fetch(std::move(done)); },
            serverSettings);
        if (auto ok = endpoint->start(credentials.value()); !ok)
            return fail(ok.error());
        QObject::connect(endpoint.get(), &ContainerServer::refreshed, endpoint.get(), [this](const QDateTime &until) {
            debug(u"credentials refreshed; now valid until %1"_s.arg(isoUtc(until)));
        });
        QObject::connect(endpoint.get(), &ContainerServer::refreshFailed, endpoint.get(), [this](const Error &error) {
            writeErr(tr("rolecall-cli: refreshing the credentials failed: %1").arg(error.message) + u'\n');
        });
        endpoint->exportTo(env);
        debug(u"credentials endpoint on 127.0.0.1:%1"_s.arg(endpoint->url().port()));
        // The SDKs look at the shared files before the endpoint: a [default] profile with credentials would win.
        if (sharedConfig().profile(u"default"_s)) {
            const Profiles::ProfileResolver resolver(sharedConfig());
            if (resolver.resolve(u"default"_s).kind != Profiles::Kind::None)
                writeErr(tr("rolecall-cli: warning: the [default] profile has credentials of its own; AWS SDKs use "
                            "them before the credentials endpoint.")
                    + u'\n');
        }
    } else {
        exportVariables(env, credentials.value());
    }
    if (!region.isEmpty()) {
        env.insert(u"AWS_REGION"_s, region);
        env.insert(u"AWS_DEFAULT_REGION"_s, region);
    }

    const auto program = findProgram(command.first(), env);
    if (const auto *problem = std::get_if<std::pair<int, QString>>(&program)) {
        writeErr(tr("rolecall-cli: %1").arg(problem->second) + u'\n');
        return problem->first;
    }

    QProcess child;
    child.setProgram(std::get<QString>(program));
    child.setArguments(command.mid(1));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.setInputChannelMode(QProcess::ForwardedInputChannel);
    // The user's command gets the core-file limit their shell gave us (it holds no secret of ours but its own).
    child.setChildProcessModifier([] { Core::restoreCoreDumpLimit(); });
    SignalForwarder forwarder;
    forwarder.debug = [this](const QString &line) { debug(line); };
    child.start();
    if (!child.waitForStarted(30000)) {
        writeErr(tr("rolecall-cli: %1: %2").arg(command.first(), child.errorString()) + u'\n');
        return kExitCannotExecute;
    }
    forwarder.setTarget(child.processId());
    debug(u"started %1 (process %2)"_s.arg(command.first()).arg(child.processId()));
    if (child.state() != QProcess::NotRunning) {
        // As long as the child runs: the endpoint keeps serving and refreshing meanwhile.
        QEventLoop loop;
        QObject::connect(&child, &QProcess::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (endpoint)
        debug(u"endpoint served %1 request(s), refreshed %2 time(s), refused %3"_s.arg(endpoint->servedCount())
                  .arg(endpoint->refreshCount())
                  .arg(endpoint->unauthorizedCount()));
    // A child killed by a signal: 128 + its number, as shells report it.
    if (child.exitStatus() == QProcess::CrashExit)
        return 128 + child.exitCode();
    return child.exitCode();
}

} // namespace Rolecall::Cli
