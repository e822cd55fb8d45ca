// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>

namespace Rolecall::Core {

/**
 * Where core code gets the time. Inject it; never call QDateTime::currentDateTimeUtc() in core.
 *
 * Tests use a manual clock to sign at a fixed instant, jump past expiry, or fake skew.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    /// Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMSecs() const { return nowUtc().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 nowMSecs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

/** A clock that only moves when told to: for tests and for reproducible benchmarks. */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now = QDateTime::fromSecsSinceEpoch(1440938160, Qt::UTC))
        : m_now(std::move(now))
    { }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now.toUTC(); }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }

private:
    QDateTime m_now;
};

} // namespace Rolecall::Core
