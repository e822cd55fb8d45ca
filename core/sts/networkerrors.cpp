// SPDX-License-Identifier: Apache-2.0
#include "networkerrors.h"

namespace Rolecall::Core {

Error transportError(QNetworkReply::NetworkError code, const QString &detail, const QStringList &sslErrors,
    int timeoutSeconds, const QString &context)
{
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
        return Error::tls(sslErrors.isEmpty() ? detail : sslErrors.join(u"; "), context);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt reports a transfer timeout this way
        return Error::timeout(timeoutSeconds, context);
    default:
        if (!sslErrors.isEmpty())
            return Error::tls(sslErrors.join(u"; "), context);
        return Error::network(detail, context);
    }
}

} // namespace Rolecall::Core
