// SPDX-License-Identifier: Apache-2.0
#include "profiletreemodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Models {

namespace {
// Account rows carry internalId 0; profile rows carry their group index + 1.
constexpr quintptr kAccountRow = 0;
} // namespace

ProfileTreeModel::ProfileTreeModel(const Clock *clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clock(clock)
{ }

ProfileTreeModel::~ProfileTreeModel() = default;

void ProfileTreeModel::setProfiles(const QList<Profiles::ResolvedProfile> &profiles)
{
    m_entries.clear();
    m_entries.reserve(profiles.size());
    for (const Profiles::ResolvedProfile &profile : profiles) {
        Entry entry;
        entry.profile = profile;
        entry.roleName = profile.roleArn.section(u'/', -1);
        const QString alias = profile.setting(u"rolecall_account_alias");
        if (!alias.isEmpty() && !profile.accountId.isEmpty() && !m_aliases.contains(profile.accountId))
            m_aliases.insert(profile.accountId, alias);
        entry.searchFields = {profile.name, profile.accountId, entry.roleName, profile.roleArn, profile.region};
        m_entries.append(std::move(entry));
    }
    for (Entry &entry : m_entries)
        entry.searchFields.append(aliasFor(entry.profile.accountId));
    rebuild();
}

void ProfileTreeModel::setFilter(const QString &query)
{
    if (query == m_matcher.query())
        return;
    m_matcher = FuzzyMatcher(query);
    rebuild();
}

void ProfileTreeModel::setSessions(const QHash<QString, QDateTime> &expiries)
{
    m_sessions = expiries;
    refreshCountdowns();
}

void ProfileTreeModel::setFavourites(const QSet<QString> &favourites)
{
    m_favourites = favourites;
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ProfileTreeModel::setAccountAliases(const QHash<QString, QString> &aliases)
{
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
        m_aliases.insert(it.key(), it.value());
    for (Entry &entry : m_entries)
        entry.searchFields.last() = aliasFor(entry.profile.accountId);
    rebuild();
}

void ProfileTreeModel::refreshCountdowns()
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex parent = index(g, 0);
        const int rows = static_cast<int>(m_groups.at(g).entries.size());
        if (rows > 0)
            Q_EMIT dataChanged(index(0, StatusColumn, parent), index(rows - 1, StatusColumn, parent),
                {Qt::DisplayRole, SecondsLeftRole, SessionExpiryRole, Qt::ToolTipRole});
    }
}

QString ProfileTreeModel::aliasFor(const QString &accountId) const
{
    return m_aliases.value(accountId);
}

qint64 ProfileTreeModel::secondsLeft(const QString &profile) const
{
    const auto it = m_sessions.constFind(profile);
    if (it == m_sessions.constEnd() || !it->isValid())
        return -1;
    return std::max<qint64>(0, m_clock->nowUtc().secsTo(*it));
}

void ProfileTreeModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    QHash<QString, qsizetype> groupIndex;
    const bool filtering = !m_matcher.isEmpty();
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        entry.score = filtering ? m_matcher.score(entry.searchFields) : 0;
        if (filtering && entry.score == 0)
            continue;
        const QString &account = entry.profile.accountId;
        auto it = groupIndex.constFind(account);
        if (it == groupIndex.constEnd()) {
            it = groupIndex.insert(account, m_groups.size());
            m_groups.append(Group {account, {}, 0});
        }
        Group &group = m_groups[*it];
        group.entries.append(i);
        group.bestScore = std::max(group.bestScore, entry.score);
    }
    if (filtering) {
        for (Group &group : m_groups)
            std::stable_sort(group.entries.begin(), group.entries.end(),
                [this](int a, int b) { return m_entries.at(a).score > m_entries.at(b).score; });
        std::stable_sort(
            m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) { return a.bestScore > b.bestScore; });
    } else {
        // Named accounts first (by alias), then the others by id; profiles without an account last.
        std::stable_sort(m_groups.begin(), m_groups.end(), [this](const Group &a, const Group &b) {
            if (a.accountId.isEmpty() != b.accountId.isEmpty())
                return b.accountId.isEmpty();
            const QString aliasA = aliasFor(a.accountId);
            const QString aliasB = aliasFor(b.accountId);
            if (aliasA.isEmpty() != aliasB.isEmpty())
                return aliasB.isEmpty();
            return (aliasA.isEmpty() ? a.accountId : aliasA)
                       .compare(aliasB.isEmpty() ? b.accountId : aliasB, Qt::CaseInsensitive)
                < 0;
        });
    }
    endResetModel();
}

QModelIndex ProfileTreeModel::indexOfProfile(const QString &name, int column) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const Group &group = m_groups.at(g);
        for (int r = 0; r < group.entries.size(); ++r) {
            if (m_entries.at(group.entries.at(r)).profile.name == name)
                return createIndex(r, column, static_cast<quintptr>(g + 1));
        }
    }
    return {};
}

const Profiles::ResolvedProfile *ProfileTreeModel::profileAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kAccountRow)
        return nullptr;
    const int g = static_cast<int>(index.internalId() - 1);
    if (g >= m_groups.size() || index.row() >= m_groups.at(g).entries.size())
        return nullptr;
    return &m_entries.at(m_groups.at(g).entries.at(index.row())).profile;
}

QModelIndex ProfileTreeModel::firstProfileIndex() const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        if (!m_groups.at(g).entries.isEmpty())
            return createIndex(0, NameColumn, static_cast<quintptr>(g + 1));
    }
    return {};
}

int ProfileTreeModel::visibleProfileCount() const
{
    int count = 0;
    for (const Group &group : m_groups)
        count += static_cast<int>(group.entries.size());
    return count;
}

QString ProfileTreeModel::countdownText(qint64 secondsLeft)
{
    if (secondsLeft < 0)
        return {};
    if (secondsLeft == 0)
        return tr("expired");
    if (secondsLeft < 60)
        return tr("%n s left", nullptr, static_cast<int>(secondsLeft));
    const qint64 minutes = (secondsLeft + 59) / 60;
    if (minutes < 60)
        return tr("%n min left", nullptr, static_cast<int>(minutes));
    return tr("%1 h %2 min left").arg(minutes / 60).arg(minutes % 60, 2, 10, QChar(u'0'));
}

ProfileTreeModel::Urgency ProfileTreeModel::urgency(qint64 secondsLeft)
{
    if (secondsLeft < 0)
        return Urgency::None;
    if (secondsLeft == 0)
        return Urgency::Expired;
    if (secondsLeft < 5 * 60)
        return Urgency::Critical;
    return secondsLeft < 15 * 60 ? Urgency::Soon : Urgency::Fresh;
}

QModelIndex ProfileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, kAccountRow) : QModelIndex();
    if (parent.internalId() != kAccountRow || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex ProfileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kAccountRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kAccountRow);
}

int ProfileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kAccountRow || parent.row() >= m_groups.size())
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).entries.size());
}

int ProfileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProfileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kAccountRow) {
        if (index.row() >= m_groups.size())
            return {};
        const Group &group = m_groups.at(index.row());
        const QString alias = aliasFor(group.accountId);
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() != NameColumn)
                return {};
            if (group.accountId.isEmpty())
                return tr("Other profiles");
            return alias.isEmpty() ? group.accountId : tr("%1 (%2)").arg(alias, group.accountId);
        case Qt::AccessibleTextRole:
            return group.accountId.isEmpty() ? tr("Profiles without an account id")
                                             : tr("Account %1").arg(alias.isEmpty() ? group.accountId : alias);
        case IsAccountRole:
            return true;
        case AccountIdRole:
            return group.accountId;
        case AccountAliasRole:
            return alias;
        case ScoreRole:
            return group.bestScore;
        default:
            return {};
        }
    }

    const Profiles::ResolvedProfile *profile = profileAt(index);
    if (!profile)
        return {};
    const qint64 left = secondsLeft(profile->name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return profile->name;
        case RegionColumn:
            return profile->region;
        case StatusColumn:
            if (left >= 0)
                return countdownText(left);
            if (!profile->errors.isEmpty())
                return tr("error");
            return profile->needsMfa() ? tr("MFA") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = profile->roleArn.isEmpty() ? Profiles::kindName(profile->kind) : profile->roleArn;
        if (!profile->errors.isEmpty())
            tip += u'\n' + profile->errors.join(u'\n');
        return tip;
    }
    case Qt::AccessibleTextRole: {
        QString text = tr("Profile %1").arg(profile->name);
        if (profile->needsMfa())
            text += u", "_s + tr("needs MFA");
        if (left >= 0)
            text += u", "_s + tr("session active, %1").arg(countdownText(left));
        return text;
    }
    case ProfileNameRole:
        return profile->name;
    case IsAccountRole:
        return false;
    case KindRole:
        return static_cast<int>(profile->kind);
    case KindNameRole:
        return Profiles::kindName(profile->kind);
    case AccountIdRole:
        return profile->accountId;
    case AccountAliasRole:
        return aliasFor(profile->accountId);
    case RegionRole:
        return profile->region;
    case RoleArnRole:
        return profile->roleArn;
    case NeedsMfaRole:
        return profile->needsMfa();
    case HasErrorsRole:
        return !profile->errors.isEmpty();
    case SessionExpiryRole:
        return m_sessions.value(profile->name);
    case SecondsLeftRole:
        return left;
    case FavouriteRole:
        return m_favourites.contains(profile->name);
    case ScoreRole: {
        const int g = static_cast<int>(index.internalId() - 1);
        return m_entries.at(m_groups.at(g).entries.at(index.row())).score;
    }
    default:
        return {};
    }
}

QVariant ProfileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Profile");
    case RegionColumn:
        return tr("Region");
    case StatusColumn:
        return tr("Session");
    default:
        return {};
    }
}

Qt::ItemFlags ProfileTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace Rolecall::Core::Models
