// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Rolecall::Core {
struct Error;
namespace Controllers {
class SessionController;
}
namespace Profiles {
class ProfileStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Ui {

/**
 * Access key info (Ctrl+I): paste an access key id, an ARN or an account id and see the account and
 * the local profiles in it. An ARN or account id needs no call; a key id is looked up with
 * GetAccessKeyInfo, signed as the chosen profile (SessionController::lookUpAccessKey).
 */
class AccessKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessKeyDialog)

public:
    AccessKeyDialog(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
        const QString &profile, QWidget *parent = nullptr);
    ~AccessKeyDialog() override;

    void setInput(const QString &text);
    /// The account shown, once known.
    QString account() const { return m_account; }
    /// The profile names listed for the account.
    QStringList matchingProfiles() const;

Q_SIGNALS:
    /// The user picked one of the listed profiles (double-click or Enter): show it in the main window.
    void profileChosen(const QString &profile);

private:
    void lookUp();
    void showAccount(const QString &account);
    void showProblem(const QString &message);

    Core::Profiles::ProfileStore *m_store;
    Core::Controllers::SessionController *m_sessions;
    QLineEdit *m_inputLineEdit;
    QComboBox *m_profileComboBox;
    QPushButton *m_lookUpButton;
    QLabel *m_resultLabel;
    QListWidget *m_profilesListWidget;
    QString m_pendingKeyId;
    QString m_account;
};

} // namespace Rolecall::Ui
