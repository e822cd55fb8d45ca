// SPDX-License-Identifier: Apache-2.0
// rolecall-cli: the command-line companion's composition root.
#include "cli.h"
#include "i18n.h"

#include "util/processhardening.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Keys and sessions live in this process's memory: no core files, no same-user debugger.
    Rolecall::Core::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rolecall-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));
    Rolecall::installTranslators(app);
    Rolecall::Cli::Cli cli(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    const int exitCode = cli.run();
    cli.abandonConfigAtExit();
    return exitCode;
}
