// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "secretstore.h"

#include <QCoreApplication>
#include <QHash>

namespace Rolecall::Core::Secrets {

/**
 * Secrets in process memory only: for tests, and for the desktop app's explicit memory-only mode
 * when no keychain works (isPersistent() is false: everything is gone when the process ends).
 *
 * Behaves like the keychain store: answers on a later event-loop turn of @p context's thread (a
 * queued call on the context, so nothing arrives once the context is destroyed), std::nullopt for a
 * missing entry, success for removing one. Values live in SecureBytes, so they are wiped when
 * overwritten, removed, or when the store is destroyed.
 *
 * Test seam: failNextCall() makes the next call (of any kind, or the next one on a key with a given
 * prefix) answer with the given error instead and change nothing.
 */
class MemorySecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Secrets::MemorySecretStore)

public:
    MemorySecretStore() = default;
    ~MemorySecretStore() override;
    MemorySecretStore(const MemorySecretStore &) = delete;
    MemorySecretStore &operator=(const MemorySecretStore &) = delete;

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const SecureBytes &value, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    QString backendName() const override;
    bool isPersistent() const override { return false; }

    /// The next call (on a key starting with @p keyPrefix, when given) answers @p error — for example a
    /// locked keyring, Error::keychain(…) — and changes nothing.
    void failNextCall(const Error &error, const QString &keyPrefix = {});
    /// Synchronous views for tests: the keys held, and how many calls were made.
    QStringList keys() const;
    int callCount() const { return m_calls; }

private:
    std::optional<Error> takeFailure(const QString &key);

    QHash<QString, SecureBytes> m_values;
    std::optional<Error> m_nextFailure;
    QString m_failurePrefix;
    int m_calls = 0;
};

} // namespace Rolecall::Core::Secrets
