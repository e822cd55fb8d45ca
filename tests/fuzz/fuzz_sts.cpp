// SPDX-License-Identifier: Apache-2.0
// The STS XML response parsers, every action, on arbitrary bytes:
//  - no parser crashes, and parsing the same bytes again gives the same result (the parsers reuse
//    one XML reader per thread);
//  - a response that parses has credentials with an access key, a secret, a session token and a
//    valid expiration, and no white space inside them;
//  - the credentials equal what a plain QXmlStreamReader reading of the same bytes gives: the
//    parsers' shortcuts (white space dropped between elements, secret values lifted out before the
//    reader sees them) must not change what is read;
//  - the timestamp parsers accept any text.

#include "fuzztarget.h"

#include "sts/stsparsing.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;
using Rolecall::Fuzz::fuzzRequire;

namespace {

constexpr int kMaxDepth = 32; // the parsers refuse deeper documents

bool noSpace(QStringView text)
{
    return std::none_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

/// Credentials/* leaves as a plain reader sees them: the last occurrence wins, white space removed.
struct Reference
{
    bool usable = false;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString expiration;
};

Reference readReference(QByteArrayView xml)
{
    Reference out;
    QXmlStreamReader reader(xml.toByteArray());
    reader.setNamespaceProcessing(false);
    QStringList names;
    QString text;
    bool leaf = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            names.append(reader.name().toString());
            if (names.size() > kMaxDepth)
                return out;
            leaf = true;
            text.clear();
            break;
        case QXmlStreamReader::Characters:
            if (leaf)
                text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            if (leaf && names.size() >= 2 && names.at(names.size() - 2) == u"Credentials"_s) {
                text.removeIf([](QChar c) { return c.isSpace(); });
                const QString &name = names.last();
                if (name == u"AccessKeyId"_s)
                    out.accessKeyId = text;
                else if (name == u"SecretAccessKey"_s)
                    out.secretAccessKey = text;
                else if (name == u"SessionToken"_s)
                    out.sessionToken = text;
                else if (name == u"Expiration"_s)
                    out.expiration = text;
            }
            leaf = false;
            names.removeLast();
            break;
        default:
            break;
        }
    }
    out.usable = !reader.hasError();
    return out;
}

bool sameCredentials(const AwsCredentials &a, const AwsCredentials &b)
{
    return a.accessKeyId == b.accessKeyId && a.secretAccessKey == b.secretAccessKey && a.sessionToken == b.sessionToken
        && a.expiration == b.expiration && a.origin == b.origin;
}

template<typename ResultT>
void checkCredentials(const Result<ResultT> &result, const Result<ResultT> &again, const Reference &reference)
{
    fuzzRequire(bool(result) == bool(again), "parsing the same response twice gave different outcomes");
    if (!result) {
        fuzzRequire(result.error().kind == Error::Kind::Parse, "a parser failed with an error that is not Parse");
        return;
    }
    const AwsCredentials &c = result->credentials;
    fuzzRequire(sameCredentials(c, again->credentials), "parsing the same response twice gave different credentials");
    fuzzRequire(!c.accessKeyId.isEmpty() && !c.secretAccessKey.isEmpty() && !c.sessionToken.isEmpty(),
        "parsed credentials lack a part");
    fuzzRequire(c.expiration.isValid(), "parsed credentials have no valid expiration");
    fuzzRequire(noSpace(c.accessKeyId) && noSpace(QString::fromUtf8(c.secretAccessKey.view()))
            && noSpace(QString::fromUtf8(c.sessionToken.view())),
        "parsed credentials contain white space");
    if (!reference.usable)
        return;
    fuzzRequire(c.accessKeyId == reference.accessKeyId, "the access key id differs from a plain XML reading");
    fuzzRequire(c.secretAccessKey.view() == reference.secretAccessKey.toUtf8(),
        "the secret access key differs from a plain XML reading");
    fuzzRequire(
        c.sessionToken.view() == reference.sessionToken.toUtf8(), "the session token differs from a plain XML reading");
    fuzzRequire(
        c.expiration == parseIsoTimestamp(reference.expiration), "the expiration differs from a plain XML reading");
}

template<typename ResultT>
void checkOther(const Result<ResultT> &result, const Result<ResultT> &again)
{
    fuzzRequire(bool(result) == bool(again), "parsing the same response twice gave different outcomes");
    if (!result)
        fuzzRequire(result.error().kind == Error::Kind::Parse, "a parser failed with an error that is not Parse");
    else
        fuzzRequire(result->requestId == again->requestId, "parsing the same response twice gave different results");
}

void fuzzSts(QByteArrayView data)
{
    const Reference reference = readReference(data);
    checkCredentials(parseAssumeRoleResponse(data), parseAssumeRoleResponse(data), reference);
    checkCredentials(parseAssumeRoleWithSamlResponse(data), parseAssumeRoleWithSamlResponse(data), reference);
    checkCredentials(
        parseAssumeRoleWithWebIdentityResponse(data), parseAssumeRoleWithWebIdentityResponse(data), reference);
    checkCredentials(parseGetFederationTokenResponse(data), parseGetFederationTokenResponse(data), reference);
    checkCredentials(parseGetSessionTokenResponse(data), parseGetSessionTokenResponse(data), reference);

    const auto decoded = parseDecodeAuthorizationMessageResponse(data);
    checkOther(decoded, parseDecodeAuthorizationMessageResponse(data));
    if (decoded)
        fuzzRequire(!decoded->decodedMessage.isEmpty(), "a decoded authorization message is empty");
    const auto keyInfo = parseGetAccessKeyInfoResponse(data);
    checkOther(keyInfo, parseGetAccessKeyInfoResponse(data));
    if (keyInfo)
        fuzzRequire(!keyInfo->account.isEmpty(), "GetAccessKeyInfo gave no account");
    const auto identity = parseGetCallerIdentityResponse(data);
    checkOther(identity, parseGetCallerIdentityResponse(data));
    if (identity)
        fuzzRequire(!identity->arn.isEmpty(), "GetCallerIdentity gave no ARN");

    const QDateTime iso = parseIsoTimestamp(QString::fromUtf8(data.first(std::min<qsizetype>(data.size(), 64))));
    fuzzRequire(!iso.isValid() || iso.timeSpec() == Qt::UTC, "an ISO timestamp is not UTC");
    const QDateTime http = parseHttpDate(data.first(std::min<qsizetype>(data.size(), 64)));
    fuzzRequire(!http.isValid() || http.timeSpec() == Qt::UTC, "an HTTP date is not UTC");
}

} // namespace

ROLECALL_FUZZ_TARGET(sts, fuzzSts)
