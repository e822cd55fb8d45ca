// SPDX-License-Identifier: Apache-2.0
#include "settingsdialog.h"

#include "sts/stsencoding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Controllers::Settings;

namespace Rolecall::Ui {

namespace {
QSpinBox *spinBox(QWidget *parent, const QString &objectName, const QString &accessibleName, int min, int max, int step,
    const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}
} // namespace

SettingsDialog::SettingsDialog(const Settings::Values &v, bool trayAvailable, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    const QString minutes = tr(" min");
    const QString seconds = tr(" s");

    auto *durations = new QGroupBox(tr("Default durations"), this);
    auto *durationsForm = new QFormLayout(durations);
    m_roleDurationSpinBox = spinBox(durations, u"roleDurationSpinBox"_s, tr("Role session duration in minutes"),
        Core::Sts::kMinDurationSeconds / 60, Core::Sts::kMaxRoleDurationSeconds / 60, 15, minutes);
    m_roleDurationSpinBox->setToolTip(tr("Used for roles whose profile sets no duration_seconds; chained roles get "
                                         "at most an hour"));
    durationsForm->addRow(tr("&Role sessions:"), m_roleDurationSpinBox);
    m_sessionTokenDurationSpinBox
        = spinBox(durations, u"sessionTokenDurationSpinBox"_s, tr("MFA session token duration in minutes"),
            Core::Sts::kMinDurationSeconds / 60, Core::Sts::kMaxSessionDurationSeconds / 60, 60, minutes);
    durationsForm->addRow(tr("MFA &session tokens:"), m_sessionTokenDurationSpinBox);
    m_consoleDurationSpinBox
        = spinBox(durations, u"consoleDurationSpinBox"_s, tr("Console session duration in minutes"),
            Core::Sts::kMinDurationSeconds / 60, Core::Sts::kMaxRoleDurationSeconds / 60, 15, minutes);
    durationsForm->addRow(tr("&Console sign-in:"), m_consoleDurationSpinBox);
    layout->addWidget(durations);

    auto *sessions = new QGroupBox(tr("Sessions and clipboard"), this);
    auto *sessionsForm = new QFormLayout(sessions);
    m_clipboardSpinBox = spinBox(sessions, u"clipboardSpinBox"_s, tr("Seconds before copied credentials are cleared"),
        Settings::kMinClipboardClearSeconds, Settings::kMaxClipboardClearSeconds, 5, seconds);
    sessionsForm->addRow(tr("Clear c&lipboard after:"), m_clipboardSpinBox);
    m_warningSpinBox = spinBox(sessions, u"warningSpinBox"_s, tr("Minutes of warning before a session expires"), 1,
        Settings::kMaxExpiryWarningMinutes, 1, minutes);
    sessionsForm->addRow(tr("&Warn before expiry:"), m_warningSpinBox);
    m_autoRefreshCheckBox = new QCheckBox(tr("Refres&h sessions before they expire"), sessions);
    m_autoRefreshCheckBox->setObjectName(u"autoRefreshCheckBox"_s);
    m_autoRefreshCheckBox->setAccessibleName(tr("Auto-refresh new sessions"));
    m_autoRefreshCheckBox->setToolTip(tr("The default for new sessions; the Sessions view switches it per session. "
                                         "Sessions that need MFA ask once, one at a time."));
    sessionsForm->addRow(m_autoRefreshCheckBox);
    layout->addWidget(sessions);

    auto *console = new QGroupBox(tr("Console"), this);
    auto *consoleForm = new QFormLayout(console);
    m_browserLineEdit = new QLineEdit(console);
    m_browserLineEdit->setObjectName(u"browserLineEdit"_s);
    m_browserLineEdit->setAccessibleName(tr("Browser command"));
    m_browserLineEdit->setPlaceholderText(tr("System default browser — or e.g. firefox -P work %u"));
    m_browserLineEdit->setClearButtonEnabled(true);
    consoleForm->addRow(tr("&Browser command:"), m_browserLineEdit);
    m_federationLineEdit = new QLineEdit(console);
    m_federationLineEdit->setObjectName(u"federationLineEdit"_s);
    m_federationLineEdit->setAccessibleName(tr("Federation endpoint override"));
    m_federationLineEdit->setPlaceholderText(tr("The partition's endpoint (leave empty)"));
    m_federationLineEdit->setClearButtonEnabled(true);
    consoleForm->addRow(tr("&Federation endpoint:"), m_federationLineEdit);
    layout->addWidget(console);

    auto *app = new QGroupBox(tr("Application"), this);
    auto *appForm = new QFormLayout(app);
    m_languageComboBox = new QComboBox(app);
    m_languageComboBox->setObjectName(u"languageComboBox"_s);
    m_languageComboBox->setAccessibleName(tr("Language"));
    m_languageComboBox->addItem(tr("System language"), QString());
    m_languageComboBox->addItem(u"English"_s, u"en"_s);
    m_languageComboBox->addItem(u"Deutsch"_s, u"de"_s);
    m_languageComboBox->addItem(u"Français"_s, u"fr"_s);
    appForm->addRow(tr("Lan&guage:"), m_languageComboBox);
    auto *restartLabel = new QLabel(tr("Takes effect when Rolecall starts again."), app);
    restartLabel->setObjectName(u"restartLabel"_s);
    restartLabel->setEnabled(false); // a note, drawn quieter
    appForm->addRow(QString(), restartLabel);
    m_closeToTrayCheckBox = new QCheckBox(tr("Closing the window &keeps Rolecall in the tray"), app);
    m_closeToTrayCheckBox->setObjectName(u"closeToTrayCheckBox"_s);
    m_closeToTrayCheckBox->setAccessibleName(tr("Close to tray"));
    m_startMinimizedCheckBox = new QCheckBox(tr("Start &minimized"), app);
    m_startMinimizedCheckBox->setObjectName(u"startMinimizedCheckBox"_s);
    m_startMinimizedCheckBox->setAccessibleName(tr("Start minimized"));
    if (!trayAvailable) {
        m_closeToTrayCheckBox->setEnabled(false);
        m_closeToTrayCheckBox->setToolTip(tr("This desktop has no system tray."));
    }
    m_autostartCheckBox = new QCheckBox(tr("Start Rolecall in the tray when I log &in"), app);
    m_autostartCheckBox->setObjectName(u"autostartCheckBox"_s);
    m_autostartCheckBox->setAccessibleName(tr("Start at login"));
    m_autostartCheckBox->setToolTip(tr("Adds Rolecall to your desktop session's autostart programs."));
    appForm->addRow(m_closeToTrayCheckBox);
    appForm->addRow(m_startMinimizedCheckBox);
    appForm->addRow(m_autostartCheckBox);
    layout->addWidget(app);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(500);

    m_roleDurationSpinBox->setValue(v.roleDurationSeconds / 60);
    m_sessionTokenDurationSpinBox->setValue(v.sessionTokenDurationSeconds / 60);
    m_consoleDurationSpinBox->setValue(v.consoleDurationSeconds / 60);
    m_clipboardSpinBox->setValue(v.clipboardClearSeconds);
    m_warningSpinBox->setValue(v.expiryWarningMinutes);
    m_autoRefreshCheckBox->setChecked(v.autoRefresh);
    m_browserLineEdit->setText(v.browserCommand);
    m_federationLineEdit->setText(v.federationUrl);
    m_languageComboBox->setCurrentIndex(std::max(0, m_languageComboBox->findData(v.language)));
    m_closeToTrayCheckBox->setChecked(v.closeToTray);
    m_startMinimizedCheckBox->setChecked(v.startMinimized);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setAutostart(bool enabled)
{
    m_autostartCheckBox->setChecked(enabled);
}

bool SettingsDialog::autostart() const
{
    return m_autostartCheckBox->isChecked();
}

Settings::Values SettingsDialog::values() const
{
    Settings::Values v;
    v.roleDurationSeconds = m_roleDurationSpinBox->value() * 60;
    v.sessionTokenDurationSeconds = m_sessionTokenDurationSpinBox->value() * 60;
    v.consoleDurationSeconds = m_consoleDurationSpinBox->value() * 60;
    v.clipboardClearSeconds = m_clipboardSpinBox->value();
    v.expiryWarningMinutes = m_warningSpinBox->value();
    v.autoRefresh = m_autoRefreshCheckBox->isChecked();
    v.browserCommand = m_browserLineEdit->text().trimmed();
    v.federationUrl = m_federationLineEdit->text().trimmed();
    v.language = m_languageComboBox->currentData().toString();
    v.closeToTray = m_closeToTrayCheckBox->isChecked();
    v.startMinimized = m_startMinimizedCheckBox->isChecked();
    return v;
}

void SettingsDialog::accept()
{
    const QString problem = Settings::federationUrlProblem(m_federationLineEdit->text());
    if (!problem.isEmpty()) {
        m_errorLabel->setText(problem);
        m_errorLabel->show();
        m_federationLineEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace Rolecall::Ui
