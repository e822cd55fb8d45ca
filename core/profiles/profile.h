// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/inidocument.h"
#include "config/sharedconfig.h"
#include "endpoints/endpointresolver.h"
#include "sts/ststypes.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace Rolecall::Core::Profiles {

class KnownSettings; // a settings list indexed by key (profileresolver.cpp)

/** What kind of credentials a profile stands for (drives icons, badges and the JSON `kind`). */
enum class Kind
{
    None, ///< no credentials (settings only, e.g. just a region)
    Static, ///< aws_access_key_id / aws_secret_access_key
    Role, ///< role_arn + source_profile
    CredentialSource, ///< role_arn + credential_source (Environment, EcsContainer, Ec2InstanceMetadata)
    WebIdentity, ///< role_arn + web_identity_token_file
    Sso, ///< sso_session / sso_start_url (recognised; login comes later)
    Process, ///< credential_process
};

/** "static", "role", "credential_source", "web_identity", "sso", "process", "none". */
QString kindName(Kind kind);

/** One step of the explicit credential chain, from the root source to the profile. */
struct Step
{
    enum class Type
    {
        StaticKeys, ///< long-term keys of `profile`
        Environment, ///< credential_source = Environment
        EcsContainer, ///< credential_source = EcsContainer
        InstanceMetadata, ///< credential_source = Ec2InstanceMetadata (IMDSv2)
        Process, ///< credential_process of `profile`
        WebIdentity, ///< AssumeRoleWithWebIdentity with the token file of `profile`
        Sso, ///< IAM Identity Center (not yet supported for login)
        SessionToken, ///< GetSessionToken with MFA (one code unlocks every role chained from the user)
        AssumeRole, ///< AssumeRole as `profile` says
        /// long-term keys of `keychainProfile` in the OS keychain: `profile`'s credential_process is
        /// Rolecall's own `rolecall-cli credential-process --profile X`, read directly instead of run
        KeychainKeys,
    };
    Type type = Type::StaticKeys;
    QString profile; ///< whose settings define the step

    // AssumeRole / WebIdentity / SessionToken parameters
    QString roleArn;
    QString roleSessionName;
    QString externalId;
    QString mfaSerial; ///< SessionToken: the device; AssumeRole: only when MFA is asked on this hop
    QString mfaProcess; ///< aws-vault's mfa_process: a command printing the code
    std::optional<int> durationSeconds;
    QString sourceIdentity;
    QList<Sts::Tag> tags;
    QStringList transitiveTagKeys;
    QStringList policyArns;
    QString policy;
    QString webIdentityTokenFile;
    QString credentialProcess;
    QString keychainProfile; ///< KeychainKeys: the name the keys are stored under (X above)
    /// StaticKeys: the keys as the files hold them. The strings share the text the config model
    /// already holds (no copy is made); the flow turns them into SecureBytes when it uses them.
    /// Never printed: the JSON shows only the step type.
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;

    /// Untranslated name of the type for JSON ("static_keys", "session_token", "assume_role", …).
    QString typeName() const;
    /// Translated one-line description ("Assume role Admin as alice with MFA").
    QString describe() const;
};

/**
 * A profile resolved into everything needed to get its credentials: its kind, the chain of
 * profiles from the root source, the explicit steps, and the settings that shape the STS calls.
 * Problems (a cycle, a missing source profile, bad values) are in `errors`; a profile with errors
 * cannot be assumed but is still listed.
 */
struct ResolvedProfile
{
    QString name;
    Kind kind = Kind::None;
    QString region;
    QString roleArn;
    QString sourceProfile;
    QString credentialSource;
    QString mfaSerial;
    std::optional<int> durationSeconds;
    QString externalId;
    QString roleSessionName; ///< as configured (empty: a default is generated when assuming)
    QString endpointUrl; ///< the STS endpoint URL configured for the profile (endpoint_url or services)
    QString ssoSession;
    QString ssoStartUrl;
    QString accountId; ///< from the role ARN, or the MFA serial of a user profile
    /// Profile names from the root source to this profile ("user", "dev", "admin").
    QStringList chain;
    QList<Step> steps;
    QStringList errors;
    /// Every setting after include_profile, for display; secret values are not redacted here.
    QList<Config::Setting> settings;
    QString file;
    int line = 0;

    bool isValid() const { return errors.isEmpty() && kind != Kind::None; }
    /// True when some step asks for an MFA code.
    bool needsMfa() const;
    /// Endpoint settings for the profile's STS calls: profile keys, then the environment overrides.
    EndpointSettings endpointSettings(const QProcessEnvironment &env) const;
    QString setting(QStringView key) const;
    QString setting(Config::KnownKey key) const;
};

/**
 * Resolves profiles of a SharedConfig the way botocore's credential providers would pick them,
 * plus aws-vault's extensions:
 *  - kind by botocore's provider order: role_arn (without web_identity_token_file) → role;
 *    web_identity_token_file + role_arn → web identity; sso_account_id/sso_role_name → SSO; keys in the
 *    credentials file → static; credential_process → process; keys in the config file → static;
 *  - source_profile chains of any depth; a profile may name itself when it also holds keys;
 *    cycles and missing profiles are errors naming the profiles;
 *  - MFA (aws-vault's approach): when the first role hop from long-term keys, or the keys' own
 *    profile, has mfa_serial, the chain gets a GetSessionToken-with-MFA step after the keys and
 *    that hop assumes the role without MFA; later hops with mfa_serial pass it to AssumeRole;
 *  - include_profile merges another profile's settings under this one's;
 *  - rolecall_session_policy_arns / rolecall_session_policy, session_tags, transitive_session_tags,
 *    source_identity feed the AssumeRole step.
 */
class ProfileResolver
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Profiles::ProfileResolver)

public:
    /// @p defaultSessionName names role sessions of profiles without role_session_name.
    explicit ProfileResolver(
        const Config::SharedConfig &config, QString defaultSessionName = QStringLiteral("rolecall-session"));

    ResolvedProfile resolve(const QString &name) const;
    /// The same for one of the config's own profiles (an element of Config::SharedConfig::profiles()),
    /// without looking its name up again.
    ResolvedProfile resolve(const Config::ProfileSettings &profile) const;
    /// The same into @p into, whose every field is replaced; its lists keep the room they have, so
    /// a caller going through thousands of profiles one at a time (the listing) reuses one object.
    void resolve(const Config::ProfileSettings &profile, ResolvedProfile *into) const;
    /// Every profile, in botocore's order (config file order, then credentials-only profiles).
    QList<ResolvedProfile> resolveAll() const;

    /// The profile the environment selects: AWS_PROFILE (AWS_DEFAULT_PROFILE), else "default".
    static QString defaultProfileName(const QProcessEnvironment &env);
    /// "rolecall-<user>" from USER/USERNAME, reduced to what RoleSessionName allows.
    static QString sessionNameForUser(const QProcessEnvironment &env);

private:
    struct Context
    {
        QString top;
        const KnownSettings *topKnown = nullptr; ///< the top profile's effective settings, indexed
        QVarLengthArray<QString, 4> visited; ///< the usual chain fits: no allocation per profile
        QStringList chain;
        QList<Step> steps;
        QStringList errors;
        /// mfa_serial and mfa_process of the profile whose long-term keys start the chain, if any
        QString keysMfaSerial;
        QString keysMfaProcess;
    };
    /// The settings of @p own, the config's profile @p name (or nullptr), after include_profile.
    QList<Config::Setting> effectiveSettings(
        const Config::ProfileSettings *own, const QString &name, QStringList *errors) const;
    /// @p profile is the config's profile @p name (looked up once by the caller).
    void buildSteps(const QString &name, const Config::ProfileSettings *profile, Context &context) const;
    bool appendSourceChain(const QString &source, const Config::ProfileSettings *profile, Context &context) const;
    void appendAssumeRoleStep(
        const QString &name, const KnownSettings &settings, QList<Step> &steps, QStringList *errors) const;

    const Config::SharedConfig &m_config;
    QString m_defaultSessionName;
    /// Built chains of source profiles, by profile (see appendSourceChain()); the config never changes under a
    /// resolver, so neither do its profiles' addresses.
    mutable QHash<const Config::ProfileSettings *, Context> m_sourceChains;
    mutable QStringList m_building; ///< sources whose chain is being built, innermost last
};

/**
 * The account id in an ARN ("arn:aws:iam::123456789012:role/x" → "123456789012"), or empty. From an
 * ARN that is raw data (static, or kept until exit) it is raw data pointing into it, else a copy.
 */
QString accountIdFromArn(const QString &arn);

} // namespace Rolecall::Core::Profiles

// Qt containers move these with memcpy when they grow (every member is itself relocatable).
Q_DECLARE_TYPEINFO(Rolecall::Core::Profiles::Step, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Rolecall::Core::Profiles::ResolvedProfile, Q_RELOCATABLE_TYPE);
