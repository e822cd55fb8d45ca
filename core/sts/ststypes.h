// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * Requests and results of the eight STS actions (API version 2011-06-15), with every documented
 * parameter. Field names follow the API so the reference documentation reads across directly.
 * Secret inputs (MFA codes, SAML assertions, web identity tokens) are SecureBytes.
 */
namespace Rolecall::Core::Sts {

struct Tag
{
    QString key;
    QString value;
};

struct ProvidedContext
{
    QString providerArn;
    QString contextAssertion;
};

struct AssumeRoleRequest
{
    QString roleArn;
    QString roleSessionName;
    QStringList policyArns;
    QString policy;
    std::optional<int> durationSeconds;
    QList<Tag> tags;
    QStringList transitiveTagKeys;
    QString externalId;
    QString serialNumber;
    SecureBytes tokenCode;
    QString sourceIdentity;
    QList<ProvidedContext> providedContexts;
};

struct AssumeRoleWithSamlRequest
{
    QString roleArn;
    QString principalArn;
    SecureBytes samlAssertion; ///< base64, as the IdP posted it
    QStringList policyArns;
    QString policy;
    std::optional<int> durationSeconds;
};

struct AssumeRoleWithWebIdentityRequest
{
    QString roleArn;
    QString roleSessionName;
    SecureBytes webIdentityToken;
    QString providerId;
    QStringList policyArns;
    QString policy;
    std::optional<int> durationSeconds;
};

struct DecodeAuthorizationMessageRequest
{
    QString encodedMessage;
};

struct GetAccessKeyInfoRequest
{
    QString accessKeyId;
};

struct GetCallerIdentityRequest
{ };

struct GetFederationTokenRequest
{
    QString name;
    QString policy;
    QStringList policyArns;
    std::optional<int> durationSeconds;
    QList<Tag> tags;
};

struct GetSessionTokenRequest
{
    std::optional<int> durationSeconds;
    QString serialNumber;
    SecureBytes tokenCode;
};

struct AssumedRoleUser
{
    QString assumedRoleId;
    QString arn;
};

struct FederatedUser
{
    QString federatedUserId;
    QString arn;
};

struct AssumeRoleResult
{
    AwsCredentials credentials;
    AssumedRoleUser assumedRoleUser;
    std::optional<int> packedPolicySize;
    QString sourceIdentity;
    QString requestId;
};

struct AssumeRoleWithSamlResult
{
    AwsCredentials credentials;
    AssumedRoleUser assumedRoleUser;
    std::optional<int> packedPolicySize;
    QString subject;
    QString subjectType;
    QString issuer;
    QString audience;
    QString nameQualifier;
    QString sourceIdentity;
    QString requestId;
};

struct AssumeRoleWithWebIdentityResult
{
    AwsCredentials credentials;
    QString subjectFromWebIdentityToken;
    AssumedRoleUser assumedRoleUser;
    std::optional<int> packedPolicySize;
    QString provider;
    QString audience;
    QString sourceIdentity;
    QString requestId;
};

struct DecodeAuthorizationMessageResult
{
    QString decodedMessage;
    QString requestId;
};

struct GetAccessKeyInfoResult
{
    QString account;
    QString requestId;
};

struct GetCallerIdentityResult
{
    QString userId;
    QString account;
    QString arn;
    QString requestId;
};

struct GetFederationTokenResult
{
    AwsCredentials credentials;
    FederatedUser federatedUser;
    std::optional<int> packedPolicySize;
    QString requestId;
};

struct GetSessionTokenResult
{
    AwsCredentials credentials;
    QString requestId;
};

/** The Error element of an AWS Query-protocol error body. */
struct AwsErrorBody
{
    QString type; ///< "Sender" or "Receiver"
    QString code;
    QString message;
    QString requestId;
};

} // namespace Rolecall::Core::Sts
