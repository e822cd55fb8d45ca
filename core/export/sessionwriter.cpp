// SPDX-License-Identifier: Apache-2.0
#include "sessionwriter.h"

#include "config/configfile.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Export {

namespace {

const auto kExpiresKey = u"x_security_token_expires"_s;

/// Keys a section written by us may also carry (the user may have added them), which a rewrite keeps.
bool isHarmlessKey(const QString &key)
{
    return key == "region"_L1 || key == "output"_L1;
}

} // namespace

const QStringList &SessionWriter::sessionKeys()
{
    static const QStringList keys {
        u"aws_access_key_id"_s, u"aws_secret_access_key"_s, u"aws_session_token"_s, kExpiresKey};
    return keys;
}

Result<void> SessionWriter::check(const Config::SharedConfig &config, const QString &name)
{
    // A name the AWS CLI can select with --profile, and that the credentials file can hold as [name].
    static const QRegularExpression valid(u"^[A-Za-z0-9][A-Za-z0-9._@+=,-]{0,127}$"_s);
    if (!valid.match(name).hasMatch())
        return Error::validation(tr("Profile name"),
            tr("must start with a letter or digit and use only letters, digits and . _ @ + = , - (at most 128)."));
    const Config::ProfileSettings *existing = config.profile(name);
    if (!existing)
        return {};
    if (existing->inConfig)
        return Error::validation(tr("Profile name"),
            tr("\"%1\" is a profile of the config file; writing keys for it into the credentials file would change "
               "what it does. Choose a new name, such as %1-session.")
                .arg(name));
    bool session = false;
    for (const Config::Setting &setting : existing->settings) {
        if (setting.key == "aws_session_token"_L1)
            session = true;
        else if (!sessionKeys().contains(setting.key) && !isHarmlessKey(setting.key))
            return Error::validation(tr("Profile name"),
                tr("[%1] in the credentials file has %2; Rolecall replaces only sessions it could have written. "
                   "Choose another name.")
                    .arg(name, setting.key));
    }
    if (!session)
        return Error::validation(tr("Profile name"),
            tr("[%1] in the credentials file holds long-term keys; writing a session there would lose them. "
               "Choose another name.")
                .arg(name));
    return {};
}

Result<QString> SessionWriter::write(const Config::SharedConfig &config, const QString &credentialsPath,
    const QString &name, const AwsCredentials &credentials)
{
    if (!credentials.isTemporary())
        return Error::validation(
            tr("Credentials"), tr("are long-term keys; only temporary sessions are written to the credentials file."));
    if (auto ok = check(config, name); !ok)
        return ok.error();
    const QString expires
        = credentials.expiration.isValid() ? credentials.expiration.toUTC().toString(Qt::ISODate) : QString();
    // Values as they are: the writer keeps them on one line, and keys and tokens have no line breaks.
    const QList<std::pair<QString, QString>> values {{u"aws_access_key_id"_s, credentials.accessKeyId},
        {u"aws_secret_access_key"_s, QString::fromUtf8(credentials.secretAccessKey.unsecureCopy())},
        {u"aws_session_token"_s, QString::fromUtf8(credentials.sessionToken.unsecureCopy())}, {kExpiresKey, expires}};
    QList<Config::ConfigEdit> edits;
    const Config::IniDocument &document = config.credentialsDocument();
    const bool exists = std::any_of(document.sections().cbegin(), document.sections().cend(),
        [&name](const Config::IniSection &section) { return section.name == name; });
    if (exists) {
        for (const auto &[key, value] : values)
            edits.append(value.isEmpty() ? Config::ConfigEdit::removeKey(name, key)
                                         : Config::ConfigEdit::setValue(name, key, value));
    } else {
        QList<std::pair<QString, QString>> entries;
        for (const auto &entry : values) {
            if (!entry.second.isEmpty())
                entries.append(entry);
        }
        edits.append(Config::ConfigEdit::addSection(name, entries));
    }
    const auto saved = Config::ConfigFile::save(credentialsPath, document.bytes(), edits);
    if (!saved)
        return saved.error();
    // Secrets now sit in this file: readable by its owner only, whatever it was before.
    bool tightened = false;
    if (const auto target = Config::ConfigFile::writeTarget(credentialsPath)) {
        const QFileDevice::Permissions permissions = QFile::permissions(target.value());
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        if (permissions & others) {
            if (!QFile::setPermissions(target.value(), permissions & ~others))
                return Error::config(tr("Wrote [%1] to %2, but could not make the file private (chmod 600 it).")
                                         .arg(name, credentialsPath));
            tightened = true;
        }
    }
    QString summary = expires.isEmpty()
        ? tr("Wrote the session as [%1] to %2.").arg(name, credentialsPath)
        : tr("Wrote the session as [%1] to %2; it expires at %3.").arg(name, credentialsPath, expires);
    if (tightened)
        summary += u' ' + tr("The file was readable by others; it is now private (0600).");
    return summary;
}

} // namespace Rolecall::Core::Export
