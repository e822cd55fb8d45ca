// SPDX-License-Identifier: Apache-2.0
#include "application.h"

#include "i18n.h"

#include "config/sharedconfig.h"

#include <QCoreApplication>

namespace Rolecall::Cli {

void setUpApplication(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));
    Rolecall::installTranslators(app);
}

void abandonAtExit(std::unique_ptr<Core::Config::SharedConfig> &config)
{
#if !defined(__SANITIZE_ADDRESS__) && !defined(ROLECALL_SANITIZE_BUILD)
    (void)config.release(); // NOLINT(bugprone-unused-return-value): intentionally never freed
#else
    Q_UNUSED(config);
#endif
}

} // namespace Rolecall::Cli
