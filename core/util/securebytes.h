// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>

namespace Rolecall::Core {

/**
 * Bytes of a secret (secret access key, session token, MFA code): zeroed when destroyed.
 *
 * There is deliberately no implicit conversion to QString or QByteArray, no QDebug streaming and no
 * hashing: the only ways out are view() (for signing and hashing in place) and unsecureCopy(), whose
 * name makes every place that lets a copy escape easy to find.
 */
class SecureBytes
{
public:
    SecureBytes() noexcept = default;
    explicit SecureBytes(QByteArrayView bytes);
    /// Takes the bytes of @p bytes and wipes the source when it is not shared with anyone else.
    static SecureBytes takeFrom(QByteArray &bytes);
    /// UTF-8 of @p text; wipes @p text when it is not shared.
    static SecureBytes takeFrom(QString &text);

    SecureBytes(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    ~SecureBytes();

    bool isEmpty() const noexcept { return m_size == 0; }
    qsizetype size() const noexcept { return m_size; }
    QByteArrayView view() const noexcept { return {m_data, m_size}; }
    /// A plain copy for APIs that need one (a clipboard, a process environment). Wipe it after use.
    QByteArray unsecureCopy() const { return QByteArray(m_data, m_size); }
    void clear() noexcept;

    /// Constant-time comparison (length is not secret).
    friend bool operator==(const SecureBytes &a, const SecureBytes &b) noexcept;

private:
    void assign(QByteArrayView bytes);

    char *m_data = nullptr;
    qsizetype m_size = 0;
};

/// Overwrites the bytes of @p bytes with zeros when this instance is their only owner.
void secureWipe(QByteArray &bytes) noexcept;
void secureWipe(QString &text) noexcept;

} // namespace Rolecall::Core

Q_DECLARE_METATYPE(Rolecall::Core::SecureBytes)
