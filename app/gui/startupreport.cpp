// SPDX-License-Identifier: Apache-2.0
#include "startupreport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace Rolecall::Gui {

StartupReport::StartupReport(QWidget *window, const QElapsedTimer &sinceMain, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sinceMain(sinceMain)
{
    window->installEventFilter(this);
}

StartupReport::~StartupReport() = default;

bool StartupReport::eventFilter(QObject *watched, QEvent *event)
{
    // The paint event comes first; the frame reaches the screen when the backing store is flushed right
    // after it, in the same pass. A queued call runs once that pass is over.
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &StartupReport::report);
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::report()
{
    const qint64 mainMs = m_sinceMain.elapsed();
    const qint64 processMs = msSinceProcessStart();
    std::fprintf(stderr, "rolecall-startup process_ms=%lld main_ms=%lld rss_kb=%lld\n",
        static_cast<long long>(processMs), static_cast<long long>(mainMs), static_cast<long long>(residentKiB()));
    std::fflush(stderr);
    QCoreApplication::quit();
}

qint64 StartupReport::msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // Field 22 (starttime, clock ticks since boot); fields after the command's closing parenthesis.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int kStartTimeIndex = 22 - 3;
    if (fields.size() <= kStartTimeIndex)
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(kStartTimeIndex).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now {};
    if (!ok || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - ticks * 1000 / ticksPerSecond;
#else
    return -1;
#endif
}

qint64 StartupReport::residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace Rolecall::Gui
