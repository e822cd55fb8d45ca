// SPDX-License-Identifier: Apache-2.0
#include "profileeditor.h"

#include "config/configfile.h"
#include "profiles/keychaincommand.h"
#include "secrets/keychainimport.h"
#include "secrets/keystore.h"
#include "sts/stsencoding.h"

#include <QHostAddress>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Controllers {

namespace {

const auto kRoleArn = u"role_arn"_s;
const auto kSourceProfile = u"source_profile"_s;
const auto kMfaSerial = u"mfa_serial"_s;
const auto kExternalId = u"external_id"_s;
const auto kDuration = u"duration_seconds"_s;
const auto kRegion = u"region"_s;
const auto kSessionName = u"role_session_name"_s;
const auto kSessionTags = u"session_tags"_s;
const auto kTransitive = u"transitive_session_tags"_s;
const auto kSourceIdentity = u"source_identity"_s;
const auto kPolicyArns = u"rolecall_session_policy_arns"_s;
const auto kEndpointUrl = u"endpoint_url"_s;
const auto kName = u"name"_s;

/// The STS parameter each key feeds, for mapping Sts::validate's field back to the editor's.
QString keyForStsField(const QString &field)
{
    static const QHash<QString, QString> map {{u"RoleArn"_s, kRoleArn}, {u"RoleSessionName"_s, kSessionName},
        {u"PolicyArns"_s, kPolicyArns}, {u"Policy"_s, kPolicyArns}, {u"DurationSeconds"_s, kDuration},
        {u"Tags"_s, kSessionTags}, {u"TransitiveTagKeys"_s, kTransitive}, {u"ExternalId"_s, kExternalId},
        {u"SerialNumber"_s, kMfaSerial}, {u"TokenCode"_s, kMfaSerial}, {u"SourceIdentity"_s, kSourceIdentity}};
    return map.value(field);
}

/// The problem part of a validation error's message ("must be …"), without the field and the closing note.
QString problemOf(const Error &error)
{
    const QString probe = Error::validation(u"\u0001"_s, u"\u0002"_s).message;
    const QString suffix = probe.mid(probe.indexOf(u'\u0002') + 1);
    QString text = error.message;
    const qsizetype fieldAt = text.indexOf(error.field + u' ');
    if (!error.field.isEmpty() && fieldAt >= 0)
        text = text.mid(fieldAt + error.field.size() + 1);
    if (!suffix.trimmed().isEmpty() && text.endsWith(suffix))
        text.chop(suffix.size());
    return text.trimmed();
}

/// The last value of @p key in the config file's own `[section]` blocks (not the credentials file).
const Config::IniEntry *configEntry(const Config::IniDocument &document, const QString &section, const QString &key)
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

bool hasConfigSection(const Config::IniDocument &document, const QString &section)
{
    return std::any_of(document.sections().cbegin(), document.sections().cend(),
        [&section](const Config::IniSection &block) { return block.name == section; });
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
}

} // namespace

bool RoleProfileDraft::operator==(const RoleProfileDraft &other) const
{
    const auto sameTags = [](const QList<Sts::Tag> &a, const QList<Sts::Tag> &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).key != b.at(i).key || a.at(i).value != b.at(i).value)
                return false;
        }
        return true;
    };
    return name == other.name && roleArn == other.roleArn && sourceProfile == other.sourceProfile
        && mfaSerial == other.mfaSerial && externalId == other.externalId && durationSeconds == other.durationSeconds
        && region == other.region && roleSessionName == other.roleSessionName
        && sameTags(sessionTags, other.sessionTags) && transitiveTagKeys == other.transitiveTagKeys
        && sourceIdentity == other.sourceIdentity && policyArns == other.policyArns && endpointUrl == other.endpointUrl;
}

const QStringList &ProfileEditor::keys()
{
    static const QStringList all {kRoleArn, kSourceProfile, kMfaSerial, kExternalId, kDuration, kRegion, kSessionName,
        kSessionTags, kTransitive, kSourceIdentity, kPolicyArns, kEndpointUrl};
    return all;
}

QString ProfileEditor::fieldLabel(const QString &field)
{
    if (field == kName)
        return tr("Profile name");
    if (field == kRoleArn)
        return tr("Role ARN");
    if (field == kSourceProfile)
        return tr("Source profile");
    if (field == kMfaSerial)
        return tr("MFA device");
    if (field == kExternalId)
        return tr("External ID");
    if (field == kDuration)
        return tr("Duration");
    if (field == kRegion)
        return tr("Region");
    if (field == kSessionName)
        return tr("Session name");
    if (field == kSessionTags)
        return tr("Session tags");
    if (field == kTransitive)
        return tr("Transitive tag keys");
    if (field == kSourceIdentity)
        return tr("Source identity");
    if (field == kPolicyArns)
        return tr("Session policy ARNs");
    if (field == kEndpointUrl)
        return tr("STS endpoint URL");
    return field;
}

QString ProfileEditor::sectionOf(const Config::SharedConfig &config, const QString &name)
{
    const Config::ProfileSettings *settings = config.profile(name);
    if (settings && settings->inConfig) {
        for (const Config::IniSection &block : config.configDocument().sections()) {
            if (block.line == settings->line)
                return block.name;
        }
    }
    return Config::configSectionName(name);
}

RoleProfileDraft ProfileEditor::load(const Config::SharedConfig &config, const QString &name)
{
    RoleProfileDraft draft;
    draft.name = name;
    const Config::ProfileSettings *settings = config.profile(name);
    if (!settings)
        return draft;
    draft.roleArn = settings->value(kRoleArn);
    draft.sourceProfile = settings->value(kSourceProfile);
    draft.mfaSerial = settings->value(kMfaSerial);
    draft.externalId = settings->value(kExternalId);
    bool ok = false;
    const int duration = settings->value(kDuration).trimmed().toInt(&ok);
    if (ok)
        draft.durationSeconds = duration;
    draft.region = settings->value(kRegion);
    draft.roleSessionName = settings->value(kSessionName);
    parseTags(settings->value(kSessionTags), &draft.sessionTags);
    draft.transitiveTagKeys = parseList(settings->value(kTransitive));
    draft.sourceIdentity = settings->value(kSourceIdentity);
    draft.policyArns = parseList(settings->value(kPolicyArns));
    draft.endpointUrl = settings->value(kEndpointUrl);
    return draft;
}

bool ProfileEditor::parseTags(const QString &text, QList<Sts::Tag> *tags)
{
    tags->clear();
    bool ok = true;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        if (pair.trimmed().isEmpty())
            continue;
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            ok = false;
            continue;
        }
        tags->append({pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed()});
    }
    return ok;
}

QString ProfileEditor::formatTags(const QList<Sts::Tag> &tags)
{
    QStringList pairs;
    for (const Sts::Tag &tag : tags)
        pairs.append(tag.key + u'=' + tag.value);
    return pairs.join(u',');
}

QStringList ProfileEditor::parseList(const QString &text)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

QList<std::pair<QString, QString>> ProfileEditor::entries(const RoleProfileDraft &d)
{
    return {
        {kRoleArn, d.roleArn.trimmed()},
        {kSourceProfile, d.sourceProfile.trimmed()},
        {kMfaSerial, d.mfaSerial.trimmed()},
        {kExternalId, d.externalId.trimmed()},
        {kDuration, d.durationSeconds ? QString::number(*d.durationSeconds) : QString()},
        {kRegion, d.region.trimmed()},
        {kSessionName, d.roleSessionName.trimmed()},
        {kSessionTags, formatTags(d.sessionTags)},
        {kTransitive, d.transitiveTagKeys.join(u',')},
        {kSourceIdentity, d.sourceIdentity.trimmed()},
        {kPolicyArns, d.policyArns.join(u',')},
        {kEndpointUrl, d.endpointUrl.trimmed()},
    };
}

QList<FieldError> ProfileEditor::validateName(
    const QString &name, const Config::SharedConfig &config, const QString &originalName)
{
    const auto error = [](const QString &message) { return QList<FieldError> {{kName, message}}; };
    if (name.isEmpty())
        return error(tr("Give the profile a name."));
    if (hasControlCharacters(name))
        return error(tr("The profile name must fit on one line, without control characters."));
    if (name.trimmed() != name)
        return error(tr("The profile name must not start or end with a space."));
    // botocore reads `[profile NAME]` with shlex.split and keeps the section only when it has exactly two
    // parts: the name must come back exactly as it went in.
    if (name != u"default"_s) {
        QStringList parts;
        if (!Config::shlexSplit(Config::configSectionName(name), &parts) || parts.size() != 2
            || parts.at(0) != u"profile"_s || parts.at(1) != name)
            return error(tr("The AWS CLI could not read the profile name \"%1\" back; choose another.").arg(name));
    }
    if (name != originalName && config.profile(name))
        return error(tr("A profile named \"%1\" already exists.").arg(name));
    return {};
}

QList<FieldError> ProfileEditor::validate(
    const RoleProfileDraft &d, const Config::SharedConfig &config, const QString &originalName)
{
    QList<FieldError> errors = validateName(d.name, config, originalName);
    QSet<QString> seen;
    const auto add = [&errors, &seen](const QString &field, const QString &message) {
        if (seen.contains(field))
            return;
        seen.insert(field);
        errors.append({field, message});
    };
    for (const FieldError &e : std::as_const(errors))
        seen.insert(e.field);

    if (d.roleArn.trimmed().isEmpty())
        add(kRoleArn, tr("%1 is required.").arg(fieldLabel(kRoleArn)));
    const QString source = d.sourceProfile.trimmed();
    const Config::ProfileSettings *sourceSettings = config.profile(source);
    if (source.isEmpty())
        add(kSourceProfile,
            tr("%1 is required: the profile whose credentials assume the role.").arg(fieldLabel(kSourceProfile)));
    else if (!sourceSettings && source != d.name)
        add(kSourceProfile, tr("There is no profile named \"%1\".").arg(source));
    else if (source == d.name && !(sourceSettings && sourceSettings->has(u"aws_access_key_id")))
        add(kSourceProfile, tr("A profile can name itself as its source only when it holds keys."));

    // The documented STS limits, one field at a time so every problem shows at once: a valid baseline
    // request with just that field from the draft.
    Sts::AssumeRoleRequest baseline;
    baseline.roleArn = u"arn:aws:iam::123456789012:role/placeholder"_s;
    baseline.roleSessionName = u"rolecall-editor"_s;
    const auto check = [&](const QString &key, const std::function<void(Sts::AssumeRoleRequest &)> &set) {
        Sts::AssumeRoleRequest request = baseline;
        set(request);
        if (auto ok = Sts::validate(request); !ok) {
            const QString field = keyForStsField(ok.error().field);
            add(field.isEmpty() ? key : field,
                tr("%1 %2").arg(fieldLabel(field.isEmpty() ? key : field), problemOf(ok.error())));
        }
    };
    if (!d.roleArn.trimmed().isEmpty())
        check(kRoleArn, [&](Sts::AssumeRoleRequest &r) { r.roleArn = d.roleArn.trimmed(); });
    if (!d.roleSessionName.trimmed().isEmpty() || d.roleSessionName != d.roleSessionName.trimmed())
        check(kSessionName, [&](Sts::AssumeRoleRequest &r) { r.roleSessionName = d.roleSessionName; });
    if (d.durationSeconds) {
        check(kDuration, [&](Sts::AssumeRoleRequest &r) { r.durationSeconds = d.durationSeconds; });
        if (sourceSettings && sourceSettings->has(kRoleArn) && *d.durationSeconds > Sts::kRoleChainingMaxSeconds)
            add(kDuration,
                tr("%1 can be at most %2 seconds: the source profile is a role itself, and AWS limits chained "
                   "role sessions to an hour.")
                    .arg(fieldLabel(kDuration))
                    .arg(Sts::kRoleChainingMaxSeconds));
    }
    for (const Sts::Tag &tag : d.sessionTags) {
        if (tag.key.contains(u',') || tag.value.contains(u',') || tag.key.contains(u'='))
            add(kSessionTags,
                tr("%1: \"%2\" cannot be written as key=value,key2=value2 (no commas, no \"=\" in keys).")
                    .arg(fieldLabel(kSessionTags), tag.key));
    }
    check(kSessionTags, [&](Sts::AssumeRoleRequest &r) { r.tags = d.sessionTags; });
    check(kTransitive, [&](Sts::AssumeRoleRequest &r) {
        r.tags = d.sessionTags;
        r.transitiveTagKeys = d.transitiveTagKeys;
    });
    check(kExternalId, [&](Sts::AssumeRoleRequest &r) { r.externalId = d.externalId.trimmed(); });
    check(kMfaSerial, [&](Sts::AssumeRoleRequest &r) {
        r.serialNumber = d.mfaSerial.trimmed();
        if (!r.serialNumber.isEmpty())
            r.tokenCode = SecureBytes(QByteArrayView("123456"));
    });
    check(kSourceIdentity, [&](Sts::AssumeRoleRequest &r) { r.sourceIdentity = d.sourceIdentity.trimmed(); });
    check(kPolicyArns, [&](Sts::AssumeRoleRequest &r) { r.policyArns = d.policyArns; });

    static const QRegularExpression region(u"^[a-z]{2}(-[a-z]+)+-\\d+$"_s);
    if (!d.region.trimmed().isEmpty() && !region.match(d.region.trimmed()).hasMatch())
        add(kRegion, tr("%1 must look like eu-west-1 or us-gov-west-1.").arg(fieldLabel(kRegion)));

    if (const QString text = d.endpointUrl.trimmed(); !text.isEmpty()) {
        const QUrl url(text, QUrl::StrictMode);
        const QHostAddress address(url.host());
        const bool loopback = url.host() == u"localhost"_s || (!address.isNull() && address.isLoopback());
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
            add(kEndpointUrl,
                tr("%1 must be a full URL, such as https://sts.eu-west-1.amazonaws.com.")
                    .arg(fieldLabel(kEndpointUrl)));
        else if (url.scheme() == u"http"_s && !loopback)
            add(kEndpointUrl,
                tr("%1 must use https (plain http only for 127.0.0.1 or localhost).").arg(fieldLabel(kEndpointUrl)));
    }

    // What botocore could not read back (line breaks), and values the credentials file would override.
    const Config::ProfileSettings *existing = originalName.isEmpty() ? nullptr : config.profile(originalName);
    for (const auto &[key, value] : entries(d)) {
        if (auto ok = Config::ConfigWriter::validate(Config::ConfigEdit::setValue(u"profile x"_s, key, value)); !ok)
            add(key, ok.error().message);
        const Config::Setting *setting = existing ? existing->find(key) : nullptr;
        if (setting && setting->fromCredentialsFile && setting->value != value)
            add(key,
                tr("%1 is set in %2 (line %3), which wins over the config file; change it there.")
                    .arg(fieldLabel(key), setting->file)
                    .arg(setting->line));
    }
    return errors;
}

Result<QList<Config::ConfigEdit>> ProfileEditor::edits(
    const RoleProfileDraft &draft, const Config::SharedConfig &config, const QString &originalName)
{
    const Config::IniDocument &document = config.configDocument();
    QString section = originalName.isEmpty() ? QString() : sectionOf(config, originalName);
    QList<Config::ConfigEdit> out;
    if (section.isEmpty() || !hasConfigSection(document, section)) {
        QList<std::pair<QString, QString>> entries;
        for (const auto &entry : ProfileEditor::entries(draft)) {
            if (!entry.second.isEmpty())
                entries.append(entry);
        }
        out.append(Config::ConfigEdit::addSection(Config::configSectionName(draft.name), entries));
        return out;
    }
    const QString oldSection = section;
    if (draft.name != originalName) {
        section = Config::configSectionName(draft.name);
        out.append(Config::ConfigEdit::renameSection(oldSection, section));
    }
    for (const auto &[key, value] : entries(draft)) {
        const Config::IniEntry *current = configEntry(document, oldSection, key);
        if (value.isEmpty()) {
            if (current)
                out.append(Config::ConfigEdit::removeKey(section, key));
        } else if (!current || current->value != value) {
            out.append(Config::ConfigEdit::setValue(section, key, value));
        }
    }
    return out;
}

Result<QByteArray> ProfileEditor::save(const RoleProfileDraft &draft, const Config::SharedConfig &config,
    const QString &configPath, const QString &originalName)
{
    const QList<FieldError> errors = validate(draft, config, originalName);
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const FieldError &e : errors)
            messages.append(e.message);
        Error error = Error::validation(errors.first().field, messages.join(u' '));
        error.message = messages.join(u'\n');
        return error;
    }
    auto list = edits(draft, config, originalName);
    if (!list)
        return list.error();
    return Config::ConfigFile::save(configPath, config.configDocument().bytes(), list.value());
}

QList<FieldError> ProfileEditor::validateIamUser(const IamUserDraft &d, const Config::SharedConfig &config)
{
    // An existing profile without a role may get its keys moved into the keychain under its own name.
    const Config::ProfileSettings *existing = config.profile(d.name);
    const bool reusable = existing && !existing->has(kRoleArn);
    QList<FieldError> errors = validateName(d.name, config, reusable ? d.name : QString());
    if (!Secrets::KeychainImport::isValidAccessKeyId(d.accessKeyId.trimmed()))
        errors.append({u"aws_access_key_id"_s,
            tr("Access key ID must be 16 to 128 upper-case letters and digits, like AKIAIOSFODNN7EXAMPLE.")});
    if (!Secrets::KeychainImport::isPlausibleSecret(d.secretAccessKey))
        errors.append({u"aws_secret_access_key"_s,
            tr("Secret access key must be printable characters without spaces, as AWS issues them.")});
    RoleProfileDraft role;
    role.name = d.name;
    role.roleArn = u"arn:aws:iam::123456789012:role/placeholder"_s;
    role.sourceProfile = d.name;
    role.region = d.region;
    role.mfaSerial = d.mfaSerial;
    for (const FieldError &e : validate(role, config, d.name)) {
        if (e.field == kRegion || e.field == kMfaSerial)
            errors.append(e);
    }
    return errors;
}

QList<Config::ConfigEdit> ProfileEditor::iamUserEdits(
    const IamUserDraft &d, const Config::SharedConfig &config, const QString &configPath)
{
    QList<std::pair<QString, QString>> values {{u"credential_process"_s, Profiles::keychainCredentialProcess(d.name)}};
    if (!d.region.trimmed().isEmpty())
        values.append({kRegion, d.region.trimmed()});
    if (!d.mfaSerial.trimmed().isEmpty())
        values.append({kMfaSerial, d.mfaSerial.trimmed()});
    const Config::ConfigEdit process = Secrets::KeychainImport::configProcessEdit(config, configPath, d.name);
    if (process.kind == Config::ConfigEdit::Kind::AddSection)
        return {Config::ConfigEdit::addSection(process.section, values)};
    QList<Config::ConfigEdit> out;
    for (const auto &[key, value] : values)
        out.append(Config::ConfigEdit::setValue(process.section, key, value));
    return out;
}

void ProfileEditor::addIamUser(Secrets::KeyStore *keys, const IamUserDraft &draft, const Config::SharedConfig &config,
    const QString &configPath, QObject *context, Done done)
{
    const QList<FieldError> errors = validateIamUser(draft, config);
    if (!errors.isEmpty()) {
        Error error = Error::validation(errors.first().field, errors.first().message);
        error.message = errors.first().message;
        QMetaObject::invokeMethod(
            context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QList<Config::ConfigEdit> configEdits = iamUserEdits(draft, config, configPath);
    const QByteArray bytes = config.configDocument().bytes();
    const QString name = draft.name;
    const Secrets::KeychainImport::PlaintextKeys plaintext {draft.accessKeyId.trimmed(), draft.secretAccessKey, {}};
    Secrets::KeychainImport::storeAndVerify(
        keys, name, plaintext, context, [configPath, bytes, configEdits, name, done](const Result<void> &stored) {
            if (!stored) {
                done(stored.error());
                return;
            }
            if (auto saved = Config::ConfigFile::save(configPath, bytes, configEdits); !saved) {
                done(saved.error());
                return;
            }
            done(tr("Stored the keys of %1 in the keychain and set credential_process in %2.").arg(name, configPath));
        });
}

void ProfileEditor::importPlaintextKeys(Secrets::KeyStore *keys, const QString &profile, bool replace,
    const Config::SharedConfig &config, const Config::ConfigPaths &paths, QObject *context, Done done)
{
    const Config::IniDocument &credentials = config.credentialsDocument();
    auto plaintext = Secrets::KeychainImport::plaintextKeys(credentials, profile, paths.credentials);
    if (!plaintext) {
        QMetaObject::invokeMethod(
            context, [done, error = plaintext.error()] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QList<Config::ConfigEdit> credentialEdits
        = replace ? Secrets::KeychainImport::replaceKeysEdits(credentials, profile) : QList<Config::ConfigEdit>();
    const QByteArray bytes = credentials.bytes();
    const QString file = paths.credentials;
    Secrets::KeychainImport::storeAndVerify(keys, profile, plaintext.value(), context,
        [file, bytes, credentialEdits, profile, replace, done](const Result<void> &stored) {
            if (!stored) {
                done(stored.error());
                return;
            }
            if (!replace) {
                done(tr("Copied the keys of %1 into the keychain; they are still in %2.").arg(profile, file));
                return;
            }
            if (auto saved = Config::ConfigFile::save(file, bytes, credentialEdits); !saved) {
                done(saved.error());
                return;
            }
            done(tr("Moved the keys of %1 into the keychain; %2 now runs credential_process instead.")
                     .arg(profile, file));
        });
}

} // namespace Rolecall::Core::Controllers
