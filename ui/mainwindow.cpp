// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "clipboard.h"
#include "consolemenu.h"
#include "copymenu.h"
#include "detailspane.h"
#include "dialogactions.h"
#include "profileicons.h"
#include "sessionsdock.h"
#include "urlopener.h"

#include "controllers/sessioncontroller.h"
#include "controllers/sessionwatcher.h"
#include "controllers/settings.h"
#include "export/exporter.h"
#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"
#include "profiles/profilestore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Controllers::SessionController;
using Rolecall::Core::Models::ProfileTreeModel;

namespace Rolecall::Ui {

MainWindow::MainWindow(
    Core::Profiles::ProfileStore *store, SessionController *sessions, const Core::Clock *clock, QWidget *parent)
    : MainWindow(Services {store, sessions, clock}, parent)
{ }

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_store(services.store)
    , m_sessions(services.sessions)
    , m_clock(services.clock)
    , m_settings(services.settings ? services.settings : new Core::Controllers::Settings(this))
    , m_watcher(services.watcher)
    , m_model(new ProfileTreeModel(m_clock, this))
    , m_sessionsModel(new Core::Models::SessionsModel(m_clock, this))
    , m_clipboard(new Clipboard(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Rolecall"));
    setWindowIcon(applicationIcon());

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_searchLineEdit = new QLineEdit(left);
    m_searchLineEdit->setObjectName(u"searchLineEdit"_s);
    m_searchLineEdit->setPlaceholderText(tr("Search profiles, accounts, roles, regions (Ctrl+F)"));
    m_searchLineEdit->setAccessibleName(tr("Search profiles"));
    m_searchLineEdit->setAccessibleDescription(tr("Filters as you type; Enter assumes the best match"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_profileTreeView = new QTreeView(left);
    m_profileTreeView->setObjectName(u"profileTreeView"_s);
    m_profileTreeView->setAccessibleName(tr("Profiles by account"));
    m_profileTreeView->setModel(m_model);
    m_profileTreeView->setItemDelegate(new ProfileItemDelegate(m_profileTreeView));
    m_profileTreeView->setUniformRowHeights(true);
    m_profileTreeView->setAllColumnsShowFocus(true);
    m_profileTreeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_profileTreeView->header()->setStretchLastSection(false);
    m_profileTreeView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_profileTreeView->header()->setResizeContentsPrecision(0); // measure the rows in sight, not 1,000 per keystroke
    m_profileTreeView->header()->setSectionResizeMode(ProfileTreeModel::NameColumn, QHeaderView::Stretch);
    leftLayout->addWidget(m_searchLineEdit);
    leftLayout->addWidget(m_profileTreeView, 1);
    m_detailsPane = new DetailsPane(this);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detailsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_dialogs = new DialogActions(
        m_store, m_sessions, m_settings, services.keyStore, this, [this] { return currentProfile(); });
    connect(m_dialogs, &DialogActions::profileChosen, this, &MainWindow::selectProfile);
    connect(m_dialogs, &DialogActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    createSessionsDock();
    createActions();
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        showResults({});
    });
    connect(m_searchLineEdit, &QLineEdit::returnPressed, this, [this] { assumeProfile(currentProfile()); });
    connect(m_profileTreeView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->profileAt(index))
            assumeProfile(currentProfile());
    });
    connect(m_detailsPane, &DetailsPane::cancelRequested, this, [this] { m_sessions->cancel(currentProfile()); });
    connect(m_store, &Core::Profiles::ProfileStore::reloaded, this, &MainWindow::reloadProfiles);

    connect(m_sessions, &SessionController::busyChanged, this, [this](const QString &profile, bool) {
        m_steps.remove(profile);
        updateDetails();
    });
    connect(m_sessions, &SessionController::progress, this, [this](const QString &profile, const QString &step) {
        m_steps.insert(profile, step);
        updateDetails();
    });
    connect(m_sessions, &SessionController::sessionChanged, this, [this](const QString &profile) {
        m_errors.remove(profile);
        m_model->setSessions(m_sessions->expiries());
        m_sessionsModel->setSessions(m_sessions->expiries());
        updateDetails();
        if (m_sessions->hasSession(profile))
            statusBar()->showMessage(tr("Assumed %1.").arg(profile), 5000);
    });
    connect(m_sessions, &SessionController::failed, this,
        [this](const QString &profile, const Core::Error &error) { showSessionError(profile, error.message); });
    connect(m_sessions, &SessionController::consoleReady, this,
        [this](const QString &, const QUrl &url) { openUrl(url, m_settings->browserCommand()); });
    connect(m_settings, &Core::Controllers::Settings::changed, this, &MainWindow::applySettings);
    connect(m_settings, &Core::Controllers::Settings::favouritesChanged, this, &MainWindow::applySettings);
    applySettings();

    m_countdownTimer = new QTimer(this);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, [this] {
        m_model->refreshCountdowns();
        m_sessionsModel->refreshCountdowns();
        updateDetails();
    });
    m_countdownTimer->start();

    reloadProfiles();
    resize(980, 620);
    restoreGeometry(m_settings->windowGeometry());
    if (!restoreState(m_settings->windowState()))
        resizeDocks({m_sessionsDock}, {140}, Qt::Vertical);
    m_searchLineEdit->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
}

void MainWindow::createActions()
{
    menuBar()->addMenu(tr("&File"))->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *profileMenu = menuBar()->addMenu(tr("&Profile"));
    QToolBar *toolBar = addToolBar(tr("Actions"));
    toolBar->setObjectName(u"actionsToolBar"_s);
    const auto action = [this, profileMenu](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        profileMenu->addAction(a);
        m_profileTreeView->addAction(a);
        return a;
    };
    QAction *assume
        = action(tr("&Assume"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { assumeProfile(currentProfile()); });
    assume->setToolTip(tr("Get credentials for the selected profile (Enter)"));
    QAction *refresh = action(tr("&Refresh"), QKeySequence::Refresh, [this] { assumeProfile(currentProfile()); });
    refresh->setToolTip(tr("Get a fresh session (F5)"));
    m_copyMenu = new CopyMenu(this);
    profileMenu->addMenu(m_copyMenu);
    connect(m_copyMenu, &CopyMenu::copyRequested, this,
        [this](Core::Export::Format format) { copyCurrent(currentProfile(), static_cast<int>(format)); });
    m_consoleMenu = new ConsoleMenu(this);
    profileMenu->addMenu(m_consoleMenu);
    connect(m_consoleMenu, &ConsoleMenu::openRequested, this,
        [this](bool inRegion, const QString &service, bool logoutFirst) {
            openConsole(currentProfile(), inRegion, service, logoutFirst);
        });
    QAction *forget = action(tr("&Forget session"), QKeySequence::Delete, [this] { forgetProfile(currentProfile()); });
    QAction *favourite = action(tr("Toggle fa&vourite"), QKeySequence(Qt::CTRL | Qt::Key_B), [this] {
        if (const QString name = currentProfile(); !name.isEmpty())
            m_settings->setFavourite(name, !m_settings->isFavourite(name));
    });
    favourite->setObjectName(u"favouriteAction"_s);
    profileMenu->addSeparator();
    for (QAction *a : {m_dialogs->writeSessionAction(), m_dialogs->newRoleAction(), m_dialogs->editProfileAction(),
             m_dialogs->addIamUserAction(), m_dialogs->importKeysAction()})
        profileMenu->addAction(a);
    m_profileTreeView->addAction(m_dialogs->editProfileAction());
    toolBar->addAction(assume);
    toolBar->addAction(refresh);
    toolBar->addAction(m_copyMenu->menuAction());
    toolBar->addAction(m_consoleMenu->menuAction());
    toolBar->addAction(forget);
    m_profileTreeView->addAction(m_copyMenu->menuAction());
    m_profileTreeView->addAction(m_consoleMenu->menuAction());

    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchLineEdit->selectAll();
    });
    addAction(find);
    menuBar()->addMenu(tr("&View"))->addAction(m_sessionsDock->toggleViewAction());
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addActions({m_dialogs->decodeAction(), m_dialogs->accessKeyInfoAction()});
    toolsMenu->addSeparator();
    toolsMenu->addAction(m_dialogs->settingsAction());
    menuBar()->addMenu(tr("&Help"))->addAction(m_dialogs->aboutAction());
    connect(
        m_profileTreeView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateDetails);
    m_searchLineEdit->installEventFilter(this);
}

void MainWindow::createSessionsDock()
{
    m_sessionsDock = new SessionsDock(m_sessionsModel, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_sessionsDock);
    connect(m_sessionsDock, &SessionsDock::refreshRequested, this, &MainWindow::assumeProfile);
    connect(m_sessionsDock, &SessionsDock::forgetRequested, this, &MainWindow::forgetProfile);
    if (!m_watcher)
        return;
    connect(m_sessionsDock, &SessionsDock::autoRefreshRequested, m_watcher,
        &Core::Controllers::SessionWatcher::setAutoRefresh);
    connect(m_watcher, &Core::Controllers::SessionWatcher::autoRefreshChanged, this,
        [this] { m_sessionsModel->setAutoRefresh(m_watcher->autoRefreshProfiles()); });
}

void MainWindow::applySettings()
{
    m_clipboard->setClearDelay(m_settings->clipboardClearSeconds());
    m_sessions->setFederationUrlOverride(m_settings->federationUrl());
    m_sessions->setSessionTokenDurationSeconds(m_settings->sessionTokenDurationSeconds());
    const QStringList favourites = m_settings->favourites();
    m_model->setFavourites(QSet<QString>(favourites.cbegin(), favourites.cend()));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the search field walks into the results, so the keyboard never needs the mouse.
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        m_profileTreeView->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hideOnClose) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
    Q_EMIT closed();
}

void MainWindow::reloadProfiles()
{
    const QString current = currentProfile();
    m_model->setProfiles(m_store->profiles());
    m_model->setSessions(m_sessions->expiries());
    m_sessionsModel->setSessions(m_sessions->expiries());
    showResults(current);
    m_detailsPane->showProfile(m_store->profile(currentProfile()), m_store->diagnostics()); // it may have changed
    updateDetails();
}

void MainWindow::showResults(const QString &keep)
{
    // Search results are a flat ranked list: nothing to expand, no account column in the tree.
    const bool flat = m_model->isFlat();
    m_profileTreeView->setRootIsDecorated(!flat);
    m_profileTreeView->setColumnHidden(ProfileTreeModel::AccountColumn, !flat);
    if (!flat)
        m_profileTreeView->expandAll();
    const QModelIndex again = m_model->indexOfProfile(keep);
    m_profileTreeView->setCurrentIndex(again.isValid() ? again : m_model->firstProfileIndex());
    m_countLabel->setText(tr("%n profile(s)", nullptr, m_model->visibleProfileCount()));
}

QString MainWindow::currentProfile() const
{
    const auto *profile = m_model->profileAt(m_profileTreeView->currentIndex());
    return profile ? profile->name : QString();
}

void MainWindow::selectProfile(const QString &profile)
{
    QModelIndex index = m_model->indexOfProfile(profile);
    if (!index.isValid() && !m_searchLineEdit->text().isEmpty()) {
        m_searchLineEdit->clear();
        index = m_model->indexOfProfile(profile);
    }
    if (index.isValid())
        m_profileTreeView->setCurrentIndex(index);
}

void MainWindow::updateDetails()
{
    const QString name = currentProfile();
    if (name != m_detailsPane->profileName())
        m_detailsPane->showProfile(m_store->profile(name), m_store->diagnostics());
    if (name.isEmpty())
        return;
    const QModelIndex index = m_model->indexOfProfile(name);
    m_detailsPane->setSecondsLeft(index.data(ProfileTreeModel::SecondsLeftRole).toLongLong());
    m_detailsPane->setBusy(m_sessions->isBusy(name), m_steps.value(name));
    m_detailsPane->setError(m_errors.value(name));
}

void MainWindow::assumeProfile(const QString &name)
{
    const auto *profile = m_store->profile(name);
    if (!profile)
        return;
    m_errors.remove(name);
    m_sessions->assume(name, m_settings->roleDurationFor(*profile));
}

void MainWindow::forgetProfile(const QString &profile)
{
    if (!profile.isEmpty())
        m_sessions->forget(profile);
}

void MainWindow::copyProfileAsEnv(const QString &profile)
{
    copyCurrent(profile, static_cast<int>(Core::Export::Format::Env));
}

void MainWindow::copyCurrent(const QString &name, int format)
{
    auto text = m_sessions->exportSession(name, static_cast<Core::Export::Format>(format));
    if (!text) {
        showSessionError(name, text.error().message);
        return;
    }
    m_clipboard->copySecret(text->unsecureCopy());
    statusBar()->showMessage(
        tr("Copied; the clipboard is cleared in %n second(s).", nullptr, m_clipboard->clearDelay()), 5000);
}

void MainWindow::openConsoleFor(const QString &profile)
{
    openConsole(profile, false, {}, m_consoleMenu->logoutFirst());
}

void MainWindow::openConsole(const QString &name, bool inRegion, const QString &service, bool logoutFirst)
{
    const auto *profile = m_store->profile(name);
    if (!profile)
        return;
    Core::Console::Destination target;
    if (inRegion)
        target.region = profile->region;
    target.service = service;
    m_sessions->openConsole(name, target, logoutFirst, m_settings->consoleDurationFor(*profile));
}

void MainWindow::showAndRaise()
{
    show();
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
}

void MainWindow::showNotice(const QString &title, const QString &message)
{
    statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
}

void MainWindow::showSessionError(const QString &profile, const QString &message)
{
    m_errors.insert(profile, message);
    updateDetails();
    if (profile != currentProfile())
        statusBar()->showMessage(message, 10000);
}

} // namespace Rolecall::Ui
