// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/inidocument.h"
#include "profiles/profile.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QFormLayout;

namespace Rolecall::Ui {

/**
 * The right-hand side of the main window: what the selected profile is (kind, account, region), its
 * chain step by step, every parameter, the session state with a live countdown whose colour shifts
 * as expiry nears, the busy state with Cancel, the last error, and the file's diagnostics.
 * It only renders what it is given.
 */
class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    void showProfile(
        const Core::Profiles::ResolvedProfile *profile, const QList<Core::Config::Diagnostic> &diagnostics);
    /// -1: no session.
    void setSecondsLeft(qint64 secondsLeft);
    void setBusy(bool busy, const QString &step = {});
    void setError(const QString &message);
    QString profileName() const { return m_profile; }

Q_SIGNALS:
    void cancelRequested();

private:
    QString m_profile;
    QLabel *m_titleLabel;
    QLabel *m_summaryLabel;
    QLabel *m_chainLabel;
    QFormLayout *m_parameters;
    QLabel *m_sessionLabel;
    QLabel *m_errorLabel;
    QLabel *m_diagnosticsLabel;
    QProgressBar *m_busyBar;
    QLabel *m_stepLabel;
    QPushButton *m_cancelButton;
};

} // namespace Rolecall::Ui
