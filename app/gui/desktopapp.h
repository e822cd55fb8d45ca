// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>

#include <memory>

namespace Rolecall::Core::Controllers {
class Settings;
class SessionController;
} // namespace Rolecall::Core::Controllers

namespace Rolecall::Core::Profiles {
class ProfileStore;
}

namespace Rolecall::Ui {
class GuiMfaPrompter;
class MainWindow;
class TrayIcon;
} // namespace Rolecall::Ui

namespace Rolecall::Gui {

/**
 * The desktop app's object graph: clock, network, profile store, MFA broker and prompter, secret
 * store, key store, session cache, session controller, watcher, main window, tray and the
 * command-line broker, wired together. main() builds one around the platform's settings and
 * environment; the end-to-end test builds the same one around a temporary HOME.
 *
 * The environment decides what a test needs to decide: HOME / AWS_CONFIG_FILE (the profiles),
 * AWS_ENDPOINT_URL_STS, ROLECALL_SECRET_STORE=memory and ROLECALL_KEYCHAIN_SERVICE (the secret
 * store), XDG_RUNTIME_DIR (the broker's socket).
 */
class DesktopApp final
{
public:
    /// Builds everything; @p settings must outlive the app. Nothing is shown yet.
    DesktopApp(const QProcessEnvironment &environment, Core::Controllers::Settings *settings);
    ~DesktopApp();
    DesktopApp(const DesktopApp &) = delete;
    DesktopApp &operator=(const DesktopApp &) = delete;

    /// Starts the watcher and the broker, and shows the window (unless the settings start it minimized).
    void start();

    Ui::MainWindow *window() const;
    Ui::TrayIcon *tray() const;
    Ui::GuiMfaPrompter *mfaPrompter() const;
    Core::Controllers::SessionController *sessions() const;
    Core::Profiles::ProfileStore *store() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace Rolecall::Gui
