// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "configwriter.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Rolecall::Core::Config {

/**
 * Reading and saving ~/.aws/config and ~/.aws/credentials safely.
 *
 * Usage: read the bytes with read(), parse them (IniDocument::parse), show them, collect the user's
 * changes as ConfigEdit values, then call save() with the bytes you read. save() never leaves a
 * partial file: it writes a temporary file next to the target, sets its permissions, and renames it
 * over the target (QSaveFile); on any error the target keeps its old bytes.
 *
 * - **Permissions**: an existing file keeps its permission bits (set explicitly on the new file
 *   before the rename, and checked). A file without the owner's write bit is read-only on purpose
 *   and is not replaced. A new file is created 0600 — both files, since the config file
 *   may hold credential_process commands and SSO settings. Missing parent directories (~/.aws) are
 *   created 0700.
 * - **Symbolic links**: a linked file (dotfile managers such as stow, chezmoi or home-manager set
 *   these up) stays a link. Its final target is replaced atomically, with the temporary file created
 *   in the *target's* directory, so the rename never crosses filesystems and the link keeps pointing
 *   where it pointed. A dangling link creates its target; the target's directory must exist.
 * - **Concurrent changes**: if the file on disk no longer has the bytes you read, the edits are
 *   re-applied to what is there now (they are semantic), unless one conflicts with the other
 *   program's change (see ConfigWriter::rebase()); then nothing is written and the error names the
 *   file and what changed. The file is checked again just before the rename; if it changed in that
 *   moment, the whole save is retried (a bounded number of times). Rolecall's own writers (app and
 *   CLI) also take an advisory lock on the file's folder for the whole read-rebase-rename, so two of
 *   them saving at once never drop each other's change.
 */
class ConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Config::ConfigFile)

public:
    /// The bytes of @p path; a missing file (or a dangling link) reads as empty, not as an error.
    static Result<QByteArray> read(const QString &path);

    /**
     * Applies @p edits to @p path, which had @p originalBytes when the caller read it (empty for a
     * file that did not exist). Returns the bytes now on disk. When the edits change nothing, the
     * file is not touched (and a missing file is not created).
     */
    static Result<QByteArray> save(
        const QString &path, const QByteArray &originalBytes, const QList<ConfigEdit> &edits);

    /// Replaces the contents of @p path with @p bytes atomically, with the rules above but no
    /// conflict detection.
    static Result<void> write(const QString &path, const QByteArray &bytes);

    /// Where a save of @p path writes: the final target of a chain of symbolic links, else @p path.
    static Result<QString> writeTarget(const QString &path);
};

} // namespace Rolecall::Core::Config
