// SPDX-License-Identifier: Apache-2.0
// Profile resolution (kind, chain, steps, errors) for every resolution case of tests/data/config.
// The expectations come from botocore's own credential resolver, run by
// tests/data/config/generate_expected.py with every network call stubbed; rules that are Rolecall's
// own (include_profile, the MFA session-token step) are marked "rolecall_only" in expected.json.
#include "config/inidocument.h"
#include "config/sharedconfig.h"
#include "profiles/profile.h"
#include "util/sharedslices.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Profiles::Step;

namespace {

const QString kCorpusDir = QStringLiteral(ROLECALL_TEST_DATA_DIR "/config");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject expectedFor(const QString &name)
{
    return QJsonDocument::fromJson(readFile(kCorpusDir + u'/' + name + u"/expected.json"_s)).object();
}

Config::SharedConfig loadCase(const QString &name)
{
    const QString config = kCorpusDir + u'/' + name + u"/config"_s;
    const QString credentials = kCorpusDir + u'/' + name + u"/credentials"_s;
    return Config::SharedConfig::fromDocuments(Config::IniDocument::parse(readFile(config), config),
        Config::IniDocument::parse(readFile(credentials), credentials));
}

QStringList resolutionCases()
{
    QStringList out;
    for (const QString &name :
        QDir(kCorpusDir).entryList({u"[0-9][0-9]-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (expectedFor(name)[u"rolecall"_s].toObject().contains(u"resolve"_s))
            out.append(name);
    }
    return out;
}

/// The JSON step names, mapped here rather than through Step::typeName() so that a wrong typeName()
/// cannot make a wrong step type look right.
std::optional<Step::Type> stepType(const QString &name)
{
    static const QHash<QString, Step::Type> types = {
        {u"static_keys"_s, Step::Type::StaticKeys},
        {u"environment"_s, Step::Type::Environment},
        {u"ecs_container"_s, Step::Type::EcsContainer},
        {u"instance_metadata"_s, Step::Type::InstanceMetadata},
        {u"process"_s, Step::Type::Process},
        {u"web_identity"_s, Step::Type::WebIdentity},
        {u"sso"_s, Step::Type::Sso},
        {u"session_token"_s, Step::Type::SessionToken},
        {u"assume_role"_s, Step::Type::AssumeRole},
        {u"keychain_keys"_s, Step::Type::KeychainKeys},
    };
    const auto it = types.constFind(name);
    return it == types.constEnd() ? std::nullopt : std::optional<Step::Type>(*it);
}

QString describeSteps(const QList<Step> &steps)
{
    QStringList parts;
    for (const Step &step : steps)
        parts.append(step.typeName() + u'(' + step.profile + (step.mfaSerial.isEmpty() ? u""_s : u" mfa"_s) + u')');
    return parts.join(u" → "_s);
}

// Every field of a resolved profile and of its steps, as lines: two profiles are the same when these are.
QStringList describeFully(const Profiles::ResolvedProfile &r)
{
    const auto number = [](const std::optional<int> &n) { return n ? QString::number(*n) : u"-"_s; };
    QStringList out {r.name, Profiles::kindName(r.kind), r.region, r.roleArn, r.sourceProfile, r.credentialSource,
        r.mfaSerial, number(r.durationSeconds), r.externalId, r.roleSessionName, r.endpointUrl, r.ssoSession,
        r.ssoStartUrl, r.accountId, r.chain.join(u','), r.errors.join(u'|'), r.file, QString::number(r.line)};
    for (const Config::Setting &setting : r.settings)
        out << setting.key + u'=' + setting.value;
    for (const Step &step : r.steps) {
        QStringList tags;
        for (const auto &tag : step.tags)
            tags << tag.key + u'=' + tag.value;
        out << QStringList {step.typeName(), step.profile, step.roleArn, step.roleSessionName, step.externalId,
            step.mfaSerial, step.mfaProcess, number(step.durationSeconds), step.sourceIdentity, tags.join(u','),
            step.transitiveTagKeys.join(u','), step.policyArns.join(u','), step.policy, step.webIdentityTokenFile,
            step.credentialProcess, step.keychainProfile, step.accessKeyId, step.secretAccessKey, step.sessionToken}
                   .join(u" / "_s);
    }
    return out;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

class Tst_ProfileResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusHasResolutionCases();
    void resolvesLikeBotocore_data();
    void resolvesLikeBotocore();
    void assumeRoleParametersMatchBotocore_data();
    void assumeRoleParametersMatchBotocore();
    void resolveAllKeepsBotocoreOrder_data();
    void resolveAllKeepsBotocoreOrder();
    void sharedResolverAnswersAsAFreshOne_data();
    void sharedResolverAnswersAsAFreshOne();
    void unknownProfileIsAnError();
    void includeProfileErrorsAreReportedOnce();
    void accountIdComesFromArn_data();
    void accountIdComesFromArn();
    void sessionNameComesFromTheUser_data();
    void sessionNameComesFromTheUser();
};

void Tst_ProfileResolver::corpusHasResolutionCases()
{
    const QStringList cases = resolutionCases();
    QVERIFY2(cases.size() >= 15, qPrintable(u"only %1 resolution cases"_s.arg(cases.size())));
    int errorProfiles = 0;
    int mfaProfiles = 0;
    for (const QString &name : cases) {
        const QJsonObject resolve = expectedFor(name)[u"rolecall"_s][u"resolve"_s].toObject();
        for (const QJsonValue &profile : resolve) {
            errorProfiles += profile[u"errors"_s].toArray().isEmpty() ? 0 : 1;
            mfaProfiles += profile[u"steps"_s].toArray().contains(QJsonObject {
                               {u"type"_s, u"session_token"_s}, {u"profile"_s, QJsonValue()}, {u"mfa"_s, true}})
                ? 1
                : 0;
        }
    }
    QVERIFY2(errorProfiles >= 8, "the corpus lost its error cases");
    QVERIFY2(mfaProfiles >= 3, "the corpus lost its MFA cases");
}

void Tst_ProfileResolver::resolvesLikeBotocore_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QJsonObject>("expected");
    for (const QString &name : resolutionCases()) {
        const QJsonObject resolve = expectedFor(name)[u"rolecall"_s][u"resolve"_s].toObject();
        for (auto it = resolve.constBegin(); it != resolve.constEnd(); ++it)
            QTest::addRow("%s/%s", qPrintable(name), qPrintable(it.key())) << name << it.key() << it->toObject();
    }
}

void Tst_ProfileResolver::resolvesLikeBotocore()
{
    QFETCH(QString, caseName);
    QFETCH(QString, profile);
    QFETCH(QJsonObject, expected);
    const Config::SharedConfig config = loadCase(caseName);
    const Profiles::ProfileResolver resolver(config);
    const Profiles::ResolvedProfile r = resolver.resolve(profile);
    const QString got = u"errors: ["_s + r.errors.join(u" | "_s) + u"] steps: "_s + describeSteps(r.steps);

    QCOMPARE(r.name, profile);
    QCOMPARE(Profiles::kindName(r.kind), expected[u"kind"_s].toString());
    QCOMPARE(r.region, expected[u"region"_s].toString());

    const QStringList errors = toStringList(expected[u"errors"_s]);
    if (errors.isEmpty()) {
        QVERIFY2(r.errors.isEmpty(), qPrintable(u"botocore resolves this profile; Rolecall: "_s + got));
    } else {
        QVERIFY2(!r.errors.isEmpty(), qPrintable(u"botocore refuses this profile; Rolecall: "_s + got));
        const QString all = r.errors.join(u'\n');
        for (const QString &part : errors)
            QVERIFY2(all.contains(part), qPrintable(u"no error names \""_s + part + u"\": "_s + all));
    }

    if (expected[u"chain"_s].isArray())
        QCOMPARE(r.chain, toStringList(expected[u"chain"_s]));

    if (expected[u"steps"_s].isArray()) {
        const QJsonArray steps = expected[u"steps"_s].toArray();
        QVERIFY2(r.steps.size() == steps.size(), qPrintable(got));
        bool mfa = false;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QJsonObject want = steps.at(i).toObject();
            const Step &step = r.steps.at(i);
            const auto type = stepType(want[u"type"_s].toString());
            QVERIFY2(type.has_value(), qPrintable(want[u"type"_s].toString()));
            QVERIFY2(step.type == *type, qPrintable(u"step %1: "_s.arg(i) + got));
            QCOMPARE(step.typeName(), want[u"type"_s].toString());
            if (want[u"profile"_s].isString())
                QVERIFY2(step.profile == want[u"profile"_s].toString(), qPrintable(u"step %1: "_s.arg(i) + got));
            QVERIFY2(!step.mfaSerial.isEmpty() == want[u"mfa"_s].toBool(), qPrintable(u"step %1 MFA: "_s.arg(i) + got));
            mfa = mfa || want[u"mfa"_s].toBool();
            if (step.type == Step::Type::StaticKeys)
                QCOMPARE(step.accessKeyId, u"AKIAIOSFODNN7EXAMPLE"_s);
        }
        QCOMPARE(r.needsMfa(), mfa);
    }
}

void Tst_ProfileResolver::assumeRoleParametersMatchBotocore_data()
{
    // Every profile botocore resolved: its recorded AssumeRole calls, in order.
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QJsonArray>("botocoreSteps");
    for (const QString &name : resolutionCases()) {
        const QJsonObject resolve = expectedFor(name)[u"botocore"_s][u"resolve"_s].toObject();
        for (auto it = resolve.constBegin(); it != resolve.constEnd(); ++it) {
            if (it->toObject()[u"error"_s].isNull())
                QTest::addRow("%s/%s", qPrintable(name), qPrintable(it.key()))
                    << name << it.key() << it->toObject()[u"steps"_s].toArray();
        }
    }
}

void Tst_ProfileResolver::assumeRoleParametersMatchBotocore()
{
    QFETCH(QString, caseName);
    QFETCH(QString, profile);
    QFETCH(QJsonArray, botocoreSteps);
    const Config::SharedConfig config = loadCase(caseName);
    const Profiles::ResolvedProfile r = Profiles::ProfileResolver(config).resolve(profile);
    QList<Step> roleSteps;
    for (const Step &step : r.steps) {
        if (step.type == Step::Type::AssumeRole || step.type == Step::Type::WebIdentity)
            roleSteps.append(step);
    }
    QJsonArray botocoreRoleSteps;
    for (const QJsonValue &step : botocoreSteps) {
        if (step[u"role_arn"_s].isString())
            botocoreRoleSteps.append(step);
    }
    QVERIFY2(roleSteps.size() == botocoreRoleSteps.size(), qPrintable(describeSteps(r.steps)));
    for (qsizetype i = 0; i < roleSteps.size(); ++i) {
        const Step &step = roleSteps.at(i);
        const QJsonObject want = botocoreRoleSteps.at(i).toObject();
        QCOMPARE(step.profile, want[u"profile"_s].toString());
        QCOMPARE(step.roleArn, want[u"role_arn"_s].toString());
        if (step.type != Step::Type::AssumeRole)
            continue;
        QCOMPARE(step.externalId, want[u"external_id"_s].toString());
        if (want.contains(u"role_session_name"_s))
            QCOMPARE(step.roleSessionName, want[u"role_session_name"_s].toString());
        else
            QVERIFY(!step.roleSessionName.isEmpty()); // a generated default; STS requires one
        QCOMPARE(step.durationSeconds.has_value(), want.contains(u"duration_seconds"_s));
        if (step.durationSeconds)
            QCOMPARE(*step.durationSeconds, want[u"duration_seconds"_s].toInt());
        // botocore sends SerialNumber on the hop that names it; Rolecall moves the first hop's MFA
        // into a session-token step (see resolvesLikeBotocore), so only a serial it keeps must agree.
        if (!step.mfaSerial.isEmpty())
            QCOMPARE(step.mfaSerial, want[u"mfa_serial"_s].toString());
    }
}

void Tst_ProfileResolver::resolveAllKeepsBotocoreOrder_data()
{
    QTest::addColumn<QString>("caseName");
    for (const QString &name : resolutionCases())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void Tst_ProfileResolver::resolveAllKeepsBotocoreOrder()
{
    QFETCH(QString, caseName);
    const Config::SharedConfig config = loadCase(caseName);
    QStringList names;
    for (const Profiles::ResolvedProfile &r : Profiles::ProfileResolver(config).resolveAll())
        names.append(r.name);
    QCOMPARE(names, toStringList(expectedFor(caseName)[u"botocore"_s][u"profiles"_s]));
}

// One resolver keeps the chains of source profiles it built and reuses them (the listing resolves
// thousands of profiles with one): every profile must come out as a resolver of its own gives it,
// MFA steps of shared users included, whichever profile was resolved first.
void Tst_ProfileResolver::sharedResolverAnswersAsAFreshOne_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<bool>("reversed");
    for (const QString &name : resolutionCases()) {
        QTest::addRow("%s, file order", qPrintable(name)) << name << false;
        QTest::addRow("%s, reversed", qPrintable(name)) << name << true;
    }
    QTest::addRow("shared MFA users, file order") << QString() << false;
    QTest::addRow("shared MFA users, reversed") << QString() << true;
}

void Tst_ProfileResolver::sharedResolverAnswersAsAFreshOne()
{
    QFETCH(QString, caseName);
    QFETCH(bool, reversed);
    const QByteArray users = "[profile alice]\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\nmfa_process = echo 1\n"
                             "[profile bob]\nregion = eu-west-1\n"
                             "[profile a1]\nrole_arn = arn:aws:iam::222222222222:role/a1\nsource_profile = alice\n"
                             "[profile a2]\nrole_arn = arn:aws:iam::333333333333:role/a2\nsource_profile = alice\n"
                             "mfa_serial = arn:aws:iam::111111111111:mfa/other\n"
                             "[profile a3]\nrole_arn = arn:aws:iam::444444444444:role/a3\nsource_profile = a1\n"
                             "[profile b1]\nrole_arn = arn:aws:iam::555555555555:role/b1\nsource_profile = bob\n"
                             "mfa_serial = arn:aws:iam::666666666666:mfa/bob\n"
                             "[profile b2]\nrole_arn = arn:aws:iam::777777777777:role/b2\nsource_profile = b1\n";
    const QByteArray keys = "[alice]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                            "[bob]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
    const Config::SharedConfig config = caseName.isEmpty()
        ? Config::SharedConfig::fromDocuments(
            Config::IniDocument::parse(users, u"config"_s), Config::IniDocument::parse(keys, u"credentials"_s))
        : loadCase(caseName);
    QStringList names;
    for (const Config::ProfileSettings &profile : config.profiles())
        names.append(profile.name);
    if (reversed)
        std::reverse(names.begin(), names.end());
    const Profiles::ProfileResolver shared(config);
    int mfaSteps = 0;
    Profiles::ResolvedProfile reused; // as the listing does: one object for every profile in turn
    for (const QString &name : std::as_const(names)) {
        // The shared one as the listing asks (by the config's own profile), the fresh one by name.
        const Profiles::ResolvedProfile got = shared.resolve(*config.profile(name));
        const Profiles::ResolvedProfile fresh = Profiles::ProfileResolver(config).resolve(name);
        shared.resolve(*config.profile(name), &reused);
        QCOMPARE(describeFully(reused), describeFully(fresh));
        QCOMPARE(describeFully(got), describeFully(fresh));
        QCOMPARE(got.name, fresh.name);
        QCOMPARE(got.file, fresh.file);
        QCOMPARE(got.line, fresh.line);
        QCOMPARE(got.region, fresh.region);
        QCOMPARE(got.accountId, fresh.accountId);
        QCOMPARE(got.kind, fresh.kind);
        QCOMPARE(got.chain, fresh.chain);
        QCOMPARE(got.errors, fresh.errors);
        QCOMPARE(describeSteps(got.steps), describeSteps(fresh.steps));
        QCOMPARE(got.steps.size(), fresh.steps.size());
        for (qsizetype i = 0; i < got.steps.size(); ++i) {
            QCOMPARE(got.steps.at(i).mfaSerial, fresh.steps.at(i).mfaSerial);
            QCOMPARE(got.steps.at(i).mfaProcess, fresh.steps.at(i).mfaProcess);
            QCOMPARE(got.steps.at(i).accessKeyId, fresh.steps.at(i).accessKeyId);
            mfaSteps += got.steps.at(i).type == Profiles::Step::Type::SessionToken ? 1 : 0;
        }
    }
    if (caseName.isEmpty()) {
        // alice, a1, a2, a3 (alice's own serial wins over a2's), bob's b1 and b2 (b1's serial moves to the token)
        QCOMPARE(mfaSteps, 6);
    }
}

void Tst_ProfileResolver::unknownProfileIsAnError()
{
    const Config::SharedConfig config = loadCase(u"51-role-chain-depth-3"_s);
    const Profiles::ResolvedProfile r = Profiles::ProfileResolver(config).resolve(u"no-such-profile"_s);
    QVERIFY(!r.isValid());
    QVERIFY2(r.errors.join(u'\n').contains(u"no-such-profile"_s), qPrintable(r.errors.join(u'\n')));
}

void Tst_ProfileResolver::includeProfileErrorsAreReportedOnce()
{
    const QByteArray text = "[profile a]\ninclude_profile = b\n[profile b]\ninclude_profile = a\n"
                            "[profile c]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = d\n"
                            "include_profile = missing\n[profile d]\nregion = eu-west-1\n"
                            "[profile keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
                            "mfa_serial = arn:aws:iam::123456789012:mfa/me\ninclude_profile = gone\n"
                            "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = keys\n";
    const auto config = Config::SharedConfig::fromDocuments(Config::IniDocument::parse(text, u"config"_s), {});
    const Profiles::ProfileResolver resolver(config);
    const QStringList loop = resolver.resolve(u"a"_s).errors;
    QCOMPARE(loop, QStringList {u"include_profile loops: a → b → a."_s});
    const QStringList missing = resolver.resolve(u"c"_s).errors;
    QCOMPARE(missing.count(u"The profile \"missing\" included by \"c\" does not exist."_s), 1);
    QVERIFY2(missing.join(u'\n').contains(u"The source profile \"d\" must have credentials."_s),
        qPrintable(missing.join(u'\n')));
    // The keys' profile, resolved itself (with its MFA step) and as the source of a role.
    const QString gone = u"The profile \"gone\" included by \"keys\" does not exist."_s;
    QCOMPARE(resolver.resolve(u"keys"_s).errors, QStringList {gone});
    QCOMPARE(resolver.resolve(u"role"_s).errors, QStringList {gone});
}

void Tst_ProfileResolver::accountIdComesFromArn_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("account");
    QTest::addRow("role") << u"arn:aws:iam::123456789012:role/Dev"_s << u"123456789012"_s;
    QTest::addRow("mfa device") << u"arn:aws:iam::111122223333:mfa/user"_s << u"111122223333"_s;
    QTest::addRow("china partition") << u"arn:aws-cn:iam::123456789012:role/x"_s << u"123456789012"_s;
    QTest::addRow("short account") << u"arn:aws:iam::12345:role/x"_s << QString();
    QTest::addRow("not an arn") << u"GAHT12345678"_s << QString();
    QTest::addRow("letters in account") << u"arn:aws:iam::12345678901x:role/x"_s << QString();
    QTest::addRow("long account") << u"arn:aws:iam::1234567890123:role/x"_s << QString();
    QTest::addRow("no resource") << u"arn:aws:iam::123456789012"_s << QString();
    QTest::addRow("too few fields") << u"arn:aws:iam:"_s << QString();
    QTest::addRow("account in the region's place") << u"arn:aws:iam:123456789012:x:role/x"_s << QString();
}

void Tst_ProfileResolver::accountIdComesFromArn()
{
    QFETCH(QString, arn);
    QFETCH(QString, account);
    QCOMPARE(Profiles::accountIdFromArn(arn), account);
    // From text kept until exit (raw data, as the listing reads it) the account points into the
    // ARN; from an ordinary string it is a copy that outlives it.
    QString kept = arn;
    kept.detach();
    Rolecall::Core::keepUntilExit(kept);
    const QString raw = QString::fromRawData(kept.constData(), kept.size());
    const QString fromRaw = Profiles::accountIdFromArn(raw);
    QCOMPARE(fromRaw, account);
    if (!account.isEmpty())
        QCOMPARE(fromRaw.constData(), raw.constData() + raw.indexOf(account));
    QString owned = arn;
    owned.detach();
    const QString fromOwned = Profiles::accountIdFromArn(owned);
    owned.fill(u'x');
    QCOMPARE(fromOwned, account);
}

void Tst_ProfileResolver::sessionNameComesFromTheUser_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("userName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"alice"_s << QString() << u"rolecall-alice"_s;
    QTest::newRow("USERNAME when USER is unset") << QString() << u"bob"_s << u"rolecall-bob"_s;
    QTest::newRow("every allowed punctuation") << u"a_+=,.@-b"_s << QString() << u"rolecall-a_+=,.@-b"_s;
    QTest::newRow("the rest is dropped") << u"Jos\u00e9 \u00d1:x/y\\z"_s << QString() << u"rolecall-Josxyz"_s;
    QTest::newRow("nothing allowed") << u"!!! ???"_s << QString() << u"rolecall-session"_s;
    QTest::newRow("no user") << QString() << QString() << u"rolecall-session"_s;
    QTest::newRow("64 at most") << QString(80, u'u') << QString() << (u"rolecall-"_s + QString(55, u'u'));
}

void Tst_ProfileResolver::sessionNameComesFromTheUser()
{
    QFETCH(QString, user);
    QFETCH(QString, userName);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!user.isNull())
        env.insert(u"USER"_s, user);
    if (!userName.isNull())
        env.insert(u"USERNAME"_s, userName);
    QCOMPARE(Rolecall::Core::Profiles::ProfileResolver::sessionNameForUser(env), expected);
}

QTEST_GUILESS_MAIN(Tst_ProfileResolver)
#include "tst_profileresolver.moc"
