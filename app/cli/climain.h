// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Rolecall::Cli {

/// Everything rolecall-cli does, as main() did it: builds the application and runs one command.
int runCli(int argc, char *argv[]);

} // namespace Rolecall::Cli
