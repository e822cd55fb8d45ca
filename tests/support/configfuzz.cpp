// SPDX-License-Identifier: Apache-2.0
#include "configfuzz.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;

namespace Rolecall::Test::ConfigFuzz {

QByteArray visible(const QByteArray &bytes)
{
    QByteArray out = bytes;
    out.replace("\r", "\\r").replace("\n", "\\n\n").replace("\t", "\\t");
    return out;
}

// ---------------------------------------------------------------------------------------------
// An independent model of what botocore reads (configparser, strict=False): sections merged by
// name, a key keeps its first position and its last value; nested blocks as botocore dicts.

Pairs dict(const Pairs &pairs)
{
    Pairs out;
    for (const auto &pair : pairs) {
        bool replaced = false;
        for (auto &existing : out) {
            if (existing.first == pair.first) {
                existing.second = pair.second;
                replaced = true;
            }
        }
        if (!replaced)
            out.append(pair);
    }
    return out;
}

Section *Model::find(const QString &name)
{
    for (Section &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}
Entry *Model::findEntry(Section &s, const QString &key)
{
    for (Entry &e : s.entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

Model Model::read(const IniDocument &doc)
{
    Model m;
    for (const IniSection &block : doc.sections()) {
        Section *s = m.find(block.name);
        if (!s) {
            m.sections.append({block.name, {}});
            s = &m.sections.last();
        }
        for (const IniEntry &e : block.entries) {
            const Entry entry {e.key, e.value, e.isNested, dict(e.nested), false};
            if (Entry *existing = findEntry(*s, e.key))
                *existing = entry;
            else
                s->entries.append(entry);
        }
    }
    return m;
}

void Model::apply(const ConfigEdit &edit)
{
    Section *s = find(edit.section);
    const QString key = edit.key.toLower();
    switch (edit.kind) {
    case ConfigEdit::Kind::SetValue:
        if (Entry *e = findEntry(*s, key))
            *e = Entry {key, edit.value, false, {}, false};
        else
            s->entries.append(Entry {key, edit.value, false, {}, false});
        break;
    case ConfigEdit::Kind::SetNested: {
        Entry *e = findEntry(*s, key);
        if (e && e->isNested) {
            e->nested = dict(e->nested + Pairs {{edit.subKey, edit.value}});
            e->nestedOnly = true;
        } else if (e) {
            *e = Entry {key, {}, true, {{edit.subKey, edit.value}}, true};
        } else {
            s->entries.append(Entry {key, {}, true, {{edit.subKey, edit.value}}, true});
        }
        break;
    }
    case ConfigEdit::Kind::RemoveKey:
        s->entries.removeIf([&key](const Entry &e) { return e.key == key; });
        break;
    case ConfigEdit::Kind::AddSection: {
        Section added {edit.section, {}};
        for (const auto &[k, v] : edit.entries)
            added.entries.append(Entry {k.toLower(), v, false, {}, false});
        sections.append(added);
        break;
    }
    case ConfigEdit::Kind::RemoveSection:
        sections.removeIf([&edit](const Section &x) { return x.name == edit.section; });
        break;
    case ConfigEdit::Kind::RenameSection:
        s->name = edit.newName;
        break;
    }
}

/// Empty when @p actual reads as this (expected) model.
QString Model::compare(const Model &actual) const
{
    if (sections.size() != actual.sections.size())
        return u"%1 sections, expected %2"_s.arg(actual.sections.size()).arg(sections.size());
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const Section &e = sections.at(i);
        const Section &a = actual.sections.at(i);
        if (e.name != a.name)
            return u"section %1 is [%2], expected [%3]"_s.arg(i).arg(a.name, e.name);
        if (e.entries.size() != a.entries.size())
            return u"[%1] has %2 keys, expected %3"_s.arg(e.name).arg(a.entries.size()).arg(e.entries.size());
        for (qsizetype j = 0; j < e.entries.size(); ++j) {
            const Entry &ee = e.entries.at(j);
            const Entry &ae = a.entries.at(j);
            if (ee.key != ae.key)
                return u"[%1] key %2 is %3, expected %4"_s.arg(e.name).arg(j).arg(ae.key, ee.key);
            const bool same = ee.nestedOnly
                ? ae.isNested && ee.nested == ae.nested
                : ee.value == ae.value && ee.isNested == ae.isNested && ee.nested == ae.nested;
            if (!same)
                return u"[%1] %2 = \"%3\", expected \"%4\""_s.arg(e.name, ee.key, ae.value, ee.value);
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Random files with every construct, and random valid edits on them.

Generator::Generator(quint32 seed)
    : m_rng(seed)
{ }

QByteArray Generator::file()
{
    const int eolMode = pick(3);
    const auto eol = [&]() -> QByteArray {
        if (eolMode == 0)
            return "\n";
        if (eolMode == 1)
            return "\r\n";
        return chance(50) ? "\n" : "\r\n";
    };
    QList<QByteArray> lines;
    if (chance(30))
        lines << oneOf<QByteArray>({"# AWS config", "; managed by hand", "#", "   # indented"});
    if (chance(5))
        lines << "stray text before any section";
    const int sectionCount = pick(7);
    for (int s = 0; s < sectionCount; ++s) {
        for (int b = pick(3) - (s == 0 ? 1 : 0); b > 0; --b)
            lines << oneOf<QByteArray>({"", "", "  ", "\t"});
        if (chance(25))
            lines << oneOf<QByteArray>({"# the next one", "; section note"});
        const QByteArray name = sectionName().toUtf8();
        lines << oneOf<QByteArray>(
            {"[" + name + "]", "[" + name + "]", "[" + name + "]  ", "[" + name + "] ; note", "[" + name + "]\t# x"});
        const QByteArray indent = chance(10) ? oneOf<QByteArray>({"  ", "\t"}) : QByteArray();
        for (int e = pick(6); e > 0; --e) {
            const int kind = pick(100);
            if (kind < 10) {
                lines << indent + oneOf<QByteArray>({"# comment", "; x = 1", "#region = no"});
            } else if (kind < 15) {
                lines << oneOf<QByteArray>({"", " "});
            } else if (kind < 17) {
                lines << indent + "not a setting";
            } else if (kind < 30) {
                lines << indent + key().toUtf8() + delimiter() + value().toUtf8();
                for (int c = 1 + pick(3); c > 0; --c) {
                    if (chance(15))
                        lines << oneOf<QByteArray>({"", "  # inside"});
                    lines << indent + oneOf<QByteArray>({"  ", "\t", "    "}) + value().toUtf8() + "x";
                }
            } else if (kind < 42) {
                lines << indent + oneOf<QByteArray>({"s3", "sts", "S3"}) + oneOf<QByteArray>({" =", "=", " = "});
                for (int c = 1 + pick(3); c > 0; --c) {
                    if (chance(15))
                        lines << oneOf<QByteArray>({"", "    ; note"});
                    lines << indent + oneOf<QByteArray>({"  ", "    ", "\t"}) + subKey().toUtf8()
                            + oneOf<QByteArray>({" = ", "=", " =  "}) + value().toUtf8() + "v";
                }
            } else {
                lines << indent + key().toUtf8() + delimiter() + value().toUtf8()
                        + oneOf<QByteArray>({"", "", "  ", "\t"});
            }
        }
    }
    for (int b = pick(3); b > 0; --b)
        lines << oneOf<QByteArray>({"", "", "  "});
    if (chance(10))
        lines << "# end";
    QByteArray out = chance(10) ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    for (const QByteArray &line : std::as_const(lines))
        out += line + eol();
    if (!lines.isEmpty() && chance(20)) {
        while (out.endsWith('\n') || out.endsWith('\r'))
            out.chop(1);
    }
    return out;
}

QString Generator::sectionName()
{
    return oneOf<QString>({u"default"_s, u"profile dev"_s, u"profile prod"_s, u"DEFAULT"_s, u"sso-session corp"_s,
        u"profile \"my team\""_s, u"dev"_s, u"services s"_s, u"profile ünï"_s});
}

QString Generator::key()
{
    return oneOf<QString>({u"region"_s, u"output"_s, u"role_arn"_s, u"source_profile"_s, u"mfa_serial"_s, u"Region"_s,
        u"OUTPUT"_s, u"x_custom"_s, u"aws_access_key_id"_s});
}

QString Generator::subKey()
{
    return oneOf<QString>(
        {u"max_concurrent_requests"_s, u"addressing_style"_s, u"use_accelerate_endpoint"_s, u"Endpoint_URL"_s});
}

QString Generator::value()
{
    return oneOf<QString>(
        {u""_s, u"us-east-1"_s, u"json"_s, u"arn:aws:iam::123456789012:role/Admin"_s, u"a # not a comment"_s,
            u"x ; y"_s, u"k=v"_s, u"with  inner   spaces"_s, u"ünïcødé"_s, u"[brackets]"_s, u"10"_s});
}

QByteArray Generator::delimiter()
{
    return oneOf<QByteArray>({" = ", "=", " =", "= ", ": ", ":", "\t=\t", "  =  "});
}

/// A valid edit for a file that reads as @p model.
ConfigEdit Generator::edit(const Model &model)
{
    QStringList names;
    for (const Section &s : model.sections)
        names << s.name;
    const auto newName = [&]() {
        for (;;) {
            const QString name = chance(50) ? sectionName() : u"profile gen%1"_s.arg(pick(1000));
            if (!names.contains(name))
                return name;
        }
    };
    const int kind = names.isEmpty() ? 50 : pick(100);
    if (kind < 30 || kind >= 90) {
        const QString section = oneOf(names);
        QString k = key();
        const Section &s = model.sections.at(names.indexOf(section));
        if (!s.entries.isEmpty() && chance(60)) {
            k = oneOf(s.entries).key;
            if (chance(30))
                k = k.toUpper();
        }
        if (kind >= 90)
            return ConfigEdit::removeKey(section, k);
        return ConfigEdit::setValue(section, k, chance(20) ? QString() : value() + u"!"_s);
    }
    if (kind < 45) {
        const QString section = oneOf(names);
        return ConfigEdit::setNested(
            section, oneOf<QString>({u"s3"_s, u"sts"_s, u"region"_s}), subKey(), value() + u"1"_s);
    }
    if (kind < 60) {
        Pairs entries;
        QStringList used;
        for (int i = pick(4); i > 0; --i) {
            const QString k = key();
            if (used.contains(k.toLower()))
                continue;
            used << k.toLower();
            entries.append({k, value()});
        }
        return ConfigEdit::addSection(newName(), entries);
    }
    if (kind < 75)
        return ConfigEdit::removeSection(oneOf(names));
    return ConfigEdit::renameSection(oneOf(names), newName());
}

namespace {

// ---------------------------------------------------------------------------------------------
// Which lines of @p doc an edit may touch. Everything else must survive byte for byte, in order.

bool blank(const IniDocument &doc, int line)
{
    return QString::fromUtf8(doc.lineBytes(line)).trimmed().isEmpty();
}

bool comment(const IniDocument &doc, int line)
{
    const QString s = QString::fromUtf8(doc.lineBytes(line)).trimmed();
    return s.startsWith(u'#') || s.startsWith(u';');
}

/// A removed range, widened as far as the tidying rules may reach.
void touchRemoval(const IniDocument &doc, int first, int last, QSet<int> *touched)
{
    while (first > 1 && (blank(doc, first - 1) || comment(doc, first - 1)))
        --first;
    while (last < doc.lineCount() && blank(doc, last + 1))
        ++last;
    for (int line = std::max(1, first - 1); line <= last; ++line)
        touched->insert(line);
}

QSet<int> touchedLines(const IniDocument &doc, const ConfigEdit &edit)
{
    QSet<int> touched;
    const int n = doc.lineCount();
    if (n > 0 && doc.lines().last().eolLength == 0)
        touched.insert(n); // appending after an unterminated last line gives it a line ending
    const QString key = edit.key.toLower();
    const IniEntry *winner = nullptr;
    for (const IniSection &s : doc.sections()) {
        if (s.name != edit.section)
            continue;
        switch (edit.kind) {
        case ConfigEdit::Kind::RemoveKey:
            for (const IniEntry &e : s.entries) {
                if (e.key == key)
                    touchRemoval(doc, e.line, e.lastLine, &touched);
            }
            break;
        case ConfigEdit::Kind::RemoveSection:
            touchRemoval(doc, s.line, s.lastLine, &touched);
            break;
        case ConfigEdit::Kind::RenameSection:
            touched.insert(s.line);
            break;
        default:
            for (const IniEntry &e : s.entries) {
                if (e.key == key)
                    winner = &e;
            }
        }
    }
    if (winner) {
        for (int line = winner->line; line <= winner->lastLine; ++line)
            touched.insert(line);
    }
    return touched;
}

int addedLines(const ConfigEdit &edit)
{
    switch (edit.kind) {
    case ConfigEdit::Kind::SetValue:
        return 1;
    case ConfigEdit::Kind::SetNested:
        return 2;
    case ConfigEdit::Kind::AddSection:
        return 2 + static_cast<int>(edit.entries.size());
    default:
        return 0;
    }
}

QList<QByteArray> linesWithEndings(const IniDocument &doc)
{
    QList<QByteArray> lines;
    for (const IniDocument::LineSpan &span : doc.lines())
        lines << doc.bytes().mid(span.start, span.length + span.eolLength);
    return lines;
}

int doubleBlanks(const IniDocument &doc)
{
    int count = 0;
    for (int line = 1; line < doc.lineCount(); ++line) {
        if (blank(doc, line) && blank(doc, line + 1))
            ++count;
    }
    return count;
}

} // namespace

/// Empty if @p after is @p before with only the lines @p edit may touch changed.
QString checkUntouchedLines(const IniDocument &before, const IniDocument &after, const ConfigEdit &edit)
{
    const QSet<int> touched = touchedLines(before, edit);
    const QList<QByteArray> oldLines = linesWithEndings(before);
    const QList<QByteArray> newLines = linesWithEndings(after);
    // The untouched old lines must be a subsequence of the new lines (greedy matching is exact).
    qsizetype next = 0;
    int kept = 0;
    for (int line = 1; line <= oldLines.size(); ++line) {
        if (touched.contains(line))
            continue;
        ++kept;
        while (next < newLines.size() && newLines.at(next) != oldLines.at(line - 1))
            ++next;
        if (next == newLines.size())
            return u"untouched line %1 (%2) is missing or out of order"_s.arg(line).arg(
                QString::fromUtf8(visible(oldLines.at(line - 1))));
        ++next;
    }
    if (newLines.size() > oldLines.size() + addedLines(edit))
        return u"%1 lines grew to %2"_s.arg(oldLines.size()).arg(newLines.size());
    if (before.hasBom() != after.hasBom())
        return u"the byte order mark changed"_s;
    if (doubleBlanks(after) > doubleBlanks(before))
        return u"a second blank line appeared between lines"_s;
    return {};
}

/// Renaming a repeated [DEFAULT] (configparser allows that) gives repeated sections botocore refuses.
bool refusedForBotocore(const IniDocument &doc, const ConfigEdit &edit)
{
    if (edit.kind != ConfigEdit::Kind::RenameSection || edit.section != u"DEFAULT"_s || doc.rejectedByBotocore())
        return false;
    return std::count_if(doc.sections().cbegin(), doc.sections().cend(), [](const IniSection &s) {
        return s.name == u"DEFAULT"_s;
    }) > 1;
}

} // namespace Rolecall::Test::ConfigFuzz
