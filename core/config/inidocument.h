// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "knownkeys.h"
#include "util/sharedslices.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <utility>

namespace Rolecall::Core::Config {

/** A problem found in a config or credentials file, with its place. */
struct Diagnostic
{
    enum class Severity
    {
        Warning, ///< Rolecall reads it, but the AWS CLI may read it differently or refuse the file
        Error, ///< a line that cannot be read; it is skipped and the rest of the file loads
    };
    Severity severity = Severity::Error;
    QString file;
    int line = 0;
    QString message;

    /// "file:line: message", as compilers print it, so editors can jump there.
    QString toString() const;
};

/**
 * One `key = value` entry, with botocore's value semantics. The same object is a profile's setting
 * (Config::Setting): a profile's list of settings is its section's list of entries, shared, not
 * copied, unless botocore's merging changes it (a repeated section or key, [DEFAULT], or the
 * credentials file overriding the config file).
 */
struct IniEntry
{
    QString key; ///< lower-cased, as configparser's optionxform does (a shared constant for known keys)
    /// The value as botocore sees it: stripped; continuation lines joined with '\n'.
    QString value;
    /// `s3 =` followed by indented `key = value` lines: botocore's nested sub-section.
    QList<std::pair<QString, QString>> nested;
    QString file; ///< the file it is in
    int line = 0; ///< 1-based line of the key
    int lastLine = 0; ///< last line of its value (continuations included)
    KnownKey id = KnownKey::Other; ///< the key's number when Rolecall knows it (lookups compare it)
    bool isNested = false;
    bool fromCredentialsFile = false; ///< set when the credentials file is merged (SharedConfig)

    /// The same key: the same number, or for keys Rolecall does not know, the same text.
    bool sameKeyAs(const IniEntry &other) const
    {
        return id == other.id && (id != KnownKey::Other || key == other.key);
    }
};

/** One `[name]` block as it appears in the file (duplicate headers give separate blocks). */
struct IniSection
{
    QString name; ///< the text between '[' and the last ']' (configparser's permissive rule)
    int line = 0; ///< 1-based line of the header
    int lastLine = 0; ///< last line before the next header (or the end of the file)
    bool repeated = false; ///< a section of the same name comes earlier in the file
    bool hasRepeatedKey = false; ///< a key is set twice in this block
    QList<IniEntry> entries;
};

/**
 * An INI file read exactly as Python's configparser.RawConfigParser (which botocore uses) reads it,
 * while keeping every byte for the byte-preserving writer.
 *
 * Rules (configparser defaults): `=` and `:` delimiters, the first one splits; `#` and `;` start
 * comments only at the start of a line — text after a value is part of the value; keys are
 * lower-cased, section names are not; a line indented deeper than its key continues the value;
 * `[DEFAULT]` values apply to every section. Unlike botocore, a bad line does not make the whole
 * file unreadable: it becomes a Diagnostic (file and line) and the rest loads. Cases where the AWS
 * CLI would refuse the file (duplicate sections or keys, a byte order mark, text before the first
 * section) are warnings, and Rolecall reads them as configparser's non-strict mode would.
 */
class IniDocument
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Config::IniDocument)

public:
    struct LineSpan
    {
        qsizetype start = 0; ///< byte offset of the line
        qsizetype length = 0; ///< bytes without the line ending
        qsizetype eolLength = 0; ///< 2 for "\r\n", 1 for "\n" or a lone "\r" (Python's universal newlines)
    };

    IniDocument() = default;
    /// With TextLifetime::Process the decoded text is kept until the process ends and the names and
    /// values (and the file name they carry) are raw data over it: only for a process that reads
    /// once and exits (the profile listing). The default frees the text with its last value.
    static IniDocument parse(
        const QByteArray &bytes, const QString &fileName = {}, TextLifetime lifetime = TextLifetime::Shared);

    const QString &fileName() const { return m_fileName; }
    const QByteArray &bytes() const { return m_bytes; }
    const QList<IniSection> &sections() const { return m_sections; }
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const QList<LineSpan> &lines() const { return m_lines; }
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    /// Bytes of 1-based line @p line without its line ending.
    QByteArrayView lineBytes(int line) const;
    /// The line ending most lines use ("\n", "\r\n" or a classic Mac "\r"); "\n" for an empty file.
    QByteArray dominantEol() const;
    bool hasBom() const { return m_hasBom; }
    /// How long the text of the names and values lives (see parse()).
    TextLifetime textLifetime() const { return m_textLifetime; }
    /// True when botocore (the AWS CLI) would refuse the whole file; the reason is in a diagnostic.
    bool rejectedByBotocore() const { return m_rejectedByBotocore; }

private:
    QString m_fileName;
    QByteArray m_bytes;
    QList<LineSpan> m_lines;
    QList<IniSection> m_sections;
    QList<Diagnostic> m_diagnostics;
    bool m_hasBom = false;
    bool m_rejectedByBotocore = false;
    TextLifetime m_textLifetime = TextLifetime::Shared;

    friend class IniParser;
    friend class SharedConfig; // marks the credentials file's entries
};

/** Python's shlex.split (POSIX mode), which botocore uses on section names; false on bad quoting. */
bool shlexSplit(QStringView text, QStringList *parts);

} // namespace Rolecall::Core::Config

// Qt containers move these with memcpy when they grow (every member is itself relocatable).
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::Diagnostic, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::IniEntry, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::IniSection, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::IniDocument::LineSpan, Q_PRIMITIVE_TYPE);
