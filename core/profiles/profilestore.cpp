// SPDX-License-Identifier: Apache-2.0
#include "profilestore.h"

namespace Rolecall::Core::Profiles {

ProfileStore::ProfileStore(Config::ConfigPaths paths, QString defaultSessionName, QObject *parent)
    : QObject(parent)
    , m_paths(std::move(paths))
    , m_defaultSessionName(std::move(defaultSessionName))
{ }

ProfileStore::~ProfileStore() = default;

void ProfileStore::reload()
{
    m_config = Config::SharedConfig::load(m_paths);
    m_profiles = ProfileResolver(m_config, m_defaultSessionName).resolveAll();
    m_index.clear();
    m_index.reserve(m_profiles.size());
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        m_index.insert(m_profiles.at(i).name, i);
    ++m_generation;
    Q_EMIT reloaded();
}

void ProfileStore::setWatching(bool watching)
{
    if (watching == isWatching())
        return;
    if (!watching) {
        m_watcher.reset();
        return;
    }
    m_watcher = std::make_unique<Config::ConfigWatcher>();
    m_watcher->setPaths({m_paths.config, m_paths.credentials});
    connect(m_watcher.get(), &Config::ConfigWatcher::changed, this, &ProfileStore::reload);
}

const ResolvedProfile *ProfileStore::profile(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_profiles.at(*it);
}

} // namespace Rolecall::Core::Profiles
