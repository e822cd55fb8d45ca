// SPDX-License-Identifier: Apache-2.0
#include "mfabroker.h"

#include <QProcess>
#include <QScopeGuard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
// Codes this many windows away from now are forgotten: AWS no longer accepts them anyway.
constexpr qint64 kRememberWindows = 2;
constexpr qsizetype kMaxRemembered = 8;
} // namespace

struct MfaBroker::Device
{
    enum class State
    {
        Idle,
        Starting, ///< a round is queued to begin on the next turn
        Waiting, ///< for the next 30-second window
        Queued, ///< for the prompter (another device's prompt is open)
        Prompting,
        Running, ///< mfa_process
    };

    struct UsedCode
    {
        SecureBytes code;
        qint64 window = 0;
        bool accepted = false;
        bool rejected = false;
    };

    QString serial;
    State state = State::Idle;
    MfaRequest request;
    QList<Waiter> waiters;
    QList<UsedCode> used; ///< oldest first
    QString pendingError; ///< AWS's message for the next round's prompt
    qint64 waitUntilMs = 0;
    bool forcedWait = false; ///< waiting because the answer was a used code (not just the last code's window)
    int lastAnnounced = -1;
    QElapsedTimer waitClock;
    int badAnswers = 0;
    quint64 round = 0;
    QPointer<QProcess> process;
};

MfaBroker::MfaBroker(const Clock *clock, MfaPrompter *prompter, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_prompter(prompter)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    Q_ASSERT(m_clock);
    m_poll.setInterval(kDefaultPollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &MfaBroker::poll);
    m_promptTimer.setSingleShot(true);
    connect(&m_promptTimer, &QTimer::timeout, this, &MfaBroker::onPromptTimeout);
}

MfaBroker::~MfaBroker()
{
    cancelAll();
}

void MfaBroker::setPollIntervalMs(int ms)
{
    m_poll.setInterval(std::max(1, ms));
}

void MfaBroker::setPrompter(MfaPrompter *prompter)
{
    if (prompter == m_prompter)
        return;
    if (!m_prompting.isEmpty())
        cancel(m_prompting);
    m_prompter = prompter;
    pumpPrompts();
}

MfaBroker::Device &MfaBroker::device(const QString &serial)
{
    auto found = m_devices.find(serial);
    if (found == m_devices.end()) {
        auto created = std::make_shared<Device>();
        created->serial = serial;
        found = m_devices.insert(serial, created);
    }
    return **found;
}

qint64 MfaBroker::nowMs() const
{
    return m_clock->nowMSecs();
}

qint64 MfaBroker::windowOf(qint64 ms)
{
    return ms >= 0 ? ms / kWindowMs : -((-ms + kWindowMs - 1) / kWindowMs);
}

void MfaBroker::pruneUsed(Device &device) const
{
    const qint64 current = windowOf(nowMs());
    device.used.removeIf(
        [current](const Device::UsedCode &u) { return std::abs(u.window - current) > kRememberWindows; });
    while (device.used.size() > kMaxRemembered)
        device.used.removeFirst();
}

bool MfaBroker::wasUsed(const Device &device, const SecureBytes &code) const
{
    const qint64 current = windowOf(nowMs());
    return std::any_of(device.used.cbegin(), device.used.cend(), [&code, current](const Device::UsedCode &u) {
        return std::abs(u.window - current) <= kRememberWindows && u.code == code;
    });
}

// The end of the wait before a new code may be asked: while a code handed out in this window may still be
// in use (in flight or accepted), the device shows that same code, so ask only in the next window. A clock
// that went backwards waits one window at most.
qint64 MfaBroker::waitUntilFor(const Device &device) const
{
    const qint64 now = nowMs();
    const qint64 current = windowOf(now);
    qint64 until = 0;
    for (const Device::UsedCode &u : device.used) {
        if (u.rejected && !u.accepted)
            continue;
        if (u.window >= current && u.window - current <= kRememberWindows)
            until = std::max(until, std::min((u.window + 1) * kWindowMs, (current + 1) * kWindowMs));
    }
    return until > now ? until : 0;
}

void MfaBroker::requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done)
{
    requestCode(request, nullptr, std::move(done));
}

void MfaBroker::requestCode(const MfaRequest &request, QObject *context, std::function<void(Result<SecureBytes>)> done)
{
    Device &d = device(request.serialNumber);
    d.waiters.append(Waiter {std::move(done), context, context != nullptr});
    if (context) {
        const QString serial = request.serialNumber;
        connect(context, &QObject::destroyed, this, [this, serial] { dropGoneWaiters(serial); });
    }
    if (d.state != Device::State::Idle)
        return; // single flight: joins the round in progress
    d.request = request;
    if (d.request.lastError.isEmpty())
        d.request.lastError = d.pendingError;
    d.pendingError.clear();
    d.badAnswers = 0;
    d.state = Device::State::Starting;
    const quint64 round = ++d.round;
    const QString serial = request.serialNumber;
    QMetaObject::invokeMethod(
        this,
        [this, serial, round] {
            const auto found = m_devices.constFind(serial);
            if (found != m_devices.cend() && (*found)->round == round && (*found)->state == Device::State::Starting)
                beginRound(serial);
        },
        Qt::QueuedConnection);
}

void MfaBroker::beginRound(const QString &serial)
{
    Device &d = device(serial);
    pruneUsed(d);
    const qint64 until = waitUntilFor(d);
    if (until > 0)
        startWaiting(d, until, false);
    else
        obtain(serial);
}

void MfaBroker::startWaiting(Device &d, qint64 untilMs, bool forced)
{
    d.state = Device::State::Waiting;
    d.waitUntilMs = untilMs;
    d.forcedWait = forced;
    d.waitClock.start();
    const int secondsLeft = static_cast<int>(std::max<qint64>(1, (untilMs - nowMs() + 999) / 1000));
    d.lastAnnounced = secondsLeft;
    Q_EMIT waitingForNextCode(d.serial, secondsLeft);
    if (m_prompter && d.request.mfaProcess.isEmpty())
        m_prompter->waiting(d.request, secondsLeft);
    if (!m_poll.isActive())
        m_poll.start();
}

void MfaBroker::poll()
{
    QStringList waiting;
    for (auto it = m_devices.cbegin(); it != m_devices.cend(); ++it) {
        if ((*it)->state == Device::State::Waiting)
            waiting.append(it.key());
    }
    if (waiting.isEmpty()) {
        m_poll.stop();
        return;
    }
    for (const QString &serial : std::as_const(waiting)) {
        const std::shared_ptr<Device> keep = m_devices.value(serial);
        Device &d = *keep;
        if (d.state != Device::State::Waiting)
            continue;
        const qint64 now = nowMs();
        // Bounded in real time too: a stalled clock must not hold the request forever.
        if (now >= d.waitUntilMs || d.waitClock.elapsed() > 2 * kWindowMs) {
            obtain(serial);
            continue;
        }
        const int secondsLeft = static_cast<int>((d.waitUntilMs - now + 999) / 1000);
        if (secondsLeft != d.lastAnnounced) {
            d.lastAnnounced = secondsLeft;
            Q_EMIT waitingForNextCode(serial, secondsLeft);
        }
    }
}

void MfaBroker::obtain(const QString &serial)
{
    const std::shared_ptr<Device> keep = m_devices.value(serial);
    Device &d = *keep;
    if (!d.request.mfaProcess.isEmpty()) {
        d.state = Device::State::Running;
        Q_EMIT promptStarted(serial);
        const quint64 round = d.round;
        QPointer<MfaBroker> self(this);
        d.process = runMfaProcess(
            d.request.mfaProcess, m_environment, m_processTimeoutMs, [self, serial, round](Result<SecureBytes> code) {
                if (self)
                    self->onAnswer(serial, round, std::move(code));
            });
        return;
    }
    if (!m_prompter) {
        fail(d,
            Error::config(tr("An MFA code for %1 is needed (profile %2), and there is no way to ask for one here. "
                             "Set mfa_process for the profile, or use a terminal or the Rolecall app.")
                              .arg(serial, d.request.profile)));
        return;
    }
    d.state = Device::State::Queued;
    m_promptQueue.append(serial);
    pumpPrompts();
}

void MfaBroker::pumpPrompts()
{
    if (!m_prompting.isEmpty() || !m_prompter)
        return;
    while (!m_promptQueue.isEmpty()) {
        const QString serial = m_promptQueue.takeFirst();
        const auto found = m_devices.constFind(serial);
        if (found != m_devices.cend() && (*found)->state == Device::State::Queued) {
            startPrompt(serial);
            return;
        }
    }
}

void MfaBroker::startPrompt(const QString &serial)
{
    Device &d = device(serial);
    m_prompting = serial;
    d.state = Device::State::Prompting;
    m_promptTimer.start(m_promptTimeoutMs);
    Q_EMIT promptStarted(serial);
    const quint64 round = d.round;
    QPointer<MfaBroker> self(this);
    m_prompter->prompt(d.request, [self, serial, round](Result<SecureBytes> code) {
        if (self)
            self->onAnswer(serial, round, std::move(code));
    });
}

void MfaBroker::onPromptTimeout()
{
    if (m_prompting.isEmpty())
        return;
    const QString serial = std::exchange(m_prompting, {});
    const std::shared_ptr<Device> keep = m_devices.value(serial);
    ++keep->round; // the prompter's late answer (if any) is ignored
    if (m_prompter)
        m_prompter->cancel();
    fail(*keep, Error::timeout((m_promptTimeoutMs + 999) / 1000, tr("MFA prompt for %1").arg(serial)));
    pumpPrompts();
}

void MfaBroker::onAnswer(const QString &serial, quint64 round, Result<SecureBytes> answer)
{
    const std::shared_ptr<Device> keep = m_devices.value(serial);
    if (!keep || keep->round != round
        || (keep->state != Device::State::Prompting && keep->state != Device::State::Running))
        return;
    Device &d = *keep;
    const bool prompted = d.state == Device::State::Prompting;
    if (prompted) {
        m_prompting.clear();
        m_promptTimer.stop();
    }
    d.process = nullptr;
    // Another device's prompt may open once this answer is dealt with.
    const auto next = qScopeGuard([this] { pumpPrompts(); });

    if (!answer) {
        fail(d, answer.error());
        return;
    }
    const SecureBytes code = std::move(answer).value();
    if (!isValidMfaCode(code.view())) {
        if (++d.badAnswers >= kMaxBadAnswers) {
            fail(d, Error::validation(u"TokenCode"_s, tr("must be exactly six digits."), d.request.profile));
            return;
        }
        d.request.lastError = tr("An MFA code is exactly six digits.");
        ++d.round;
        obtain(serial);
        return;
    }
    if (wasUsed(d, code)) {
        if (++d.badAnswers >= kMaxBadAnswers) {
            fail(d,
                Error::validation(u"TokenCode"_s,
                    tr("was already used; AWS takes each code once. Wait for the device to show a new code and "
                       "try again."),
                    d.request.profile));
            return;
        }
        d.request.lastError = tr("That code was already used, and AWS takes each code once. Wait for the device to "
                                 "show the next one.");
        ++d.round;
        startWaiting(d, (windowOf(nowMs()) + 1) * kWindowMs, true);
        return;
    }
    hand(d, code);
}

void MfaBroker::hand(Device &d, const SecureBytes &code)
{
    pruneUsed(d);
    d.used.append(Device::UsedCode {code, windowOf(nowMs()), false, false});
    d.state = Device::State::Idle;
    d.badAnswers = 0;
    d.request.lastError.clear();
    const QList<Waiter> waiters = std::exchange(d.waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.hasContext || waiter.context)
            waiter.done(code);
    }
}

void MfaBroker::fail(Device &d, const Error &error)
{
    d.state = Device::State::Idle;
    d.badAnswers = 0;
    const QList<Waiter> waiters = std::exchange(d.waiters, {});
    for (const Waiter &waiter : waiters) {
        if (!waiter.hasContext || waiter.context)
            waiter.done(error);
    }
}

void MfaBroker::dropGoneWaiters(const QString &serial)
{
    const std::shared_ptr<Device> keep = m_devices.value(serial);
    if (!keep)
        return;
    keep->waiters.removeIf([](const Waiter &w) { return w.hasContext && !w.context; });
    if (keep->waiters.isEmpty() && keep->state != Device::State::Idle)
        endRound(*keep); // nobody waits for this code any more: close the prompt
}

void MfaBroker::endRound(Device &d)
{
    ++d.round; // a late answer is ignored
    const bool prompted = d.state == Device::State::Prompting;
    m_promptQueue.removeAll(d.serial);
    if (prompted) {
        m_prompting.clear();
        m_promptTimer.stop();
        if (m_prompter)
            m_prompter->cancel();
    }
    if (d.process)
        d.process->kill(); // its answer comes back with an old round and is ignored
    d.process = nullptr;
    d.state = Device::State::Idle;
    d.badAnswers = 0;
    if (prompted)
        pumpPrompts();
}

void MfaBroker::reportAccepted(const QString &serialNumber, const SecureBytes &code)
{
    Device &d = device(serialNumber);
    for (auto it = d.used.rbegin(); it != d.used.rend(); ++it) {
        if (code.isEmpty() || it->code == code) {
            it->accepted = true;
            return;
        }
    }
    if (!code.isEmpty()) // a code that did not come through the broker: still never hand it out again
        d.used.append(Device::UsedCode {code, windowOf(nowMs()), true, false});
}

void MfaBroker::reportRejected(const QString &serialNumber, const QString &awsMessage, const SecureBytes &code)
{
    Device &d = device(serialNumber);
    for (auto it = d.used.rbegin(); it != d.used.rend(); ++it) {
        if (code.isEmpty() || it->code == code) {
            it->rejected = true;
            break;
        }
    }
    const QString message = awsMessage.isEmpty() ? tr("AWS refused the MFA code.") : awsMessage;
    switch (d.state) {
    case Device::State::Idle:
        d.pendingError = message;
        break;
    case Device::State::Starting:
    case Device::State::Queued:
        d.request.lastError = message;
        break;
    case Device::State::Waiting:
        d.request.lastError = message;
        // Waiting only because that code might still be in use: it is not, so ask now.
        if (!d.forcedWait && waitUntilFor(d) == 0)
            obtain(serialNumber);
        break;
    case Device::State::Prompting:
    case Device::State::Running:
        d.pendingError = message; // the prompt is already open; the next one says it
        break;
    }
}

void MfaBroker::cancel(const QString &serialNumber)
{
    const std::shared_ptr<Device> keep = m_devices.value(serialNumber);
    if (!keep || keep->state == Device::State::Idle)
        return;
    endRound(*keep);
    fail(*keep, Error::cancelled(tr("MFA code for %1").arg(serialNumber)));
}

void MfaBroker::cancelAll()
{
    const QStringList serials = m_devices.keys();
    for (const QString &serial : serials)
        cancel(serial);
}

bool MfaBroker::isBusy(const QString &serialNumber) const
{
    const auto found = m_devices.constFind(serialNumber);
    return found != m_devices.cend() && (*found)->state != Device::State::Idle;
}

int MfaBroker::secondsUntilNextCode(const QString &serialNumber) const
{
    const auto found = m_devices.constFind(serialNumber);
    if (found == m_devices.cend())
        return 0;
    const Device &d = **found;
    const qint64 until = d.state == Device::State::Waiting ? d.waitUntilMs : waitUntilFor(d);
    return until > nowMs() ? static_cast<int>((until - nowMs() + 999) / 1000) : 0;
}

} // namespace Rolecall::Core
