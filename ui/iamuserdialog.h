// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Rolecall::Core {
namespace Profiles {
class ProfileStore;
}
namespace Secrets {
class KeyStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Ui {

/**
 * Add IAM user…: an IAM user's long-term keys go straight into the OS keychain (never a file), and
 * `[profile P]` gets `credential_process = rolecall-cli credential-process --profile P` so the AWS CLI
 * and the SDKs find them too (ProfileEditor::addIamUser). The secret field is wiped when the dialog goes.
 */
class IamUserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IamUserDialog)

public:
    IamUserDialog(Core::Profiles::ProfileStore *store, Core::Secrets::KeyStore *keys, QWidget *parent = nullptr);
    ~IamUserDialog() override;

    /// The summary of what was stored and changed, once saved.
    QString summary() const { return m_summary; }

    void accept() override;

private:
    void showError(const QString &message);

    Core::Profiles::ProfileStore *m_store;
    Core::Secrets::KeyStore *m_keys;
    QLineEdit *m_nameLineEdit;
    QLineEdit *m_keyIdLineEdit;
    QLineEdit *m_secretLineEdit;
    QLineEdit *m_regionLineEdit;
    QLineEdit *m_mfaLineEdit;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QString m_summary;
};

} // namespace Rolecall::Ui
