// SPDX-License-Identifier: Apache-2.0
#include "exporter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Export {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Export)
};

struct Var
{
    QString name;
    QString value;
};

QString expirationText(const AwsCredentials &c)
{
    return c.expiration.isValid() ? c.expiration.toUTC().toString(Qt::ISODate) : QString();
}

QList<Var> variables(const AwsCredentials &c, const Options &options)
{
    QList<Var> vars = {
        {u"AWS_ACCESS_KEY_ID"_s, c.accessKeyId},
        {u"AWS_SECRET_ACCESS_KEY"_s, QString::fromUtf8(c.secretAccessKey.view())},
    };
    if (c.isTemporary())
        vars.append({u"AWS_SESSION_TOKEN"_s, QString::fromUtf8(c.sessionToken.view())});
    if (c.expiration.isValid())
        vars.append({u"AWS_CREDENTIAL_EXPIRATION"_s, expirationText(c)});
    if (!options.region.isEmpty()) {
        vars.append({u"AWS_REGION"_s, options.region});
        vars.append({u"AWS_DEFAULT_REGION"_s, options.region});
    }
    return vars;
}

// Variables a previous export may have left behind that would now be wrong.
QStringList staleVariables(const AwsCredentials &c)
{
    QStringList stale;
    if (!c.isTemporary())
        stale.append(u"AWS_SESSION_TOKEN"_s);
    if (!c.expiration.isValid())
        stale.append(u"AWS_CREDENTIAL_EXPIRATION"_s);
    return stale;
}

QString fishQuote(QString value)
{
    value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + value + u'\'';
}

QString powershellQuote(QString value)
{
    return u'\'' + value.replace(u'\'', u"''"_s) + u'\'';
}

QString dotenvValue(const QString &value)
{
    static const QString safe = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.:"_s;
    const bool plain = std::all_of(value.cbegin(), value.cend(), [](QChar ch) { return safe.contains(ch); });
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s);
    return u'"' + escaped + u'"';
}

QJsonObject credentialObject(const AwsCredentials &c)
{
    QJsonObject object;
    object.insert(u"AccessKeyId"_s, c.accessKeyId);
    object.insert(u"SecretAccessKey"_s, QString::fromUtf8(c.secretAccessKey.view()));
    if (c.isTemporary())
        object.insert(u"SessionToken"_s, QString::fromUtf8(c.sessionToken.view()));
    if (c.expiration.isValid())
        object.insert(u"Expiration"_s, expirationText(c));
    return object;
}

SecureBytes finish(QString &text)
{
    return SecureBytes::takeFrom(text);
}

} // namespace

std::optional<Format> formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == "env"_L1 || n == "bash"_L1 || n == "zsh"_L1 || n == "sh"_L1)
        return Format::Env;
    if (n == "fish"_L1)
        return Format::Fish;
    if (n == "powershell"_L1 || n == "pwsh"_L1)
        return Format::PowerShell;
    if (n == "cmd"_L1)
        return Format::Cmd;
    if (n == "dotenv"_L1)
        return Format::Dotenv;
    if (n == "json"_L1)
        return Format::Json;
    if (n == "process"_L1)
        return Format::Process;
    if (n == "ini"_L1)
        return Format::Ini;
    return std::nullopt;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Env:
        return u"env"_s;
    case Format::Fish:
        return u"fish"_s;
    case Format::PowerShell:
        return u"powershell"_s;
    case Format::Cmd:
        return u"cmd"_s;
    case Format::Dotenv:
        return u"dotenv"_s;
    case Format::Json:
        return u"json"_s;
    case Format::Process:
        return u"process"_s;
    case Format::Ini:
        return u"ini"_s;
    }
    return {};
}

QStringList formatNames()
{
    return {u"env"_s, u"fish"_s, u"powershell"_s, u"cmd"_s, u"dotenv"_s, u"json"_s, u"process"_s, u"ini"_s};
}

QString formatTitle(Format format)
{
    switch (format) {
    case Format::Env:
        return Tr::tr("bash / zsh exports");
    case Format::Fish:
        return Tr::tr("fish");
    case Format::PowerShell:
        return Tr::tr("PowerShell");
    case Format::Cmd:
        return Tr::tr("Windows cmd");
    case Format::Dotenv:
        return Tr::tr(".env file");
    case Format::Json:
        return Tr::tr("JSON");
    case Format::Process:
        return Tr::tr("credential_process JSON");
    case Format::Ini:
        return Tr::tr("credentials file block");
    }
    return {};
}

QString shellQuote(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

SecureBytes render(const AwsCredentials &c, Format format, const Options &options)
{
    QString out;
    const QList<Var> vars = variables(c, options);
    switch (format) {
    case Format::Env:
        for (const Var &v : vars)
            out += u"export "_s + v.name + u'=' + shellQuote(v.value) + u'\n';
        for (const QString &name : staleVariables(c))
            out += u"unset "_s + name + u'\n';
        break;
    case Format::Fish:
        for (const Var &v : vars)
            out += u"set -gx "_s + v.name + u' ' + fishQuote(v.value) + u";\n"_s;
        for (const QString &name : staleVariables(c))
            out += u"set -e "_s + name + u";\n"_s;
        break;
    case Format::PowerShell:
        for (const Var &v : vars)
            out += u"$Env:"_s + v.name + u" = "_s + powershellQuote(v.value) + u'\n';
        for (const QString &name : staleVariables(c))
            out += u"Remove-Item Env:"_s + name + u" -ErrorAction SilentlyContinue\n"_s;
        break;
    case Format::Cmd:
        // `set "NAME=value"`: the quotes keep & | < > literal; AWS credentials never contain " or %.
        for (const Var &v : vars)
            out += u"set \""_s + v.name + u'=' + v.value + u"\"\r\n"_s;
        for (const QString &name : staleVariables(c))
            out += u"set "_s + name + u"=\r\n"_s;
        break;
    case Format::Dotenv:
        for (const Var &v : vars)
            out += v.name + u'=' + dotenvValue(v.value) + u'\n';
        break;
    case Format::Json: {
        QJsonObject object = credentialObject(c);
        if (!options.region.isEmpty())
            object.insert(u"Region"_s, options.region);
        out = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        break;
    }
    case Format::Process: {
        QJsonObject object = credentialObject(c);
        object.insert(u"Version"_s, 1);
        out = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n';
        break;
    }
    case Format::Ini:
        out += u'[' + (options.profileName.isEmpty() ? u"default"_s : options.profileName) + u"]\n"_s;
        out += u"aws_access_key_id = "_s + c.accessKeyId + u'\n';
        out += u"aws_secret_access_key = "_s + QString::fromUtf8(c.secretAccessKey.view()) + u'\n';
        if (c.isTemporary())
            out += u"aws_session_token = "_s + QString::fromUtf8(c.sessionToken.view()) + u'\n';
        if (!options.region.isEmpty())
            out += u"region = "_s + options.region + u'\n';
        if (c.expiration.isValid())
            out += u"# expires "_s + expirationText(c) + u'\n';
        break;
    }
    return finish(out);
}

} // namespace Rolecall::Core::Export
