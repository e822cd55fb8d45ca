// SPDX-License-Identifier: Apache-2.0
#include "securebytes.h"

#include <QString>

#include <openssl/crypto.h>

#include <cstring>

namespace Rolecall::Core {

SecureBytes::SecureBytes(QByteArrayView bytes)
{
    assign(bytes);
}

SecureBytes SecureBytes::takeFrom(QByteArray &bytes)
{
    SecureBytes result(bytes);
    secureWipe(bytes);
    bytes.clear();
    return result;
}

SecureBytes SecureBytes::takeFrom(QString &text)
{
    QByteArray utf8 = text.toUtf8();
    secureWipe(text);
    text.clear();
    return takeFrom(utf8);
}

SecureBytes::SecureBytes(const SecureBytes &other)
{
    assign(other.view());
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{ }

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        clear();
        assign(other.view());
    }
    return *this;
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    clear();
}

void SecureBytes::clear() noexcept
{
    if (m_data) {
        OPENSSL_cleanse(m_data, static_cast<size_t>(m_size));
        delete[] m_data;
    }
    m_data = nullptr;
    m_size = 0;
}

void SecureBytes::assign(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_data = new char[static_cast<size_t>(bytes.size())];
    std::memcpy(m_data, bytes.data(), static_cast<size_t>(bytes.size()));
    m_size = bytes.size();
}

bool operator==(const SecureBytes &a, const SecureBytes &b) noexcept
{
    if (a.m_size != b.m_size)
        return false;
    if (a.m_size == 0)
        return true;
    return CRYPTO_memcmp(a.m_data, b.m_data, static_cast<size_t>(a.m_size)) == 0;
}

void secureWipe(QByteArray &bytes) noexcept
{
    // data() would detach (copy) a shared array and we would wipe the copy: only wipe what we own alone.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
}

void secureWipe(QString &text) noexcept
{
    if (!text.isEmpty() && text.isDetached())
        OPENSSL_cleanse(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
}

} // namespace Rolecall::Core
