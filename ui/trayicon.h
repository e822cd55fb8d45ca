// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace Rolecall::Ui {

class MainWindow;

/** What the tray menu lists: favourites and recents (profile names) and the active sessions. */
struct TrayContent
{
    QStringList favourites;
    QStringList recents;
    QList<std::pair<QString, qint64>> sessions; ///< profile, seconds left
};

/**
 * The system tray icon and its menu: favourites and recents (each a submenu: Assume, Copy (env),
 * Open console), the active sessions with their time left, Show window, Quit. Notifications (expiry
 * warnings) go through its message balloon.
 *
 * The QSystemTrayIcon exists only when the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable());
 * without one the app stays a normal window. The menu is built either way (rebuild()), so it can be
 * tested — and reached through the window's menu bar there. Intents leave as signals.
 */
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    /// @p useSystemTray false: never create the QSystemTrayIcon (tests, --no-tray).
    explicit TrayIcon(bool useSystemTray = true, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// True when the icon is in the tray (the desktop has one).
    bool isAvailable() const { return m_tray != nullptr; }
    QMenu *menu() const { return m_menu.get(); }
    /// Asked for the content each time the menu is about to show.
    void setContentProvider(std::function<TrayContent()> provider) { m_provider = std::move(provider); }
    void rebuild();
    void rebuild(const TrayContent &content);
    /// A desktop notification (the tray's balloon); false when there is no tray to show it.
    bool showMessage(const QString &title, const QString &message);

    /// Wires the tray to @p window: intents to its slots, content from its settings and sessions,
    /// close-to-tray as the settings say.
    void connectWindow(MainWindow *window);

Q_SIGNALS:
    void assumeRequested(const QString &profile);
    void copyRequested(const QString &profile);
    void consoleRequested(const QString &profile);
    void forgetRequested(const QString &profile);
    void showWindowRequested();
    void quitRequested();

private:
    QMenu *profileMenu(QMenu *parent, const QString &section, const QString &profile, const QString &title);

    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    std::function<TrayContent()> m_provider;
};

} // namespace Rolecall::Ui
