// SPDX-License-Identifier: Apache-2.0
#include "networkerrors.h"

#include <QNetworkProxyFactory>

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::NetworkErrors)
};

/// A Network error whose message names the failing piece (DNS, proxy) instead of the generic advice.
Error specificNetworkError(const QString &detail, const QString &context, const QString &text)
{
    Error error = Error::network(detail, context);
    error.message = context.isEmpty() ? text : Error::tr("%1: %2").arg(context, text);
    return error;
}

Error proxyError(const QString &proxy, const QString &detail, const QString &context)
{
    return specificNetworkError(detail, context,
        Tr::tr("The proxy server %1 failed (%2). Check HTTPS_PROXY, HTTP_PROXY and NO_PROXY, or the "
               "system's proxy settings.")
            .arg(proxy, detail));
}

} // namespace

Error transportError(QNetworkReply::NetworkError code, const QString &detail, const QStringList &sslErrors,
    int timeoutSeconds, const QString &context, const QString &proxy)
{
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
        return Error::tls(sslErrors.isEmpty() ? detail : sslErrors.join(u"; "), context);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt reports a transfer timeout this way
        return Error::timeout(timeoutSeconds, context);
    case QNetworkReply::HostNotFoundError:
        return specificNetworkError(detail, context,
            Tr::tr("The host could not be found (%1). Check the endpoint URL and region, your network "
                   "connection and DNS.")
                .arg(detail));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return proxyError(proxy.isEmpty() ? detail : proxy, detail, context);
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::UnknownNetworkError:
        if (!proxy.isEmpty() && sslErrors.isEmpty())
            return proxyError(proxy, detail, context);
        [[fallthrough]];
    default:
        if (!sslErrors.isEmpty())
            return Error::tls(sslErrors.join(u"; "), context);
        return Error::network(detail, context);
    }
}

QString proxyFor(QNetworkAccessManager *network, const QUrl &url)
{
    QNetworkProxy proxy = network ? network->proxy() : QNetworkProxy(QNetworkProxy::DefaultProxy);
    if (proxy.type() == QNetworkProxy::DefaultProxy) {
        const QNetworkProxyQuery query(url);
        QNetworkProxyFactory *factory = network ? network->proxyFactory() : nullptr;
        proxy = (factory ? factory->queryProxy(query) : QNetworkProxyFactory::proxyForQuery(query)).value(0);
    }
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy
        || proxy.hostName().isEmpty())
        return {};
    return proxy.hostName() + u':' + QString::number(proxy.port());
}

} // namespace Rolecall::Core
