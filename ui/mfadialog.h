// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "credentials/mfa.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace Rolecall::Ui {

/**
 * Asks for a six-digit MFA code: names the profile and the device, accepts paste (spaces and
 * dashes are dropped), submits by itself on the sixth digit, and shows why a previous code was
 * rejected.
 */
class MfaDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MfaDialog)

public:
    explicit MfaDialog(const Core::MfaRequest &request, QWidget *parent = nullptr);
    ~MfaDialog() override;

    /// Shows AWS's message about the last code and asks again.
    void showRejection(const QString &message);
    /// The code (six digits) once accepted; wiped when the dialog goes.
    Core::SecureBytes code() const;

private:
    void onTextEdited(const QString &text);

    QLabel *m_messageLabel;
    QLabel *m_errorLabel;
    QLineEdit *m_codeLineEdit;
    QDialogButtonBox *m_buttons;
};

/**
 * The desktop app's MFA front end: one dialog per device at a time (later prompts for the same
 * device join the open one), raised and activated even when the main window is hidden in the tray.
 */
class GuiMfaProvider final : public QObject, public Core::MfaProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiMfaProvider)

public:
    explicit GuiMfaProvider(QWidget *dialogParent = nullptr, QObject *parent = nullptr);
    ~GuiMfaProvider() override;

    void requestCode(
        const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done) override;

private:
    struct Pending
    {
        QPointer<MfaDialog> dialog;
        QList<std::function<void(Core::Result<Core::SecureBytes>)>> waiters;
    };
    QWidget *m_dialogParent;
    QHash<QString, Pending> m_pending;
};

} // namespace Rolecall::Ui
