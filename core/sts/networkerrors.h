// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QNetworkReply>
#include <QStringList>

namespace Rolecall::Core {

/**
 * The Error for a reply that failed below HTTP (no status code): TLS, timeouts, connection and
 * proxy failures, DNS. @p sslErrors are the texts collected from QNetworkReply::sslErrors.
 */
Error transportError(QNetworkReply::NetworkError code, const QString &detail, const QStringList &sslErrors,
    int timeoutSeconds, const QString &context);

} // namespace Rolecall::Core
