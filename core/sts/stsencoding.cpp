// SPDX-License-Identifier: Apache-2.0
#include "stsencoding.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Sts {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Sts::Validation)
};

// The character classes from the STS API reference. AWS's \w is ASCII [A-Za-z0-9_].
constexpr auto kNameChars = "A-Za-z0-9_+=,.@-"; // RoleSessionName, Name, SourceIdentity
constexpr auto kExternalIdChars = "A-Za-z0-9_+=,.@:/-"; // ExternalId
constexpr auto kSerialChars = "A-Za-z0-9_+=/:,.@-"; // SerialNumber

bool allCharsIn(const QString &value, const char *charClass)
{
    const QRegularExpression re(u"^["_s + QLatin1StringView(charClass) + u"]*$"_s);
    return re.match(value).hasMatch();
}

// Collects the first problem; every check after it is skipped.
class Checker
{
public:
    explicit Checker(QString action)
        : m_action(std::move(action))
    { }

    void fail(const QString &field, const QString &problem)
    {
        if (!m_error)
            m_error = Error::validation(field, problem, m_action);
    }

    void required(const QString &field, qsizetype size)
    {
        if (size == 0)
            fail(field, Tr::tr("is required."));
    }

    void length(const QString &field, qsizetype size, qsizetype min, qsizetype max, bool optional = true)
    {
        if (optional && size == 0)
            return;
        if (size < min || size > max)
            fail(field, Tr::tr("must be %1 to %2 characters long (it is %3).").arg(min).arg(max).arg(size));
    }

    void chars(const QString &field, const QString &value, const char *charClass, const QString &allowed)
    {
        if (!value.isEmpty() && !allCharsIn(value, charClass))
            fail(field, Tr::tr("may contain only %1.").arg(allowed));
    }

    void name(const QString &field, const QString &value, int min, int max, bool optional)
    {
        if (!optional)
            required(field, value.size());
        length(field, value.size(), min, max);
        chars(field, value, kNameChars, Tr::tr("letters, digits and + = , . @ _ -"));
    }

    void arn(const QString &field, const QString &value, bool optional = false)
    {
        if (!optional)
            required(field, value.size());
        if (value.isEmpty())
            return;
        length(field, value.size(), 20, 2048);
        if (!value.startsWith("arn:"_L1) || value.count(u':') < 5)
            fail(field, Tr::tr("must be an ARN such as arn:aws:iam::123456789012:role/Name."));
    }

    void duration(std::optional<int> seconds, int max)
    {
        if (seconds && (*seconds < kMinDurationSeconds || *seconds > max))
            fail(u"DurationSeconds"_s,
                Tr::tr("must be between %1 and %2 seconds (it is %3).")
                    .arg(kMinDurationSeconds)
                    .arg(max)
                    .arg(*seconds));
    }

    void policies(const QString &policy, const QStringList &policyArns)
    {
        if (policyArns.size() > 10)
            fail(u"PolicyArns"_s, Tr::tr("may list at most 10 managed policies (it lists %1).").arg(policyArns.size()));
        qsizetype arnChars = 0;
        for (const QString &arnValue : policyArns) {
            arn(u"PolicyArns"_s, arnValue);
            arnChars += arnValue.size();
        }
        if (policy.isEmpty())
            return;
        for (QChar c : policy) {
            const char16_t u = c.unicode();
            if (!(u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u <= 0xFF))) {
                fail(u"Policy"_s, Tr::tr("may contain only printable Latin-1 characters, tabs and line breaks."));
                break;
            }
        }
        if (policy.size() > 2048)
            fail(u"Policy"_s, Tr::tr("must be at most 2048 characters (it is %1).").arg(policy.size()));
        else if (policy.size() + arnChars > 2048)
            fail(u"Policy"_s,
                Tr::tr("and the policy ARNs together must be at most 2048 characters (they are %1).")
                    .arg(policy.size() + arnChars));
    }

    void tags(const QString &field, const QList<Tag> &tags)
    {
        if (tags.size() > 50)
            fail(field, Tr::tr("may hold at most 50 tags (it holds %1).").arg(tags.size()));
        static const QRegularExpression tagChars(u"^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$"_s);
        QSet<QString> seen;
        for (const Tag &tag : tags) {
            if (tag.key.isEmpty() || tag.key.size() > 128)
                fail(field, Tr::tr("has a tag key that is not 1 to 128 characters long: \"%1\".").arg(tag.key));
            if (tag.value.size() > 256)
                fail(field, Tr::tr("has a value longer than 256 characters for tag \"%1\".").arg(tag.key));
            if (!tagChars.match(tag.key).hasMatch() || !tagChars.match(tag.value).hasMatch())
                fail(field,
                    Tr::tr("tag \"%1\" may contain only letters, digits, spaces and _ . : / = + - @.").arg(tag.key));
            const QString folded = tag.key.toLower();
            if (!tag.key.isEmpty() && seen.contains(folded))
                fail(field, Tr::tr("has the key \"%1\" twice; tag keys are case-insensitive.").arg(tag.key));
            seen.insert(folded);
        }
    }

    void mfa(const QString &serialNumber, const SecureBytes &tokenCode)
    {
        length(u"SerialNumber"_s, serialNumber.size(), 9, 256);
        chars(u"SerialNumber"_s, serialNumber, kSerialChars, Tr::tr("letters, digits and + = / : , . @ _ -"));
        if (!tokenCode.isEmpty()) {
            const QByteArrayView code = tokenCode.view();
            bool digits = code.size() == 6;
            for (char c : code)
                digits = digits && c >= '0' && c <= '9';
            if (!digits)
                fail(u"TokenCode"_s, Tr::tr("must be exactly six digits."));
            if (serialNumber.isEmpty())
                fail(u"SerialNumber"_s, Tr::tr("is required with a TokenCode (the MFA device's ARN or serial)."));
        } else if (!serialNumber.isEmpty()) {
            fail(u"TokenCode"_s, Tr::tr("is required with a SerialNumber: enter the six-digit MFA code."));
        }
    }

    Result<void> result() const
    {
        if (m_error)
            return *m_error;
        return {};
    }

private:
    QString m_action;
    std::optional<Error> m_error;
};

class Encoder
{
public:
    explicit Encoder(QByteArrayView action)
    {
        m_params.reserve(16);
        add("Action", action.toByteArray());
        add("Version", kApiVersion.toByteArray());
    }
    void add(const char *key, const QByteArray &value) { m_params.append({QByteArray(key), value}); }
    void add(const char *key, const QString &value)
    {
        if (!value.isEmpty())
            add(key, value.toUtf8());
    }
    void add(const char *key, const SecureBytes &value)
    {
        if (!value.isEmpty())
            add(key, value.unsecureCopy());
    }
    void add(const char *key, std::optional<int> value)
    {
        if (value)
            add(key, QByteArray::number(*value));
    }
    void policyArns(const QStringList &arns)
    {
        for (qsizetype i = 0; i < arns.size(); ++i)
            add(QByteArray("PolicyArns.member." + QByteArray::number(i + 1) + ".arn").constData(), arns.at(i).toUtf8());
    }
    void tags(const QList<Tag> &tags)
    {
        for (qsizetype i = 0; i < tags.size(); ++i) {
            const QByteArray prefix = "Tags.member." + QByteArray::number(i + 1);
            m_params.append({prefix + ".Key", tags.at(i).key.toUtf8()});
            m_params.append({prefix + ".Value", tags.at(i).value.toUtf8()});
        }
    }
    Params take() { return std::move(m_params); }
    Params &params() { return m_params; }

private:
    Params m_params;
};

} // namespace

bool isValidRoleSessionName(const QString &name)
{
    return name.size() >= 2 && name.size() <= 64 && allCharsIn(name, kNameChars);
}

Result<void> validate(const AssumeRoleRequest &r)
{
    Checker c(u"AssumeRole"_s);
    c.arn(u"RoleArn"_s, r.roleArn);
    c.name(u"RoleSessionName"_s, r.roleSessionName, 2, 64, false);
    c.policies(r.policy, r.policyArns);
    c.duration(r.durationSeconds, kMaxRoleDurationSeconds);
    c.tags(u"Tags"_s, r.tags);
    if (r.transitiveTagKeys.size() > 50)
        c.fail(u"TransitiveTagKeys"_s, Tr::tr("may list at most 50 keys."));
    for (const QString &key : r.transitiveTagKeys) {
        c.length(u"TransitiveTagKeys"_s, key.size(), 1, 128, false);
        const bool tagged = std::any_of(r.tags.cbegin(), r.tags.cend(),
            [&key](const Tag &tag) { return tag.key.compare(key, Qt::CaseInsensitive) == 0; });
        if (!tagged)
            c.fail(u"TransitiveTagKeys"_s, Tr::tr("names \"%1\", which is not one of the session tags.").arg(key));
    }
    c.length(u"ExternalId"_s, r.externalId.size(), 2, 1224);
    c.chars(u"ExternalId"_s, r.externalId, kExternalIdChars, Tr::tr("letters, digits and + = , . @ : / _ -"));
    c.mfa(r.serialNumber, r.tokenCode);
    c.name(u"SourceIdentity"_s, r.sourceIdentity, 2, 64, true);
    if (r.sourceIdentity.startsWith("aws:"_L1, Qt::CaseInsensitive))
        c.fail(u"SourceIdentity"_s, Tr::tr("must not start with \"aws:\"."));
    if (r.providedContexts.size() > 5)
        c.fail(u"ProvidedContexts"_s, Tr::tr("may hold at most 5 contexts."));
    for (const ProvidedContext &context : r.providedContexts) {
        c.arn(u"ProvidedContexts.ProviderArn"_s, context.providerArn);
        c.length(u"ProvidedContexts.ContextAssertion"_s, context.contextAssertion.size(), 4, 2048, false);
    }
    return c.result();
}

Result<void> validate(const AssumeRoleWithSamlRequest &r)
{
    Checker c(u"AssumeRoleWithSAML"_s);
    c.arn(u"RoleArn"_s, r.roleArn);
    c.arn(u"PrincipalArn"_s, r.principalArn);
    c.required(u"SAMLAssertion"_s, r.samlAssertion.size());
    c.length(u"SAMLAssertion"_s, r.samlAssertion.size(), 4, 100000);
    c.policies(r.policy, r.policyArns);
    c.duration(r.durationSeconds, kMaxRoleDurationSeconds);
    return c.result();
}

Result<void> validate(const AssumeRoleWithWebIdentityRequest &r)
{
    Checker c(u"AssumeRoleWithWebIdentity"_s);
    c.arn(u"RoleArn"_s, r.roleArn);
    c.name(u"RoleSessionName"_s, r.roleSessionName, 2, 64, false);
    c.required(u"WebIdentityToken"_s, r.webIdentityToken.size());
    c.length(u"WebIdentityToken"_s, r.webIdentityToken.size(), 4, 20000);
    c.length(u"ProviderId"_s, r.providerId.size(), 4, 2048);
    c.policies(r.policy, r.policyArns);
    c.duration(r.durationSeconds, kMaxRoleDurationSeconds);
    return c.result();
}

Result<void> validate(const DecodeAuthorizationMessageRequest &r)
{
    Checker c(u"DecodeAuthorizationMessage"_s);
    c.required(u"EncodedMessage"_s, r.encodedMessage.size());
    c.length(u"EncodedMessage"_s, r.encodedMessage.size(), 1, 10240);
    return c.result();
}

Result<void> validate(const GetAccessKeyInfoRequest &r)
{
    Checker c(u"GetAccessKeyInfo"_s);
    c.required(u"AccessKeyId"_s, r.accessKeyId.size());
    c.length(u"AccessKeyId"_s, r.accessKeyId.size(), 16, 128);
    c.chars(u"AccessKeyId"_s, r.accessKeyId, "A-Za-z0-9_", Tr::tr("letters and digits"));
    return c.result();
}

Result<void> validate(const GetCallerIdentityRequest &)
{
    return {};
}

Result<void> validate(const GetFederationTokenRequest &r)
{
    Checker c(u"GetFederationToken"_s);
    c.name(u"Name"_s, r.name, 2, 32, false);
    c.policies(r.policy, r.policyArns);
    c.duration(r.durationSeconds, kMaxSessionDurationSeconds);
    c.tags(u"Tags"_s, r.tags);
    return c.result();
}

Result<void> validate(const GetSessionTokenRequest &r)
{
    Checker c(u"GetSessionToken"_s);
    c.duration(r.durationSeconds, kMaxSessionDurationSeconds);
    c.mfa(r.serialNumber, r.tokenCode);
    return c.result();
}

Params encode(const AssumeRoleRequest &r)
{
    Encoder e("AssumeRole");
    e.add("RoleArn", r.roleArn);
    e.add("RoleSessionName", r.roleSessionName);
    e.policyArns(r.policyArns);
    e.add("Policy", r.policy);
    e.add("DurationSeconds", r.durationSeconds);
    e.tags(r.tags);
    for (qsizetype i = 0; i < r.transitiveTagKeys.size(); ++i)
        e.params().append(
            {"TransitiveTagKeys.member." + QByteArray::number(i + 1), r.transitiveTagKeys.at(i).toUtf8()});
    e.add("ExternalId", r.externalId);
    e.add("SerialNumber", r.serialNumber);
    e.add("TokenCode", r.tokenCode);
    e.add("SourceIdentity", r.sourceIdentity);
    for (qsizetype i = 0; i < r.providedContexts.size(); ++i) {
        const QByteArray prefix = "ProvidedContexts.member." + QByteArray::number(i + 1);
        e.params().append({prefix + ".ProviderArn", r.providedContexts.at(i).providerArn.toUtf8()});
        e.params().append({prefix + ".ContextAssertion", r.providedContexts.at(i).contextAssertion.toUtf8()});
    }
    return e.take();
}

Params encode(const AssumeRoleWithSamlRequest &r)
{
    Encoder e("AssumeRoleWithSAML");
    e.add("RoleArn", r.roleArn);
    e.add("PrincipalArn", r.principalArn);
    e.add("SAMLAssertion", r.samlAssertion);
    e.policyArns(r.policyArns);
    e.add("Policy", r.policy);
    e.add("DurationSeconds", r.durationSeconds);
    return e.take();
}

Params encode(const AssumeRoleWithWebIdentityRequest &r)
{
    Encoder e("AssumeRoleWithWebIdentity");
    e.add("RoleArn", r.roleArn);
    e.add("RoleSessionName", r.roleSessionName);
    e.add("WebIdentityToken", r.webIdentityToken);
    e.add("ProviderId", r.providerId);
    e.policyArns(r.policyArns);
    e.add("Policy", r.policy);
    e.add("DurationSeconds", r.durationSeconds);
    return e.take();
}

Params encode(const DecodeAuthorizationMessageRequest &r)
{
    Encoder e("DecodeAuthorizationMessage");
    e.add("EncodedMessage", r.encodedMessage);
    return e.take();
}

Params encode(const GetAccessKeyInfoRequest &r)
{
    Encoder e("GetAccessKeyInfo");
    e.add("AccessKeyId", r.accessKeyId);
    return e.take();
}

Params encode(const GetCallerIdentityRequest &)
{
    return Encoder("GetCallerIdentity").take();
}

Params encode(const GetFederationTokenRequest &r)
{
    Encoder e("GetFederationToken");
    e.add("Name", r.name);
    e.add("Policy", r.policy);
    e.policyArns(r.policyArns);
    e.add("DurationSeconds", r.durationSeconds);
    e.tags(r.tags);
    return e.take();
}

Params encode(const GetSessionTokenRequest &r)
{
    Encoder e("GetSessionToken");
    e.add("DurationSeconds", r.durationSeconds);
    e.add("SerialNumber", r.serialNumber);
    e.add("TokenCode", r.tokenCode);
    return e.take();
}

QByteArray formBody(const Params &params)
{
    QByteArray body;
    for (const SigV4::QueryItem &item : params) {
        if (!body.isEmpty())
            body.append('&');
        SigV4::appendUriEncoded(body, item.key);
        body.append('=');
        SigV4::appendUriEncoded(body, item.value);
    }
    return body;
}

} // namespace Rolecall::Core::Sts
