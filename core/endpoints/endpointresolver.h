// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace Rolecall::Core {

/** Everything that decides which STS endpoint a request goes to. */
struct EndpointSettings
{
    QString region; ///< empty: the global endpoint, signed for us-east-1
    bool legacyGlobalEndpoint = false; ///< sts_regional_endpoints = legacy
    bool useFips = false; ///< use_fips_endpoint / AWS_USE_FIPS_ENDPOINT
    bool useDualStack = false; ///< use_dualstack_endpoint / AWS_USE_DUALSTACK_ENDPOINT
    QString explicitUrl; ///< --endpoint-url or an API caller's choice; always wins
    QString envStsUrl; ///< AWS_ENDPOINT_URL_STS
    QString envUrl; ///< AWS_ENDPOINT_URL
    QString configServiceUrl; ///< profile's services section: sts = endpoint_url = …
    QString configUrl; ///< profile's endpoint_url
    bool ignoreConfiguredUrls = false; ///< ignore_configured_endpoint_urls / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS

    /// Fills the AWS_* environment fields (URLs, FIPS, dual-stack, ignore flag, legacy mode).
    void applyEnvironment(const QProcessEnvironment &env);
};

struct Endpoint
{
    QUrl url;
    QString signingRegion;
    QString partition;
    /// Where the URL came from: "explicit", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL", "services",
    /// "endpoint_url", "fips", "dualstack", "global", "regional".
    QString source;
};

/**
 * Resolves the STS endpoint exactly as botocore does for named regions (regional by default, legacy
 * global for the sixteen legacy regions, FIPS, dual-stack, per partition), then applies overrides in
 * precedence order. A custom URL must be https, or http to a loopback host.
 */
Result<Endpoint> resolveStsEndpoint(const EndpointSettings &settings);

/** Refuses anything but https://, or http:// to localhost / 127.0.0.0/8 / ::1. */
Result<void> checkEndpointUrl(const QUrl &url, const QString &what);
bool isLoopbackHost(const QString &host);

/** Parses an AWS boolean setting ("true"/"false", case-insensitive). */
bool parseAwsBool(const QString &value, bool fallback = false);

} // namespace Rolecall::Core
