// SPDX-License-Identifier: Apache-2.0
#include "endpointresolver.h"

#include "partitions.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Endpoints)
};

// sts.<region>.amazonaws.com, sts-fips.<region>.amazonaws.com.cn, sts.<region>.api.aws, …
QString regionFromStsHost(const QString &host)
{
    static const QRegularExpression pattern(u"^sts(?:-fips)?\\.([a-z0-9-]+)\\.(?:amazonaws\\.com(?:\\.cn)?|"
                                            "api\\.aws|api\\.amazonwebservices\\.com\\.cn|c2s\\.ic\\.gov|"
                                            "sc2s\\.sgov\\.gov|api\\.aws\\.ic\\.gov|api\\.aws\\.scloud)$"_s);
    const auto match = pattern.match(host.toLower());
    return match.hasMatch() ? match.captured(1) : QString();
}

QString describeSource(const QString &source)
{
    if (source == "explicit"_L1)
        return Tr::tr("the endpoint URL option");
    if (source == "services"_L1)
        return Tr::tr("the profile's services section");
    if (source == "endpoint_url"_L1)
        return Tr::tr("the profile's endpoint_url");
    return source; // environment variable names speak for themselves
}

Result<Endpoint> customEndpoint(const QString &urlText, const QString &source, const EndpointSettings &settings)
{
    const QUrl url(urlText.trimmed(), QUrl::StrictMode);
    if (auto check = checkEndpointUrl(url, describeSource(source)); !check)
        return check.error();
    Endpoint endpoint;
    endpoint.url = url;
    if (endpoint.url.path().isEmpty())
        endpoint.url.setPath(u"/"_s);
    endpoint.source = source;
    QString region = regionFromStsHost(url.host());
    if (region.isEmpty() && url.host().compare("sts.amazonaws.com"_L1, Qt::CaseInsensitive) == 0)
        region = u"us-east-1"_s;
    if (region.isEmpty())
        region = settings.region.isEmpty() ? u"us-east-1"_s : settings.region;
    endpoint.signingRegion = region;
    endpoint.partition = partitionForRegion(region).id;
    return endpoint;
}

} // namespace

void EndpointSettings::applyEnvironment(const QProcessEnvironment &env)
{
    envStsUrl = env.value(u"AWS_ENDPOINT_URL_STS"_s);
    envUrl = env.value(u"AWS_ENDPOINT_URL"_s);
    if (env.contains(u"AWS_USE_FIPS_ENDPOINT"_s))
        useFips = parseAwsBool(env.value(u"AWS_USE_FIPS_ENDPOINT"_s), useFips);
    if (env.contains(u"AWS_USE_DUALSTACK_ENDPOINT"_s))
        useDualStack = parseAwsBool(env.value(u"AWS_USE_DUALSTACK_ENDPOINT"_s), useDualStack);
    if (env.contains(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s))
        ignoreConfiguredUrls = parseAwsBool(env.value(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s), ignoreConfiguredUrls);
    if (env.contains(u"AWS_STS_REGIONAL_ENDPOINTS"_s))
        legacyGlobalEndpoint
            = env.value(u"AWS_STS_REGIONAL_ENDPOINTS"_s).compare("legacy"_L1, Qt::CaseInsensitive) == 0;
}

bool parseAwsBool(const QString &value, bool fallback)
{
    const QString v = value.trimmed();
    if (v.compare("true"_L1, Qt::CaseInsensitive) == 0)
        return true;
    if (v.compare("false"_L1, Qt::CaseInsensitive) == 0)
        return false;
    return fallback;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

Result<void> checkEndpointUrl(const QUrl &url, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error::config(Tr::tr("The endpoint URL from %1 is not a valid URL.").arg(what));
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return {};
    if (scheme == "http"_L1 && isLoopbackHost(url.host()))
        return {};
    if (scheme == "http"_L1)
        return Error::config(Tr::tr("The endpoint URL from %1 uses plain http:// to %2. Rolecall sends credentials "
                                    "only over https://, or http:// to this computer (localhost).")
                                 .arg(what, url.host()));
    return Error::config(Tr::tr("The endpoint URL from %1 must start with https://.").arg(what));
}

Result<Endpoint> resolveStsEndpoint(const EndpointSettings &settings)
{
    if (!settings.explicitUrl.isEmpty())
        return customEndpoint(settings.explicitUrl, u"explicit"_s, settings);
    if (!settings.ignoreConfiguredUrls) {
        if (!settings.envStsUrl.isEmpty())
            return customEndpoint(settings.envStsUrl, u"AWS_ENDPOINT_URL_STS"_s, settings);
        if (!settings.envUrl.isEmpty())
            return customEndpoint(settings.envUrl, u"AWS_ENDPOINT_URL"_s, settings);
        if (!settings.configServiceUrl.isEmpty())
            return customEndpoint(settings.configServiceUrl, u"services"_s, settings);
        if (!settings.configUrl.isEmpty())
            return customEndpoint(settings.configUrl, u"endpoint_url"_s, settings);
    }

    Endpoint endpoint;
    const bool global = settings.region.isEmpty() || settings.region == "aws-global"_L1;
    const QString region = global ? u"us-east-1"_s : settings.region;
    static const QRegularExpression validRegion(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    if (!validRegion.match(region).hasMatch())
        return Error::config(Tr::tr("\"%1\" is not a valid AWS region name.").arg(region));
    const Partition &partition = partitionForRegion(region);
    endpoint.partition = partition.id;
    endpoint.signingRegion = region;

    QString host;
    if (settings.useFips && settings.useDualStack) {
        host = u"sts-fips.%1.%2"_s.arg(region, partition.dualStackDnsSuffix);
        endpoint.source = u"fips"_s;
    } else if (settings.useFips) {
        host = partition.fipsRegionalHostIsStandard ? u"sts.%1.%2"_s.arg(region, partition.dnsSuffix)
                                                    : u"sts-fips.%1.%2"_s.arg(region, partition.dnsSuffix);
        endpoint.source = u"fips"_s;
    } else if (settings.useDualStack) {
        host = u"sts.%1.%2"_s.arg(region, partition.dualStackDnsSuffix);
        endpoint.source = u"dualstack"_s;
    } else if (global || (settings.legacyGlobalEndpoint && isLegacyGlobalStsRegion(region))) {
        host = u"sts.amazonaws.com"_s;
        endpoint.signingRegion = u"us-east-1"_s;
        endpoint.source = u"global"_s;
    } else {
        host = u"sts.%1.%2"_s.arg(region, partition.dnsSuffix);
        endpoint.source = u"regional"_s;
    }
    endpoint.url.setScheme(u"https"_s);
    endpoint.url.setHost(host);
    endpoint.url.setPath(u"/"_s);
    return endpoint;
}

} // namespace Rolecall::Core
