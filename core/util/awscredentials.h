// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "securebytes.h"

#include <QDateTime>
#include <QString>

namespace Rolecall::Core {

/**
 * A set of AWS credentials: long-term keys or temporary ones with an expiry.
 *
 * `origin` records which call produced them, because AWS treats them differently: the console
 * federation endpoint refuses GetSessionToken credentials and long-term keys, and credentials from
 * a role session can assume another role for at most one hour (role chaining).
 */
struct AwsCredentials
{
    enum class Origin
    {
        Unknown,
        LongTerm, ///< an IAM user's (or root's) access key
        SessionToken, ///< GetSessionToken
        AssumedRole, ///< AssumeRole / AssumeRoleWithSAML / AssumeRoleWithWebIdentity
        FederationToken, ///< GetFederationToken
    };

    QString accessKeyId;
    SecureBytes secretAccessKey;
    SecureBytes sessionToken;
    /// UTC; invalid for long-term keys.
    QDateTime expiration;
    Origin origin = Origin::Unknown;

    bool isEmpty() const { return accessKeyId.isEmpty() || secretAccessKey.isEmpty(); }
    bool isTemporary() const { return !sessionToken.isEmpty(); }
};

} // namespace Rolecall::Core
