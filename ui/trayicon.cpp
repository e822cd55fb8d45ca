// SPDX-License-Identifier: Apache-2.0
#include "trayicon.h"

#include "mainwindow.h"
#include "profileicons.h"

#include "controllers/settings.h"
#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"

#include <QCoreApplication>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

TrayIcon::TrayIcon(bool useSystemTray, QObject *parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->setObjectName(u"trayMenu"_s);
    m_menu->setAccessibleName(tr("Rolecall tray menu"));
    connect(m_menu.get(), &QMenu::aboutToShow, this, qOverload<>(&TrayIcon::rebuild));
    if (useSystemTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(applicationIcon(), this);
        m_tray->setToolTip(tr("Rolecall"));
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT showWindowRequested();
        });
        m_tray->show();
    }
    rebuild(TrayContent());
}

TrayIcon::~TrayIcon()
{
    if (m_tray)
        m_tray->setContextMenu(nullptr);
}

void TrayIcon::rebuild()
{
    rebuild(m_provider ? m_provider() : TrayContent());
}

QMenu *TrayIcon::profileMenu(QMenu *parent, const QString &section, const QString &profile, const QString &title)
{
    QMenu *menu = parent->addMenu(title);
    menu->setObjectName(u"tray/%1/%2"_s.arg(section, profile));
    const auto add = [&](const QString &verb, const QString &text, auto signal) {
        QAction *action = menu->addAction(text);
        action->setObjectName(u"tray/%1/%2/%3"_s.arg(section, profile, verb));
        connect(action, &QAction::triggered, this, [this, profile, signal] { Q_EMIT(this->*signal)(profile); });
    };
    add(u"assume"_s, tr("&Assume"), &TrayIcon::assumeRequested);
    add(u"copy"_s, tr("&Copy (env)"), &TrayIcon::copyRequested);
    add(u"console"_s, tr("&Open console"), &TrayIcon::consoleRequested);
    if (section == u"sessions"_s)
        add(u"forget"_s, tr("&Forget"), &TrayIcon::forgetRequested);
    return menu;
}

void TrayIcon::rebuild(const TrayContent &content)
{
    // clear() leaves the submenus (they own their menu actions): they go first.
    qDeleteAll(m_menu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    m_menu->clear();
    const auto section = [this](const QString &title) {
        QAction *header = m_menu->addSection(title);
        header->setEnabled(false);
    };
    if (!content.favourites.isEmpty()) {
        section(tr("Favourites"));
        for (const QString &name : content.favourites)
            profileMenu(m_menu.get(), u"favourites"_s, name, name);
    }
    if (!content.recents.isEmpty()) {
        section(tr("Recent"));
        for (const QString &name : content.recents)
            profileMenu(m_menu.get(), u"recents"_s, name, name);
    }
    section(tr("Active sessions"));
    if (content.sessions.isEmpty()) {
        QAction *none = m_menu->addAction(tr("No active session"));
        none->setEnabled(false);
    }
    for (const auto &[name, secondsLeft] : content.sessions) {
        const QString title = tr("%1 — %2").arg(name, Core::Models::ProfileTreeModel::countdownText(secondsLeft));
        profileMenu(m_menu.get(), u"sessions"_s, name, title);
    }
    m_menu->addSeparator();
    QAction *show = m_menu->addAction(tr("&Show window"));
    show->setObjectName(u"tray/show"_s);
    connect(show, &QAction::triggered, this, &TrayIcon::showWindowRequested);
    QAction *quit = m_menu->addAction(tr("&Quit"));
    quit->setObjectName(u"tray/quit"_s);
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    if (m_tray)
        m_tray->setToolTip(content.sessions.isEmpty()
                ? tr("Rolecall")
                : tr("Rolecall — %n active session(s)", nullptr, static_cast<int>(content.sessions.size())));
}

bool TrayIcon::showMessage(const QString &title, const QString &message)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
    return true;
}

void TrayIcon::connectWindow(MainWindow *window)
{
    Core::Controllers::Settings *settings = window->settings();
    Core::Models::SessionsModel *sessions = window->sessionsModel();
    setContentProvider([settings, sessions] {
        TrayContent content;
        content.favourites = settings->favourites();
        content.recents = settings->recents();
        content.sessions = sessions->countdowns();
        return content;
    });
    connect(this, &TrayIcon::assumeRequested, window, &MainWindow::assumeProfile);
    connect(this, &TrayIcon::copyRequested, window, &MainWindow::copyProfileAsEnv);
    connect(this, &TrayIcon::consoleRequested, window, &MainWindow::openConsoleFor);
    connect(this, &TrayIcon::forgetRequested, window, &MainWindow::forgetProfile);
    connect(this, &TrayIcon::showWindowRequested, window, &MainWindow::showAndRaise);
    connect(this, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    const auto applyCloseToTray
        = [this, window, settings] { window->setHideOnClose(isAvailable() && settings->closeToTray()); };
    connect(settings, &Core::Controllers::Settings::changed, this, applyCloseToTray);
    applyCloseToTray();
    rebuild();
}

} // namespace Rolecall::Ui
