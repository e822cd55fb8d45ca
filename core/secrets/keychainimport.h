// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/configwriter.h"
#include "config/inidocument.h"
#include "config/sharedconfig.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace Rolecall::Core::Secrets {

class KeyStore;

/**
 * Moving long-term keys into the OS keychain, shared by `rolecall-cli keychain add|import` and the
 * desktop app's "Add IAM user…" and "Import plaintext keys…":
 *
 *  - the keys a credentials file holds in plain text for a profile (plaintextKeys());
 *  - storing them and reading them back before anything else changes (storeAndVerify());
 *  - the byte-preserving edits that then point the AWS CLI and the SDKs at the keychain: in the
 *    credentials file, the keys give way to `credential_process = rolecall-cli credential-process
 *    --profile P` (replaceKeysEdits()); in the config file, `[profile P]` gets that line
 *    (configProcessEdit()).
 *
 * botocore reads credential_process from the merged profile (ProcessProvider loads Session.full_config,
 * where the credentials file's values win), so the line works in either file.
 */
class KeychainImport
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Secrets::KeychainImport)

public:
    struct PlaintextKeys
    {
        QString accessKeyId;
        SecureBytes secretAccessKey;
        SecureBytes sessionToken; ///< empty for an IAM user's long-term keys
    };

    /// 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.
    static bool isValidAccessKeyId(const QString &id);
    /// Printable ASCII without spaces, as AWS issues secret keys.
    static bool isPlausibleSecret(const SecureBytes &secret);
    /// "****************MPLE", as `aws configure list` shows a key id.
    static QString maskedKeyId(const QString &keyId);

    /// The last entry @p key in every `[section]` block of @p document (configparser's later value wins).
    static const Config::IniEntry *findEntry(
        const Config::IniDocument &document, const QString &section, QStringView key);
    static bool hasSection(const Config::IniDocument &document, const QString &section);

    /// The profiles whose sections in @p credentials hold both aws_access_key_id and aws_secret_access_key.
    static QStringList profilesWithPlaintextKeys(const Config::IniDocument &credentials);
    /// The plaintext keys of @p profile in @p credentials (a Config error naming @p fileName when there are none).
    static Result<PlaintextKeys> plaintextKeys(
        const Config::IniDocument &credentials, const QString &profile, const QString &fileName);
    /// Puts credential_process where the keys were and removes the keys (and any session token).
    static QList<Config::ConfigEdit> replaceKeysEdits(const Config::IniDocument &credentials, const QString &profile);
    /// Sets credential_process in the config file's section of @p profile (as the file spells it), or adds the section.
    static Config::ConfigEdit configProcessEdit(
        const Config::SharedConfig &config, const QString &configPath, const QString &profile);

    /**
     * Stores @p keys for @p profile in @p keys' keychain, then reads them back: @p done gets success
     * only when the keychain gives back exactly what was stored. Asynchronous, once, not after
     * @p context is gone.
     */
    static void storeAndVerify(KeyStore *store, const QString &profile, const PlaintextKeys &keys, QObject *context,
        std::function<void(Result<void>)> done);
};

} // namespace Rolecall::Core::Secrets
