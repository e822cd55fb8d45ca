// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mfabroker.h"

#include <QObject>
#include <QPointer>

#include <cstdio>
#include <memory>

class QFile;
class QIODevice;
class QSocketNotifier;

namespace Rolecall::Core {

/**
 * The terminal front end of the MfaBroker: writes "MFA code for <serial> (<profile>): " (after AWS's message
 * when the previous code was refused) and reads one line. No echo suppression: a TOTP code is worthless a
 * minute later.
 *
 * Reads without blocking the event loop: from a FILE* (stdin) through a socket notifier on its descriptor,
 * from any other QIODevice when it has a line (readyRead). The end of the input, or an empty line, answers
 * Cancelled; the broker checks the code itself.
 */
class TerminalMfaPrompter final : public QObject, public MfaPrompter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalMfaPrompter)

public:
    /// Reads from @p input and writes to @p output (may be null); neither is owned, both must outlive this.
    TerminalMfaPrompter(QIODevice *input, QIODevice *output, QObject *parent = nullptr);
    /// Reads from @p input (e.g. stdin) and writes to @p output (e.g. stderr); the streams stay open.
    TerminalMfaPrompter(FILE *input, FILE *output, QObject *parent = nullptr);
    ~TerminalMfaPrompter() override;

    void prompt(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) override;
    void cancel() override;
    void waiting(const MfaRequest &request, int secondsLeft) override;

private:
    void write(const QString &text);
    void tryRead();
    void answerLine(QByteArray &line);
    void answer(Result<SecureBytes> result);
    void disarm();

    std::unique_ptr<QFile> m_ownedInput;
    std::unique_ptr<QFile> m_ownedOutput;
    QIODevice *m_input = nullptr;
    QIODevice *m_output = nullptr;
    QPointer<QSocketNotifier> m_notifier;
    QMetaObject::Connection m_readyRead;
    QMetaObject::Connection m_readFinished;
    std::function<void(Result<SecureBytes>)> m_done;
    QString m_serial;
};

} // namespace Rolecall::Core
