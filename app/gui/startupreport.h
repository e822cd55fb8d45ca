// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace Rolecall::Gui {

/**
 * ROLECALL_REPORT_STARTUP=1 (bench/gui.sh): once @p window has painted its first frame, prints one
 * line on stderr and quits the app:
 *
 *     rolecall-startup process_ms=143 main_ms=121 rss_kb=48212
 *
 * process_ms counts from the kernel's process start (/proc/self/stat, clock-tick resolution: dynamic
 * linking and static initialisers included), main_ms from @p sinceMain (started on main()'s first
 * line), rss_kb is VmRSS from /proc/self/status right after that first frame. Off Linux, process_ms
 * and rss_kb are -1.
 */
class StartupReport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupReport)

public:
    StartupReport(QWidget *window, const QElapsedTimer &sinceMain, QObject *parent = nullptr);
    ~StartupReport() override;

    /// Milliseconds since the kernel started this process, or -1.
    static qint64 msSinceProcessStart();
    /// Resident set size in KiB, or -1.
    static qint64 residentKiB();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QWidget *m_window;
    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace Rolecall::Gui
