// SPDX-License-Identifier: Apache-2.0
#include "mfadialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

MfaDialog::MfaDialog(const Core::MfaRequest &request, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"mfaDialog"_s);
    setWindowTitle(tr("MFA code for %1").arg(request.profile));
    auto *layout = new QVBoxLayout(this);
    m_messageLabel = new QLabel(tr("Enter the six-digit code of <b>%1</b> for profile <b>%2</b>.")
                                    .arg(request.serialNumber.toHtmlEscaped(), request.profile.toHtmlEscaped()),
        this);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_errorLabel->hide();
    m_codeLineEdit = new QLineEdit(this);
    m_codeLineEdit->setObjectName(u"codeLineEdit"_s);
    m_codeLineEdit->setAccessibleName(tr("MFA code"));
    m_codeLineEdit->setAccessibleDescription(tr("Six digits; the dialog submits on the sixth"));
    m_codeLineEdit->setPlaceholderText(u"123456"_s);
    m_codeLineEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    QFont big = m_codeLineEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    m_codeLineEdit->setFont(big);
    m_waitTimer = new QTimer(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_codeLineEdit);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_codeLineEdit, &QLineEdit::textEdited, this, &MfaDialog::onTextEdited);
    // Wide enough for the device ARN (bold) and the words before it on one line: it never breaks inside the ARN.
    QFont bold = font();
    bold.setBold(true);
    setMinimumWidth(std::max(
        420, QFontMetrics(bold).horizontalAdvance(request.serialNumber) + 30 * fontMetrics().averageCharWidth() + 40));
    if (!request.lastError.isEmpty())
        showRejection(request.lastError);
}

MfaDialog::~MfaDialog()
{
    // Take the text out of the field first so this copy is its only owner, then wipe it.
    QString text = m_codeLineEdit->text();
    m_codeLineEdit->clear();
    Core::secureWipe(text);
}

void MfaDialog::onTextEdited(const QString &text)
{
    // Paste-friendly: "123 456", "123-456" and a trailing newline all become 123456.
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits.append(c);
    }
    digits.truncate(6);
    if (digits != text)
        m_codeLineEdit->setText(digits);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(digits.size() == 6);
    if (digits.size() == 6)
        QTimer::singleShot(0, this, &QDialog::accept); // submit on the sixth digit
}

void MfaDialog::showRejection(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
    m_codeLineEdit->clear();
    m_codeLineEdit->setFocus();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

Core::SecureBytes MfaDialog::code() const
{
    return Core::SecureBytes(m_codeLineEdit->text().toLatin1());
}

void MfaDialog::showWaiting(int secondsLeft)
{
    m_secondsLeft = secondsLeft;
    m_codeLineEdit->setEnabled(false);
    const auto tick = [this] {
        m_errorLabel->setStyleSheet({});
        m_errorLabel->setText(
            tr("The last code was already used. Waiting for the next one: %n s.", nullptr, std::max(0, m_secondsLeft)));
        m_errorLabel->show();
        --m_secondsLeft;
    };
    tick();
    m_waitTimer->start(1000);
    disconnect(m_waitTimer, nullptr, this, nullptr);
    connect(m_waitTimer, &QTimer::timeout, this, tick);
}

void MfaDialog::startAsking()
{
    m_waitTimer->stop();
    if (!m_codeLineEdit->isEnabled()) {
        m_errorLabel->hide();
        m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    }
    m_codeLineEdit->setEnabled(true);
    m_codeLineEdit->setFocus();
}

GuiMfaPrompter::GuiMfaPrompter(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{ }

GuiMfaPrompter::~GuiMfaPrompter()
{
    cancel();
}

MfaDialog *GuiMfaPrompter::ensureDialog(const Core::MfaRequest &request)
{
    if (!m_dialog) {
        m_dialog = new MfaDialog(request, m_dialogParent);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::finished, this, [this](int result) {
            auto done = std::exchange(m_done, {});
            if (!done)
                return;
            if (result == QDialog::Accepted)
                done(m_dialog->code());
            else
                done(Core::Error::cancelled(tr("MFA")));
        });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

void GuiMfaPrompter::prompt(const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done)
{
    m_done = std::move(done);
    MfaDialog *dialog = ensureDialog(request);
    dialog->startAsking();
    if (!request.lastError.isEmpty())
        dialog->showRejection(request.lastError);
}

void GuiMfaPrompter::cancel()
{
    m_done = {};
    if (m_dialog)
        m_dialog->close();
}

void GuiMfaPrompter::waiting(const Core::MfaRequest &request, int secondsLeft)
{
    ensureDialog(request)->showWaiting(secondsLeft);
}

} // namespace Rolecall::Ui
