// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"
#include "util/result.h"

#include <QProcessEnvironment>

#include <optional>

namespace Rolecall::Core {

/**
 * Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (AWS_SECURITY_TOKEN as
 * the SDKs' fallback), with AWS_CREDENTIAL_EXPIRATION when present. Nothing when neither key is set;
 * a config error when only one of the pair is.
 */
std::optional<Result<AwsCredentials>> credentialsFromEnvironment(const QProcessEnvironment &env);

/** AWS_REGION, then AWS_DEFAULT_REGION. */
QString regionFromEnvironment(const QProcessEnvironment &env);

} // namespace Rolecall::Core
