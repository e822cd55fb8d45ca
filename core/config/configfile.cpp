// SPDX-License-Identifier: Apache-2.0
#include "configfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>

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

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
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
    // final rename stays on one filesystem and is atomic.
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(path,
            ConfigFile::tr("Rolecall could not save %1: it could not create a temporary file in "
                           "%2 (%3). Check that you may write to that folder. The file was not "
                           "changed.")
                .arg(native(path), native(info.absolutePath()), file.errorString()));
    // Before any byte is written: a new file starts 0666 minus the umask.
    if (!file.setPermissions(wanted) || (file.permissions() & kModeBits) != wanted) {
        file.cancelWriting();
        return fileError(path,
            ConfigFile::tr("Rolecall could not set the permissions of the new %1 (%2). The file "
                           "was not changed.")
                .arg(native(path), file.errorString()));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fileError(path,
            ConfigFile::tr("Rolecall could not write %1 (%2). The file was not changed.").arg(native(path), reason));
    }
    if (stillCurrent && !stillCurrent()) {
        file.cancelWriting();
        return WriteOutcome::ChangedMeanwhile;
    }
    if (!file.commit())
        return fileError(path,
            ConfigFile::tr("Rolecall could not replace %1 (%2). The file was not changed.")
                .arg(native(path), file.errorString()));

    if ((QFileInfo(target).permissions() & kModeBits) != wanted && !QFile::setPermissions(target, wanted))
        return fileError(path,
            ConfigFile::tr("%1 was saved, but its permissions could not be kept. Check them "
                           "(ls -l) and make the file readable only by you.")
                .arg(native(path)));
    return WriteOutcome::Written;
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
    const Result<WriteOutcome> written = writeAtomically(path, bytes, {});
    if (!written)
        return written.error();
    return {};
}

Result<QByteArray> ConfigFile::save(
    const QString &path, const QByteArray &originalBytes, const QList<ConfigEdit> &edits)
{
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
