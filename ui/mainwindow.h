// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;

namespace Rolecall::Ui {

/** The main window. For now a placeholder: the profile tree arrives with the desktop app work. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    QLineEdit *m_searchLineEdit = nullptr;
    QLabel *m_placeholderLabel = nullptr;
};

} // namespace Rolecall::Ui
