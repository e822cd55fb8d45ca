// SPDX-License-Identifier: Apache-2.0
#include "profiletreemodel.h"

#include <QCoreApplication>

#include <numeric>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Models {

namespace {
// Flat result rows carry kRankedRow; profile rows of the tree their group index + 1; account rows kAccountTag and
// their row, scrambled. Qt hashes a QModelIndex as (row << 4) + column + internalId and its hash tables pick buckets
// by the low bits: with a constant internalId every account row would land in one bucket of 16, and the view's
// persistent index per expanded account (thousands of them) would take linear-probing walks of thousands of steps.
constexpr quintptr kAccountTag = quintptr(1) << (sizeof(quintptr) * 8 - 1);
constexpr quintptr kRankedRow = 0;

quintptr accountRowId(int row)
{
    return kAccountTag | ((quintptr(row) * quintptr(0x9E3779B1u)) & (kAccountTag - 1));
}

bool isAccountRow(const QModelIndex &index)
{
    return (index.internalId() & kAccountTag) != 0;
}
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
        // Folded once here, not on every keystroke.
        for (const QString &field : {profile.name, profile.accountId, entry.roleName, profile.roleArn, profile.region})
            entry.searchFields.append(FuzzyMatcher::fold(field));
        m_entries.append(std::move(entry));
    }
    for (Entry &entry : m_entries)
        entry.searchFields.append(FuzzyMatcher::fold(aliasFor(entry.profile.accountId)));
    // The tie-break of the ranking, as a number: a keystroke then sorts by comparing integers, not names.
    QList<int> byName(m_entries.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(), [this](int a, int b) {
        const Entry &x = m_entries.at(a);
        const Entry &y = m_entries.at(b);
        if (const int folded = x.searchFields.first().compare(y.searchFields.first()); folded != 0)
            return folded < 0;
        return x.profile.name < y.profile.name;
    });
    for (int i = 0; i < byName.size(); ++i)
        m_entries[byName.at(i)].nameOrder = i;
    rebuild(true);
}

void ProfileTreeModel::setFilter(const QString &query)
{
    if (query == m_matcher.query())
        return;
    m_matcher = FuzzyMatcher(query);
    rebuild(false);
}

void ProfileTreeModel::setSessions(const QHash<QString, QDateTime> &expiries)
{
    // The badges of sessions that ended change too.
    QStringList changed = m_sessions.keys();
    m_sessions = expiries;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (!changed.contains(it.key()))
            changed.append(it.key());
    }
    emitStatusChanged(changed);
}

void ProfileTreeModel::setFavourites(const QSet<QString> &favourites)
{
    m_favourites = favourites;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ProfileTreeModel::setAccountAliases(const QHash<QString, QString> &aliases)
{
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
        m_aliases.insert(it.key(), it.value());
    for (Entry &entry : m_entries)
        entry.searchFields.last() = FuzzyMatcher::fold(aliasFor(entry.profile.accountId));
    rebuild(true);
}

void ProfileTreeModel::refreshCountdowns()
{
    emitStatusChanged(m_sessions.keys());
}

void ProfileTreeModel::emitStatusChanged(const QStringList &profiles)
{
    // Only the rows with a countdown: a signal per row of thousands would make every attached view re-measure
    // its columns thousands of times a second.
    for (const QString &name : profiles) {
        const QModelIndex status = indexOfProfile(name, StatusColumn);
        if (status.isValid())
            Q_EMIT dataChanged(status, status, {Qt::DisplayRole, SecondsLeftRole, SessionExpiryRole, Qt::ToolTipRole});
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

QString ProfileTreeModel::accountText(const QString &accountId) const
{
    const QString alias = aliasFor(accountId);
    return alias.isEmpty() ? accountId : tr("%1 (%2)").arg(alias, accountId);
}

void ProfileTreeModel::rebuild(bool regroup)
{
    beginResetModel();
    // The tree does not depend on the filter: kept while flat, clearing the search costs no regrouping.
    if (regroup)
        groupByAccount();
    m_ranked.clear();
    if (isFlat())
        rankMatches();
    endResetModel();
}

void ProfileTreeModel::rankMatches()
{
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        entry.score = m_matcher.scoreFolded(entry.searchFields);
        if (entry.score > 0)
            m_ranked.append(i);
    }
    // Best first; ties by name, so the order never depends on the file's.
    std::sort(m_ranked.begin(), m_ranked.end(), [this](int a, int b) {
        const Entry &x = m_entries.at(a);
        const Entry &y = m_entries.at(b);
        return x.score != y.score ? x.score > y.score : x.nameOrder < y.nameOrder;
    });
}

void ProfileTreeModel::groupByAccount()
{
    m_groups.clear();
    QHash<QString, qsizetype> groupIndex;
    groupIndex.reserve(m_entries.size());
    for (int i = 0; i < m_entries.size(); ++i) {
        const QString &account = m_entries.at(i).profile.accountId;
        auto it = groupIndex.constFind(account);
        if (it == groupIndex.constEnd()) {
            it = groupIndex.insert(account, m_groups.size());
            m_groups.append(Group {account, {}});
        }
        m_groups[*it].entries.append(i);
    }
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

int ProfileTreeModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isAccountRow(index))
        return -1;
    if ((index.internalId() == kRankedRow) != isFlat())
        return -1; // from the other shape
    if (isFlat())
        return index.row() < m_ranked.size() ? m_ranked.at(index.row()) : -1;
    const auto g = static_cast<qsizetype>(index.internalId() - 1);
    if (g >= m_groups.size() || index.row() >= m_groups.at(g).entries.size())
        return -1;
    return m_groups.at(g).entries.at(index.row());
}

QModelIndex ProfileTreeModel::indexOfProfile(const QString &name, int column) const
{
    if (isFlat()) {
        for (int r = 0; r < m_ranked.size(); ++r) {
            if (m_entries.at(m_ranked.at(r)).profile.name == name)
                return createIndex(r, column, kRankedRow);
        }
        return {};
    }
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
    const int entry = entryAt(index);
    return entry < 0 ? nullptr : &m_entries.at(entry).profile;
}

QModelIndex ProfileTreeModel::firstProfileIndex() const
{
    if (isFlat())
        return m_ranked.isEmpty() ? QModelIndex() : createIndex(0, NameColumn, kRankedRow);
    for (int g = 0; g < m_groups.size(); ++g) {
        if (!m_groups.at(g).entries.isEmpty())
            return createIndex(0, NameColumn, static_cast<quintptr>(g + 1));
    }
    return {};
}

int ProfileTreeModel::visibleProfileCount() const
{
    if (isFlat())
        return static_cast<int>(m_ranked.size());
    return static_cast<int>(m_entries.size());
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
    if (isFlat())
        return !parent.isValid() && row < m_ranked.size() ? createIndex(row, column, kRankedRow) : QModelIndex();
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, accountRowId(row)) : QModelIndex();
    if (!isAccountRow(parent) || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex ProfileTreeModel::parent(const QModelIndex &child) const
{
    if (isFlat() || !child.isValid() || isAccountRow(child) || child.internalId() == kRankedRow)
        return {};
    const int row = static_cast<int>(child.internalId() - 1);
    return createIndex(row, 0, accountRowId(row));
}

int ProfileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(isFlat() ? m_ranked.size() : m_groups.size());
    if (isFlat() || parent.column() != 0 || !isAccountRow(parent) || parent.row() >= m_groups.size())
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
    if (isAccountRow(index)) {
        if (isFlat() || index.row() >= m_groups.size())
            return {};
        const Group &group = m_groups.at(index.row());
        const QString alias = aliasFor(group.accountId);
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() != NameColumn)
                return {};
            return group.accountId.isEmpty() ? tr("Other profiles") : accountText(group.accountId);
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
            return 0;
        default:
            return {};
        }
    }

    const int entry = entryAt(index);
    if (entry < 0)
        return {};
    const Profiles::ResolvedProfile *profile = &m_entries.at(entry).profile;
    const qint64 left = secondsLeft(profile->name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return profile->name;
        case AccountColumn:
            return accountText(profile->accountId);
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
        if (const QString alias = aliasFor(profile->accountId); isFlat() && !profile->accountId.isEmpty())
            text += u", "_s + tr("Account %1").arg(alias.isEmpty() ? profile->accountId : alias); // no account row
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
    case ScoreRole:
        return isFlat() ? m_entries.at(entry).score : 0;
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
    case AccountColumn:
        return tr("Account");
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
    if (isAccountRow(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // Saying so spares the view a hasChildren() per row and, on expandAll(), a persistent index per profile: those
    // with consecutive internal ids fill a run of the model's hash table that every account row's lookup walks.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Rolecall::Core::Models
