// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/configwriter.h"
#include "config/inidocument.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <utility>

// Random config files with every construct, random valid edits on them, and two independent
// checks of an edit's result: what botocore would read (Model) and which lines may change
// (checkUntouchedLines). Shared by tst_configwriter (in memory) and tst_datasafety (on disk).
namespace Rolecall::Test::ConfigFuzz {

using Pairs = QList<std::pair<QString, QString>>;

/// @p bytes with \r, \n and \t made visible, for failure messages.
QByteArray visible(const QByteArray &bytes);

// An independent model of what botocore reads (configparser, strict=False): sections merged by
// name, a key keeps its first position and its last value; nested blocks as botocore dicts.

struct Entry
{
    QString key;
    QString value;
    bool isNested = false;
    Pairs nested;
    bool nestedOnly = false; // after setNested the raw text is not predicted
};

struct Section
{
    QString name;
    QList<Entry> entries;
};

Pairs dict(const Pairs &pairs);

struct Model
{
    QList<Section> sections;

    Section *find(const QString &name);
    static Entry *findEntry(Section &s, const QString &key);
    static Model read(const Core::Config::IniDocument &doc);
    void apply(const Core::Config::ConfigEdit &edit);
    /// Empty when @p actual reads as this (expected) model.
    QString compare(const Model &actual) const;
};

/// Random files with every construct (comments of both kinds, CRLF, BOM, tabs, continuation and
/// nested lines, duplicate sections, sso-session and services sections, no final newline), and
/// random valid edits on them. Deterministic for a seed.
class Generator
{
public:
    explicit Generator(quint32 seed);

    int pick(int n) { return static_cast<int>(m_rng.bounded(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    template<typename T>
    T oneOf(const QList<T> &list)
    {
        return list.at(pick(static_cast<int>(list.size())));
    }

    QByteArray file();
    QString sectionName();
    QString key();
    QString subKey();
    QString value();
    QByteArray delimiter();
    /// A valid edit for a file that reads as @p model.
    Core::Config::ConfigEdit edit(const Model &model);

private:
    QRandomGenerator m_rng;
};

/// Empty if @p after is @p before with only the lines @p edit may touch changed.
QString checkUntouchedLines(const Core::Config::IniDocument &before, const Core::Config::IniDocument &after,
    const Core::Config::ConfigEdit &edit);

/// Renaming a repeated [DEFAULT] (configparser allows that) gives repeated sections botocore refuses.
bool refusedForBotocore(const Core::Config::IniDocument &doc, const Core::Config::ConfigEdit &edit);

} // namespace Rolecall::Test::ConfigFuzz
