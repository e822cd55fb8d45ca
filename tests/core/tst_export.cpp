// SPDX-License-Identifier: Apache-2.0
#include "export/exporter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Export;

namespace {

AwsCredentials temporary()
{
    AwsCredentials c;
    c.accessKeyId = u"ASIAIOSFODNN7EXAMPLE"_s;
    c.secretAccessKey = SecureBytes(QByteArrayView("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    c.sessionToken = SecureBytes(QByteArrayView("IQoJb3JpZ2luX2VjEXAMPLE+/=="));
    c.expiration = QDateTime(QDate(2026, 11, 23), QTime(18, 0), Qt::UTC);
    c.origin = AwsCredentials::Origin::AssumedRole;
    return c;
}

QString text(const SecureBytes &bytes)
{
    return QString::fromUtf8(bytes.view());
}

} // namespace

class Tst_Export : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNamesRoundTrip();
    void envIsEvaluatedBySh();
    void envUnsetsStaleTokenForLongTermKeys();
    void shellQuoteSurvivesHostileValues_data();
    void shellQuoteSurvivesHostileValues();
    void processIsCredentialProcessVersion1();
    void jsonAndIni();
    void otherShells();
};

void Tst_Export::formatNamesRoundTrip()
{
    QCOMPARE(formatNames().size(), 8);
    for (const QString &name : formatNames()) {
        const auto format = formatFromName(name);
        QVERIFY(format.has_value());
        QCOMPARE(formatName(*format), name);
        QVERIFY(!formatTitle(*format).isEmpty());
    }
    QCOMPARE(formatFromName(u"BASH"_s), std::optional<Format>(Format::Env));
    QVERIFY(!formatFromName(u"yaml"_s).has_value());
}

void Tst_Export::envIsEvaluatedBySh()
{
    Options options;
    options.region = u"eu-west-1"_s;
    const SecureBytes script = render(temporary(), Format::Env, options);
    QProcess sh;
    sh.start(u"sh"_s,
        {u"-c"_s,
            u"eval \"$0\"; printf '%s|%s|%s|%s|%s' \"$AWS_ACCESS_KEY_ID\" "
            "\"$AWS_SECRET_ACCESS_KEY\" \"$AWS_SESSION_TOKEN\" \"$AWS_CREDENTIAL_EXPIRATION\" "
            "\"$AWS_REGION\""_s,
            text(script)});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()),
        u"ASIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY|IQoJb3JpZ2luX2VjEXAMPLE+/==|"
        "2026-11-23T18:00:00Z|eu-west-1"_s);
}

void Tst_Export::envUnsetsStaleTokenForLongTermKeys()
{
    AwsCredentials c = temporary();
    c.sessionToken.clear();
    c.expiration = {};
    const QString script = text(render(c, Format::Env));
    QVERIFY(script.contains(u"unset AWS_SESSION_TOKEN"_s));
    QVERIFY(!script.contains(u"export AWS_SESSION_TOKEN"_s));
    QProcess sh;
    sh.start(u"sh"_s,
        {u"-c"_s, u"AWS_SESSION_TOKEN=old; eval \"$0\"; printf '%s' \"${AWS_SESSION_TOKEN-unset}\""_s, script});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.readAllStandardOutput(), QByteArray("unset"));
}

void Tst_Export::shellQuoteSurvivesHostileValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addRow("single quote") << u"it's"_s;
    QTest::addRow("command substitution") << u"$(touch /tmp/rolecall-pwned)`id`"_s;
    QTest::addRow("newline and backslash") << u"a\\b\nc"_s;
    QTest::addRow("empty") << QString();
}

void Tst_Export::shellQuoteSurvivesHostileValues()
{
    QFETCH(QString, value);
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u"printf '%s' "_s + shellQuote(value)});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()), value);
}

void Tst_Export::processIsCredentialProcessVersion1()
{
    const QByteArray out = render(temporary(), Format::Process).unsecureCopy();
    QVERIFY(out.endsWith('\n'));
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    QCOMPARE(o.value(u"Version"_s).toInt(), 1);
    QCOMPARE(o.value(u"AccessKeyId"_s).toString(), u"ASIAIOSFODNN7EXAMPLE"_s);
    QCOMPARE(o.value(u"SecretAccessKey"_s).toString(), u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
    QCOMPARE(o.value(u"SessionToken"_s).toString(), u"IQoJb3JpZ2luX2VjEXAMPLE+/=="_s);
    QCOMPARE(o.value(u"Expiration"_s).toString(), u"2026-11-23T18:00:00Z"_s);
}

void Tst_Export::jsonAndIni()
{
    Options options;
    options.profileName = u"work-admin"_s;
    options.region = u"us-east-2"_s;
    const QJsonObject json
        = QJsonDocument::fromJson(render(temporary(), Format::Json, options).unsecureCopy()).object();
    QCOMPARE(json.value(u"Region"_s).toString(), u"us-east-2"_s);
    QVERIFY(!json.contains(u"Version"_s));
    const QString ini = text(render(temporary(), Format::Ini, options));
    QVERIFY(ini.startsWith(u"[work-admin]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\n"_s));
    QVERIFY(ini.contains(u"aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+/==\n"_s));
    QVERIFY(ini.contains(u"region = us-east-2\n"_s));
}

void Tst_Export::otherShells()
{
    const QString fish = text(render(temporary(), Format::Fish));
    QVERIFY(fish.contains(u"set -gx AWS_SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';"_s));
    const QString ps = text(render(temporary(), Format::PowerShell));
    QVERIFY(ps.contains(u"$Env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE+/=='"_s));
    const QString cmd = text(render(temporary(), Format::Cmd));
    QVERIFY(cmd.contains(u"set \"AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\"\r\n"_s));
    const QString dotenv = text(render(temporary(), Format::Dotenv));
    QVERIFY(dotenv.contains(u"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"_s));
}

QTEST_GUILESS_MAIN(Tst_Export)
#include "tst_export.moc"
