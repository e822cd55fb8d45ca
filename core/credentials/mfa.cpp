// SPDX-License-Identifier: Apache-2.0
#include "mfa.h"

#include "processcredentials.h"

#include <QCoreApplication>
#include <QPointer>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Mfa)
};
} // namespace

bool isValidMfaCode(QByteArrayView code)
{
    if (code.size() != 6)
        return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QProcess *runMfaProcess(const QString &commandLine, const QProcessEnvironment &environment, int timeoutMs,
    std::function<void(Result<SecureBytes>)> done)
{
    const QString context = Tr::tr("mfa_process");
    QString splitError;
    const QStringList words = splitCommandLine(commandLine, &splitError);
    if (words.isEmpty()) {
        done(Error::config(splitError.isEmpty() ? Tr::tr("The mfa_process command is empty.") : splitError, context));
        return nullptr;
    }
    auto *process = new QProcess();
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto finish = [process, finished, done](Result<SecureBytes> result) {
        if (*finished)
            return;
        *finished = true;
        process->disconnect();
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
        process->deleteLater();
        done(std::move(result));
    };
    QObject::connect(timer, &QTimer::timeout, process,
        [finish, timeoutMs, context] { finish(Error::timeout((timeoutMs + 999) / 1000, context)); });
    QObject::connect(process, &QProcess::errorOccurred, process, [finish, context, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(Error::config(
                Tr::tr("The mfa_process command could not be started: %1").arg(process->errorString()), context));
    });
    QObject::connect(process, &QProcess::finished, process, [finish, process, context](int code, QProcess::ExitStatus) {
        QByteArray out = process->read(256).trimmed();
        if (code != 0) {
            secureWipe(out);
            finish(Error::config(Tr::tr("The mfa_process command failed with exit code %1.").arg(code), context));
            return;
        }
        if (!isValidMfaCode(out)) {
            secureWipe(out);
            finish(Error::config(Tr::tr("The mfa_process command did not print a six-digit code."), context));
            return;
        }
        finish(SecureBytes::takeFrom(out));
    });
    timer->start(timeoutMs);
    process->start(words.first(), words.mid(1));
    return process;
}

} // namespace Rolecall::Core
