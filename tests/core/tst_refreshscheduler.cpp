// SPDX-License-Identifier: Apache-2.0
// RefreshScheduler driven by a ManualClock: the lead-time warning once, silent refreshes, one MFA prompt at a time,
// and a wall-clock jump (a night of sleep) re-evaluated in one pass without a storm.
#include "credentials/refreshscheduler.h"
#include "util/clock.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace {

constexpr int kWaitMs = 5000;
const QDateTime kStart = QDateTime(QDate(2025, 6, 1), QTime(9, 0, 0), Qt::UTC);

struct Spies
{
    explicit Spies(RefreshScheduler *scheduler)
        : expiringSoon(scheduler, &RefreshScheduler::expiringSoon)
        , refreshDue(scheduler, &RefreshScheduler::refreshDue)
        , promptNeeded(scheduler, &RefreshScheduler::promptNeeded)
        , expired(scheduler, &RefreshScheduler::expired)
        , clockJumped(scheduler, &RefreshScheduler::clockJumped)
    { }

    static QStringList profiles(const QSignalSpy &spy)
    {
        QStringList out;
        for (const QList<QVariant> &arguments : spy)
            out.append(arguments.at(0).toString());
        return out;
    }

    qsizetype total() const
    {
        return expiringSoon.size() + refreshDue.size() + promptNeeded.size() + expired.size() + clockJumped.size();
    }

    QSignalSpy expiringSoon;
    QSignalSpy refreshDue;
    QSignalSpy promptNeeded;
    QSignalSpy expired;
    QSignalSpy clockJumped;
};

} // namespace

class Tst_RefreshScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void warnsOnceAtTheLeadTime_data();
    void warnsOnceAtTheLeadTime();
    void autoRefreshIsDueOnceWithoutPrompt();
    void mfaSessionsQueueOnePromptAtATime();
    void retrackingStartsOver();
    void eightHourJumpIsOneReevaluationNotAStorm();
    void clockSetBackIsAJumpToo();
    void periodicTickChecksByItself();

private:
    /// Moves the clock by @p seconds in tick-sized steps, checking at each, as the running app would.
    void live(int seconds);

    ManualClock m_clock;
    std::unique_ptr<RefreshScheduler> m_scheduler;
};

void Tst_RefreshScheduler::init()
{
    m_clock.set(kStart);
    m_scheduler = std::make_unique<RefreshScheduler>(&m_clock);
    m_scheduler->check(); // the first look
}

void Tst_RefreshScheduler::live(int seconds)
{
    const int step = m_scheduler->tickIntervalMs() / 1000;
    for (int done = 0; done < seconds; done += step) {
        m_clock.advance(qint64(std::min(step, seconds - done)) * 1000);
        m_scheduler->check();
    }
}

void Tst_RefreshScheduler::warnsOnceAtTheLeadTime_data()
{
    QTest::addColumn<int>("lead"); // -1: default
    QTest::addColumn<int>("lifetime");
    QTest::addColumn<int>("warnAfter"); // seconds of life until the warning
    QTest::addRow("default 10 min before a 1 h session") << -1 << 3600 << 3000;
    QTest::addRow("5 min before a 30 min session") << 300 << 1800 << 1500;
    QTest::addRow("session shorter than the lead: at once") << 600 << 300 << 0;
}

void Tst_RefreshScheduler::warnsOnceAtTheLeadTime()
{
    QFETCH(int, lead);
    QFETCH(int, lifetime);
    QFETCH(int, warnAfter);
    QCOMPARE(m_scheduler->leadSeconds(), RefreshScheduler::kDefaultLeadSeconds);
    QCOMPARE(RefreshScheduler::kDefaultLeadSeconds, 600);
    QCOMPARE(m_scheduler->tickIntervalMs(), 15000);
    if (lead >= 0)
        m_scheduler->setLeadSeconds(lead);
    Spies spies(m_scheduler.get());
    m_scheduler->track(u"dev"_s, kStart.addSecs(lifetime), false, false);
    m_scheduler->check();
    if (warnAfter > 0) {
        QCOMPARE(spies.expiringSoon.size(), 0);
        live(warnAfter - 15);
        QCOMPARE(spies.expiringSoon.size(), 0);
        live(15);
    }
    QCOMPARE(spies.expiringSoon.size(), 1);
    QCOMPARE(spies.expiringSoon.at(0).at(0).toString(), u"dev"_s);
    QCOMPARE(spies.expiringSoon.at(0).at(1).toInt(), lifetime - warnAfter);
    live(lifetime - warnAfter - 15);
    QCOMPARE(spies.expiringSoon.size(), 1); // once per session
    QCOMPARE(spies.expired.size(), 0);
    live(15);
    QCOMPARE(spies.expired.size(), 1);
    live(600);
    QCOMPARE(spies.expiringSoon.size(), 1);
    QCOMPARE(spies.expired.size(), 1);
    // No auto refresh asked for: the warning is all.
    QCOMPARE(spies.refreshDue.size(), 0);
    QCOMPARE(spies.promptNeeded.size(), 0);
    QCOMPARE(spies.clockJumped.size(), 0); // ticking along is no jump
}

void Tst_RefreshScheduler::autoRefreshIsDueOnceWithoutPrompt()
{
    Spies spies(m_scheduler.get());
    m_scheduler->setRefreshLeadSeconds(300);
    m_scheduler->track(u"dev"_s, kStart.addSecs(3600), true, false);
    m_scheduler->track(u"manual"_s, kStart.addSecs(3600), false, false);
    live(3600 - 300 - 15);
    QCOMPARE(spies.refreshDue.size(), 0);
    QCOMPARE(spies.expiringSoon.size(), 2); // the warning came at 10 min
    live(15);
    QCOMPARE(Spies::profiles(spies.refreshDue), QStringList({u"dev"_s}));
    live(120);
    QCOMPARE(spies.refreshDue.size(), 1);
    QCOMPARE(spies.promptNeeded.size(), 0);

    // The app refreshed: a new expiry starts the session over.
    m_scheduler->track(u"dev"_s, m_clock.nowUtc().addSecs(3600), true, false);
    live(3600 - 300);
    QCOMPARE(spies.refreshDue.size(), 2);
    QCOMPARE(spies.clockJumped.size(), 0);
}

void Tst_RefreshScheduler::mfaSessionsQueueOnePromptAtATime()
{
    Spies spies(m_scheduler.get());
    m_scheduler->track(u"prod"_s, kStart.addSecs(3600), true, true);
    m_scheduler->track(u"audit"_s, kStart.addSecs(3600), true, true);
    m_scheduler->track(u"dev"_s, kStart.addSecs(3600), true, false);
    live(3000);
    QCOMPARE(Spies::profiles(spies.promptNeeded), QStringList({u"prod"_s}));
    QCOMPARE(Spies::profiles(spies.refreshDue), QStringList({u"dev"_s})); // MFA sessions never refresh silently
    QCOMPARE(m_scheduler->pendingPrompt(), u"prod"_s);
    live(300);
    QCOMPARE(spies.promptNeeded.size(), 1); // still one: the first is not dealt with yet

    m_scheduler->promptHandled(u"audit"_s); // not the outstanding one: nothing
    QTest::qWait(10);
    QCOMPARE(spies.promptNeeded.size(), 1);
    m_scheduler->promptHandled(u"prod"_s);
    QTRY_COMPARE_WITH_TIMEOUT(spies.promptNeeded.size(), 2, kWaitMs);
    QCOMPARE(Spies::profiles(spies.promptNeeded), QStringList({u"prod"_s, u"audit"_s}));
    m_scheduler->untrack(u"audit"_s); // gone while outstanding: the queue moves on (it is empty)
    QTest::qWait(10);
    live(900);
    QCOMPARE(spies.promptNeeded.size(), 2);
    QVERIFY(m_scheduler->pendingPrompt().isEmpty());
}

void Tst_RefreshScheduler::retrackingStartsOver()
{
    Spies spies(m_scheduler.get());
    m_scheduler->track(u"dev"_s, kStart.addSecs(500), true, false);
    m_scheduler->check();
    QCOMPARE(spies.expiringSoon.size(), 1);
    QCOMPARE(spies.refreshDue.size(), 1);
    // The same session again (the app re-lists it): no new signals.
    m_scheduler->track(u"dev"_s, kStart.addSecs(500), true, false);
    m_scheduler->check();
    QCOMPARE(spies.expiringSoon.size(), 1);
    QCOMPARE(spies.refreshDue.size(), 1);
    // A refreshed session with a new expiry: warned and refreshed again in due time.
    m_scheduler->track(u"dev"_s, kStart.addSecs(1800), true, false);
    live(1200 - 15);
    QCOMPARE(spies.expiringSoon.size(), 1);
    live(15);
    QCOMPARE(spies.expiringSoon.size(), 2);
    QCOMPARE(spies.refreshDue.size(), 2);
    QCOMPARE(m_scheduler->sessions().size(), 1);
    m_scheduler->untrack(u"dev"_s);
    live(900);
    QCOMPARE(spies.expired.size(), 0);
    QVERIFY(m_scheduler->sessions().isEmpty());
}

void Tst_RefreshScheduler::eightHourJumpIsOneReevaluationNotAStorm()
{
    // Evening: a mix of sessions. The laptop lid closes; it opens eight hours later.
    m_scheduler->track(u"auto-1"_s, kStart.addSecs(3600), true, false);
    m_scheduler->track(u"auto-2"_s, kStart.addSecs(2 * 3600), true, false);
    m_scheduler->track(u"mfa-1"_s, kStart.addSecs(3600), true, true);
    m_scheduler->track(u"mfa-2"_s, kStart.addSecs(4 * 3600), true, true);
    m_scheduler->track(u"manual"_s, kStart.addSecs(3600), false, false);
    m_scheduler->track(u"long"_s, kStart.addSecs(12 * 3600), true, false); // still 4 h left after the night
    live(60);
    Spies spies(m_scheduler.get());
    m_clock.advance(8LL * 3600 * 1000);
    m_scheduler->check();
    QCOMPARE(spies.clockJumped.size(), 1);
    QVERIFY(spies.clockJumped.at(0).at(0).toLongLong() >= 8LL * 3600 * 1000);
    // Everything that became due, once each, in the same pass.
    QStringList expired = Spies::profiles(spies.expired);
    expired.sort();
    QCOMPARE(expired, QStringList({u"auto-1"_s, u"auto-2"_s, u"manual"_s, u"mfa-1"_s, u"mfa-2"_s}));
    QStringList refresh = Spies::profiles(spies.refreshDue);
    refresh.sort();
    QCOMPARE(refresh, QStringList({u"auto-1"_s, u"auto-2"_s}));
    QCOMPARE(Spies::profiles(spies.promptNeeded), QStringList({u"mfa-1"_s})); // one dialog, not two
    QCOMPARE(spies.expiringSoon.size(), 0); // no stale "expires in 10 minutes" for what is long gone
    const qsizetype afterPass = spies.total();

    // The burst of late ticks after resume changes nothing.
    for (int i = 0; i < 10; ++i)
        m_scheduler->check();
    live(60);
    QCOMPARE(spies.total(), afterPass);

    // The next prompt only when the first is dealt with.
    m_scheduler->promptHandled(u"mfa-1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(spies.promptNeeded.size(), 2, kWaitMs);
    QCOMPARE(spies.promptNeeded.at(1).at(0).toString(), u"mfa-2"_s);
    QCOMPARE(spies.clockJumped.size(), 1);
}

void Tst_RefreshScheduler::clockSetBackIsAJumpToo()
{
    Spies spies(m_scheduler.get());
    m_scheduler->track(u"dev"_s, kStart.addSecs(3600), true, false);
    live(60);
    m_clock.advance(-2 * 3600 * 1000LL);
    m_scheduler->check();
    QCOMPARE(spies.clockJumped.size(), 1);
    QVERIFY(spies.clockJumped.at(0).at(0).toLongLong() < 0);
    QCOMPARE(spies.expiringSoon.size(), 0);
    live(60);
    QCOMPARE(spies.clockJumped.size(), 1);
    // A small step back (NTP) is not.
    m_clock.advance(-2000);
    m_scheduler->check();
    QCOMPARE(spies.clockJumped.size(), 1);
}

void Tst_RefreshScheduler::periodicTickChecksByItself()
{
    Spies spies(m_scheduler.get());
    m_scheduler->setTickIntervalMs(10);
    m_scheduler->track(u"dev"_s, kStart.addSecs(1200), true, false);
    m_scheduler->start();
    QVERIFY(m_scheduler->isRunning());
    QTest::qWait(50);
    QCOMPARE(spies.expiringSoon.size(), 0);
    m_clock.advance(601LL * 1000);
    // The clock moved by much more than a (10 ms) tick between two looks: a jump, handled in one pass.
    QTRY_COMPARE_WITH_TIMEOUT(spies.refreshDue.size(), 1, kWaitMs);
    QCOMPARE(spies.expiringSoon.size(), 1);
    QCOMPARE(spies.clockJumped.size(), 1);
    QTest::qWait(50);
    QCOMPARE(spies.refreshDue.size(), 1);
    m_scheduler->stop();
    QVERIFY(!m_scheduler->isRunning());
}

QTEST_GUILESS_MAIN(Tst_RefreshScheduler)
#include "tst_refreshscheduler.moc"
