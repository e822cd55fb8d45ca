// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ststypes.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>

/**
 * Parsers for STS Query-protocol XML responses (QXmlStreamReader, one pass, no DOM).
 *
 * Namespaces are ignored so that emulators and private endpoints that omit them still parse.
 * Secret values go straight into SecureBytes; the parsers never log.
 */
namespace Rolecall::Core::Sts {

Result<AssumeRoleResult> parseAssumeRoleResponse(QByteArrayView xml);
Result<AssumeRoleWithSamlResult> parseAssumeRoleWithSamlResponse(QByteArrayView xml);
Result<AssumeRoleWithWebIdentityResult> parseAssumeRoleWithWebIdentityResponse(QByteArrayView xml);
Result<DecodeAuthorizationMessageResult> parseDecodeAuthorizationMessageResponse(QByteArrayView xml);
Result<GetAccessKeyInfoResult> parseGetAccessKeyInfoResponse(QByteArrayView xml);
Result<GetCallerIdentityResult> parseGetCallerIdentityResponse(QByteArrayView xml);
Result<GetFederationTokenResult> parseGetFederationTokenResponse(QByteArrayView xml);
Result<GetSessionTokenResult> parseGetSessionTokenResponse(QByteArrayView xml);

/**
 * The AWS error in @p xml: `<ErrorResponse><Error>…</Error><RequestId/></ErrorResponse>`, or the EC2
 * style `<Response><Errors><Error>…</Error></Errors><RequestID/></Response>`. Empty code when the body
 * is not an AWS error document.
 */
AwsErrorBody parseErrorResponse(QByteArrayView xml);

/** ISO 8601 UTC timestamps as STS writes them: "2011-07-15T23:28:33.359Z" or without the fraction. */
QDateTime parseIsoTimestamp(QStringView text);
/** RFC 7231 HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"), for clock-skew correction. */
QDateTime parseHttpDate(QByteArrayView text);

} // namespace Rolecall::Core::Sts
