// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authz/authorizationmessage.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Rolecall::Core {
struct Error;
namespace Controllers {
class SessionController;
}
namespace Profiles {
class ProfileStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Ui {

/**
 * Decode authorization message (Ctrl+D): paste the whole AWS error text, pick the profile to decode
 * with, and read the verdict (explicit deny or no matching allow), principal, action, resource,
 * matched statements, the condition keys and values, and the raw JSON (with Copy).
 */
class DecodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecodeDialog)

public:
    DecodeDialog(Core::Profiles::ProfileStore *store, Core::Controllers::SessionController *sessions,
        const QString &profile, QWidget *parent = nullptr);
    ~DecodeDialog() override;

    void setMessageText(const QString &text);
    void showMessage(const Core::Authz::AuthorizationMessage &message);

private:
    void decode();

    Core::Controllers::SessionController *m_sessions;
    QComboBox *m_profileComboBox;
    QPlainTextEdit *m_inputTextEdit;
    QPushButton *m_decodeButton;
    QLabel *m_verdictLabel;
    QLabel *m_summaryLabel;
    QTableWidget *m_conditionsTable;
    QPlainTextEdit *m_jsonTextEdit;
    QPushButton *m_copyJsonButton;
};

} // namespace Rolecall::Ui
