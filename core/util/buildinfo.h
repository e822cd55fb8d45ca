// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Rolecall::Core {

/** Versions for the About dialog and bug reports: all from one place each. */
struct BuildInfo
{
    QString rolecall; ///< the CMake project version
    QString qtRuntime; ///< qVersion()
    QString qtBuild; ///< QT_VERSION_STR
    QString openssl; ///< OpenSSL_version(OPENSSL_VERSION)
    QString qtkeychain; ///< the QtKeychain package version found at build time
};

BuildInfo buildInfo();

} // namespace Rolecall::Core
