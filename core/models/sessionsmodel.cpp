// SPDX-License-Identifier: Apache-2.0
#include "sessionsmodel.h"

#include "profiletreemodel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Models {

SessionsModel::SessionsModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{ }

SessionsModel::~SessionsModel() = default;

bool SessionsModel::before(const Row &a, const Row &b)
{
    if (a.expiry != b.expiry)
        return a.expiry < b.expiry;
    return a.profile < b.profile;
}

void SessionsModel::setSessions(const QHash<QString, QDateTime> &expiries)
{
    // Gone, or expiring at another time (it moves): out first, one row at a time, from the end.
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        const Row &current = m_rows.at(row);
        const auto it = expiries.constFind(current.profile);
        if (it != expiries.constEnd() && it->toUTC() == current.expiry)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // New ones (and moved ones) in at their sorted place.
    QList<Row> incoming;
    for (auto it = expiries.cbegin(); it != expiries.cend(); ++it) {
        if (it.value().isValid() && rowOfProfile(it.key()) < 0)
            incoming.append({it.key(), it.value().toUTC()});
    }
    std::sort(incoming.begin(), incoming.end(), before);
    for (const Row &row : std::as_const(incoming)) {
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), row, before);
        const int position = static_cast<int>(at - m_rows.begin());
        beginInsertRows({}, position, position);
        m_rows.insert(position, row);
        endInsertRows();
    }
}

void SessionsModel::setAutoRefresh(const QSet<QString> &profiles)
{
    if (profiles == m_autoRefresh)
        return;
    m_autoRefresh = profiles;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AutoRefreshColumn), index(rowCount() - 1, AutoRefreshColumn));
}

void SessionsModel::refreshCountdowns()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeLeftColumn), index(rowCount() - 1, TimeLeftColumn));
}

QString SessionsModel::profileAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).profile : QString();
}

int SessionsModel::rowOfProfile(const QString &profile) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).profile == profile)
            return row;
    }
    return -1;
}

qint64 SessionsModel::secondsLeftOf(const Row &row) const
{
    return std::max<qint64>(0, m_clock->nowUtc().secsTo(row.expiry));
}

qint64 SessionsModel::secondsLeft(const QString &profile) const
{
    const int row = rowOfProfile(profile);
    return row < 0 ? -1 : secondsLeftOf(m_rows.at(row));
}

QList<std::pair<QString, qint64>> SessionsModel::countdowns() const
{
    QList<std::pair<QString, qint64>> out;
    for (const Row &row : m_rows)
        out.append({row.profile, secondsLeftOf(row)});
    return out;
}

int SessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const qint64 left = secondsLeftOf(row);
    const bool autoRefresh = m_autoRefresh.contains(row.profile);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProfileColumn:
            return row.profile;
        case TimeLeftColumn:
            return ProfileTreeModel::countdownText(left);
        case ExpiresColumn:
            return QLocale().toString(row.expiry.toLocalTime().time(), QLocale::ShortFormat);
        case AutoRefreshColumn:
            return autoRefresh ? tr("on") : tr("off");
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        return tr("Session of %1, %2, auto-refresh %3")
            .arg(row.profile, ProfileTreeModel::countdownText(left), autoRefresh ? tr("on") : tr("off"));
    case Qt::ToolTipRole:
        return tr("Expires %1").arg(QLocale().toString(row.expiry.toLocalTime(), QLocale::LongFormat));
    case ProfileNameRole:
        return row.profile;
    case ExpiryRole:
        return row.expiry;
    case SecondsLeftRole:
        return left;
    case UrgencyRole:
        return static_cast<int>(ProfileTreeModel::urgency(left));
    case AutoRefreshRole:
        return autoRefresh;
    default:
        return {};
    }
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProfileColumn:
        return tr("Profile");
    case TimeLeftColumn:
        return tr("Time left");
    case ExpiresColumn:
        return tr("Expires");
    case AutoRefreshColumn:
        return tr("Auto-refresh");
    default:
        return {};
    }
}

} // namespace Rolecall::Core::Models
