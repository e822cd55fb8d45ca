// SPDX-License-Identifier: Apache-2.0
#include "decodedialog.h"

#include "controllers/sessioncontroller.h"
#include "profiles/profilestore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

DecodeDialog::DecodeDialog(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
    const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_sessions(sessions)
{
    setObjectName(u"decodeDialog"_s);
    setWindowTitle(tr("Decode authorization message"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_profileComboBox = new QComboBox(this);
    m_profileComboBox->setObjectName(u"profileComboBox"_s);
    m_profileComboBox->setAccessibleName(tr("Profile to decode with"));
    for (const auto &p : store->profiles())
        m_profileComboBox->addItem(p.name);
    m_profileComboBox->setCurrentText(profile);
    form->addRow(tr("Decode &with:"), m_profileComboBox);
    m_inputTextEdit = new QPlainTextEdit(this);
    m_inputTextEdit->setObjectName(u"inputTextEdit"_s);
    m_inputTextEdit->setAccessibleName(tr("Error message"));
    m_inputTextEdit->setPlaceholderText(
        tr("Paste the whole error, e.g. \"… Encoded authorization failure message: 4Fz…\""));
    m_inputTextEdit->setMaximumHeight(90);
    form->addRow(tr("&Message:"), m_inputTextEdit);
    layout->addLayout(form);
    m_decodeButton = new QPushButton(tr("&Decode"), this);
    m_decodeButton->setObjectName(u"decodeButton"_s);
    m_decodeButton->setDefault(true);
    layout->addWidget(m_decodeButton, 0, Qt::AlignRight);

    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(u"verdictLabel"_s);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setAccessibleName(tr("Verdict"));
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_conditionsTable = new QTableWidget(0, 2, this);
    m_conditionsTable->setObjectName(u"conditionsTable"_s);
    m_conditionsTable->setAccessibleName(tr("Condition keys and values"));
    m_conditionsTable->setHorizontalHeaderLabels({tr("Condition key"), tr("Values")});
    m_conditionsTable->horizontalHeader()->setStretchLastSection(true);
    m_conditionsTable->verticalHeader()->hide();
    m_conditionsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jsonTextEdit = new QPlainTextEdit(this);
    m_jsonTextEdit->setObjectName(u"jsonTextEdit"_s);
    m_jsonTextEdit->setAccessibleName(tr("Decoded JSON"));
    m_jsonTextEdit->setReadOnly(true);
    m_copyJsonButton = new QPushButton(tr("&Copy JSON"), this);
    m_copyJsonButton->setObjectName(u"copyJsonButton"_s);
    m_copyJsonButton->setEnabled(false);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_conditionsTable, 1);
    layout->addWidget(m_jsonTextEdit, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copyJsonButton, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_decodeButton, &QPushButton::clicked, this, &DecodeDialog::decode);
    connect(m_copyJsonButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_jsonTextEdit->toPlainText()); });
    connect(m_sessions, &Core::Controllers::SessionController::decoded, this,
        [this](const QString &, const Core::Authz::AuthorizationMessage &message) { showMessage(message); });
    connect(m_sessions, &Core::Controllers::SessionController::failed, this,
        [this](const QString &failedProfile, const Core::Error &error) {
            if (failedProfile != m_profileComboBox->currentText())
                return;
            m_decodeButton->setEnabled(true);
            m_verdictLabel->setStyleSheet(u"color: #b00020;"_s);
            m_verdictLabel->setText(error.message);
        });
    resize(760, 640);
}

DecodeDialog::~DecodeDialog() = default;

void DecodeDialog::setMessageText(const QString &text)
{
    m_inputTextEdit->setPlainText(text);
}

void DecodeDialog::decode()
{
    m_decodeButton->setEnabled(false);
    m_verdictLabel->setStyleSheet({});
    m_verdictLabel->setText(tr("Decoding…"));
    m_sessions->decodeMessage(m_profileComboBox->currentText(), m_inputTextEdit->toPlainText());
}

void DecodeDialog::showMessage(const Core::Authz::AuthorizationMessage &m)
{
    using Verdict = Core::Authz::AuthorizationMessage::Verdict;
    m_decodeButton->setEnabled(true);
    const char *colour = m.verdict() == Verdict::ExplicitDeny ? "#b00020"
        : m.verdict() == Verdict::ImplicitDeny                ? "#b36b00"
                                                              : "#1b7f3b";
    m_verdictLabel->setStyleSheet(
        u"font-weight: bold; padding: 6px; border: 2px solid %1; color: %1;"_s.arg(QLatin1StringView(colour)));
    m_verdictLabel->setText(m.verdictText());
    QStringList lines;
    lines
        << tr("<b>Principal:</b> %1").arg((m.principalArn.isEmpty() ? m.principalId : m.principalArn).toHtmlEscaped());
    lines << tr("<b>Action:</b> %1").arg(m.action.toHtmlEscaped());
    lines << tr("<b>Resource:</b> %1").arg(m.resource.toHtmlEscaped());
    for (const auto &s : m.matchedStatements)
        lines << tr("<b>Matched:</b> %1 %2 — %3 on %4")
                     .arg(s.effect.toHtmlEscaped(), s.statementId.toHtmlEscaped(),
                         s.actions.join(u", "_s).toHtmlEscaped(), s.resources.join(u", "_s).toHtmlEscaped());
    if (!m.failures.isEmpty())
        lines << tr("<b>Failures:</b> %1").arg(m.failures.join(u"; "_s).toHtmlEscaped());
    m_summaryLabel->setText(lines.join(u"<br>"_s));
    m_conditionsTable->setRowCount(static_cast<int>(m.conditions.size()));
    for (int row = 0; row < m.conditions.size(); ++row) {
        m_conditionsTable->setItem(row, 0, new QTableWidgetItem(m.conditions.at(row).key));
        m_conditionsTable->setItem(row, 1, new QTableWidgetItem(m.conditions.at(row).values.join(u", "_s)));
    }
    m_conditionsTable->resizeColumnToContents(0);
    m_jsonTextEdit->setPlainText(m.prettyJson);
    m_copyJsonButton->setEnabled(true);
}

} // namespace Rolecall::Ui
