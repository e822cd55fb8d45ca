// SPDX-License-Identifier: Apache-2.0
#include "processcredentials.h"

#include "sts/stsparsing.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::ProcessCredentials)
};

constexpr int kReapGuardMs = 5000;
constexpr qsizetype kMaxStderrLineChars = 300;

Error makeError(Error::Kind kind, const QString &context, const QString &text)
{
    Error e;
    e.kind = kind;
    e.context = context;
    // The texts name credential_process themselves; a caller's context (a profile) goes in front.
    e.message = context.isEmpty() || context == "credential_process"_L1 ? text : Tr::tr("%1: %2").arg(context, text);
    return e;
}

Error parseError(const QString &text)
{
    return makeError(Error::Kind::Parse, u"credential_process"_s, text);
}

bool isShlexWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

} // namespace

// ---------------------------------------------------------------------------------------------- splitting

QStringList splitCommandLine(const QString &commandLine, QString *error)
{
    // A transcription of Python's shlex.shlex.read_token with posix=True, whitespace_split=True and
    // no comment characters, which is what shlex.split() (and so botocore) uses.
    enum class State
    {
        Between,
        Word,
        Single,
        Double,
        Escape,
    };
    QStringList words;
    QString word;
    bool quoted = false;
    State state = State::Between;
    State escapedFrom = State::Word;
    const auto endWord = [&] {
        if (!word.isEmpty() || quoted)
            words.append(word);
        word.clear();
        quoted = false;
    };
    for (const QChar c : commandLine) {
        switch (state) {
        case State::Between:
        case State::Word:
            if (isShlexWhitespace(c)) {
                if (state == State::Word)
                    endWord();
                state = State::Between;
            } else if (c == u'\'') {
                quoted = true;
                state = State::Single;
            } else if (c == u'"') {
                quoted = true;
                state = State::Double;
            } else if (c == u'\\') {
                escapedFrom = State::Word;
                state = State::Escape;
            } else {
                word += c;
                state = State::Word;
            }
            break;
        case State::Single:
            if (c == u'\'')
                state = State::Word;
            else
                word += c;
            break;
        case State::Double:
            if (c == u'"') {
                state = State::Word;
            } else if (c == u'\\') {
                escapedFrom = State::Double;
                state = State::Escape;
            } else {
                word += c;
            }
            break;
        case State::Escape:
            // Inside double quotes only \" and \\ are escapes; elsewhere the backslash stays.
            if (escapedFrom == State::Double && c != u'"' && c != u'\\')
                word += u'\\';
            word += c;
            state = escapedFrom;
            break;
        }
    }
    QString problem;
    if (state == State::Single || state == State::Double)
        problem = Tr::tr("a quotation mark is not closed");
    else if (state == State::Escape)
        problem = Tr::tr("it ends with a backslash that escapes nothing");
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    if (state == State::Word)
        endWord();
    if (error)
        error->clear();
    return words;
}

// ---------------------------------------------------------------------------------------------- parsing

Result<AwsCredentials> parseProcessOutput(QByteArrayView json, const QDateTime &now)
{
    QJsonParseError jsonError {};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return parseError(Tr::tr("The credential_process command printed something that is not JSON (%1 at offset %2). "
                                 "It must print only its JSON document on standard output; messages belong on "
                                 "standard error.")
                              .arg(jsonError.errorString())
                              .arg(jsonError.offset));
    if (!document.isObject())
        return parseError(Tr::tr("The credential_process command printed JSON that is not an object. It must print an "
                                 "object with Version, AccessKeyId and SecretAccessKey."));
    const QJsonObject object = document.object();

    const QJsonValue version = object.value("Version"_L1);
    if (version.isUndefined())
        return parseError(Tr::tr("The credential_process output has no Version key. Only Version 1 is supported."));
    if (!version.isDouble() || version.toDouble() != 1.0) {
        const QString shown = version.isDouble() ? QString::number(version.toDouble())
            : version.isString()                 ? version.toString().left(40)
                                                 : Tr::tr("(not a number)");
        return parseError(Tr::tr("The credential_process output has the unsupported Version %1. Only Version 1 is "
                                 "supported.")
                              .arg(shown));
    }

    const auto stringKey = [&object](QLatin1StringView key, QString *value) {
        const QJsonValue v = object.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        *value = v.isString() ? v.toString() : QString();
        return true;
    };
    AwsCredentials credentials;
    QStringList missing;
    if (!stringKey("AccessKeyId"_L1, &credentials.accessKeyId) || credentials.accessKeyId.trimmed().isEmpty())
        missing.append(u"AccessKeyId"_s);
    QString secret;
    if (!stringKey("SecretAccessKey"_L1, &secret) || secret.isEmpty())
        missing.append(u"SecretAccessKey"_s);
    if (!missing.isEmpty()) {
        secureWipe(secret);
        return parseError(Tr::tr("The credential_process output lacks %1 (or it is not a non-empty string).")
                              .arg(missing.join(u", ")));
    }
    credentials.accessKeyId = credentials.accessKeyId.trimmed();
    credentials.secretAccessKey = SecureBytes::takeFrom(secret);
    QString token;
    if (stringKey("SessionToken"_L1, &token))
        credentials.sessionToken = SecureBytes::takeFrom(token);

    QString expiration;
    if (stringKey("Expiration"_L1, &expiration)) {
        credentials.expiration = Sts::parseIsoTimestamp(expiration);
        if (!credentials.expiration.isValid())
            credentials.expiration = QDateTime::fromString(expiration.trimmed(), Qt::ISODateWithMs).toUTC();
        if (!credentials.expiration.isValid())
            return parseError(
                Tr::tr("The credential_process output has the Expiration \"%1\", which is not an ISO 8601 "
                       "timestamp such as 2024-05-01T12:00:00Z.")
                    .arg(expiration.left(64)));
        if (now.isValid() && credentials.expiration <= now)
            return makeError(Error::Kind::Config, u"credential_process"_s,
                Tr::tr("The credential_process command returned credentials that expired at %1. Check the "
                       "tool behind it (a stale cache, a clock that is off).")
                    .arg(credentials.expiration.toString(Qt::ISODate)));
    }
    credentials.origin = credentials.isTemporary() ? AwsCredentials::Origin::Unknown : AwsCredentials::Origin::LongTerm;
    return credentials;
}

// ---------------------------------------------------------------------------------------------- job

ProcessCredentialsJob::ProcessCredentialsJob(const Clock *clock, const QString &commandLine,
    const QProcessEnvironment &environment, const ProcessCredentialsSettings &settings, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_commandLine(commandLine)
    , m_environment(environment)
    , m_settings(settings)
{
    Q_ASSERT(clock);
    m_timeout.setSingleShot(true);
    m_reapGuard.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { killFor(KillReason::Timeout); });
    connect(&m_reapGuard, &QTimer::timeout, this, [this] {
        // SIGKILL was sent but the process was not reaped: report anyway; never wait unbounded.
        onFinished(-1, QProcess::CrashExit);
    });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessCredentialsJob::readStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ProcessCredentialsJob::readStderr);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessCredentialsJob::onErrorOccurred);
    connect(&m_process, &QProcess::finished, this, &ProcessCredentialsJob::onFinished);
    QMetaObject::invokeMethod(this, &ProcessCredentialsJob::start, Qt::QueuedConnection);
}

ProcessCredentialsJob::~ProcessCredentialsJob()
{
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(kReapGuardMs); // bounded; SIGKILL makes this immediate in practice
    }
    secureWipe(m_stdout);
}

qint64 ProcessCredentialsJob::processId() const
{
    return m_process.state() == QProcess::NotRunning ? 0 : m_process.processId();
}

void ProcessCredentialsJob::abort()
{
    if (m_finished)
        return;
    if (m_process.state() != QProcess::NotRunning) {
        killFor(KillReason::Aborted); // onFinished reports the cancellation
        return;
    }
    finish(Error::cancelled(m_settings.context));
}

void ProcessCredentialsJob::start()
{
    if (m_finished)
        return;
    const QString &context = m_settings.context;
    QString splitError;
    QStringList words = splitCommandLine(m_commandLine, &splitError);
    if (!splitError.isEmpty()) {
        finish(makeError(Error::Kind::Config, context,
            Tr::tr("The credential_process command line cannot be read: %1. Quote arguments with spaces as a "
                   "POSIX shell would.")
                .arg(splitError)));
        return;
    }
    if (words.isEmpty() || words.constFirst().isEmpty()) {
        finish(makeError(Error::Kind::Config, context, Tr::tr("The credential_process setting names no command.")));
        return;
    }
    m_programName = words.takeFirst();
    QString program = m_programName;
    if (!program.contains(u'/')) {
        const QString path = m_environment.value(u"PATH"_s);
        program = m_environment.contains(u"PATH"_s)
            ? QStandardPaths::findExecutable(program, path.split(u':', Qt::SkipEmptyParts))
            : QStandardPaths::findExecutable(program);
        if (program.isEmpty()) {
            finish(makeError(Error::Kind::Config, context,
                Tr::tr("The credential_process command \"%1\" was not found in PATH. Install it, or give its "
                       "full path.")
                    .arg(m_programName)));
            return;
        }
    }
    m_process.setProgram(program);
    m_process.setArguments(words);
    m_process.setProcessEnvironment(m_environment);
    m_process.setStandardInputFile(QProcess::nullDevice());
    if (!m_settings.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_settings.workingDirectory);
    m_process.start(QIODevice::ReadOnly);
    if (m_process.state() != QProcess::NotRunning)
        m_timeout.start(m_settings.timeoutMs);
}

void ProcessCredentialsJob::readStdout()
{
    if (m_killReason != KillReason::None)
        return;
    QByteArray chunk = m_process.readAllStandardOutput();
    if (m_stdout.size() + chunk.size() > m_settings.maxStdoutBytes) {
        secureWipe(chunk);
        killFor(KillReason::TooMuchOutput);
        return;
    }
    m_stdout.append(chunk);
    secureWipe(chunk);
}

void ProcessCredentialsJob::readStderr()
{
    m_stderr.append(m_process.readAllStandardError());
    if (m_stderr.size() > m_settings.maxStderrBytes)
        m_stderr.remove(0, m_stderr.size() - m_settings.maxStderrBytes);
}

void ProcessCredentialsJob::killFor(KillReason reason)
{
    if (m_finished || m_killReason != KillReason::None)
        return;
    m_killReason = reason;
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_reapGuard.start(kReapGuardMs);
}

void ProcessCredentialsJob::onErrorOccurred(QProcess::ProcessError error)
{
    // Only a failed start ends the job here; a crash or a kill ends in onFinished.
    if (error != QProcess::FailedToStart || m_finished)
        return;
    if (m_killReason == KillReason::Aborted) {
        finish(Error::cancelled(m_settings.context));
        return;
    }
    finish(makeError(Error::Kind::Config, m_settings.context,
        Tr::tr("The credential_process command \"%1\" could not be started (%2). Check that it exists and "
               "is executable.")
            .arg(m_programName, m_process.errorString())));
}

void ProcessCredentialsJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished)
        return;
    m_timeout.stop();
    m_reapGuard.stop();
    if (m_killReason == KillReason::None) {
        readStdout();
        readStderr();
    }
    const QString &context = m_settings.context;
    switch (m_killReason) {
    case KillReason::Aborted:
        finish(Error::cancelled(context));
        return;
    case KillReason::Timeout: {
        const int seconds = (m_settings.timeoutMs + 999) / 1000;
        Error e = makeError(Error::Kind::Timeout, context,
            Tr::tr("The credential_process command \"%1\" did not finish within %n second(s) and was stopped. "
                   "If it waits for input (a browser sign-in, a hardware key), complete that sooner.",
                nullptr, seconds)
                .arg(m_programName));
        finish(e);
        return;
    }
    case KillReason::TooMuchOutput:
        finish(makeError(Error::Kind::Parse, context,
            Tr::tr("The credential_process command \"%1\" printed more than %2 bytes and was stopped. It must "
                   "print only its JSON document.")
                .arg(m_programName)
                .arg(m_settings.maxStdoutBytes)));
        return;
    case KillReason::None:
        break;
    }
    const QString lastLine = lastStderrLine();
    if (status == QProcess::CrashExit) {
        const QString text = lastLine.isEmpty()
            ? Tr::tr("The credential_process command \"%1\" crashed or was killed.").arg(m_programName)
            : Tr::tr("The credential_process command \"%1\" crashed or was killed: %2").arg(m_programName, lastLine);
        finish(makeError(Error::Kind::Config, context, text));
        return;
    }
    if (exitCode != 0) {
        const QString text = lastLine.isEmpty()
            ? Tr::tr("The credential_process command \"%1\" failed with exit code %2 and no message.")
                  .arg(m_programName)
                  .arg(exitCode)
            : Tr::tr("The credential_process command \"%1\" failed with exit code %2: %3")
                  .arg(m_programName)
                  .arg(exitCode)
                  .arg(lastLine);
        finish(makeError(Error::Kind::Config, context, text));
        return;
    }
    Result<AwsCredentials> result = parseProcessOutput(m_stdout, m_clock->nowUtc());
    secureWipe(m_stdout);
    m_stdout.clear();
    if (!result) {
        // Name the caller's context (e.g. the profile) rather than the generic one.
        const Error &e = result.error();
        finish(makeError(e.kind, context, e.message));
        return;
    }
    finish(result);
}

QString ProcessCredentialsJob::lastStderrLine() const
{
    const QList<QByteArray> lines = m_stderr.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = QString::fromUtf8(it->trimmed());
        if (!line.isEmpty())
            return line.size() > kMaxStderrLineChars ? line.left(kMaxStderrLineChars) + u'…' : line;
    }
    return {};
}

void ProcessCredentialsJob::finish(const Result<AwsCredentials> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_reapGuard.stop();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace Rolecall::Core
