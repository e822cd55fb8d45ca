// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QVBoxLayout>

namespace Rolecall::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Rolecall"));
    setObjectName(QStringLiteral("mainWindow"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_searchLineEdit = new QLineEdit(central);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search profiles, accounts, roles, regions (Ctrl+F)"));
    m_searchLineEdit->setAccessibleName(tr("Search profiles"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_placeholderLabel = new QLabel(tr("Your AWS profiles will appear here."), central);
    m_placeholderLabel->setObjectName(QStringLiteral("placeholderLabel"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_searchLineEdit);
    layout->addWidget(m_placeholderLabel, 1);
    setCentralWidget(central);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, qApp, &QApplication::quit);

    auto *findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_searchLineEdit, [this] {
        m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchLineEdit->selectAll();
    });
    addAction(findAction);

    resize(720, 480);
    m_searchLineEdit->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

} // namespace Rolecall::Ui
