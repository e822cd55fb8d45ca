// SPDX-License-Identifier: Apache-2.0
#include "refreshscheduler.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace Rolecall::Core {

namespace {
// The clock may step back a little (NTP slewing, a test nudging it); more than this is a jump too.
constexpr qint64 kBackwardToleranceMs = 5000;
constexpr qint64 kMinJumpMs = 60000;
} // namespace

RefreshScheduler::RefreshScheduler(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    Q_ASSERT(m_clock);
    m_tick.setInterval(kDefaultTickMs);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &RefreshScheduler::check);
}

RefreshScheduler::~RefreshScheduler() = default;

RefreshScheduler::Tracked *RefreshScheduler::find(const QString &profile)
{
    for (Tracked &tracked : m_sessions) {
        if (tracked.session.profile == profile)
            return &tracked;
    }
    return nullptr;
}

void RefreshScheduler::track(const QString &profile, const QDateTime &expiration, bool autoRefresh, bool needsMfa)
{
    const Session session {profile, expiration.toUTC(), autoRefresh, needsMfa};
    if (Tracked *tracked = find(profile)) {
        const Session &old = tracked->session;
        if (old.expiration == session.expiration && old.autoRefresh == autoRefresh && old.needsMfa == needsMfa)
            return;
        *tracked = Tracked {session};
    } else {
        m_sessions.append(Tracked {session});
    }
    m_promptQueue.removeAll(profile);
    if (m_promptOutstanding == profile)
        promptHandled(profile);
}

void RefreshScheduler::untrack(const QString &profile)
{
    m_sessions.removeIf([&profile](const Tracked &t) { return t.session.profile == profile; });
    m_promptQueue.removeAll(profile);
    if (m_promptOutstanding == profile)
        promptHandled(profile);
}

void RefreshScheduler::clear()
{
    m_sessions.clear();
    m_promptQueue.clear();
    m_promptOutstanding.clear();
}

QList<RefreshScheduler::Session> RefreshScheduler::sessions() const
{
    QList<Session> out;
    out.reserve(m_sessions.size());
    for (const Tracked &tracked : m_sessions)
        out.append(tracked.session);
    return out;
}

bool RefreshScheduler::isTracked(const QString &profile) const
{
    return std::any_of(
        m_sessions.cbegin(), m_sessions.cend(), [&profile](const Tracked &t) { return t.session.profile == profile; });
}

void RefreshScheduler::promptHandled(const QString &profile)
{
    if (m_promptOutstanding != profile)
        return;
    m_promptOutstanding.clear();
    // The next prompt comes on a later turn: the caller may be inside a promptNeeded handler.
    QMetaObject::invokeMethod(this, &RefreshScheduler::nextPrompt, Qt::QueuedConnection);
}

void RefreshScheduler::nextPrompt()
{
    if (!m_promptOutstanding.isEmpty() || m_checking)
        return;
    while (!m_promptQueue.isEmpty()) {
        const QString profile = m_promptQueue.takeFirst();
        if (!isTracked(profile))
            continue;
        m_promptOutstanding = profile;
        Q_EMIT promptNeeded(profile);
        return;
    }
}

void RefreshScheduler::setLeadSeconds(int seconds)
{
    m_leadSeconds = std::max(0, seconds);
}

void RefreshScheduler::setRefreshLeadSeconds(int seconds)
{
    m_refreshLeadSeconds = std::max(0, seconds);
}

void RefreshScheduler::setTickIntervalMs(int ms)
{
    m_tick.setInterval(std::max(1, ms));
}

void RefreshScheduler::start()
{
    m_checked = false; // the time stopped is no jump
    m_tick.start();
    check();
}

void RefreshScheduler::stop()
{
    m_tick.stop();
}

void RefreshScheduler::check()
{
    if (m_checking)
        return;
    const qint64 now = m_clock->nowMSecs();
    std::optional<qint64> jump;
    if (m_checked) {
        const qint64 gap = now - m_lastCheckMs;
        const qint64 limit = std::max<qint64>(kMinJumpMs, qint64(kJumpFactor) * m_tick.interval());
        if (gap > limit || gap < -kBackwardToleranceMs)
            jump = gap;
    }
    m_checked = true;
    m_lastCheckMs = now;
    if (jump) {
        // One pass for everything that became due meanwhile; the next tick a full interval from now.
        if (m_tick.isActive())
            m_tick.start();
        Q_EMIT clockJumped(*jump);
    }

    // Decide everything first, then tell: a slot reacting to a signal may track or untrack sessions.
    m_checking = true;
    QList<std::function<void()>> emissions;
    for (Tracked &tracked : m_sessions) {
        const Session &s = tracked.session;
        const qint64 leftMs = s.expiration.isValid() ? s.expiration.toMSecsSinceEpoch() - now : 0;
        const int secondsLeft = static_cast<int>(leftMs > 0 ? leftMs / 1000 : 0);
        const QString profile = s.profile;
        if (leftMs <= 0) {
            tracked.warned = true; // gone already (typically after a sleep): no stale "expiring soon"
            if (!tracked.expiredSaid) {
                tracked.expiredSaid = true;
                emissions.append([this, profile] { Q_EMIT expired(profile); });
            }
        } else if (secondsLeft <= m_leadSeconds && !tracked.warned) {
            tracked.warned = true;
            emissions.append([this, profile, secondsLeft] { Q_EMIT expiringSoon(profile, secondsLeft); });
        }
        if (!s.autoRefresh || secondsLeft > m_refreshLeadSeconds)
            continue;
        if (!s.needsMfa) {
            if (!tracked.refreshAsked) {
                tracked.refreshAsked = true;
                emissions.append([this, profile] { Q_EMIT refreshDue(profile); });
            }
        } else if (!tracked.promptQueued) {
            tracked.promptQueued = true;
            m_promptQueue.append(profile);
        }
    }
    m_checking = false;
    for (const auto &emission : std::as_const(emissions))
        emission();
    nextPrompt();
}

} // namespace Rolecall::Core
