// SPDX-License-Identifier: Apache-2.0
#pragma once

class QCoreApplication;

namespace Rolecall::Cli {

/// Names, version and translations of rolecall-cli, on whichever path main() takes.
void setUpApplication(QCoreApplication &app);

} // namespace Rolecall::Cli
