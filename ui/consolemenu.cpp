// SPDX-License-Identifier: Apache-2.0
#include "consolemenu.h"

#include <QInputDialog>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

ConsoleMenu::ConsoleMenu(QWidget *parent)
    : QMenu(tr("&Open console"), parent)
{
    setObjectName(u"consoleMenu"_s);
    QAction *home = addAction(tr("Console home"));
    home->setObjectName(u"consoleHomeAction"_s);
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(home, &QAction::triggered, this, [this] { Q_EMIT openRequested(false, {}, logoutFirst()); });
    connect(addAction(tr("In the profile's region")), &QAction::triggered, this,
        [this] { Q_EMIT openRequested(true, {}, logoutFirst()); });
    connect(addAction(tr("A service…")), &QAction::triggered, this, [this] {
        bool ok = false;
        const QString service = QInputDialog::getText(parentWidget(), tr("Open a console service"),
            tr("Service (ec2, s3, iam, cloudwatch, …):"), QLineEdit::Normal, {}, &ok)
                                    .trimmed();
        if (ok && !service.isEmpty())
            Q_EMIT openRequested(true, service, logoutFirst());
    });
    m_logoutFirst = addAction(tr("Sign out of the current console first"));
    m_logoutFirst->setObjectName(u"logoutFirstAction"_s);
    m_logoutFirst->setCheckable(true);
}

ConsoleMenu::~ConsoleMenu() = default;

bool ConsoleMenu::logoutFirst() const
{
    return m_logoutFirst->isChecked();
}

} // namespace Rolecall::Ui
