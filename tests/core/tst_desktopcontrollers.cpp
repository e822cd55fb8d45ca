// SPDX-License-Identifier: Apache-2.0
// The desktop app's QtCore pieces without a window: Settings (typed, clamped, persisted, never a secret),
// the Sessions model (QAbstractItemModelTester, ManualClock countdown), the profile editor's validation and
// byte-preserving edits, the keychain flows behind "Add IAM user" and "Import plaintext keys" (in-memory
// secret store), and the access key query.
#include "fakesecretstore.h"

#include "config/configfile.h"
#include "controllers/accesskeyinfo.h"
#include "controllers/profileeditor.h"
#include "controllers/settings.h"
#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"
#include "profiles/profilestore.h"
#include "secrets/keystore.h"
#include "util/clock.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall;
using Core::Controllers::AccessKeyQuery;
using Core::Controllers::FieldError;
using Core::Controllers::ProfileEditor;
using Core::Controllers::RoleProfileDraft;
using Core::Controllers::Settings;
using Core::Models::SessionsModel;

Q_DECLARE_METATYPE(Rolecall::Core::Controllers::RoleProfileDraft)

namespace {

const QByteArray kConfig = "# my profiles\n"
                           "[default]\n"
                           "region = eu-west-1\n"
                           "\n"
                           "[profile user]\n"
                           "mfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                           "\n"
                           "[profile  admin ]   \n"
                           "role_arn = arn:aws:iam::222222222222:role/Admin\n"
                           "source_profile = user\n"
                           "external_id = old-id\n"
                           "; keep this comment\n"
                           "\n"
                           "[profile chained]\n"
                           "role_arn = arn:aws:iam::333333333333:role/Next\n"
                           "source_profile = admin\n";

const QByteArray kCredentials = "[user]\n"
                                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                                "\n"
                                "[other]\n"
                                "region = us-east-1\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList fields(const QList<FieldError> &errors)
{
    QStringList out;
    for (const FieldError &e : errors)
        out.append(e.field);
    return out;
}

RoleProfileDraft validDraft()
{
    RoleProfileDraft d;
    d.name = u"new-role"_s;
    d.roleArn = u"arn:aws:iam::444444444444:role/Deploy"_s;
    d.sourceProfile = u"user"_s;
    return d;
}

} // namespace

class Tst_DesktopControllers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void settingsHaveDocumentedDefaults();
    void settingsRoundTripThroughTheFile();
    void settingsClampToTheDocumentedLimits();
    void recentsKeepTheLastTenNamesNewestFirst();
    void roleDurationAppliesOnlyWhereTheProfileSaysNothing();
    void federationUrlOverrideIsChecked_data();
    void federationUrlOverrideIsChecked();
    void settingsFileHoldsNoSecret();

    void sessionsModelCountsDownWithTheClock();
    void sessionsModelMovesAndRemovesRows();

    void editorNamesEveryBadField_data();
    void editorNamesEveryBadField();
    void editorAcceptsAValidProfile();
    void editorAppendsExactlyTheNewSection();
    void editorEditsOnlyWhatChanged();
    void editorLoadsWhatItSaves();

    void addIamUserStoresKeysAndPointsTheConfigAtThem();
    void importMovesPlaintextKeysIntoTheKeychain();
    void importWithoutKeysSaysSo();

    void accessKeyQueryKnowsWhatWasPasted_data();
    void accessKeyQueryKnowsWhatWasPasted();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QString m_credentials;
    std::unique_ptr<Core::Profiles::ProfileStore> m_store;
};

void Tst_DesktopControllers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void Tst_DesktopControllers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_config = m_dir->filePath(u"config"_s);
    m_credentials = m_dir->filePath(u"credentials"_s);
    QVERIFY(writeAll(m_config, kConfig));
    QVERIFY(writeAll(m_credentials, kCredentials));
    m_store = std::make_unique<Core::Profiles::ProfileStore>(
        Core::Config::ConfigPaths {m_config, m_credentials}, u"test"_s);
    m_store->reload();
}

void Tst_DesktopControllers::settingsHaveDocumentedDefaults()
{
    Settings settings;
    QVERIFY(!settings.isPersistent());
    QCOMPARE(settings.clipboardClearSeconds(), 30);
    QCOMPARE(settings.expiryWarningMinutes(), 10);
    QCOMPARE(settings.roleDurationSeconds(), 3600);
    QCOMPARE(settings.sessionTokenDurationSeconds(), 43200);
    QCOMPARE(settings.consoleDurationSeconds(), 3600);
    QVERIFY(!settings.autoRefresh());
    QVERIFY(settings.browserCommand().isEmpty());
    QVERIFY(settings.federationUrl().isEmpty());
    QVERIFY(settings.language().isEmpty());
    QVERIFY(!settings.closeToTray());
    QVERIFY(!settings.startMinimized());
    QVERIFY(settings.favourites().isEmpty());
    QVERIFY(settings.recents().isEmpty());
}

void Tst_DesktopControllers::settingsRoundTripThroughTheFile()
{
    const QString file = m_dir->filePath(u"rolecall.conf"_s);
    Settings::Values values;
    values.roleDurationSeconds = 7200;
    values.sessionTokenDurationSeconds = 3600;
    values.consoleDurationSeconds = 1800;
    values.clipboardClearSeconds = 45;
    values.expiryWarningMinutes = 15;
    values.autoRefresh = true;
    values.browserCommand = u"firefox -P work %u"_s;
    values.federationUrl = u"https://signin.example.com/federation"_s;
    values.language = u"de"_s;
    values.closeToTray = true;
    values.startMinimized = true;
    {
        Settings settings(file);
        QSignalSpy changed(&settings, &Settings::changed);
        settings.setValues(values);
        QCOMPARE(changed.count(), 1);
        settings.setValues(values);
        QCOMPARE(changed.count(), 1); // nothing changed, nothing said
        settings.setFavourites({u"admin"_s, u"user"_s});
        settings.addRecent(u"chained"_s);
        settings.setWindowGeometry("geometry-bytes");
    }
    Settings again(file);
    QVERIFY(again.values() == values);
    QCOMPARE(again.favourites(), (QStringList {u"admin"_s, u"user"_s}));
    QCOMPARE(again.recents(), QStringList {u"chained"_s});
    QCOMPARE(again.windowGeometry(), QByteArray("geometry-bytes"));
}

void Tst_DesktopControllers::settingsClampToTheDocumentedLimits()
{
    Settings settings;
    settings.setRoleDurationSeconds(100);
    QCOMPARE(settings.roleDurationSeconds(), 900);
    settings.setRoleDurationSeconds(100000);
    QCOMPARE(settings.roleDurationSeconds(), 43200);
    settings.setSessionTokenDurationSeconds(200000);
    QCOMPARE(settings.sessionTokenDurationSeconds(), 129600);
    settings.setClipboardClearSeconds(0);
    QCOMPARE(settings.clipboardClearSeconds(), Settings::kMinClipboardClearSeconds);
    settings.setExpiryWarningMinutes(0);
    QCOMPARE(settings.expiryWarningMinutes(), 1);
}

void Tst_DesktopControllers::recentsKeepTheLastTenNamesNewestFirst()
{
    Settings settings;
    QSignalSpy spy(&settings, &Settings::recentsChanged);
    for (int i = 0; i < 12; ++i)
        settings.addRecent(u"p%1"_s.arg(i));
    settings.addRecent(u"p5"_s);
    const QStringList recents = settings.recents();
    QCOMPARE(recents.size(), 10);
    QCOMPARE(recents.first(), u"p5"_s);
    QCOMPARE(recents.at(1), u"p11"_s);
    QCOMPARE(recents.count(u"p5"_s), 1);
    QVERIFY(!recents.contains(u"p0"_s));
    QCOMPARE(spy.count(), 13);
}

void Tst_DesktopControllers::roleDurationAppliesOnlyWhereTheProfileSaysNothing()
{
    Settings settings;
    settings.setRoleDurationSeconds(7200);
    settings.setConsoleDurationSeconds(7200);
    QCOMPARE(settings.roleDurationFor(*m_store->profile(u"admin"_s)), std::optional<int>(7200));
    QCOMPARE(settings.roleDurationFor(*m_store->profile(u"user"_s)), std::nullopt);
    // chained: role credentials assume another role, at most an hour
    QCOMPARE(settings.roleDurationFor(*m_store->profile(u"chained"_s)), std::optional<int>(3600));
    QCOMPARE(settings.consoleDurationFor(*m_store->profile(u"chained"_s)), 3600);
    QCOMPARE(settings.consoleDurationFor(*m_store->profile(u"admin"_s)), 7200);
    QVERIFY(writeAll(m_config, kConfig + "duration_seconds = 1800\n"));
    m_store->reload();
    QCOMPARE(settings.roleDurationFor(*m_store->profile(u"chained"_s)), std::nullopt);
}

void Tst_DesktopControllers::federationUrlOverrideIsChecked_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addRow("empty") << QString() << true;
    QTest::addRow("https") << u"https://signin.example.com/federation"_s << true;
    QTest::addRow("loopback http") << u"http://127.0.0.1:8080/federation"_s << true;
    QTest::addRow("localhost http") << u"http://localhost:8080/federation"_s << true;
    QTest::addRow("remote http") << u"http://signin.example.com/federation"_s << false;
    QTest::addRow("no scheme") << u"signin.example.com"_s << false;
}

void Tst_DesktopControllers::federationUrlOverrideIsChecked()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QCOMPARE(Settings::federationUrlProblem(url).isEmpty(), ok);
}

void Tst_DesktopControllers::settingsFileHoldsNoSecret()
{
    // Everything the app persists, written through the public API; no setter takes a secret, and the file
    // must not contain one (or anything that looks like a key).
    const QString file = m_dir->filePath(u"secrets-scan.conf"_s);
    {
        Settings settings(file);
        Settings::Values values;
        values.browserCommand = u"chromium --incognito %u"_s;
        values.federationUrl = u"https://signin.example.com/federation"_s;
        values.autoRefresh = true;
        settings.setValues(values);
        settings.setFavourites({u"user"_s, u"admin"_s});
        for (const auto &profile : m_store->profiles())
            settings.addRecent(profile.name);
        settings.setWindowGeometry(QByteArray(64, 'g'));
        settings.setWindowState(QByteArray(64, 's'));
        settings.sync();
    }
    const QByteArray bytes = readAll(file);
    QVERIFY(!bytes.isEmpty());
    for (const QByteArray &secret : {QByteArray("wJalrXUtnFEMI"), QByteArray("AKIA"), QByteArray("ASIA"),
             QByteArray("aws_secret_access_key"), QByteArray("SessionToken"), QByteArray("SigninToken")})
        QVERIFY2(!bytes.contains(secret), bytes.constData());
}

void Tst_DesktopControllers::sessionsModelCountsDownWithTheClock()
{
    Core::ManualClock clock;
    SessionsModel model(&clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = clock.nowUtc();
    model.setSessions({{u"admin"_s, now.addSecs(25 * 60)}, {u"user"_s, now.addSecs(3 * 3600 + 5 * 60)},
        {u"chained"_s, now.addSecs(10 * 60)}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.profileAt(0), u"chained"_s); // soonest first
    QCOMPARE(model.profileAt(1), u"admin"_s);
    QCOMPARE(model.profileAt(2), u"user"_s);
    const auto timeLeft
        = [&model](int row) { return model.index(row, SessionsModel::TimeLeftColumn).data().toString(); };
    QCOMPARE(timeLeft(0), u"10 min left"_s);
    QCOMPARE(timeLeft(2), u"3 h 05 min left"_s);
    QCOMPARE(model.index(0, 0).data(SessionsModel::UrgencyRole).toInt(),
        static_cast<int>(Core::Models::ProfileTreeModel::Urgency::Soon));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advance(7 * 60 * 1000);
    model.refreshCountdowns();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(SessionsModel::TimeLeftColumn));
    QCOMPARE(timeLeft(0), u"3 min left"_s);
    QCOMPARE(model.index(0, 0).data(SessionsModel::UrgencyRole).toInt(),
        static_cast<int>(Core::Models::ProfileTreeModel::Urgency::Critical));
    QCOMPARE(model.secondsLeft(u"chained"_s), 180);
    clock.advance(4 * 60 * 1000);
    model.refreshCountdowns();
    QCOMPARE(timeLeft(0), u"expired"_s);
    QCOMPARE(model.countdowns().first(), (std::pair<QString, qint64>(u"chained"_s, 0)));
}

void Tst_DesktopControllers::sessionsModelMovesAndRemovesRows()
{
    Core::ManualClock clock;
    SessionsModel model(&clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = clock.nowUtc();
    model.setSessions({{u"a"_s, now.addSecs(600)}, {u"b"_s, now.addSecs(1200)}});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // a refreshed (later expiry: it moves after b), c new, b unchanged
    model.setSessions({{u"a"_s, now.addSecs(3600)}, {u"b"_s, now.addSecs(1200)}, {u"c"_s, now.addSecs(60)}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.profileAt(0), u"c"_s);
    QCOMPARE(model.profileAt(1), u"b"_s);
    QCOMPARE(model.profileAt(2), u"a"_s);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(reset.count(), 0);
    model.setAutoRefresh({u"b"_s});
    QVERIFY(model.index(1, 0).data(SessionsModel::AutoRefreshRole).toBool());
    QVERIFY(!model.index(0, 0).data(SessionsModel::AutoRefreshRole).toBool());
    model.setSessions({{u"b"_s, now.addSecs(1200)}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOfProfile(u"a"_s), -1);
    model.setSessions({});
    QCOMPARE(model.rowCount(), 0);
}

void Tst_DesktopControllers::editorNamesEveryBadField_data()
{
    QTest::addColumn<RoleProfileDraft>("draft");
    QTest::addColumn<QStringList>("expected");
    RoleProfileDraft d = validDraft();
    d.roleArn = u"arn:aws:iam::role"_s;
    QTest::addRow("bad role ARN") << d << QStringList {u"role_arn"_s};
    d = validDraft();
    d.roleSessionName = u"my session"_s;
    QTest::addRow("session name with a space") << d << QStringList {u"role_session_name"_s};
    d = validDraft();
    d.durationSeconds = 100;
    QTest::addRow("duration 100") << d << QStringList {u"duration_seconds"_s};
    d = validDraft();
    d.roleArn = u"not an arn"_s;
    d.roleSessionName = u"a b"_s;
    d.durationSeconds = 100;
    QTest::addRow("all three at once") << d
                                       << QStringList {u"role_arn"_s, u"role_session_name"_s, u"duration_seconds"_s};
    d = validDraft();
    d.roleArn.clear();
    d.sourceProfile.clear();
    QTest::addRow("required") << d << QStringList {u"role_arn"_s, u"source_profile"_s};
    d = validDraft();
    d.sourceProfile = u"nobody"_s;
    QTest::addRow("missing source") << d << QStringList {u"source_profile"_s};
    d = validDraft();
    d.name = u"admin"_s;
    QTest::addRow("name taken") << d << QStringList {u"name"_s};
    d = validDraft();
    d.name = u"two\nlines"_s;
    QTest::addRow("name with a line break") << d << QStringList {u"name"_s};
    d = validDraft();
    d.name = u" padded"_s;
    QTest::addRow("name with outer space") << d << QStringList {u"name"_s};
    d = validDraft();
    d.sessionTags = {{u"team"_s, u"platform"_s}};
    d.transitiveTagKeys = {u"env"_s};
    QTest::addRow("transitive key without its tag") << d << QStringList {u"transitive_session_tags"_s};
    d = validDraft();
    d.sessionTags = {{u"team"_s, u"a,b"_s}};
    QTest::addRow("tag value with a comma") << d << QStringList {u"session_tags"_s};
    d = validDraft();
    d.region = u"Europe"_s;
    QTest::addRow("bad region") << d << QStringList {u"region"_s};
    d = validDraft();
    d.endpointUrl = u"http://sts.example.com"_s;
    QTest::addRow("remote plain http endpoint") << d << QStringList {u"endpoint_url"_s};
    d = validDraft();
    d.mfaSerial = u"mfa"_s;
    QTest::addRow("short MFA serial") << d << QStringList {u"mfa_serial"_s};
    d = validDraft();
    d.externalId = u"x"_s;
    QTest::addRow("one-character external id") << d << QStringList {u"external_id"_s};
    d = validDraft();
    d.sourceIdentity = u"aws:me"_s;
    QTest::addRow("source identity aws:") << d << QStringList {u"source_identity"_s};
    d = validDraft();
    d.policyArns = {u"ReadOnlyAccess"_s};
    QTest::addRow("policy ARN that is no ARN") << d << QStringList {u"rolecall_session_policy_arns"_s};
    d = validDraft();
    d.sourceProfile = u"admin"_s;
    d.durationSeconds = 7200;
    QTest::addRow("chained role over an hour") << d << QStringList {u"duration_seconds"_s};
}

void Tst_DesktopControllers::editorNamesEveryBadField()
{
    QFETCH(RoleProfileDraft, draft);
    QFETCH(QStringList, expected);
    const QList<FieldError> errors = ProfileEditor::validate(draft, m_store->config());
    QCOMPARE(fields(errors), expected);
    for (const FieldError &e : errors) {
        QVERIFY2(e.message.startsWith(ProfileEditor::fieldLabel(e.field)) || e.field == u"name"_s
                || e.field == u"source_profile"_s,
            qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"Nothing was sent"_s), qPrintable(e.message));
    }
    const auto saved = ProfileEditor::save(draft, m_store->config(), m_config);
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Core::Error::Kind::Validation);
    QCOMPARE(readAll(m_config), kConfig);
}

void Tst_DesktopControllers::editorAcceptsAValidProfile()
{
    RoleProfileDraft d = validDraft();
    d.mfaSerial = u"arn:aws:iam::111111111111:mfa/alice"_s;
    d.externalId = u"ext-123"_s;
    d.durationSeconds = 43200;
    d.region = u"us-gov-west-1"_s;
    d.roleSessionName = u"alice@example.com"_s;
    d.sessionTags = {{u"team"_s, u"platform"_s}, {u"env"_s, u"prod"_s}};
    d.transitiveTagKeys = {u"team"_s};
    d.sourceIdentity = u"alice"_s;
    d.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    d.endpointUrl = u"http://127.0.0.1:4566"_s;
    QCOMPARE(fields(ProfileEditor::validate(d, m_store->config())), QStringList());
    // A name botocore needs quoted is fine: it is written quoted and reads back the same.
    d.name = u"with space"_s;
    QCOMPARE(fields(ProfileEditor::validate(d, m_store->config())), QStringList());
}

void Tst_DesktopControllers::editorAppendsExactlyTheNewSection()
{
    RoleProfileDraft d = validDraft();
    d.region = u"eu-central-1"_s;
    d.sessionTags = {{u"team"_s, u"platform"_s}};
    d.transitiveTagKeys = {u"team"_s};
    const auto saved = ProfileEditor::save(d, m_store->config(), m_config);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    const QByteArray expected = kConfig
        + "\n[profile new-role]\n"
          "role_arn = arn:aws:iam::444444444444:role/Deploy\n"
          "source_profile = user\n"
          "region = eu-central-1\n"
          "session_tags = team=platform\n"
          "transitive_session_tags = team\n";
    QCOMPARE(readAll(m_config), expected);
    m_store->reload();
    const auto *profile = m_store->profile(u"new-role"_s);
    QVERIFY(profile);
    QCOMPARE(profile->kind, Core::Profiles::Kind::Role);
    QVERIFY2(profile->errors.isEmpty(), qPrintable(profile->errors.join(u'\n')));
}

void Tst_DesktopControllers::editorEditsOnlyWhatChanged()
{
    RoleProfileDraft d = ProfileEditor::load(m_store->config(), u"admin"_s);
    QCOMPARE(d.externalId, u"old-id"_s);
    d.externalId.clear();
    d.region = u"ap-southeast-2"_s;
    d.name = u"admin2"_s;
    const auto edits = ProfileEditor::edits(d, m_store->config(), u"admin"_s);
    QVERIFY(edits);
    QCOMPARE(edits->size(), 3); // rename, remove external_id, set region
    const auto saved = ProfileEditor::save(d, m_store->config(), m_config, u"admin"_s);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    QByteArray expected = kConfig;
    expected.replace("[profile  admin ]   \n", "[profile admin2]   \n");
    expected.replace("external_id = old-id\n", "region = ap-southeast-2\n");
    QCOMPARE(readAll(m_config), expected);
}

void Tst_DesktopControllers::editorLoadsWhatItSaves()
{
    RoleProfileDraft d = validDraft();
    d.name = u"it's \"quoted\""_s;
    d.durationSeconds = 1800;
    d.sessionTags = {{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}};
    d.transitiveTagKeys = {u"a"_s, u"b"_s};
    d.policyArns = {u"arn:aws:iam::aws:policy/A"_s, u"arn:aws:iam::aws:policy/B"_s};
    const auto saved = ProfileEditor::save(d, m_store->config(), m_config);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    m_store->reload();
    QVERIFY(ProfileEditor::load(m_store->config(), d.name) == d);
    const auto *profile = m_store->profile(d.name);
    QVERIFY(profile);
    QCOMPARE(profile->durationSeconds, std::optional<int>(1800));
}

void Tst_DesktopControllers::addIamUserStoresKeysAndPointsTheConfigAtThem()
{
    Test::FakeSecretStore secrets;
    Core::Secrets::KeyStore keys(&secrets, m_dir->filePath(u"keychain-profiles.json"_s));
    Core::Controllers::IamUserDraft draft;
    draft.name = u"ci-user"_s;
    draft.accessKeyId = u"AKIAI44QH8DHBEXAMPLE"_s;
    draft.secretAccessKey = Core::SecureBytes(QByteArrayView("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"));
    draft.region = u"eu-west-2"_s;

    Core::Controllers::IamUserDraft bad = draft;
    bad.accessKeyId = u"akia-lower"_s;
    bad.secretAccessKey = Core::SecureBytes(QByteArrayView("has space"));
    QCOMPARE(fields(ProfileEditor::validateIamUser(bad, m_store->config())),
        (QStringList {u"aws_access_key_id"_s, u"aws_secret_access_key"_s}));

    std::optional<Core::Result<QString>> result;
    QObject context;
    ProfileEditor::addIamUser(
        &keys, draft, m_store->config(), m_config, &context, [&result](const Core::Result<QString> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(*result, qPrintable(*result ? QString() : result->error().message));
    QVERIFY(!result->value().contains(u"je7MtGbClwBF"_s));
    QCOMPARE(readAll(m_config),
        kConfig
            + "\n[profile ci-user]\ncredential_process = rolecall-cli credential-process --profile ci-user\n"
              "region = eu-west-2\n");
    QCOMPARE(secrets.entries.value(Core::Secrets::KeyStore::entryKey(u"ci-user"_s, u"aws_secret_access_key")),
        draft.secretAccessKey);
    QCOMPARE(keys.list().value(), QStringList {u"ci-user"_s});
    QVERIFY(!readAll(m_credentials).contains("je7MtGbClwBF"));
}

void Tst_DesktopControllers::importMovesPlaintextKeysIntoTheKeychain()
{
    Test::FakeSecretStore secrets;
    Core::Secrets::KeyStore keys(&secrets, m_dir->filePath(u"keychain-profiles.json"_s));
    std::optional<Core::Result<QString>> result;
    QObject context;
    ProfileEditor::importPlaintextKeys(&keys, u"user"_s, true, m_store->config(), m_store->paths(), &context,
        [&result](const Core::Result<QString> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY2(*result, qPrintable(*result ? QString() : result->error().message));
    QCOMPARE(readAll(m_credentials),
        QByteArray("[user]\ncredential_process = rolecall-cli credential-process --profile user\n\n"
                   "[other]\nregion = us-east-1\n"));
    QCOMPARE(readAll(m_config), kConfig);
    QCOMPARE(secrets.entries.value(Core::Secrets::KeyStore::entryKey(u"user"_s, u"aws_access_key_id")),
        Core::SecureBytes(QByteArrayView("AKIAIOSFODNN7EXAMPLE")));
}

void Tst_DesktopControllers::importWithoutKeysSaysSo()
{
    Test::FakeSecretStore secrets;
    Core::Secrets::KeyStore keys(&secrets, m_dir->filePath(u"keychain-profiles.json"_s));
    std::optional<Core::Result<QString>> result;
    QObject context;
    ProfileEditor::importPlaintextKeys(&keys, u"other"_s, true, m_store->config(), m_store->paths(), &context,
        [&result](const Core::Result<QString> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(!*result);
    QVERIFY2(result->error().message.contains(u"nothing to import"_s), qPrintable(result->error().message));
    QCOMPARE(readAll(m_credentials), kCredentials);
    QVERIFY(secrets.entries.isEmpty());
}

void Tst_DesktopControllers::accessKeyQueryKnowsWhatWasPasted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("account");
    QTest::addRow("role ARN") << u" arn:aws:iam::222222222222:role/Admin "_s << int(AccessKeyQuery::Kind::Arn)
                              << u"222222222222"_s;
    QTest::addRow("assumed-role ARN") << u"arn:aws:sts::333333333333:assumed-role/Dev/alice"_s
                                      << int(AccessKeyQuery::Kind::Arn) << u"333333333333"_s;
    QTest::addRow("account id") << u"111111111111"_s << int(AccessKeyQuery::Kind::AccountId) << u"111111111111"_s;
    QTest::addRow("key id") << u"AKIAIOSFODNN7EXAMPLE"_s << int(AccessKeyQuery::Kind::AccessKeyId) << QString();
    QTest::addRow("S3 ARN has no account")
        << u"arn:aws:s3:::bucket"_s << int(AccessKeyQuery::Kind::Invalid) << QString();
    QTest::addRow("garbage") << u"hello world"_s << int(AccessKeyQuery::Kind::Invalid) << QString();
    QTest::addRow("empty") << u"  "_s << int(AccessKeyQuery::Kind::Empty) << QString();
}

void Tst_DesktopControllers::accessKeyQueryKnowsWhatWasPasted()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, account);
    const AccessKeyQuery query = AccessKeyQuery::parse(input);
    QCOMPARE(int(query.kind), kind);
    QCOMPARE(query.accountId, account);
    QCOMPARE(query.problem.isEmpty(), kind != int(AccessKeyQuery::Kind::Invalid));
    if (!account.isEmpty() && account.startsWith(u"2"_s))
        QCOMPARE(AccessKeyQuery::profilesInAccount(m_store->profiles(), account), QStringList {u"admin"_s});
}

QTEST_GUILESS_MAIN(Tst_DesktopControllers)
#include "tst_desktopcontrollers.moc"
