// SPDX-License-Identifier: Apache-2.0
#include "inidocument.h"

#include "util/sharedslices.h"

#include <QHash>
#include <QStringDecoder>

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Config {

QString Diagnostic::toString() const
{
    return u"%1:%2: %3"_s.arg(file).arg(line).arg(message);
}

QByteArrayView IniDocument::lineBytes(int line) const
{
    if (line < 1 || line > m_lines.size())
        return {};
    const LineSpan &span = m_lines.at(line - 1);
    return QByteArrayView(m_bytes.constData() + span.start, span.length);
}

QByteArray IniDocument::dominantEol() const
{
    qsizetype crlf = 0;
    qsizetype lf = 0;
    qsizetype cr = 0;
    for (const LineSpan &span : m_lines) {
        if (span.eolLength == 2)
            ++crlf;
        else if (span.eolLength == 1 && m_bytes.at(span.start + span.length) == '\r')
            ++cr;
        else if (span.eolLength == 1)
            ++lf;
    }
    if (crlf > lf && crlf >= cr)
        return QByteArrayLiteral("\r\n");
    return cr > lf ? QByteArrayLiteral("\r") : QByteArrayLiteral("\n");
}

namespace {

// QChar::isSpace (Python's str.strip() strips the same characters here), without a call for ASCII.
inline bool isSpaceUnit(char16_t c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r') || (c >= 0x80 && QChar::isSpace(c));
}

// QStringView::trimmed(), inline: it runs three times on every line.
inline QStringView trimmedView(QStringView text)
{
    const char16_t *begin = text.utf16();
    const char16_t *end = begin + text.size();
    while (begin < end && isSpaceUnit(*begin))
        ++begin;
    while (end > begin && isSpaceUnit(end[-1]))
        --end;
    return QStringView(begin, end - begin);
}

// The first '=' or ':' in @p text, or -1. Eight units at a time where SSE2 is there: it runs on
// every setting line.
inline qsizetype firstDelimiter(QStringView text)
{
    const char16_t *units = text.utf16();
    const qsizetype size = text.size();
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i equals = _mm_set1_epi16(u'=');
    const __m128i colon = _mm_set1_epi16(u':');
    for (; i + 8 <= size; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
        const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi16(v, equals), _mm_cmpeq_epi16(v, colon)));
        if (mask != 0)
            return i + std::countr_zero(static_cast<unsigned>(mask)) / 2;
    }
#endif
    for (; i < size; ++i) {
        if (units[i] == u'=' || units[i] == u':')
            return i;
    }
    return -1;
}

} // namespace

class IniParser
{
public:
    explicit IniParser(IniDocument &doc)
        : d(doc)
    { }

    void run();

private:
    void warn(int line, const QString &message, bool botocoreRefuses)
    {
        d.m_diagnostics.append({Diagnostic::Severity::Warning, d.m_fileName, line, message});
        d.m_rejectedByBotocore = d.m_rejectedByBotocore || botocoreRefuses;
    }
    void error(int line, const QString &message)
    {
        d.m_diagnostics.append({Diagnostic::Severity::Error, d.m_fileName, line, message});
        d.m_rejectedByBotocore = true; // configparser raises ParsingError for the whole file
    }
    void finishEntry();
    void finishSection(int lastLine);
    bool isDuplicateOption(const QString &key, KnownKey id);

    IniDocument &d;
    IniSection *m_section = nullptr;
    IniEntry *m_entry = nullptr;
    // The current section's entries, moved into a list of the exact size when the section ends:
    // growing thousands of small lists one entry at a time costs more than the parse itself.
    QList<IniEntry> m_entries;
    QString m_value; // configparser's value lines, joined with '\n' as they come
    // Blank lines seen since the value's last line: kept only if a continuation line follows (they
    // would be stripped from the end again), so the usual blank line after a section costs nothing.
    int m_pendingBlankLines = 0;
    bool m_entryOpen = false;
    QHash<QString, int> m_sectionFirstLine;
    bool m_sectionRepeated = false; // the current header appeared before
    bool m_blockHasRepeatedKey = false; // a key of the current block is set twice in it
};

void IniParser::finishEntry()
{
    if (!m_entryOpen || !m_entry)
        return;
    m_entryOpen = false;
    // configparser: '\n'.join(lines).rstrip()
    QString value = std::move(m_value);
    m_value = QString();
    m_pendingBlankLines = 0;
    qsizetype end = value.size();
    while (end > 0 && isSpaceUnit(value.at(end - 1).unicode()))
        --end;
    if (end < value.size())
        value.truncate(end);
    m_entry->value = std::move(value);
    // botocore: a value that starts with a newline is a nested sub-section of key = value lines.
    if (m_entry->value.startsWith(u'\n')) {
        m_entry->isNested = true;
        for (QStringView nestedLine : QStringView(m_entry->value).split(u'\n')) {
            const QStringView trimmed = nestedLine.trimmed();
            if (trimmed.isEmpty())
                continue;
            const qsizetype eq = trimmed.indexOf(u'=');
            if (eq < 0) {
                error(m_entry->line,
                    IniDocument::tr("\"%1\" in the nested settings of %2 has no '='; the AWS CLI refuses "
                                    "the whole file because of it.")
                        .arg(trimmed.toString(), m_entry->key));
                continue;
            }
            m_entry->nested.append(
                {trimmed.first(eq).trimmed().toString(), trimmed.sliced(eq + 1).trimmed().toString()});
        }
    }
}

// configparser (strict) refuses a key set twice in a section, also across repeated headers.
bool IniParser::isDuplicateOption(const QString &key, KnownKey id)
{
    // Known keys compare by number; others by text (an unknown key never equals a known one).
    const auto sameKey = [&key, id](const IniEntry &e) {
        return e.id == id && (id != KnownKey::Other || (e.key.size() == key.size() && e.key == key));
    };
    if (std::any_of(m_entries.cbegin(), m_entries.cend(), sameKey)) {
        m_blockHasRepeatedKey = true;
        return true;
    }
    if (!m_sectionRepeated)
        return false;
    for (const IniSection &earlier : std::as_const(d.m_sections)) {
        if (&earlier != m_section && earlier.name == m_section->name
            && std::any_of(earlier.entries.cbegin(), earlier.entries.cend(), sameKey))
            return true;
    }
    return false;
}

void IniParser::finishSection(int lastLine)
{
    finishEntry();
    if (!m_section)
        return;
    m_section->lastLine = lastLine;
    m_section->hasRepeatedKey = m_blockHasRepeatedKey;
    m_blockHasRepeatedKey = false;
    // One list of exactly their number, moved into in one pass (no capacity check per entry).
    m_section->entries
        = QList<IniEntry>(std::make_move_iterator(m_entries.begin()), std::make_move_iterator(m_entries.end()));
    m_entries.clear(); // keeps its capacity for the next section
    m_entry = nullptr;
}

void IniParser::run()
{
    const QByteArray &bytes = d.m_bytes;
    qsizetype offset = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        d.m_hasBom = true;
        offset = 3;
    }

    // Byte spans of the lines (for the writer). Python reads the file with universal newlines, so
    // "\r\n", "\n" and a lone "\r" all end a line; neither byte occurs inside a UTF-8 sequence.
    // Without any '\r' (the usual case) memchr finds the line ends.
    const char *data = bytes.constData();
    const bool hasCr = std::memchr(data + offset, '\r', static_cast<size_t>(bytes.size() - offset)) != nullptr;
    qsizetype headerLines = 0; // lines starting with '[': about the number of sections
    for (qsizetype start = offset; start < bytes.size();) {
        headerLines += data[start] == '[' ? 1 : 0;
        qsizetype end = start;
        if (!hasCr) {
            const void *newline = std::memchr(data + start, '\n', static_cast<size_t>(bytes.size() - start));
            end = newline ? static_cast<const char *>(newline) - data : bytes.size();
        } else {
            while (end < bytes.size() && bytes.at(end) != '\n' && bytes.at(end) != '\r')
                ++end;
        }
        IniDocument::LineSpan span;
        span.start = start;
        span.length = end - start;
        if (end < bytes.size())
            span.eolLength = bytes.at(end) == '\r' && end + 1 < bytes.size() && bytes.at(end + 1) == '\n' ? 2 : 1;
        d.m_lines.append(span);
        start = end + span.eolLength;
        if (span.eolLength == 0)
            break;
    }
    // Room for the sections up front (an indented header is rare; the list grows for it). A guess
    // from the file's size left hundreds of kilobytes unused in the middle of a large listing's heap.
    d.m_sections.reserve(headerLines + 1);

    if (d.m_hasBom)
        warn(1,
            IniDocument::tr("The file starts with a UTF-8 byte order mark. The AWS CLI cannot read such a file; "
                            "save it without the mark (\"UTF-8\", not \"UTF-8 with BOM\")."),
            true);

    m_sectionFirstLine.reserve(bytes.size() / 128 + 1); // a profile takes 100 to 200 bytes
    int indentLevel = 0;
    // The text is decoded in blocks of whole lines (line breaks are ASCII and never part of a UTF-8
    // sequence), and decoding line by line would cost a call per line. Section names and values are
    // parts of their block that share its buffer (terminatedSlice()): no string of their own each.
    constexpr qsizetype kBlockBytes = 32 * 1024;
    QString block;
    int blockEndLine = 0; // last line in `block`
    bool blockIsAscii = false; // one UTF-16 unit per byte: the byte spans give the text's spans
    bool blockHasError = false;
    qsizetype blockStartByte = 0;
    qsizetype pos = 0; // in `block`
    for (int lineNo = 1; lineNo <= d.m_lines.size(); ++lineNo) {
        if (lineNo > blockEndLine) {
            blockStartByte = d.m_lines.at(lineNo - 1).start;
            blockEndLine = lineNo;
            while (
                blockEndLine < d.m_lines.size() && d.m_lines.at(blockEndLine - 1).start - blockStartByte < kBlockBytes)
                ++blockEndLine;
            const IniDocument::LineSpan &last = d.m_lines.at(blockEndLine - 1);
            const QByteArrayView bytesOfBlock(
                bytes.constData() + blockStartByte, last.start + last.length + last.eolLength - blockStartByte);
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            block = decoder(bytesOfBlock);
            if (d.m_textLifetime == TextLifetime::Process)
                keepUntilExit(block);
            blockHasError = decoder.hasError();
            blockIsAscii = !blockHasError && block.size() == bytesOfBlock.size();
            pos = 0;
        }
        const QChar *text = block.constData();
        const qsizetype textSize = block.size();
        qsizetype end = pos;
        if (blockIsAscii) {
            const IniDocument::LineSpan &span = d.m_lines.at(lineNo - 1);
            pos = span.start - blockStartByte;
            end = pos + span.length;
        } else {
            while (end < textSize && text[end] != u'\n' && text[end] != u'\r')
                ++end;
        }
        const QStringView line(text + pos, end - pos);
        pos = end;
        if (pos < textSize)
            pos += (text[pos] == u'\r' && pos + 1 < textSize && text[pos + 1] == u'\n') ? 2 : 1;

        if (blockHasError) {
            QStringDecoder check(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString checked = check(d.lineBytes(lineNo)); // decoding happens on the conversion
            if (check.hasError())
                error(lineNo,
                    IniDocument::tr("This line is not valid UTF-8; the AWS CLI refuses the whole file. "
                                    "Re-save the file as UTF-8."));
        }

        const QStringView stripped = trimmedView(line);
        const bool isComment = stripped.startsWith(u'#') || stripped.startsWith(u';');
        if (stripped.isEmpty() || isComment) {
            // configparser keeps blank lines inside a value (dropped again if they end it).
            if (!isComment && m_entryOpen)
                ++m_pendingBlankLines;
            continue;
        }

        qsizetype indent = 0;
        while (indent < line.size() && isSpaceUnit(line.at(indent).unicode()))
            ++indent;

        if (m_section && m_entryOpen && indent > indentLevel) {
            m_value += QString(m_pendingBlankLines + 1, u'\n');
            m_pendingBlankLines = 0;
            m_value += stripped;
            m_entry->lastLine = lineNo;
            continue;
        }
        indentLevel = static_cast<int>(indent);

        // Section header: configparser matches \[(?P<header>.+)\] at the start of the stripped line,
        // greedily: the name runs to the last ']' and anything after it is ignored.
        if (stripped.startsWith(u'[')) {
            const qsizetype close = stripped.lastIndexOf(u']');
            if (close >= 2) {
                finishSection(lineNo - 1);
                // Ended at the ']' (when nothing follows, or that was read below before it is used).
                const bool textAfter
                    = close + 1 < stripped.size() && !trimmedView(stripped.sliced(close + 1)).isEmpty();
                const QString name
                    = terminatedSlice(block, stripped.data() + 1 - block.constData(), close - 1, d.m_textLifetime);
                const qsizetype known = m_sectionFirstLine.size();
                int &firstLine = m_sectionFirstLine[name]; // one lookup: found, or added with 0
                m_sectionRepeated = m_sectionFirstLine.size() == known;
                if (!m_sectionRepeated) {
                    firstLine = lineNo;
                } else if (name != u"DEFAULT"_s) {
                    // configparser never counts [DEFAULT] as a duplicate section (a repeated key in it is one).
                    warn(lineNo,
                        IniDocument::tr("Section [%1] appears again (first at line %2). The AWS CLI refuses files "
                                        "with duplicate sections; Rolecall merges them, later values winning.")
                            .arg(name)
                            .arg(firstLine),
                        true);
                }
                if (textAfter)
                    warn(lineNo, IniDocument::tr("Text after the closing ']' of [%1] is ignored.").arg(name), false);
                IniSection &section = d.m_sections.emplaceBack();
                section.name = name;
                section.line = lineNo;
                section.lastLine = lineNo;
                section.repeated = m_sectionRepeated;
                m_section = &d.m_sections.last();
                m_entry = nullptr;
                continue;
            }
        }

        if (!m_section) {
            error(lineNo,
                IniDocument::tr("\"%1\" comes before the first [section] header and is ignored.")
                    .arg(stripped.toString()));
            continue;
        }

        // Option: the first '=' or ':' splits key and value.
        const qsizetype delimiter = firstDelimiter(stripped);
        if (delimiter < 0) {
            error(lineNo,
                IniDocument::tr("\"%1\" is not a \"key = value\" setting and is ignored.").arg(stripped.toString()));
            continue;
        }
        const QStringView rawKey = trimmedView(stripped.first(delimiter));
        if (rawKey.isEmpty()) {
            // configparser makes "" the current option: the previous value ends, and deeper lines that
            // follow are read as settings of their own, not as its continuation.
            finishEntry();
            error(lineNo, IniDocument::tr("A setting without a name (\"%1\") is ignored.").arg(stripped.toString()));
            continue;
        }
        finishEntry();
        // configparser lower-cases keys. A known key as written is lower case already (the usual case).
        KnownKey id = knownKey(rawKey);
        QString key;
        if (id != KnownKey::Other) {
            key = knownKeyName(id);
        } else if (std::none_of(rawKey.begin(), rawKey.end(), [](QChar c) { return c.isUpper(); })) {
            key = rawKey.toString();
        } else {
            key = rawKey.toString().toLower();
            id = knownKey(key);
            if (id != KnownKey::Other)
                key = knownKeyName(id);
        }
        if (isDuplicateOption(key, id))
            warn(lineNo,
                IniDocument::tr("\"%1\" is set again in [%2]. The AWS CLI refuses files with duplicate keys; "
                                "Rolecall uses the last value.")
                    .arg(rawKey.toString(), m_section->name),
                true);
        IniEntry &entry = m_entries.emplaceBack(); // filled in place
        entry.key = std::move(key);
        entry.id = id;
        entry.file = d.m_fileName;
        entry.line = lineNo;
        entry.lastLine = lineNo;
        m_entry = &entry;
        // Ended at the trailing space or line break after it: the line was read.
        const QStringView value = trimmedView(stripped.sliced(delimiter + 1));
        m_value = terminatedSlice(block, value.data() - block.constData(), value.size(), d.m_textLifetime);
        m_pendingBlankLines = 0;
        m_entryOpen = true;
    }
    finishSection(static_cast<int>(d.m_lines.size()));
}

IniDocument IniDocument::parse(const QByteArray &bytes, const QString &fileName, TextLifetime lifetime)
{
    IniDocument doc;
    doc.m_textLifetime = lifetime;
    // Every entry carries the file name: as raw data, those copies cost no reference count either.
    doc.m_fileName = lifetime == TextLifetime::Process ? keptUntilExit(fileName) : fileName;
    doc.m_bytes = bytes;
    IniParser(doc).run();
    return doc;
}

bool shlexSplit(QStringView text, QStringList *parts)
{
    parts->clear();
    QString current;
    bool inWord = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\'' || c == u'"') {
            const QChar quote = c;
            inWord = true;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const QChar q = text.at(i);
                if (q == quote) {
                    closed = true;
                    ++i;
                    break;
                }
                // Inside double quotes a backslash escapes only \ and " (Python's shlex, unlike a POSIX shell,
                // keeps it before $, ` and newline).
                if (quote == u'"' && q == u'\\' && i + 1 < text.size()
                    && QStringView(u"\\\"").contains(text.at(i + 1))) {
                    current.append(text.at(i + 1));
                    i += 2;
                    continue;
                }
                current.append(q);
                ++i;
            }
            if (!closed)
                return false;
            continue;
        }
        if (c == u'\\') {
            if (i + 1 >= text.size())
                return false; // "No escaped character"
            current.append(text.at(i + 1));
            inWord = true;
            i += 2;
            continue;
        }
        if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
            if (inWord) {
                parts->append(current);
                current.clear();
                inWord = false;
            }
            ++i;
            continue;
        }
        current.append(c);
        inWord = true;
        ++i;
    }
    if (inWord)
        parts->append(current);
    return true;
}

} // namespace Rolecall::Core::Config
