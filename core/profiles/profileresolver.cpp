// SPDX-License-Identifier: Apache-2.0
#include "profile.h"

#include "keychaincommand.h"
#include "sts/stsencoding.h"
#include "util/sharedslices.h"

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Profiles {

using Config::Setting;

using Key = Config::KnownKey;

// A profile's settings by key number. Every key the resolver reads is a KnownKey, and it asks some
// fifty questions per profile: one pass over the list makes each of them an array read (scanning the
// list each time touched one cache line per setting, and was a fifth of resolving).
class KnownSettings
{
public:
    explicit KnownSettings(const QList<Setting> &settings)
    {
        m_byKey.fill(nullptr);
        for (const Setting &setting : settings) {
            const auto slot = static_cast<std::size_t>(setting.id);
            if (setting.id != Key::Other && !m_byKey[slot])
                m_byKey[slot] = &setting; // the first one, as Config::findSetting finds it
        }
    }
    /// The setting, or nullptr. Valid while the list given to the constructor lives unchanged.
    const Setting *find(Key key) const { return m_byKey[static_cast<std::size_t>(key)]; }
    bool has(Key key) const { return find(key) != nullptr; }
    QString value(Key key) const
    {
        const Setting *s = find(key);
        return s ? s->value : QString();
    }
    bool hasStaticCredentials() const { return has(Key::AwsAccessKeyId) || has(Key::AwsSecretAccessKey); }
    // botocore's SSOProvider: "role name & account ID indicate the cred provider should be used".
    bool isSsoProfile() const { return has(Key::SsoAccountId) || has(Key::SsoRoleName); }
    // botocore's _has_assume_role_config_vars
    bool hasAssumeRoleVars() const { return has(Key::RoleArn) && !has(Key::WebIdentityTokenFile); }

private:
    std::array<const Setting *, static_cast<std::size_t>(Key::Count)> m_byKey;
};

namespace {

bool isKeys(Step::Type type)
{
    return type == Step::Type::StaticKeys || type == Step::Type::KeychainKeys;
}

// GetSessionToken with MFA for the keys that start @p steps.
void appendToken(QList<Step> &steps, const QString &serial, const QString &mfaProcess)
{
    const QString keysProfile = steps.first().profile;
    Step &token = steps.emplaceBack(); // filled in place
    token.type = Step::Type::SessionToken;
    token.profile = keysProfile;
    token.mfaSerial = serial;
    token.mfaProcess = mfaProcess;
}

// botocore: int(value) of a duration; nullopt for a value that is not a whole number. Nearly every
// value is plain digits, read here without Qt's general number parser.
std::optional<int> wholeNumber(const QString &value)
{
    constexpr qsizetype kPlainDigits = 9; // below 10^9: no overflow
    if (!value.isEmpty() && value.size() <= kPlainDigits) {
        int result = 0;
        bool plain = true;
        for (const QChar c : value) {
            if (c < u'0' || c > u'9') {
                plain = false;
                break;
            }
            result = result * 10 + (c.unicode() - u'0');
        }
        if (plain)
            return result;
    }
    bool ok = false;
    const int result = value.trimmed().toInt(&ok);
    return ok ? std::optional<int>(result) : std::nullopt;
}

// Rolecall's list values: names separated by commas and/or white space (the regular expression
// [,\s]+), split by hand: the same characters without compiling a pattern.
QStringList splitList(const QString &text)
{
    QStringList out;
    const auto isSeparator = [](QChar c) { return c == u',' || c.isSpace(); };
    for (qsizetype i = 0; i < text.size();) {
        while (i < text.size() && isSeparator(text.at(i)))
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !isSeparator(text.at(i)))
            ++i;
        if (i > start)
            out.append(text.sliced(start, i - start));
    }
    return out;
}

} // namespace

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"none"_s;
    case Kind::Static:
        return u"static"_s;
    case Kind::Role:
        return u"role"_s;
    case Kind::CredentialSource:
        return u"credential_source"_s;
    case Kind::WebIdentity:
        return u"web_identity"_s;
    case Kind::Sso:
        return u"sso"_s;
    case Kind::Process:
        return u"process"_s;
    }
    return u"none"_s;
}

QString Step::typeName() const
{
    switch (type) {
    case Type::StaticKeys:
        return u"static_keys"_s;
    case Type::Environment:
        return u"environment"_s;
    case Type::EcsContainer:
        return u"ecs_container"_s;
    case Type::InstanceMetadata:
        return u"instance_metadata"_s;
    case Type::Process:
        return u"process"_s;
    case Type::WebIdentity:
        return u"web_identity"_s;
    case Type::Sso:
        return u"sso"_s;
    case Type::SessionToken:
        return u"session_token"_s;
    case Type::AssumeRole:
        return u"assume_role"_s;
    case Type::KeychainKeys:
        return u"keychain_keys"_s;
    }
    return {};
}

QString Step::describe() const
{
    switch (type) {
    case Type::StaticKeys:
        return ProfileResolver::tr("Access keys of %1").arg(profile);
    case Type::Environment:
        return ProfileResolver::tr("Credentials from the environment (AWS_ACCESS_KEY_ID…)");
    case Type::EcsContainer:
        return ProfileResolver::tr("Container credentials (ECS/EKS)");
    case Type::InstanceMetadata:
        return ProfileResolver::tr("EC2 instance role (IMDSv2)");
    case Type::Process:
        return ProfileResolver::tr("credential_process of %1").arg(profile);
    case Type::WebIdentity:
        return ProfileResolver::tr("Assume %1 with the web identity token %2").arg(roleArn, webIdentityTokenFile);
    case Type::Sso:
        return ProfileResolver::tr("IAM Identity Center (SSO) sign-in of %1").arg(profile);
    case Type::SessionToken:
        return ProfileResolver::tr("Session token with MFA (%1)").arg(mfaSerial);
    case Type::AssumeRole:
        return mfaSerial.isEmpty() ? ProfileResolver::tr("Assume %1").arg(roleArn)
                                   : ProfileResolver::tr("Assume %1 with MFA (%2)").arg(roleArn, mfaSerial);
    case Type::KeychainKeys:
        return ProfileResolver::tr("Access keys of %1 from the keychain").arg(keychainProfile);
    }
    return {};
}

bool ResolvedProfile::needsMfa() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const Step &s) {
        return !s.mfaSerial.isEmpty() && (s.type == Step::Type::SessionToken || s.type == Step::Type::AssumeRole);
    });
}

QString ResolvedProfile::setting(QStringView key) const
{
    const Setting *s = Config::findSetting(settings, key);
    return s ? s->value : QString();
}

QString ResolvedProfile::setting(Config::KnownKey key) const
{
    const Setting *s = Config::findSetting(settings, key);
    return s ? s->value : QString();
}

QString accountIdFromArn(const QString &arn)
{
    // arn:partition:service:region:account:resource; one pass over the text, as every listed
    // profile asks this of its role ARN and often of its MFA serial too.
    if (!arn.startsWith("arn:"_L1))
        return {};
    const char16_t *p = QStringView(arn).utf16();
    const char16_t *end = p + arn.size();
    const char16_t *account = nullptr;
    for (int colons = 0; p < end; ++p) {
        if (*p == u':' && ++colons == 4) {
            account = p + 1;
            break;
        }
    }
    constexpr qsizetype kDigits = 12;
    if (!account || end - account <= kDigits || account[kDigits] != u':')
        return {};
    if (!std::all_of(account, account + kDigits, [](char16_t c) { return c >= u'0' && c <= u'9'; }))
        return {};
    // An ARN that is raw data (static text, or text kept until exit: Core::TextLifetime) lives as
    // long as the process, and so does a part of it: no copy (the listing asks this 6,000 times).
    if (isRawData(arn))
        return QString::fromRawData(reinterpret_cast<const QChar *>(account), kDigits);
    return QString(reinterpret_cast<const QChar *>(account), kDigits);
}

ProfileResolver::ProfileResolver(const Config::SharedConfig &config, QString defaultSessionName)
    : m_config(config)
    , m_defaultSessionName(std::move(defaultSessionName))
{ }

QString ProfileResolver::defaultProfileName(const QProcessEnvironment &env)
{
    QString name = env.value(u"AWS_PROFILE"_s);
    if (name.isEmpty())
        name = env.value(u"AWS_DEFAULT_PROFILE"_s);
    return name.isEmpty() ? u"default"_s : name;
}

QString ProfileResolver::sessionNameForUser(const QProcessEnvironment &env)
{
    QString user = env.value(u"USER"_s, env.value(u"USERNAME"_s));
    // What RoleSessionName allows: [A-Za-z0-9_+=,.@-]; by hand, as compiling a pattern costs more
    // than the rest of a short `rolecall-cli profiles`.
    user.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || QStringView(u"_+=,.@-").contains(c);
        return !allowed;
    });
    return user.isEmpty() ? u"rolecall-session"_s : QString(u"rolecall-"_s + user).left(64);
}

QList<Setting> ProfileResolver::effectiveSettings(
    const Config::ProfileSettings *own, const QString &name, QStringList *errors) const
{
    if (own && !own->has(Key::IncludeProfile))
        return own->settings; // implicitly shared: no copy
    // aws-vault's include_profile: the included profile's settings apply where this one has none.
    QList<Setting> settings;
    QStringList seen;
    QString current = name;
    while (!current.isEmpty()) {
        if (seen.contains(current)) {
            errors->append(tr("include_profile loops: %1.").arg((seen << current).join(u" → "_s)));
            break;
        }
        seen.append(current);
        const Config::ProfileSettings *profile = m_config.profile(current);
        if (!profile) {
            if (current != name)
                errors->append(
                    tr("The profile \"%1\" included by \"%2\" does not exist.").arg(current, seen.at(seen.size() - 2)));
            break;
        }
        for (const Setting &setting : profile->settings) {
            const bool present = std::any_of(
                settings.cbegin(), settings.cend(), [&setting](const Setting &s) { return s.sameKeyAs(setting); });
            if (!present)
                settings.append(setting);
        }
        current = profile->value(Key::IncludeProfile);
    }
    return settings;
}

void ProfileResolver::appendAssumeRoleStep(
    const QString &name, const KnownSettings &settings, QList<Step> &steps, QStringList *errors) const
{
    Step &step = steps.emplaceBack(); // filled in place: a Step is some 400 bytes
    step.type = Step::Type::AssumeRole;
    step.profile = name;
    step.roleArn = settings.value(Key::RoleArn);
    step.roleSessionName = settings.value(Key::RoleSessionName);
    if (step.roleSessionName.isEmpty())
        step.roleSessionName = m_defaultSessionName;
    step.externalId = settings.value(Key::ExternalId);
    step.mfaSerial = settings.value(Key::MfaSerial);
    step.mfaProcess = settings.value(Key::MfaProcess);
    step.sourceIdentity = settings.value(Key::SourceIdentity);
    if (const Setting *duration = settings.find(Key::DurationSeconds)) {
        // botocore: int(value), and a value that is not a whole number is dropped without a word.
        step.durationSeconds = wholeNumber(duration->value);
    }
    const Setting *tags = settings.find(Key::SessionTags);
    for (const QString &pair : tags ? tags->value.split(u',', Qt::SkipEmptyParts) : QStringList()) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            errors->append(tr("session_tags of \"%1\" must look like key1=value1,key2=value2.").arg(name));
            continue;
        }
        step.tags.append({pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed()});
    }
    step.transitiveTagKeys = splitList(settings.value(Key::TransitiveSessionTags));
    step.policyArns = splitList(settings.value(Key::RolecallSessionPolicyArns));
    step.policy = settings.value(Key::RolecallSessionPolicy);
}

void ProfileResolver::buildSteps(const QString &name, const Config::ProfileSettings *profile, Context &context) const
{
    QStringList *errors = &context.errors;
    const bool isTop = name == context.top;
    // The top profile's settings come indexed from resolve(); a source profile's are read here.
    const bool given = isTop && context.topKnown;
    const QList<Setting> list = given ? QList<Setting>() : effectiveSettings(profile, name, errors);
    std::optional<KnownSettings> own;
    if (!given)
        own.emplace(list);
    const KnownSettings &settings = given ? *context.topKnown : *own;
    const auto root = [&](Step::Type type) {
        Step &step = context.steps.emplaceBack(); // filled in place
        step.type = type;
        step.profile = name;
        if (type == Step::Type::StaticKeys) {
            step.accessKeyId = settings.value(Key::AwsAccessKeyId);
            step.secretAccessKey = settings.value(Key::AwsSecretAccessKey);
            step.sessionToken = settings.value(Key::AwsSessionToken);
            if (step.sessionToken.isEmpty())
                step.sessionToken = settings.value(Key::AwsSecurityToken);
        }
        if (isKeys(type)) {
            context.keysMfaSerial = settings.value(Key::MfaSerial);
            context.keysMfaProcess = settings.value(Key::MfaProcess);
        }
        context.chain.append(name);
        return &step;
    };

    if (settings.hasAssumeRoleVars() && (isTop || !settings.hasStaticCredentials())) {
        const QString sourceProfile = settings.value(Key::SourceProfile);
        const QString credentialSource = settings.value(Key::CredentialSource);
        const Config::ProfileSettings *sourceSettings = nullptr;
        if (!sourceProfile.isEmpty() && !credentialSource.isEmpty()) {
            errors->append(tr("The profile \"%1\" contains both source_profile and credential_source.").arg(name));
            return;
        }
        if (sourceProfile.isEmpty() && credentialSource.isEmpty()) {
            errors->append(tr("The profile \"%1\" has a role_arn but no source_profile or credential_source to "
                              "assume it with.")
                               .arg(name));
            return;
        }
        if (!credentialSource.isEmpty()) {
            Step::Type type;
            if (credentialSource == "Environment"_L1) {
                type = Step::Type::Environment;
            } else if (credentialSource == "EcsContainer"_L1) {
                type = Step::Type::EcsContainer;
            } else if (credentialSource == "Ec2InstanceMetadata"_L1) {
                type = Step::Type::InstanceMetadata;
            } else {
                errors->append(tr("The credential source \"%1\" referenced in profile \"%2\" is not valid: use "
                                  "Environment, EcsContainer or Ec2InstanceMetadata.")
                                   .arg(credentialSource, name));
                return;
            }
            Step &source = context.steps.emplaceBack();
            source.type = type;
            source.profile = name;
        } else if (sourceSettings = m_config.profile(sourceProfile); !sourceSettings) {
            errors->append(tr("The source_profile \"%1\" referenced in the profile \"%2\" does not exist.")
                               .arg(sourceProfile, name));
            return;
        } else if (context.visited.contains(sourceProfile)) {
            // A profile may name itself to take its own static keys; anything else is a loop.
            if (sourceProfile != name || !settings.hasStaticCredentials()) {
                errors->append(tr("The source_profile chain loops: %1.")
                                   .arg((QStringList(context.visited.cbegin(), context.visited.cend()) << sourceProfile)
                                            .join(u" → "_s)));
                return;
            }
            root(Step::Type::StaticKeys);
        } else if (!appendSourceChain(sourceProfile, sourceSettings, context)) {
            return;
        }
        // aws-vault's MFA: long-term keys first get a session token with MFA (their mfa_serial, else
        // this first hop's); the hop from them then needs no code, and one code serves every role
        // chained from the same user.
        bool withToken = false;
        if (context.steps.size() == 1 && isKeys(context.steps.first().type)) {
            const bool keysAsk = !context.keysMfaSerial.isEmpty();
            const QString serial = keysAsk ? context.keysMfaSerial : settings.value(Key::MfaSerial);
            withToken = !serial.isEmpty();
            if (withToken)
                appendToken(context.steps, serial, keysAsk ? context.keysMfaProcess : settings.value(Key::MfaProcess));
        }
        appendAssumeRoleStep(name, settings, context.steps, errors);
        if (withToken) { // the session token carries the MFA
            context.steps.last().mfaSerial.clear();
            context.steps.last().mfaProcess.clear();
        }
        if (context.chain.isEmpty() || context.chain.last() != name)
            context.chain.append(name);
        return;
    }

    // Not an assume-role hop: botocore's other providers, in their order.
    if (settings.has(Key::WebIdentityTokenFile) && settings.has(Key::RoleArn)) {
        Step *step = root(Step::Type::WebIdentity);
        step->roleArn = settings.value(Key::RoleArn);
        step->webIdentityTokenFile = settings.value(Key::WebIdentityTokenFile);
        step->roleSessionName = settings.value(Key::RoleSessionName);
        if (step->roleSessionName.isEmpty())
            step->roleSessionName = m_defaultSessionName;
        if (const Setting *duration = settings.find(Key::DurationSeconds))
            step->durationSeconds = wholeNumber(duration->value).value_or(0);
        return;
    }
    if (settings.isSsoProfile()) {
        root(Step::Type::Sso);
        return;
    }
    const Setting *keyId = settings.find(Key::AwsAccessKeyId);
    const Setting *process = settings.find(Key::CredentialProcess);
    if (keyId && keyId->fromCredentialsFile) {
        root(Step::Type::StaticKeys);
    } else if (process) {
        // Rolecall's own `rolecall-cli credential-process --profile X` (what `keychain add|import` writes
        // for the AWS CLI): read X's keys from the keychain instead of starting ourselves. Same place in
        // botocore's order as any credential_process.
        const std::optional<QString> keychainProfile = keychainProfileOf(process->value);
        Step *step = root(keychainProfile ? Step::Type::KeychainKeys : Step::Type::Process);
        step->credentialProcess = process->value;
        step->keychainProfile = keychainProfile.value_or(QString());
    } else if (settings.hasStaticCredentials()) {
        root(Step::Type::StaticKeys);
    } else if (isTop) {
        return; // no credentials: kind None, not an error until someone uses it
    } else {
        errors->append(tr("The source profile \"%1\" must have credentials.").arg(name));
        return;
    }
    if (context.steps.last().type == Step::Type::StaticKeys) {
        // botocore's shared-credentials and config-file providers each need both keys in their file.
        const Setting *secret = settings.find(Key::AwsSecretAccessKey);
        if (keyId && secret && keyId->fromCredentialsFile != secret->fromCredentialsFile)
            errors->append(tr("The profile \"%1\" has aws_access_key_id in %2 but aws_secret_access_key in %3; "
                              "the AWS CLI needs both in the same file.")
                               .arg(name, keyId->file, secret->file));
        else if (!settings.has(Key::AwsAccessKeyId))
            errors->append(tr("The profile \"%1\" has aws_secret_access_key but no aws_access_key_id.").arg(name));
        else if (!settings.has(Key::AwsSecretAccessKey))
            errors->append(tr("The profile \"%1\" has aws_access_key_id but no aws_secret_access_key.").arg(name));
    }
}

// Thousands of roles often share a few source profiles: the chain of each source is built once, in a
// context of its own, and reused where building it again would give the same result, that is when it
// holds no error and touches no profile already on the current chain (the only context it reads).
bool ProfileResolver::appendSourceChain(
    const QString &source, const Config::ProfileSettings *profile, Context &context) const
{
    auto it = m_sourceChains.constFind(profile);
    if (it == m_sourceChains.constEnd() && !m_building.contains(source)) {
        Context own; // its empty top is never a source profile's name
        own.visited = {source};
        m_building.append(source); // a loop back to it is built in place, not from here again
        buildSteps(source, profile, own);
        m_building.removeLast();
        it = m_sourceChains.insert(profile, std::move(own));
    }
    const bool reusable = it != m_sourceChains.constEnd() && it->errors.isEmpty()
        && std::none_of(it->visited.cbegin(), it->visited.cend(),
            [&context](const QString &visited) { return context.visited.contains(visited); });
    if (!reusable) {
        context.visited.append(source);
        buildSteps(source, profile, context);
        return context.errors.isEmpty();
    }
    context.visited.append(it->visited.constData(), it->visited.size());
    context.chain += it->chain;
    Q_ASSERT(context.steps.isEmpty()); // a source chain comes first: its root (and MFA) are the chain's
    // Room for the source's steps, then perhaps a session token and this hop: a cached chain of a
    // role otherwise grew three times (a step is some 450 bytes).
    context.steps.reserve(it->steps.size() + 2);
    context.steps += it->steps;
    context.keysMfaSerial = it->keysMfaSerial;
    context.keysMfaProcess = it->keysMfaProcess;
    return context.errors.isEmpty();
}

ResolvedProfile ProfileResolver::resolve(const QString &name) const
{
    if (const Config::ProfileSettings *profile = m_config.profile(name))
        return resolve(*profile);
    ResolvedProfile r;
    r.name = name;
    r.errors.append(tr("The profile \"%1\" does not exist in the config or credentials file.").arg(name));
    return r;
}

ResolvedProfile ProfileResolver::resolve(const Config::ProfileSettings &settings) const
{
    ResolvedProfile r;
    resolve(settings, &r);
    return r;
}

void ProfileResolver::resolve(const Config::ProfileSettings &settings, ResolvedProfile *into) const
{
    Q_ASSERT(m_config.profile(settings.name) == &settings);
    const Config::ProfileSettings *profile = &settings;
    const QString &name = settings.name;
    ResolvedProfile &r = *into;
    // Every field is set below; these are the ones set only in some cases. The lists are emptied
    // but keep their room (unless shared) for this profile's chain, steps and errors.
    r.kind = Kind::None;
    r.durationSeconds.reset();
    r.chain.clear();
    r.steps.clear();
    r.errors.clear();
    r.name = name;
    r.file = profile->file;
    r.line = profile->line;
    r.settings = effectiveSettings(profile, name, &r.errors);
    const KnownSettings s(r.settings);
    r.region = s.value(Key::Region);
    r.roleArn = s.value(Key::RoleArn);
    r.sourceProfile = s.value(Key::SourceProfile);
    r.credentialSource = s.value(Key::CredentialSource);
    r.mfaSerial = s.value(Key::MfaSerial);
    r.externalId = s.value(Key::ExternalId);
    r.roleSessionName = s.value(Key::RoleSessionName);
    r.ssoSession = s.value(Key::SsoSession);
    r.ssoStartUrl = s.value(Key::SsoStartUrl);
    if (const Setting *duration = s.find(Key::DurationSeconds))
        r.durationSeconds = wholeNumber(duration->value);
    // The STS endpoint: the services section's `sts = endpoint_url = …`, else endpoint_url.
    r.endpointUrl = s.value(Key::EndpointUrl);
    if (const QString services = s.value(Key::Services); !services.isEmpty()) {
        if (const Config::NamedSection *section = m_config.servicesSection(services)) {
            if (const Setting *sts = section->find(Key::Sts); sts && sts->isNested) {
                for (const auto &[key, nestedValue] : sts->nested) {
                    if (key == "endpoint_url"_L1)
                        r.endpointUrl = nestedValue;
                }
            }
        } else {
            r.errors.append(
                tr("The services section \"%1\" named by profile \"%2\" does not exist.").arg(services, name));
        }
    }

    if (s.hasAssumeRoleVars())
        r.kind = r.credentialSource.isEmpty() || !r.sourceProfile.isEmpty() ? Kind::Role : Kind::CredentialSource;
    else if (s.has(Key::WebIdentityTokenFile) && s.has(Key::RoleArn))
        r.kind = Kind::WebIdentity;
    else if (s.isSsoProfile())
        r.kind = Kind::Sso;
    else if (const Setting *keyId = s.find(Key::AwsAccessKeyId); keyId && keyId->fromCredentialsFile)
        r.kind = Kind::Static;
    else if (s.has(Key::CredentialProcess))
        r.kind = keychainProfileOf(s.value(Key::CredentialProcess)) ? Kind::Static : Kind::Process;
    else if (s.hasStaticCredentials())
        r.kind = Kind::Static;

    Context context;
    context.top = name;
    context.topKnown = &s;
    context.visited.append(name);
    // Built in r's own (emptied) lists; its errors so far come first.
    context.chain.swap(r.chain);
    context.steps.swap(r.steps);
    context.errors.swap(r.errors);
    context.chain.reserve(4);
    context.steps.reserve(4); // and its MFA step (resolveAll() trims what it keeps)
    buildSteps(name, profile, context);
    r.errors = std::move(context.errors);
    r.chain = std::move(context.chain);
    r.steps = std::move(context.steps);

    // A profile whose own long-term keys end the chain: the MFA step, when its keys ask for one,
    // comes after them (a role hop from keys gets it in buildSteps()).
    if (r.steps.size() == 1 && isKeys(r.steps.first().type) && !context.keysMfaSerial.isEmpty())
        appendToken(r.steps, context.keysMfaSerial, context.keysMfaProcess);

    r.accountId = accountIdFromArn(r.roleArn);
    if (r.accountId.isEmpty())
        r.accountId = accountIdFromArn(r.mfaSerial);
}

QList<ResolvedProfile> ProfileResolver::resolveAll() const
{
    QList<ResolvedProfile> all;
    all.reserve(m_config.profiles().size());
    for (const Config::ProfileSettings &profile : m_config.profiles()) {
        all.append(resolve(profile));
        // These are kept (the app holds every profile resolved) and a Step is some 450 bytes: no
        // spare capacity (5,000 profiles: megabytes). A profile resolved on its own is used and dropped.
        all.last().steps.squeeze();
    }
    return all;
}

} // namespace Rolecall::Core::Profiles
