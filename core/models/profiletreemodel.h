// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fuzzymatch.h"
#include "profiles/profile.h"
#include "util/clock.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace Rolecall::Core::Models {

/**
 * The profile tree of the main window: accounts at the top (id and alias), their profiles below.
 * QtCore-only; icons and colours come from the ui delegate through the roles.
 *
 * setFilter() ranks with FuzzyMatcher over name, account id, alias, role name, role ARN and region:
 * accounts order by their best profile, profiles by score; without a filter accounts sort by alias
 * or id and profiles keep file order.
 */
class ProfileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileTreeModel)

public:
    enum Column
    {
        NameColumn,
        RegionColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        ProfileNameRole = Qt::UserRole + 1, ///< QString; empty on account rows
        IsAccountRole, ///< bool
        KindRole, ///< int (Profiles::Kind)
        KindNameRole, ///< "role", "static", …
        AccountIdRole,
        AccountAliasRole,
        RegionRole,
        RoleArnRole,
        NeedsMfaRole, ///< bool
        HasErrorsRole, ///< bool
        SessionExpiryRole, ///< QDateTime (UTC), invalid without an active session
        SecondsLeftRole, ///< qint64, -1 without an active session
        FavouriteRole, ///< bool
        ScoreRole, ///< int, 0 without a filter
    };

    explicit ProfileTreeModel(const Clock *clock, QObject *parent = nullptr);
    ~ProfileTreeModel() override;

    void setProfiles(const QList<Profiles::ResolvedProfile> &profiles);
    void setFilter(const QString &query);
    QString filter() const { return m_matcher.query(); }
    /// Active sessions by profile name: their expiry (UTC). Updates badges only.
    void setSessions(const QHash<QString, QDateTime> &expiries);
    void setFavourites(const QSet<QString> &favourites);
    /// Known aliases by account id (from the settings or rolecall_account_alias keys).
    void setAccountAliases(const QHash<QString, QString> &aliases);
    /// Re-reads the clock for the countdown badges (call every few seconds).
    void refreshCountdowns();

    QModelIndex indexOfProfile(const QString &name, int column = NameColumn) const;
    const Profiles::ResolvedProfile *profileAt(const QModelIndex &index) const;
    /// The first profile row (for Enter in the search field).
    QModelIndex firstProfileIndex() const;
    int visibleProfileCount() const;

    /// "23 min left", "1 h 05 min left", "expired" — translated.
    static QString countdownText(qint64 secondsLeft);

    /// How close a session is to its end, for the countdown's colour.
    enum class Urgency
    {
        None,
        Fresh,
        Soon,
        Critical,
        Expired
    };
    /// Fresh above 15 minutes, Soon down to 5 minutes, Critical below, Expired at 0; None without a session.
    static Urgency urgency(qint64 secondsLeft);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Entry
    {
        Profiles::ResolvedProfile profile;
        QString roleName;
        QStringList searchFields;
        int score = 0;
    };
    struct Group
    {
        QString accountId;
        QList<int> entries; // indices into m_entries
        int bestScore = 0;
    };

    void rebuild();
    QString aliasFor(const QString &accountId) const;
    qint64 secondsLeft(const QString &profile) const;

    const Clock *m_clock;
    QList<Entry> m_entries;
    QList<Group> m_groups;
    FuzzyMatcher m_matcher;
    QHash<QString, QDateTime> m_sessions;
    QSet<QString> m_favourites;
    QHash<QString, QString> m_aliases;
};

} // namespace Rolecall::Core::Models
