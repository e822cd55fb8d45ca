// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "inidocument.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace Rolecall::Core::Config {

/**
 * One semantic change to a config or credentials file, addressed by raw section header names
 * (`profile dev` in the config file, `dev` in the credentials file; see configSectionName() and
 * credentialsSectionName()).
 *
 * Edits are values: build them with the factory functions, collect them in a list and hand the list
 * to ConfigWriter::apply() or ConfigFile::save(). Because they say *what* to change rather than
 * *where*, the same list can be re-applied to a file that another program changed in the meantime.
 */
struct ConfigEdit
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Config::ConfigEdit)

public:
    enum class Kind
    {
        SetValue, ///< set `key` in `section` to `value`, adding the key if missing
        SetNested, ///< set `subKey` of the nested block `key` (`s3 =` / `sts =` style)
        RemoveKey, ///< remove `key` (every occurrence) from `section`; nothing if absent
        AddSection, ///< append `[section]` with `entries`; the section must not exist
        RemoveSection, ///< remove `[section]` (every block of that name)
        RenameSection, ///< rename `[section]` to `[newName]`, rewriting only the header lines
    };

    Kind kind = Kind::SetValue;
    QString section;
    QString key;
    QString subKey;
    QString value;
    QString newName;
    QList<std::pair<QString, QString>> entries;

    /// Sets @p key (case-insensitive, as configparser reads keys) to @p value, written as given.
    static ConfigEdit setValue(const QString &section, const QString &key, const QString &value);
    /// Sets `subKey = value` inside the nested block @p key, creating the block if needed.
    static ConfigEdit setNested(
        const QString &section, const QString &key, const QString &subKey, const QString &value);
    static ConfigEdit removeKey(const QString &section, const QString &key);
    static ConfigEdit addSection(const QString &name, const QList<std::pair<QString, QString>> &entries = {});
    static ConfigEdit removeSection(const QString &name);
    static ConfigEdit renameSection(const QString &oldName, const QString &newName);

    /// A short translated description, e.g. "set region in [profile dev]"; never contains a value.
    QString description() const;

    bool operator==(const ConfigEdit &other) const = default;
};

/**
 * The byte-preserving writer: applies ConfigEdit lists to an IniDocument's bytes.
 *
 * Every byte the edits do not touch stays as it was: comments, order, blank lines, unknown keys,
 * indentation, spacing around `=`, CRLF line endings, a byte order mark and a missing final newline.
 *
 * - setValue replaces only the value of an existing key, keeping its spelling, indentation and
 *   delimiter spacing; a multi-line value or nested block is replaced as a whole entry. When a
 *   section appears more than once, the last occurrence of the key is edited (configparser's
 *   later value wins). A new key goes right after the section's last entry (comments and blank
 *   lines leading to the next section stay below it), with the file's dominant line ending.
 * - removeKey removes the entry's lines (continuations included) from every block of the section.
 * - addSection appends the section at the end, separated by exactly one blank line; existing
 *   trailing blank lines are used rather than added to.
 * - removeSection removes the header through the line before the next header, except a comment
 *   block directly above the next header and separated from this section by a blank line (it
 *   describes the next section). A comment block directly above this header and separated from
 *   what precedes it by a blank line goes with the section. Blank lines are tidied: two blank
 *   lines never remain where there was one, and no blank lines are left at the end of the file.
 * - renameSection rewrites only the text between `[` and the last `]` of every header of that name.
 *
 * After applying, the result is parsed again and compared with the expected configparser view
 * (the edited keys have the new values, everything else equals the old parse); on any difference
 * apply() returns an error instead of bytes. Keys, values and names botocore could not read back
 * are refused up front with Error::Kind::Validation naming the key.
 */
class ConfigWriter
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Config::ConfigWriter)

public:
    /// The new bytes after applying @p edits in order, or why not (nothing is half-applied).
    static Result<QByteArray> apply(const IniDocument &document, const QList<ConfigEdit> &edits);
    /// Checks one edit's names and values without a document (Error::Kind::Validation).
    static Result<void> validate(const ConfigEdit &edit);

    /**
     * Re-targets @p edits, made against @p base, onto @p current, the file as it is on disk now.
     *
     * An edit conflicts when another program changed what it is about since @p base was read: the
     * key it sets or removes now has a different value (unless it already has the new one), the
     * section it edits or renames was removed or renamed, the section it adds or the new name it
     * renames to now exists, or the section it removes was changed. A conflict is an
     * Error::Kind::Config naming @p fileName and what changed (never a value). Removing a
     * section that is already gone is dropped from the returned list.
     */
    static Result<QList<ConfigEdit>> rebase(
        const IniDocument &base, const IniDocument &current, const QList<ConfigEdit> &edits, const QString &fileName);
};

/**
 * The config-file section of profile @p profile: `default` for "default", else `profile NAME`,
 * with NAME double-quoted (and `\` and `"` escaped) when botocore's shlex.split would otherwise
 * split or unquote it.
 */
QString configSectionName(const QString &profile);

/** The credentials-file section of profile @p profile: the bare name. */
QString credentialsSectionName(const QString &profile);

} // namespace Rolecall::Core::Config
