// SPDX-License-Identifier: Apache-2.0
#include "paths.h"

#include <QStandardPaths>

namespace Rolecall::Core {

QString dataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Rolecall/Rolecall");
}

} // namespace Rolecall::Core
