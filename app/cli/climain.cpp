// SPDX-License-Identifier: Apache-2.0
#include "climain.h"

#include "application.h"
#include "cli.h"

#include "util/processhardening.h"

#include <QCoreApplication>

namespace Rolecall::Cli {

int runCli(int argc, char *argv[])
{
    // Keys and sessions live in this process's memory: no core files, no same-user debugger. Here,
    // not in main(): the module has its own copy of the limit it gives back to `exec`'s command.
    Rolecall::Core::disableCoreDumps();
    QCoreApplication app(argc, argv);
    setUpApplication(app);
    Cli cli(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    const int exitCode = cli.run();
    cli.abandonConfigAtExit();
    return exitCode;
}

} // namespace Rolecall::Cli
