// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Rolecall::Core {

/**
 * Rolecall's data folder, the same for the desktop app and rolecall-cli (their application names
 * differ, so QStandardPaths::AppDataLocation would give each its own): GenericDataLocation/Rolecall/Rolecall,
 * e.g. ~/.local/share/Rolecall/Rolecall. Holds the names-only indexes of keychain entries.
 */
QString dataDirectory();

} // namespace Rolecall::Core
