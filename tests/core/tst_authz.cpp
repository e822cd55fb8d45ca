// SPDX-License-Identifier: Apache-2.0
#include "authz/authorizationmessage.h"
#include "sts/stsparsing.h"
#include "testenv.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Authz;

class Tst_Authz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extractsTheBlob_data();
    void extractsTheBlob();
    void explicitDeny();
    void implicitDenyAndAllowed();
    void malformedJsonIsAParseError();
    void summaryIsReadable();
};

void Tst_Authz::extractsTheBlob_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("blob");
    const QString blob = u"qXOBX3hT9Yxw-uKz_AbC+def/GhI=="_s;
    QTest::addRow("bare") << blob << blob;
    QTest::addRow("cli error line")
        << u"An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not "
           "authorized to perform this operation. Encoded authorization failure message: "_s
            + blob
        << blob;
    QTest::addRow("prefix any case, quoted, trailing period")
        << u"ENCODED AUTHORIZATION FAILURE MESSAGE: \""_s + blob + u"\"."_s << blob;
    QTest::addRow("surrounding whitespace and newline")
        << u"\n  Encoded authorization failure message:\n"_s + blob + u"\n"_s << blob;
    QTest::addRow("nothing") << u"  "_s << QString();
}

void Tst_Authz::extractsTheBlob()
{
    QFETCH(QString, text);
    QFETCH(QString, blob);
    QCOMPARE(extractEncodedMessage(text), blob);
}

void Tst_Authz::explicitDeny()
{
    QFile file(Rolecall::Test::testDataPath(u"sts/DecodeAuthorizationMessage.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto decoded = Sts::parseDecodeAuthorizationMessageResponse(file.readAll());
    QVERIFY(decoded.ok());
    const auto m = parseAuthorizationMessage(decoded->decodedMessage);
    QVERIFY(m.ok());
    QCOMPARE(m->verdict(), AuthorizationMessage::Verdict::ExplicitDeny);
    QVERIFY(m->verdictText().contains(u"Explicit deny"_s));
    QCOMPARE(m->principalArn, u"arn:aws:sts::123456789012:assumed-role/Dev/alice"_s);
    QCOMPARE(m->principalId, u"AROAEXAMPLE:alice"_s);
    QCOMPARE(m->action, u"ec2:RunInstances"_s);
    QCOMPARE(m->resource, u"arn:aws:ec2:us-east-1:123456789012:instance/*"_s);
    QCOMPARE(m->matchedStatements.size(), 1);
    QCOMPARE(m->matchedStatements.first().statementId, u"DenyRunInstances"_s);
    QCOMPARE(m->matchedStatements.first().effect, u"DENY"_s);
    QCOMPARE(m->matchedStatements.first().actions, QStringList {u"ec2:RunInstances"_s});
    QCOMPARE(m->matchedStatements.first().principals, QStringList {u"AROAEXAMPLE"_s});
    QCOMPARE(m->conditions.size(), 2);
    QCOMPARE(m->conditionValues(u"EC2:REGION"_s), QStringList {u"us-east-1"_s});
    QCOMPARE(m->conditionValues(u"aws:username"_s), QStringList {u"alice"_s});
    QVERIFY(m->prettyJson.contains(u"\n"_s));
}

void Tst_Authz::implicitDenyAndAllowed()
{
    auto m = parseAuthorizationMessage(
        uR"({"allowed":false,"explicitDeny":false,"matchedStatements":{"items":[]},"failures":{"items":[]},)"
        uR"("context":{"principal":{"id":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/bob"},)"
        uR"("action":"s3:GetObject","resource":"arn:aws:s3:::bucket/key","conditions":{"items":[]}}})"_s);
    QVERIFY(m.ok());
    QCOMPARE(m->verdict(), AuthorizationMessage::Verdict::ImplicitDeny);
    QVERIFY(m->matchedStatements.isEmpty());
    m = parseAuthorizationMessage(uR"({"allowed":true,"explicitDeny":false,"context":{}})"_s);
    QVERIFY(m.ok());
    QCOMPARE(m->verdict(), AuthorizationMessage::Verdict::Allowed);
}

void Tst_Authz::malformedJsonIsAParseError()
{
    const auto m = parseAuthorizationMessage(u"{\"allowed\": tru"_s);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().kind, Error::Kind::Parse);
    QVERIFY(!parseAuthorizationMessage(u"[1,2]"_s).ok());
}

void Tst_Authz::summaryIsReadable()
{
    QFile file(Rolecall::Test::testDataPath(u"sts/DecodeAuthorizationMessage.xml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto m
        = parseAuthorizationMessage(Sts::parseDecodeAuthorizationMessageResponse(file.readAll())->decodedMessage);
    const QString summary = formatSummary(m.value());
    QVERIFY(summary.startsWith(u"Explicit deny"_s));
    QVERIFY(summary.contains(u"Action:    ec2:RunInstances"_s));
    QVERIFY(summary.contains(u"DENY (DenyRunInstances): ec2:RunInstances on *"_s));
    QVERIFY(summary.contains(u"ec2:Region    us-east-1"_s));
}

QTEST_GUILESS_MAIN(Tst_Authz)
#include "tst_authz.moc"
