// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/profile.h"

#include <QIcon>
#include <QStyledItemDelegate>

namespace Rolecall::Ui {

/** The small icon of a profile kind (SVGs under resources/icons, compiled in). */
QIcon iconForKind(Core::Profiles::Kind kind);
/** The icon of an account row. */
QIcon accountIcon();
/** Rolecall's application icon (window, tray). */
QIcon applicationIcon();

/**
 * Paints the profile tree: the kind's icon (or the account's) in the name column, and the countdown
 * in the status column in a colour that shifts as the session nears its end. Icons and colours come
 * in here, never through the QtCore model.
 */
class ProfileItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileItemDelegate)

public:
    explicit ProfileItemDelegate(QObject *parent = nullptr);
    ~ProfileItemDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Rolecall::Ui
