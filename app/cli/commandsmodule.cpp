// SPDX-License-Identifier: Apache-2.0
// rolecall-cli-commands: every command of rolecall-cli, with the network, keychain and STS code,
// as a module that main() loads only when the command line needs more than the profile listing.
#include "climain.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int rolecall_cli_main(int argc, char *argv[])
{
    return Rolecall::Cli::runCli(argc, argv);
}
