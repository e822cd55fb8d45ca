// SPDX-License-Identifier: Apache-2.0
#include "buildinfo.h"

#include <QtGlobal>

#include <openssl/crypto.h>

namespace Rolecall::Core {

BuildInfo buildInfo()
{
    return BuildInfo {
        QStringLiteral(ROLECALL_VERSION),
        QString::fromLatin1(qVersion()),
        QStringLiteral(QT_VERSION_STR),
        QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)),
        QStringLiteral(ROLECALL_QTKEYCHAIN_VERSION),
    };
}

} // namespace Rolecall::Core
