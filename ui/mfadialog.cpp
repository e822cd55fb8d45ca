// SPDX-License-Identifier: Apache-2.0
#include "mfadialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

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
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_codeLineEdit);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_codeLineEdit, &QLineEdit::textEdited, this, &MfaDialog::onTextEdited);
    if (!request.lastError.isEmpty())
        showRejection(request.lastError);
}

MfaDialog::~MfaDialog()
{
    QString text = m_codeLineEdit->text();
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

GuiMfaProvider::GuiMfaProvider(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{ }

GuiMfaProvider::~GuiMfaProvider()
{
    for (Pending &pending : m_pending) {
        for (auto &waiter : pending.waiters)
            waiter(Core::Error::cancelled(tr("MFA")));
        delete pending.dialog;
    }
}

void GuiMfaProvider::requestCode(
    const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done)
{
    if (!request.mfaProcess.isEmpty()) {
        Core::runMfaProcess(request.mfaProcess, QProcessEnvironment::systemEnvironment(), 60000, std::move(done));
        return;
    }
    Pending &pending = m_pending[request.serialNumber];
    pending.waiters.append(std::move(done));
    if (pending.dialog) {
        pending.dialog->raise();
        pending.dialog->activateWindow();
        return;
    }
    auto *dialog = new MfaDialog(request, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    pending.dialog = dialog;
    const QString serial = request.serialNumber;
    connect(dialog, &QDialog::finished, this, [this, dialog, serial](int result) {
        Pending taken = m_pending.take(serial);
        const Core::Result<Core::SecureBytes> answer = result == QDialog::Accepted
            ? Core::Result<Core::SecureBytes>(dialog->code())
            : Core::Result<Core::SecureBytes>(Core::Error::cancelled(tr("MFA")));
        for (auto &waiter : taken.waiters)
            waiter(answer);
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace Rolecall::Ui
