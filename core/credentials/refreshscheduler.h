// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/clock.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace Rolecall::Core {

/**
 * Watches the app's active sessions and says when to act on them: a warning before expiry, a silent
 * refresh where no MFA prompt is needed, one prompt at a time where it is.
 *
 * Sleep-aware: a coarse periodic tick (default 15 s) compares wall-clock times from the injected Clock,
 * never counts ticks. When the wall clock moved much more than a tick since the last look (the machine
 * slept, or the clock was changed), clockJumped() is emitted and everything is re-evaluated once, in one
 * pass: sessions that expired meanwhile get no stale "expiring soon" warning, each session's refresh is
 * asked once, and of the MFA sessions only one prompt is queued at a time — no storm of dialogs or flows.
 *
 * Per tracked session (re-tracking with a new expiry starts over):
 *  - expiringSoon(profile, secondsLeft) once, when at most leadSeconds() remain;
 *  - refreshDue(profile) once, when auto-refresh is on, no MFA is needed and at most refreshLeadSeconds()
 *    remain (default 600, the SessionCache refresh window, so the refresh really gets new credentials);
 *  - promptNeeded(profile) for auto-refresh sessions that need MFA: queued, one outstanding at a time;
 *    the next comes after promptHandled() (or track()/untrack() of the prompted profile);
 *  - expired(profile) once.
 *
 * Tests drive it with a ManualClock and check(); the app calls start().
 */
class RefreshScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshScheduler)

public:
    struct Session
    {
        QString profile;
        QDateTime expiration;
        bool autoRefresh = false;
        bool needsMfa = false;
    };

    static constexpr int kDefaultLeadSeconds = 600;
    static constexpr int kDefaultRefreshLeadSeconds = 600;
    static constexpr int kDefaultTickMs = 15000;
    /// A gap between two looks longer than this many ticks (and at least a minute) is a jump.
    static constexpr int kJumpFactor = 4;

    /// @p clock must outlive the scheduler.
    explicit RefreshScheduler(const Clock *clock, QObject *parent = nullptr);
    ~RefreshScheduler() override;

    /// Starts or replaces the session of @p profile. Flags start over only when something changed.
    void track(const QString &profile, const QDateTime &expiration, bool autoRefresh, bool needsMfa);
    void untrack(const QString &profile);
    void clear();
    QList<Session> sessions() const;
    bool isTracked(const QString &profile) const;

    /// The app dealt with the prompt for @p profile (refreshed, or the user declined): the next may come.
    void promptHandled(const QString &profile);
    /// The profile whose promptNeeded is outstanding, or empty.
    QString pendingPrompt() const { return m_promptOutstanding; }

    int leadSeconds() const { return m_leadSeconds; }
    void setLeadSeconds(int seconds);
    int refreshLeadSeconds() const { return m_refreshLeadSeconds; }
    void setRefreshLeadSeconds(int seconds);
    int tickIntervalMs() const { return m_tick.interval(); }
    void setTickIntervalMs(int ms);

    /// Ticks every tickIntervalMs() and checks once at once.
    void start();
    void stop();
    bool isRunning() const { return m_tick.isActive(); }

    /// Looks at every session now. Called by the tick; tests call it after moving a ManualClock.
    void check();

Q_SIGNALS:
    void expiringSoon(const QString &profile, int secondsLeft);
    void refreshDue(const QString &profile);
    void promptNeeded(const QString &profile);
    void expired(const QString &profile);
    /// The wall clock moved @p gapMs since the last look where about one tick was expected (sleep, clock change).
    void clockJumped(qint64 gapMs);

private:
    struct Tracked
    {
        Session session;
        bool warned = false;
        bool refreshAsked = false;
        bool promptQueued = false;
        bool expiredSaid = false;
    };

    Tracked *find(const QString &profile);
    void nextPrompt();

    const Clock *m_clock;
    QList<Tracked> m_sessions;
    QStringList m_promptQueue;
    QString m_promptOutstanding;
    QTimer m_tick;
    qint64 m_lastCheckMs = 0;
    bool m_checked = false;
    bool m_checking = false;
    int m_leadSeconds = kDefaultLeadSeconds;
    int m_refreshLeadSeconds = kDefaultRefreshLeadSeconds;
};

} // namespace Rolecall::Core
