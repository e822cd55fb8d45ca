// SPDX-License-Identifier: Apache-2.0
#include "sharedconfig.h"

#include "util/sharedslices.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Config {

namespace {

// configparser's view of one file: section name → options (non-strict merge of duplicate
// sections, later values winning in place), plus [DEFAULT].
struct RawSection
{
    QString name;
    QList<Setting> settings;
    int line = 0;
};

void setOrReplace(QList<Setting> &settings, Setting setting)
{
    for (Setting &existing : settings) {
        if (existing.sameKeyAs(setting)) {
            existing = std::move(setting);
            return;
        }
    }
    settings.append(std::move(setting));
}

QList<RawSection> rawSections(const IniDocument &doc)
{
    QList<RawSection> sections;
    QHash<QString, qsizetype> index; // only once a section repeats
    sections.reserve(doc.sections().size());
    RawSection defaults;
    const auto merge = [](QList<Setting> &target, const QList<Setting> &entries) {
        for (const Setting &entry : entries)
            setOrReplace(target, entry);
    };
    for (const IniSection &section : doc.sections()) {
        if (section.name == "DEFAULT"_L1) {
            merge(defaults.settings, section.entries);
            continue;
        }
        if (section.repeated) {
            if (index.isEmpty()) {
                for (qsizetype i = 0; i < sections.size(); ++i)
                    index.insert(sections.at(i).name, i);
            }
            if (const auto it = index.constFind(section.name); it != index.constEnd()) {
                merge(sections[*it].settings, section.entries); // copies the shared list first
                continue;
            }
        }
        if (!index.isEmpty())
            index.insert(section.name, sections.size());
        RawSection &raw = sections.emplaceBack();
        raw.name = section.name;
        raw.line = section.line;
        if (section.hasRepeatedKey)
            merge(raw.settings, section.entries);
        else
            raw.settings = section.entries; // the usual case: shared, not copied
    }
    if (!defaults.settings.isEmpty()) {
        for (RawSection &section : sections) {
            for (const Setting &setting : std::as_const(defaults.settings)) {
                const bool present = std::any_of(section.settings.cbegin(), section.settings.cend(),
                    [&](const Setting &s) { return s.sameKeyAs(setting); });
                if (!present)
                    section.settings.append(setting);
            }
        }
    }
    return sections;
}

// os.path.expandvars: $NAME and ${NAME} (its pattern \$(\w+|\{[^}]*\}) with re.ASCII); unknown
// variables stay as written. By hand: compiling that pattern cost more than reading a small config.
QString expandVariables(const QString &path, const QProcessEnvironment &env)
{
    const auto isWord = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
    };
    QString out;
    qsizetype copied = 0; // path[0, copied) is in out
    for (qsizetype i = path.indexOf(u'$'); i >= 0; i = path.indexOf(u'$', i)) {
        qsizetype end = i + 1; // after the reference
        QString name;
        if (end < path.size() && path.at(end) == u'{') {
            const qsizetype close = path.indexOf(u'}', end + 1);
            if (close < 0) {
                ++i; // no reference starts here
                continue;
            }
            name = path.sliced(end + 1, close - end - 1);
            end = close + 1;
        } else {
            while (end < path.size() && isWord(path.at(end)))
                ++end;
            if (end == i + 1) {
                ++i;
                continue;
            }
            name = path.sliced(i + 1, end - i - 1);
        }
        if (env.contains(name)) {
            out += QStringView(path).sliced(copied, i - copied);
            out += env.value(name);
            copied = end;
        }
        i = end;
    }
    if (copied == 0)
        return path;
    out += QStringView(path).sliced(copied);
    return out;
}

QString expandPath(QString path, const QProcessEnvironment &env)
{
    path = expandVariables(path, env);
    // os.path.expanduser
    if (path == "~"_L1 || path.startsWith("~/"_L1)) {
        const QString home = env.value(u"HOME"_s, QDir::homePath());
        path = home + path.mid(1);
    }
    return path;
}

IniDocument readDocument(const QString &path, QList<Diagnostic> *diagnostics, TextLifetime lifetime)
{
    if (path.isEmpty())
        return IniDocument::parse({}, path, lifetime);
    QFile file(path);
    if (!file.exists())
        return IniDocument::parse({}, path, lifetime);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics->append({Diagnostic::Severity::Error, path, 0,
            SharedConfig::tr("Cannot read the file: %1").arg(file.errorString())});
        return IniDocument::parse({}, path, lifetime);
    }
    // One read into a buffer of the file's size: readAll() grows its buffer in steps and copies.
    QByteArray bytes;
    const qint64 size = file.size();
    if (size > 0 && size < std::numeric_limits<qsizetype>::max() / 2) {
        bytes = QByteArray(static_cast<qsizetype>(size), Qt::Uninitialized); // exactly: resize() adds room to grow
        const qint64 got = file.read(bytes.data(), size);
        bytes.truncate(std::max<qint64>(got, 0));
    }
    if (!file.atEnd() || size <= 0)
        bytes += file.readAll(); // the file grew while we read it, or it has no size (a pipe)
    if (file.error() != QFileDevice::NoError) {
        diagnostics->append({Diagnostic::Severity::Error, path, 0,
            SharedConfig::tr("Cannot read the file: %1").arg(file.errorString())});
    }
    return IniDocument::parse(bytes, path, lifetime);
}

} // namespace

const Setting *findSetting(const QList<Setting> &settings, QStringView key)
{
    for (const Setting &setting : settings) {
        if (setting.key == key)
            return &setting;
    }
    return nullptr;
}

const Setting *findSetting(const QList<Setting> &settings, KnownKey key)
{
    for (const Setting &setting : settings) {
        if (setting.id == key)
            return &setting;
    }
    return nullptr;
}

const Setting *ProfileSettings::find(QStringView key) const
{
    return findSetting(settings, key);
}

const Setting *ProfileSettings::find(KnownKey key) const
{
    return findSetting(settings, key);
}

const Setting *NamedSection::find(QStringView key) const
{
    return findSetting(settings, key);
}

const Setting *NamedSection::find(KnownKey key) const
{
    return findSetting(settings, key);
}

ConfigPaths ConfigPaths::fromEnvironment(const QProcessEnvironment &env)
{
    ConfigPaths paths;
    paths.config = expandPath(env.value(u"AWS_CONFIG_FILE"_s, u"~/.aws/config"_s), env);
    paths.credentials = expandPath(env.value(u"AWS_SHARED_CREDENTIALS_FILE"_s, u"~/.aws/credentials"_s), env);
    return paths;
}

SharedConfig SharedConfig::load(const ConfigPaths &paths, TextLifetime lifetime)
{
    QList<Diagnostic> diagnostics;
    IniDocument config = readDocument(paths.config, &diagnostics, lifetime);
    IniDocument credentials = readDocument(paths.credentials, &diagnostics, lifetime);
    SharedConfig shared = fromDocuments(std::move(config), std::move(credentials));
    shared.m_extraDiagnostics = diagnostics + shared.m_extraDiagnostics;
    return shared;
}

SharedConfig SharedConfig::fromDocuments(IniDocument config, IniDocument credentials)
{
    SharedConfig shared;
    shared.m_config = std::move(config);
    shared.m_credentials = std::move(credentials);
    auto note = [&shared](const QString &file, int line, const QString &message) {
        shared.m_extraDiagnostics.append({Diagnostic::Severity::Warning, file, line, message});
    };

    shared.m_profileIndex.reserve(shared.m_config.sections().size() + shared.m_credentials.sections().size());
    shared.m_profiles.reserve(shared.m_config.sections().size() + shared.m_credentials.sections().size());
    // botocore's build_profile_map, section by section in file order.
    const QString configFile = shared.m_config.fileName();
    for (RawSection &section : rawSections(shared.m_config)) {
        const QString &name = section.name;
        QList<NamedSection> *named = nullptr;
        QString profileName;
        if (name.startsWith("profile"_L1)) {
            QStringList parts;
            // Fast path for the usual "profile NAME"; shlex for quotes, escapes and odd spacing.
            const QStringView simple = QStringView(name).sliced(7);
            const bool plain = simple.size() > 1 && simple.front() == u' '
                && std::none_of(simple.begin() + 1, simple.end(),
                    [](QChar c) { return c.isSpace() || c == u'"' || c == u'\'' || c == u'\\'; });
            if (plain) {
                profileName = sharedSuffix(name, 8, shared.m_config.textLifetime()); // after "profile ": no copy
            } else if (shlexSplit(name, &parts) && parts.size() == 2) {
                profileName = parts.at(1);
            } else {
                note(configFile, section.line,
                    tr("[%1] is not read as a profile: write [profile NAME] with exactly one name (quote names "
                       "with spaces).")
                        .arg(name));
                continue;
            }
        } else if (name.startsWith("sso-session"_L1)) {
            named = &shared.m_ssoSessions;
        } else if (name.startsWith("services"_L1)) {
            named = &shared.m_services;
        } else if (name == "default"_L1) {
            profileName = name;
        } else {
            note(configFile, section.line,
                tr("[%1] is not a profile in the config file, where profiles are written [profile %1]; the AWS "
                   "CLI ignores it.")
                    .arg(name));
            continue;
        }
        if (named) {
            QStringList parts;
            if (shlexSplit(name, &parts) && parts.size() == 2) {
                named->append(NamedSection {parts.at(1), std::move(section.settings), configFile, section.line});
            } else {
                note(configFile, section.line, tr("[%1] needs exactly one name after the section type.").arg(name));
            }
            continue;
        }
        ProfileSettings profile {profileName, std::move(section.settings), configFile, section.line, true, false};
        if (const auto it = shared.m_profileIndex.constFind(profileName); it != shared.m_profileIndex.constEnd()) {
            // dict.update({name: values}): the later section replaces the earlier one in place.
            note(configFile, section.line,
                tr("Profile \"%1\" is defined again here; this definition replaces the one at line %2.")
                    .arg(profileName)
                    .arg(shared.m_profiles.at(*it).line));
            shared.m_profiles[*it] = std::move(profile);
        } else {
            shared.m_profileIndex.insert(profileName, shared.m_profiles.size());
            shared.m_profiles.append(std::move(profile));
        }
    }

    // The credentials file: every section is a profile by its bare name; its values win.
    const QString credentialsFile = shared.m_credentials.fileName();
    for (IniSection &section : shared.m_credentials.m_sections) {
        for (IniEntry &entry : section.entries)
            entry.fromCredentialsFile = true;
    }
    for (RawSection &section : rawSections(shared.m_credentials)) {
        QStringList parts;
        if (section.name.startsWith("profile "_L1) && shlexSplit(section.name, &parts) && parts.size() == 2)
            note(credentialsFile, section.line,
                tr("In the credentials file profiles are named without \"profile\": this section is a profile "
                   "called \"%1\", not \"%2\".")
                    .arg(section.name, parts.at(1)));
        if (const auto it = shared.m_profileIndex.constFind(section.name); it != shared.m_profileIndex.constEnd()) {
            ProfileSettings &profile = shared.m_profiles[*it];
            profile.inCredentials = true;
            // Its list is the config section's, shared: copied once, with room for what comes here.
            profile.settings.reserve(profile.settings.size() + section.settings.size());
            for (const Setting &setting : std::as_const(section.settings)) // shared with the file: not detached
                setOrReplace(profile.settings, setting);
        } else {
            shared.m_profileIndex.insert(section.name, shared.m_profiles.size());
            shared.m_profiles.append(ProfileSettings {
                section.name, std::move(section.settings), credentialsFile, section.line, false, true});
        }
    }
    return shared;
}

const ProfileSettings *SharedConfig::profile(const QString &name) const
{
    const auto it = m_profileIndex.constFind(name);
    return it == m_profileIndex.constEnd() ? nullptr : &m_profiles.at(*it);
}

const NamedSection *SharedConfig::ssoSession(const QString &name) const
{
    for (const NamedSection &section : m_ssoSessions) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

const NamedSection *SharedConfig::servicesSection(const QString &name) const
{
    for (const NamedSection &section : m_services) {
        if (section.name == name)
            return &section;
    }
    return nullptr;
}

QList<Diagnostic> SharedConfig::diagnostics() const
{
    QList<Diagnostic> all = m_config.diagnostics();
    all += m_credentials.diagnostics();
    all += m_extraDiagnostics;
    const auto rank = [this](const Diagnostic &d) {
        return d.file == m_config.fileName() ? 0 : d.file == m_credentials.fileName() ? 1 : 2;
    };
    std::stable_sort(all.begin(), all.end(), [&rank](const Diagnostic &a, const Diagnostic &b) {
        return std::pair(rank(a), a.line) < std::pair(rank(b), b.line);
    });
    return all;
}

} // namespace Rolecall::Core::Config
