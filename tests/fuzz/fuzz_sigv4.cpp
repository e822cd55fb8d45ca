// SPDX-License-Identifier: Apache-2.0
// The SigV4 canonicaliser and signer on arbitrary requests. The input is NUL-separated fields:
// method, path, query string ("k=v&k2"), then header name / value pairs. Properties:
//  - the canonical URI and query use only unreserved characters, '/' (URI) and %XX escapes, and
//    decode back to the path and the query items (sorted);
//  - path normalisation is idempotent and leaves no empty, "." or ".." segment;
//  - signed header names are lower-case, sorted and unique; the canonical request is built from
//    the documented parts in the documented order;
//  - signing twice gives the same Authorization; presigning adds a signature to the query;
//  - X-Amz-Date is the time in yyyyMMddTHHmmssZ for every year 1..9999.

#include "fuzztarget.h"

#include "sigv4/sigv4.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::SigV4;
using Rolecall::Fuzz::fuzzRequire;

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1; // lower-case hex is not canonical
}

/// Decodes a canonical encoding; false if it has anything but unreserved characters, @p extra and %XX.
bool decode(QByteArrayView encoded, QByteArrayView extra, QByteArray *out)
{
    out->clear();
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (isUnreserved(c) || extra.contains(c)) {
            out->append(c);
            continue;
        }
        if (c != '%' || i + 2 >= encoded.size() || hexValue(encoded[i + 1]) < 0 || hexValue(encoded[i + 2]) < 0)
            return false;
        out->append(static_cast<char>(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2])));
        i += 2;
    }
    return true;
}

Request requestFrom(QByteArrayView data)
{
    const QList<QByteArrayView> fields = [data] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = data.indexOf('\0', start);
            out.append(data.sliced(start, (end < 0 ? data.size() : end) - start));
            if (end < 0)
                return out;
            start = end + 1;
        }
    }();
    Request request;
    request.method = fields.value(0).toByteArray();
    request.path = fields.value(1).toByteArray();
    if (fields.size() > 2 && !fields.at(2).isEmpty()) {
        for (const QByteArray &item : fields.at(2).toByteArray().split('&')) {
            const qsizetype eq = item.indexOf('=');
            request.query.append({eq < 0 ? item : item.left(eq), eq < 0 ? QByteArray() : item.mid(eq + 1)});
        }
    }
    for (qsizetype i = 3; i + 1 < fields.size(); i += 2)
        request.headers.append({fields.at(i).toByteArray(), fields.at(i + 1).toByteArray()});
    request.payload = QByteArrayLiteral("Action=GetCallerIdentity&Version=2011-06-15");
    return request;
}

void checkPath(const Request &request)
{
    const QByteArray normalized = normalizePath(request.path);
    fuzzRequire(normalizePath(normalized) == normalized, "normalizePath is not idempotent");
    fuzzRequire(normalized.startsWith('/') && !normalized.contains("//"), "a normalised path has an empty segment");
    for (const QByteArray &segment : normalized.split('/'))
        fuzzRequire(segment != "." && segment != "..", "a normalised path has a dot segment");

    Request raw = request;
    raw.normalizePath = false;
    QByteArray decoded;
    const QByteArray uri = canonicalUri(raw);
    fuzzRequire(decode(uri, "/", &decoded), "the canonical URI has a character that is not encoded");
    fuzzRequire(decoded == (request.path.isEmpty() ? QByteArray("/") : request.path),
        "the canonical URI does not decode to the path");
    fuzzRequire(decode(canonicalUri(request), "/", &decoded) && decoded == normalized,
        "the normalised canonical URI does not decode to the normalised path");
    fuzzRequire(decode(request.encodedPath(), "/", &decoded), "the encoded path has a character that is not encoded");
}

void checkQuery(const Request &request)
{
    const QByteArray query = canonicalQuery(request.query);
    QList<std::pair<QByteArray, QByteArray>> expected;
    for (const QueryItem &item : request.query)
        expected.append({item.key, item.value});
    QList<std::pair<QByteArray, QByteArray>> decodedItems;
    QList<QByteArray> encodedItems = query.isEmpty() ? QList<QByteArray>() : query.split('&');
    for (const QByteArray &item : std::as_const(encodedItems)) {
        const qsizetype eq = item.indexOf('=');
        fuzzRequire(eq >= 0, "a canonical query item has no '='");
        QByteArray key;
        QByteArray value;
        fuzzRequire(decode(item.left(eq), {}, &key) && decode(item.mid(eq + 1), {}, &value),
            "the canonical query has a character that is not encoded");
        decodedItems.append({key, value});
    }
    fuzzRequire(std::is_sorted(encodedItems.begin(), encodedItems.end(),
                    [](const QByteArray &a, const QByteArray &b) {
                        const QByteArray ka = a.left(a.indexOf('='));
                        const QByteArray kb = b.left(b.indexOf('='));
                        return ka < kb;
                    }),
        "the canonical query is not sorted by key");
    std::sort(expected.begin(), expected.end());
    std::sort(decodedItems.begin(), decodedItems.end());
    fuzzRequire(expected == decodedItems, "the canonical query does not decode to the query items");
}

void checkHeaders(const Request &request)
{
    const CanonicalHeaders headers = canonicalHeaders(request.headers);
    const QList<QByteArray> names
        = headers.signedNames.isEmpty() ? QList<QByteArray>() : headers.signedNames.split(';');
    const bool plainNames = std::none_of(
        request.headers.cbegin(), request.headers.cend(), [](const Header &h) { return h.name.contains(';'); });
    for (qsizetype i = 0; plainNames && i < names.size(); ++i) {
        fuzzRequire(names.at(i) == names.at(i).toLower(), "a signed header name is not lower-case");
        if (i > 0)
            fuzzRequire(names.at(i - 1) < names.at(i), "signed header names are not sorted and unique");
    }
    QByteArray signedHeaders;
    const QByteArray creq = canonicalRequest(request, &signedHeaders);
    fuzzRequire(signedHeaders == headers.signedNames, "canonicalRequest reports other signed headers");
    const QByteArray expected = request.method + '\n' + canonicalUri(request) + '\n' + canonicalQuery(request.query)
        + '\n' + headers.canonical + '\n' + headers.signedNames + '\n';
    fuzzRequire(creq.startsWith(expected) && creq.size() == expected.size() + 64,
        "the canonical request is not method, URI, query, headers, signed names and payload hash");
}

void checkSigning(const Request &request, QByteArrayView data)
{
    // A time from the input, anywhere in years 1..9999.
    quint64 seed = 0;
    for (const char c : data.first(std::min<qsizetype>(data.size(), 8)))
        seed = seed * 256 + static_cast<unsigned char>(c);
    const QDateTime first(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    const qint64 span = first.secsTo(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC));
    const QDateTime time = first.addSecs(static_cast<qint64>(seed % static_cast<quint64>(span)));
    fuzzRequire(formatAmzDate(time) == time.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1(),
        "formatAmzDate differs from QDateTime's formatting");

    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDEXAMPLE"_s;
    credentials.secretAccessKey = SecureBytes(QByteArrayView("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    credentials.sessionToken = SecureBytes(QByteArrayView("token"));
    const SigningParams params {"us-east-1", "sts", time, true};

    Request signedOnce = request;
    sign(signedOnce, credentials, params);
    Request signedTwice = signedOnce;
    sign(signedTwice, credentials, params);
    fuzzRequire(signedOnce.header("Authorization") == signedTwice.header("Authorization"),
        "signing a signed request again gives another signature");
    Request withoutAuthorization = signedOnce;
    withoutAuthorization.removeHeader("Authorization");
    fuzzRequire(signedOnce.header("Authorization")
                    .contains(QByteArray(
                        ", SignedHeaders=" + canonicalHeaders(withoutAuthorization.headers).signedNames + ", ")),
        "the Authorization header does not name the signed headers");

    Request presigned = request;
    presign(presigned, credentials, params, 900);
    fuzzRequire(!presigned.query.isEmpty() && presigned.query.last().key == "X-Amz-Signature"
            && presigned.query.last().value.size() == 64,
        "presigning did not add a signature");
    (void)presigned.encodedQuery();
}

void fuzzSigV4(QByteArrayView data)
{
    const Request request = requestFrom(data);
    checkPath(request);
    checkQuery(request);
    checkHeaders(request);
    checkSigning(request, data);
}

} // namespace

ROLECALL_FUZZ_TARGET(sigv4, fuzzSigV4)
