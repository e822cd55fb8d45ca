// SPDX-License-Identifier: Apache-2.0
#include "console/federation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Console;

namespace {

AwsCredentials roleCredentials(AwsCredentials::Origin origin = AwsCredentials::Origin::AssumedRole)
{
    AwsCredentials c;
    c.accessKeyId = u"ASIAIOSFODNN7EXAMPLE"_s;
    c.secretAccessKey = SecureBytes(QByteArrayView("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    c.sessionToken = SecureBytes(QByteArrayView("IQoJb3JpZ2luX2VjEXAMPLE+/="));
    c.origin = origin;
    return c;
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

class Tst_Console : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signinTokenUrlCarriesTheSession();
    void sessionDurationOnlyForRoles();
    void refusesCredentialsTheConsoleRejects_data();
    void refusesCredentialsTheConsoleRejects();
    void roleChainingLimitsConsoleSession();
    void destinationsPerPartition_data();
    void destinationsPerPartition();
    void loginUrlEncodesEverything();
    void logoutFirstUrl();
    void federationEndpointOverrides();
    void parsesSigninToken();
};

void Tst_Console::signinTokenUrlCarriesTheSession()
{
    SigninRequest request;
    request.credentials = roleCredentials();
    const QUrl url = signinTokenUrl(QUrl(u"https://signin.aws.amazon.com/federation"_s), request);
    QCOMPARE(url.host(), u"signin.aws.amazon.com"_s);
    QCOMPARE(queryValue(url, u"Action"_s), u"getSigninToken"_s);
    // '+' must be percent-encoded on the wire, or the endpoint would read a space.
    QVERIFY(!url.query(QUrl::FullyEncoded).contains(u'+'));
    const QJsonObject session = QJsonDocument::fromJson(queryValue(url, u"Session"_s).toUtf8()).object();
    QCOMPARE(session.value(u"sessionId"_s).toString(), u"ASIAIOSFODNN7EXAMPLE"_s);
    QCOMPARE(session.value(u"sessionKey"_s).toString(), u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
    QCOMPARE(session.value(u"sessionToken"_s).toString(), u"IQoJb3JpZ2luX2VjEXAMPLE+/="_s);
}

void Tst_Console::sessionDurationOnlyForRoles()
{
    SigninRequest request;
    request.credentials = roleCredentials();
    request.sessionDurationSeconds = 7200;
    const QUrl federation(u"https://signin.aws.amazon.com/federation"_s);
    QCOMPARE(queryValue(signinTokenUrl(federation, request), u"SessionDuration"_s), u"7200"_s);
    request.credentials.origin = AwsCredentials::Origin::FederationToken;
    QVERIFY(!QUrlQuery(signinTokenUrl(federation, request)).hasQueryItem(u"SessionDuration"_s));
}

void Tst_Console::refusesCredentialsTheConsoleRejects_data()
{
    QTest::addColumn<int>("origin");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("assumed role") << int(AwsCredentials::Origin::AssumedRole) << true << true;
    QTest::addRow("federation token") << int(AwsCredentials::Origin::FederationToken) << true << true;
    QTest::addRow("unknown temporary (environment)") << int(AwsCredentials::Origin::Unknown) << true << true;
    QTest::addRow("session token") << int(AwsCredentials::Origin::SessionToken) << true << false;
    QTest::addRow("long-term keys") << int(AwsCredentials::Origin::LongTerm) << false << false;
    QTest::addRow("keys without token") << int(AwsCredentials::Origin::Unknown) << false << false;
}

void Tst_Console::refusesCredentialsTheConsoleRejects()
{
    QFETCH(int, origin);
    QFETCH(bool, withToken);
    QFETCH(bool, accepted);
    AwsCredentials c = roleCredentials(static_cast<AwsCredentials::Origin>(origin));
    if (!withToken)
        c.sessionToken.clear();
    const auto result = checkCredentials(c);
    QCOMPARE(result.ok(), accepted);
    if (!accepted) {
        QCOMPARE(result.error().kind, Error::Kind::Config);
        QVERIFY(!result.error().message.contains(u"wJalrXUtnFEMI"_s));
    }
}

void Tst_Console::roleChainingLimitsConsoleSession()
{
    SigninRequest request;
    request.credentials = roleCredentials();
    request.roleChained = true;
    request.sessionDurationSeconds = 3600;
    QVERIFY(validate(request).ok());
    request.sessionDurationSeconds = 3601;
    QCOMPARE(validate(request).error().field, u"SessionDuration"_s);
    request.roleChained = false;
    request.sessionDurationSeconds = 43200;
    QVERIFY(validate(request).ok());
    request.sessionDurationSeconds = 43201;
    QCOMPARE(validate(request).error().kind, Error::Kind::Validation);
    request.sessionDurationSeconds = 899;
    QCOMPARE(validate(request).error().kind, Error::Kind::Validation);
}

void Tst_Console::destinationsPerPartition_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("expected");
    QTest::addRow("aws home") << u"aws"_s << QString() << QString() << u"https://console.aws.amazon.com/"_s;
    QTest::addRow("aws region") << u"aws"_s << u"eu-west-1"_s << QString()
                                << u"https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1"_s;
    QTest::addRow("aws service") << u"aws"_s << u"us-east-2"_s << u"ec2"_s
                                 << u"https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2"_s;
    QTest::addRow("aws service, no region")
        << u"aws"_s << QString() << u"iam"_s << u"https://console.aws.amazon.com/iam/home"_s;
    QTest::addRow("china home") << u"aws-cn"_s << QString() << QString() << u"https://console.amazonaws.cn/"_s;
    QTest::addRow("china region") << u"aws-cn"_s << u"cn-north-1"_s << QString()
                                  << u"https://console.amazonaws.cn/console/home?region=cn-north-1"_s;
    QTest::addRow("govcloud service") << u"aws-us-gov"_s << u"us-gov-west-1"_s << u"s3"_s
                                      << u"https://console.amazonaws-us-gov.com/s3/home?region=us-gov-west-1"_s;
}

void Tst_Console::destinationsPerPartition()
{
    QFETCH(QString, partition);
    QFETCH(QString, region);
    QFETCH(QString, service);
    QFETCH(QString, expected);
    Destination destination;
    destination.region = region;
    destination.service = service;
    const auto url = destinationUrl(partitionById(partition), destination);
    QVERIFY(url.ok());
    QCOMPARE(url->toString(), expected);
}

void Tst_Console::loginUrlEncodesEverything()
{
    const QUrl destination(u"https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1"_s);
    const QUrl url = loginUrl(QUrl(u"https://signin.aws.amazon.com/federation"_s), u"https://example.com/rolecall"_s,
        destination, SecureBytes(QByteArrayView("tok+en/=")));
    QCOMPARE(queryValue(url, u"Action"_s), u"login"_s);
    QCOMPARE(queryValue(url, u"Issuer"_s), u"https://example.com/rolecall"_s);
    QCOMPARE(queryValue(url, u"Destination"_s), destination.toString());
    QCOMPARE(queryValue(url, u"SigninToken"_s), u"tok+en/="_s);
    QVERIFY(url.toString(QUrl::FullyEncoded).contains(u"SigninToken=tok%2Ben%2F%3D"_s));

    Destination bad;
    bad.service = u"ec2?evil=1"_s;
    QCOMPARE(destinationUrl(partitionById(u"aws"_s), bad).error().kind, Error::Kind::Validation);
}

void Tst_Console::logoutFirstUrl()
{
    const QUrl next(u"https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc"_s);
    const QUrl url = logoutUrl(QUrl(u"https://signin.aws.amazon.com/federation"_s), next);
    QCOMPARE(url.path(), u"/oauth"_s);
    QCOMPARE(queryValue(url, u"Action"_s), u"logout"_s);
    QCOMPARE(queryValue(url, u"redirect_uri"_s), next.toString());
    const QUrl china = logoutUrl(QUrl(u"https://signin.amazonaws.cn/federation"_s), next);
    QCOMPARE(china.host(), u"signin.amazonaws.cn"_s);
}

void Tst_Console::federationEndpointOverrides()
{
    const QProcessEnvironment empty;
    QCOMPARE(federationEndpoint(partitionById(u"aws"_s), {}, empty)->toString(),
        u"https://signin.aws.amazon.com/federation"_s);
    QCOMPARE(federationEndpoint(partitionById(u"aws-cn"_s), {}, empty)->toString(),
        u"https://signin.amazonaws.cn/federation"_s);
    QCOMPARE(federationEndpoint(partitionById(u"aws-us-gov"_s), {}, empty)->toString(),
        u"https://signin.amazonaws-us-gov.com/federation"_s);
    QCOMPARE(federationEndpoint(partitionById(u"aws-iso"_s), {}, empty).error().kind, Error::Kind::Config);

    QProcessEnvironment env;
    env.insert(u"ROLECALL_FEDERATION_URL"_s, u"http://127.0.0.1:9999/federation"_s);
    QCOMPARE(federationEndpoint(partitionById(u"aws"_s), {}, env)->toString(), u"http://127.0.0.1:9999/federation"_s);
    // The setting wins over the environment.
    QCOMPARE(federationEndpoint(partitionById(u"aws"_s), u"https://signin.example.com/federation"_s, env)->host(),
        u"signin.example.com"_s);
    env.insert(u"ROLECALL_FEDERATION_URL"_s, u"http://signin.example.com/federation"_s);
    QCOMPARE(federationEndpoint(partitionById(u"aws"_s), {}, env).error().kind, Error::Kind::Config);
}

void Tst_Console::parsesSigninToken()
{
    const auto token = parseSigninTokenResponse(R"({"SigninToken":"VCQgs5qZZt3Q6fn8Tr5EXAMPLE"})");
    QVERIFY(token.ok());
    QCOMPARE(token->view(), QByteArrayView("VCQgs5qZZt3Q6fn8Tr5EXAMPLE"));
    QCOMPARE(parseSigninTokenResponse("<html>").error().kind, Error::Kind::Parse);
    QCOMPARE(parseSigninTokenResponse("{}").error().kind, Error::Kind::Parse);
}

QTEST_GUILESS_MAIN(Tst_Console)
#include "tst_console.moc"
