// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QUrl>

#include <optional>

namespace Rolecall::Core {

/**
 * Proxies as the AWS CLI and SDKs read them: `HTTPS_PROXY` / `https_proxy` for https URLs,
 * `HTTP_PROXY` / `http_proxy` for http (the lower-case name wins when both are set), and
 * `NO_PROXY` / `no_proxy` (comma-separated host names, `.domain` suffixes, IP addresses, CIDR
 * ranges, an optional `:port`, or `*`) for the hosts to reach directly.
 *
 * Qt's own system proxy lookup on Linux reads only the lower-case variables, so without this the
 * upper-case ones the AWS documentation uses are silently ignored. When the environment names no
 * proxy for a URL, the desktop's proxy settings apply (QNetworkProxyFactory::systemProxyForQuery).
 *
 * The composition root installs it once:
 *
 *     QNetworkProxyFactory::setApplicationProxyFactory(
 *         new EnvironmentProxyFactory(QProcessEnvironment::systemEnvironment()));
 *
 * A connection that must never use a proxy (instance metadata, loopback servers) sets NoProxy on its
 * own QNetworkAccessManager, which takes precedence.
 */
class EnvironmentProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit EnvironmentProxyFactory(QProcessEnvironment env);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query = QNetworkProxyQuery()) override;

    /**
     * What @p env says for @p url: the proxy to use, QNetworkProxy::NoProxy when NO_PROXY matches
     * the host, or nullopt when it names no proxy for this scheme.
     */
    static std::optional<QNetworkProxy> proxyFor(const QUrl &url, const QProcessEnvironment &env);

private:
    QProcessEnvironment m_env;
};

} // namespace Rolecall::Core
