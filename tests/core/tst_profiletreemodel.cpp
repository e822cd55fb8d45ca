// SPDX-License-Identifier: Apache-2.0
#include "config/sharedconfig.h"
#include "models/fuzzymatch.h"
#include "models/profiletreemodel.h"
#include "profiles/profile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Models::ProfileTreeModel;

namespace {

QList<Profiles::ResolvedProfile> profilesFrom(const QByteArray &config, const QByteArray &credentials = {})
{
    static Config::SharedConfig shared; // the resolved profiles share its text
    shared = Config::SharedConfig::fromDocuments(
        Config::IniDocument::parse(config, u"config"_s), Config::IniDocument::parse(credentials, u"credentials"_s));
    return Profiles::ProfileResolver(shared).resolveAll();
}

const QByteArray kConfig = R"([profile user]
mfa_serial = arn:aws:iam::111111111111:mfa/alice
region = eu-west-1
rolecall_account_alias = identity

[profile acme-prod-admin]
role_arn = arn:aws:iam::222222222222:role/Admin
source_profile = user
region = us-east-1

[profile acme-prod-readonly]
role_arn = arn:aws:iam::222222222222:role/ReadOnly
source_profile = user

[profile acme-dev-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = user
region = eu-central-1

[profile lonely]
region = ap-south-1
)";

const QByteArray kCredentials = "[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

// Three accounts where the best matches for "ops" alternate between them.
const QByteArray kRankingConfig = R"([profile acme-prod-ops]
role_arn = arn:aws:iam::444444444444:role/Alpha
credential_source = Environment

[profile ops-readonly]
role_arn = arn:aws:iam::555555555555:role/Beta
credential_source = Environment

[profile ops]
role_arn = arn:aws:iam::444444444444:role/Gamma
credential_source = Environment

[profile zeta]
role_arn = arn:aws:iam::666666666666:role/Delta
credential_source = Environment
)";

/// The profiles in view order: the rows of a flat model, the children of each account row of a tree.
QStringList visibleProfiles(const ProfileTreeModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex top = model.index(row, 0);
        if (!top.data(ProfileTreeModel::IsAccountRole).toBool()) {
            names.append(top.data(ProfileTreeModel::ProfileNameRole).toString());
            continue;
        }
        for (int r = 0; r < model.rowCount(top); ++r)
            names.append(model.index(r, 0, top).data(ProfileTreeModel::ProfileNameRole).toString());
    }
    return names;
}

} // namespace

class Tst_ProfileTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsProfilesByAccount();
    void filterMatchesNameAccountRoleAndRegion_data();
    void filterMatchesNameAccountRoleAndRegion();
    void filterRanksAcrossAccounts_data();
    void filterRanksAcrossAccounts();
    void filterShowsAFlatListAndClearingTheTree();
    void flatRowsNameTheirAccount();
    void modelPassesTheTester();
    void badgesShowMfaAndCountdown_data();
    void badgesShowMfaAndCountdown();
    void countdownsSignalOnlyTheirRows_data();
    void countdownsSignalOnlyTheirRows();
    void countdownTexts_data();
    void countdownTexts();
    void fuzzyScores();
    void tenThousandProfilesFilter();
};

void Tst_ProfileTreeModel::groupsProfilesByAccount()
{
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    QCOMPARE(model.rowCount(), 4); // identity (alias), 222…, 333…, no account
    QCOMPARE(model.index(0, 0).data().toString(), u"identity (111111111111)"_s);
    QCOMPARE(model.index(3, 0).data().toString(), u"Other profiles"_s);
    const QModelIndex acme = model.index(1, 0);
    QCOMPARE(acme.data(ProfileTreeModel::AccountIdRole).toString(), u"222222222222"_s);
    QCOMPARE(model.rowCount(acme), 2);
    QCOMPARE(model.index(0, 0, acme).data().toString(), u"acme-prod-admin"_s); // file order
    QCOMPARE(model.visibleProfileCount(), 5);
    QCOMPARE(model.indexOfProfile(u"acme-dev-admin"_s).parent().data(ProfileTreeModel::AccountIdRole).toString(),
        u"333333333333"_s);
    QCOMPARE(model.profileAt(model.indexOfProfile(u"lonely"_s))->region, u"ap-south-1"_s);
}

void Tst_ProfileTreeModel::filterMatchesNameAccountRoleAndRegion_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("part of an account id") << u"2222"_s << QStringList {u"acme-prod-admin"_s, u"acme-prod-readonly"_s};
    QTest::addRow("role name") << u"readonly"_s << QStringList {u"acme-prod-readonly"_s};
    QTest::addRow("region") << u"ap-south"_s << QStringList {u"lonely"_s};
    QTest::addRow("alias") << u"identity"_s << QStringList {u"user"_s};
    QTest::addRow("fuzzy subsequence") << u"apa"_s << QStringList {u"acme-prod-admin"_s, u"acme-prod-readonly"_s};
    QTest::addRow("digits only as substrings") << u"3313"_s << QStringList {};
    QTest::addRow("two words must both match") << u"dev admin"_s << QStringList {u"acme-dev-admin"_s};
    QTest::addRow("case-insensitive") << u"ACME-DEV"_s << QStringList {u"acme-dev-admin"_s};
    QTest::addRow("nothing") << u"zzz"_s << QStringList {};
}

void Tst_ProfileTreeModel::filterMatchesNameAccountRoleAndRegion()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    model.setFilter(query);
    QStringList got = visibleProfiles(model);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(got, expected);
    model.setFilter({});
    QCOMPARE(model.visibleProfileCount(), 5);
}

void Tst_ProfileTreeModel::filterRanksAcrossAccounts_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    // Grouped by account this would read ops, acme-prod-ops (444…) before ops-readonly (555…).
    QTest::addRow("exact, then prefix, then word start")
        << u"ops"_s << QStringList {u"ops"_s, u"ops-readonly"_s, u"acme-prod-ops"_s};
    QTest::addRow("ties by name") << u"4444"_s << QStringList {u"acme-prod-ops"_s, u"ops"_s};
    QTest::addRow("role name") << u"beta"_s << QStringList {u"ops-readonly"_s};
    QTest::addRow("nothing") << u"qqq"_s << QStringList {};
}

void Tst_ProfileTreeModel::filterRanksAcrossAccounts()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kRankingConfig));
    model.setFilter(query);
    QCOMPARE(visibleProfiles(model), expected);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1, 0).data(ProfileTreeModel::ScoreRole).toInt()
            >= model.index(row, 0).data(ProfileTreeModel::ScoreRole).toInt());
    if (!expected.isEmpty()) {
        QCOMPARE(model.firstProfileIndex(), model.index(0, ProfileTreeModel::NameColumn));
        QVERIFY(model.firstProfileIndex().data(ProfileTreeModel::ScoreRole).toInt() > 0);
    } else {
        QVERIFY(!model.firstProfileIndex().isValid());
    }
}

void Tst_ProfileTreeModel::filterShowsAFlatListAndClearingTheTree()
{
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    QVERIFY(!model.isFlat());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter(u"acme"_s);
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.isFlat());
    QCOMPARE(model.rowCount(), 3); // three profiles in two accounts, no account rows
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, ProfileTreeModel::NameColumn);
        QVERIFY(!index.data(ProfileTreeModel::IsAccountRole).toBool());
        QVERIFY(!index.parent().isValid());
        QCOMPARE(model.rowCount(index), 0);
        QVERIFY(!model.index(0, 0, index).isValid());
        QCOMPARE(model.profileAt(index)->name, index.data().toString());
        QCOMPARE(model.indexOfProfile(index.data().toString()), index);
    }
    QCOMPARE(model.visibleProfileCount(), 3);
    QCOMPARE(model.firstProfileIndex().row(), 0);
    QVERIFY(!model.firstProfileIndex().parent().isValid());

    model.setFilter(u"  "_s); // no words: the tree
    QVERIFY(!model.isFlat());
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.index(0, 0).data(ProfileTreeModel::IsAccountRole).toBool());
    QCOMPARE(model.index(0, 0).data(ProfileTreeModel::ScoreRole).toInt(), 0);
    QCOMPARE(model.firstProfileIndex().parent(), model.index(0, 0));
    QCOMPARE(visibleProfiles(model),
        (QStringList {u"user"_s, u"acme-prod-admin"_s, u"acme-prod-readonly"_s, u"acme-dev-admin"_s, u"lonely"_s}));

    model.setFilter(u"lonely"_s);
    model.setProfiles(profilesFrom(kConfig, kCredentials)); // a reload keeps the filter and the flat shape
    QVERIFY(model.isFlat());
    QCOMPARE(visibleProfiles(model), QStringList {u"lonely"_s});
    QCOMPARE(model.index(0, ProfileTreeModel::AccountColumn).data().toString(), QString());
}

void Tst_ProfileTreeModel::flatRowsNameTheirAccount()
{
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    QCOMPARE(model.headerData(ProfileTreeModel::AccountColumn, Qt::Horizontal).toString(), u"Account"_s);
    model.setFilter(u"user"_s);
    const QModelIndex user = model.indexOfProfile(u"user"_s, ProfileTreeModel::AccountColumn);
    QCOMPARE(user.data().toString(), u"identity (111111111111)"_s);
    QCOMPARE(user.data(ProfileTreeModel::AccountIdRole).toString(), u"111111111111"_s);
    QCOMPARE(user.data(ProfileTreeModel::AccountAliasRole).toString(), u"identity"_s);
    QVERIFY2(user.data(Qt::AccessibleTextRole).toString().contains(u"Account identity"_s),
        qPrintable(user.data(Qt::AccessibleTextRole).toString()));
    model.setAccountAliases({{u"222222222222"_s, u"acme"_s}});
    model.setFilter(u"readonly"_s);
    QCOMPARE(model.index(0, ProfileTreeModel::AccountColumn).data().toString(), u"acme (222222222222)"_s);
    QCOMPARE(model.index(0, ProfileTreeModel::RegionColumn).data().toString(), QString());
}

void Tst_ProfileTreeModel::modelPassesTheTester()
{
    ManualClock clock;
    ProfileTreeModel model(&clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    model.setFilter(u"acme"_s);
    model.setFilter(u"a"_s);
    model.setSessions({{u"user"_s, clock.nowUtc().addSecs(600)}});
    model.setFavourites({u"user"_s});
    model.setAccountAliases({{u"222222222222"_s, u"acme"_s}});
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    model.refreshCountdowns();
    model.setFilter({});
    model.setSessions({{u"acme-dev-admin"_s, clock.nowUtc().addSecs(60)}});
    model.refreshCountdowns();
    model.setFilter(u"zzz"_s);
    model.setProfiles({});
    QCOMPARE(model.rowCount(), 0);
    model.setFilter({});
    QCOMPARE(model.rowCount(), 0);
}

void Tst_ProfileTreeModel::badgesShowMfaAndCountdown_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addRow("tree") << QString();
    QTest::addRow("flat") << u"prod admin"_s;
}

void Tst_ProfileTreeModel::badgesShowMfaAndCountdown()
{
    QFETCH(QString, filter);
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    model.setFilter(filter);
    const QModelIndex admin = model.indexOfProfile(u"acme-prod-admin"_s, ProfileTreeModel::StatusColumn);
    QCOMPARE(admin.parent().isValid(), filter.isEmpty());
    QCOMPARE(admin.data().toString(), u"MFA"_s);
    QVERIFY(admin.data(ProfileTreeModel::NeedsMfaRole).toBool());
    QCOMPARE(admin.data(ProfileTreeModel::KindRole).toInt(), static_cast<int>(Profiles::Kind::Role));
    QCOMPARE(admin.data(ProfileTreeModel::RoleArnRole).toString(), u"arn:aws:iam::222222222222:role/Admin"_s);
    QCOMPARE(admin.data(ProfileTreeModel::SecondsLeftRole).toLongLong(), -1);
    QVERIFY(admin.data(Qt::AccessibleTextRole).toString().contains(u"needs MFA"_s));
    QCOMPARE(admin.flags(), Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren);
    model.setSessions({{u"acme-prod-admin"_s, clock.nowUtc().addSecs(23 * 60)}});
    QCOMPARE(
        model.indexOfProfile(u"acme-prod-admin"_s, ProfileTreeModel::StatusColumn).data().toString(), u"23 min left"_s);
    clock.advance(22 * 60 * 1000 + 30 * 1000);
    model.refreshCountdowns();
    QCOMPARE(
        model.indexOfProfile(u"acme-prod-admin"_s, ProfileTreeModel::StatusColumn).data().toString(), u"30 s left"_s);
    QVERIFY(
        model.indexOfProfile(u"acme-prod-admin"_s).data(Qt::AccessibleTextRole).toString().contains(u"30 s left"_s));
    model.setFavourites({u"acme-prod-admin"_s});
    QVERIFY(model.indexOfProfile(u"acme-prod-admin"_s).data(ProfileTreeModel::FavouriteRole).toBool());
}

void Tst_ProfileTreeModel::countdownsSignalOnlyTheirRows_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addRow("tree") << QString();
    QTest::addRow("flat") << u"acme"_s;
}

void Tst_ProfileTreeModel::countdownsSignalOnlyTheirRows()
{
    // The window ticks every second: a signal for every row would have its views re-measure thousands of rows.
    QFETCH(QString, filter);
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(kConfig, kCredentials));
    model.setFilter(filter);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshCountdowns();
    QCOMPARE(changed.count(), 0);
    const QModelIndex admin = model.indexOfProfile(u"acme-prod-admin"_s, ProfileTreeModel::StatusColumn);
    QVERIFY(admin.isValid());
    // A session of a profile the filter hides signals nothing.
    model.setSessions({{u"acme-prod-admin"_s, clock.nowUtc().addSecs(600)}, {u"lonely"_s, clock.nowUtc()}});
    QCOMPARE(changed.count(), filter.isEmpty() ? 2 : 1);
    changed.clear();
    model.setSessions({{u"acme-prod-admin"_s, clock.nowUtc().addSecs(600)}});
    QCOMPARE(changed.count(), filter.isEmpty() ? 2 : 1);
    changed.clear();
    model.refreshCountdowns();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), admin);
    QCOMPARE(changed.first().at(1).toModelIndex(), admin);
    changed.clear();
    model.setSessions({}); // the ended session's badge changes as well
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), admin);
    QCOMPARE(admin.data().toString(), u"MFA"_s);
}

void Tst_ProfileTreeModel::countdownTexts_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("none") << qint64(-1) << QString();
    QTest::addRow("expired") << qint64(0) << u"expired"_s;
    QTest::addRow("seconds") << qint64(45) << u"45 s left"_s;
    QTest::addRow("a minute, rounded up") << qint64(61) << u"2 min left"_s;
    QTest::addRow("hours") << qint64(3900) << u"1 h 05 min left"_s;
    QTest::addRow("twelve hours") << qint64(43200) << u"12 h 00 min left"_s;
}

void Tst_ProfileTreeModel::countdownTexts()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(ProfileTreeModel::countdownText(seconds), text);
}

void Tst_ProfileTreeModel::fuzzyScores()
{
    using Models::FuzzyMatcher;
    QCOMPARE(FuzzyMatcher::scoreWord(u"xyz", u"acme-prod"), 0);
    QVERIFY(FuzzyMatcher::scoreWord(u"prod", u"acme-prod") > FuzzyMatcher::scoreWord(u"prod", u"acmeproduction"));
    QVERIFY(FuzzyMatcher::scoreWord(u"ap", u"acme-prod") > 0); // a…p subsequence
    QVERIFY(FuzzyMatcher::scoreWord(u"acme", u"acme") > FuzzyMatcher::scoreWord(u"acme", u"acme-prod"));
    QVERIFY(FuzzyMatcher::scoreWord(u"pa", u"prod-admin") > FuzzyMatcher::scoreWord(u"pa", u"xpxxxxxxa"));
    QCOMPARE(FuzzyMatcher(u"  "_s).score({u"anything"_s}), 1);
}

void Tst_ProfileTreeModel::tenThousandProfilesFilter()
{
    // Correctness at scale (speed is measured by bench/, not asserted here).
    QByteArray config;
    for (int i = 0; i < 10000; ++i)
        config += "[profile p" + QByteArray::number(i)
            + "]\nrole_arn = arn:aws:iam::" + QByteArray::number(100000000000 + i) + ":role/Role"
            + QByteArray::number(i) + "\ncredential_source = Environment\n";
    ManualClock clock;
    ProfileTreeModel model(&clock);
    model.setProfiles(profilesFrom(config));
    QCOMPARE(model.visibleProfileCount(), 10000);
    model.setFilter(u"100000009999"_s);
    QCOMPARE(visibleProfiles(model), QStringList {u"p9999"_s});
}

QTEST_GUILESS_MAIN(Tst_ProfileTreeModel)
#include "tst_profiletreemodel.moc"
