// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

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
 * Import plaintext keys…: moves a profile's keys from ~/.aws/credentials into the OS keychain (read
 * back before anything changes) and, when asked, leaves a credential_process line in their place —
 * the same logic as `rolecall-cli keychain import [--replace]` (ProfileEditor::importPlaintextKeys).
 */
class ImportKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportKeysDialog)

public:
    ImportKeysDialog(Core::Profiles::ProfileStore *store, Core::Secrets::KeyStore *keys, const QString &profile,
        QWidget *parent = nullptr);
    ~ImportKeysDialog() override;

    QString summary() const { return m_summary; }

    void accept() override;

private:
    Core::Profiles::ProfileStore *m_store;
    Core::Secrets::KeyStore *m_keys;
    QComboBox *m_profileComboBox;
    QCheckBox *m_replaceCheckBox;
    QLabel *m_statusLabel;
    QDialogButtonBox *m_buttons;
    QString m_summary;
};

} // namespace Rolecall::Ui
