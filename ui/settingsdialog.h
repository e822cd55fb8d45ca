// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controllers/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Rolecall::Ui {

/**
 * Settings (Ctrl+,): default durations, clipboard clearing, expiry warning, auto-refresh, the browser
 * for the console, the federation endpoint, language, tray behaviour. Edits a plain value and returns
 * it (values()); the caller stores it.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// @p trayAvailable: without a system tray the tray options are disabled, with the reason.
    SettingsDialog(const Core::Controllers::Settings::Values &values, bool trayAvailable, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Core::Controllers::Settings::Values values() const;
    /// "Start at login" lives in the desktop's autostart folder, not in the settings: set and read apart.
    void setAutostart(bool enabled);
    bool autostart() const;

    void accept() override;

private:
    QSpinBox *m_roleDurationSpinBox;
    QSpinBox *m_sessionTokenDurationSpinBox;
    QSpinBox *m_consoleDurationSpinBox;
    QSpinBox *m_clipboardSpinBox;
    QSpinBox *m_warningSpinBox;
    QCheckBox *m_autoRefreshCheckBox;
    QLineEdit *m_browserLineEdit;
    QLineEdit *m_federationLineEdit;
    QComboBox *m_languageComboBox;
    QCheckBox *m_closeToTrayCheckBox;
    QCheckBox *m_startMinimizedCheckBox;
    QCheckBox *m_autostartCheckBox;
    QLabel *m_errorLabel;
};

} // namespace Rolecall::Ui
