// SPDX-License-Identifier: Apache-2.0
#include "configwatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

using namespace std::chrono_literals;

namespace Rolecall::Core::Config {

namespace {

constexpr auto kDefaultDebounce = 150ms;
constexpr int kMaxDebounceIntervals = 10;
/// A file modified this close to when it was hashed may change again within the filesystem's
/// timestamp granularity without its size or times changing: such a file is always hashed again
/// (git's "racily clean" rule).
constexpr qint64 kRacyMs = 2000;
constexpr int kMaxLinkHops = 40;

QString existingAncestor(const QString &dir)
{
    QString path = QDir::cleanPath(QDir(dir).absolutePath());
    while (!QFileInfo(path).isDir()) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            break;
        path = parent;
    }
    return path;
}

/// The final target of a chain of symbolic links, or an empty string for a loop.
QString resolveLinks(const QString &path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink(); ++hops) {
        if (hops == kMaxLinkHops)
            return {};
        info.setFile(info.symLinkTarget());
    }
    return info.absoluteFilePath();
}

} // namespace

ConfigWatcher::ConfigWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(this)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultDebounce);
    connect(&m_timer, &QTimer::timeout, this, &ConfigWatcher::check);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::schedule);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::schedule);
}

ConfigWatcher::~ConfigWatcher() = default;

void ConfigWatcher::setPaths(const QStringList &paths)
{
    m_paths = paths;
    m_known.clear();
    resync();
}

void ConfigWatcher::setDebounceInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::milliseconds ConfigWatcher::debounceInterval() const
{
    return m_timer.intervalAsDuration();
}

void ConfigWatcher::resync()
{
    m_timer.stop();
    rewatch();
    m_known.clear();
    for (const QString &path : std::as_const(m_paths))
        m_known.insert(path, snapshot(path, nullptr));
}

void ConfigWatcher::schedule()
{
    if (!m_timer.isActive()) {
        m_burst.start();
        m_timer.start();
        return;
    }
    // Restart on every event of a burst, but do not let a steady stream postpone the check forever.
    if (m_burst.elapsed() < kMaxDebounceIntervals * m_timer.interval())
        m_timer.start();
}

void ConfigWatcher::check()
{
    // First renew the watches (a replaced file is a new inode), then look: a change made in between
    // is seen now, and any later one raises a new event.
    rewatch();
    bool anyChange = false;
    for (const QString &path : std::as_const(m_paths)) {
        const auto known = m_known.constFind(path);
        const Snapshot now = snapshot(path, known == m_known.constEnd() ? nullptr : &known.value());
        if (known == m_known.constEnd() || known->exists != now.exists || known->hash != now.hash)
            anyChange = true;
        m_known.insert(path, now);
    }
    if (anyChange)
        Q_EMIT changed();
}

void ConfigWatcher::rewatch()
{
    QStringList files;
    QSet<QString> directories;
    for (const QString &path : std::as_const(m_paths)) {
        const QFileInfo info(path);
        directories.insert(existingAncestor(info.absolutePath()));
        const QString target = resolveLinks(path);
        if (target.isEmpty())
            continue;
        if (target != info.absoluteFilePath())
            directories.insert(existingAncestor(QFileInfo(target).absolutePath()));
        if (QFileInfo(target).isFile())
            files.append(target);
    }
    files.removeDuplicates();

    const QStringList watchedFiles = m_watcher.files();
    if (!watchedFiles.isEmpty())
        m_watcher.removePaths(watchedFiles);
    if (!files.isEmpty())
        m_watcher.addPaths(files);

    const QStringList watchedDirectories = m_watcher.directories();
    QStringList stale;
    for (const QString &dir : watchedDirectories) {
        if (!directories.contains(dir))
            stale.append(dir);
    }
    if (!stale.isEmpty())
        m_watcher.removePaths(stale);
    QStringList added;
    for (const QString &dir : std::as_const(directories)) {
        if (!watchedDirectories.contains(dir))
            added.append(dir);
    }
    if (!added.isEmpty())
        m_watcher.addPaths(added);
}

ConfigWatcher::Snapshot ConfigWatcher::snapshot(const QString &path, const Snapshot *previous) const
{
    Snapshot s;
    s.takenAt = QDateTime::currentDateTimeUtc();
    const QFileInfo info(path); // follows symbolic links
    if (!info.isFile())
        return s;
    s.exists = true;
    s.size = info.size();
    s.modified = info.lastModified().toUTC();
    s.metadataChanged = info.metadataChangeTime().toUTC();
    if (previous && previous->exists && previous->size == s.size && previous->modified == s.modified
        && previous->metadataChanged == s.metadataChanged && previous->modified.msecsTo(previous->takenAt) > kRacyMs) {
        s.hash = previous->hash;
        s.takenAt = previous->takenAt;
        return s;
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        s.hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    return s;
}

} // namespace Rolecall::Core::Config
