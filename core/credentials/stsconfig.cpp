// SPDX-License-Identifier: Apache-2.0
#include "stsconfig.h"

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

Result<Sts::StsClientConfig> stsConfigFor(const Profiles::ResolvedProfile &profile, const QProcessEnvironment &env,
    const QString &region, const QString &endpointUrl)
{
    EndpointSettings endpointSettings = profile.endpointSettings(env);
    if (!region.isEmpty())
        endpointSettings.region = region;
    if (!endpointUrl.isEmpty())
        endpointSettings.explicitUrl = endpointUrl;
    auto endpoint = resolveStsEndpoint(endpointSettings);
    if (!endpoint)
        return endpoint.error();
    Sts::StsClientConfig config;
    config.endpoint = endpoint.value();
    config.retryPolicy
        = Sts::RetryPolicy::fromSettings(profile.setting(u"max_attempts"), profile.setting(u"retry_mode"), env);
    QString caBundle = env.value(u"AWS_CA_BUNDLE"_s);
    if (caBundle.isEmpty())
        caBundle = profile.setting(u"ca_bundle").trimmed();
    if (!caBundle.isEmpty()) {
        auto certificates = Sts::StsClient::loadCaBundle(caBundle);
        if (!certificates)
            return certificates.error();
        config.caCertificates = certificates.value();
    }
    return config;
}

} // namespace Rolecall::Core
