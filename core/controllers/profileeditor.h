// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/configwriter.h"
#include "config/sharedconfig.h"
#include "sts/ststypes.h"
#include "util/result.h"
#include "util/securebytes.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <optional>

namespace Rolecall::Core::Secrets {
class KeyStore;
}

namespace Rolecall::Core::Controllers {

/** Every parameter of a role profile as the editor shows it; empty means "not set". */
struct RoleProfileDraft
{
    QString name;
    QString roleArn; ///< role_arn
    QString sourceProfile; ///< source_profile
    QString mfaSerial; ///< mfa_serial
    QString externalId; ///< external_id
    std::optional<int> durationSeconds; ///< duration_seconds
    QString region; ///< region
    QString roleSessionName; ///< role_session_name
    QList<Sts::Tag> sessionTags; ///< session_tags (aws-vault: k=v,k2=v2)
    QStringList transitiveTagKeys; ///< transitive_session_tags
    QString sourceIdentity; ///< source_identity
    QStringList policyArns; ///< rolecall_session_policy_arns
    QString endpointUrl; ///< endpoint_url

    bool operator==(const RoleProfileDraft &other) const;
};

/** An IAM user whose long-term keys go straight into the OS keychain. */
struct IamUserDraft
{
    QString name;
    QString accessKeyId;
    SecureBytes secretAccessKey;
    QString region; ///< optional
    QString mfaSerial; ///< optional: roles chained from this user then get one MFA session
};

/** A problem with one field of the editor; `field` is the config key ("role_arn"), or "name". */
struct FieldError
{
    QString field;
    QString message; ///< translated, names the field

    bool operator==(const FieldError &other) const = default;
};

/**
 * The logic behind the profile editor (QtCore only): reads a role profile into a draft, validates
 * the draft against the documented STS limits (the same Sts::validate the client runs before sending,
 * field by field so every problem shows at once) and against what botocore can read back, and turns
 * it into byte-preserving ConfigEdit operations on the config file.
 *
 * Keys the editor does not know stay untouched; emptied fields are removed from the section; a new
 * profile is appended as `[profile NAME]` (quoted as botocore's shlex needs). A rename rewrites only
 * the header. Save through ConfigFile::save (save() does), which re-applies the edits if another
 * program changed the file meanwhile and refuses on conflicts.
 */
class ProfileEditor
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Controllers::ProfileEditor)

public:
    /// The keys the editor owns, in the order a new section lists them.
    static const QStringList &keys();
    /// A translated label for a key ("Role ARN").
    static QString fieldLabel(const QString &field);

    /// The draft of an existing profile (its own settings, before include_profile).
    static RoleProfileDraft load(const Config::SharedConfig &config, const QString &name);

    /// "k=v,k2=v2" ↔ tags, as aws-vault writes session_tags. parseTags returns false on a pair without "=".
    static bool parseTags(const QString &text, QList<Sts::Tag> *tags);
    static QString formatTags(const QList<Sts::Tag> &tags);
    /// Comma- or space-separated lists (transitive_session_tags, rolecall_session_policy_arns).
    static QStringList parseList(const QString &text);

    /// Problems with a profile name: empty, line breaks, names botocore would read back differently, taken.
    static QList<FieldError> validateName(
        const QString &name, const Config::SharedConfig &config, const QString &originalName = {});
    /**
     * Every problem with @p draft, one per field at most. @p originalName is the profile being edited
     * (empty: a new profile).
     */
    static QList<FieldError> validate(
        const RoleProfileDraft &draft, const Config::SharedConfig &config, const QString &originalName = {});

    /// The edits that turn the config file into one holding @p draft (validate first).
    static Result<QList<Config::ConfigEdit>> edits(
        const RoleProfileDraft &draft, const Config::SharedConfig &config, const QString &originalName = {});

    /// Validates, then saves the edits to @p configPath (whose bytes @p config holds). Returns the new bytes.
    static Result<QByteArray> save(const RoleProfileDraft &draft, const Config::SharedConfig &config,
        const QString &configPath, const QString &originalName = {});

    /// Problems with an IAM user's name, keys, region and MFA device (fields: name, aws_access_key_id, …).
    static QList<FieldError> validateIamUser(const IamUserDraft &draft, const Config::SharedConfig &config);
    /// The config-file edits for an IAM user: credential_process = rolecall-cli credential-process --profile P,
    /// plus region and mfa_serial when given.
    static QList<Config::ConfigEdit> iamUserEdits(
        const IamUserDraft &draft, const Config::SharedConfig &config, const QString &configPath);

    using Done = std::function<void(Result<QString>)>;
    /**
     * "Add IAM user": validates, stores the keys in @p keys (and reads them back), then writes the
     * config file. @p done gets a translated summary of what changed, or the error; nothing is written
     * when the keychain fails. Asynchronous, once, not after @p context is gone.
     */
    static void addIamUser(Secrets::KeyStore *keys, const IamUserDraft &draft, const Config::SharedConfig &config,
        const QString &configPath, QObject *context, Done done);
    /**
     * "Import plaintext keys": copies @p profile's keys from the credentials file into @p keys and
     * reads them back; with @p replace, the keys in the credentials file then give way to the
     * credential_process line (every other byte stays).
     */
    static void importPlaintextKeys(Secrets::KeyStore *keys, const QString &profile, bool replace,
        const Config::SharedConfig &config, const Config::ConfigPaths &paths, QObject *context, Done done);

    /// The draft's values by key ("" for unset), for edits() and the dialog.
    static QList<std::pair<QString, QString>> entries(const RoleProfileDraft &draft);
    /// The config-file section of @p name as the file spells it, or the canonical spelling.
    static QString sectionOf(const Config::SharedConfig &config, const QString &name);
};

} // namespace Rolecall::Core::Controllers
