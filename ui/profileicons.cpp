// SPDX-License-Identifier: Apache-2.0
#include "profileicons.h"

#include "models/profiletreemodel.h"

#include <QHash>

using namespace Qt::StringLiterals;
using Rolecall::Core::Models::ProfileTreeModel;
using Rolecall::Core::Profiles::Kind;

namespace Rolecall::Ui {

namespace {
QIcon cached(const QString &path)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, QIcon(path));
    return *it;
}
} // namespace

QIcon iconForKind(Kind kind)
{
    switch (kind) {
    case Kind::Static:
        return cached(u":/icons/static.svg"_s);
    case Kind::Role:
        return cached(u":/icons/role.svg"_s);
    case Kind::CredentialSource:
        return cached(u":/icons/credential_source.svg"_s);
    case Kind::WebIdentity:
        return cached(u":/icons/web_identity.svg"_s);
    case Kind::Sso:
        return cached(u":/icons/sso.svg"_s);
    case Kind::Process:
        return cached(u":/icons/process.svg"_s);
    case Kind::None:
        break;
    }
    return cached(u":/icons/none.svg"_s);
}

QIcon accountIcon()
{
    return cached(u":/icons/account.svg"_s);
}

QIcon applicationIcon()
{
    return cached(u":/icons/rolecall.svg"_s);
}

ProfileItemDelegate::ProfileItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

ProfileItemDelegate::~ProfileItemDelegate() = default;

void ProfileItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == ProfileTreeModel::NameColumn) {
        option->icon = index.data(ProfileTreeModel::IsAccountRole).toBool()
            ? accountIcon()
            : iconForKind(static_cast<Kind>(index.data(ProfileTreeModel::KindRole).toInt()));
        option->features |= QStyleOptionViewItem::HasDecoration;
        return;
    }
    if (index.column() != ProfileTreeModel::StatusColumn)
        return;
    const qint64 left = index.data(ProfileTreeModel::SecondsLeftRole).toLongLong();
    switch (ProfileTreeModel::urgency(left)) {
    case ProfileTreeModel::Urgency::Fresh:
        option->palette.setColor(QPalette::Text, QColor(0x1b, 0x7f, 0x3b));
        break;
    case ProfileTreeModel::Urgency::Soon:
        option->palette.setColor(QPalette::Text, QColor(0xb3, 0x6b, 0x00));
        break;
    case ProfileTreeModel::Urgency::Critical:
    case ProfileTreeModel::Urgency::Expired:
        option->palette.setColor(QPalette::Text, QColor(0xb0, 0x00, 0x20));
        break;
    case ProfileTreeModel::Urgency::None:
        break;
    }
}

} // namespace Rolecall::Ui
