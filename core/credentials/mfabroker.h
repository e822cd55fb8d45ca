// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mfa.h"
#include "util/clock.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QProcess;

namespace Rolecall::Core {

/**
 * A front end that asks the user for an MFA code: the desktop app's dialog, a terminal, a test script.
 *
 * The MfaBroker opens at most one prompt at a time and calls prompt() only when a code is really needed.
 * The prompter answers through @p done exactly once: the code as typed (the broker checks it), or an error
 * (kind Cancelled when the user dismissed the prompt). `request.lastError`, when set, says why the previous
 * code was not taken (AWS's own message, or "already used"); show it with the prompt.
 */
class MfaPrompter
{
public:
    virtual ~MfaPrompter() = default;
    virtual void prompt(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) = 0;
    /// Closes the open prompt (the broker cancelled it or gave up waiting). A later answer is ignored.
    virtual void cancel() = 0;
    /// The broker waits @p secondsLeft for the device's next code before prompting (the last one was used).
    virtual void waiting(const MfaRequest &request, int secondsLeft)
    {
        Q_UNUSED(request)
        Q_UNUSED(secondsLeft)
    }
};

/**
 * The one place MFA codes come from, shared by every CredentialFlow of the process.
 *
 *  - Single flight per device (MFA serial): however many flows ask at once, one prompt (or one
 *    mfa_process run); every waiter gets the same code.
 *  - A code is never handed out twice: codes are remembered with their 30-second TOTP window (from the
 *    injected Clock). A request while the last handed-out code's window is still open waits for the next
 *    window, and so does a prompt answered with a code already used; both say so through
 *    waitingForNextCode() and MfaPrompter::waiting().
 *  - reportRejected() (AWS refused the code) makes the next prompt for the device show AWS's message;
 *    reportAccepted() records that the code was spent.
 *  - mfa_process (MfaRequest::mfaProcess) runs instead of the prompt, under the same rules.
 *  - Without a prompter, requests that need one are refused with a Config error that says what to do.
 *  - Every wait is bounded: prompts by promptTimeoutMs(), processes by processTimeoutMs(), the wait for
 *    the next window by the window itself (and, should the clock stall, a minute of real time).
 */
class MfaBroker final : public QObject, public MfaProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MfaBroker)

public:
    /// TOTP step (RFC 6238 default, what AWS virtual and hardware devices use).
    static constexpr qint64 kWindowMs = 30000;
    /// Answers per request that are not a usable code (malformed, or already used) before giving up.
    static constexpr int kMaxBadAnswers = 3;
    static constexpr int kDefaultPromptTimeoutMs = 5 * 60 * 1000;
    static constexpr int kDefaultProcessTimeoutMs = 60000;
    static constexpr int kDefaultPollIntervalMs = 250;

    /// @p clock must outlive the broker; @p prompter may be null (no front end) and set later.
    explicit MfaBroker(const Clock *clock, MfaPrompter *prompter = nullptr, QObject *parent = nullptr);
    ~MfaBroker() override;

    void setPrompter(MfaPrompter *prompter);
    MfaPrompter *prompter() const { return m_prompter; }
    /// Environment for mfa_process commands (default: this process's environment).
    void setProcessEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void setPromptTimeoutMs(int ms) { m_promptTimeoutMs = std::max(1, ms); }
    int promptTimeoutMs() const { return m_promptTimeoutMs; }
    void setProcessTimeoutMs(int ms) { m_processTimeoutMs = std::max(1, ms); }
    int processTimeoutMs() const { return m_processTimeoutMs; }
    /// How often a wait for the next window looks at the clock.
    void setPollIntervalMs(int ms);

    /// MfaProvider: answers on a later event-loop turn, exactly once.
    void requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done) override;
    /**
     * The same, for a waiter that may go away: @p done is not called once @p context is destroyed, and when
     * every waiter of a device is gone, its prompt (or mfa_process run, or wait) ends quietly. A flow aborted
     * while the dialog is open closes the dialog.
     */
    void requestCode(const MfaRequest &request, QObject *context, std::function<void(Result<SecureBytes>)> done);

    /// AWS took @p code (or the last code handed out for @p serialNumber when empty).
    void reportAccepted(const QString &serialNumber, const SecureBytes &code = {});
    /// AWS refused @p code with @p awsMessage; the next prompt for the device shows the message.
    void reportRejected(const QString &serialNumber, const QString &awsMessage, const SecureBytes &code = {});

    /// Ends the request in progress for the device: every waiter gets Cancelled.
    void cancel(const QString &serialNumber);
    void cancelAll();

    /// True while a request for the device waits, prompts or runs mfa_process.
    bool isBusy(const QString &serialNumber) const;
    /// Seconds until a new code may be asked for the device (0: now).
    int secondsUntilNextCode(const QString &serialNumber) const;

Q_SIGNALS:
    /// A request for @p serialNumber waits for the next 30-second window; emitted when the wait begins and
    /// each time the whole seconds left change.
    void waitingForNextCode(const QString &serialNumber, int secondsLeft);
    /// A prompt (or an mfa_process run) for the device starts now.
    void promptStarted(const QString &serialNumber);

private:
    struct Device;
    using Callback = std::function<void(Result<SecureBytes>)>;
    struct Waiter
    {
        Callback done;
        QPointer<QObject> context;
        bool hasContext = false;
    };

    Device &device(const QString &serial);
    qint64 nowMs() const;
    static qint64 windowOf(qint64 ms);
    qint64 waitUntilFor(const Device &device) const;
    void beginRound(const QString &serial);
    void startWaiting(Device &device, qint64 untilMs, bool forced);
    void obtain(const QString &serial);
    void startPrompt(const QString &serial);
    void pumpPrompts();
    void onAnswer(const QString &serial, quint64 round, Result<SecureBytes> answer);
    void onPromptTimeout();
    void poll();
    void fail(Device &device, const Error &error);
    void hand(Device &device, const SecureBytes &code);
    void pruneUsed(Device &device) const;
    void dropGoneWaiters(const QString &serial);
    void endRound(Device &device);
    bool wasUsed(const Device &device, const SecureBytes &code) const;

    const Clock *m_clock;
    MfaPrompter *m_prompter;
    QProcessEnvironment m_environment;
    QHash<QString, std::shared_ptr<Device>> m_devices;
    QStringList m_promptQueue;
    QString m_prompting;
    QTimer m_poll;
    QTimer m_promptTimer;
    int m_promptTimeoutMs = kDefaultPromptTimeoutMs;
    int m_processTimeoutMs = kDefaultProcessTimeoutMs;
};

} // namespace Rolecall::Core
