// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace Rolecall::Core {
namespace Controllers {
class SessionController;
class Settings;
} // namespace Controllers
namespace Profiles {
class ProfileStore;
}
namespace Secrets {
class KeyStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Ui {

/**
 * The main window's dialogs and the actions that open them, so the window only puts the actions in
 * its menus: New role profile (Ctrl+N), Edit profile (F2), Add IAM user, Import plaintext keys,
 * Decode authorization message (Ctrl+D), Access key info (Ctrl+I), Settings (Ctrl+,).
 *
 * The keychain actions need a KeyStore from the composition root; without one they are disabled and
 * their tooltip says why.
 */
class DialogActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialogActions)

public:
    DialogActions(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
        Core::Controllers::Settings *settings, Core::Secrets::KeyStore *keys, QWidget *window,
        std::function<QString()> currentProfile);
    ~DialogActions() override;

    QAction *newRoleAction() const { return m_newRole; }
    QAction *editProfileAction() const { return m_editProfile; }
    QAction *addIamUserAction() const { return m_addIamUser; }
    QAction *importKeysAction() const { return m_importKeys; }
    QAction *decodeAction() const { return m_decode; }
    QAction *accessKeyInfoAction() const { return m_accessKeyInfo; }
    QAction *settingsAction() const { return m_settings; }
    QAction *aboutAction() const { return m_about; }
    QAction *writeSessionAction() const { return m_writeSession; }

    void openProfileEditor(const QString &profile);

Q_SIGNALS:
    /// Show this profile in the main window (it was saved, or picked in a dialog).
    void profileChosen(const QString &profile);
    void statusMessage(const QString &message);

private:
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &shortcut);
    void openSettings();
    void writeSession();

    Core::Profiles::ProfileStore *m_store;
    Core::Controllers::SessionController *m_sessions;
    Core::Controllers::Settings *m_settingsStore;
    Core::Secrets::KeyStore *m_keys;
    QWidget *m_window;
    std::function<QString()> m_currentProfile;
    QAction *m_newRole;
    QAction *m_editProfile;
    QAction *m_addIamUser;
    QAction *m_importKeys;
    QAction *m_decode;
    QAction *m_accessKeyInfo;
    QAction *m_settings;
    QAction *m_about;
    QAction *m_writeSession;
};

} // namespace Rolecall::Ui
