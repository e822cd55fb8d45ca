// SPDX-License-Identifier: Apache-2.0
#include "configwriter.h"

#include <QDir>
#include <QHash>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Config {

namespace {

using Pairs = QList<std::pair<QString, QString>>;

// ---------------------------------------------------------------------------------------------
// The configparser view of a document: duplicate sections merged, a key keeps the position of its
// first occurrence and the value of its last (RawConfigParser, strict=False). This is what the
// writer promises to change and nothing else.

/// botocore's dict of a nested block: first-insertion order, last value wins.
Pairs asDict(const Pairs &pairs)
{
    Pairs dict;
    for (const std::pair<QString, QString> &pair : pairs) {
        const auto it = std::find_if(
            dict.begin(), dict.end(), [&pair](const std::pair<QString, QString> &p) { return p.first == pair.first; });
        if (it != dict.end())
            it->second = pair.second;
        else
            dict.append(pair);
    }
    return dict;
}

struct ModelEntry
{
    QString key;
    QString value;
    bool isNested = false;
    Pairs nested;
    /// Expected side after setNested: the raw text is not predicted, only the nested dict.
    bool compareNestedOnly = false;
};

struct ModelSection
{
    QString name;
    QList<ModelEntry> entries;

    qsizetype indexOf(const QString &key) const
    {
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries.at(i).key == key)
                return i;
        }
        return -1;
    }
    const ModelEntry *find(const QString &key) const
    {
        const qsizetype i = indexOf(key);
        return i < 0 ? nullptr : &entries.at(i);
    }
};

struct Model
{
    QList<ModelSection> sections;

    qsizetype indexOf(const QString &name) const
    {
        for (qsizetype i = 0; i < sections.size(); ++i) {
            if (sections.at(i).name == name)
                return i;
        }
        return -1;
    }
    const ModelSection *find(const QString &name) const
    {
        const qsizetype i = indexOf(name);
        return i < 0 ? nullptr : &sections.at(i);
    }
    const ModelEntry *entry(const QString &section, const QString &key) const
    {
        const ModelSection *s = find(section);
        return s ? s->find(key) : nullptr;
    }

    static Model from(const IniDocument &doc)
    {
        Model model;
        for (const IniSection &block : doc.sections()) {
            qsizetype index = model.indexOf(block.name);
            if (index < 0) {
                model.sections.append(ModelSection {block.name, {}});
                index = model.sections.size() - 1;
            }
            ModelSection &section = model.sections[index];
            for (const IniEntry &entry : block.entries) {
                ModelEntry modelEntry {entry.key, entry.value, entry.isNested, asDict(entry.nested), false};
                const qsizetype at = section.indexOf(entry.key);
                if (at >= 0)
                    section.entries[at] = modelEntry;
                else
                    section.entries.append(modelEntry);
            }
        }
        return model;
    }
};

bool sameEntry(const ModelEntry *a, const ModelEntry *b)
{
    if (!a || !b)
        return a == b;
    return a->value == b->value && a->isNested == b->isNested && a->nested == b->nested;
}

bool sameSection(const ModelSection *a, const ModelSection *b)
{
    if (!a || !b)
        return a == b;
    if (a->entries.size() != b->entries.size())
        return false;
    for (qsizetype i = 0; i < a->entries.size(); ++i) {
        if (a->entries.at(i).key != b->entries.at(i).key || !sameEntry(&a->entries.at(i), &b->entries.at(i)))
            return false;
    }
    return true;
}

/// The first difference between what the edits should give and what the file reads as; empty if none.
/// Names keys and sections only, never values (they may be secrets).
QString difference(const Model &expected, const Model &actual)
{
    const qsizetype count = std::max(expected.sections.size(), actual.sections.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (i >= expected.sections.size())
            return u"unexpected section [%1]"_s.arg(actual.sections.at(i).name);
        if (i >= actual.sections.size())
            return u"section [%1] is missing"_s.arg(expected.sections.at(i).name);
        const ModelSection &e = expected.sections.at(i);
        const ModelSection &a = actual.sections.at(i);
        if (e.name != a.name)
            return u"section [%1] where [%2] was expected"_s.arg(a.name, e.name);
        const qsizetype entries = std::max(e.entries.size(), a.entries.size());
        for (qsizetype j = 0; j < entries; ++j) {
            if (j >= e.entries.size())
                return u"unexpected key %1 in [%2]"_s.arg(a.entries.at(j).key, e.name);
            if (j >= a.entries.size())
                return u"key %1 is missing from [%2]"_s.arg(e.entries.at(j).key, e.name);
            const ModelEntry &ee = e.entries.at(j);
            const ModelEntry &ae = a.entries.at(j);
            if (ee.key != ae.key)
                return u"key %1 in [%2] where %3 was expected"_s.arg(ae.key, e.name, ee.key);
            const bool same = ee.compareNestedOnly ? (ae.isNested && ee.nested == ae.nested) : sameEntry(&ee, &ae);
            if (!same)
                return u"key %1 in [%2] does not read back as written"_s.arg(ee.key, e.name);
        }
    }
    return {};
}

void expectChange(Model &model, const ConfigEdit &edit)
{
    const QString key = edit.key.toLower();
    const qsizetype index = model.indexOf(edit.section);
    switch (edit.kind) {
    case ConfigEdit::Kind::SetValue: {
        ModelSection &section = model.sections[index];
        const ModelEntry entry {key, edit.value, false, {}, false};
        const qsizetype at = section.indexOf(key);
        if (at >= 0)
            section.entries[at] = entry;
        else
            section.entries.append(entry);
        break;
    }
    case ConfigEdit::Kind::SetNested: {
        ModelSection &section = model.sections[index];
        const qsizetype at = section.indexOf(key);
        if (at >= 0 && section.entries.at(at).isNested) {
            ModelEntry &entry = section.entries[at];
            Pairs nested = entry.nested;
            nested.append({edit.subKey, edit.value});
            entry.nested = asDict(nested);
            entry.compareNestedOnly = true;
        } else {
            const ModelEntry entry {key, {}, true, {{edit.subKey, edit.value}}, true};
            if (at >= 0)
                section.entries[at] = entry;
            else
                section.entries.append(entry);
        }
        break;
    }
    case ConfigEdit::Kind::RemoveKey: {
        ModelSection &section = model.sections[index];
        const qsizetype at = section.indexOf(key);
        if (at >= 0)
            section.entries.removeAt(at);
        break;
    }
    case ConfigEdit::Kind::AddSection: {
        ModelSection section {edit.section, {}};
        for (const std::pair<QString, QString> &entry : edit.entries)
            section.entries.append(ModelEntry {entry.first.toLower(), entry.second, false, {}, false});
        model.sections.append(section);
        break;
    }
    case ConfigEdit::Kind::RemoveSection:
        model.sections.removeAt(index);
        break;
    case ConfigEdit::Kind::RenameSection:
        model.sections[index].name = edit.newName;
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// The file as lines of bytes, each with its own line ending; the bytes before the first line (a
// byte order mark) are kept apart. Joining them gives the original bytes back exactly.

struct Line
{
    QByteArray text;
    QByteArray eol;
    bool added = false; ///< written by an edit (not a line of the parsed file)
};

class Lines
{
public:
    explicit Lines(const IniDocument &doc)
        : m_eol(doc.dominantEol())
    {
        const QByteArray &bytes = doc.bytes();
        const QList<IniDocument::LineSpan> &spans = doc.lines();
        m_prefix = bytes.left(spans.isEmpty() ? bytes.size() : spans.first().start);
        m_lines.reserve(spans.size());
        for (const IniDocument::LineSpan &span : spans)
            m_lines.append(
                {bytes.mid(span.start, span.length), bytes.mid(span.start + span.length, span.eolLength), false});
    }

    QByteArray join() const
    {
        // A lone "\r" line ending followed by an empty line ending in "\n" would read back as one
        // "\r\n" ending: a line would vanish. Parsed files never have that pair, but an edit can make
        // it (inserting next to such lines, or removing the lines between them). Then an added line
        // ends in "\n" instead, or else the empty line (next to the change) ends in "\r".
        QByteArray out = m_prefix;
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const Line &line = m_lines.at(i);
            const bool nextIsBareLf
                = i + 1 < m_lines.size() && m_lines.at(i + 1).text.isEmpty() && m_lines.at(i + 1).eol == "\n";
            out += line.text;
            if (line.added && line.eol == "\r" && nextIsBareLf)
                out += '\n';
            else if (line.text.isEmpty() && line.eol == "\n" && out.endsWith('\r'))
                out += '\r';
            else
                out += line.eol;
        }
        return out;
    }

    int count() const { return static_cast<int>(m_lines.size()); }
    // Lines are numbered from 1, as in IniDocument.
    const QByteArray &text(int line) const { return m_lines.at(line - 1).text; }
    void setText(int line, const QByteArray &text) { m_lines[line - 1].text = text; }
    QString stripped(int line) const { return QString::fromUtf8(text(line)).trimmed(); }
    bool isBlank(int line) const { return stripped(line).isEmpty(); }
    bool isComment(int line) const
    {
        const QString s = stripped(line);
        return s.startsWith(u'#') || s.startsWith(u';');
    }
    /// Indentation as the parser measures it (leading white-space characters).
    int indent(int line) const
    {
        const QString decoded = QString::fromUtf8(text(line));
        int i = 0;
        while (i < decoded.size() && decoded.at(i).isSpace())
            ++i;
        return i;
    }

    /// Inserts @p texts after line @p line (0: at the top), with the dominant line ending. An
    /// unterminated last line gets a line ending first.
    void insertAfter(int line, const QList<QByteArray> &texts)
    {
        if (line > 0 && m_lines.at(line - 1).eol.isEmpty())
            m_lines[line - 1].eol = m_eol;
        for (qsizetype k = 0; k < texts.size(); ++k)
            m_lines.insert(line + k, Line {texts.at(k), m_eol, true});
    }

    /// Replaces lines @p first..@p last with @p texts, keeping the first line's ending (and a
    /// missing final line ending).
    void replace(int first, int last, const QList<QByteArray> &texts)
    {
        const bool unterminated = m_lines.at(last - 1).eol.isEmpty();
        const QByteArray eol = m_lines.at(first - 1).eol.isEmpty() ? m_eol : m_lines.at(first - 1).eol;
        m_lines.remove(first - 1, last - first + 1);
        for (qsizetype k = 0; k < texts.size(); ++k) {
            const bool isLast = k == texts.size() - 1;
            m_lines.insert(first - 1 + k, Line {texts.at(k), isLast && unterminated ? QByteArray() : eol, true});
        }
    }

    /// Removes lines @p first..@p last and tidies the blank lines around them: blank lines that
    /// would follow another blank line (or start the file) go too, as do blank lines left at the
    /// end of the file. A missing final line ending stays missing.
    void removeTidy(int first, int last)
    {
        const int n = count();
        if (first == 1 || isBlank(first - 1)) {
            while (last < n && isBlank(last + 1))
                ++last;
        }
        if (last == n) {
            while (first > 1 && isBlank(first - 1))
                --first;
        }
        const bool unterminated = m_lines.at(n - 1).eol.isEmpty();
        m_lines.remove(first - 1, last - first + 1);
        if (last == n && unterminated && first > 1)
            m_lines[first - 2].eol.clear();
    }

private:
    QByteArray m_prefix;
    QList<Line> m_lines;
    QByteArray m_eol;
};

// ---------------------------------------------------------------------------------------------
// Helpers on the parsed document and on single lines.

QList<const IniSection *> blocksOf(const IniDocument &doc, const QString &name)
{
    QList<const IniSection *> blocks;
    for (const IniSection &section : doc.sections()) {
        if (section.name == name)
            blocks.append(&section);
    }
    return blocks;
}

/// The occurrence of @p key that wins (the last one in file order), or null.
const IniEntry *winningEntry(const QList<const IniSection *> &blocks, const QString &key)
{
    const IniEntry *found = nullptr;
    for (const IniSection *block : blocks) {
        for (const IniEntry &entry : block->entries) {
            if (entry.key == key)
                found = &entry;
        }
    }
    return found;
}

bool isBlankByte(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray leadingWhitespace(const QByteArray &text)
{
    qsizetype i = 0;
    while (i < text.size() && isBlankByte(text.at(i)))
        ++i;
    return text.left(i);
}

/// The first '=' or ':' of a key line: configparser's delimiter.
qsizetype delimiterOf(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '=' || text.at(i) == ':')
            return i;
    }
    return -1;
}

/// The line up to where its value starts (delimiter spacing kept), ready to take @p value.
QByteArray withValue(const QByteArray &text, qsizetype delimiter, const QByteArray &value)
{
    qsizetype start = delimiter + 1;
    while (start < text.size() && isBlankByte(text.at(start)))
        ++start;
    QByteArray head = text.left(start);
    if (value.isEmpty()) {
        while (head.size() > delimiter + 1 && isBlankByte(head.back()))
            head.chop(1);
    } else if (start == delimiter + 1 && start == text.size() && delimiter > 0 && isBlankByte(text.at(delimiter - 1))) {
        head += ' '; // "key =" had no value: write "key = value", matching the space before '='
    }
    return head + value;
}

QByteArray entryLine(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return key.toUtf8() + " =";
    return key.toUtf8() + " = " + value.toUtf8();
}

Error validationError(const QString &field, const QString &message)
{
    Error error;
    error.kind = Error::Kind::Validation;
    error.field = field;
    error.message = message;
    return error;
}

Error withFile(Error error, const QString &fileName)
{
    if (fileName.isEmpty())
        return error;
    error.context = QDir::toNativeSeparators(fileName);
    error.message = ConfigWriter::tr("%1: %2").arg(error.context, error.message);
    return error;
}

Error missingSection(const QString &name)
{
    return Error::config(ConfigWriter::tr("There is no section [%1] in the file. It may have been removed or renamed; "
                                          "reload the file and try again.")
                             .arg(name));
}

bool hasLineBreak(QStringView text)
{
    return text.contains(u'\n') || text.contains(u'\r');
}

/// Python's str.splitlines() boundaries, which botocore uses on nested blocks.
bool hasPythonLineBoundary(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u == u'\n' || u == u'\r' || u == 0x0b || u == 0x0c || u == 0x1c || u == 0x1d || u == 0x1e || u == 0x85
            || u == 0x2028 || u == 0x2029;
    });
}

bool hasOuterSpace(QStringView text)
{
    return !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
}

Result<void> checkSectionName(const QString &name)
{
    if (name.isEmpty())
        return validationError(name, ConfigWriter::tr("A section name cannot be empty."));
    if (hasLineBreak(name))
        return validationError(name,
            ConfigWriter::tr("The section name \"%1\" contains a line break; a section "
                             "header must fit on one line.")
                .arg(name.simplified()));
    return {};
}

Result<void> checkKey(const QString &key, bool nested)
{
    if (key.isEmpty())
        return validationError(key, ConfigWriter::tr("A setting needs a name."));
    if (nested ? hasPythonLineBoundary(key) : hasLineBreak(key))
        return validationError(key,
            ConfigWriter::tr("The setting name \"%1\" contains a line break; a setting "
                             "must fit on one line.")
                .arg(key.simplified()));
    if (hasOuterSpace(key))
        return validationError(key,
            ConfigWriter::tr("The setting name \"%1\" starts or ends with white space, "
                             "which the AWS CLI drops. Remove it.")
                .arg(key));
    for (const QChar delimiter : nested ? u"="_s : u"=:"_s) {
        if (key.contains(delimiter))
            return validationError(key,
                ConfigWriter::tr("The setting name \"%1\" contains \"%2\", which the AWS CLI "
                                 "reads as the end of the name. Choose a name without it.")
                    .arg(key, delimiter));
    }
    if (key.startsWith(u'#') || key.startsWith(u';') || key.startsWith(u'['))
        return validationError(key,
            ConfigWriter::tr("The setting name \"%1\" starts with \"%2\", which makes the "
                             "line a comment or a section header for the AWS CLI.")
                .arg(key, key.first(1)));
    return {};
}

Result<void> checkValue(const QString &key, const QString &value, bool nested)
{
    if (nested ? hasPythonLineBoundary(value) : hasLineBreak(value))
        return validationError(key,
            ConfigWriter::tr("The value of %1 contains a line break. Values are written on "
                             "one line; remove the line break.")
                .arg(key));
    if (hasOuterSpace(value))
        return validationError(key,
            ConfigWriter::tr("The value of %1 starts or ends with white space, which the AWS "
                             "CLI drops. Remove it.")
                .arg(key));
    return {};
}

// ---------------------------------------------------------------------------------------------
// The operations. Each works on freshly parsed bytes and returns new bytes.

void insertIntoSection(Lines &lines, const IniSection &block, const QList<QByteArray> &texts)
{
    int after = 0;
    QByteArray indent;
    if (!block.entries.isEmpty()) {
        // After the last entry, indented like it: lines below it were not continuations of it, so
        // they cannot become continuations of the new key either.
        after = block.entries.last().lastLine;
        indent = leadingWhitespace(lines.text(block.entries.last().line));
    } else {
        // No key is open in an empty section, so lines below the header (bad lines, an indented
        // next header) were never continuations. Keep it so: go below any bad lines, and indent at
        // least as deep as the next header.
        after = block.line;
        for (int line = block.line + 1; line <= block.lastLine; ++line) {
            if (!lines.isBlank(line) && !lines.isComment(line))
                after = line;
        }
        if (block.lastLine < lines.count())
            indent = leadingWhitespace(lines.text(block.lastLine + 1));
    }
    QList<QByteArray> indented;
    for (const QByteArray &text : texts)
        indented.append(indent + text);
    lines.insertAfter(after, indented);
}

Result<QByteArray> setValue(const IniDocument &doc, const ConfigEdit &edit)
{
    const QList<const IniSection *> blocks = blocksOf(doc, edit.section);
    if (blocks.isEmpty())
        return missingSection(edit.section);
    Lines lines(doc);
    const QByteArray value = edit.value.toUtf8();
    if (const IniEntry *entry = winningEntry(blocks, edit.key.toLower())) {
        const QByteArray &text = lines.text(entry->line);
        lines.replace(entry->line, entry->lastLine, {withValue(text, delimiterOf(text), value)});
    } else {
        insertIntoSection(lines, *blocks.last(), {entryLine(edit.key, edit.value)});
    }
    return lines.join();
}

Result<QByteArray> setNested(const IniDocument &doc, const ConfigEdit &edit)
{
    const QList<const IniSection *> blocks = blocksOf(doc, edit.section);
    if (blocks.isEmpty())
        return missingSection(edit.section);
    Lines lines(doc);
    const QByteArray subLine = entryLine(edit.subKey, edit.value);
    const IniEntry *entry = winningEntry(blocks, edit.key.toLower());
    if (!entry) {
        insertIntoSection(lines, *blocks.last(), {entryLine(edit.key, {}), "  " + subLine});
        return lines.join();
    }
    const QByteArray keyText = lines.text(entry->line);
    const QByteArray keyIndent = leadingWhitespace(keyText);
    if (!entry->isNested) {
        lines.replace(
            entry->line, entry->lastLine, {keyText.left(delimiterOf(keyText) + 1), keyIndent + "  " + subLine});
        return lines.join();
    }
    // Walk the block's lines as the parser does: deeper-indented lines are values; comments and
    // blank lines are skipped; anything else (a bad line) resets the indentation level.
    int level = lines.indent(entry->line);
    int found = 0;
    int lastValueLine = entry->line;
    for (int line = entry->line + 1; line <= entry->lastLine; ++line) {
        const QString stripped = lines.stripped(line);
        if (stripped.isEmpty() || stripped.startsWith(u'#') || stripped.startsWith(u';'))
            continue;
        const int indent = lines.indent(line);
        if (indent <= level) {
            level = indent;
            continue;
        }
        lastValueLine = line;
        const qsizetype eq = stripped.indexOf(u'=');
        if (eq >= 0 && QStringView(stripped).first(eq).trimmed() == edit.subKey)
            found = line;
    }
    if (found > 0) {
        const QByteArray &text = lines.text(found);
        lines.setText(found, withValue(text, text.indexOf('='), edit.value.toUtf8()));
    } else {
        QByteArray indent = leadingWhitespace(lines.text(lastValueLine));
        if (lastValueLine == entry->line || indent.size() <= level)
            indent = keyIndent + "  ";
        lines.insertAfter(lastValueLine, {indent + subLine});
    }
    return lines.join();
}

Result<QByteArray> removeKey(const IniDocument &doc, const ConfigEdit &edit)
{
    const QList<const IniSection *> blocks = blocksOf(doc, edit.section);
    if (blocks.isEmpty())
        return missingSection(edit.section);
    const QString key = edit.key.toLower();
    QList<const IniEntry *> entries;
    for (const IniSection *block : blocks) {
        for (const IniEntry &entry : block->entries) {
            if (entry.key == key)
                entries.append(&entry);
        }
    }
    Lines lines(doc);
    // Bottom up, so that the line numbers of the entries still to remove stay valid.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        lines.removeTidy((*it)->line, (*it)->lastLine);
    return lines.join();
}

void removeBlock(Lines &lines, const IniSection &block)
{
    int first = block.line;
    int last = block.lastLine;
    // A comment block directly above the header, after a blank line, describes this section.
    int j = first - 1;
    while (j >= 1 && lines.isComment(j))
        --j;
    if (j < first - 1 && j >= 1 && lines.isBlank(j))
        first = j + 1;
    // A comment block directly above the next header, after a blank line, describes that one.
    if (last < lines.count()) {
        const int contentEnd = block.entries.isEmpty() ? block.line : block.entries.last().lastLine;
        j = last;
        while (j > contentEnd && lines.isComment(j))
            --j;
        if (j < last && j > contentEnd && lines.isBlank(j))
            last = j;
    }
    lines.removeTidy(first, last);
}

Result<QByteArray> removeSection(const IniDocument &doc, const ConfigEdit &edit)
{
    if (blocksOf(doc, edit.section).isEmpty())
        return missingSection(edit.section);
    QByteArray bytes = doc.bytes();
    // One block at a time, last first; every pass removes a header, so this ends.
    for (;;) {
        const IniDocument current = IniDocument::parse(bytes, doc.fileName());
        const QList<const IniSection *> blocks = blocksOf(current, edit.section);
        if (blocks.isEmpty())
            return bytes;
        Lines lines(current);
        removeBlock(lines, *blocks.last());
        bytes = lines.join();
    }
}

Result<QByteArray> renameSection(const IniDocument &doc, const ConfigEdit &edit)
{
    const QList<const IniSection *> blocks = blocksOf(doc, edit.section);
    if (blocks.isEmpty())
        return missingSection(edit.section);
    if (edit.newName == edit.section)
        return doc.bytes();
    if (!blocksOf(doc, edit.newName).isEmpty())
        return Error::config(ConfigWriter::tr("[%1] cannot be renamed to [%2]: a section [%2] already exists.")
                                 .arg(edit.section, edit.newName));
    Lines lines(doc);
    for (const IniSection *block : blocks) {
        QByteArray text = lines.text(block->line);
        const qsizetype open = text.indexOf('[');
        const qsizetype close = text.lastIndexOf(']');
        text.replace(open + 1, close - open - 1, edit.newName.toUtf8());
        lines.setText(block->line, text);
    }
    return lines.join();
}

Result<QByteArray> addSection(const IniDocument &doc, const ConfigEdit &edit)
{
    if (!blocksOf(doc, edit.section).isEmpty())
        return Error::config(ConfigWriter::tr("A section [%1] already exists.").arg(edit.section));
    Lines lines(doc);
    QList<QByteArray> texts {'[' + edit.section.toUtf8() + ']'};
    for (const std::pair<QString, QString> &entry : edit.entries)
        texts.append(entryLine(entry.first, entry.second));
    int lastContent = 0;
    for (int line = lines.count(); line >= 1; --line) {
        if (!lines.isBlank(line)) {
            lastContent = line;
            break;
        }
    }
    if (lastContent == 0) {
        lines.insertAfter(0, texts);
    } else if (lastContent == lines.count()) {
        texts.prepend(QByteArray());
        lines.insertAfter(lastContent, texts);
    } else {
        // Use the first trailing blank line as the separator; any further ones stay at the end.
        lines.insertAfter(lastContent + 1, texts);
    }
    return lines.join();
}

Result<QByteArray> applyOne(const IniDocument &doc, const ConfigEdit &edit)
{
    switch (edit.kind) {
    case ConfigEdit::Kind::SetValue:
        return setValue(doc, edit);
    case ConfigEdit::Kind::SetNested:
        return setNested(doc, edit);
    case ConfigEdit::Kind::RemoveKey:
        return removeKey(doc, edit);
    case ConfigEdit::Kind::AddSection:
        return addSection(doc, edit);
    case ConfigEdit::Kind::RemoveSection:
        return removeSection(doc, edit);
    case ConfigEdit::Kind::RenameSection:
        return renameSection(doc, edit);
    }
    Q_UNREACHABLE();
    return doc.bytes();
}

} // namespace

// ---------------------------------------------------------------------------------------------

ConfigEdit ConfigEdit::setValue(const QString &section, const QString &key, const QString &value)
{
    ConfigEdit edit;
    edit.kind = Kind::SetValue;
    edit.section = section;
    edit.key = key;
    edit.value = value;
    return edit;
}

ConfigEdit ConfigEdit::setNested(
    const QString &section, const QString &key, const QString &subKey, const QString &value)
{
    ConfigEdit edit;
    edit.kind = Kind::SetNested;
    edit.section = section;
    edit.key = key;
    edit.subKey = subKey;
    edit.value = value;
    return edit;
}

ConfigEdit ConfigEdit::removeKey(const QString &section, const QString &key)
{
    ConfigEdit edit;
    edit.kind = Kind::RemoveKey;
    edit.section = section;
    edit.key = key;
    return edit;
}

ConfigEdit ConfigEdit::addSection(const QString &name, const QList<std::pair<QString, QString>> &entries)
{
    ConfigEdit edit;
    edit.kind = Kind::AddSection;
    edit.section = name;
    edit.entries = entries;
    return edit;
}

ConfigEdit ConfigEdit::removeSection(const QString &name)
{
    ConfigEdit edit;
    edit.kind = Kind::RemoveSection;
    edit.section = name;
    return edit;
}

ConfigEdit ConfigEdit::renameSection(const QString &oldName, const QString &newName)
{
    ConfigEdit edit;
    edit.kind = Kind::RenameSection;
    edit.section = oldName;
    edit.newName = newName;
    return edit;
}

QString ConfigEdit::description() const
{
    switch (kind) {
    case Kind::SetValue:
        return tr("set %1 in [%2]").arg(key, section);
    case Kind::SetNested:
        return tr("set %1.%2 in [%3]").arg(key, subKey, section);
    case Kind::RemoveKey:
        return tr("remove %1 from [%2]").arg(key, section);
    case Kind::AddSection:
        return tr("add [%1]").arg(section);
    case Kind::RemoveSection:
        return tr("remove [%1]").arg(section);
    case Kind::RenameSection:
        return tr("rename [%1] to [%2]").arg(section, newName);
    }
    return {};
}

Result<void> ConfigWriter::validate(const ConfigEdit &edit)
{
    if (Result<void> ok = checkSectionName(edit.section); !ok)
        return ok;
    switch (edit.kind) {
    case ConfigEdit::Kind::SetValue:
        if (Result<void> ok = checkKey(edit.key, false); !ok)
            return ok;
        return checkValue(edit.key, edit.value, false);
    case ConfigEdit::Kind::SetNested:
        if (Result<void> ok = checkKey(edit.key, false); !ok)
            return ok;
        if (Result<void> ok = checkKey(edit.subKey, true); !ok)
            return ok;
        return checkValue(edit.subKey, edit.value, true);
    case ConfigEdit::Kind::RemoveKey:
        return checkKey(edit.key, false);
    case ConfigEdit::Kind::AddSection: {
        QStringList seen;
        for (const std::pair<QString, QString> &entry : edit.entries) {
            if (Result<void> ok = checkKey(entry.first, false); !ok)
                return ok;
            if (Result<void> ok = checkValue(entry.first, entry.second, false); !ok)
                return ok;
            if (seen.contains(entry.first.toLower()))
                return validationError(
                    entry.first, tr("%1 is given twice for the new section [%2].").arg(entry.first, edit.section));
            seen.append(entry.first.toLower());
        }
        return {};
    }
    case ConfigEdit::Kind::RemoveSection:
        return {};
    case ConfigEdit::Kind::RenameSection:
        return checkSectionName(edit.newName);
    }
    return {};
}

Result<QByteArray> ConfigWriter::apply(const IniDocument &document, const QList<ConfigEdit> &edits)
{
    const QString &fileName = document.fileName();
    for (const ConfigEdit &edit : edits) {
        if (Result<void> ok = validate(edit); !ok)
            return withFile(ok.error(), fileName);
    }
    if (edits.isEmpty())
        return document.bytes();

    Model expected = Model::from(document);
    QByteArray bytes = document.bytes();
    for (const ConfigEdit &edit : edits) {
        const IniDocument current = IniDocument::parse(bytes, fileName);
        Result<QByteArray> next = applyOne(current, edit);
        if (!next)
            return withFile(next.error(), fileName);
        bytes = std::move(next).value();
        expectChange(expected, edit);
    }

    // Read the result back as botocore would and check that exactly the requested change happened.
    const IniDocument result = IniDocument::parse(bytes, fileName);
    const QString problem = difference(expected, Model::from(result));
    if (problem.isEmpty() && result.rejectedByBotocore() && !document.rejectedByBotocore()) {
        // E.g. renaming a repeated [DEFAULT] (which configparser allows) into repeated sections.
        QString reason;
        for (const Diagnostic &diagnostic : result.diagnostics()) {
            const bool isNew = std::none_of(document.diagnostics().cbegin(), document.diagnostics().cend(),
                [&diagnostic](const Diagnostic &old) { return old.message == diagnostic.message; });
            if (isNew) {
                reason = diagnostic.message;
                break;
            }
        }
        return withFile(Error::config(tr("The change would make the AWS CLI refuse the whole file: %1 The file was "
                                         "not changed.")
                                          .arg(reason)),
            fileName);
    }
    if (!problem.isEmpty())
        return withFile(Error::config(tr("Rolecall stopped before saving because the result would not read back as "
                                         "intended (%1). The file was not changed; please report this.")
                                          .arg(problem)),
            fileName);
    return bytes;
}

Result<QList<ConfigEdit>> ConfigWriter::rebase(
    const IniDocument &base, const IniDocument &current, const QList<ConfigEdit> &edits, const QString &fileName)
{
    const Model before = Model::from(base);
    const Model now = Model::from(current);
    // Sections named in the edits, mapped to their name in the base (renames), or to nothing when
    // an earlier edit of the list creates them.
    QHash<QString, std::optional<QString>> origin;
    const auto baseName = [&origin](const QString &name) -> std::optional<QString> {
        const auto it = origin.constFind(name);
        return it == origin.constEnd() ? std::optional<QString>(name) : *it;
    };

    QStringList conflicts;
    QList<ConfigEdit> rebased;
    for (const ConfigEdit &edit : edits) {
        const std::optional<QString> name = baseName(edit.section);
        const bool inBase = name && before.find(*name);
        const bool sectionGone = inBase && !now.find(*name);
        const QString key = edit.key.toLower();
        bool keep = true;
        switch (edit.kind) {
        case ConfigEdit::Kind::SetValue:
        case ConfigEdit::Kind::SetNested:
        case ConfigEdit::Kind::RemoveKey: {
            if (sectionGone) {
                conflicts.append(tr("[%1] was removed or renamed").arg(edit.section));
                break;
            }
            if (!inBase)
                break;
            const ModelEntry *was = before.entry(*name, key);
            const ModelEntry *is = now.entry(*name, key);
            if (sameEntry(was, is))
                break;
            bool alreadyDone = false;
            if (edit.kind == ConfigEdit::Kind::SetValue) {
                alreadyDone = is && !is->isNested && is->value == edit.value;
            } else if (edit.kind == ConfigEdit::Kind::RemoveKey) {
                alreadyDone = !is;
            } else {
                const auto subValue = [&edit](const ModelEntry *entry) -> std::optional<QString> {
                    if (!entry || !entry->isNested)
                        return std::nullopt;
                    for (const std::pair<QString, QString> &pair : entry->nested) {
                        if (pair.first == edit.subKey)
                            return pair.second;
                    }
                    return std::nullopt;
                };
                const bool sameShape = (was == nullptr) == (is == nullptr) && (!was || was->isNested == is->isNested);
                alreadyDone = (is && is->isNested && subValue(is) == edit.value)
                    || (sameShape && subValue(was) == subValue(is));
            }
            if (!alreadyDone)
                conflicts.append(tr("%1 in [%2] was changed").arg(edit.key, edit.section));
            break;
        }
        case ConfigEdit::Kind::AddSection:
            if (!before.find(edit.section) && now.find(edit.section))
                conflicts.append(tr("[%1] was added").arg(edit.section));
            origin.insert(edit.section, std::nullopt);
            break;
        case ConfigEdit::Kind::RemoveSection:
            if (sectionGone)
                keep = false; // already done
            else if (inBase && !sameSection(before.find(*name), now.find(*name)))
                conflicts.append(tr("[%1] was changed").arg(edit.section));
            origin.insert(edit.section, std::nullopt);
            break;
        case ConfigEdit::Kind::RenameSection:
            if (sectionGone)
                conflicts.append(tr("[%1] was removed or renamed").arg(edit.section));
            if (!before.find(edit.newName) && now.find(edit.newName))
                conflicts.append(tr("[%1] was added").arg(edit.newName));
            origin.insert(edit.newName, name);
            origin.insert(edit.section, std::nullopt);
            break;
        }
        if (keep)
            rebased.append(edit);
    }
    if (!conflicts.isEmpty()) {
        conflicts.removeDuplicates();
        const QString file = QDir::toNativeSeparators(fileName);
        Error error = Error::config(tr("%1 was changed by another program after Rolecall read it: %2. Nothing was "
                                       "saved and the other change was kept; reload the file and make your change "
                                       "again.")
                                        .arg(file, conflicts.join(u"; "_s)));
        error.context = file;
        return error;
    }
    return rebased;
}

QString configSectionName(const QString &profile)
{
    if (profile == u"default"_s)
        return profile;
    // shlex.split (POSIX) splits on these and treats quotes and backslashes specially.
    const bool needsQuotes = profile.isEmpty() || std::any_of(profile.begin(), profile.end(), [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n' || c == u'"' || c == u'\'' || c == u'\\';
    });
    if (!needsQuotes)
        return u"profile "_s + profile;
    QString quoted = profile;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u"profile \""_s + quoted + u'"';
}

QString credentialsSectionName(const QString &profile)
{
    return profile;
}

} // namespace Rolecall::Core::Config
