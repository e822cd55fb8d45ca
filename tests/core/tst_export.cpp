// SPDX-License-Identifier: Apache-2.0
#include "export/exporter.h"
#include "export/sessionwriter.h"

#include "config/configfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

    void sessionWriterAddsAProfileAndKeepsEveryOtherByte();
    void sessionWriterReplacesOnlyItsOwnSessions_data();
    void sessionWriterReplacesOnlyItsOwnSessions();
    void sessionWriterMakesTheFilePrivate();
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

namespace {

/// Writes @p config and @p credentials into @p dir and loads them as the app would.
Config::SharedConfig load(const QTemporaryDir &dir, const QByteArray &config, const QByteArray &credentials)
{
    const Config::ConfigPaths paths {dir.filePath(u"config"_s), dir.filePath(u"credentials"_s)};
    for (const auto &[path, bytes] : {std::pair {paths.config, config}, std::pair {paths.credentials, credentials}}) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return Config::SharedConfig::load(paths);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray kCredentials = "# my keys\r\n[user]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n"
                                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n";

} // namespace

void Tst_Export::sessionWriterAddsAProfileAndKeepsEveryOtherByte()
{
    QTemporaryDir dir;
    const Config::SharedConfig config = load(dir, "[profile admin]\nrole_arn = arn:aws:iam::1:role/A\n", kCredentials);
    const auto written = SessionWriter::write(config, dir.filePath(u"credentials"_s), u"admin-session"_s, temporary());
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QVERIFY2(written->contains(u"[admin-session]"_s) && written->contains(u"2026-11-23T18:00:00Z"_s),
        qPrintable(written.value()));
    QVERIFY(!written->contains(u"wJalr"_s));
    const QByteArray after = readAll(dir.filePath(u"credentials"_s));
    QVERIFY2(after.startsWith(kCredentials), after.constData());
    // The file's CRLF line endings are kept for the new lines too.
    QCOMPARE(after.mid(kCredentials.size()),
        QByteArray("\r\n[admin-session]\r\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\r\n"
                   "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\r\n"
                   "aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+/==\r\n"
                   "x_security_token_expires = 2026-11-23T18:00:00Z\r\n"));
    // botocore reads it back as a static profile with a session token.
    const Config::SharedConfig reread
        = Config::SharedConfig::load({dir.filePath(u"config"_s), dir.filePath(u"credentials"_s)});
    QCOMPARE(reread.profile(u"admin-session"_s)->value(u"aws_session_token"), u"IQoJb3JpZ2luX2VjEXAMPLE+/=="_s);

    // Rewriting it replaces the session in place.
    AwsCredentials next = temporary();
    next.accessKeyId = u"ASIANEXTEXAMPLE00001"_s;
    QVERIFY(SessionWriter::write(reread, dir.filePath(u"credentials"_s), u"admin-session"_s, next));
    const QByteArray again = readAll(dir.filePath(u"credentials"_s));
    QVERIFY(again.startsWith(kCredentials));
    QCOMPARE(again.count("[admin-session]"), 1);
    QVERIFY(again.contains("aws_access_key_id = ASIANEXTEXAMPLE00001\r\n"));
    QVERIFY(!again.contains("ASIAIOSFODNN7EXAMPLE"));
}

void Tst_Export::sessionWriterReplacesOnlyItsOwnSessions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("longTerm");
    QTest::addColumn<QString>("expected"); // in the error; empty: accepted
    QTest::addRow("new name") << u"fresh"_s << false << QString();
    QTest::addRow("earlier session") << u"old-session"_s << false << QString();
    QTest::addRow("long-term keys") << u"user"_s << false << u"long-term keys"_s;
    QTest::addRow("config profile") << u"admin"_s << false << u"config file"_s;
    QTest::addRow("credential_process") << u"proc"_s << false << u"credential_process"_s;
    QTest::addRow("bracket in name") << u"a]b"_s << false << u"letters, digits"_s;
    QTest::addRow("space in name") << u"a b"_s << false << u"letters, digits"_s;
    QTest::addRow("empty name") << QString() << false << u"letters, digits"_s;
    QTest::addRow("long-term credentials") << u"fresh"_s << true << u"only temporary sessions"_s;
}

void Tst_Export::sessionWriterReplacesOnlyItsOwnSessions()
{
    QFETCH(QString, name);
    QFETCH(bool, longTerm);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QByteArray credentials = kCredentials
        + "[old-session]\naws_access_key_id = ASIAOLD\naws_secret_access_key = x\naws_session_token = y\n"
          "region = eu-west-1\n[proc]\ncredential_process = /bin/true\n";
    const Config::SharedConfig config = load(dir, "[profile admin]\nrole_arn = arn:aws:iam::1:role/A\n", credentials);
    AwsCredentials session = temporary();
    if (longTerm)
        session.sessionToken = SecureBytes();
    const auto written = SessionWriter::write(config, dir.filePath(u"credentials"_s), name, session);
    if (expected.isEmpty()) {
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QVERIFY(readAll(dir.filePath(u"credentials"_s)).contains("[proc]\ncredential_process = /bin/true\n"));
        return;
    }
    QVERIFY(!written);
    QVERIFY2(written.error().message.contains(expected), qPrintable(written.error().message));
    QCOMPARE(readAll(dir.filePath(u"credentials"_s)), credentials); // untouched
}

void Tst_Export::sessionWriterMakesTheFilePrivate()
{
    QTemporaryDir dir;
    const Config::SharedConfig config = load(dir, {}, kCredentials);
    const QString path = dir.filePath(u"credentials"_s);
    QVERIFY(QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const auto written = SessionWriter::write(config, path, u"s"_s, temporary());
    QVERIFY(written);
    QVERIFY2(written->contains(u"0600"_s), qPrintable(written.value()));
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(Tst_Export)
#include "tst_export.moc"
