// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "credentials/mfabroker.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QLineEdit;
class QDialogButtonBox;
class QTimer;

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
    /// The last code was used already: the field stays closed for @p secondsLeft, with a countdown.
    void showWaiting(int secondsLeft);
    /// Opens the field for a code (after a wait).
    void startAsking();

private:
    void onTextEdited(const QString &text);

    QLabel *m_messageLabel;
    QLabel *m_errorLabel;
    QLineEdit *m_codeLineEdit;
    QDialogButtonBox *m_buttons;
    QTimer *m_waitTimer;
    int m_secondsLeft = 0;
};

/**
 * The desktop app's front end for the MfaBroker: the broker decides when to ask (one prompt per
 * device at a time, never a reused code); this shows the dialog, raised and activated even when
 * the main window is hidden in the tray, and while the broker waits for the next 30-second code it
 * says so with a countdown.
 */
class GuiMfaPrompter final : public QObject, public Core::MfaPrompter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiMfaPrompter)

public:
    explicit GuiMfaPrompter(QWidget *dialogParent = nullptr, QObject *parent = nullptr);
    ~GuiMfaPrompter() override;

    void prompt(const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done) override;
    void cancel() override;
    void waiting(const Core::MfaRequest &request, int secondsLeft) override;

    MfaDialog *dialog() const { return m_dialog; }

private:
    MfaDialog *ensureDialog(const Core::MfaRequest &request);

    QWidget *m_dialogParent;
    QPointer<MfaDialog> m_dialog;
    std::function<void(Core::Result<Core::SecureBytes>)> m_done;
};

} // namespace Rolecall::Ui
