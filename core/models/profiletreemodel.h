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
 * The profiles of the main window, in one of two shapes:
 * - without a filter, a tree: accounts at the top (id and alias, sorted by alias or id), their profiles
 *   below in file order;
 * - while a filter is set (isFlat()), a flat list of the matching profiles ranked by FuzzyMatcher score
 *   across all accounts (best first, ties by name), each row naming its account in AccountColumn. A view
 *   needs no expanding to show the results, which keeps a keystroke cheap over thousands of accounts.
 * The filter matches name, account id, alias, role name, role ARN and region. Switching shape is a model
 * reset. AccountColumn repeats what the account rows say in the tree: views hide it there.
 * QtCore-only; icons and colours come from the ui delegate through the roles.
 */
class ProfileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileTreeModel)

public:
    enum Column
    {
        NameColumn,
        AccountColumn, ///< the profile's account, alias (id); for the flat results
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
        ScoreRole, ///< int; 0 without a filter and on account rows
    };

    explicit ProfileTreeModel(const Clock *clock, QObject *parent = nullptr);
    ~ProfileTreeModel() override;

    void setProfiles(const QList<Profiles::ResolvedProfile> &profiles);
    /// Filters and ranks; a query with words makes the model flat, an empty one a tree again.
    void setFilter(const QString &query);
    QString filter() const { return m_matcher.query(); }
    /// True while a filter is set: top-level profile rows only, ranked across accounts.
    bool isFlat() const { return !m_matcher.isEmpty(); }
    /// Active sessions by profile name: their expiry (UTC). Updates badges only.
    void setSessions(const QHash<QString, QDateTime> &expiries);
    void setFavourites(const QSet<QString> &favourites);
    /// Known aliases by account id (from the settings or rolecall_account_alias keys).
    void setAccountAliases(const QHash<QString, QString> &aliases);
    /// Re-reads the clock for the countdown badges (call every few seconds).
    void refreshCountdowns();

    QModelIndex indexOfProfile(const QString &name, int column = NameColumn) const;
    const Profiles::ResolvedProfile *profileAt(const QModelIndex &index) const;
    /// The first profile row: the best match while flat (for Enter in the search field).
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
        int nameOrder = 0; // position by name (case-insensitive first), the ranking's tie-break
    };
    struct Group
    {
        QString accountId;
        QList<int> entries; // indices into m_entries
    };

    /// A model reset: the ranked results for the filter, and the tree again when @p regroup.
    void rebuild(bool regroup);
    void rankMatches();
    void groupByAccount();
    /// The index into m_entries of a profile row, -1 for anything else.
    int entryAt(const QModelIndex &index) const;
    /// "alias (id)", or the id without an alias.
    QString accountText(const QString &accountId) const;
    /// dataChanged for the status cells of @p profiles (those visible).
    void emitStatusChanged(const QStringList &profiles);
    QString aliasFor(const QString &accountId) const;
    qint64 secondsLeft(const QString &profile) const;

    const Clock *m_clock;
    QList<Entry> m_entries;
    QList<Group> m_groups; // the tree, kept while flat
    QList<int> m_ranked; // the flat results, indices into m_entries; empty in the tree
    FuzzyMatcher m_matcher;
    QHash<QString, QDateTime> m_sessions;
    QSet<QString> m_favourites;
    QHash<QString, QString> m_aliases;
};

} // namespace Rolecall::Core::Models
