// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"
#include "util/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QJsonObject;

namespace Rolecall::Core {
class Clock;
class MfaProvider;
class SessionCache;
struct AwsCredentials;
namespace Sts {
class StsClient;
}
namespace Config {
class SharedConfig;
}
namespace Profiles {
struct ResolvedProfile;
}
namespace Secrets {
class KeyStore;
class SecretStore;
} // namespace Secrets
} // namespace Rolecall::Core

namespace Rolecall::Cli {

/** Exit codes documented in the product spec. */
enum ExitCode
{
    ExitOk = 0,
    ExitAwsRefused = 1,
    ExitUsage = 2,
    ExitConfig = 3,
    ExitNetwork = 4,
    ExitCancelled = 5,
};

int exitCodeFor(const Core::Error &error);

/**
 * rolecall-cli: parses the command line, builds the core services it needs, runs one command and
 * returns its exit code. Output goes to the given streams so tests can run it in-process too.
 */
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Cli::Cli)

public:
    Cli(QStringList arguments, QProcessEnvironment environment, FILE *out = stdout, FILE *err = stderr);
    ~Cli();
    Cli(const Cli &) = delete;
    Cli &operator=(const Cli &) = delete;

    int run();
    /// Called when the process is about to end: see abandonAtExit() (application.h).
    void abandonConfigAtExit();

private:
    struct Command
    {
        QString name;
        QString summary;
        std::function<void(QCommandLineParser &)> addOptions;
        std::function<int()> run;
    };

    void registerCommands();
    void addGlobalOptions(QCommandLineParser &parser) const;
    int usageError(const QString &message, const QString &command = {});
    int fail(const Core::Error &error);
    void printGeneralHelp();
    void debug(const QString &line);
    void writeOut(const QByteArray &bytes);
    void writeOut(const QString &text);
    void writeErr(const QString &text);

    // Services, built on first use.
    Core::Result<Core::Sts::StsClient *> stsClient(bool needsCredentials);
    /// The shared config files, read once.
    const Core::Config::SharedConfig &sharedConfig();
    /// --profile, resolved; an error when it names no profile.
    Core::Result<Core::Profiles::ResolvedProfile> resolveProfile(const QString &name);
    /// Runs the profile's credential chain (asking for MFA on the terminal or taking --mfa-code).
    Core::Result<Core::AwsCredentials> credentialsFor(
        const Core::Profiles::ResolvedProfile &profile, std::optional<int> durationSeconds = {});
    void ensureNetwork();
    std::unique_ptr<Core::MfaProvider> makeMfaProvider();

    // Commands
    int cmdWhoami();
    int cmdAssumeRole();
    int cmdAssumeRoleWithSaml();
    int cmdAssumeRoleWithWebIdentity();
    int cmdSessionToken();
    int cmdFederationToken();
    int cmdDecodeMessage();
    int cmdAccessKeyInfo();
    int cmdProfiles();
    int cmdAssume();
    int cmdConsole();
    // processcommands.cpp: credential-process, exec, and `assume` through the desktop app's broker.
    QList<Command> processCommands();
    int cmdCredentialProcess();
    int cmdExec();
    int cmdAssumeViaBroker();
    /// The desktop app's answer for @p profile, or nothing when no app answers (or it does not know the profile).
    std::optional<Core::Result<Core::AwsCredentials>> credentialsFromBroker(
        const QString &profile, std::optional<int> durationSeconds);
    /// Resolves @p profile and runs its chain here (credentialsFor), its children told which profile it is.
    Core::Result<Core::AwsCredentials> chainCredentials(const QString &profile, std::optional<int> durationSeconds);
    // keychaincommands.cpp: keychain add|import|remove|list.
    QList<Command> keychainCommands();
    int cmdKeychain();
    int cmdKeychainAdd();
    int cmdKeychainImport();
    int cmdKeychainRemove();
    int cmdKeychainList();
    /// Sets credential_process = rolecall-cli credential-process --profile P in the config file; the changes made.
    Core::Result<QStringList> pointConfigAtKeychain(const QString &profile);
    Core::Result<QJsonObject> importProfile(const QString &profile, bool replace);
    /// The keychain (ROLECALL_SECRET_STORE=memory: memory only, for tests), made on first use.
    Core::Secrets::KeyStore *keyStore();
    Core::Secrets::SecretStore *secretStore();
    /// Temporary credentials cached in the keychain (shared with the desktop app); --no-cache skips it.
    Core::SessionCache *sessionCache();

    // Helpers
    Core::Result<QString> readTextFile(const QString &path, const QString &what, qsizetype maxBytes);
    /// --duration, --policy-file, --policy-arn and --tag, for the requests that take them.
    template<typename Request>
    Core::Result<void> readCommonOptions(Request &request);
    Core::Result<QList<std::pair<QString, QString>>> keyValues(const QString &option);
    /// Builds the STS client (once) and waits for the job @p start creates.
    template<typename Job, typename R, typename Start>
    Core::Result<R> send(bool needsCredentials, Start &&start);
    Core::Result<QString> tokenCodeFor(const QString &serialNumber);
    QString defaultSessionName() const;
    /// Checked before any call: an unknown --format must not waste a call (or an MFA code).
    Core::Result<void> checkFormatOption() const;
    /// Sts::validate and checkFormatOption; @p notYet names a field filled in later (the MFA code).
    template<typename Request>
    Core::Result<void> validateBeforeSending(const Request &request, const QString &notYet = {}) const;
    template<typename R>
    int printCredentialResult(const R &result, const QJsonObject &awsCliJson);

    QStringList m_arguments;
    QProcessEnvironment m_env;
    FILE *m_out;
    FILE *m_err;
    QList<Command> m_commands;
    QCommandLineParser m_parser;
    bool m_debug = false;
    bool m_json = false;
    /// credentialsFor() asks the desktop app's broker first (assume without a terminal or --mfa-code).
    bool m_tryBroker = false;

    QNetworkAccessManager *m_network = nullptr;
    Core::Clock *m_clock = nullptr;
    Core::Sts::StsClient *m_client = nullptr;
    std::unique_ptr<Core::Config::SharedConfig> m_config;
    std::unique_ptr<Core::MfaProvider> m_mfa;
    std::unique_ptr<Core::Secrets::SecretStore> m_secretStore;
    std::unique_ptr<Core::Secrets::KeyStore> m_keyStore; ///< uses m_secretStore: declared after it
    std::unique_ptr<Core::SessionCache> m_sessionCache; ///< uses m_secretStore and m_clock
};

} // namespace Rolecall::Cli
