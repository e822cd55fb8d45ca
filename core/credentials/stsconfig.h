// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/profile.h"
#include "sts/stsclient.h"
#include "util/result.h"

#include <QProcessEnvironment>

namespace Rolecall::Core {

/**
 * How to reach STS for @p profile: its endpoint settings (region, endpoint_url, services section,
 * FIPS, dual-stack, legacy global endpoint) with the environment's overrides, then @p region and
 * @p endpointUrl when given; retries from max_attempts / retry_mode / AWS_MAX_ATTEMPTS; trusted roots
 * from AWS_CA_BUNDLE, else the profile's ca_bundle.
 */
Result<Sts::StsClientConfig> stsConfigFor(const Profiles::ResolvedProfile &profile, const QProcessEnvironment &env,
    const QString &region = {}, const QString &endpointUrl = {});

} // namespace Rolecall::Core
