// SPDX-License-Identifier: Apache-2.0
// Secret hygiene, end to end: every credential flow of rolecall-cli and a start of the desktop app run with
// debug output on, in a temporary HOME (XDG folders and TMPDIR inside it), against moto and the real Secret
// Service of the CI keyring session. Afterwards no file under HOME, no captured stderr, no settings file and no
// environment of a child the user did not ask to receive credentials holds a secret value: the keys live in the
// keychain only. Also: the processes holding secrets cannot dump core, and `exec` gives the user's command its
// core limit back.
#include "clirunner.h"
#include "motoserver.h"
#include "testenv.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Rolecall::Test::CliRun;
using Rolecall::Test::MotoServer;

namespace {

constexpr int kRunTimeoutMs = 60000;

// The admin's plaintext keys start in the credentials file; `keychain import --replace` moves them out.
const auto kCredentials
    = "# work\n[user]\naws_access_key_id = %ADMIN_KEY%\naws_secret_access_key = %ADMIN_SECRET%\n"_L1;
// user → (GetSessionToken with MFA) → role → chained; the MFA code comes from mfa_process, which records the
// environment it was given.
const auto kConfig = "[profile user]\nregion = us-east-1\n\n"
                     "[profile role]\nrole_arn = %ROLE%\nsource_profile = user\nrole_session_name = rc-hygiene\n"
                     "mfa_serial = arn:aws:iam::123456789012:mfa/rc-hygiene\nmfa_process = %MFA_SCRIPT%\n\n"
                     "[profile chained]\nrole_arn = %ROLE%\nsource_profile = role\nrole_session_name = rc-chained\n"_L1;
const auto kMfaScript = "#!/bin/sh\nenv > \"$RC_HYGIENE_OUT/mfa-env-$$\"\necho 123456\n"_L1;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// "Max core file size" soft and hard limits of process @p pid, from /proc/PID/limits ("unlimited" → -1).
std::pair<qint64, qint64> coreLimits(qint64 pid)
{
    const QByteArray limits = readAll(u"/proc/%1/limits"_s.arg(pid));
    for (const QByteArray &line : limits.split('\n')) {
        if (!line.startsWith("Max core file size"))
            continue;
        const QList<QByteArray> fields = line.mid(18).simplified().split(' ');
        const auto value = [](const QByteArray &field) { return field == "unlimited" ? -1 : field.toLongLong(); };
        if (fields.size() >= 2)
            return {value(fields.at(0)), value(fields.at(1))};
    }
    return {-2, -2};
}

/// The first child of process @p pid (Linux: /proc/PID/task/PID/children), or 0.
qint64 firstChildOf(qint64 pid)
{
    const QByteArray children = readAll(u"/proc/%1/task/%1/children"_s.arg(pid)).trimmed();
    return children.isEmpty() ? 0 : children.split(' ').constFirst().toLongLong();
}

} // namespace

class Tst_SecretHygiene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void everyFlowLeavesSecretsInTheKeychainOnly();
    void processesHoldingSecretsCannotDumpCore();

private:
    QString home(const QString &relative) const { return QDir(m_home->path()).filePath(relative); }
    QString out(const QString &relative) const { return QDir(m_out->path()).filePath(relative); }
    CliRun run(const QStringList &arguments);
    void writeFiles();
    /// Files under @p root (recursively) that contain one of m_secrets in any of its encodings.
    QStringList filesHoldingSecrets(const QString &root, const QStringList &except = {}) const;
    QList<QByteArray> encodings(const QString &secret) const;

    MotoServer m_moto;
    QString m_motoError;
    QString m_roleArn;
    QString m_service;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_out; // what children record, outside HOME
    QProcessEnvironment m_env;
    QStringList m_secrets;
    QStringList m_problems;
};

void Tst_SecretHygiene::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_service = u"io.github.rolecall.Rolecall.tests.hygiene-%1"_s.arg(QCoreApplication::applicationPid());
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        ROLECALL_REQUIRE_OR_SKIP("no D-Bus session: run the tests through .ci/test.sh for a keyring");
    m_motoError = m_moto.start(MotoServer::Auth::Off);
    if (!m_motoError.isEmpty()) {
        qInfo("moto: %s", qPrintable(m_motoError));
        ROLECALL_REQUIRE_OR_SKIP("moto is not available (pip install 'moto[server]')");
    }
    Rolecall::Test::MotoRole role;
    const QString trust = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
                          uR"("Principal":{"AWS":"*"}}]})"_s;
    const QString problem = m_moto.createRole(u"rc-hygiene"_s, trust, MotoServer::allowAllPolicy(), &role);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_roleArn = role.arn;
}

void Tst_SecretHygiene::cleanupTestCase()
{
    m_moto.stop();
}

void Tst_SecretHygiene::init()
{
    m_home = std::make_unique<QTemporaryDir>(u"/tmp/rc-hyg-XXXXXX"_s); // short: it holds the broker socket
    m_out = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid() && m_out->isValid());
    QVERIFY(QDir().mkpath(home(u".aws"_s)) && QDir().mkpath(home(u"tmp"_s)));
    m_env = Rolecall::Test::cleanEnvironment(m_home->path());
    m_env.insert(u"TMPDIR"_s, home(u"tmp"_s)); // temporary files of every process land where the scan looks
    m_env.insert(u"ROLECALL_KEYCHAIN_SERVICE"_s, m_service);
    m_env.remove(u"ROLECALL_SECRET_STORE"_s);
    m_env.insert(u"AWS_ENDPOINT_URL_STS"_s, m_moto.url().toString());
    m_env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    m_env.insert(u"RC_HYGIENE_OUT"_s, m_out->path());
    m_secrets = {m_moto.admin().secretAccessKey};
    writeFiles();
}

void Tst_SecretHygiene::cleanup()
{
    (void)run({u"keychain"_s, u"remove"_s, u"--profile"_s, u"user"_s});
    const QStringList problems = std::exchange(m_problems, {});
    m_home.reset();
    m_out.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void Tst_SecretHygiene::writeFiles()
{
    const auto write = [](const QString &path, QString text, QFileDevice::Permissions permissions) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size());
        QVERIFY(file.setPermissions(permissions));
    };
    const QFileDevice::Permissions rw = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    write(home(u"mfa.sh"_s), kMfaScript, rw | QFileDevice::ExeOwner);
    write(home(u".aws/credentials"_s),
        QString(kCredentials)
            .replace(u"%ADMIN_KEY%"_s, m_moto.admin().accessKeyId)
            .replace(u"%ADMIN_SECRET%"_s, m_moto.admin().secretAccessKey),
        rw);
    write(home(u".aws/config"_s),
        QString(kConfig).replace(u"%ROLE%"_s, m_roleArn).replace(u"%MFA_SCRIPT%"_s, home(u"mfa.sh"_s)), rw);
}

CliRun Tst_SecretHygiene::run(const QStringList &arguments)
{
    // runCli fails the test for a secret on stderr, and remembers the ones printed on stdout (asked for).
    return Rolecall::Test::runCli(QStringLiteral(ROLECALL_CLI_PATH), arguments, m_env, m_home->path(), {},
        kRunTimeoutMs, &m_problems, &m_secrets);
}

QList<QByteArray> Tst_SecretHygiene::encodings(const QString &secret) const
{
    // As written, percent-encoded (URLs, form bodies) and base64 (QtKeychain's own fallback format).
    const QByteArray raw = secret.toUtf8();
    return {raw, QUrl::toPercentEncoding(secret), raw.toBase64()};
}

QStringList Tst_SecretHygiene::filesHoldingSecrets(const QString &root, const QStringList &except) const
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext() && ++files < 10000) {
        const QString path = it.next();
        if (except.contains(it.fileName()))
            continue;
        const QByteArray bytes = readAll(path);
        for (const QString &secret : m_secrets) {
            for (const QByteArray &encoded : encodings(secret)) {
                if (bytes.contains(encoded))
                    found.append(u"%1 holds %2…"_s.arg(path, secret.left(4)));
            }
        }
    }
    return found;
}

void Tst_SecretHygiene::everyFlowLeavesSecretsInTheKeychainOnly()
{
    // 1. The plaintext keys move into the keychain; the credentials file keeps a credential_process line.
    CliRun r = run({u"--debug"_s, u"keychain"_s, u"import"_s, u"--profile"_s, u"user"_s, u"--replace"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(readAll(home(u".aws/credentials"_s)).contains("credential_process = rolecall-cli credential-process"));

    // 2. Every way of getting a session, with MFA and a chain, debug output on, twice (the second from the cache).
    const QList<QStringList> flows = {
        {u"--debug"_s, u"assume"_s, u"--profile"_s, u"chained"_s, u"--format"_s, u"json"_s},
        {u"--debug"_s, u"assume"_s, u"--profile"_s, u"chained"_s, u"--format"_s, u"fish"_s},
        {u"--debug"_s, u"credential-process"_s, u"--profile"_s, u"role"_s},
        {u"--debug"_s, u"credential-process"_s, u"--profile"_s, u"chained"_s},
        {u"--debug"_s, u"whoami"_s, u"--profile"_s, u"chained"_s},
        {u"--debug"_s, u"--no-cache"_s, u"assume"_s, u"--profile"_s, u"chained"_s, u"--format"_s, u"env"_s},
        {u"--debug"_s, u"profiles"_s, u"--json"_s},
        {u"--debug"_s, u"keychain"_s, u"list"_s},
        // The user's command asked for credentials in its environment: it gets them (recorded outside HOME).
        {u"--debug"_s, u"exec"_s, u"--profile"_s, u"chained"_s, u"--"_s, u"sh"_s, u"-c"_s,
            u"env > \"$RC_HYGIENE_OUT/exec-env\""_s},
        // With --server it gets an endpoint and a token instead, never the keys.
        {u"--debug"_s, u"exec"_s, u"--server"_s, u"--profile"_s, u"chained"_s, u"--"_s, u"sh"_s, u"-c"_s,
            u"env > \"$RC_HYGIENE_OUT/server-env\""_s},
    };
    for (const QStringList &arguments : flows) {
        r = run(arguments);
        QVERIFY2(r.exitCode == 0, qPrintable(arguments.join(u' ') + u": "_s + r.describe()));
    }
    QVERIFY2(m_secrets.size() >= 5, qPrintable(u"%1 secrets printed"_s.arg(m_secrets.size())));

    // 3. The desktop app starts on the same HOME (settings, session index, broker socket) and quits.
    QProcess app;
    QProcessEnvironment appEnv = m_env;
    appEnv.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(appEnv);
    app.setWorkingDirectory(m_home->path());
    app.start(QStringLiteral(ROLECALL_APP_PATH), {u"--quit-after"_s, u"1500"_s});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    QVERIFY2(app.waitForFinished(30000), "the app did not quit");
    const QByteArray appErr = app.readAllStandardError() + app.readAllStandardOutput();
    for (const QString &secret : std::as_const(m_secrets))
        QVERIFY2(!appErr.contains(secret.toUtf8()), "the app printed a secret");

    // Positive control: the scan finds what the user explicitly asked for.
    QVERIFY2(!filesHoldingSecrets(m_out->path()).isEmpty(), "exec's child environment should hold the session");
    const QByteArray serverEnv = readAll(out(u"server-env"_s));
    QVERIFY(serverEnv.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:"));
    QVERIFY(serverEnv.contains("AWS_CONTAINER_AUTHORIZATION_TOKEN="));
    QVERIFY(!readAll(out(u"exec-env"_s)).contains("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
    const QStringList mfaEnvironments = QDir(m_out->path()).entryList({u"mfa-env-*"_s});
    QVERIFY2(!mfaEnvironments.isEmpty(), "mfa_process never ran");

    // 4. Nowhere else: HOME (config files, settings, data and runtime folders, TMPDIR), mfa_process's and
    //    exec --server's child environments.
    const QStringList leaks = filesHoldingSecrets(m_home->path()) + filesHoldingSecrets(m_out->path(), {u"exec-env"_s});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    // The settings file exists (the scan covered it) and TMPDIR is empty: nothing was staged there.
    QVERIFY2(QDir(home(u".config"_s)).exists(), "no settings folder: the app did not write its settings");
    QVERIFY2(QDir(home(u"tmp"_s)).isEmpty(), qPrintable(QDir(home(u"tmp"_s)).entryList().join(u", "_s)));
    // The admin key is in the keychain, where it belongs: the chain above signed with it.
    QVERIFY(!readAll(home(u".aws/credentials"_s)).contains("aws_secret_access_key"));
}

void Tst_SecretHygiene::processesHoldingSecretsCannotDumpCore()
{
    // The CLI starts with a core limit (as from a shell with `ulimit -c unlimited`); it drops it while it holds
    // secrets, and gives it back to the command it runs.
    struct rlimit mine
    { };
    QVERIFY(::getrlimit(RLIMIT_CORE, &mine) == 0);
    if (mine.rlim_max == 0 && ::geteuid() != 0)
        ROLECALL_REQUIRE_OR_SKIP("the hard core-file limit is 0 and only root can raise it");
    const qint64 startLimit = 4096 * 1024;
    QProcess cli;
    cli.setProcessEnvironment(m_env);
    cli.setWorkingDirectory(m_home->path());
    cli.setChildProcessModifier([startLimit] {
        struct rlimit limit
        { };
        ::getrlimit(RLIMIT_CORE, &limit);
        if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < rlim_t(startLimit))
            limit.rlim_max = startLimit;
        limit.rlim_cur = startLimit;
        ::setrlimit(RLIMIT_CORE, &limit);
    });
    cli.start(QStringLiteral(ROLECALL_CLI_PATH),
        {u"exec"_s, u"--profile"_s, u"user"_s, u"--"_s, u"sleep"_s, u"30"_s}); // plaintext keys: no STS call
    QVERIFY2(cli.waitForStarted(10000), qPrintable(cli.errorString()));
    qint64 child = 0;
    QElapsedTimer waited;
    waited.start();
    while (child == 0 && waited.elapsed() < 20000 && cli.state() == QProcess::Running) {
        QTest::qWait(50);
        child = firstChildOf(cli.processId());
    }
    const auto cliLimits = coreLimits(cli.processId());
    const auto childLimits = child ? coreLimits(child) : std::pair<qint64, qint64> {-3, -3};
    cli.terminate(); // forwarded to sleep; the CLI exits with 128+15
    QVERIFY(cli.waitForFinished(20000));
    QVERIFY2(child != 0, qPrintable(QString::fromUtf8(cli.readAllStandardError())));
    QCOMPARE(cliLimits.first, 0);
    QCOMPARE(childLimits.first, startLimit);

    // The desktop app too.
    QProcess app;
    QProcessEnvironment appEnv = m_env;
    appEnv.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(appEnv);
    app.setChildProcessModifier([startLimit] {
        struct rlimit limit
        { };
        ::getrlimit(RLIMIT_CORE, &limit);
        limit.rlim_cur = std::min<rlim_t>(startLimit, limit.rlim_max);
        ::setrlimit(RLIMIT_CORE, &limit);
    });
    app.start(QStringLiteral(ROLECALL_APP_PATH), {u"--quit-after"_s, u"3000"_s});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(coreLimits(app.processId()).first == 0 || app.state() != QProcess::Running, 10000);
    QCOMPARE(coreLimits(app.processId()).first, 0);
    QVERIFY(app.waitForFinished(30000));

    // ROLECALL_ALLOW_CORE_DUMPS=1 (debugging) leaves the limit alone.
    QProcessEnvironment debugging = m_env;
    debugging.insert(u"ROLECALL_ALLOW_CORE_DUMPS"_s, u"1"_s);
    cli.setProcessEnvironment(debugging);
    cli.start(QStringLiteral(ROLECALL_CLI_PATH), {u"exec"_s, u"--profile"_s, u"user"_s, u"--"_s, u"sleep"_s, u"30"_s});
    QVERIFY2(cli.waitForStarted(10000), qPrintable(cli.errorString()));
    child = 0;
    waited.restart();
    while (child == 0 && waited.elapsed() < 20000 && cli.state() == QProcess::Running) {
        QTest::qWait(50);
        child = firstChildOf(cli.processId());
    }
    const auto debugLimits = coreLimits(cli.processId());
    cli.terminate();
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(debugLimits.first, startLimit);
}

QTEST_GUILESS_MAIN(Tst_SecretHygiene)
#include "tst_secrethygiene.moc"
