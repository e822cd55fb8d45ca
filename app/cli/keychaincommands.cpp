// SPDX-License-Identifier: Apache-2.0
// rolecall-cli keychain add|import|remove|list: long-term keys in the OS keychain instead of ~/.aws/credentials.
//
// The AWS CLI and the SDKs reach those keys through `credential_process = rolecall-cli credential-process
// --profile P`, which these commands write with the byte-preserving writer; Rolecall itself recognises that
// line and reads the keychain directly (Step::Type::KeychainKeys). botocore reads credential_process from the
// merged profile (ProcessProvider loads Session.full_config, where the credentials file's values win), so the
// line works in either file: `import --replace` puts it where the keys were, in the credentials file, and
// `add` puts it in the config file's [profile P].
#include "cli.h"
#include "clisupport.h"

#include "config/configfile.h"
#include "config/configwriter.h"
#include "config/sharedconfig.h"
#include "profiles/keychaincommand.h"
#include "secrets/keychainimport.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/keystore.h"
#include "secrets/memorysecretstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

#include <cerrno>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {

// A keychain call may wait for the user to unlock the keyring (each store call is bounded by the store's
// own timeout); a whole KeyStore operation is a few of them.
constexpr int kKeychainWaitMs = 5 * 60 * 1000;
// How long a prompt (or a script that pipes the keys in) may take.
constexpr int kInputTimeoutMs = 5 * 60 * 1000;
constexpr size_t kMaxLineBytes = 4096;

const auto kKeyIdKey = u"aws_access_key_id";
const auto kProcessKey = u"credential_process";

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Cli::Cli)
};

/**
 * Runs one asynchronous keychain operation (@p start gets a context and the callback) in a local event loop,
 * bounded in time and ended by Ctrl+C. The context dies on return, so a late answer is dropped.
 */
template<typename R, typename Start>
Result<R> waitFor(Start start)
{
    std::optional<Result<R>> out;
    QEventLoop loop;
    QObject context;
    start(&context, [&out, &loop](Result<R> result) {
        out = std::move(result);
        loop.quit();
    });
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&loop] {
        if (interrupted())
            loop.quit();
    });
    interruptPoll.start(100);
    QTimer::singleShot(kKeychainWaitMs, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    if (out)
        return std::move(*out);
    if (interrupted())
        return Error::cancelled(Tr::tr("keychain"));
    return Error::keychain(Tr::tr("The keychain did not answer within %n minute(s). It may be waiting for you to "
                                  "unlock it; unlock it and try again.",
        nullptr, kKeychainWaitMs / 60000));
}

/// Turns terminal echo off for its lifetime (the newline the user types is still echoed).
class EchoOff
{
public:
    explicit EchoOff(int fd)
        : m_fd(fd)
    {
        if (::tcgetattr(fd, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        m_active = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    int m_fd;
    termios m_saved {};
    bool m_active = false;
};

/**
 * One line of standard input (without its line ending), read byte by byte so nothing after it is consumed,
 * bounded in time and ended by Ctrl+C. std::nullopt at end of input, on Ctrl+C or after the timeout.
 */
std::optional<SecureBytes> readStdinLine()
{
    char buffer[kMaxLineBytes] = {};
    size_t length = 0;
    bool gotAny = false;
    bool complete = false;
    QElapsedTimer elapsed;
    elapsed.start();
    while (!complete && !interrupted() && elapsed.elapsed() < kInputTimeoutMs) {
        pollfd readable {STDIN_FILENO, POLLIN, 0};
        const int ready = ::poll(&readable, 1, 200); // poll is never restarted after a signal: Ctrl+C ends it
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char c = 0;
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; // end of input
        gotAny = true;
        if (c == '\n')
            complete = true;
        else if (length < sizeof buffer)
            buffer[length++] = c;
    }
    while (length > 0 && (buffer[length - 1] == '\r' || buffer[length - 1] == ' ' || buffer[length - 1] == '\t'))
        --length;
    size_t start = 0;
    while (start < length && (buffer[start] == ' ' || buffer[start] == '\t'))
        ++start;
    SecureBytes line(QByteArrayView(buffer + start, static_cast<qsizetype>(length - start)));
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    if ((!complete && !gotAny) || interrupted() || (!complete && elapsed.elapsed() >= kInputTimeoutMs))
        return std::nullopt;
    return line;
}

// The reusable part lives in core (the desktop app adds and imports keys too).
using KeychainImport = Secrets::KeychainImport;

QString masked(const QString &keyId)
{
    return KeychainImport::maskedKeyId(keyId);
}

} // namespace

QList<Cli::Command> Cli::keychainCommands()
{
    return {
        {u"keychain"_s, tr("Long-term keys in the OS keychain: add, import (from ~/.aws/credentials), remove, list."),
            [](QCommandLineParser &p) {
                p.addPositionalArgument(u"action"_s, tr("add, import, remove or list."), u"add|import|remove|list"_s);
                p.addOption({u"access-key-id"_s,
                    tr("add: the access key ID (else asked for, or read from standard "
                       "input). The secret is never a flag."),
                    tr("id")});
                p.addOption({u"no-config"_s, tr("add: leave the config file alone (no credential_process line).")});
                p.addOption({u"replace"_s,
                    tr("import: also remove the plaintext keys from the credentials file "
                       "and leave a credential_process line there.")});
                p.addOption({u"all"_s, tr("import: every profile with plaintext keys in the credentials file.")});
            },
            [this] { return cmdKeychain(); }},
    };
}

Secrets::SecretStore *Cli::secretStore()
{
    if (!m_secretStore) {
        if (m_env.value(u"ROLECALL_SECRET_STORE"_s) == "memory"_L1) {
            // For tests: an in-memory store that forgets everything when this process ends.
            writeErr(tr("warning: ROLECALL_SECRET_STORE=memory: keys are kept in memory only, for tests; nothing "
                        "persists.")
                + u'\n');
            m_secretStore = std::make_unique<Secrets::MemorySecretStore>();
        } else {
            // ROLECALL_KEYCHAIN_SERVICE is for tests: their entries never meet a real user's.
            const QString service = m_env.value(u"ROLECALL_KEYCHAIN_SERVICE"_s);
            m_secretStore = std::make_unique<Secrets::KeychainSecretStore>(
                service.isEmpty() ? Secrets::KeychainSecretStore::defaultServiceName() : service);
        }
        debug(u"keychain: %1"_s.arg(m_secretStore->backendName()));
    }
    return m_secretStore.get();
}

Secrets::KeyStore *Cli::keyStore()
{
    if (!m_keyStore) {
        m_keyStore = std::make_unique<Secrets::KeyStore>(secretStore(), Secrets::KeyStore::defaultIndexPath());
        debug(u"keychain index %1"_s.arg(m_keyStore->indexPath()));
    }
    return m_keyStore.get();
}

int Cli::cmdKeychain()
{
    const QStringList args = m_parser.positionalArguments();
    const QString action = args.value(0);
    if (args.size() != 1)
        return usageError(tr("give one action: add, import, remove or list."), u"keychain"_s);
    if (action == "list"_L1)
        return cmdKeychainList();
    if (action != "add"_L1 && action != "import"_L1 && action != "remove"_L1)
        return usageError(tr("unknown action '%1': use add, import, remove or list.").arg(action), u"keychain"_s);
    if (action == "import"_L1 && m_parser.isSet(u"all"_s)) {
        if (m_parser.isSet(u"profile"_s))
            return usageError(tr("give either --profile or --all."), u"keychain"_s);
        return cmdKeychainImport();
    }
    if (m_parser.value(u"profile"_s).isEmpty())
        return usageError(tr("keychain %1 needs --profile.").arg(action), u"keychain"_s);
    if (action == "add"_L1)
        return cmdKeychainAdd();
    if (action == "import"_L1)
        return cmdKeychainImport();
    return cmdKeychainRemove();
}

int Cli::cmdKeychainAdd()
{
    const QString profile = m_parser.value(u"profile"_s);
    const bool terminal = isatty(STDIN_FILENO);
    QString keyId = m_parser.value(u"access-key-id"_s).trimmed();
    if (keyId.isEmpty()) {
        if (terminal)
            writeErr(tr("Access key ID for %1: ").arg(profile));
        const std::optional<SecureBytes> line = readStdinLine();
        if (!line)
            return interrupted() ? fail(Error::cancelled(tr("keychain add")))
                                 : usageError(tr("expected the access key ID on standard input."), u"keychain"_s);
        keyId = QString::fromUtf8(line->view());
    }
    if (!KeychainImport::isValidAccessKeyId(keyId))
        return fail(Error::validation(u"--access-key-id"_s,
            tr("must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE."), tr("keychain add")));

    std::optional<SecureBytes> secret;
    if (terminal) {
        writeErr(tr("Secret access key for %1 (not shown): ").arg(profile));
        const EchoOff quiet(STDIN_FILENO);
        secret = readStdinLine();
    } else {
        secret = readStdinLine();
    }
    if (!secret || secret->isEmpty())
        return interrupted()
            ? fail(Error::cancelled(tr("keychain add")))
            : usageError(
                tr("expected the secret access key on %1.").arg(terminal ? tr("the terminal") : tr("standard input")),
                u"keychain"_s);
    if (!KeychainImport::isPlausibleSecret(*secret))
        return fail(Error::validation(u"aws_secret_access_key"_s,
            tr("must be printable characters without spaces (as AWS issues them)."), tr("keychain add")));

    Secrets::KeyStore *keys = keyStore();
    const Result<void> added = waitFor<void>(
        [&](QObject *context, Secrets::KeyStore::Done done) { keys->add(profile, keyId, *secret, {}, context, done); });
    if (!added)
        return fail(added.error());

    QJsonObject json {{u"profile"_s, profile}, {u"access_key_id"_s, masked(keyId)},
        {u"keychain"_s, m_secretStore->backendName()}, {u"persistent"_s, m_secretStore->isPersistent()}};
    if (!m_json)
        writeOut(tr("Stored the keys of %1 (%2) in the keychain (%3).")
                     .arg(profile, masked(keyId), m_secretStore->backendName())
            + u'\n');
    QJsonArray changes;
    if (!m_parser.isSet(u"no-config"_s)) {
        auto changed = pointConfigAtKeychain(profile);
        if (!changed)
            return fail(changed.error());
        for (const QString &change : changed.value())
            changes.append(change);
    }
    json.insert(u"changes"_s, changes);
    if (m_json)
        writeOut(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return ExitOk;
}

Result<QStringList> Cli::pointConfigAtKeychain(const QString &profile)
{
    const Config::ConfigPaths paths = Config::ConfigPaths::fromEnvironment(m_env);
    const Config::SharedConfig &config = sharedConfig();
    const Config::ProfileSettings *settings = config.profile(profile);
    const QString line = Profiles::keychainCredentialProcess(profile);
    QStringList changes;

    // Warnings first: what would still win over the keychain for the AWS CLI.
    if (settings) {
        if (const Config::Setting *keyId = settings->find(kKeyIdKey); keyId && keyId->fromCredentialsFile)
            writeErr(tr("warning: %1:%2 still holds plaintext keys for %3, and the AWS CLI uses them before "
                        "credential_process: remove them from that file.")
                         .arg(keyId->file)
                         .arg(keyId->line)
                         .arg(profile)
                + u'\n');
        if (settings->has(u"role_arn"))
            writeErr(tr("note: %1 has a role_arn, so the AWS CLI assumes that role instead of using these keys "
                        "directly; profiles that name %1 as source_profile with its own keys are the usual setup.")
                         .arg(profile)
                + u'\n');
    }
    const Config::Setting *current = settings ? settings->find(kProcessKey) : nullptr;
    if (current && Profiles::keychainProfileOf(current->value) == profile) {
        if (!m_json)
            writeOut(tr("%1:%2 already has credential_process = %3.").arg(current->file).arg(current->line).arg(line)
                + u'\n');
        return changes;
    }
    if (current && current->fromCredentialsFile) {
        writeErr(tr("warning: %1:%2 has another credential_process for %3, which the AWS CLI prefers to the config "
                    "file's: change it to '%4' there.")
                     .arg(current->file)
                     .arg(current->line)
                     .arg(profile, line)
            + u'\n');
    }

    const Config::IniDocument &document = config.configDocument();
    const Config::ConfigEdit edit = KeychainImport::configProcessEdit(config, paths.config, profile);
    const auto saved = Config::ConfigFile::save(paths.config, document.bytes(), {edit});
    if (!saved)
        return saved.error();
    m_config.reset(); // read again when needed
    const QString change = tr("%1: %2 (credential_process = %3)").arg(paths.config, edit.description(), line);
    changes.append(change);
    if (!m_json)
        writeOut(tr("Changed %1").arg(change) + u'\n');
    if (QStandardPaths::findExecutable(u"rolecall-cli"_s, m_env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts))
            .isEmpty())
        writeErr(
            tr("note: rolecall-cli is not on PATH, so the AWS CLI cannot run that credential_process yet.") + u'\n');
    return changes;
}

int Cli::cmdKeychainImport()
{
    const Config::ConfigPaths paths = Config::ConfigPaths::fromEnvironment(m_env);
    QStringList profiles;
    if (m_parser.isSet(u"all"_s)) {
        profiles = KeychainImport::profilesWithPlaintextKeys(sharedConfig().credentialsDocument());
        if (profiles.isEmpty()) {
            writeErr(tr("No profile in %1 has plaintext keys: nothing to import.").arg(paths.credentials) + u'\n');
            if (m_json)
                writeOut(QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
            return ExitOk;
        }
    } else {
        profiles = {m_parser.value(u"profile"_s)};
    }

    QJsonArray results;
    for (const QString &profile : std::as_const(profiles)) {
        auto result = importProfile(profile, m_parser.isSet(u"replace"_s));
        if (!result)
            return fail(result.error());
        results.append(result.value());
    }
    if (m_json) {
        const QJsonDocument document
            = m_parser.isSet(u"all"_s) ? QJsonDocument(results) : QJsonDocument(results.first().toObject());
        writeOut(document.toJson(QJsonDocument::Indented));
    }
    return ExitOk;
}

Result<QJsonObject> Cli::importProfile(const QString &profile, bool replace)
{
    const Config::ConfigPaths paths = Config::ConfigPaths::fromEnvironment(m_env);
    // Read afresh: an earlier profile of `--all` may have changed the file.
    const Config::IniDocument &document = sharedConfig().credentialsDocument();
    auto plaintext = KeychainImport::plaintextKeys(document, profile, paths.credentials);
    if (!plaintext)
        return plaintext.error();
    const QString keyId = plaintext->accessKeyId;

    Secrets::KeyStore *keys = keyStore();
    const Result<void> stored = waitFor<void>([&](QObject *context, Secrets::KeyStore::Done done) {
        KeychainImport::storeAndVerify(keys, profile, plaintext.value(), context, done);
    });
    if (!stored)
        return stored.error();

    QJsonObject json {{u"profile"_s, profile}, {u"access_key_id"_s, masked(keyId)},
        {u"keychain"_s, m_secretStore->backendName()}, {u"replaced"_s, replace}};
    if (!m_json)
        writeOut(tr("Copied the keys of %1 (%2) from %3 into the keychain (%4) and read them back.")
                     .arg(profile, masked(keyId), paths.credentials, m_secretStore->backendName())
            + u'\n');
    if (!replace) {
        if (!m_json)
            writeOut(tr("The plaintext keys are still in %1; run again with --replace to remove them and leave "
                        "credential_process = %2 in their place.")
                         .arg(paths.credentials, Profiles::keychainCredentialProcess(profile))
                + u'\n');
        return json;
    }

    // The keys leave [profile]; credential_process takes their place in the same section, where botocore's
    // ProcessProvider finds it (it reads the merged profile). Every other byte of the file stays.
    // The line is set first, so it lands after the section's last entry, then the keys go.
    const QList<Config::ConfigEdit> edits = KeychainImport::replaceKeysEdits(document, profile);
    const auto saved = Config::ConfigFile::save(paths.credentials, document.bytes(), edits);
    if (!saved)
        return saved.error();
    m_config.reset();
    QJsonArray changes;
    for (const Config::ConfigEdit &edit : std::as_const(edits))
        changes.append(edit.description());
    json.insert(u"file"_s, paths.credentials);
    json.insert(u"changes"_s, changes);
    if (!m_json) {
        QStringList descriptions;
        for (const Config::ConfigEdit &edit : std::as_const(edits))
            descriptions.append(edit.description());
        writeOut(tr("Changed %1: %2.").arg(paths.credentials, descriptions.join(u"; "_s)) + u'\n');
    }
    return json;
}

int Cli::cmdKeychainRemove()
{
    const QString profile = m_parser.value(u"profile"_s);
    Secrets::KeyStore *keys = keyStore();
    const auto listed = keys->list();
    const bool wasListed = listed && listed->contains(profile);
    const Result<void> removed
        = waitFor<void>([&](QObject *context, Secrets::KeyStore::Done done) { keys->remove(profile, context, done); });
    if (!removed)
        return fail(removed.error());
    // The files are left alone, but lines that now lead nowhere are worth a word.
    QJsonArray dangling;
    QString notes;
    for (const Config::ProfileSettings &settings : sharedConfig().profiles()) {
        const Config::Setting *process = settings.find(kProcessKey);
        if (!process || Profiles::keychainProfileOf(process->value) != profile)
            continue;
        dangling.append(
            QJsonObject {{u"profile"_s, settings.name}, {u"file"_s, process->file}, {u"line"_s, process->line}});
        notes += tr("note: %1:%2: credential_process of profile %3 still reads these keys; remove that line or add "
                    "keys again.")
                     .arg(process->file)
                     .arg(process->line)
                     .arg(settings.name)
            + u'\n';
    }
    if (m_json) {
        writeOut(QJsonDocument(QJsonObject {{u"profile"_s, profile}, {u"removed"_s, true}, {u"was_listed"_s, wasListed},
                                   {u"dangling_credential_process"_s, dangling}})
                     .toJson(QJsonDocument::Indented));
    } else {
        writeOut((wasListed ? tr("Removed the keys of %1 from the keychain (%2).")
                            : tr("No keys of %1 were listed; removed any the keychain (%2) had."))
                     .arg(profile, m_secretStore->backendName())
            + u'\n');
    }
    writeErr(notes);
    return ExitOk;
}

int Cli::cmdKeychainList()
{
    const auto names = keyStore()->list();
    if (!names)
        return fail(names.error());
    if (m_json) {
        writeOut(QJsonDocument(QJsonArray::fromStringList(names.value())).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    QString out;
    for (const QString &name : names.value())
        out += name + u'\n';
    writeOut(out);
    return ExitOk;
}

} // namespace Rolecall::Cli
