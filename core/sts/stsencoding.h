// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sigv4/sigv4.h"
#include "ststypes.h"
#include "util/result.h"

/**
 * Query-protocol encoding of the eight STS actions, with client-side validation of every documented
 * limit. Validation names the offending field and happens before anything is sent; encoding returns
 * the parameters in send order (Action, Version, then the action's parameters).
 */
namespace Rolecall::Core::Sts {

using Params = QList<SigV4::QueryItem>;

inline constexpr QByteArrayView kApiVersion = "2011-06-15";

Result<void> validate(const AssumeRoleRequest &request);
Result<void> validate(const AssumeRoleWithSamlRequest &request);
Result<void> validate(const AssumeRoleWithWebIdentityRequest &request);
Result<void> validate(const DecodeAuthorizationMessageRequest &request);
Result<void> validate(const GetAccessKeyInfoRequest &request);
Result<void> validate(const GetCallerIdentityRequest &request);
Result<void> validate(const GetFederationTokenRequest &request);
Result<void> validate(const GetSessionTokenRequest &request);

Params encode(const AssumeRoleRequest &request);
Params encode(const AssumeRoleWithSamlRequest &request);
Params encode(const AssumeRoleWithWebIdentityRequest &request);
Params encode(const DecodeAuthorizationMessageRequest &request);
Params encode(const GetAccessKeyInfoRequest &request);
Params encode(const GetCallerIdentityRequest &request);
Params encode(const GetFederationTokenRequest &request);
Params encode(const GetSessionTokenRequest &request);

/** application/x-www-form-urlencoded body with RFC 3986 encoding ("a b" → "a%20b"). */
QByteArray formBody(const Params &params);

/** Duration limits, exposed for the profile editor and the CLI. */
inline constexpr int kMinDurationSeconds = 900;
inline constexpr int kMaxRoleDurationSeconds = 43200;
inline constexpr int kMaxSessionDurationSeconds = 129600;
inline constexpr int kRoleChainingMaxSeconds = 3600;

/** True when @p name is a valid RoleSessionName (2–64 characters of [\w+=,.@-]). */
bool isValidRoleSessionName(const QString &name);

} // namespace Rolecall::Core::Sts
