// SPDX-License-Identifier: Apache-2.0
#include "credentials/environmentcredentials.h"
#include "util/autostart.h"
#include "util/buildinfo.h"
#include "util/error.h"
#include "util/result.h"
#include "util/securebytes.h"
#include "util/sharedslices.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

class Tst_Util : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secureBytesCopiesAndCompares();
    void secureWipeOnlyTouchesUnsharedData();
    void resultHoldsValueOrError();
    void awsErrorsCarryHints_data();
    void awsErrorsCarryHints();
    void errorKindsHaveNames();
    void environmentCredentials();
    void autostartEntryFollowsTheSetting();
    void buildInfoNamesEveryComponent();
    void sharedSlicesOutliveAndNeverChangeTheirSource();
    void sharedSuffixOfRawDataIsACopy();
    void partsOfTextKeptUntilExitAreRawData();
};

void Tst_Util::autostartEntryFollowsTheSetting()
{
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(u"HOME"_s, home.path());
    QCOMPARE(autostartEntryPath(env), home.path() + u"/.config/autostart/io.github.rolecall.Rolecall.desktop"_s);
    QVERIFY(!isAutostartEnabled(env));
    QVERIFY(setAutostartEnabled(true, u"/usr/bin/rolecall"_s, env).ok());
    QVERIFY(isAutostartEnabled(env));
    QFile entry(autostartEntryPath(env));
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY(text.contains("Exec=/usr/bin/rolecall --minimized\n"));
    QVERIFY(setAutostartEnabled(false, {}, env).ok());
    QVERIFY(!isAutostartEnabled(env));
    env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/xdg"_s);
    QCOMPARE(autostartEntryPath(env), home.path() + u"/xdg/autostart/io.github.rolecall.Rolecall.desktop"_s);
}

void Tst_Util::buildInfoNamesEveryComponent()
{
    const BuildInfo info = buildInfo();
    QCOMPARE(info.rolecall, QStringLiteral(ROLECALL_VERSION));
    QVERIFY(info.openssl.startsWith(u"OpenSSL 3"_s));
    QVERIFY(info.qtRuntime.startsWith(u"6."_s));
    QVERIFY(!info.qtkeychain.isEmpty() && info.qtkeychain.front().isDigit());
}

void Tst_Util::secureBytesCopiesAndCompares()
{
    SecureBytes a(QByteArrayView("secret"));
    SecureBytes b = a;
    QVERIFY(a == b);
    QCOMPARE(b.size(), 6);
    SecureBytes c = std::move(b);
    QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
    QVERIFY(c == a);
    c = SecureBytes(QByteArrayView("other!"));
    QVERIFY(!(c == a));
    c.clear();
    QVERIFY(c.isEmpty());
    QVERIFY(c == SecureBytes());
    QByteArray source("token");
    const SecureBytes taken = SecureBytes::takeFrom(source);
    QVERIFY(source.isEmpty());
    QCOMPARE(taken.view(), QByteArrayView("token"));
    QString text = u"päss"_s;
    QCOMPARE(SecureBytes::takeFrom(text).view(), QByteArrayView("p\xc3\xa4ss"));
    QVERIFY(text.isEmpty());
}

void Tst_Util::secureWipeOnlyTouchesUnsharedData()
{
    QByteArray alone("secret");
    alone.detach();
    const char *data = alone.constData();
    secureWipe(alone);
    QCOMPARE(QByteArrayView(data, 6), QByteArrayView("\0\0\0\0\0\0", 6));

    QByteArray shared("secret");
    shared.detach();
    const QByteArray other = shared; // shares the buffer
    secureWipe(shared);
    QCOMPARE(other, QByteArray("secret")); // the other owner's bytes stay intact
}

void Tst_Util::resultHoldsValueOrError()
{
    Result<int> ok = 42;
    QVERIFY(ok.ok());
    QCOMPARE(ok.value(), 42);
    Result<int> bad = Error::config(u"broken"_s);
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Error::Kind::Config);
    Result<void> done;
    QVERIFY(done.ok());
    Result<void> failed = Error::cancelled(u"x"_s);
    QCOMPARE(failed.error().kind, Error::Kind::Cancelled);
    Result<QString> unset;
    QVERIFY(!unset.ok());
    QCOMPARE(unset.error().kind, Error::Kind::None);
}

void Tst_Util::awsErrorsCarryHints_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("awsMessage");
    QTest::addColumn<QString>("hintWord");
    QTest::addRow("wrong mfa code") << u"AccessDenied"_s
                                    << u"MultiFactorAuthentication failed with invalid MFA one "
                                       "time pass code."_s
                                    << u"MFA code"_s;
    QTest::addRow("role chaining") << u"ValidationError"_s
                                   << u"The requested DurationSeconds exceeds the 1 hour session "
                                      "limit for roles assumed by role chaining."_s
                                   << u"at most one hour"_s;
    QTest::addRow("trust policy") << u"AccessDenied"_s
                                  << u"User: arn:aws:iam::1:user/a is not authorized to perform: "
                                     "sts:AssumeRole on resource: r"_s
                                  << u"trust policy"_s;
    QTest::addRow("expired token") << u"ExpiredToken"_s << u"The security token included in the request is expired"_s
                                   << u"expired"_s;
    QTest::addRow("region disabled") << u"RegionDisabledException"_s << u"STS is not activated"_s << u"Activate"_s;
    QTest::addRow("unknown key") << u"InvalidClientTokenId"_s << u"The security token is invalid."_s << u"partition"_s;
    QTest::addRow("throttled") << u"Throttling"_s << u"Rate exceeded"_s << u"throttling"_s;
}

void Tst_Util::awsErrorsCarryHints()
{
    QFETCH(QString, code);
    QFETCH(QString, awsMessage);
    QFETCH(QString, hintWord);
    const Error e = Error::aws(403, code, awsMessage, u"req-123"_s, u"AssumeRole"_s);
    QCOMPARE(e.kind, Error::Kind::Aws);
    QCOMPARE(e.awsCode, code);
    QCOMPARE(e.requestId, u"req-123"_s);
    QVERIFY2(e.message.startsWith(u"AssumeRole: "_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(code), qPrintable(e.message));
    QVERIFY2(e.message.contains(awsMessage), qPrintable(e.message));
    QVERIFY2(e.message.contains(hintWord, Qt::CaseInsensitive), qPrintable(e.message));
}

void Tst_Util::errorKindsHaveNames()
{
    QStringList names;
    for (int k = int(Error::Kind::None); k <= int(Error::Kind::Cancelled); ++k)
        names.append(Error::kindName(static_cast<Error::Kind>(k)));
    names.removeDuplicates();
    QCOMPARE(names.size(), 11);
    QVERIFY(!names.contains(u"unknown"_s));
}

void Tst_Util::environmentCredentials()
{
    QProcessEnvironment env;
    QVERIFY(!credentialsFromEnvironment(env).has_value());
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIAIOSFODNN7EXAMPLE"_s);
    QCOMPARE(credentialsFromEnvironment(env)->error().kind, Error::Kind::Config);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s);
    auto c = credentialsFromEnvironment(env);
    QVERIFY(c && c->ok());
    QCOMPARE(c->value().origin, AwsCredentials::Origin::LongTerm);
    QVERIFY(!c->value().isTemporary());
    env.insert(u"AWS_SECURITY_TOKEN"_s, u"legacy-token"_s);
    env.insert(u"AWS_CREDENTIAL_EXPIRATION"_s, u"2026-11-23T18:00:00Z"_s);
    c = credentialsFromEnvironment(env);
    QCOMPARE(c->value().sessionToken.view(), QByteArrayView("legacy-token"));
    QCOMPARE(c->value().expiration, QDateTime(QDate(2026, 11, 23), QTime(18, 0), Qt::UTC));
    env.insert(u"AWS_SESSION_TOKEN"_s, u"new-token"_s);
    QCOMPARE(credentialsFromEnvironment(env)->value().sessionToken.view(), QByteArrayView("new-token"));

    QProcessEnvironment regions;
    regions.insert(u"AWS_DEFAULT_REGION"_s, u"eu-west-1"_s);
    QCOMPARE(regionFromEnvironment(regions), u"eu-west-1"_s);
    regions.insert(u"AWS_REGION"_s, u"us-west-2"_s);
    QCOMPARE(regionFromEnvironment(regions), u"us-west-2"_s);
}

void Tst_Util::sharedSlicesOutliveAndNeverChangeTheirSource()
{
    using namespace Rolecall::Core;
    QString buffer = u"[profile dev]\nregion = eu-west-1  \nrole_arn"_s;
    buffer.detach(); // a buffer of its own, as a decoder gives
    const QChar *bufferData = buffer.constData();
    QString name = terminatedSlice(buffer, 1, 11); // "profile dev", ended at the ']'
    QString region = terminatedSlice(buffer, 23, 9); // "eu-west-1", ended at the first trailing space
    const QString tail = terminatedSlice(buffer, 35, 8); // "role_arn", at the buffer's end
    const QString empty = terminatedSlice(buffer, 0, 0);
    QCOMPARE(name, u"profile dev"_s);
    QCOMPARE(region, u"eu-west-1"_s);
    QCOMPARE(tail, u"role_arn"_s);
    QVERIFY(empty.isEmpty() && !empty.isNull());
    // No copies: the parts point into the buffer, and each ends with '\0' as every QString does.
    QCOMPARE(name.constData(), bufferData + 1);
    QCOMPARE(region.constData(), bufferData + 23);
    for (const QString *part : std::initializer_list<const QString *> {&name, &region, &tail})
        QCOMPARE(part->utf16()[part->size()], u'\0');
    QString profile = sharedSuffix(name, 8);
    QCOMPARE(profile, u"dev"_s);
    QCOMPARE(profile.constData(), name.constData() + 8);
    QCOMPARE(profile.utf16()[3], u'\0');

    // The parts outlive the buffer...
    buffer = QString();
    QCOMPARE(name, u"profile dev"_s);
    QCOMPARE(region, u"eu-west-1"_s);
    // ...and changing one copies it; its neighbours in the shared buffer stay as they were.
    region += u"-extra"_s;
    QCOMPARE(region, u"eu-west-1-extra"_s);
    QVERIFY(region.constData() != bufferData + 23);
    name[0] = u'P';
    QCOMPARE(name, u"Profile dev"_s);
    QCOMPARE(profile, u"dev"_s);
    QCOMPARE(tail, u"role_arn"_s);
    // The last owner of the buffer may grow its part in place: nobody else reads that memory.
    name = QString();
    region = QString();
    profile.append(u"-and-more-text-than-fits-anywhere"_s);
    QCOMPARE(profile, u"dev-and-more-text-than-fits-anywhere"_s);
    QCOMPARE(tail, u"role_arn"_s);
}

void Tst_Util::sharedSuffixOfRawDataIsACopy()
{
    static const char16_t text[] = u"profile raw";
    const QString raw = QString::fromRawData(reinterpret_cast<const QChar *>(text), 11);
    const QString suffix = Rolecall::Core::sharedSuffix(raw, 8);
    QCOMPARE(suffix, u"raw"_s);
    QVERIFY(suffix.constData() != raw.constData() + 8); // raw data is not owned: it cannot be shared
    QCOMPARE(Rolecall::Core::sharedSuffix(raw, 11), QString());
    QCOMPARE(Rolecall::Core::sharedSuffix(raw, 0), raw);
}

// TextLifetime::Process: the text is kept to the end of the process, and its parts carry no
// reference count (QString::fromRawData): copying them is a plain copy, changing one copies it.
void Tst_Util::partsOfTextKeptUntilExitAreRawData()
{
    using namespace Rolecall::Core;
    const auto isRaw = [](const QString &s) { return const_cast<QString &>(s).data_ptr().d_ptr() == nullptr; };
    QString buffer = u"[profile dev]\nregion = eu-west-1  \nrole_arn"_s;
    buffer.detach();
    keepUntilExit(buffer);
    const QChar *bufferData = buffer.constData();
    QString name = terminatedSlice(buffer, 1, 11, TextLifetime::Process);
    QString region = terminatedSlice(buffer, 23, 9, TextLifetime::Process);
    const QString tail = terminatedSlice(buffer, 35, 8, TextLifetime::Process);
    const QString empty = terminatedSlice(buffer, 0, 0, TextLifetime::Process);
    QCOMPARE(name, u"profile dev"_s);
    QCOMPARE(region, u"eu-west-1"_s);
    QCOMPARE(tail, u"role_arn"_s);
    QVERIFY(empty.isEmpty() && !empty.isNull());
    for (const QString *part : std::initializer_list<const QString *> {&name, &region, &tail}) {
        QVERIFY(isRaw(*part));
        QCOMPARE(part->constData()[part->size()], u'\0'); // ended in place, as shared parts are
    }
    QCOMPARE(name.constData(), bufferData + 1);
    QCOMPARE(region.constData(), bufferData + 23);
    // A suffix of a raw part is a raw part too, and a copy is the same pointer.
    const QString profile = sharedSuffix(name, 8, TextLifetime::Process);
    QCOMPARE(profile, u"dev"_s);
    QVERIFY(isRaw(profile));
    QCOMPARE(profile.constData(), name.constData() + 8);
    const QString copy = region; // NOLINT(performance-unnecessary-copy-initialization): the point
    QCOMPARE(copy.constData(), region.constData());
    // The caller's buffer may go: the kept one still holds the text.
    buffer = QString();
    QCOMPARE(name, u"profile dev"_s);
    QCOMPARE(profile, u"dev"_s);
    // Changing a part copies it and leaves the text as it was.
    region += u"-extra"_s;
    QCOMPARE(region, u"eu-west-1-extra"_s);
    QVERIFY(!isRaw(region));
    QCOMPARE(copy, u"eu-west-1"_s);
    name[0] = u'P';
    QCOMPARE(name, u"Profile dev"_s);
    QCOMPARE(profile, u"dev"_s);
    QCOMPARE(QStringView(bufferData + 1, 11), u"profile dev");

    // keptUntilExit(): an owned string becomes raw data over its kept buffer; a literal stays itself.
    QString owned = u"config"_s;
    owned.detach();
    const QChar *ownedData = owned.constData();
    const QString kept = keptUntilExit(owned);
    QVERIFY(isRaw(kept));
    QCOMPARE(kept.constData(), ownedData);
    owned = QString();
    QCOMPARE(kept, u"config"_s);
    const QString literal = u"literal"_s;
    QCOMPARE(keptUntilExit(literal).constData(), literal.constData());
    // With the default lifetime a raw text's suffix is still a copy (its owner may free it).
    QVERIFY(sharedSuffix(kept, 3).constData() != kept.constData() + 3);
}

QTEST_GUILESS_MAIN(Tst_Util)
#include "tst_util.moc"
