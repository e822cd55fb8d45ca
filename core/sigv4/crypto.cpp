// SPDX-License-Identifier: Apache-2.0
#include "crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>

namespace Rolecall::Core::Crypto {

namespace {

constexpr int kBlockSize = 64; // SHA-256 block size

const EVP_MD *sha256Md()
{
    // Fetched once: implicit fetching on every call costs more than hashing a small request.
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

struct CtxDeleter
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using CtxPtr = std::unique_ptr<EVP_MD_CTX, CtxDeleter>;

EVP_MD_CTX *scratchContext()
{
    thread_local CtxPtr ctx(EVP_MD_CTX_new());
    return ctx.get();
}

} // namespace

Digest sha256(QByteArrayView data)
{
    Digest out {};
    EVP_MD_CTX *ctx = scratchContext();
    unsigned int len = 0;
    EVP_DigestInit_ex2(ctx, sha256Md(), nullptr);
    EVP_DigestUpdate(ctx, data.data(), static_cast<size_t>(data.size()));
    EVP_DigestFinal_ex(ctx, out.data(), &len);
    return out;
}

struct KeyedHmac::State
{
    CtxPtr inner {EVP_MD_CTX_new()};
    CtxPtr outer {EVP_MD_CTX_new()};
};

KeyedHmac::KeyedHmac(QByteArrayView key)
    : d(std::make_unique<State>())
{
    unsigned char block[kBlockSize] = {};
    if (key.size() > kBlockSize) {
        Digest hashed = sha256(key);
        std::memcpy(block, hashed.data(), hashed.size());
        wipe(hashed);
    } else {
        std::memcpy(block, key.data(), static_cast<size_t>(key.size()));
    }
    unsigned char pad[kBlockSize];
    for (int i = 0; i < kBlockSize; ++i)
        pad[i] = block[i] ^ 0x36;
    EVP_DigestInit_ex2(d->inner.get(), sha256Md(), nullptr);
    EVP_DigestUpdate(d->inner.get(), pad, kBlockSize);
    for (int i = 0; i < kBlockSize; ++i)
        pad[i] = block[i] ^ 0x5c;
    EVP_DigestInit_ex2(d->outer.get(), sha256Md(), nullptr);
    EVP_DigestUpdate(d->outer.get(), pad, kBlockSize);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(block, sizeof block);
}

KeyedHmac::~KeyedHmac() = default; // EVP_MD_CTX_free cleanses the contexts

Digest KeyedHmac::mac(QByteArrayView data) const
{
    Digest innerHash {};
    Digest out {};
    unsigned int len = 0;
    EVP_MD_CTX *ctx = scratchContext();
    EVP_MD_CTX_copy_ex(ctx, d->inner.get());
    EVP_DigestUpdate(ctx, data.data(), static_cast<size_t>(data.size()));
    EVP_DigestFinal_ex(ctx, innerHash.data(), &len);
    EVP_MD_CTX_copy_ex(ctx, d->outer.get());
    EVP_DigestUpdate(ctx, innerHash.data(), innerHash.size());
    EVP_DigestFinal_ex(ctx, out.data(), &len);
    wipe(innerHash);
    return out;
}

Digest hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return KeyedHmac(key).mac(data);
}

void appendHex(QByteArray &out, const Digest &digest)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const qsizetype at = out.size();
    out.resize(at + 64);
    char *p = out.data() + at;
    for (unsigned char byte : digest) {
        *p++ = kHex[byte >> 4];
        *p++ = kHex[byte & 0x0f];
    }
}

QByteArray toHex(const Digest &digest)
{
    QByteArray out;
    out.reserve(64);
    appendHex(out, digest);
    return out;
}

void wipe(Digest &digest) noexcept
{
    OPENSSL_cleanse(digest.data(), digest.size());
}

} // namespace Rolecall::Core::Crypto
