// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <memory>

namespace Rolecall::Core::Crypto {

using Digest = std::array<unsigned char, 32>;

/// SHA-256 of @p data (OpenSSL 3, digest fetched once per process).
Digest sha256(QByteArrayView data);
/// HMAC-SHA256 of @p data under @p key.
Digest hmacSha256(QByteArrayView key, QByteArrayView data);
/// Lower-case hex of @p digest, appended to @p out.
void appendHex(QByteArray &out, const Digest &digest);
QByteArray toHex(const Digest &digest);
/// Overwrites @p digest with zeros in a way the compiler keeps.
void wipe(Digest &digest) noexcept;

/**
 * HMAC-SHA256 with a fixed key: the keyed state is computed once, so each use costs only the
 * hashing of the message. Used for the cached SigV4 signing key.
 */
class KeyedHmac
{
public:
    explicit KeyedHmac(QByteArrayView key);
    ~KeyedHmac();
    KeyedHmac(const KeyedHmac &) = delete;
    KeyedHmac &operator=(const KeyedHmac &) = delete;

    Digest mac(QByteArrayView data) const;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace Rolecall::Core::Crypto
