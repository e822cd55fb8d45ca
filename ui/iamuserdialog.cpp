// SPDX-License-Identifier: Apache-2.0
#include "iamuserdialog.h"

#include "controllers/profileeditor.h"
#include "profiles/profilestore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Controllers::FieldError;
using Rolecall::Core::Controllers::IamUserDraft;
using Rolecall::Core::Controllers::ProfileEditor;

namespace Rolecall::Ui {

IamUserDialog::IamUserDialog(Core::Profiles::ProfileStore *store, Core::Secrets::KeyStore *keys, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_keys(keys)
{
    setObjectName(u"iamUserDialog"_s);
    setWindowTitle(tr("Add IAM user"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The keys go into the OS keychain, never into a file. The profile gets a "
                                "credential_process line so the AWS CLI and SDKs can use them too."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    const auto lineEdit = [this, form](const QString &name, const QString &label, const QString &accessible) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        form->addRow(label, edit);
        return edit;
    };
    m_nameLineEdit = lineEdit(u"nameLineEdit"_s, tr("Profile &name:"), tr("Profile name"));
    m_keyIdLineEdit = lineEdit(u"accessKeyIdLineEdit"_s, tr("&Access key ID:"), tr("Access key ID"));
    m_keyIdLineEdit->setPlaceholderText(u"AKIAIOSFODNN7EXAMPLE"_s);
    m_secretLineEdit = lineEdit(u"secretLineEdit"_s, tr("&Secret access key:"), tr("Secret access key"));
    m_secretLineEdit->setEchoMode(QLineEdit::Password);
    m_secretLineEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_regionLineEdit = lineEdit(u"regionLineEdit"_s, tr("&Region (optional):"), tr("Region"));
    m_regionLineEdit->setPlaceholderText(u"eu-west-1"_s);
    m_mfaLineEdit = lineEdit(u"mfaLineEdit"_s, tr("&MFA device (optional):"), tr("MFA device"));
    m_mfaLineEdit->setPlaceholderText(u"arn:aws:iam::123456789012:mfa/alice"_s);
    layout->addLayout(form);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IamUserDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, 300);
}

IamUserDialog::~IamUserDialog()
{
    // Once the field lets go of its text, this copy is the only one left and can be wiped.
    QString secret = m_secretLineEdit->text();
    m_secretLineEdit->clear();
    Core::secureWipe(secret);
}

void IamUserDialog::showError(const QString &message)
{
    m_buttons->setEnabled(true);
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void IamUserDialog::accept()
{
    IamUserDraft draft;
    draft.name = m_nameLineEdit->text();
    draft.accessKeyId = m_keyIdLineEdit->text().trimmed();
    QString secret = m_secretLineEdit->text().trimmed();
    draft.secretAccessKey = Core::SecureBytes::takeFrom(secret);
    draft.region = m_regionLineEdit->text().trimmed();
    draft.mfaSerial = m_mfaLineEdit->text().trimmed();
    const QList<FieldError> errors = ProfileEditor::validateIamUser(draft, m_store->config());
    if (!errors.isEmpty()) {
        QStringList lines;
        for (const FieldError &e : errors)
            lines.append(e.message);
        showError(lines.join(u'\n'));
        return;
    }
    m_buttons->setEnabled(false);
    m_errorLabel->setStyleSheet({});
    m_errorLabel->setText(tr("Storing the keys in the keychain… (it may ask you to unlock it)"));
    m_errorLabel->show();
    ProfileEditor::addIamUser(
        m_keys, draft, m_store->config(), m_store->paths().config, this, [this](const Core::Result<QString> &result) {
            m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
            if (!result) {
                showError(result.error().message);
                return;
            }
            m_summary = result.value();
            m_store->reload();
            QDialog::accept();
        });
}

} // namespace Rolecall::Ui
