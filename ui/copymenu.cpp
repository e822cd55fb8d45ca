// SPDX-License-Identifier: Apache-2.0
#include "copymenu.h"

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

CopyMenu::CopyMenu(QWidget *parent)
    : QMenu(tr("&Copy credentials as"), parent)
{
    setObjectName(u"copyMenu"_s);
    for (const QString &name : Core::Export::formatNames()) {
        const auto format = *Core::Export::formatFromName(name);
        QAction *copy = addAction(Core::Export::formatTitle(format));
        copy->setObjectName(u"copy_"_s + name + u"Action"_s);
        if (format == Core::Export::Format::Env)
            copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        connect(copy, &QAction::triggered, this, [this, format] { Q_EMIT copyRequested(format); });
    }
}

CopyMenu::~CopyMenu() = default;

} // namespace Rolecall::Ui
