// SPDX-License-Identifier: Apache-2.0
// The shared config / credentials file reader and the byte-preserving writer, on arbitrary bytes:
//  - the parsed line spans (after a byte order mark) give every input byte back;
//  - writing with no edits gives identical bytes, and so does setting a one-line key to the value
//    it already has;
//  - every edit the writer accepts changes only the lines it is about: all other lines survive
//    byte for byte and in order, the file grows by at most the lines the edit adds, and the AWS
//    CLI can still read a file it could read before;
//  - rebasing edits onto an unchanged file returns them unchanged;
//  - merging the file (as config, as credentials, as both) and resolving every profile never crashes.

#include "configfuzz.h"
#include "fuzztarget.h"

#include "config/configwriter.h"
#include "config/inidocument.h"
#include "config/sharedconfig.h"
#include "profiles/profile.h"

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;
using Rolecall::Fuzz::fuzzRequire;

namespace {

constexpr int kMaxSections = 4;
constexpr int kMaxKeysPerSection = 3;

QByteArray lineWithEol(const IniDocument &doc, int line)
{
    const IniDocument::LineSpan &span = doc.lines().at(line - 1);
    return doc.bytes().mid(span.start, span.length + span.eolLength);
}

void checkSpans(const IniDocument &doc, const QByteArray &bytes)
{
    const QList<IniDocument::LineSpan> &spans = doc.lines();
    QByteArray joined = bytes.left(spans.isEmpty() ? bytes.size() : spans.first().start);
    for (int line = 1; line <= doc.lineCount(); ++line)
        joined += lineWithEol(doc, line);
    fuzzRequire(joined == bytes, "the parsed lines do not give the input bytes back");
    for (const IniSection &section : doc.sections()) {
        fuzzRequire(section.line >= 1 && section.line <= section.lastLine && section.lastLine <= doc.lineCount(),
            "a section's lines are out of range");
        for (const IniEntry &entry : section.entries)
            fuzzRequire(entry.line > section.line && entry.line <= entry.lastLine && entry.lastLine <= section.lastLine,
                "an entry's lines are out of its section");
    }
}

/// True when a line that configparser reads as a section header is indented (by any Python whitespace).
bool hasIndentedHeader(const IniDocument &doc)
{
    for (const IniSection &section : doc.sections()) {
        const QString line = QString::fromUtf8(doc.lineBytes(section.line));
        if (!line.isEmpty() && line.at(0) != u'[')
            return true;
    }
    return false;
}

/// fuzzRequire(), naming the edit first.
void require(bool condition, const ConfigEdit &edit, const char *what)
{
    if (!condition)
        std::fprintf(stderr, "edit: %s\n", qPrintable(edit.description()));
    fuzzRequire(condition, what);
}

void checkEdit(const IniDocument &before, const ConfigEdit &edit)
{
    const Result<QByteArray> result = ConfigWriter::apply(before, {edit});
    if (!result) {
        // Refusing is always allowed, except the writer's own read-back check failing on a file
        // botocore reads: that is the writer getting an edit wrong. One case where refusing is the only
        // byte-preserving answer: an indented line that is a section header only because no key precedes it
        // ("[a]\n  [b]"); a key added to [a] would make it a continuation of that key.
        require(before.rejectedByBotocore() || hasIndentedHeader(before)
                || !result.error().message.contains(u"would not read back"_s),
            edit, "the writer's own read-back check failed on a valid file");
        return;
    }
    const IniDocument after = IniDocument::parse(result.value());
    checkSpans(after, result.value());
    require(before.rejectedByBotocore() || !after.rejectedByBotocore(), edit,
        "an accepted edit made a readable file unreadable for botocore");
    require(before.hasBom() == after.hasBom(), edit, "an edit changed the byte order mark");

    const QString problem = Rolecall::Test::ConfigFuzz::checkUntouchedLines(before, after, edit);
    if (!problem.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(problem));
    require(problem.isEmpty(), edit, "an edit changed, moved or removed a line it is not about, or added too many");
}

void checkWriter(const IniDocument &doc)
{
    const Result<QByteArray> unchanged = ConfigWriter::apply(doc, {});
    fuzzRequire(unchanged && unchanged.value() == doc.bytes(), "writing without edits changed the bytes");

    QStringList names;
    for (const IniSection &section : doc.sections()) {
        if (!names.contains(section.name))
            names.append(section.name);
        if (names.size() == kMaxSections)
            break;
    }

    QList<ConfigEdit> edits;
    for (const QString &name : std::as_const(names)) {
        QStringList keys;
        for (const IniSection &section : doc.sections()) {
            if (section.name != name)
                continue;
            for (const IniEntry &entry : section.entries) {
                if (keys.size() < kMaxKeysPerSection && !keys.contains(entry.key))
                    keys.append(entry.key);
            }
        }
        for (const QString &key : std::as_const(keys)) {
            // The winning occurrence, as configparser reads it.
            const IniEntry *winner = nullptr;
            for (const IniSection &section : doc.sections()) {
                for (const IniEntry &entry : section.entries) {
                    if (section.name == name && entry.key == key)
                        winner = &entry;
                }
            }
            if (winner->line == winner->lastLine && !winner->isNested) {
                // Only the value follows the delimiter and its spacing: setting it again keeps every byte.
                const QByteArray text = doc.lineBytes(winner->line).toByteArray();
                qsizetype start = 0;
                while (start < text.size() && text.at(start) != '=' && text.at(start) != ':')
                    ++start;
                ++start;
                while (start < text.size() && (text.at(start) == ' ' || text.at(start) == '\t'))
                    ++start;
                const Result<QByteArray> same
                    = ConfigWriter::apply(doc, {ConfigEdit::setValue(name, key, winner->value)});
                if (same && !winner->value.isEmpty() && text.sliced(start) == winner->value.toUtf8())
                    fuzzRequire(same.value() == doc.bytes(), "setting a key to its own value changed the bytes");
            }
            edits.append(ConfigEdit::setValue(name, key, u"fuzz-value"_s));
            edits.append(ConfigEdit::setValue(name, key, QString()));
            edits.append(ConfigEdit::setNested(name, key, u"sub"_s, u"v"_s));
            edits.append(ConfigEdit::removeKey(name, key));
        }
        edits.append(ConfigEdit::setValue(name, u"rolecall_fuzz_new"_s, u"1"_s));
        edits.append(ConfigEdit::setNested(name, u"rolecall_fuzz_nested"_s, u"a"_s, u"b"_s));
        edits.append(ConfigEdit::renameSection(name, name + u"-renamed"_s));
        edits.append(ConfigEdit::removeSection(name));
    }
    edits.append(ConfigEdit::addSection(u"profile rolecall-fuzz"_s, {{u"region"_s, u"eu-west-1"_s}}));

    for (const ConfigEdit &edit : std::as_const(edits))
        checkEdit(doc, edit);

    const Result<QList<ConfigEdit>> rebased = ConfigWriter::rebase(doc, doc, edits, u"config"_s);
    fuzzRequire(rebased && rebased.value() == edits, "rebasing onto an unchanged file changed the edits");
}

void resolveAll(const SharedConfig &config)
{
    const Profiles::ProfileResolver resolver(config);
    for (const Profiles::ResolvedProfile &profile : resolver.resolveAll()) {
        (void)profile.needsMfa();
        (void)profile.endpointSettings(QProcessEnvironment());
    }
    (void)config.diagnostics();
}

void fuzzConfig(QByteArrayView data)
{
    const QByteArray bytes = data.toByteArray();
    const IniDocument doc = IniDocument::parse(bytes, u"config"_s);
    checkSpans(doc, bytes);
    for (const Diagnostic &diagnostic : doc.diagnostics())
        (void)diagnostic.toString();
    (void)doc.dominantEol();
    checkWriter(doc);

    resolveAll(SharedConfig::fromDocuments(doc, IniDocument()));
    resolveAll(SharedConfig::fromDocuments(IniDocument(), doc));
    resolveAll(SharedConfig::fromDocuments(doc, doc));
}

} // namespace

ROLECALL_FUZZ_TARGET(config, fuzzConfig)
