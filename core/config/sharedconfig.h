// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "inidocument.h"

#include <QProcessEnvironment>

namespace Rolecall::Core::Config {

/** One setting of a profile, with where it came from: the file's entry itself (see IniEntry). */
using Setting = IniEntry;

/// The first setting with this key (lower-case text, or number), or nullptr.
const Setting *findSetting(const QList<Setting> &settings, QStringView key);
const Setting *findSetting(const QList<Setting> &settings, KnownKey key);

/** A profile's merged settings, in botocore's key order. */
struct ProfileSettings
{
    QString name;
    QList<Setting> settings;
    QString file; ///< where the profile is defined (config file first)
    int line = 0;
    bool inConfig = false;
    bool inCredentials = false;

    const Setting *find(QStringView key) const;
    const Setting *find(KnownKey key) const;
    QString value(QStringView key) const { return find(key) ? find(key)->value : QString(); }
    QString value(KnownKey key) const { return find(key) ? find(key)->value : QString(); }
    bool has(QStringView key) const { return find(key) != nullptr; }
    bool has(KnownKey key) const { return find(key) != nullptr; }
};

/** An `[sso-session name]` or `[services name]` section of the config file. */
struct NamedSection
{
    QString name;
    QList<Setting> settings;
    QString file;
    int line = 0;

    const Setting *find(QStringView key) const;
    const Setting *find(KnownKey key) const;
};

/** Where the two files are: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/… (with ~ and $VAR expanded). */
struct ConfigPaths
{
    QString config;
    QString credentials;

    static ConfigPaths fromEnvironment(const QProcessEnvironment &env);
};

/**
 * The shared config and credentials files merged exactly as botocore's Session.full_config merges
 * them: config-file profiles (`[default]`, `[profile name]`) in file order, then profiles only the
 * credentials file names (bare `[name]`); for a profile in both, the credentials file's values win.
 * `[DEFAULT]` values apply to every section of their file, as configparser does.
 */
class SharedConfig
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Config::SharedConfig)

public:
    SharedConfig() = default;
    static SharedConfig fromDocuments(IniDocument config, IniDocument credentials);
    /// Reads both files; a missing file is an empty one, an unreadable one a diagnostic.
    /// TextLifetime::Process keeps their text until the process ends (IniDocument::parse()).
    static SharedConfig load(const ConfigPaths &paths, TextLifetime lifetime = TextLifetime::Shared);

    const QList<ProfileSettings> &profiles() const { return m_profiles; }
    const ProfileSettings *profile(const QString &name) const;
    const QList<NamedSection> &ssoSessions() const { return m_ssoSessions; }
    const NamedSection *ssoSession(const QString &name) const;
    const QList<NamedSection> &services() const { return m_services; }
    const NamedSection *servicesSection(const QString &name) const;
    /// Diagnostics of both files, in file order.
    QList<Diagnostic> diagnostics() const;
    const IniDocument &configDocument() const { return m_config; }
    const IniDocument &credentialsDocument() const { return m_credentials; }

private:
    IniDocument m_config;
    IniDocument m_credentials;
    QList<ProfileSettings> m_profiles;
    QHash<QString, qsizetype> m_profileIndex;
    QList<NamedSection> m_ssoSessions;
    QList<NamedSection> m_services;
    QList<Diagnostic> m_extraDiagnostics;
};

} // namespace Rolecall::Core::Config

// Qt containers move these with memcpy when they grow (every member is itself relocatable).
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::ProfileSettings, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Rolecall::Core::Config::NamedSection, Q_RELOCATABLE_TYPE);
