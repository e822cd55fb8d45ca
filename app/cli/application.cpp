// SPDX-License-Identifier: Apache-2.0
#include "application.h"

#include "i18n.h"

#include <QCoreApplication>

namespace Rolecall::Cli {

void setUpApplication(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));
    Rolecall::installTranslators(app);
}

} // namespace Rolecall::Cli
