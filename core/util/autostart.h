// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "result.h"

#include <QProcessEnvironment>
#include <QString>

namespace Rolecall::Core {

/**
 * Start with the desktop session, in the tray (opt-in): the XDG autostart entry
 * $XDG_CONFIG_HOME/autostart/io.github.rolecall.Rolecall.desktop (~/.config when unset).
 */
QString autostartEntryPath(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
bool isAutostartEnabled(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
/// Writes (atomically) or removes the entry; @p executable is the command to start.
Result<void> setAutostartEnabled(bool enabled, const QString &executable = QStringLiteral("rolecall"),
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace Rolecall::Core
