// SPDX-License-Identifier: Apache-2.0
#include "accesskeydialog.h"

#include "controllers/accesskeyinfo.h"
#include "controllers/sessioncontroller.h"
#include "profiles/profilestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Controllers::AccessKeyQuery;

namespace Rolecall::Ui {

AccessKeyDialog::AccessKeyDialog(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
    const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sessions(sessions)
{
    setObjectName(u"accessKeyDialog"_s);
    setWindowTitle(tr("Access key info"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_inputLineEdit = new QLineEdit(this);
    m_inputLineEdit->setObjectName(u"inputLineEdit"_s);
    m_inputLineEdit->setAccessibleName(tr("Access key id or ARN"));
    m_inputLineEdit->setPlaceholderText(tr("AKIA…, ASIA…, arn:aws:iam::123456789012:role/Name or 123456789012"));
    m_inputLineEdit->setClearButtonEnabled(true);
    m_inputLineEdit->setMinimumWidth(420);
    form->addRow(tr("&Key id or ARN:"), m_inputLineEdit);
    m_profileComboBox = new QComboBox(this);
    m_profileComboBox->setObjectName(u"profileComboBox"_s);
    m_profileComboBox->setAccessibleName(tr("Profile to ask AWS with"));
    m_profileComboBox->setToolTip(tr("A key id is looked up with GetAccessKeyInfo, signed as this profile"));
    for (const auto &p : store->profiles())
        m_profileComboBox->addItem(p.name);
    m_profileComboBox->setCurrentText(profile);
    form->addRow(tr("Ask &with:"), m_profileComboBox);
    layout->addLayout(form);
    m_lookUpButton = new QPushButton(tr("&Look up"), this);
    m_lookUpButton->setObjectName(u"lookUpButton"_s);
    m_lookUpButton->setAccessibleName(tr("Look up the account"));
    m_lookUpButton->setDefault(true);
    layout->addWidget(m_lookUpButton, 0, Qt::AlignRight);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->setAccessibleName(tr("Account"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_resultLabel);
    auto *profilesLabel = new QLabel(tr("Local &profiles in this account:"), this);
    m_profilesListWidget = new QListWidget(this);
    m_profilesListWidget->setObjectName(u"profilesListWidget"_s);
    m_profilesListWidget->setAccessibleName(tr("Local profiles in this account"));
    profilesLabel->setBuddy(m_profilesListWidget);
    layout->addWidget(profilesLabel);
    layout->addWidget(m_profilesListWidget, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_lookUpButton, &QPushButton::clicked, this, &AccessKeyDialog::lookUp);
    connect(m_inputLineEdit, &QLineEdit::returnPressed, this, &AccessKeyDialog::lookUp);
    connect(m_profilesListWidget, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { Q_EMIT profileChosen(item->text()); });
    connect(m_sessions, &Core::Controllers::SessionController::accessKeyInfo, this,
        [this](const QString &keyId, const QString &account) {
            if (keyId != m_pendingKeyId)
                return;
            m_pendingKeyId.clear();
            showAccount(account);
        });
    connect(m_sessions, &Core::Controllers::SessionController::failed, this,
        [this](const QString &failedProfile, const Core::Error &error) {
            if (m_pendingKeyId.isEmpty() || failedProfile != m_profileComboBox->currentText())
                return;
            m_pendingKeyId.clear();
            showProblem(error.message);
        });
    resize(560, 380);
}

AccessKeyDialog::~AccessKeyDialog() = default;

void AccessKeyDialog::setInput(const QString &text)
{
    m_inputLineEdit->setText(text);
}

QStringList AccessKeyDialog::matchingProfiles() const
{
    QStringList names;
    for (int row = 0; row < m_profilesListWidget->count(); ++row)
        names.append(m_profilesListWidget->item(row)->text());
    return names;
}

void AccessKeyDialog::lookUp()
{
    const AccessKeyQuery query = AccessKeyQuery::parse(m_inputLineEdit->text());
    m_account.clear();
    m_profilesListWidget->clear();
    m_resultLabel->setStyleSheet({});
    switch (query.kind) {
    case AccessKeyQuery::Kind::Empty:
        m_resultLabel->clear();
        return;
    case AccessKeyQuery::Kind::Invalid:
        showProblem(query.problem);
        return;
    case AccessKeyQuery::Kind::Arn:
    case AccessKeyQuery::Kind::AccountId:
        showAccount(query.accountId);
        return;
    case AccessKeyQuery::Kind::AccessKeyId:
        break;
    }
    if (m_profileComboBox->currentText().isEmpty()) {
        showProblem(tr("Looking up a key id needs a profile to sign the request with; there is none."));
        return;
    }
    m_pendingKeyId = query.text;
    m_lookUpButton->setEnabled(false);
    m_resultLabel->setText(tr("Asking AWS…"));
    m_sessions->lookUpAccessKey(m_profileComboBox->currentText(), query.text);
}

void AccessKeyDialog::showAccount(const QString &account)
{
    m_lookUpButton->setEnabled(true);
    m_account = account;
    const QStringList names = AccessKeyQuery::profilesInAccount(m_store->profiles(), account);
    m_resultLabel->setText(names.isEmpty()
            ? tr("Account <b>%1</b>. No local profile belongs to it.").arg(account.toHtmlEscaped())
            : tr("Account <b>%1</b>: %n local profile(s).", nullptr, static_cast<int>(names.size()))
                  .arg(account.toHtmlEscaped()));
    m_profilesListWidget->addItems(names);
    if (!names.isEmpty())
        m_profilesListWidget->setCurrentRow(0);
}

void AccessKeyDialog::showProblem(const QString &message)
{
    m_lookUpButton->setEnabled(true);
    m_resultLabel->setStyleSheet(u"color: #b00020;"_s);
    m_resultLabel->setText(message.toHtmlEscaped());
}

} // namespace Rolecall::Ui
