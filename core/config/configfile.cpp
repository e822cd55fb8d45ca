// SPDX-License-Identifier: Apache-2.0
#include "configfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QThread>

#include <functional>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Config {

namespace {

/// Owner, group and other bits; the "User" flags describe the current user and are not mode bits.
constexpr QFileDevice::Permissions kModeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
    | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
    | QFileDevice::WriteOther | QFileDevice::ExeOther;
constexpr QFileDevice::Permissions kNewFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner; // 0600
constexpr QFileDevice::Permissions kNewDirMode
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner; // 0700
constexpr int kMaxLinkHops = 40; // as Linux's ELOOP limit
constexpr int kMaxSaveAttempts = 3;
constexpr int kLockWaitMs = 10000;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// ".NAME.rolecall-XXXXXX" next to @p target: hidden, and recognisably Rolecall's.
QString temporaryTemplate(const QString &target)
{
    const QFileInfo info(target);
    return info.absolutePath() + u"/."_s + info.fileName() + u".rolecall-XXXXXX"_s;
}

/// Removes the temporary files a writer killed mid-save left next to @p target. Call with the folder lock held,
/// so no other Rolecall writer is between creating and renaming one.
void removeStaleTemporaries(const QString &target)
{
    const QFileInfo info(target);
    const QDir folder(info.absolutePath());
    const QString pattern = u'.' + info.fileName() + u".rolecall-??????"_s;
    const QStringList stale = folder.entryList({pattern}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : stale)
        QFile::remove(folder.filePath(name));
}

bool syncToDisk(int fd)
{
#ifdef Q_OS_UNIX
    return ::fsync(fd) == 0;
#else
    Q_UNUSED(fd);
    return true;
#endif
}

/// Atomically renames @p from over @p to (and makes the rename durable); an empty string or the reason it failed.
QString replaceWith(const QString &from, const QString &to)
{
#ifdef Q_OS_UNIX
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    const int folder
        = ::open(QFile::encodeName(QFileInfo(to).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return {};
#else
    // Elsewhere (not built or tested in this project's CI): QFile::rename refuses an existing target, so the old
    // file goes first. Not atomic.
    if (QFile::exists(to) && !QFile::remove(to))
        return QStringLiteral("cannot remove the old file");
    QFile file(from);
    return file.rename(to) ? QString() : file.errorString();
#endif
}

Error fileError(const QString &path, const QString &message)
{
    Error error = Error::config(message);
    error.context = native(path);
    return error;
}

struct DiskState
{
    QByteArray bytes;
    bool exists = false;

    bool operator==(const DiskState &other) const = default;
};

Result<DiskState> readState(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return DiskState {};
    if (!info.isFile())
        return fileError(
            path, ConfigFile::tr("%1 is not a regular file, so Rolecall does not read or write it.").arg(native(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path,
            ConfigFile::tr("Rolecall could not read %1: %2. Check the file's permissions.")
                .arg(native(path), file.errorString()));
    return DiskState {file.readAll(), true};
}

/// Creates @p dir and any missing parents, each 0700.
Result<void> makeDirectories(const QString &dir)
{
    QStringList missing;
    for (QDir d(dir); !d.exists();) {
        missing.prepend(d.absolutePath());
        if (!d.cdUp())
            break;
    }
    for (const QString &path : std::as_const(missing)) {
        if (QDir().mkdir(path, kNewDirMode) || QFileInfo(path).isDir()) {
            QFile::setPermissions(path, kNewDirMode); // mkdir's mode is subject to the umask
            continue;
        }
        return fileError(path,
            ConfigFile::tr("Rolecall could not create the folder %1. Check that you may write "
                           "to %2.")
                .arg(native(path), native(QFileInfo(path).absolutePath())));
    }
    return {};
}

enum class WriteOutcome
{
    Written,
    ChangedMeanwhile,
};

Result<WriteOutcome> writeAtomically(
    const QString &path, const QByteArray &bytes, const std::function<bool()> &stillCurrent)
{
    const Result<QString> resolved = ConfigFile::writeTarget(path);
    if (!resolved)
        return resolved.error();
    const QString &target = resolved.value();
    const bool isLink = target != QFileInfo(path).absoluteFilePath();
    const QFileInfo info(target);
    if (info.exists() && !info.isFile())
        return fileError(
            path, ConfigFile::tr("%1 is not a regular file, so Rolecall does not read or write it.").arg(native(path)));
    const bool existed = info.exists();
    const QFileDevice::Permissions wanted = existed ? (info.permissions() & kModeBits) : kNewFileMode;
    // Replacing needs only the folder's permission; respect a file its owner made read-only, as
    // the AWS CLI (which writes in place) does.
    if (existed && !wanted.testFlag(QFileDevice::WriteOwner))
        return fileError(path,
            ConfigFile::tr("%1 is read-only, so Rolecall did not change it. Make it writable "
                           "(chmod u+w) if Rolecall should save there.")
                .arg(native(path)));
    if (!existed && !QFileInfo(info.absolutePath()).isDir()) {
        if (isLink)
            return fileError(path,
                ConfigFile::tr("Rolecall could not save %1: the folder %2, where its symbolic "
                               "link points, does not exist.")
                    .arg(native(path), native(info.absolutePath())));
        if (Result<void> made = makeDirectories(info.absolutePath()); !made)
            return made.error();
    }

    // The temporary file is created next to the target (the link's target, not the link), so the
    // final rename stays on one filesystem and is atomic. Its name is Rolecall's own, so a later save
    // can remove one that a killed writer left behind (it may hold a copy of secrets).
    QTemporaryFile file(temporaryTemplate(target));
    if (!file.open())
        return fileError(path,
            ConfigFile::tr("Rolecall could not save %1: it could not create a temporary file in "
                           "%2 (%3). Check that you may write to that folder. The file was not "
                           "changed.")
                .arg(native(path), native(info.absolutePath()), file.errorString()));
    // Before any byte is written (QTemporaryFile starts 0600).
    if (!file.setPermissions(wanted) || (file.permissions() & kModeBits) != wanted)
        return fileError(path,
            ConfigFile::tr("Rolecall could not set the permissions of the new %1 (%2). The file "
                           "was not changed.")
                .arg(native(path), file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.flush() || !syncToDisk(file.handle()))
        return fileError(path,
            ConfigFile::tr("Rolecall could not write %1 (%2). The file was not changed.")
                .arg(native(path), file.errorString()));
    if (stillCurrent && !stillCurrent())
        return WriteOutcome::ChangedMeanwhile;
    if (const QString problem = replaceWith(file.fileName(), target); !problem.isEmpty())
        return fileError(path,
            ConfigFile::tr("Rolecall could not replace %1 (%2). The file was not changed.").arg(native(path), problem));
    file.setAutoRemove(false); // renamed: its name is the target's now

    if ((QFileInfo(target).permissions() & kModeBits) != wanted && !QFile::setPermissions(target, wanted))
        return fileError(path,
            ConfigFile::tr("%1 was saved, but its permissions could not be kept. Check them "
                           "(ls -l) and make the file readable only by you.")
                .arg(native(path)));
    return WriteOutcome::Written;
}

/**
 * Serialises Rolecall's own writers (the app and rolecall-cli) on one folder: an exclusive flock()
 * on the folder itself, held from reading the file until the rename, so two saves never both
 * rebase onto the same bytes and the later rename drops the earlier one's change. Creates no file.
 * Other programs do not take it; for them the check before the rename remains.
 */
class FolderLock
{
public:
    FolderLock() = default;
    ~FolderLock()
    {
#ifdef Q_OS_UNIX
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
#endif
    }
    Q_DISABLE_COPY_MOVE(FolderLock)

    /// False only when another process holds the lock longer than kLockWaitMs. A folder that does
    /// not exist yet, or a filesystem without flock(), is not locked.
    bool lock(const QString &folder)
    {
#ifdef Q_OS_UNIX
        m_fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0)
            return true;
        for (int waited = 0;; waited += 10) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0)
                return true;
            if (errno != EWOULDBLOCK && errno != EINTR)
                return true; // no locking here (e.g. some network filesystems): save as before
            if (waited >= kLockWaitMs)
                return false;
            QThread::msleep(10);
        }
#else
        Q_UNUSED(folder);
        return true;
#endif
    }

private:
    int m_fd = -1;
};

/**
 * Takes @p lock on the folder @p path is saved in (its link's target's) and, holding it, removes what
 * writers killed mid-save left there. An error when another Rolecall process holds the lock too long.
 */
Result<void> lockFolder(FolderLock &lock, const QString &path)
{
    const Result<QString> target = ConfigFile::writeTarget(path);
    if (!target)
        return target.error();
    if (!lock.lock(QFileInfo(target.value()).absolutePath()))
        return fileError(path,
            ConfigFile::tr("Another Rolecall process has been saving %1 for more than %2 seconds. Nothing was saved; "
                           "try again in a moment.")
                .arg(native(path))
                .arg(kLockWaitMs / 1000));
    removeStaleTemporaries(target.value());
    return {};
}

} // namespace

Result<QString> ConfigFile::writeTarget(const QString &path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink(); ++hops) {
        if (hops == kMaxLinkHops)
            return fileError(path,
                tr("%1 is a symbolic link in a loop (or a chain of more than %2 links). Fix the "
                   "link, then try again.")
                    .arg(native(path))
                    .arg(kMaxLinkHops));
        info.setFile(info.symLinkTarget());
    }
    return info.absoluteFilePath();
}

Result<QByteArray> ConfigFile::read(const QString &path)
{
    Result<DiskState> state = readState(path);
    if (!state)
        return state.error();
    return std::move(state).value().bytes;
}

Result<void> ConfigFile::write(const QString &path, const QByteArray &bytes)
{
    FolderLock lock;
    if (Result<void> ready = lockFolder(lock, path); !ready)
        return ready.error();
    const Result<WriteOutcome> written = writeAtomically(path, bytes, {});
    if (!written)
        return written.error();
    return {};
}

Result<QByteArray> ConfigFile::save(
    const QString &path, const QByteArray &originalBytes, const QList<ConfigEdit> &edits)
{
    FolderLock lock;
    if (Result<void> ready = lockFolder(lock, path); !ready)
        return ready.error();
    for (int attempt = 0; attempt < kMaxSaveAttempts; ++attempt) {
        const Result<DiskState> disk = readState(path);
        if (!disk)
            return disk.error();

        IniDocument document;
        QList<ConfigEdit> toApply = edits;
        if (disk->bytes == originalBytes) {
            document = IniDocument::parse(originalBytes, path);
        } else {
            // Someone else saved in between: re-apply the same semantic edits to their version.
            document = IniDocument::parse(disk->bytes, path);
            Result<QList<ConfigEdit>> rebased
                = ConfigWriter::rebase(IniDocument::parse(originalBytes, path), document, edits, path);
            if (!rebased)
                return rebased.error();
            toApply = std::move(rebased).value();
        }

        Result<QByteArray> updated = ConfigWriter::apply(document, toApply);
        if (!updated)
            return updated.error();
        if (updated.value() == disk->bytes)
            return updated; // nothing to do: do not touch the file (or create an empty one)

        const DiskState expected = disk.value();
        const Result<WriteOutcome> written = writeAtomically(path, updated.value(), [&path, &expected] {
            const Result<DiskState> now = readState(path);
            return now && now.value() == expected;
        });
        if (!written)
            return written.error();
        if (written.value() == WriteOutcome::Written)
            return updated;
    }
    return fileError(path,
        tr("%1 kept changing while Rolecall was saving it. Nothing was saved; try again in a "
           "moment.")
            .arg(native(path)));
}

} // namespace Rolecall::Core::Config
