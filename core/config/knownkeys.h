// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Rolecall::Core::Config {

/**
 * The setting names Rolecall reads, as small numbers. The reader tags every entry with its key's
 * number once, so the resolver's fifty-odd lookups per profile compare bytes, not strings, and the
 * key text itself is a shared constant instead of a fresh string per line (5,000 profiles hold some
 * 20,000 of them).
 */
enum class KnownKey : quint8
{
    Other = 0, ///< any other key: compare the text
    AwsAccessKeyId,
    AwsSecretAccessKey,
    AwsSessionToken,
    AwsSecurityToken,
    Region,
    RoleArn,
    SourceProfile,
    CredentialSource,
    MfaSerial,
    MfaProcess,
    DurationSeconds,
    ExternalId,
    RoleSessionName,
    SourceIdentity,
    SessionTags,
    TransitiveSessionTags,
    RolecallSessionPolicyArns,
    RolecallSessionPolicy,
    WebIdentityTokenFile,
    CredentialProcess,
    IncludeProfile,
    EndpointUrl,
    Services,
    StsRegionalEndpoints,
    UseFipsEndpoint,
    UseDualstackEndpoint,
    IgnoreConfiguredEndpointUrls,
    CaBundle,
    MaxAttempts,
    RetryMode,
    SsoSession,
    SsoStartUrl,
    SsoRegion,
    SsoAccountId,
    SsoRoleName,
    SsoRegistrationScopes,
    Output,
    RolecallAccountAlias,
    Sts,
    Count
};

/// The number of a lower-case key, or KnownKey::Other.
KnownKey knownKey(QStringView lowerCaseKey);
/// The key's text as a constant QString: copies of it never allocate. Empty for KnownKey::Other.
QString knownKeyName(KnownKey key);

} // namespace Rolecall::Core::Config
