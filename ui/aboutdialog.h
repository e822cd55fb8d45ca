// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

namespace Rolecall::Ui {

/** About Rolecall: version, licence, and the versions of Qt, OpenSSL and QtKeychain it runs with. */
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;
};

} // namespace Rolecall::Ui
