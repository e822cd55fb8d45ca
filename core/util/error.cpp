// SPDX-License-Identifier: Apache-2.0
#include "error.h"

#include <QDebug>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

Error make(Error::Kind kind, const QString &context, QString message)
{
    Error e;
    e.kind = kind;
    e.context = context;
    e.message = std::move(message);
    return e;
}

QString withContext(const QString &context, const QString &text)
{
    return context.isEmpty() ? text : Error::tr("%1: %2").arg(context, text);
}

} // namespace

Error Error::validation(const QString &field, const QString &problem, const QString &context)
{
    Error e = make(
        Kind::Validation, context, withContext(context, tr("%1 %2 Nothing was sent to AWS.").arg(field, problem)));
    e.field = field;
    return e;
}

Error Error::aws(
    int httpStatus, const QString &code, const QString &awsMessage, const QString &requestId, const QString &context)
{
    QString text = awsMessage.isEmpty() ? tr("AWS refused the request with %1.").arg(code)
                                        : tr("AWS refused the request with %1: %2").arg(code, awsMessage);
    const QString hint = hintForAwsError(code, awsMessage);
    if (!hint.isEmpty())
        text += u' ' + hint;
    Error e = make(Kind::Aws, context, withContext(context, text));
    e.httpStatus = httpStatus;
    e.awsCode = code;
    e.awsMessage = awsMessage;
    e.requestId = requestId;
    return e;
}

Error Error::http(int httpStatus, const QString &context)
{
    const QString text = httpStatus >= 500
        ? tr("The service answered HTTP %1 without an error description. It is probably a temporary problem; "
             "try again in a moment.")
              .arg(httpStatus)
        : tr("The service answered HTTP %1 without an error description. Check the endpoint URL.").arg(httpStatus);
    Error e = make(Kind::Http, context, withContext(context, text));
    e.httpStatus = httpStatus;
    return e;
}

Error Error::network(const QString &detail, const QString &context)
{
    return make(Kind::Network, context,
        withContext(context,
            tr("Could not reach the endpoint (%1). Check your network connection, "
               "proxy settings and the endpoint URL.")
                .arg(detail)));
}

Error Error::timeout(int seconds, const QString &context)
{
    return make(Kind::Timeout, context,
        withContext(context,
            tr("No answer within %n second(s). The network or the endpoint may be "
               "slow or unreachable; try again.",
                nullptr, seconds)));
}

Error Error::tls(const QString &detail, const QString &context)
{
    return make(Kind::Tls, context,
        withContext(context,
            tr("The secure connection failed: %1. Rolecall never skips certificate "
               "checks; if you use a corporate proxy or a private endpoint, point "
               "ca_bundle or AWS_CA_BUNDLE at its CA certificate.")
                .arg(detail)));
}

Error Error::parse(const QString &detail, const QString &context)
{
    return make(Kind::Parse, context,
        withContext(context,
            tr("The answer could not be read (%1). If you use a custom endpoint, "
               "check that it is an STS endpoint.")
                .arg(detail)));
}

Error Error::config(const QString &detail, const QString &context)
{
    return make(Kind::Config, context, withContext(context, detail));
}

Error Error::cancelled(const QString &context)
{
    return make(Kind::Cancelled, context, withContext(context, tr("Cancelled.")));
}

Error Error::keychain(const QString &detail, const QString &context)
{
    return make(Kind::Keychain, context, withContext(context, detail));
}

bool Error::isThrottlingCode(const QString &code)
{
    static const QStringList codes = {
        u"Throttling"_s,
        u"ThrottlingException"_s,
        u"ThrottledException"_s,
        u"RequestThrottledException"_s,
        u"TooManyRequestsException"_s,
        u"ProvisionedThroughputExceededException"_s,
        u"TransactionInProgressException"_s,
        u"RequestLimitExceeded"_s,
        u"BandwidthLimitExceeded"_s,
        u"LimitExceededException"_s,
        u"RequestThrottled"_s,
        u"SlowDown"_s,
        u"PriorRequestNotComplete"_s,
        u"EC2ThrottledException"_s,
    };
    return codes.contains(code);
}

QString Error::hintForAwsError(const QString &code, const QString &awsMessage)
{
    const auto says = [&awsMessage](QLatin1StringView text) { return awsMessage.contains(text, Qt::CaseInsensitive); };
    if (says("role chaining"_L1))
        return tr("Credentials from a role can assume another role for at most one hour (role chaining). "
                  "Ask for 3600 seconds or less.");
    if (says("DurationSeconds exceeds"_L1))
        return tr("The requested duration is longer than the role's maximum session duration. Ask for less, or "
                  "raise the role's maximum in IAM.");
    if (code == "AccessDenied"_L1) {
        if (says("MultiFactorAuthentication"_L1))
            return tr("The MFA code was wrong or already used. Wait for the next code and try again.");
        if (says("not authorized to perform: sts:AssumeRole"_L1))
            return tr("Check the role's trust policy, the role ARN, and whether the role requires MFA or an "
                      "external ID.");
        return tr("Your identity lacks permission for this action; check its IAM policies.");
    }
    if (code == "ExpiredToken"_L1 || code == "ExpiredTokenException"_L1)
        return tr("The credentials used to sign have expired. Get fresh credentials and try again.");
    if (code == "InvalidClientTokenId"_L1)
        return tr("The access key ID is not known to AWS: it may be deleted, inactive, or meant for another "
                  "partition (China, GovCloud).");
    if (code == "SignatureDoesNotMatch"_L1)
        return tr("The secret access key does not match the access key ID, or the system clock is wrong.");
    if (code == "IncompleteSignature"_L1 || code == "MissingAuthenticationToken"_L1)
        return tr("The request was not signed completely. Check that credentials are configured.");
    if (code == "RequestExpired"_L1 || code == "RequestTimeTooSkewed"_L1)
        return tr("Your system clock differs from AWS's. Synchronise the clock (NTP) and try again.");
    if (code == "RegionDisabledException"_L1)
        return tr("STS is not activated in this region for the account. Activate it in IAM (Account settings) "
                  "or use another region.");
    if (code == "MalformedPolicyDocument"_L1 || code == "MalformedPolicyDocumentException"_L1)
        return tr("The session policy is not valid IAM policy JSON.");
    if (code == "PackedPolicyTooLarge"_L1 || code == "PackedPolicyTooLargeException"_L1)
        return tr("The session policies and tags are too large once packed. Use fewer or shorter ones.");
    if (code == "ValidationError"_L1)
        return tr("A parameter was rejected; check the values against the limits AWS documents.");
    if (isThrottlingCode(code))
        return tr("AWS is throttling requests. Wait a moment and try again.");
    if (code == "InvalidIdentityToken"_L1 || code == "InvalidIdentityTokenException"_L1)
        return tr("The web identity token was rejected: check its issuer, audience and expiry.");
    if (code == "IDPRejectedClaim"_L1 || code == "IDPRejectedClaimException"_L1)
        return tr("The identity provider's claim was rejected: check the role's trust policy conditions.");
    if (code == "IDPCommunicationError"_L1 || code == "IDPCommunicationErrorException"_L1)
        return tr("AWS could not reach the identity provider. Try again shortly.");
    if (code == "InvalidAuthorizationMessageException"_L1)
        return tr("The encoded message is not valid; paste the whole message, exactly as AWS returned it.");
    if (code == "InternalFailure"_L1 || code == "ServiceUnavailable"_L1 || code == "InternalError"_L1)
        return tr("AWS had a temporary problem. Try again in a moment.");
    return {};
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"none"_s;
    case Kind::Network:
        return u"network"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Tls:
        return u"tls"_s;
    case Kind::Http:
        return u"http"_s;
    case Kind::Aws:
        return u"aws"_s;
    case Kind::Parse:
        return u"parse"_s;
    case Kind::Validation:
        return u"validation"_s;
    case Kind::Keychain:
        return u"keychain"_s;
    case Kind::Config:
        return u"config"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

QDebug operator<<(QDebug debug, const Error &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Error(" << Error::kindName(error.kind);
    if (error.httpStatus)
        debug << ", http=" << error.httpStatus;
    if (!error.awsCode.isEmpty())
        debug << ", code=" << error.awsCode;
    if (!error.requestId.isEmpty())
        debug << ", request=" << error.requestId;
    debug << ", " << error.message << ')';
    return debug;
}

} // namespace Rolecall::Core
