// SPDX-License-Identifier: Apache-2.0
#include "sts/stsencoding.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;

namespace {

QByteArray body(const Params &params)
{
    return formBody(params);
}

AssumeRoleRequest validAssumeRole()
{
    AssumeRoleRequest r;
    r.roleArn = u"arn:aws:iam::123456789012:role/Admin"_s;
    r.roleSessionName = u"alice"_s;
    return r;
}

} // namespace

class Tst_StsEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assumeRoleEncodesEveryParameter();
    void listsAreNumberedFromOne();
    void unsignedActionsEncodeTheirSecrets();
    void otherActionsEncode();
    void formBodyUsesRfc3986();
    void assumeRoleLimits_data();
    void assumeRoleLimits();
    void sessionTokenLimits_data();
    void sessionTokenLimits();
    void otherLimits();
    void validationErrorNamesFieldAndAction();
};

void Tst_StsEncoding::assumeRoleEncodesEveryParameter()
{
    AssumeRoleRequest r = validAssumeRole();
    r.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    r.policy = uR"({"Version":"2012-10-17"})"_s;
    r.durationSeconds = 1800;
    r.tags = {{u"Project"_s, u"Blue"_s}};
    r.transitiveTagKeys = {u"Project"_s};
    r.externalId = u"ext-123"_s;
    r.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
    r.tokenCode = SecureBytes(QByteArrayView("123456"));
    r.sourceIdentity = u"alice@example.com"_s;
    r.providedContexts = {{u"arn:aws:iam::aws:contextProvider/IdentityCenter"_s, u"assertion-data"_s}};
    QVERIFY(validate(r).ok());
    QCOMPARE(body(encode(r)),
        QByteArray("Action=AssumeRole&Version=2011-06-15"
                   "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin&RoleSessionName=alice"
                   "&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess"
                   "&Policy=%7B%22Version%22%3A%222012-10-17%22%7D&DurationSeconds=1800"
                   "&Tags.member.1.Key=Project&Tags.member.1.Value=Blue&TransitiveTagKeys.member.1=Project"
                   "&ExternalId=ext-123&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"
                   "&TokenCode=123456&SourceIdentity=alice%40example.com"
                   "&ProvidedContexts.member.1.ProviderArn=arn%3Aaws%3Aiam%3A%3Aaws%3AcontextProvider%2F"
                   "IdentityCenter&ProvidedContexts.member.1.ContextAssertion=assertion-data"));
}

void Tst_StsEncoding::listsAreNumberedFromOne()
{
    GetFederationTokenRequest r;
    r.name = u"bob"_s;
    r.tags = {{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}};
    r.policyArns = {u"arn:aws:iam::aws:policy/A"_s, u"arn:aws:iam::aws:policy/B"_s};
    const QByteArray b = body(encode(r));
    QVERIFY(b.contains("PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FA"));
    QVERIFY(b.contains("PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FB"));
    QVERIFY(b.contains("Tags.member.2.Key=b&Tags.member.2.Value=2"));
    QVERIFY(!b.contains("member.0"));
    QVERIFY(b.startsWith("Action=GetFederationToken&Version=2011-06-15&Name=bob"));
}

void Tst_StsEncoding::unsignedActionsEncodeTheirSecrets()
{
    AssumeRoleWithSamlRequest saml;
    saml.roleArn = u"arn:aws:iam::123456789012:role/Saml"_s;
    saml.principalArn = u"arn:aws:iam::123456789012:saml-provider/Okta"_s;
    saml.samlAssertion = SecureBytes(QByteArrayView("PHNhbWw+/="));
    QVERIFY(validate(saml).ok());
    QVERIFY(body(encode(saml)).contains("SAMLAssertion=PHNhbWw%2B%2F%3D"));

    AssumeRoleWithWebIdentityRequest web;
    web.roleArn = u"arn:aws:iam::123456789012:role/Web"_s;
    web.roleSessionName = u"ci-run"_s;
    web.webIdentityToken = SecureBytes(QByteArrayView("eyJhbGciOi.x.y"));
    web.providerId = u"graph.facebook.com"_s;
    QVERIFY(validate(web).ok());
    const QByteArray b = body(encode(web));
    QVERIFY(b.contains("WebIdentityToken=eyJhbGciOi.x.y"));
    QVERIFY(b.contains("ProviderId=graph.facebook.com"));
}

void Tst_StsEncoding::otherActionsEncode()
{
    QCOMPARE(body(encode(GetCallerIdentityRequest {})), QByteArray("Action=GetCallerIdentity&Version=2011-06-15"));
    QCOMPARE(body(encode(GetAccessKeyInfoRequest {u"AKIAIOSFODNN7EXAMPLE"_s})),
        QByteArray("Action=GetAccessKeyInfo&Version=2011-06-15&AccessKeyId=AKIAIOSFODNN7EXAMPLE"));
    QCOMPARE(body(encode(DecodeAuthorizationMessageRequest {u"abc-_+/="_s})),
        QByteArray("Action=DecodeAuthorizationMessage&Version=2011-06-15&EncodedMessage=abc-_%2B%2F%3D"));
    GetSessionTokenRequest s;
    s.durationSeconds = 129600;
    QCOMPARE(body(encode(s)), QByteArray("Action=GetSessionToken&Version=2011-06-15&DurationSeconds=129600"));
}

void Tst_StsEncoding::formBodyUsesRfc3986()
{
    const Params params = {{"Tag", "a b&c=d+e/é"}};
    QCOMPARE(formBody(params), QByteArray("Tag=a%20b%26c%3Dd%2Be%2F%C3%A9"));
}

void Tst_StsEncoding::assumeRoleLimits_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addRow("session name 1 char") << u"RoleSessionName"_s << u"a"_s << false;
    QTest::addRow("session name 2 chars") << u"RoleSessionName"_s << u"ab"_s << true;
    QTest::addRow("session name 64 chars") << u"RoleSessionName"_s << QString(64, u'x') << true;
    QTest::addRow("session name 65 chars") << u"RoleSessionName"_s << QString(65, u'x') << false;
    QTest::addRow("session name with space") << u"RoleSessionName"_s << u"a b"_s << false;
    QTest::addRow("session name punctuation") << u"RoleSessionName"_s << u"a+=,.@_-b"_s << true;
    QTest::addRow("session name non-ascii") << u"RoleSessionName"_s << u"zoë"_s << false;
    QTest::addRow("role arn not an arn") << u"RoleArn"_s << u"Admin-role-name-only"_s << false;
    QTest::addRow("role arn too short") << u"RoleArn"_s << u"arn:a:b:c:d:e"_s << false;
    QTest::addRow("duration 899") << u"DurationSeconds"_s << u"899"_s << false;
    QTest::addRow("duration 900") << u"DurationSeconds"_s << u"900"_s << true;
    QTest::addRow("duration 43200") << u"DurationSeconds"_s << u"43200"_s << true;
    QTest::addRow("duration 43201") << u"DurationSeconds"_s << u"43201"_s << false;
    QTest::addRow("external id 1 char") << u"ExternalId"_s << u"x"_s << false;
    QTest::addRow("external id with colon and slash") << u"ExternalId"_s << u"a:b/c"_s << true;
    QTest::addRow("external id 1225 chars") << u"ExternalId"_s << QString(1225, u'x') << false;
    QTest::addRow("external id with space") << u"ExternalId"_s << u"a b"_s << false;
    QTest::addRow("serial too short") << u"SerialNumber"_s << u"GAHT1234"_s << false;
    QTest::addRow("serial hardware") << u"SerialNumber"_s << u"GAHT12345678"_s << true;
    QTest::addRow("token code 5 digits") << u"TokenCode"_s << u"12345"_s << false;
    QTest::addRow("token code letters") << u"TokenCode"_s << u"12345a"_s << false;
    QTest::addRow("token code 6 digits") << u"TokenCode"_s << u"654321"_s << true;
    QTest::addRow("source identity aws: prefix") << u"SourceIdentity"_s << u"aws:alice"_s << false;
    QTest::addRow("source identity ok") << u"SourceIdentity"_s << u"alice"_s << true;
    QTest::addRow("policy 2048 chars") << u"Policy"_s << QString(2048, u'x') << true;
    QTest::addRow("policy 2049 chars") << u"Policy"_s << QString(2049, u'x') << false;
    QTest::addRow("policy control char") << u"Policy"_s << u"{\u0001}"_s << false;
    QTest::addRow("11 policy arns") << u"PolicyArns"_s << u"11"_s << false;
    QTest::addRow("10 policy arns") << u"PolicyArns"_s << u"10"_s << true;
    QTest::addRow("51 tags") << u"Tags"_s << u"51"_s << false;
    QTest::addRow("50 tags") << u"Tags"_s << u"50"_s << true;
    QTest::addRow("tag keys differing in case") << u"Tags"_s << u"case"_s << false;
    QTest::addRow("tag key 129 chars") << u"Tags"_s << u"longkey"_s << false;
    QTest::addRow("transitive key not a tag") << u"TransitiveTagKeys"_s << u"Other"_s << false;
    QTest::addRow("transitive key is a tag, other case") << u"TransitiveTagKeys"_s << u"project"_s << true;
}

void Tst_StsEncoding::assumeRoleLimits()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    AssumeRoleRequest r = validAssumeRole();
    if (field == "RoleSessionName"_L1) {
        r.roleSessionName = value;
    } else if (field == "RoleArn"_L1) {
        r.roleArn = value;
    } else if (field == "DurationSeconds"_L1) {
        r.durationSeconds = value.toInt();
    } else if (field == "ExternalId"_L1) {
        r.externalId = value;
    } else if (field == "SerialNumber"_L1) {
        r.serialNumber = value;
        r.tokenCode = SecureBytes(QByteArrayView("123456"));
    } else if (field == "TokenCode"_L1) {
        r.serialNumber = u"arn:aws:iam::123456789012:mfa/alice"_s;
        r.tokenCode = SecureBytes(value.toUtf8());
    } else if (field == "SourceIdentity"_L1) {
        r.sourceIdentity = value;
    } else if (field == "Policy"_L1) {
        r.policy = value;
    } else if (field == "PolicyArns"_L1) {
        for (int i = 0; i < value.toInt(); ++i)
            r.policyArns.append(u"arn:aws:iam::aws:policy/P%1"_s.arg(i));
    } else if (field == "Tags"_L1) {
        if (value == "case"_L1)
            r.tags = {{u"Department"_s, u"a"_s}, {u"department"_s, u"b"_s}};
        else if (value == "longkey"_L1)
            r.tags = {{QString(129, u'k'), u"v"_s}};
        else
            for (int i = 0; i < value.toInt(); ++i)
                r.tags.append({u"k%1"_s.arg(i), u"v"_s});
    } else if (field == "TransitiveTagKeys"_L1) {
        r.tags = {{u"Project"_s, u"Blue"_s}};
        r.transitiveTagKeys = {value};
    }
    const auto result = validate(r);
    QCOMPARE(result.ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().kind, Error::Kind::Validation);
        QCOMPARE(result.error().field, field);
    }
}

void Tst_StsEncoding::sessionTokenLimits_data()
{
    QTest::addColumn<int>("duration");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("badField");
    QTest::addRow("36 hours ok") << 129600 << QString() << QByteArray() << QString();
    QTest::addRow("over 36 hours") << 129601 << QString() << QByteArray() << u"DurationSeconds"_s;
    QTest::addRow("serial without code") << 3600 << u"arn:aws:iam::123456789012:mfa/a"_s << QByteArray()
                                         << u"TokenCode"_s;
    QTest::addRow("code without serial") << 3600 << QString() << QByteArray("123456") << u"SerialNumber"_s;
    QTest::addRow("mfa ok") << 3600 << u"arn:aws:iam::123456789012:mfa/a"_s << QByteArray("123456") << QString();
}

void Tst_StsEncoding::sessionTokenLimits()
{
    QFETCH(int, duration);
    QFETCH(QString, serial);
    QFETCH(QByteArray, code);
    QFETCH(QString, badField);
    GetSessionTokenRequest r;
    r.durationSeconds = duration;
    r.serialNumber = serial;
    r.tokenCode = SecureBytes(code);
    const auto result = validate(r);
    QCOMPARE(result.ok(), badField.isEmpty());
    if (!result.ok())
        QCOMPARE(result.error().field, badField);
}

void Tst_StsEncoding::otherLimits()
{
    GetFederationTokenRequest fed;
    fed.name = u"b"_s;
    QCOMPARE(validate(fed).error().field, u"Name"_s);
    fed.name = QString(33, u'b');
    QCOMPARE(validate(fed).error().field, u"Name"_s);
    fed.name = QString(32, u'b');
    QVERIFY(validate(fed).ok());
    fed.durationSeconds = 129600;
    QVERIFY(validate(fed).ok());

    QCOMPARE(validate(DecodeAuthorizationMessageRequest {QString(10241, u'x')}).error().field, u"EncodedMessage"_s);
    QVERIFY(validate(DecodeAuthorizationMessageRequest {QString(10240, u'x')}).ok());
    QCOMPARE(validate(DecodeAuthorizationMessageRequest {}).error().field, u"EncodedMessage"_s);
    QCOMPARE(validate(GetAccessKeyInfoRequest {u"AKIA-short"_s}).error().field, u"AccessKeyId"_s);

    AssumeRoleWithWebIdentityRequest web;
    web.roleArn = u"arn:aws:iam::123456789012:role/Web"_s;
    web.roleSessionName = u"ci"_s;
    web.webIdentityToken = SecureBytes(QByteArray(20001, 'x'));
    QCOMPARE(validate(web).error().field, u"WebIdentityToken"_s);
    web.webIdentityToken = SecureBytes(QByteArray(20000, 'x'));
    QVERIFY(validate(web).ok());

    AssumeRoleWithSamlRequest saml;
    saml.roleArn = u"arn:aws:iam::123456789012:role/Saml"_s;
    saml.principalArn = u"arn:aws:iam::123456789012:saml-provider/Okta"_s;
    QCOMPARE(validate(saml).error().field, u"SAMLAssertion"_s);
    saml.samlAssertion = SecureBytes(QByteArray(100001, 'x'));
    QCOMPARE(validate(saml).error().field, u"SAMLAssertion"_s);
    saml.samlAssertion = SecureBytes(QByteArray(100000, 'x'));
    saml.durationSeconds = 43201;
    QCOMPARE(validate(saml).error().field, u"DurationSeconds"_s);

    QVERIFY(isValidRoleSessionName(u"rolecall-alice"_s));
    QVERIFY(!isValidRoleSessionName(u"rolecall alice"_s));
}

void Tst_StsEncoding::validationErrorNamesFieldAndAction()
{
    AssumeRoleRequest r = validAssumeRole();
    r.roleSessionName = u"has space"_s;
    r.tokenCode = SecureBytes(QByteArrayView("987654"));
    const auto result = validate(r);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(u"AssumeRole"_s));
    QVERIFY(result.error().message.contains(u"RoleSessionName"_s));
    QVERIFY(result.error().message.contains(u"Nothing was sent"_s));
    QVERIFY(!result.error().message.contains(u"987654"_s));
}

QTEST_GUILESS_MAIN(Tst_StsEncoding)
#include "tst_stsencoding.moc"
