// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

class QCoreApplication;

namespace Rolecall::Core::Config {
class SharedConfig;
}

namespace Rolecall::Cli {

/// Names, version and translations of rolecall-cli (the short listing path needs it only for a translation).
void setUpApplication(QCoreApplication &app);

/**
 * When the process is about to end: the parsed config files are left for the operating system to
 * reclaim instead of being freed string by string (for 5,000 profiles that is some 20,000 strings,
 * a tenth of `profiles --json`). Sanitizer builds still free them, so LeakSanitizer keeps judging
 * everything else.
 */
void abandonAtExit(std::unique_ptr<Core::Config::SharedConfig> &config);

} // namespace Rolecall::Cli
