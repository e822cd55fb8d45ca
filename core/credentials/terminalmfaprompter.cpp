// SPDX-License-Identifier: Apache-2.0
#include "terminalmfaprompter.h"

#include <QFile>
#include <QIODevice>
#include <QSocketNotifier>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
constexpr qint64 kMaxLineBytes = 256;
} // namespace

TerminalMfaPrompter::TerminalMfaPrompter(QIODevice *input, QIODevice *output, QObject *parent)
    : QObject(parent)
    , m_input(input)
    , m_output(output)
{ }

TerminalMfaPrompter::TerminalMfaPrompter(FILE *input, FILE *output, QObject *parent)
    : QObject(parent)
{
    if (input) {
        m_ownedInput = std::make_unique<QFile>();
        // The descriptor, unbuffered: a line is then read byte by byte and never more than the line is taken
        // (stdio's buffer could swallow the next line where the socket notifier cannot see it).
        if (m_ownedInput->open(
                ::fileno(input), QIODevice::ReadOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            m_input = m_ownedInput.get();
    }
    if (output) {
        m_ownedOutput = std::make_unique<QFile>();
        if (m_ownedOutput->open(output, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle))
            m_output = m_ownedOutput.get();
    }
}

TerminalMfaPrompter::~TerminalMfaPrompter()
{
    disarm();
}

void TerminalMfaPrompter::write(const QString &text)
{
    if (!m_output)
        return;
    m_output->write(text.toUtf8());
    if (auto *file = qobject_cast<QFileDevice *>(m_output))
        file->flush();
}

void TerminalMfaPrompter::prompt(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done)
{
    if (m_done) {
        // The broker opens one prompt at a time; refuse a second rather than mix two answers up.
        QMetaObject::invokeMethod(
            this, [done] { done(Error::config(tr("Another MFA prompt is already open."))); }, Qt::QueuedConnection);
        return;
    }
    if (!m_input || !m_input->isOpen() || !m_input->isReadable()) {
        QMetaObject::invokeMethod(
            this,
            [done, serial = request.serialNumber] {
                done(Error::config(
                    tr("An MFA code for %1 is needed, and there is no terminal to read it from.").arg(serial)));
            },
            Qt::QueuedConnection);
        return;
    }
    m_done = std::move(done);
    m_serial = request.serialNumber;
    if (!request.lastError.isEmpty())
        write(request.lastError + u'\n');
    write(tr("MFA code for %1 (%2): ").arg(request.serialNumber, request.profile));

    auto *file = qobject_cast<QFile *>(m_input);
    if (file && file->isSequential() && file->handle() >= 0) {
        // A terminal or a pipe: read only when the descriptor says a line is there.
        m_notifier = new QSocketNotifier(file->handle(), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            QByteArray line = m_input->readLine(kMaxLineBytes);
            answerLine(line);
        });
        return;
    }
    m_readyRead = connect(m_input, &QIODevice::readyRead, this, &TerminalMfaPrompter::tryRead);
    m_readFinished = connect(m_input, &QIODevice::readChannelFinished, this, [this] {
        QByteArray rest = m_input->readAll(); // the input ended; its last line may lack the newline
        answerLine(rest);
    });
    // A line may already be there (a buffer, a file); answer on a later turn.
    QMetaObject::invokeMethod(this, &TerminalMfaPrompter::tryRead, Qt::QueuedConnection);
}

void TerminalMfaPrompter::tryRead()
{
    if (!m_done || m_notifier)
        return;
    if (m_input->canReadLine()) {
        QByteArray line = m_input->readLine(kMaxLineBytes);
        answerLine(line);
    } else if (!m_input->isSequential()) {
        QByteArray line = m_input->readLine(kMaxLineBytes); // a buffer or a file: the last line may lack its newline
        answerLine(line);
    } else if (!m_input->isOpen()) {
        QByteArray none;
        answerLine(none);
    }
}

void TerminalMfaPrompter::answerLine(QByteArray &line)
{
    QByteArray code = line.trimmed();
    secureWipe(line);
    if (code.isEmpty()) {
        write(u"\n"_s);
        answer(Error::cancelled(tr("MFA code for %1").arg(m_serial)));
        return;
    }
    answer(SecureBytes::takeFrom(code));
}

void TerminalMfaPrompter::answer(Result<SecureBytes> result)
{
    disarm();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

void TerminalMfaPrompter::disarm()
{
    if (m_notifier) {
        // Possibly from inside its own signal: disable now, delete later.
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    disconnect(m_readyRead);
    disconnect(m_readFinished);
}

void TerminalMfaPrompter::cancel()
{
    if (!m_done)
        return;
    write(u"\n"_s);
    answer(Error::cancelled(tr("MFA code for %1").arg(m_serial)));
}

void TerminalMfaPrompter::waiting(const MfaRequest &request, int secondsLeft)
{
    // Only the wait: the prompt that follows shows request.lastError.
    write(tr("The last code of %1 was already used; waiting %n second(s) for the next one…\n", nullptr, secondsLeft)
              .arg(request.serialNumber));
}

} // namespace Rolecall::Core
