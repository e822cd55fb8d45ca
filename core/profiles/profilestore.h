// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/configwatcher.h"
#include "config/sharedconfig.h"
#include "profile.h"

#include <QObject>

#include <memory>

namespace Rolecall::Core::Profiles {

/**
 * The user's profiles, always current: reads both files, resolves every profile, and — when watching
 * — reloads by itself shortly after either file changes on disk (editors that save by rename
 * included), so the desktop app's profile list follows edits without a restart.
 */
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    ProfileStore(Config::ConfigPaths paths, QString defaultSessionName, QObject *parent = nullptr);
    ~ProfileStore() override;

    /// Reads and resolves now; emits reloaded().
    void reload();
    /// Watch both files and reload after changes (debounced by the watcher).
    void setWatching(bool watching);
    bool isWatching() const { return m_watcher != nullptr; }
    Config::ConfigWatcher *watcher() const { return m_watcher.get(); }

    const Config::ConfigPaths &paths() const { return m_paths; }
    const Config::SharedConfig &config() const { return m_config; }
    const QList<ResolvedProfile> &profiles() const { return m_profiles; }
    const ResolvedProfile *profile(const QString &name) const;
    QList<Config::Diagnostic> diagnostics() const { return m_config.diagnostics(); }
    /// How many times the files were read (for tests and diagnostics).
    int generation() const { return m_generation; }

Q_SIGNALS:
    void reloaded();

private:
    Config::ConfigPaths m_paths;
    QString m_defaultSessionName;
    Config::SharedConfig m_config;
    QList<ResolvedProfile> m_profiles;
    QHash<QString, qsizetype> m_index;
    std::unique_ptr<Config::ConfigWatcher> m_watcher;
    int m_generation = 0;
};

} // namespace Rolecall::Core::Profiles
