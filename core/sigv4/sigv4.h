// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>

#include <memory>
#include <vector>

namespace Rolecall::Core::Crypto {
class KeyedHmac;
}

/**
 * AWS Signature Version 4, as pure functions: no transport, no clock of its own.
 *
 * The request is described as it will be sent, except that the path and the query items are given
 * *decoded*: the signer applies the RFC 3986 encoding AWS specifies (that is also how the official
 * test suite describes requests). Time comes from the caller (an injected Clock in the STS client).
 */
namespace Rolecall::Core::SigV4 {

struct Header
{
    QByteArray name;
    QByteArray value;
};

struct QueryItem
{
    QByteArray key;
    QByteArray value;
};

struct Request
{
    QByteArray method = QByteArrayLiteral("GET");
    /// Decoded path, e.g. "/" or "/example space/".
    QByteArray path = QByteArrayLiteral("/");
    /// Decoded query items in the order they will be sent; repeated keys and empty values allowed.
    QList<QueryItem> query;
    QList<Header> headers;
    QByteArray payload;
    /// Hex SHA-256 of the payload, or "UNSIGNED-PAYLOAD"; computed from `payload` when empty.
    QByteArray payloadHash;
    /// Remove dot segments and repeated slashes before encoding (every service except S3).
    bool normalizePath = true;

    /// The first value of header @p name (case-insensitive), or a null array.
    QByteArray header(QByteArrayView name) const;
    /// Replaces every header called @p name (case-insensitive) with one of value @p value.
    void setHeader(const QByteArray &name, const QByteArray &value);
    /// Removes every header called @p name (case-insensitive).
    void removeHeader(QByteArrayView name);
    /// Encoded query string as it must be sent (same encoding as the canonical form, original order).
    QByteArray encodedQuery() const;
    /// Encoded path as it must be sent.
    QByteArray encodedPath() const;
};

struct SigningParams
{
    QByteArray region;
    QByteArray service;
    /// Signing time (UTC); callers add any clock-skew correction before passing it.
    QDateTime time;
    /// Sign X-Amz-Security-Token (STS requires it); when false it is added after signing.
    bool signSecurityToken = true;
};

/// RFC 3986 percent-encoding: unreserved characters stay, everything else becomes %XX (upper-case).
QByteArray uriEncode(QByteArrayView data, bool keepSlash = false);
void appendUriEncoded(QByteArray &out, QByteArrayView data, bool keepSlash = false);
/// Removes "." and ".." segments and repeated slashes; keeps a trailing slash.
QByteArray normalizePath(QByteArrayView path);
QByteArray canonicalUri(const Request &request);
QByteArray canonicalQuery(const QList<QueryItem> &query);

struct CanonicalHeaders
{
    QByteArray canonical; ///< "name:value\n" lines, sorted
    QByteArray signedNames; ///< "host;x-amz-date"
};
CanonicalHeaders canonicalHeaders(const QList<Header> &headers);

QByteArray canonicalRequest(const Request &request, QByteArray *signedHeaders = nullptr);
/// "20150830T123600Z"
QByteArray formatAmzDate(const QDateTime &time);
/// "20150830/us-east-1/service/aws4_request"
QByteArray credentialScope(QByteArrayView date, QByteArrayView region, QByteArrayView service);
QByteArray stringToSign(QByteArrayView amzDate, QByteArrayView scope, QByteArrayView canonicalRequest);

/**
 * Derived signing keys by (secret, date, region, service). Deriving costs four HMACs; with the
 * cache a signature costs one keyed HMAC. Thread-safe; holds at most a few entries, secrets wiped
 * on eviction.
 */
class SigningKeyCache
{
public:
    SigningKeyCache();
    ~SigningKeyCache();
    SigningKeyCache(const SigningKeyCache &) = delete;
    SigningKeyCache &operator=(const SigningKeyCache &) = delete;

    std::shared_ptr<const Crypto::KeyedHmac> key(
        const SecureBytes &secret, QByteArrayView date, QByteArrayView region, QByteArrayView service);
    int size() const;
    int derivations() const { return m_derivations; }

private:
    struct Entry;
    mutable QMutex m_mutex;
    std::vector<Entry> m_entries;
    int m_derivations = 0;
};

/// Derives the signing key for a scope (no cache).
std::shared_ptr<const Crypto::KeyedHmac> deriveSigningKey(
    const SecureBytes &secret, QByteArrayView date, QByteArrayView region, QByteArrayView service);

/**
 * Signs @p request in place, header form: sets X-Amz-Date, X-Amz-Security-Token for temporary
 * credentials, and Authorization (an Authorization header already present, from an earlier attempt,
 * is replaced and never signed). The request must already carry its Host header.
 */
void sign(
    Request &request, const AwsCredentials &credentials, const SigningParams &params, SigningKeyCache *cache = nullptr);

/**
 * Presigned (query-string) form: adds X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires,
 * X-Amz-SignedHeaders, X-Amz-Security-Token (temporary credentials) and X-Amz-Signature to the query.
 */
void presign(Request &request, const AwsCredentials &credentials, const SigningParams &params, int expiresSeconds,
    SigningKeyCache *cache = nullptr);

} // namespace Rolecall::Core::SigV4
