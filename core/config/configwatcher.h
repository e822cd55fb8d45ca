// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace Rolecall::Core::Config {

/**
 * Tells when ~/.aws/config or ~/.aws/credentials (or any set of files) really changed.
 *
 * It watches the files *and* their folders: editors that save by writing a temporary file and
 * renaming it over the original replace the file's inode, which a watch on the file alone loses,
 * and a file that does not exist yet (or whose folder does not exist yet) is seen when it appears.
 * File watches are renewed after every change, so they always follow the current file; a symbolic
 * link is followed to its target, whose folder is watched too.
 *
 * Events are debounced (150 ms by default, restarted by each event, at most ten intervals in total)
 * and the files are then compared with the last known state: size and modification times first, then
 * a hash of the bytes, so a `touch` or a rewrite with the same bytes emits nothing. changed() is
 * emitted once per burst.
 *
 * Call resync() after Rolecall saved a file itself to take the new state as known without a signal.
 */
class ConfigWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigWatcher)

public:
    explicit ConfigWatcher(QObject *parent = nullptr);
    ~ConfigWatcher() override;

    /// Starts watching @p paths (files that need not exist) and takes their state as known.
    void setPaths(const QStringList &paths);
    QStringList paths() const { return m_paths; }

    void setDebounceInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds debounceInterval() const;

    /// Takes the files' current state as known: a pending change is dropped, no signal follows.
    void resync();

Q_SIGNALS:
    /// At least one file's content changed, appeared or disappeared since the last signal.
    void changed();

private:
    struct Snapshot
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        QDateTime metadataChanged;
        QDateTime takenAt;
        QByteArray hash;
    };

    void schedule();
    void check();
    void rewatch();
    Snapshot snapshot(const QString &path, const Snapshot *previous) const;

    QFileSystemWatcher m_watcher;
    QTimer m_timer;
    QElapsedTimer m_burst;
    QStringList m_paths;
    QHash<QString, Snapshot> m_known;
};

} // namespace Rolecall::Core::Config
