// SPDX-License-Identifier: Apache-2.0
// The authorization-message decoder on arbitrary text: extracting the encoded blob from a pasted
// line, parsing the decoded JSON, and formatting it. Properties: the extracted blob is a substring
// of the input made only of blob characters; a parsed message parses again from its own
// prettyJson into the same verdict, statements and context.

#include "fuzztarget.h"

#include "authz/authorizationmessage.h"

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Authz;
using Rolecall::Fuzz::fuzzRequire;

namespace {

bool isBlobChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-'
        || c == u'+' || c == u'/' || c == u'=';
}

bool sameMessage(const AuthorizationMessage &a, const AuthorizationMessage &b)
{
    if (a.verdict() != b.verdict() || a.failures != b.failures || a.principalId != b.principalId
        || a.principalArn != b.principalArn || a.action != b.action || a.resource != b.resource
        || a.matchedStatements.size() != b.matchedStatements.size() || a.conditions.size() != b.conditions.size())
        return false;
    for (qsizetype i = 0; i < a.matchedStatements.size(); ++i) {
        const MatchedStatement &s = a.matchedStatements.at(i);
        const MatchedStatement &t = b.matchedStatements.at(i);
        if (s.statementId != t.statementId || s.effect != t.effect || s.actions != t.actions
            || s.resources != t.resources || s.principals != t.principals)
            return false;
    }
    for (qsizetype i = 0; i < a.conditions.size(); ++i) {
        if (a.conditions.at(i).key != b.conditions.at(i).key || a.conditions.at(i).values != b.conditions.at(i).values)
            return false;
    }
    return true;
}

void fuzzAuthz(QByteArrayView data)
{
    const QString text = QString::fromUtf8(data);

    const QString blob = extractEncodedMessage(text);
    fuzzRequire(text.contains(blob), "the extracted blob is not part of the input");
    fuzzRequire(std::all_of(blob.begin(), blob.end(), isBlobChar), "the extracted blob has a foreign character");

    const Result<AuthorizationMessage> message = parseAuthorizationMessage(text);
    if (!message) {
        fuzzRequire(message.error().kind == Error::Kind::Parse, "a bad message failed with an error that is not Parse");
        return;
    }
    (void)message->verdictText();
    (void)formatSummary(message.value());
    if (message->conditions.size() == 1) {
        const Condition &condition = message->conditions.first();
        fuzzRequire(message->conditionValues(condition.key) == condition.values,
            "a condition's values cannot be looked up by its key");
    }

    const Result<AuthorizationMessage> again = parseAuthorizationMessage(message->prettyJson);
    fuzzRequire(again && sameMessage(message.value(), again.value()), "a message does not parse back from its JSON");
}

} // namespace

ROLECALL_FUZZ_TARGET(authz, fuzzAuthz)
