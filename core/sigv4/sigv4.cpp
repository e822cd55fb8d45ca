// SPDX-License-Identifier: Apache-2.0
#include "sigv4.h"

#include "crypto.h"

#include <QMutexLocker>

#include <algorithm>

namespace Rolecall::Core::SigV4 {

namespace {

constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";
constexpr QByteArrayView kTerminator = "aws4_request";

constexpr bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

constexpr char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Lower-cases a header name; names that already are lower-case are shared, not copied.
QByteArray lowerAscii(const QByteArray &in)
{
    const char *p = in.constData();
    qsizetype i = 0;
    while (i < in.size() && !(p[i] >= 'A' && p[i] <= 'Z'))
        ++i;
    if (i == in.size())
        return in;
    QByteArray out(in.size(), Qt::Uninitialized);
    char *w = out.data();
    for (qsizetype j = 0; j < in.size(); ++j)
        w[j] = toLowerAscii(p[j]);
    return out;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (toLowerAscii(a[i]) != toLowerAscii(b[i]))
            return false;
    }
    return true;
}

constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Trims and collapses runs of spaces into one; obsolete line folding ("a\n  b") becomes "a,b",
// which is what the AWS test suite expects.
void appendCanonicalValue(QByteArray &out, QByteArrayView value)
{
    // Fast path: a single line with no surrounding or repeated blanks is already canonical.
    bool plain = value.isEmpty() || (!isSpace(value.front()) && !isSpace(value.back()));
    for (qsizetype i = 0; plain && i < value.size(); ++i) {
        const char c = value[i];
        plain = !(c == '\n' || c == '\t' || c == '\r' || (c == ' ' && value[i + 1] == ' '));
    }
    if (plain) {
        out.append(value);
        return;
    }
    bool firstLine = true;
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf('\n', start);
        if (end < 0)
            end = value.size();
        QByteArrayView line = value.sliced(start, end - start);
        qsizetype b = 0;
        qsizetype e = line.size();
        while (b < e && isSpace(line[b]))
            ++b;
        while (e > b && isSpace(line[e - 1]))
            --e;
        if (!firstLine)
            out.append(',');
        firstLine = false;
        bool lastWasSpace = false;
        for (qsizetype i = b; i < e; ++i) {
            const char c = line[i];
            if (c == ' ' || c == '\t') {
                if (!lastWasSpace)
                    out.append(' ');
                lastWasSpace = true;
            } else {
                out.append(c);
                lastWasSpace = false;
            }
        }
        start = end + 1;
    }
}

void appendTwoDigits(char *p, int v)
{
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
}

QByteArray hexPayloadHash(const Request &request)
{
    if (!request.payloadHash.isEmpty())
        return request.payloadHash;
    return Crypto::toHex(Crypto::sha256(request.payload));
}

QByteArray signatureFor(const QByteArray &stringToSignBytes, const AwsCredentials &credentials, QByteArrayView date,
    const SigningParams &params, SigningKeyCache *cache)
{
    const auto key = cache ? cache->key(credentials.secretAccessKey, date, params.region, params.service)
                           : deriveSigningKey(credentials.secretAccessKey, date, params.region, params.service);
    return Crypto::toHex(key->mac(stringToSignBytes));
}

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return h.value;
    }
    return {};
}

void Request::setHeader(const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (qsizetype i = 0; i < headers.size();) {
        if (equalsIgnoreCase(headers.at(i).name, name)) {
            if (replaced) {
                headers.removeAt(i);
                continue;
            }
            headers[i].value = value;
            replaced = true;
        }
        ++i;
    }
    if (!replaced)
        headers.append({name, value});
}

void Request::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const Header &h) { return equalsIgnoreCase(h.name, name); });
}

QByteArray Request::encodedQuery() const
{
    QByteArray out;
    for (const QueryItem &item : query) {
        if (!out.isEmpty())
            out.append('&');
        appendUriEncoded(out, item.key);
        out.append('=');
        appendUriEncoded(out, item.value);
    }
    return out;
}

QByteArray Request::encodedPath() const
{
    return uriEncode(path.isEmpty() ? QByteArrayView("/") : QByteArrayView(path), true);
}

void appendUriEncoded(QByteArray &out, QByteArrayView data, bool keepSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    out.reserve(out.size() + data.size() * 3);
    for (char ch : data) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out.append(ch);
        } else {
            const char escaped[3] = {'%', kHex[c >> 4], kHex[c & 0x0f]};
            out.append(escaped, 3);
        }
    }
}

QByteArray uriEncode(QByteArrayView data, bool keepSlash)
{
    QByteArray out;
    appendUriEncoded(out, data, keepSlash);
    return out;
}

QByteArray normalizePath(QByteArrayView path)
{
    QList<QByteArrayView> segments;
    const bool trailingSlash = path.endsWith('/');
    qsizetype start = 0;
    while (start < path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment.isEmpty() || segment == ".") {
            // repeated slash or pointless dot
        } else if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
        } else {
            segments.append(segment);
        }
        start = end + 1;
    }
    QByteArray out("/");
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out.append('/');
        out.append(segments.at(i));
    }
    if (trailingSlash && !segments.isEmpty())
        out.append('/');
    return out;
}

QByteArray canonicalUri(const Request &request)
{
    if (request.path.isEmpty())
        return QByteArrayLiteral("/");
    if (request.path == "/")
        return request.path;
    return uriEncode(request.normalizePath ? normalizePath(request.path) : request.path, true);
}

QByteArray canonicalQuery(const QList<QueryItem> &query)
{
    if (query.isEmpty())
        return {};
    std::vector<std::pair<QByteArray, QByteArray>> encoded;
    encoded.reserve(static_cast<size_t>(query.size()));
    qsizetype total = 0;
    for (const QueryItem &item : query) {
        encoded.emplace_back(uriEncode(item.key), uriEncode(item.value));
        total += encoded.back().first.size() + encoded.back().second.size() + 2;
    }
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    out.reserve(total);
    for (const auto &[key, value] : encoded) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key).append('=').append(value);
    }
    return out;
}

CanonicalHeaders canonicalHeaders(const QList<Header> &headers)
{
    struct Lowered
    {
        QByteArray name;
        const QByteArray *value;
    };
    std::vector<Lowered> sorted;
    sorted.reserve(static_cast<size_t>(headers.size()));
    for (const Header &h : headers)
        sorted.push_back({lowerAscii(h.name), &h.value});
    std::stable_sort(sorted.begin(), sorted.end(), [](const Lowered &a, const Lowered &b) { return a.name < b.name; });

    CanonicalHeaders out;
    out.canonical.reserve(256);
    out.signedNames.reserve(64);
    for (size_t i = 0; i < sorted.size(); ++i) {
        const bool continues = i > 0 && sorted[i].name == sorted[i - 1].name;
        if (continues) {
            out.canonical.append(',');
        } else {
            if (i > 0) {
                out.canonical.append('\n');
                out.signedNames.append(';');
            }
            out.canonical.append(sorted[i].name).append(':');
            out.signedNames.append(sorted[i].name);
        }
        appendCanonicalValue(out.canonical, *sorted[i].value);
    }
    if (!sorted.empty())
        out.canonical.append('\n');
    return out;
}

QByteArray canonicalRequest(const Request &request, QByteArray *signedHeaders)
{
    const CanonicalHeaders headers = canonicalHeaders(request.headers);
    const QByteArray uri = canonicalUri(request);
    const QByteArray query = canonicalQuery(request.query);
    const QByteArray payloadHash = hexPayloadHash(request);
    QByteArray out;
    out.reserve(request.method.size() + uri.size() + query.size() + headers.canonical.size()
        + headers.signedNames.size() + payloadHash.size() + 8);
    out.append(request.method).append('\n');
    out.append(uri).append('\n');
    out.append(query).append('\n');
    out.append(headers.canonical).append('\n');
    out.append(headers.signedNames).append('\n');
    out.append(payloadHash);
    if (signedHeaders)
        *signedHeaders = headers.signedNames;
    return out;
}

QByteArray formatAmzDate(const QDateTime &time)
{
    // Civil-from-days (H. Hinnant): faster than QDateTime::toString and independent of locale.
    const qint64 secs = time.toSecsSinceEpoch();
    qint64 days = secs / 86400;
    qint64 rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));

    QByteArray out(16, Qt::Uninitialized);
    char *p = out.data();
    appendTwoDigits(p, year / 100);
    appendTwoDigits(p + 2, year % 100);
    appendTwoDigits(p + 4, month);
    appendTwoDigits(p + 6, day);
    p[8] = 'T';
    appendTwoDigits(p + 9, static_cast<int>(rem / 3600));
    appendTwoDigits(p + 11, static_cast<int>(rem % 3600 / 60));
    appendTwoDigits(p + 13, static_cast<int>(rem % 60));
    p[15] = 'Z';
    return out;
}

QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    QByteArray out;
    out.reserve(date.size() + region.size() + service.size() + kTerminator.size() + 3);
    out.append(date).append('/').append(region).append('/').append(service).append('/').append(kTerminator);
    return out;
}

QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView scope, QByteArrayView canonicalRequestBytes)
{
    QByteArray out;
    out.reserve(kAlgorithm.size() + amzDate.size() + scope.size() + 64 + 3);
    out.append(kAlgorithm).append('\n').append(amzDate).append('\n').append(scope).append('\n');
    Crypto::appendHex(out, Crypto::sha256(canonicalRequestBytes));
    return out;
}

struct SigningKeyCache::Entry
{
    SecureBytes secret;
    QByteArray date;
    QByteArray region;
    QByteArray service;
    std::shared_ptr<const Crypto::KeyedHmac> key;
};

SigningKeyCache::SigningKeyCache() = default;
SigningKeyCache::~SigningKeyCache() = default;

std::shared_ptr<const Crypto::KeyedHmac> SigningKeyCache::key(
    const SecureBytes &secret, QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    constexpr size_t kMaxEntries = 8;
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->date == date && it->region == region && it->service == service && it->secret == secret) {
            if (it != m_entries.begin())
                std::rotate(m_entries.begin(), it, it + 1); // most recent first
            return m_entries.front().key;
        }
    }
    auto derived = deriveSigningKey(secret, date, region, service);
    ++m_derivations;
    if (m_entries.size() >= kMaxEntries)
        m_entries.pop_back();
    m_entries.insert(
        m_entries.begin(), Entry {secret, date.toByteArray(), region.toByteArray(), service.toByteArray(), derived});
    return derived;
}

int SigningKeyCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_entries.size());
}

std::shared_ptr<const Crypto::KeyedHmac> deriveSigningKey(
    const SecureBytes &secret, QByteArrayView date, QByteArrayView region, QByteArrayView service)
{
    SecureBytes prefixed(QByteArrayView("AWS4"));
    {
        QByteArray joined;
        joined.reserve(secret.size() + 4);
        joined.append("AWS4").append(secret.view());
        prefixed = SecureBytes::takeFrom(joined);
    }
    Crypto::Digest kDate = Crypto::hmacSha256(prefixed.view(), date);
    Crypto::Digest kRegion = Crypto::hmacSha256(QByteArrayView(kDate.data(), 32), region);
    Crypto::Digest kService = Crypto::hmacSha256(QByteArrayView(kRegion.data(), 32), service);
    Crypto::Digest kSigning = Crypto::hmacSha256(QByteArrayView(kService.data(), 32), kTerminator);
    auto key = std::make_shared<const Crypto::KeyedHmac>(QByteArrayView(kSigning.data(), 32));
    Crypto::wipe(kDate);
    Crypto::wipe(kRegion);
    Crypto::wipe(kService);
    Crypto::wipe(kSigning);
    return key;
}

void sign(Request &request, const AwsCredentials &credentials, const SigningParams &params, SigningKeyCache *cache)
{
    const QByteArray amzDate = formatAmzDate(params.time);
    const QByteArrayView date = QByteArrayView(amzDate).first(8);
    request.removeHeader("Authorization");
    request.setHeader(QByteArrayLiteral("x-amz-date"), amzDate);
    const bool hasToken = !credentials.sessionToken.isEmpty();
    if (hasToken && params.signSecurityToken)
        request.setHeader(QByteArrayLiteral("x-amz-security-token"), credentials.sessionToken.unsecureCopy());

    QByteArray signedHeaders;
    const QByteArray creq = canonicalRequest(request, &signedHeaders);
    const QByteArray scope = credentialScope(date, params.region, params.service);
    const QByteArray signature = signatureFor(stringToSign(amzDate, scope, creq), credentials, date, params, cache);

    QByteArray authorization;
    authorization.reserve(kAlgorithm.size() + credentials.accessKeyId.size() + scope.size() + signedHeaders.size()
        + signature.size() + 48);
    authorization.append(kAlgorithm)
        .append(" Credential=")
        .append(credentials.accessKeyId.toLatin1())
        .append('/')
        .append(scope)
        .append(", SignedHeaders=")
        .append(signedHeaders)
        .append(", Signature=")
        .append(signature);
    request.setHeader(QByteArrayLiteral("Authorization"), authorization);
    if (hasToken && !params.signSecurityToken)
        request.setHeader(QByteArrayLiteral("x-amz-security-token"), credentials.sessionToken.unsecureCopy());
}

void presign(Request &request, const AwsCredentials &credentials, const SigningParams &params, int expiresSeconds,
    SigningKeyCache *cache)
{
    const QByteArray amzDate = formatAmzDate(params.time);
    const QByteArrayView date = QByteArrayView(amzDate).first(8);
    const QByteArray scope = credentialScope(date, params.region, params.service);
    const CanonicalHeaders headers = canonicalHeaders(request.headers);

    request.query.append({QByteArrayLiteral("X-Amz-Algorithm"), kAlgorithm.toByteArray()});
    request.query.append({QByteArrayLiteral("X-Amz-Credential"), credentials.accessKeyId.toLatin1() + '/' + scope});
    request.query.append({QByteArrayLiteral("X-Amz-Date"), amzDate});
    request.query.append({QByteArrayLiteral("X-Amz-Expires"), QByteArray::number(expiresSeconds)});
    request.query.append({QByteArrayLiteral("X-Amz-SignedHeaders"), headers.signedNames});
    if (!credentials.sessionToken.isEmpty())
        request.query.append({QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.unsecureCopy()});

    const QByteArray creq = canonicalRequest(request);
    const QByteArray signature = signatureFor(stringToSign(amzDate, scope, creq), credentials, date, params, cache);
    request.query.append({QByteArrayLiteral("X-Amz-Signature"), signature});
}

} // namespace Rolecall::Core::SigV4
