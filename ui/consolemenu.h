// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMenu>

class QAction;

namespace Rolecall::Ui {

/**
 * "Open console ▾": the console home (Ctrl+O), the profile's region, a service (asked for), and the
 * "sign out of the current console first" switch. Emits what the user picked; the window signs in.
 */
class ConsoleMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleMenu)

public:
    explicit ConsoleMenu(QWidget *parent = nullptr);
    ~ConsoleMenu() override;

    bool logoutFirst() const;

Q_SIGNALS:
    /// @p inRegion: the profile's region; @p service: e.g. "ec2" (empty: the console home).
    void openRequested(bool inRegion, const QString &service, bool logoutFirst);

private:
    QAction *m_logoutFirst;
};

} // namespace Rolecall::Ui
