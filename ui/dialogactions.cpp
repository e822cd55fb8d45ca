// SPDX-License-Identifier: Apache-2.0
#include "dialogactions.h"

#include "aboutdialog.h"
#include "accesskeydialog.h"
#include "decodedialog.h"
#include "iamuserdialog.h"
#include "importkeysdialog.h"
#include "profileeditordialog.h"
#include "settingsdialog.h"
#include "trayicon.h"

#include "controllers/sessioncontroller.h"
#include "controllers/settings.h"
#include "profiles/profilestore.h"
#include "util/autostart.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QInputDialog>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

DialogActions::DialogActions(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
    Core::Controllers::Settings *settings, Core::Secrets::KeyStore *keys, QWidget *window,
    std::function<QString()> currentProfile)
    : QObject(window)
    , m_store(store)
    , m_sessions(sessions)
    , m_settingsStore(settings)
    , m_keys(keys)
    , m_window(window)
    , m_currentProfile(std::move(currentProfile))
{
    m_newRole = makeAction(u"newRoleAction"_s, tr("&New role profile…"), QKeySequence::New);
    connect(m_newRole, &QAction::triggered, this, [this] { openProfileEditor({}); });
    m_editProfile = makeAction(u"editProfileAction"_s, tr("&Edit profile…"), QKeySequence(Qt::Key_F2));
    connect(m_editProfile, &QAction::triggered, this, [this] {
        const QString name = m_currentProfile();
        const auto *profile = m_store->profile(name);
        if (!profile)
            return;
        if (profile->roleArn.isEmpty() || profile->kind == Core::Profiles::Kind::WebIdentity) {
            Q_EMIT statusMessage(tr("%1 is not a role profile; the editor edits role profiles. For keys, use Add IAM "
                                    "user or Import plaintext keys.")
                                     .arg(name));
            return;
        }
        openProfileEditor(name);
    });
    m_addIamUser = makeAction(u"addIamUserAction"_s, tr("Add &IAM user…"), {});
    m_importKeys = makeAction(u"importKeysAction"_s, tr("Import &plaintext keys…"), {});
    if (!m_keys) {
        const QString why = tr("Unavailable: Rolecall has no OS keychain to store keys in (no Secret Service "
                               "provider such as gnome-keyring or KWallet is running).");
        for (QAction *action : {m_addIamUser, m_importKeys}) {
            action->setEnabled(false);
            action->setToolTip(why);
            action->setStatusTip(why);
        }
    }
    connect(m_addIamUser, &QAction::triggered, this, [this] {
        auto *dialog = new IamUserDialog(m_store, m_keys, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { Q_EMIT statusMessage(dialog->summary()); });
        dialog->open();
    });
    connect(m_importKeys, &QAction::triggered, this, [this] {
        auto *dialog = new ImportKeysDialog(m_store, m_keys, m_currentProfile(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { Q_EMIT statusMessage(dialog->summary()); });
        dialog->open();
    });

    m_writeSession = makeAction(u"writeSessionAction"_s, tr("&Write to credentials file as…"), {});
    connect(m_writeSession, &QAction::triggered, this, &DialogActions::writeSession);

    m_decode = makeAction(u"decodeAction"_s, tr("&Decode authorization message…"), QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_decode, &QAction::triggered, this, [this] {
        auto *dialog = new DecodeDialog(m_store, m_sessions, m_currentProfile(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_accessKeyInfo = makeAction(u"accessKeyInfoAction"_s, tr("Access &key info…"), QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_accessKeyInfo, &QAction::triggered, this, [this] {
        auto *dialog = new AccessKeyDialog(m_store, m_sessions, m_currentProfile(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &AccessKeyDialog::profileChosen, this, &DialogActions::profileChosen);
        dialog->show();
    });
    m_settings = makeAction(u"settingsAction"_s, tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings->setMenuRole(QAction::PreferencesRole);
    connect(m_settings, &QAction::triggered, this, &DialogActions::openSettings);
    m_about = makeAction(u"aboutAction"_s, tr("&About Rolecall"), {});
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

DialogActions::~DialogActions() = default;

QAction *DialogActions::makeAction(const QString &name, const QString &text, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    m_window->addAction(action);
    return action;
}

void DialogActions::openProfileEditor(const QString &profile)
{
    auto *dialog
        = new ProfileEditorDialog(m_store, profile, m_window, profile.isEmpty() ? m_currentProfile() : QString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->draft().name;
        Q_EMIT statusMessage(tr("Saved %1 to %2.").arg(name, m_store->paths().config));
        Q_EMIT profileChosen(name);
    });
    dialog->open();
}

void DialogActions::writeSession()
{
    const QString profile = m_currentProfile();
    if (profile.isEmpty())
        return;
    if (!m_sessions->hasSession(profile)) {
        Q_EMIT statusMessage(tr("%1 has no session to write: assume it first (Enter).").arg(profile));
        return;
    }
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"writeSessionDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Write to credentials file"));
    dialog->setLabelText(tr("Write the session of %1 into %2 as the profile:")
                             .arg(profile, QDir::toNativeSeparators(m_store->paths().credentials)));
    dialog->setTextValue(profile + u"-session"_s);
    dialog->setAccessibleName(tr("Profile name for the written session"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, profile](const QString &name) {
        const Core::Result<QString> written = m_sessions->writeSession(profile, name.trimmed());
        Q_EMIT statusMessage(written ? written.value() : written.error().message);
    });
    dialog->open();
}

void DialogActions::openSettings()
{
    auto *dialog = new SettingsDialog(m_settingsStore->values(), QSystemTrayIcon::isSystemTrayAvailable(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool autostart = Core::isAutostartEnabled();
    dialog->setAutostart(autostart);
    connect(dialog, &QDialog::accepted, this, [this, dialog, autostart] {
        m_settingsStore->setValues(dialog->values());
        if (dialog->autostart() == autostart)
            return;
        const Core::Result<void> done
            = Core::setAutostartEnabled(dialog->autostart(), QCoreApplication::applicationFilePath());
        if (!done)
            Q_EMIT statusMessage(done.error().message);
    });
    dialog->open();
}

} // namespace Rolecall::Ui
