// SPDX-License-Identifier: Apache-2.0
#include "knownkeys.h"

#include <algorithm>
#include <array>
#include <cstring>

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

// The keys by length: a lookup compares the text of the few names of the same length only.
// (Every line of a config file with a setting asks.)
constexpr std::size_t kLongestName = 32;
constexpr std::size_t kSameLength = 6;
using Candidates = std::array<std::array<KnownKey, kSameLength>, kLongestName + 1>;

const Candidates &byLength()
{
    static const Candidates table = [] {
        Candidates candidates;
        for (auto &bucket : candidates)
            bucket.fill(KnownKey::Other);
        const auto &all = names();
        for (std::size_t i = 1; i < all.size(); ++i) {
            const auto length = static_cast<std::size_t>(all[i].size());
            Q_ASSERT(length <= kLongestName);
            auto &bucket = candidates[length];
            const auto free = std::find(bucket.begin(), bucket.end(), KnownKey::Other);
            Q_ASSERT(free != bucket.end()); // raise kSameLength when this fires
            *free = static_cast<KnownKey>(i);
        }
        return candidates;
    }();
    return table;
}

} // namespace

KnownKey knownKey(QStringView lowerCaseKey)
{
    if (lowerCaseKey.size() > static_cast<qsizetype>(kLongestName))
        return KnownKey::Other;
    const auto &all = names();
    for (const KnownKey candidate : byLength()[static_cast<std::size_t>(lowerCaseKey.size())]) {
        if (candidate == KnownKey::Other)
            break;
        // Through a view: QString::utf16() copies static data into a buffer of its own (to promise a
        // '\0'), which would turn this shared table's names into reference-counted strings.
        const QStringView name = all[static_cast<std::size_t>(candidate)];
        if (std::memcmp(name.utf16(), lowerCaseKey.utf16(), static_cast<std::size_t>(name.size()) * sizeof(char16_t))
            == 0)
            return candidate;
    }
    return KnownKey::Other;
}

QString knownKeyName(KnownKey key)
{
    const auto index = static_cast<std::size_t>(key);
    return index < names().size() ? names()[index] : QString();
}

} // namespace Rolecall::Core::Config
