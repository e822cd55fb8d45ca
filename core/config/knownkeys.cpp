// SPDX-License-Identifier: Apache-2.0
#include "knownkeys.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Config {

namespace {

// In KnownKey order. u""_s strings are static data: a copy is a pointer copy, never an allocation.
const std::array<QString, static_cast<std::size_t>(KnownKey::Count)> &names()
{
    static const std::array<QString, static_cast<std::size_t>(KnownKey::Count)> table = {
        QString(),
        u"aws_access_key_id"_s,
        u"aws_secret_access_key"_s,
        u"aws_session_token"_s,
        u"aws_security_token"_s,
        u"region"_s,
        u"role_arn"_s,
        u"source_profile"_s,
        u"credential_source"_s,
        u"mfa_serial"_s,
        u"mfa_process"_s,
        u"duration_seconds"_s,
        u"external_id"_s,
        u"role_session_name"_s,
        u"source_identity"_s,
        u"session_tags"_s,
        u"transitive_session_tags"_s,
        u"rolecall_session_policy_arns"_s,
        u"rolecall_session_policy"_s,
        u"web_identity_token_file"_s,
        u"credential_process"_s,
        u"include_profile"_s,
        u"endpoint_url"_s,
        u"services"_s,
        u"sts_regional_endpoints"_s,
        u"use_fips_endpoint"_s,
        u"use_dualstack_endpoint"_s,
        u"ignore_configured_endpoint_urls"_s,
        u"ca_bundle"_s,
        u"max_attempts"_s,
        u"retry_mode"_s,
        u"sso_session"_s,
        u"sso_start_url"_s,
        u"sso_region"_s,
        u"sso_account_id"_s,
        u"sso_role_name"_s,
        u"sso_registration_scopes"_s,
        u"output"_s,
        u"rolecall_account_alias"_s,
        u"sts"_s,
    };
    return table;
}

} // namespace

KnownKey knownKey(QStringView lowerCaseKey)
{
    const auto &table = names();
    // Lengths differ for most pairs, so nearly every candidate is rejected on its size alone.
    for (std::size_t i = 1; i < table.size(); ++i) {
        if (table[i].size() == lowerCaseKey.size() && QStringView(table[i]) == lowerCaseKey)
            return static_cast<KnownKey>(i);
    }
    return KnownKey::Other;
}

QString knownKeyName(KnownKey key)
{
    const auto index = static_cast<std::size_t>(key);
    return index < names().size() ? names()[index] : QString();
}

} // namespace Rolecall::Core::Config
