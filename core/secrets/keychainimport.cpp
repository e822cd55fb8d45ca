// SPDX-License-Identifier: Apache-2.0
#include "keychainimport.h"

#include "keystore.h"
#include "profiles/keychaincommand.h"

#include <QPointer>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Secrets {

namespace {
const auto kKeyIdKey = u"aws_access_key_id";
const auto kSecretKey = u"aws_secret_access_key";
const auto kProcessKey = u"credential_process";
} // namespace

bool KeychainImport::isValidAccessKeyId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Z0-9]{16,128}$"_s);
    return pattern.match(id).hasMatch();
}

bool KeychainImport::isPlausibleSecret(const SecureBytes &secret)
{
    const QByteArrayView bytes = secret.view();
    return !bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), [](char c) { return c > ' ' && c < 127; });
}

QString KeychainImport::maskedKeyId(const QString &keyId)
{
    return QString(std::max<qsizetype>(keyId.size() - 4, 0), u'*') + keyId.right(4);
}

const Config::IniEntry *KeychainImport::findEntry(
    const Config::IniDocument &document, const QString &section, QStringView key)
{
    const Config::IniEntry *found = nullptr;
    for (const Config::IniSection &block : document.sections()) {
        if (block.name != section)
            continue;
        for (const Config::IniEntry &entry : block.entries) {
            if (entry.key == key)
                found = &entry;
        }
    }
    return found;
}

bool KeychainImport::hasSection(const Config::IniDocument &document, const QString &section)
{
    return std::any_of(document.sections().cbegin(), document.sections().cend(),
        [&section](const Config::IniSection &block) { return block.name == section; });
}

QStringList KeychainImport::profilesWithPlaintextKeys(const Config::IniDocument &credentials)
{
    QStringList profiles;
    for (const Config::IniSection &block : credentials.sections()) {
        if (!profiles.contains(block.name) && findEntry(credentials, block.name, kKeyIdKey)
            && findEntry(credentials, block.name, kSecretKey))
            profiles.append(block.name);
    }
    return profiles;
}

Result<KeychainImport::PlaintextKeys> KeychainImport::plaintextKeys(
    const Config::IniDocument &credentials, const QString &profile, const QString &fileName)
{
    const QString section = Config::credentialsSectionName(profile);
    const Config::IniEntry *keyIdEntry = findEntry(credentials, section, kKeyIdKey);
    const Config::IniEntry *secretEntry = findEntry(credentials, section, kSecretKey);
    if (!keyIdEntry || !secretEntry)
        return Error::config(tr("[%1] in %2 has no aws_access_key_id and aws_secret_access_key: there is nothing "
                                "to import.")
                                 .arg(section, fileName));
    const Config::IniEntry *tokenEntry = findEntry(credentials, section, u"aws_session_token");
    if (!tokenEntry)
        tokenEntry = findEntry(credentials, section, u"aws_security_token"); // botocore's older spelling
    PlaintextKeys keys;
    keys.accessKeyId = keyIdEntry->value;
    QByteArray secretBytes = secretEntry->value.toUtf8();
    keys.secretAccessKey = SecureBytes::takeFrom(secretBytes);
    QByteArray tokenBytes = tokenEntry ? tokenEntry->value.toUtf8() : QByteArray();
    keys.sessionToken = SecureBytes::takeFrom(tokenBytes);
    return keys;
}

QList<Config::ConfigEdit> KeychainImport::replaceKeysEdits(
    const Config::IniDocument &credentials, const QString &profile)
{
    // The line is set first, so it lands after the section's last entry, then the keys go.
    const QString section = Config::credentialsSectionName(profile);
    QList<Config::ConfigEdit> edits {Config::ConfigEdit::setValue(
        section, QStringView(kProcessKey).toString(), Profiles::keychainCredentialProcess(profile))};
    for (const QString &key : {QStringView(kKeyIdKey).toString(), QStringView(kSecretKey).toString(),
             u"aws_session_token"_s, u"aws_security_token"_s}) {
        if (findEntry(credentials, section, key))
            edits.append(Config::ConfigEdit::removeKey(section, key));
    }
    return edits;
}

Config::ConfigEdit KeychainImport::configProcessEdit(
    const Config::SharedConfig &config, const QString &configPath, const QString &profile)
{
    // The section as the file spells it when the profile is there, else the canonical spelling.
    const Config::IniDocument &document = config.configDocument();
    const Config::ProfileSettings *settings = config.profile(profile);
    QString section = Config::configSectionName(profile);
    if (settings && settings->inConfig) {
        for (const Config::IniSection &block : document.sections()) {
            if (block.line == settings->line && settings->file == configPath)
                section = block.name;
        }
    }
    const QString line = Profiles::keychainCredentialProcess(profile);
    return hasSection(document, section)
        ? Config::ConfigEdit::setValue(section, QStringView(kProcessKey).toString(), line)
        : Config::ConfigEdit::addSection(section, {{QStringView(kProcessKey).toString(), line}});
}

void KeychainImport::storeAndVerify(KeyStore *store, const QString &profile, const PlaintextKeys &keys,
    QObject *context, std::function<void(Result<void>)> done)
{
    store->add(profile, keys.accessKeyId, keys.secretAccessKey, keys.sessionToken, context,
        [store, profile, keys, context = QPointer<QObject>(context), done](const Result<void> &added) {
            if (!added || !context) {
                done(added);
                return;
            }
            // Read back before the plaintext goes anywhere: what the keychain gives must be what was stored.
            store->get(profile, context, [profile, keys, done](const Result<std::optional<AwsCredentials>> &stored) {
                if (!stored) {
                    done(stored.error());
                    return;
                }
                const std::optional<AwsCredentials> &got = stored.value();
                if (!got || got->accessKeyId != keys.accessKeyId || !(got->secretAccessKey == keys.secretAccessKey)
                    || !(got->sessionToken == keys.sessionToken)) {
                    done(Error::keychain(
                        tr("The keychain gave back other keys for %1 than were stored; nothing else was changed.")
                            .arg(profile)));
                    return;
                }
                done(Result<void>());
            });
        });
}

} // namespace Rolecall::Core::Secrets
