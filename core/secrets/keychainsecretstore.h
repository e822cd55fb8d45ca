// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "secretstore.h"

#include <QCoreApplication>

namespace Rolecall::Core::Secrets {

/**
 * The OS keychain through QtKeychain: the Secret Service (gnome-keyring, KWallet) on Linux, the
 * Keychain on macOS, the Credential Manager on Windows.
 *
 * Every entry lives under one service name (the application id by default; tests pass their own so
 * runs never meet) with the key as the account. Values are stored as binary data, so any bytes
 * round-trip, NUL included. There is no plaintext fallback: QtKeychain's insecure fallback (a
 * QSettings file) is switched off on every job, and a keychain that does not work is an error the
 * caller shows — the desktop app then offers the explicit memory-only mode (MemorySecretStore) with
 * the reason, see probe().
 *
 * Each call is one QtKeychain job. QtKeychain runs its jobs one after another, and a job can wait
 * for the user (an unlock prompt), so every call is bounded by timeoutMs(): after it the callback
 * gets a Keychain error and the job's late answer is dropped. The job itself cannot be cancelled and
 * stays queued in QtKeychain until the backend answers.
 *
 * Known backend limit (QtKeychain 0.13 + libsecret, seen with gnome-keyring): when a collection is
 * locked and no unlock prompt can be shown (no display), a read answers "not found" and a remove
 * reports success without deleting anything; only a write reports the lock. KeyStore works around
 * this with a write probe before it trusts such answers.
 */
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Secrets::KeychainSecretStore)

public:
    /// The application id, which is also the desktop file name: "io.github.rolecall.Rolecall".
    static QString defaultServiceName();
    /// Long enough for a person to type the keyring password into the unlock prompt.
    static constexpr int kDefaultTimeoutMs = 120000;

    explicit KeychainSecretStore(QString serviceName = defaultServiceName());

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const SecureBytes &value, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;
    QString backendName() const override;
    bool isPersistent() const override { return true; }

    QString serviceName() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }

    /**
     * Checks that the keychain works: writes, reads back and deletes a probe entry (a key of its own
     * per call, so two processes probing at once do not disturb each other). Answers success, or the
     * Keychain error that says why not and what to do (install a provider, unlock the keyring) —
     * the reason the desktop app shows when it offers the memory-only mode.
     */
    void probe(QObject *context, Done done);

    /**
     * The one mapping from a QtKeychain result to Rolecall's Error (all errors of this store come
     * from here). @p code is a QKeychain::Error value (an int, so this header needs no QtKeychain),
     * @p detail QtKeychain's errorString(), @p operation what was tried ("read", "write", "remove"),
     * @p key the entry. EntryNotFound is not an error for callers: read() answers std::nullopt and
     * remove() success before this is ever called; mapped anyway, it reads "no such entry".
     */
    static Error errorFor(int code, const QString &detail, const QString &operation, const QString &key);

private:
    QString m_service;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace Rolecall::Core::Secrets
