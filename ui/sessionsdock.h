// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QPushButton;
class QTreeView;

namespace Rolecall::Core::Models {
class SessionsModel;
}

namespace Rolecall::Ui {

/**
 * The Sessions view: every active session with its time left (soonest first), and for the selected
 * one Refresh (F5), Forget (Delete) and Auto-refresh — also in the row's context menu.
 * It renders the SessionsModel and emits intents; the main window forwards them.
 */
class SessionsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsDock)

public:
    SessionsDock(Core::Models::SessionsModel *model, QWidget *parent = nullptr);
    ~SessionsDock() override;

    QString currentProfile() const;
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void refreshRequested(const QString &profile);
    void forgetRequested(const QString &profile);
    void autoRefreshRequested(const QString &profile, bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();

    Core::Models::SessionsModel *m_model;
    QTreeView *m_view;
    QPushButton *m_refreshButton;
    QPushButton *m_forgetButton;
    QPushButton *m_autoRefreshButton;
};

} // namespace Rolecall::Ui
