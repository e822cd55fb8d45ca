// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QTreeView;
class QTimer;

namespace Rolecall::Core {
class Clock;
namespace Profiles {
class ProfileStore;
}
namespace Controllers {
class SessionController;
class SessionWatcher;
class Settings;
} // namespace Controllers
namespace Models {
class ProfileTreeModel;
class SessionsModel;
} // namespace Models
namespace Secrets {
class KeyStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Ui {

class Clipboard;
class ConsoleMenu;
class CopyMenu;
class DetailsPane;
class DialogActions;
class SessionsDock;

/**
 * The main window: search, the profile tree grouped by account, the details pane, the Sessions view,
 * and the actions. It builds widgets, binds the views to the models, forwards intents to the
 * SessionController and renders its signals — nothing else. Dialogs live in DialogActions.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// What the composition root injects; settings, keyStore and watcher are optional.
    struct Services
    {
        Core::Profiles::ProfileStore *store = nullptr;
        Core::Controllers::SessionController *sessions = nullptr;
        const Core::Clock *clock = nullptr;
        Core::Controllers::Settings *settings = nullptr; ///< null: defaults, nothing persists
        Core::Secrets::KeyStore *keyStore = nullptr; ///< null: the keychain actions are disabled
        Core::Controllers::SessionWatcher *watcher = nullptr; ///< null: no per-session auto-refresh
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    MainWindow(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
        const Core::Clock *clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    Clipboard *clipboard() const { return m_clipboard; }
    Core::Models::ProfileTreeModel *model() const { return m_model; }
    Core::Models::SessionsModel *sessionsModel() const { return m_sessionsModel; }
    Core::Controllers::Settings *settings() const { return m_settings; }
    DialogActions *dialogs() const { return m_dialogs; }
    /// Closing hides the window (the tray keeps the app running) instead of quitting.
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }

public Q_SLOTS:
    void assumeProfile(const QString &profile);
    void copyProfileAsEnv(const QString &profile);
    void openConsoleFor(const QString &profile);
    void forgetProfile(const QString &profile);
    void selectProfile(const QString &profile);
    void showAndRaise();
    /// A notice for the user when there is no tray to show it (status bar).
    void showNotice(const QString &title, const QString &message);

Q_SIGNALS:
    /// The window was closed for good (not hidden to the tray): the app may quit.
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createSessionsDock();
    void applySettings();
    void reloadProfiles();
    /// After the model changed: the view in the model's shape, @p keep (or the best match) selected, the count.
    void showResults(const QString &keep);
    void updateDetails();
    QString currentProfile() const;
    void copyCurrent(const QString &profile, int format);
    void openConsole(const QString &profile, bool inRegion, const QString &service, bool logoutFirst);
    void showSessionError(const QString &profile, const QString &message);

    Core::Profiles::ProfileStore *m_store;
    Core::Controllers::SessionController *m_sessions;
    const Core::Clock *m_clock;
    Core::Controllers::Settings *m_settings;
    Core::Controllers::SessionWatcher *m_watcher;
    Core::Models::ProfileTreeModel *m_model;
    Core::Models::SessionsModel *m_sessionsModel;
    Clipboard *m_clipboard;
    DialogActions *m_dialogs = nullptr;
    SessionsDock *m_sessionsDock = nullptr;
    QLineEdit *m_searchLineEdit;
    QTreeView *m_profileTreeView;
    DetailsPane *m_detailsPane;
    QTimer *m_countdownTimer;
    QLabel *m_countLabel;
    CopyMenu *m_copyMenu = nullptr;
    ConsoleMenu *m_consoleMenu = nullptr;
    QHash<QString, QString> m_errors;
    QHash<QString, QString> m_steps;
    bool m_hideOnClose = false;
};

} // namespace Rolecall::Ui
