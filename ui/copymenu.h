// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/exporter.h"

#include <QMenu>

namespace Rolecall::Ui {

/** "Copy credentials as ▾": one entry per export format (bash/zsh is Ctrl+Shift+C). */
class CopyMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyMenu)

public:
    explicit CopyMenu(QWidget *parent = nullptr);
    ~CopyMenu() override;

Q_SIGNALS:
    void copyRequested(Rolecall::Core::Export::Format format);
};

} // namespace Rolecall::Ui
