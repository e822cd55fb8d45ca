// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/clock.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace Rolecall::Core::Models {

/**
 * The active sessions for the Sessions view and the tray: one row per profile with a session, the
 * soonest to expire first, with a live countdown ("23 min left") read from the injected Clock.
 * QtCore-only; colours and icons come from the ui through UrgencyRole.
 *
 * Feed it SessionController::expiries() whenever a session changes (setSessions) and call
 * refreshCountdowns() every second or so; rows are inserted, moved and removed one by one, so views
 * keep their selection.
 */
class SessionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsModel)

public:
    enum Column
    {
        ProfileColumn,
        TimeLeftColumn,
        ExpiresColumn,
        AutoRefreshColumn,
        ColumnCount
    };
    enum Role
    {
        ProfileNameRole = Qt::UserRole + 1, ///< QString
        ExpiryRole, ///< QDateTime (UTC)
        SecondsLeftRole, ///< qint64, 0 once expired
        UrgencyRole, ///< int (ProfileTreeModel::Urgency)
        AutoRefreshRole, ///< bool
    };

    /// @p clock must outlive the model.
    explicit SessionsModel(const Clock *clock, QObject *parent = nullptr);
    ~SessionsModel() override;

    /// Active sessions by profile name: their expiry (UTC).
    void setSessions(const QHash<QString, QDateTime> &expiries);
    /// Profiles whose sessions refresh by themselves (shown in the Auto-refresh column).
    void setAutoRefresh(const QSet<QString> &profiles);
    /// Re-reads the clock: emits dataChanged for the countdown column.
    void refreshCountdowns();

    QString profileAt(int row) const;
    int rowOfProfile(const QString &profile) const;
    qint64 secondsLeft(const QString &profile) const;
    /// (profile, seconds left) in row order, for the tray menu.
    QList<std::pair<QString, qint64>> countdowns() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString profile;
        QDateTime expiry;
    };
    /// The row @p row should be at, among the others, when sorted by expiry then name.
    static bool before(const Row &a, const Row &b);
    qint64 secondsLeftOf(const Row &row) const;

    const Clock *m_clock;
    QList<Row> m_rows;
    QSet<QString> m_autoRefresh;
};

} // namespace Rolecall::Core::Models
