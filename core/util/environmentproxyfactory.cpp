// SPDX-License-Identifier: Apache-2.0
#include "environmentproxyfactory.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

/// The lower-case variable wins over the upper-case one, as in Python's urllib (botocore).
QString variable(const QProcessEnvironment &env, const QString &lowerName)
{
    const QString lower = env.value(lowerName).trimmed();
    return lower.isEmpty() ? env.value(lowerName.toUpper()).trimmed() : lower;
}

bool bypassed(const QUrl &url, const QString &noProxy)
{
    const QString host = url.host().toLower();
    const QHostAddress address(host);
    for (QString entry : noProxy.split(u',', Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == "*"_L1)
            return true;
        if (entry.contains(u'/') && !address.isNull()) {
            if (address.isInSubnet(QHostAddress::parseSubnet(entry)))
                return true;
            continue;
        }
        // host:port limits the entry to that port ([v6]:port and bare IPv6 addresses keep their colons).
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0 && !entry.endsWith(u']') && entry.indexOf(u':') == colon) {
            if (entry.mid(colon + 1).toInt() != url.port(url.scheme() == "https"_L1 ? 443 : 80))
                continue;
            entry.truncate(colon);
        }
        if (entry.startsWith(u'[') && entry.endsWith(u']'))
            entry = entry.mid(1, entry.size() - 2);
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        if (host == entry || host.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

QNetworkProxy parseProxy(const QString &value)
{
    QUrl url = QUrl::fromUserInput(value.contains("://"_L1) ? value : u"http://"_s + value);
    const QString scheme = url.scheme().toLower();
    const bool socks = scheme.startsWith("socks"_L1);
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
        static_cast<quint16>(url.port(socks ? 1080 : (scheme == "https"_L1 ? 443 : 80))));
    if (!url.userName().isEmpty()) {
        proxy.setUser(url.userName(QUrl::FullyDecoded));
        proxy.setPassword(url.password(QUrl::FullyDecoded));
    }
    return proxy;
}

} // namespace

EnvironmentProxyFactory::EnvironmentProxyFactory(QProcessEnvironment env)
    : m_env(std::move(env))
{ }

std::optional<QNetworkProxy> EnvironmentProxyFactory::proxyFor(const QUrl &url, const QProcessEnvironment &env)
{
    const QString scheme = url.scheme().toLower();
    QString value;
    if (scheme == "https"_L1)
        value = variable(env, u"https_proxy"_s);
    else if (scheme == "http"_L1)
        value = variable(env, u"http_proxy"_s);
    if (value.isEmpty())
        return std::nullopt;
    if (bypassed(url, variable(env, u"no_proxy"_s)))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    return parseProxy(value);
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QUrl url = query.url();
    if (!url.isValid() || url.host().isEmpty()) {
        url = QUrl();
        url.setScheme(query.protocolTag().isEmpty() ? u"http"_s : query.protocolTag().toLower());
        url.setHost(query.peerHostName());
        if (query.peerPort() > 0)
            url.setPort(query.peerPort());
    }
    if (const std::optional<QNetworkProxy> proxy = proxyFor(url, m_env))
        return {*proxy};
    return systemProxyForQuery(query);
}

} // namespace Rolecall::Core
