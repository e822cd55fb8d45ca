// SPDX-License-Identifier: Apache-2.0
// The AWS error body parser (Query-protocol ErrorResponse and EC2-style Response/Errors) on
// arbitrary bytes: never crashes, gives the same result twice, returns trimmed fields, and an
// input that is not an error document gives no code.

#include "fuzztarget.h"

#include "sts/stsparsing.h"

using namespace Rolecall::Core::Sts;
using Rolecall::Fuzz::fuzzRequire;

namespace {

bool isTrimmed(const QString &text)
{
    return text == text.trimmed();
}

void fuzzAwsError(QByteArrayView data)
{
    const AwsErrorBody body = parseErrorResponse(data);
    const AwsErrorBody again = parseErrorResponse(data);
    fuzzRequire(body.code == again.code && body.message == again.message && body.type == again.type
            && body.requestId == again.requestId,
        "parsing the same error body twice gave different results");
    fuzzRequire(isTrimmed(body.code) && isTrimmed(body.message) && isTrimmed(body.type) && isTrimmed(body.requestId),
        "an error field is not trimmed");
    if (!data.contains("Error"))
        fuzzRequire(body.code.isEmpty(), "a body without an Error element gave an error code");
}

} // namespace

ROLECALL_FUZZ_TARGET(awserror, fuzzAwsError)
