// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace Rolecall::Test {

/** True when CI=true: a test that needs moto or the keyring must then fail instead of skipping. */
bool isCi();

/**
 * Skips the current test with @p reason on a developer machine, fails it under CI=true.
 * Use as: `if (!available) { ROLECALL_REQUIRE_OR_SKIP("moto is not installed"); }`
 */
#define ROLECALL_REQUIRE_OR_SKIP(reason)                                                                               \
    do {                                                                                                               \
        if (::Rolecall::Test::isCi())                                                                                  \
            QFAIL(qPrintable(QStringLiteral("CI=true requires it: ") + QStringLiteral(reason)));                       \
        QSKIP(reason);                                                                                                 \
    } while (false)

/**
 * An environment for child processes with nothing AWS-related inherited from the developer's
 * shell (keys, profiles, endpoints, CA bundles, proxies), and HOME pointed at @p home.
 */
QProcessEnvironment cleanEnvironment(const QString &home);

/** Path of a file in tests/data. */
QString testDataPath(const QString &name);

} // namespace Rolecall::Test
