// SPDX-License-Identifier: Apache-2.0
#include "endpoints/endpointresolver.h"
#include "endpoints/partitions.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

class Tst_Endpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesBotocore_data();
    void matchesBotocore();
    void noRegionUsesGlobalEndpoint();
    void overridesFollowPrecedence_data();
    void overridesFollowPrecedence();
    void ignoreConfiguredUrlsKeepsExplicit();
    void signingRegionFollowsCustomEndpoint_data();
    void signingRegionFollowsCustomEndpoint();
    void plainHttpOnlyToLoopback_data();
    void plainHttpOnlyToLoopback();
    void environmentIsRead();
    void invalidRegionIsRefused();
    void partitionsByRegionAndArn_data();
    void partitionsByRegionAndArn();
};

void Tst_Endpoints::matchesBotocore_data()
{
    QTest::addColumn<QJsonObject>("c");
    QFile file(Rolecall::Test::testDataPath(u"botocore-sts-endpoints.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(u"cases"_s).toArray();
    QVERIFY(cases.size() >= 100);
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        const QString name
            = u"%1%2%3%4"_s.arg(c[u"region"_s].toString(), c[u"legacy"_s].toBool() ? u" legacy"_s : u""_s,
                c[u"fips"_s].toBool() ? u" fips"_s : u""_s, c[u"dualstack"_s].toBool() ? u" dualstack"_s : u""_s);
        QTest::newRow(qPrintable(name)) << c;
    }
}

void Tst_Endpoints::matchesBotocore()
{
    QFETCH(QJsonObject, c);
    EndpointSettings settings;
    settings.region = c[u"region"_s].toString();
    settings.legacyGlobalEndpoint = c[u"legacy"_s].toBool();
    settings.useFips = c[u"fips"_s].toBool();
    settings.useDualStack = c[u"dualstack"_s].toBool();
    const auto endpoint = resolveStsEndpoint(settings);
    QVERIFY2(endpoint.ok(), qPrintable(endpoint.ok() ? QString() : endpoint.error().message));
    QCOMPARE(endpoint->url.toString(), c[u"url"_s].toString());
    QCOMPARE(endpoint->signingRegion, c[u"signingRegion"_s].toString());
}

void Tst_Endpoints::noRegionUsesGlobalEndpoint()
{
    const auto endpoint = resolveStsEndpoint({});
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint->url.toString(), u"https://sts.amazonaws.com/"_s);
    QCOMPARE(endpoint->signingRegion, u"us-east-1"_s);
    QCOMPARE(endpoint->partition, u"aws"_s);
}

void Tst_Endpoints::overridesFollowPrecedence_data()
{
    QTest::addColumn<QStringList>("urls"); // explicit, env sts, env general, services, endpoint_url
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("source");
    QTest::addRow("explicit wins") << QStringList {u"https://a.example/"_s, u"https://b.example/"_s,
        u"https://c.example/"_s, u"https://d.example/"_s, u"https://e.example/"_s}
                                   << u"https://a.example/"_s << u"explicit"_s;
    QTest::addRow("AWS_ENDPOINT_URL_STS next") << QStringList {{}, u"https://b.example/"_s, u"https://c.example/"_s,
        u"https://d.example/"_s, u"https://e.example/"_s}
                                               << u"https://b.example/"_s << u"AWS_ENDPOINT_URL_STS"_s;
    QTest::addRow("AWS_ENDPOINT_URL next")
        << QStringList {{}, {}, u"https://c.example/"_s, u"https://d.example/"_s, u"https://e.example/"_s}
        << u"https://c.example/"_s << u"AWS_ENDPOINT_URL"_s;
    QTest::addRow("services section next") << QStringList {{}, {}, {}, u"https://d.example/"_s, u"https://e.example/"_s}
                                           << u"https://d.example/"_s << u"services"_s;
    QTest::addRow("profile endpoint_url last")
        << QStringList {{}, {}, {}, {}, u"https://e.example"_s} << u"https://e.example/"_s << u"endpoint_url"_s;
    QTest::addRow("none: regional") << QStringList {{}, {}, {}, {}, {}} << u"https://sts.eu-west-1.amazonaws.com/"_s
                                    << u"regional"_s;
}

void Tst_Endpoints::overridesFollowPrecedence()
{
    QFETCH(QStringList, urls);
    QFETCH(QString, expected);
    QFETCH(QString, source);
    EndpointSettings settings;
    settings.region = u"eu-west-1"_s;
    settings.explicitUrl = urls.at(0);
    settings.envStsUrl = urls.at(1);
    settings.envUrl = urls.at(2);
    settings.configServiceUrl = urls.at(3);
    settings.configUrl = urls.at(4);
    const auto endpoint = resolveStsEndpoint(settings);
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint->url.toString(), expected);
    QCOMPARE(endpoint->source, source);
}

void Tst_Endpoints::ignoreConfiguredUrlsKeepsExplicit()
{
    EndpointSettings settings;
    settings.region = u"us-west-2"_s;
    settings.envStsUrl = u"https://b.example/"_s;
    settings.configUrl = u"https://e.example/"_s;
    settings.ignoreConfiguredUrls = true;
    QCOMPARE(resolveStsEndpoint(settings)->url.toString(), u"https://sts.us-west-2.amazonaws.com/"_s);
    settings.explicitUrl = u"https://a.example/"_s;
    QCOMPARE(resolveStsEndpoint(settings)->url.toString(), u"https://a.example/"_s);
}

void Tst_Endpoints::signingRegionFollowsCustomEndpoint_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("signingRegion");
    QTest::addRow("regional host") << u"https://sts.eu-central-1.amazonaws.com"_s << u"us-east-1"_s
                                   << u"eu-central-1"_s;
    QTest::addRow("global host") << u"https://sts.amazonaws.com"_s << u"eu-west-1"_s << u"us-east-1"_s;
    QTest::addRow("fips host") << u"https://sts-fips.us-east-2.amazonaws.com"_s << QString() << u"us-east-2"_s;
    QTest::addRow("china host") << u"https://sts.cn-north-1.amazonaws.com.cn"_s << QString() << u"cn-north-1"_s;
    QTest::addRow("dual-stack host") << u"https://sts.ap-south-1.api.aws"_s << QString() << u"ap-south-1"_s;
    QTest::addRow("vpc endpoint uses profile region")
        << u"https://vpce-1a2b.sts.us-west-2.vpce.amazonaws.com"_s << u"us-west-2"_s << u"us-west-2"_s;
    QTest::addRow("loopback without region") << u"http://127.0.0.1:5000"_s << QString() << u"us-east-1"_s;
}

void Tst_Endpoints::signingRegionFollowsCustomEndpoint()
{
    QFETCH(QString, url);
    QFETCH(QString, region);
    QFETCH(QString, signingRegion);
    EndpointSettings settings;
    settings.region = region;
    settings.explicitUrl = url;
    const auto endpoint = resolveStsEndpoint(settings);
    QVERIFY(endpoint.ok());
    QCOMPARE(endpoint->signingRegion, signingRegion);
}

void Tst_Endpoints::plainHttpOnlyToLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("https anywhere") << u"https://sts.example.com"_s << true;
    QTest::addRow("http localhost") << u"http://localhost:4566"_s << true;
    QTest::addRow("http 127.0.0.1") << u"http://127.0.0.1:5000/"_s << true;
    QTest::addRow("http 127.8.9.10") << u"http://127.8.9.10/"_s << true;
    QTest::addRow("http ::1") << u"http://[::1]:5000/"_s << true;
    QTest::addRow("http remote host") << u"http://sts.example.com"_s << false;
    QTest::addRow("http private address") << u"http://10.0.0.5"_s << false;
    QTest::addRow("http localhost lookalike") << u"http://localhost.example.com"_s << false;
    QTest::addRow("ftp") << u"ftp://127.0.0.1"_s << false;
    QTest::addRow("no host") << u"https://"_s << false;
    QTest::addRow("garbage") << u"not a url"_s << false;
}

void Tst_Endpoints::plainHttpOnlyToLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    EndpointSettings settings;
    settings.explicitUrl = url;
    const auto endpoint = resolveStsEndpoint(settings);
    QCOMPARE(endpoint.ok(), accepted);
    if (!accepted) {
        QCOMPARE(endpoint.error().kind, Error::Kind::Config);
        QVERIFY(!endpoint.error().message.isEmpty());
    }
}

void Tst_Endpoints::environmentIsRead()
{
    QProcessEnvironment env;
    env.insert(u"AWS_ENDPOINT_URL_STS"_s, u"https://sts.internal.example"_s);
    env.insert(u"AWS_ENDPOINT_URL"_s, u"https://all.internal.example"_s);
    env.insert(u"AWS_USE_FIPS_ENDPOINT"_s, u"TRUE"_s);
    env.insert(u"AWS_USE_DUALSTACK_ENDPOINT"_s, u"false"_s);
    env.insert(u"AWS_STS_REGIONAL_ENDPOINTS"_s, u"legacy"_s);
    env.insert(u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, u"true"_s);
    EndpointSettings settings;
    settings.useDualStack = true;
    settings.applyEnvironment(env);
    QCOMPARE(settings.envStsUrl, u"https://sts.internal.example"_s);
    QCOMPARE(settings.envUrl, u"https://all.internal.example"_s);
    QVERIFY(settings.useFips);
    QVERIFY(!settings.useDualStack);
    QVERIFY(settings.legacyGlobalEndpoint);
    QVERIFY(settings.ignoreConfiguredUrls);
    QVERIFY(!parseAwsBool(u"yes"_s));
    QVERIFY(parseAwsBool(u"maybe"_s, true));
}

void Tst_Endpoints::invalidRegionIsRefused()
{
    EndpointSettings settings;
    settings.region = u"us east 1"_s;
    const auto endpoint = resolveStsEndpoint(settings);
    QVERIFY(!endpoint.ok());
    QVERIFY(endpoint.error().message.contains(u"us east 1"_s));
}

void Tst_Endpoints::partitionsByRegionAndArn_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("partition");
    QTest::addRow("aws") << u"eu-south-2"_s << u"aws"_s;
    QTest::addRow("china") << u"cn-northwest-1"_s << u"aws-cn"_s;
    QTest::addRow("govcloud") << u"us-gov-east-1"_s << u"aws-us-gov"_s;
    QTest::addRow("iso") << u"us-iso-west-1"_s << u"aws-iso"_s;
    QTest::addRow("iso-b") << u"us-isob-east-1"_s << u"aws-iso-b"_s;
    QTest::addRow("unknown falls back to aws") << u"xx-moon-1"_s << u"aws"_s;
}

void Tst_Endpoints::partitionsByRegionAndArn()
{
    QFETCH(QString, region);
    QFETCH(QString, partition);
    QCOMPARE(partitionForRegion(region).id, partition);
    const QString arn = u"arn:%1:iam::123456789012:role/Admin"_s.arg(partition);
    QCOMPARE(partitionForArn(arn).id, partition);
    QVERIFY(!partitionForArn(u"not-an-arn"_s).isValid());
}

QTEST_GUILESS_MAIN(Tst_Endpoints)
#include "tst_endpoints.moc"
