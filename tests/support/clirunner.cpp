// SPDX-License-Identifier: Apache-2.0
#include "clirunner.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Rolecall::Test {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QString CliRun::describe() const
{
    return u"exit %1%2; stdout: %3; stderr: %4"_s.arg(exitCode)
        .arg(crashed ? u" (crashed)"_s : (finished ? QString() : u" (timed out)"_s))
        .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
}

CliRun runCli(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    const QString &workingDirectory, const QByteArray &input, int timeoutMs, QStringList *problems,
    QStringList *secrets)
{
    CliRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        problems->append(u"cannot start %1: %2"_s.arg(program, process.errorString()));
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // An event loop, not waitForFinished(): servers living in the test process must answer meanwhile.
    if (process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const QString command = arguments.join(u' ');
    result.finished = process.state() == QProcess::NotRunning;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
        problems->append(u"%1 %2 did not finish within %3 s"_s.arg(program, command).arg(timeoutMs / 1000));
    }
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    if (result.crashed)
        problems->append(u"%1 %2 crashed"_s.arg(program, command));
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();

    rememberSecrets(result.out, secrets);
    QStringList watched = *secrets;
    watched << environment.value(u"AWS_SECRET_ACCESS_KEY"_s) << environment.value(u"AWS_SESSION_TOKEN"_s);
    for (const QString &secret : std::as_const(watched)) {
        if (secret.size() >= 8 && result.err.contains(secret.toUtf8()))
            problems->append(u"a secret (%1…) is on stderr of %2"_s.arg(secret.left(4), command));
    }
    return result;
}

void rememberSecrets(const QByteArray &output, QStringList *secrets)
{
    static const QRegularExpression pattern(
        u"(?:SecretAccessKey|SessionToken|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|aws_secret_access_key|"
        "aws_session_token)[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{16,})"_s);
    auto it = pattern.globalMatch(QString::fromUtf8(output));
    while (it.hasNext()) {
        const QString secret = it.next().captured(1);
        if (!secrets->contains(secret))
            secrets->append(secret);
    }
}

quint16 closedLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort(); // closed again when `server` goes
}

void applyEnvironmentEdits(QProcessEnvironment &env, const QStringList &edits)
{
    for (const QString &edit : edits) {
        if (edit.startsWith(u'-')) {
            env.remove(edit.mid(1));
        } else {
            const qsizetype eq = edit.indexOf(u'=');
            env.insert(edit.left(eq), edit.mid(eq + 1));
        }
    }
}

} // namespace Rolecall::Test
