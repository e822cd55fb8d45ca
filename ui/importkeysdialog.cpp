// SPDX-License-Identifier: Apache-2.0
#include "importkeysdialog.h"

#include "controllers/profileeditor.h"
#include "profiles/profilestore.h"
#include "secrets/keychainimport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

ImportKeysDialog::ImportKeysDialog(
    Core::Profiles::ProfileStore *store, Core::Secrets::KeyStore *keys, const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_keys(keys)
{
    setObjectName(u"importKeysDialog"_s);
    setWindowTitle(tr("Import plaintext keys"));
    auto *layout = new QVBoxLayout(this);
    const QString file = store->paths().credentials;
    auto *intro = new QLabel(
        tr("Copies a profile's keys from %1 into the OS keychain and reads them back.").arg(file.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_profileComboBox = new QComboBox(this);
    m_profileComboBox->setObjectName(u"profileComboBox"_s);
    m_profileComboBox->setAccessibleName(tr("Profile with plaintext keys"));
    m_profileComboBox->addItems(
        Core::Secrets::KeychainImport::profilesWithPlaintextKeys(store->config().credentialsDocument()));
    if (const int at = m_profileComboBox->findText(profile); at >= 0)
        m_profileComboBox->setCurrentIndex(at);
    form->addRow(tr("&Profile:"), m_profileComboBox);
    layout->addLayout(form);
    m_replaceCheckBox
        = new QCheckBox(tr("&Remove them from the file and leave credential_process in their place"), this);
    m_replaceCheckBox->setObjectName(u"replaceCheckBox"_s);
    m_replaceCheckBox->setAccessibleName(tr("Remove the plaintext keys from the file"));
    m_replaceCheckBox->setChecked(true);
    layout->addWidget(m_replaceCheckBox);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_statusLabel->setWordWrap(true);
    layout->addWidget(m_statusLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(u"importButton"_s);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportKeysDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_profileComboBox->count() == 0) {
        m_statusLabel->setText(tr("No profile in %1 has plaintext keys: nothing to import.").arg(file));
        import->setEnabled(false);
        m_profileComboBox->setEnabled(false);
    }
    resize(520, 200);
}

ImportKeysDialog::~ImportKeysDialog() = default;

void ImportKeysDialog::accept()
{
    const QString profile = m_profileComboBox->currentText();
    if (profile.isEmpty())
        return;
    m_buttons->setEnabled(false);
    m_statusLabel->setStyleSheet({});
    m_statusLabel->setText(tr("Storing the keys in the keychain… (it may ask you to unlock it)"));
    Core::Controllers::ProfileEditor::importPlaintextKeys(m_keys, profile, m_replaceCheckBox->isChecked(),
        m_store->config(), m_store->paths(), this, [this](const Core::Result<QString> &result) {
            m_buttons->setEnabled(true);
            if (!result) {
                m_statusLabel->setStyleSheet(u"color: #b00020;"_s);
                m_statusLabel->setText(result.error().message);
                return;
            }
            m_summary = result.value();
            m_store->reload();
            QDialog::accept();
        });
}

} // namespace Rolecall::Ui
