// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"
#include "util/securebytes.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace Rolecall::Core::Secrets {

/**
 * Where secrets live: the OS keychain (KeychainSecretStore) or memory (MemorySecretStore, for tests
 * and for the explicit memory-only mode when no keychain backend exists). Never a plaintext file.
 *
 * Asynchronous: every call answers through its callback exactly once, always on a later event-loop
 * turn (never from inside the call), and never when @p context has been destroyed meanwhile. Keys are
 * plain names such as "profile/dev/aws_secret_access_key"; one entry per field.
 *
 * Errors are of kind Keychain and say what to do (unlock the keyring, install a Secret Service
 * provider, …). A missing entry is not an error: read() answers std::nullopt and remove() succeeds.
 */
class SecretStore
{
public:
    using ReadDone = std::function<void(Result<std::optional<SecureBytes>>)>;
    using Done = std::function<void(Result<void>)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &key, const SecureBytes &value, QObject *context, Done done) = 0;
    virtual void remove(const QString &key, QObject *context, Done done) = 0;

    /// "Secret Service", "macOS Keychain", "Windows Credential Manager", "memory only".
    virtual QString backendName() const = 0;
    /// False for the memory-only store: secrets are gone when the process ends.
    virtual bool isPersistent() const = 0;
};

} // namespace Rolecall::Core::Secrets
