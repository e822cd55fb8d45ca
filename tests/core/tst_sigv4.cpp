// SPDX-License-Identifier: Apache-2.0
// SigV4 against the official AWS test suite (tests/data/aws-sigv4-testsuite.json) and against
// botocore's signer (tests/data/botocore-sigv4-vectors.json, from generate_botocore_vectors.py).
#include "sigv4/crypto.h"
#include "sigv4/sigv4.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace {

QJsonObject loadJson(const QString &name)
{
    QFile file(Rolecall::Test::testDataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The suite gives queries raw ("Param1=value1", "ሴ=bar"): split on & and =, no decoding needed.
QList<SigV4::QueryItem> parseRawQuery(const QByteArray &query)
{
    QList<SigV4::QueryItem> items;
    if (query.isEmpty())
        return items;
    for (const QByteArray &part : query.split('&')) {
        const qsizetype eq = part.indexOf('=');
        items.append(eq < 0 ? SigV4::QueryItem {part, {}} : SigV4::QueryItem {part.left(eq), part.mid(eq + 1)});
    }
    return items;
}

AwsCredentials suiteCredentials(const QJsonObject &config, bool withToken)
{
    AwsCredentials c;
    c.accessKeyId = config.value(u"access_key_id"_s).toString();
    c.secretAccessKey = SecureBytes(config.value(u"secret_access_key"_s).toString().toUtf8());
    if (withToken)
        c.sessionToken = SecureBytes(config.value(u"session_token"_s).toString().toUtf8());
    return c;
}

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC);
}

} // namespace

class Tst_SigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialSuite_data();
    void officialSuite();
    void stsTokenAddedAfterSigning();
    void matchesBotocore_data();
    void matchesBotocore();
    void presignMatchesBotocore_data();
    void presignMatchesBotocore();
    void uriEncodingFollowsRfc3986_data();
    void uriEncodingFollowsRfc3986();
    void canonicalQuerySortsEncodedPairs_data();
    void canonicalQuerySortsEncodedPairs();
    void canonicalHeadersFoldWhitespaceAndDuplicates();
    void amzDateFormatsAnyUtcTime_data();
    void amzDateFormatsAnyUtcTime();
    void signingKeyIsCachedPerScope();
    void derivedKeyMatchesAwsDocumentation();
    void signReplacesExistingDateAndAuthorization();
};

void Tst_SigV4::officialSuite_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonObject suite = loadJson(u"aws-sigv4-testsuite.json"_s);
    const QJsonArray cases = suite.value(u"cases"_s).toArray();
    QVERIFY(cases.size() >= 31);
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c.value(u"name"_s).toString())) << c;
    }
}

void Tst_SigV4::officialSuite()
{
    QFETCH(QJsonObject, testCase);
    const QJsonObject config = loadJson(u"aws-sigv4-testsuite.json"_s).value(u"config"_s).toObject();
    const QString name = testCase.value(u"name"_s).toString();
    const QJsonObject raw = testCase.value(u"request"_s).toObject();

    SigV4::Request request;
    request.method = raw.value(u"method"_s).toString().toUtf8();
    request.path = raw.value(u"path"_s).toString().toUtf8();
    request.query = parseRawQuery(raw.value(u"query"_s).toString().toUtf8());
    for (const QJsonValue &h : raw.value(u"headers"_s).toArray())
        request.headers.append({h[0].toString().toUtf8(), h[1].toString().toUtf8()});
    request.payload = raw.value(u"body"_s).toString().toUtf8();

    const QByteArray expectedCreq = testCase.value(u"creq"_s).toString().toUtf8();
    QCOMPARE(SigV4::canonicalRequest(request), expectedCreq);

    // Known-bad data in the suite: its string-to-sign does not hash its own canonical request.
    if (name.startsWith("post-x-www-form-urlencoded"_L1)) {
        QVERIFY(Crypto::toHex(Crypto::sha256(expectedCreq))
            != testCase.value(u"sts"_s).toString().toUtf8().split('\n').last());
        return;
    }

    const QByteArray amzDate = SigV4::formatAmzDate(suiteTime());
    const QByteArray scope = SigV4::credentialScope(amzDate.left(8), "us-east-1", "service");
    QCOMPARE(SigV4::stringToSign(amzDate, scope, expectedCreq), testCase.value(u"sts"_s).toString().toUtf8());

    const bool hasToken = !request.header("X-Amz-Security-Token").isEmpty();
    SigV4::sign(request, suiteCredentials(config, hasToken), {"us-east-1", "service", suiteTime(), true});
    QCOMPARE(request.header("Authorization"), testCase.value(u"authz"_s).toString().toUtf8());
}

void Tst_SigV4::stsTokenAddedAfterSigning()
{
    // post-sts-header-after: the token is sent but not signed.
    const QJsonObject suite = loadJson(u"aws-sigv4-testsuite.json"_s);
    QJsonObject after;
    for (const QJsonValue &v : suite.value(u"cases"_s).toArray()) {
        if (v[u"name"_s].toString() == "post-sts-header-after"_L1)
            after = v.toObject();
    }
    QVERIFY(!after.isEmpty());
    SigV4::Request request;
    request.method = "POST";
    request.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    SigV4::sign(request, suiteCredentials(suite.value(u"config"_s).toObject(), true),
        {"us-east-1", "service", suiteTime(), false});
    QCOMPARE(request.header("Authorization"), after.value(u"authz"_s).toString().toUtf8());
    QCOMPARE(request.header("X-Amz-Security-Token"),
        suite.value(u"config"_s).toObject().value(u"session_token"_s).toString().toUtf8());
}

void Tst_SigV4::matchesBotocore_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonObject vectors = loadJson(u"botocore-sigv4-vectors.json"_s);
    for (const QJsonValue &value : vectors.value(u"cases"_s).toArray()) {
        if (value[u"kind"_s].toString() == "header"_L1)
            QTest::newRow(qPrintable(value[u"name"_s].toString())) << value.toObject();
    }
}

void Tst_SigV4::matchesBotocore()
{
    QFETCH(QJsonObject, testCase);
    const QJsonObject vectors = loadJson(u"botocore-sigv4-vectors.json"_s);
    AwsCredentials credentials;
    credentials.accessKeyId = testCase.value(u"accessKeyId"_s).toString();
    credentials.secretAccessKey = SecureBytes(vectors.value(u"secretAccessKey"_s).toString().toUtf8());
    credentials.sessionToken = SecureBytes(testCase.value(u"sessionToken"_s).toString().toUtf8());

    SigV4::Request request;
    request.method = "POST";
    request.headers = {{"Host", testCase.value(u"host"_s).toString().toUtf8()},
        {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    request.payload = testCase.value(u"body"_s).toString().toUtf8();
    const QDateTime time(QDate(2026, 11, 23), QTime(12, 34, 56), Qt::UTC);
    SigV4::SigningKeyCache cache;
    SigV4::sign(request, credentials, {testCase.value(u"region"_s).toString().toUtf8(), "sts", time, true}, &cache);
    QCOMPARE(request.header("X-Amz-Date"), testCase.value(u"amzDate"_s).toString().toUtf8());
    QCOMPARE(request.header("Authorization"), testCase.value(u"authorization"_s).toString().toUtf8());
}

void Tst_SigV4::presignMatchesBotocore_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonObject vectors = loadJson(u"botocore-sigv4-vectors.json"_s);
    for (const QJsonValue &value : vectors.value(u"cases"_s).toArray()) {
        if (value[u"kind"_s].toString() == "query"_L1)
            QTest::newRow(qPrintable(value[u"name"_s].toString())) << value.toObject();
    }
}

void Tst_SigV4::presignMatchesBotocore()
{
    QFETCH(QJsonObject, testCase);
    const QJsonObject vectors = loadJson(u"botocore-sigv4-vectors.json"_s);
    AwsCredentials credentials;
    credentials.accessKeyId = testCase.value(u"accessKeyId"_s).toString();
    credentials.secretAccessKey = SecureBytes(vectors.value(u"secretAccessKey"_s).toString().toUtf8());
    credentials.sessionToken = SecureBytes(testCase.value(u"sessionToken"_s).toString().toUtf8());

    SigV4::Request request;
    request.method = "GET";
    request.headers = {{"Host", testCase.value(u"host"_s).toString().toUtf8()}};
    request.query = parseRawQuery(testCase.value(u"query"_s).toString().toUtf8());
    const QDateTime time(QDate(2026, 11, 23), QTime(12, 34, 56), Qt::UTC);
    SigV4::presign(request, credentials, {testCase.value(u"region"_s).toString().toUtf8(), "sts", time, true},
        testCase.value(u"expires"_s).toInt());
    const QByteArray url = "https://" + request.header("Host") + request.encodedPath() + '?' + request.encodedQuery();
    QCOMPARE(url, testCase.value(u"url"_s).toString().toUtf8());
}

void Tst_SigV4::uriEncodingFollowsRfc3986_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepSlash");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("unreserved") << QByteArray("AZaz09-._~") << false << QByteArray("AZaz09-._~");
    QTest::newRow("space is %20, not +") << QByteArray("a b") << false << QByteArray("a%20b");
    QTest::addRow("plus, slash, equals") << QByteArray("+/=") << false << QByteArray("%2B%2F%3D");
    QTest::addRow("slash kept in paths") << QByteArray("/a b/c") << true << QByteArray("/a%20b/c");
    QTest::addRow("utf-8 upper-case hex") << QByteArray("\xe1\x88\xb4") << false << QByteArray("%E1%88%B4");
    QTest::addRow("colon and asterisk") << QByteArray("arn:aws:*") << false << QByteArray("arn%3Aaws%3A%2A");
    QTest::addRow("empty") << QByteArray() << false << QByteArray();
}

void Tst_SigV4::uriEncodingFollowsRfc3986()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepSlash);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::uriEncode(input, keepSlash), expected);
}

void Tst_SigV4::canonicalQuerySortsEncodedPairs_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("empty value keeps =") << QByteArray("b=&a") << QByteArray("a=&b=");
    QTest::addRow("repeated keys by value") << QByteArray("k=2&k=10&k=1") << QByteArray("k=1&k=10&k=2");
    QTest::addRow("upper before lower") << QByteArray("b=1&B=2&a=3") << QByteArray("B=2&a=3&b=1");
    QTest::addRow("encoded before sorting") << QByteArray("a b=1&a+b=2") << QByteArray("a%20b=1&a%2Bb=2");
}

void Tst_SigV4::canonicalQuerySortsEncodedPairs()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::canonicalQuery(parseRawQuery(raw)), expected);
}

void Tst_SigV4::canonicalHeadersFoldWhitespaceAndDuplicates()
{
    const SigV4::CanonicalHeaders headers = SigV4::canonicalHeaders({
        {"X-Amz-Date", "20150830T123600Z"},
        {"Host", "  example.amazonaws.com  "},
        {"My-Header", "a   b\t c"},
        {"my-header", "second"},
        {"Empty", ""},
    });
    QCOMPARE(headers.canonical,
        QByteArray("empty:\nhost:example.amazonaws.com\nmy-header:a b c,second\n"
                   "x-amz-date:20150830T123600Z\n"));
    QCOMPARE(headers.signedNames, QByteArray("empty;host;my-header;x-amz-date"));
}

void Tst_SigV4::amzDateFormatsAnyUtcTime_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("suite") << suiteTime() << QByteArray("20150830T123600Z");
    QTest::addRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC)
                              << QByteArray("20240229T235959Z");
    QTest::addRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC) << QByteArray("19700101T000000Z");
    QTest::addRow("local time is converted")
        << QDateTime(QDate(2026, 1, 1), QTime(1, 0), Qt::OffsetFromUTC, 3600) << QByteArray("20260101T000000Z");
    QTest::addRow("year 2100") << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC) << QByteArray("21000301T000000Z");
}

void Tst_SigV4::amzDateFormatsAnyUtcTime()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4::formatAmzDate(time), expected);
}

void Tst_SigV4::signingKeyIsCachedPerScope()
{
    SigV4::SigningKeyCache cache;
    const SecureBytes secret(QByteArrayView("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    const SecureBytes other(QByteArrayView("another/secret/EXAMPLEKEY"));
    const auto first = cache.key(secret, "20150830", "us-east-1", "sts");
    QCOMPARE(cache.key(secret, "20150830", "us-east-1", "sts"), first);
    QCOMPARE(cache.derivations(), 1);
    QVERIFY(cache.key(secret, "20150831", "us-east-1", "sts") != first);
    QVERIFY(cache.key(secret, "20150830", "eu-west-1", "sts") != first);
    QVERIFY(cache.key(secret, "20150830", "us-east-1", "iam") != first);
    QVERIFY(cache.key(other, "20150830", "us-east-1", "sts") != first);
    QCOMPARE(cache.derivations(), 5);
    QCOMPARE(cache.size(), 5);
    for (int day = 0; day < 20; ++day)
        (void)cache.key(secret, QByteArray(QByteArray("201509") + QByteArray::number(10 + day)), "us-east-1", "sts");
    QCOMPARE(cache.size(), 8); // bounded

    // A cached key signs exactly like a freshly derived one.
    const Crypto::Digest a = cache.key(secret, "20150830", "us-east-1", "sts")->mac("message");
    const Crypto::Digest b = SigV4::deriveSigningKey(secret, "20150830", "us-east-1", "sts")->mac("message");
    QCOMPARE(Crypto::toHex(a), Crypto::toHex(b));
}

void Tst_SigV4::derivedKeyMatchesAwsDocumentation()
{
    // The AWS General Reference's worked example ("Examples of how to derive a signing key"):
    // secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20120215, us-east-1, iam.
    const QByteArray expected = "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d";
    const SecureBytes secret(QByteArrayView("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    Crypto::Digest kDate = Crypto::hmacSha256("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215");
    Crypto::Digest kRegion = Crypto::hmacSha256(QByteArrayView(kDate.data(), 32), "us-east-1");
    Crypto::Digest kService = Crypto::hmacSha256(QByteArrayView(kRegion.data(), 32), "iam");
    Crypto::Digest kSigning = Crypto::hmacSha256(QByteArrayView(kService.data(), 32), "aws4_request");
    QCOMPARE(Crypto::toHex(kSigning), expected);
    // And the KeyedHmac built from the derived key behaves like HMAC with that key.
    QCOMPARE(Crypto::toHex(SigV4::deriveSigningKey(secret, "20120215", "us-east-1", "iam")->mac("x")),
        Crypto::toHex(Crypto::hmacSha256(QByteArrayView(kSigning.data(), 32), "x")));
    // HMAC with a key longer than the block size (RFC 4231 test case 6).
    const QByteArray longKey(131, '\xaa');
    QCOMPARE(Crypto::toHex(Crypto::hmacSha256(longKey, "Test Using Larger Than Block-Size Key - Hash Key First")),
        QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
}

void Tst_SigV4::signReplacesExistingDateAndAuthorization()
{
    AwsCredentials credentials;
    credentials.accessKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
    credentials.secretAccessKey = SecureBytes(QByteArrayView("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    SigV4::Request request;
    request.method = "POST";
    request.headers = {{"Host", "sts.amazonaws.com"}, {"x-amz-date", "19990101T000000Z"}, {"Authorization", "old"}};
    SigV4::sign(request, credentials, {"us-east-1", "sts", suiteTime(), true});
    const QByteArray first = request.header("Authorization");
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20150830T123600Z"));
    // Re-signing (a retry) gives one Date and one Authorization, and the same signature.
    SigV4::sign(request, credentials, {"us-east-1", "sts", suiteTime(), true});
    QCOMPARE(request.header("Authorization"), first);
    int dates = 0;
    int authorizations = 0;
    for (const SigV4::Header &h : request.headers) {
        dates += h.name.compare("x-amz-date", Qt::CaseInsensitive) == 0;
        authorizations += h.name.compare("authorization", Qt::CaseInsensitive) == 0;
    }
    QCOMPARE(dates, 1);
    QCOMPARE(authorizations, 1);
    QVERIFY2(first.contains("SignedHeaders=host;x-amz-date,"), first.constData());
}

QTEST_GUILESS_MAIN(Tst_SigV4)
#include "tst_sigv4.moc"
