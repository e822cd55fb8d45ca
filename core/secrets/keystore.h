// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "secretstore.h"
#include "util/awscredentials.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <optional>

namespace Rolecall::Core::Secrets {

/**
 * Long-term AWS keys per profile, kept in a SecretStore (the OS keychain).
 *
 * Each profile has up to three entries: `profile/<name>/aws_access_key_id`,
 * `profile/<name>/aws_secret_access_key` and, rarely, `profile/<name>/aws_session_token`. Keychains
 * cannot list their entries (QtKeychain has no enumeration), so the names of the profiles with keys
 * are kept in a small index file, `keychain-profiles.json`: profile names only, never a key or a
 * secret; written atomically (QSaveFile) with mode 0600. Entries are written before the index names
 * them and removed before the index forgets them, so the index never names keys that were never
 * stored; it can name keys someone deleted behind Rolecall's back, and get() then says so.
 *
 * Locked keyrings: libsecret answers "not found" for a read and "done" for a delete when a locked
 * collection cannot be unlocked (no prompt can be shown). So remove() first proves the store is
 * writable with a probe entry, and get() does the same before it reports that indexed keys are gone;
 * a locked keyring then surfaces as the store's Keychain error ("unlock it").
 *
 * Asynchronous like SecretStore: every call answers once, later, and not after @p context is gone.
 * The KeyStore and its SecretStore must outlive the calls in flight (the composition root owns both).
 * list() is synchronous: it reads only the index file.
 */
class KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Secrets::KeyStore)

public:
    using Done = SecretStore::Done;
    using GetDone = std::function<void(Result<std::optional<AwsCredentials>>)>;

    /**
     * Where the index lives: the desktop app's AppDataLocation (organisation and application
     * "Rolecall"), spelled out with GenericDataLocation because rolecall-cli has another application
     * name and both must share one file — `~/.local/share/Rolecall/Rolecall/keychain-profiles.json`
     * on Linux.
     */
    static QString defaultIndexPath();
    /// "profile/<profile>/<field>", e.g. "profile/dev/aws_secret_access_key".
    static QString entryKey(const QString &profile, QStringView field);

    KeyStore(SecretStore *store, QString indexPath);

    SecretStore *secretStore() const { return m_store; }
    QString indexPath() const { return m_indexPath; }

    /**
     * Stores the keys of @p profile (replacing any it had), then adds the name to the index.
     * @p sessionToken is for temporary keys imported from a credentials file; leave it empty for an
     * IAM user's long-term keys (an old token entry is then removed).
     */
    void add(const QString &profile, const QString &accessKeyId, const SecureBytes &secretAccessKey,
        const SecureBytes &sessionToken, QObject *context, Done done);

    /**
     * The keys of @p profile (origin LongTerm, or Unknown with a session token), or std::nullopt when
     * the keychain has none and the index does not name the profile. A profile the index names but
     * whose keys are gone, or half of a key pair, is a Keychain error that says what to do.
     */
    void get(const QString &profile, QObject *context, GetDone done);

    /// Removes the keys of @p profile (nothing there is fine), then the name from the index.
    void remove(const QString &profile, QObject *context, Done done);

    /// The profiles with keys in the keychain, sorted; an unreadable index is a Config error.
    Result<QStringList> list() const;

private:
    Result<void> setIndexed(const QString &profile, bool indexed) const;
    void checkWritable(QObject *context, Done done);
    void readKeys(const QString &profile, const SecureBytes &keyId, QObject *context, GetDone done);

    SecretStore *m_store;
    QString m_indexPath;
};

} // namespace Rolecall::Core::Secrets
