// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringList>

namespace Rolecall::Core {

/**
 * The Error for a reply that failed below HTTP (no status code): TLS, timeouts, connection and
 * proxy failures, DNS. @p sslErrors are the texts collected from QNetworkReply::sslErrors.
 */
Error transportError(QNetworkReply::NetworkError code, const QString &detail, const QStringList &sslErrors,
    int timeoutSeconds, const QString &context, const QString &proxy = {});

/**
 * The proxy @p network sends a request for @p url through, as "host:port", or empty for a direct
 * connection. Pass it to transportError(): Qt reports a proxy that refuses an https CONNECT as an
 * unknown error, and a refusing http proxy as a refused connection, so only this tells them apart.
 */
QString proxyFor(QNetworkAccessManager *network, const QUrl &url);

} // namespace Rolecall::Core
