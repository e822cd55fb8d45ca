// SPDX-License-Identifier: Apache-2.0
// A resolved profile's STS endpoint settings. Kept apart from the resolver so that listing profiles
// (rolecall-cli's short path) does not link the endpoint code, which needs Qt Network.
#include "profile.h"

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Profiles {

using Key = Config::KnownKey;

EndpointSettings ResolvedProfile::endpointSettings(const QProcessEnvironment &env) const
{
    EndpointSettings e;
    e.region = region;
    e.legacyGlobalEndpoint
        = setting(Key::StsRegionalEndpoints).trimmed().compare("legacy"_L1, Qt::CaseInsensitive) == 0;
    e.useFips = parseAwsBool(setting(Key::UseFipsEndpoint));
    e.useDualStack = parseAwsBool(setting(Key::UseDualstackEndpoint));
    e.ignoreConfiguredUrls = parseAwsBool(setting(Key::IgnoreConfiguredEndpointUrls));
    e.configUrl = setting(Key::EndpointUrl);
    e.configServiceUrl = endpointUrl != e.configUrl ? endpointUrl : QString();
    e.applyEnvironment(env);
    const QString envRegion = env.value(u"AWS_REGION"_s, env.value(u"AWS_DEFAULT_REGION"_s));
    if (!envRegion.isEmpty())
        e.region = envRegion;
    return e;
}

} // namespace Rolecall::Core::Profiles
