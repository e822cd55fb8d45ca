// SPDX-License-Identifier: Apache-2.0
// Reading ~/.aws/config and ~/.aws/credentials, checked case by case against what botocore sees.
// The corpus is tests/data/config/<case>/{config,credentials,expected.json}; expected.json is written
// by tests/data/config/generate_expected.py from botocore itself.
#include "config/inidocument.h"
#include "config/knownkeys.h"
#include "config/sharedconfig.h"
#include "profiles/profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core::Config;

namespace {

const QString kCorpusDir = QStringLiteral(ROLECALL_TEST_DATA_DIR "/config");

QStringList caseNames()
{
    return QDir(kCorpusDir).entryList({u"[0-9][0-9]-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString casePath(const QString &name, const QString &file)
{
    return kCorpusDir + u'/' + name + u'/' + file;
}

/// The bytes of a case file, or a null QByteArray when the case has no such file.
QByteArray readCaseFile(const QString &name, const QString &file)
{
    QFile f(casePath(name, file));
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

QJsonObject expectedFor(const QString &name)
{
    QFile f(casePath(name, u"expected.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

SharedConfig loadCase(const QString &name)
{
    return SharedConfig::fromDocuments(IniDocument::parse(readCaseFile(name, u"config"_s), casePath(name, u"config"_s)),
        IniDocument::parse(readCaseFile(name, u"credentials"_s), casePath(name, u"credentials"_s)));
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

QString describe(const Setting &setting)
{
    if (!setting.isNested)
        return setting.value;
    QStringList parts;
    for (const auto &[key, value] : setting.nested)
        parts.append(key + u'=' + value);
    return u"{"_s + parts.join(u", "_s) + u'}';
}

/// Compares settings against {key: "value" | {nested key: value}}; @p order (may be empty) is the key order.
void compareSettings(
    const QString &where, const QList<Setting> &actual, const QJsonObject &expected, const QStringList &order)
{
    QStringList actualKeys;
    for (const Setting &setting : actual)
        actualKeys.append(setting.key);
    if (!order.isEmpty() || expected.isEmpty()) {
        QVERIFY2(actualKeys == order,
            qPrintable(where + u": keys "_s + actualKeys.join(u',') + u" != "_s + order.join(u',')));
    } else {
        QStringList sortedActual = actualKeys;
        sortedActual.sort();
        QVERIFY2(sortedActual == expected.keys(), qPrintable(where + u": keys "_s + sortedActual.join(u',')));
    }
    for (const Setting &setting : actual) {
        const QJsonValue want = expected.value(setting.key);
        const QString at = where + u"/"_s + setting.key;
        if (want.isObject()) {
            QVERIFY2(setting.isNested, qPrintable(at + u" should be a nested section, is "_s + setting.value));
            QJsonObject nested;
            for (const auto &[key, value] : setting.nested)
                nested.insert(key, value); // later wins, as in botocore's dict
            QVERIFY2(nested == want.toObject(), qPrintable(at + u" = "_s + describe(setting)));
        } else {
            QVERIFY2(!setting.isNested, qPrintable(at + u" should not be nested: "_s + describe(setting)));
            QVERIFY2(setting.value == want.toString(),
                qPrintable(
                    at + u": \""_s + setting.value.left(200) + u"\" != \""_s + want.toString().left(200) + u'"'));
        }
    }
}

void compareNamedSections(const QString &what, const QList<NamedSection> &actual, const QJsonObject &expected)
{
    QStringList names;
    for (const NamedSection &section : actual)
        names.append(section.name);
    std::sort(names.begin(), names.end());
    QCOMPARE(names, expected.keys());
    for (const NamedSection &section : actual) {
        compareSettings(what + u' ' + section.name, section.settings, expected.value(section.name).toObject(), {});
        if (QTest::currentTestFailed())
            return;
    }
}

using DiagnosticKey = std::tuple<QString, int, QString>;

QString diagnosticsText(const QList<DiagnosticKey> &list)
{
    QStringList parts;
    for (const auto &[file, line, severity] : list)
        parts.append(u"%1:%2:%3"_s.arg(file).arg(line).arg(severity));
    return parts.join(u"  "_s);
}

/// Every byte of the input is in bytes(), the BOM, or exactly one line span with its line ending.
void verifySpansCoverInput(const IniDocument &doc, const QByteArray &input)
{
    QCOMPARE(doc.bytes(), input);
    qsizetype position = doc.hasBom() ? 3 : 0;
    QByteArray rebuilt = input.left(position);
    for (int line = 1; line <= doc.lineCount(); ++line) {
        const IniDocument::LineSpan &span = doc.lines().at(line - 1);
        QCOMPARE(span.start, position);
        const QByteArrayView text = doc.lineBytes(line);
        QCOMPARE(text.size(), span.length);
        QVERIFY2(!text.contains('\n') && !text.contains('\r'), qPrintable(u"line %1 holds a line break"_s.arg(line)));
        const QByteArray eol = input.mid(span.start + span.length, span.eolLength);
        QVERIFY(eol == "\n" || eol == "\r\n" || eol == "\r" || (eol.isEmpty() && line == doc.lineCount()));
        rebuilt += text.toByteArray() + eol;
        position = span.start + span.length + span.eolLength;
    }
    QCOMPARE(position, input.size());
    QCOMPARE(rebuilt, input);
}

} // namespace

class Tst_ConfigReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusIsCompleteAndCurrent();
    void readsProfilesAsBotocore_data();
    void readsProfilesAsBotocore();
    void reportsDiagnosticsWithLines_data();
    void reportsDiagnosticsWithLines();
    void keepsEveryByteInLineSpans_data();
    void keepsEveryByteInLineSpans();
    void dominantEolFollowsMostLines_data();
    void dominantEolFollowsMostLines();
    void splitsSectionNamesLikePythonShlex_data();
    void splitsSectionNamesLikePythonShlex();
    void diagnosticPrintsFileLineMessage();
    void valuesShareTheDecodedText();
    void textKeptUntilExitReadsTheSame_data();
    void textKeptUntilExitReadsTheSame();
    void expandsPathsAsPython_data();
    void expandsPathsAsPython();
    void repeatedSectionNamesItsFirstLine();
    void loadsFilesFromPathsLikeFromDocuments();
    void fiveThousandProfilesLoadWithoutDiagnostics();
    void tagsKnownKeysWhateverTheirCase();
    void decodesLargeFilesBlockByBlock();
    void moreSectionsThanHeaderLinesAtColumnOne();
};

void Tst_ConfigReader::corpusIsCompleteAndCurrent()
{
    const QStringList cases = caseNames();
    QVERIFY2(cases.size() >= 40, qPrintable(u"only %1 cases in "_s.arg(cases.size()) + kCorpusDir));
    int refused = 0;
    int resolution = 0;
    for (const QString &name : cases) {
        const QJsonObject expected = expectedFor(name);
        QVERIFY2(expected.contains(u"botocore"_s) && expected.contains(u"rolecall"_s),
            qPrintable(name + u": expected.json is missing or incomplete; run generate_expected.py"_s));
        QVERIFY2(QFile::exists(casePath(name, u"config"_s)) || QFile::exists(casePath(name, u"credentials"_s)),
            qPrintable(name + u" has neither a config nor a credentials file"_s));
        refused += expected[u"botocore"_s][u"error"_s].isString() ? 1 : 0;
        resolution += expected[u"rolecall"_s].toObject().contains(u"resolve"_s) ? 1 : 0;
    }
    // Both halves of the corpus must stay populated, or half of the checks below compare nothing.
    QVERIFY2(refused >= 5, "too few cases botocore refuses");
    QVERIFY2(resolution >= 15, "too few resolution cases");
}

void Tst_ConfigReader::readsProfilesAsBotocore_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : caseNames())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void Tst_ConfigReader::readsProfilesAsBotocore()
{
    QFETCH(QString, name);
    const QJsonObject expected = expectedFor(name);
    const QJsonObject botocore = expected[u"botocore"_s].toObject();
    const bool refused = !botocore[u"error"_s].isNull();
    // Where botocore refuses the file, Rolecall still loads what configparser's lenient mode reads.
    const QJsonObject view = refused ? expected[u"rolecall"_s].toObject() : botocore;

    const SharedConfig shared = loadCase(name);
    const bool rejected
        = shared.configDocument().rejectedByBotocore() || shared.credentialsDocument().rejectedByBotocore();
    QVERIFY2(rejected == refused,
        qPrintable(
            refused ? u"botocore refuses it: "_s + botocore[u"cause"_s].toString() : u"botocore reads this file"_s));

    QStringList names;
    for (const ProfileSettings &profile : shared.profiles())
        names.append(profile.name);
    QCOMPARE(names, toStringList(view[u"profiles"_s]));

    const QJsonObject settings = view[u"settings"_s].toObject();
    const QJsonObject order = view[u"key_order"_s].toObject();
    for (const ProfileSettings &profile : shared.profiles()) {
        QCOMPARE(shared.profile(profile.name), &profile);
        compareSettings(profile.name, profile.settings, settings.value(profile.name).toObject(),
            toStringList(order.value(profile.name)));
        if (QTest::currentTestFailed())
            return;
    }
    compareNamedSections(u"sso-session"_s, shared.ssoSessions(), view[u"sso_sessions"_s].toObject());
    compareNamedSections(u"services"_s, shared.services(), view[u"services"_s].toObject());
}

void Tst_ConfigReader::reportsDiagnosticsWithLines_data()
{
    readsProfilesAsBotocore_data();
}

void Tst_ConfigReader::reportsDiagnosticsWithLines()
{
    QFETCH(QString, name);
    const SharedConfig shared = loadCase(name);
    const QString configPath = casePath(name, u"config"_s);
    QList<DiagnosticKey> actual;
    for (const Diagnostic &d : shared.diagnostics()) {
        QVERIFY2(!d.message.isEmpty(), qPrintable(d.toString()));
        QVERIFY2(d.line >= 1, qPrintable(d.toString()));
        actual.append({d.file == configPath ? u"config"_s : QFileInfo(d.file).fileName(), d.line,
            d.severity == Diagnostic::Severity::Error ? u"error"_s : u"warning"_s});
    }
    QList<DiagnosticKey> expected;
    for (const QJsonValue &v : expectedFor(name)[u"rolecall"_s][u"diagnostics"_s].toArray()) {
        const QJsonObject d = v.toObject();
        expected.append({d[u"file"_s].toString(), d[u"line"_s].toInt(), d[u"severity"_s].toString()});
    }
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    QVERIFY2(actual == expected,
        qPrintable(u"got "_s + diagnosticsText(actual) + u"\nwant "_s + diagnosticsText(expected) + u"\n"_s + [&] {
            QStringList all;
            for (const Diagnostic &d : shared.diagnostics())
                all.append(d.toString());
            return all.join(u'\n');
        }()));
}

void Tst_ConfigReader::keepsEveryByteInLineSpans_data()
{
    QTest::addColumn<QByteArray>("input");
    for (const QString &name : caseNames()) {
        for (const QString &file : {u"config"_s, u"credentials"_s}) {
            if (QFile::exists(casePath(name, file)))
                QTest::addRow("%s/%s", qPrintable(name), qPrintable(file)) << readCaseFile(name, file);
        }
    }
    // Shapes the corpus does not hold.
    QTest::addRow("mixed endings") << QByteArray("[a]\r\nx = 1\ny = 2\r\rz = 3");
    QTest::addRow("bom only") << QByteArray("\xEF\xBB\xBF");
    QTest::addRow("single newline") << QByteArray("\n");
    QTest::addRow("cr before text") << QByteArray("a\rb\nc\r\n");
}

void Tst_ConfigReader::keepsEveryByteInLineSpans()
{
    QFETCH(QByteArray, input);
    const IniDocument doc = IniDocument::parse(input);
    verifySpansCoverInput(doc, input);
    for (const IniSection &section : doc.sections()) {
        QVERIFY(section.line >= 1 && section.line <= section.lastLine && section.lastLine <= doc.lineCount());
        for (const IniEntry &entry : section.entries)
            QVERIFY(entry.line > section.line && entry.line <= entry.lastLine && entry.lastLine <= section.lastLine);
    }
}

void Tst_ConfigReader::dominantEolFollowsMostLines_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("eol");
    QTest::addColumn<int>("lines");
    QTest::addRow("empty") << QByteArray() << QByteArray("\n") << 0;
    QTest::addRow("lf") << QByteArray("[a]\nx = 1\n") << QByteArray("\n") << 2;
    QTest::addRow("crlf") << QByteArray("[a]\r\nx = 1\r\n") << QByteArray("\r\n") << 2;
    QTest::addRow("classic mac cr") << QByteArray("[a]\rx = 1\r") << QByteArray("\r") << 2;
    QTest::addRow("mostly crlf") << QByteArray("[a]\r\nx = 1\r\ny = 2\n") << QByteArray("\r\n") << 3;
    QTest::addRow("mostly lf") << QByteArray("[a]\r\nx = 1\ny = 2\n") << QByteArray("\n") << 3;
    QTest::addRow("tie prefers lf") << QByteArray("[a]\r\nx = 1\n") << QByteArray("\n") << 2;
    QTest::addRow("no final eol") << QByteArray("[a]\r\nx = 1") << QByteArray("\r\n") << 2;
    QTest::addRow("cr then crlf is two lines") << QByteArray("[a]\r\r\n") << QByteArray("\r\n") << 2;
}

void Tst_ConfigReader::dominantEolFollowsMostLines()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, eol);
    QFETCH(int, lines);
    const IniDocument doc = IniDocument::parse(bytes);
    QCOMPARE(doc.lineCount(), lines);
    QCOMPARE(doc.dominantEol(), eol);
}

void Tst_ConfigReader::splitsSectionNamesLikePythonShlex_data()
{
    // Every expectation is what Python 3.11's shlex.split returns (or raises ValueError: ok = false).
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("parts");
    QTest::addRow("plain") << u"profile dev"_s << true << QStringList {u"profile"_s, u"dev"_s};
    QTest::addRow("double quotes") << u"profile \"my name\""_s << true << QStringList {u"profile"_s, u"my name"_s};
    QTest::addRow("single quotes") << u"profile 'single quoted'"_s << true
                                   << QStringList {u"profile"_s, u"single quoted"_s};
    QTest::addRow("escaped double quote")
        << u"profile \"say \\\"hi\\\"\""_s << true << QStringList {u"profile"_s, u"say \"hi\""_s};
    QTest::addRow("backslash before $ kept")
        << u"profile \"cost\\$center\""_s << true << QStringList {u"profile"_s, u"cost\\$center"_s};
    QTest::addRow("backslash before backtick kept")
        << u"profile \"a\\`b\""_s << true << QStringList {u"profile"_s, u"a\\`b"_s};
    QTest::addRow("escaped backslash") << u"profile \"back\\\\slash\""_s << true
                                       << QStringList {u"profile"_s, u"back\\slash"_s};
    QTest::addRow("escaped space") << u"profile a\\ b"_s << true << QStringList {u"profile"_s, u"a b"_s};
    QTest::addRow("quote pieces join") << u"profile 'it'\\''s'"_s << true << QStringList {u"profile"_s, u"it's"_s};
    QTest::addRow("empty quotes are a word") << u"profile \"\""_s << true << QStringList {u"profile"_s, QString()};
    QTest::addRow("adjacent quotes") << u"profile \"x\"\"y\""_s << true << QStringList {u"profile"_s, u"xy"_s};
    QTest::addRow("quotes inside a word") << u"profile a\"b c\"d"_s << true << QStringList {u"profile"_s, u"ab cd"_s};
    QTest::addRow("outer whitespace") << u"  profile   spaced  "_s << true << QStringList {u"profile"_s, u"spaced"_s};
    QTest::addRow("tab") << u"profile\ttab"_s << true << QStringList {u"profile"_s, u"tab"_s};
    QTest::addRow("hash is not a comment") << u"profile x#y"_s << true << QStringList {u"profile"_s, u"x#y"_s};
    QTest::addRow("backslash in single quotes") << u"profile 'a\\b'"_s << true << QStringList {u"profile"_s, u"a\\b"_s};
    QTest::addRow("empty") << QString() << true << QStringList {};
    QTest::addRow("unterminated quote") << u"profile \"unterminated"_s << false << QStringList {};
    QTest::addRow("trailing backslash") << u"profile trailing\\"_s << false << QStringList {};
}

void Tst_ConfigReader::splitsSectionNamesLikePythonShlex()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QStringList, parts);
    QStringList actual {u"stale"_s};
    QCOMPARE(shlexSplit(text, &actual), ok);
    if (ok)
        QCOMPARE(actual, parts);
}

void Tst_ConfigReader::repeatedSectionNamesItsFirstLine()
{
    const IniDocument doc = IniDocument::parse("[a]\nx = 1\n[DEFAULT]\n[b]\n[a]\ny = 2\n[DEFAULT]\n[a]\n", u"config"_s);
    QStringList messages;
    for (const Diagnostic &d : doc.diagnostics())
        messages.append(u"%1: %2"_s.arg(d.line).arg(d.message));
    QCOMPARE(messages.size(), 2); // [DEFAULT] is never a repeated section
    QVERIFY2(
        messages.at(0).startsWith(u"5: Section [a] appears again (first at line 1)"_s), qPrintable(messages.at(0)));
    QVERIFY2(
        messages.at(1).startsWith(u"8: Section [a] appears again (first at line 1)"_s), qPrintable(messages.at(1)));
    QVERIFY(!doc.sections().at(0).repeated && !doc.sections().at(2).repeated);
    QVERIFY(doc.sections().at(3).repeated && doc.sections().at(4).repeated && doc.sections().at(5).repeated);
}

void Tst_ConfigReader::diagnosticPrintsFileLineMessage()
{
    const Diagnostic d {Diagnostic::Severity::Warning, u"/home/u/.aws/config"_s, 12, u"Something is off."_s};
    QCOMPARE(d.toString(), u"/home/u/.aws/config:12: Something is off."_s);

    // And a real one, from the parser.
    const IniDocument doc = IniDocument::parse("[profile a]\nregion = x\nno delimiter\n", u"cfg"_s);
    QCOMPARE(doc.diagnostics().size(), 1);
    QVERIFY2(doc.diagnostics().first().toString().startsWith(u"cfg:3: "_s),
        qPrintable(doc.diagnostics().first().toString()));
}

void Tst_ConfigReader::loadsFilesFromPathsLikeFromDocuments()
{
    // Case 36 has both files, 04 only credentials: load() must read them as fromDocuments does,
    // and a missing file is an empty one.
    for (const QString &name : {u"36-credentials-override-config"_s, u"04-bare-section-in-credentials"_s}) {
        const SharedConfig loaded = SharedConfig::load({casePath(name, u"config"_s), casePath(name, u"credentials"_s)});
        const SharedConfig direct = loadCase(name);
        QCOMPARE(loaded.profiles().size(), direct.profiles().size());
        QVERIFY(!loaded.profiles().isEmpty());
        for (qsizetype i = 0; i < loaded.profiles().size(); ++i) {
            QCOMPARE(loaded.profiles().at(i).name, direct.profiles().at(i).name);
            QCOMPARE(loaded.profiles().at(i).settings.size(), direct.profiles().at(i).settings.size());
        }
        QVERIFY(loaded.diagnostics().isEmpty());
    }
}

void Tst_ConfigReader::fiveThousandProfilesLoadWithoutDiagnostics()
{
    QByteArray config = "[default]\nregion = us-east-1\n";
    QByteArray credentials = "[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                             "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
    for (int i = 0; i < 5000; ++i) {
        config += "\n[profile team-" + QByteArray::number(i) + "]\nrole_arn = arn:aws:iam::123456789012:role/Team"
            + QByteArray::number(i) + "\nsource_profile = base\nregion = eu-west-1\ns3 =\n  addressing_style = path\n";
    }
    const SharedConfig shared = SharedConfig::fromDocuments(
        IniDocument::parse(config, u"config"_s), IniDocument::parse(credentials, u"credentials"_s));
    QVERIFY2(shared.diagnostics().isEmpty(), qPrintable(shared.diagnostics().value(0).toString()));
    QCOMPARE(shared.profiles().size(), 5002);
    QCOMPARE(shared.profiles().first().name, u"default"_s);
    QCOMPARE(shared.profiles().at(4000).name, u"team-3999"_s);
    QCOMPARE(shared.profiles().last().name, u"base"_s);
    const ProfileSettings *last = shared.profile(u"team-4999"_s);
    QVERIFY(last);
    QCOMPARE(last->value(u"role_arn"), u"arn:aws:iam::123456789012:role/Team4999"_s);
    QVERIFY(last->find(u"s3") && last->find(u"s3")->isNested);
    QCOMPARE(shared.configDocument().lineCount(), 2 + 5000 * 7);
}

// The resolver finds settings by KnownKey: every entry must carry the number of its (lower-cased)
// key, or a profile written with Role_ARN would silently lose its role.
void Tst_ConfigReader::tagsKnownKeysWhateverTheirCase()
{
    for (int i = 1; i < static_cast<int>(KnownKey::Count); ++i) {
        const auto key = static_cast<KnownKey>(i);
        QVERIFY(!knownKeyName(key).isEmpty());
        QCOMPARE(knownKey(knownKeyName(key)), key);
    }
    QCOMPARE(knownKey(u"s3"), KnownKey::Other);
    QCOMPARE(knownKey(u"aws_access_key_ie"), KnownKey::Other); // the length of five known keys
    QCOMPARE(knownKey(u"ignore_configured_endpoint_urls_and_more"), KnownKey::Other); // longer than any
    QCOMPARE(knownKey(u"Region"), KnownKey::Other); // callers pass lower-case text
    QVERIFY(knownKeyName(KnownKey::Other).isEmpty());
    // Every entry's key is a copy of these names: after all those lookups they are still static
    // data, so copying one copies a pointer and touches no reference count.
    for (int i = 1; i < static_cast<int>(KnownKey::Count); ++i) {
        QString name = knownKeyName(static_cast<KnownKey>(i));
        QVERIFY2(name.data_ptr().d_ptr() == nullptr, qPrintable(name));
    }

    const QByteArray config = "[profile user]\nMFA_Serial = arn:aws:iam::123456789012:mfa/alice\n"
                              "[profile admin]\nRole_ARN = arn:aws:iam::210987654321:role/Admin\n"
                              "SOURCE_PROFILE = user\nRegion = eu-west-1\nS3 =\n  Addressing_Style = path\n"
                              "Custom_Key = kept\n";
    const QByteArray credentials = "[user]\nAWS_Access_Key_ID = AKIAIOSFODNN7EXAMPLE\n"
                                   "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
    const SharedConfig shared = SharedConfig::fromDocuments(
        IniDocument::parse(config, u"config"_s), IniDocument::parse(credentials, u"credentials"_s));
    const ProfileSettings *admin = shared.profile(u"admin"_s);
    QVERIFY(admin);
    for (const Setting &setting : admin->settings) {
        QCOMPARE(setting.key, setting.key.toLower());
        QCOMPARE(setting.id, knownKey(setting.key));
    }
    QCOMPARE(admin->find(KnownKey::RoleArn), admin->find(u"role_arn"));
    QVERIFY(admin->find(KnownKey::RoleArn));
    QCOMPARE(admin->find(u"custom_key")->id, KnownKey::Other);
    QCOMPARE(admin->find(u"s3")->id, KnownKey::Other);

    const Rolecall::Core::Profiles::ProfileResolver resolver(shared);
    const auto resolved = resolver.resolve(u"admin"_s);
    QVERIFY2(resolved.errors.isEmpty(), qPrintable(resolved.errors.join(u'\n')));
    QCOMPARE(resolved.kind, Rolecall::Core::Profiles::Kind::Role);
    QCOMPARE(resolved.region, u"eu-west-1"_s);
    QCOMPARE(resolved.chain, (QStringList {u"user"_s, u"admin"_s}));
    QCOMPARE(resolved.steps.size(), 3); // keys, session token with user's MFA, assume role
    QCOMPARE(resolved.steps.at(1).mfaSerial, u"arn:aws:iam::123456789012:mfa/alice"_s);
    QCOMPARE(resolved.setting(u"custom_key"), u"kept"_s);
    QCOMPARE(resolved.setting(u"region"), u"eu-west-1"_s);
}

// The reader decodes the file in blocks of some 32 KiB of whole lines: text on either side of a block
// boundary, multi-byte characters, mixed line endings and a bad line far into the file must read as
// if the file were decoded at once.
void Tst_ConfigReader::decodesLargeFilesBlockByBlock()
{
    QByteArray config;
    int line = 0;
    int badLine = 0;
    const QString nonAscii = u"caf\u00e9 \u2615 \U0001D11E"_s;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray eol = i % 3 == 0 ? "\r\n" : "\n";
        config += "[profile p" + QByteArray::number(i) + "]" + eol;
        config += "note = " + nonAscii.toUtf8() + " " + QByteArray::number(i) + eol;
        config += "multi = head" + eol + "  first" + eol + eol + "  second " + QByteArray::number(i) + eol;
        line += 6;
        if (i == 2500) {
            config += "bad = \xff\xfe" + eol;
            badLine = line + 1;
            line += 1;
        }
    }
    QVERIFY(config.size() > 4 * 32 * 1024);
    const IniDocument doc = IniDocument::parse(config, u"config"_s);
    QCOMPARE(doc.sections().size(), 3000);
    QCOMPARE(doc.diagnostics().size(), 1);
    QCOMPARE(doc.diagnostics().first().line, badLine);
    for (int i = 0; i < 3000; i += 7) {
        const IniSection &section = doc.sections().at(i);
        QCOMPARE(section.name, u"profile p"_s + QString::number(i));
        QCOMPARE(section.entries.at(0).value, nonAscii + u' ' + QString::number(i));
        QCOMPARE(section.entries.at(1).value, u"head\nfirst\n\nsecond "_s + QString::number(i));
    }
    QCOMPARE(doc.sections().at(2500).entries.size(), 3);
    QCOMPARE(doc.sections().at(2500).entries.at(2).value, u"\ufffd\ufffd"_s);
}

// Names and values are parts of the decoded text, not strings of their own (for large files that
// is most of reading them); a value changed later is copied and leaves the others as they were.
void Tst_ConfigReader::valuesShareTheDecodedText()
{
    const IniDocument doc = IniDocument::parse(
        "[profile a]\nregion = eu-west-1  \r\noutput=json\nnested =\n  k = v\n[b]\nx = caf\xc3\xa9\n", u"config"_s);
    QCOMPARE(doc.sections().size(), 2);
    const IniSection &a = doc.sections().at(0);
    QCOMPARE(a.name, u"profile a"_s);
    QCOMPARE(a.entries.size(), 3);
    QCOMPARE(a.entries.at(0).value, u"eu-west-1"_s);
    QCOMPARE(a.entries.at(1).value, u"json"_s);
    QVERIFY(a.entries.at(0).value.isSharedWith(a.entries.at(1).value));
    QVERIFY(a.name.isSharedWith(a.entries.at(0).value));
    QCOMPARE(a.entries.at(2).value, u"\nk = v"_s); // continued: a string of its own
    const IniSection &b = doc.sections().at(1);
    QCOMPARE(b.entries.at(0).value, u"caf\u00e9"_s);
    QVERIFY(b.name.isSharedWith(b.entries.at(0).value));
    for (const IniEntry &entry : a.entries)
        QCOMPARE(entry.value.utf16()[entry.value.size()], u'\0');
    QString changed = a.entries.at(0).value;
    changed[0] = u'E';
    QCOMPARE(a.entries.at(0).value, u"eu-west-1"_s);
    QCOMPARE(a.entries.at(1).value, u"json"_s);
    QCOMPARE(a.name, u"profile a"_s);
}

// Room for the sections is made from the lines that start with '['. Indented headers are sections
// too where no value is open (configparser: "  [a]" then "  [b]" gives a and b), and a file of only
// such headers must still read every one of them.
void Tst_ConfigReader::moreSectionsThanHeaderLinesAtColumnOne()
{
    QByteArray bytes = "[first]\n";
    for (int i = 0; i < 300; ++i)
        bytes += "  [s" + QByteArray::number(i) + "]\n";
    bytes += "region = eu-west-1\n  [continued]\n";
    const IniDocument doc = IniDocument::parse(bytes, u"config"_s);
    QCOMPARE(doc.sections().size(), 301); // python3 configparser: first, s0 … s299
    QCOMPARE(doc.sections().first().name, u"first"_s);
    QCOMPARE(doc.sections().at(150).name, u"s149"_s);
    QCOMPARE(doc.sections().last().name, u"s299"_s);
    QCOMPARE(doc.sections().last().entries.size(), 1);
    QCOMPARE(doc.sections().last().entries.first().value, u"eu-west-1\n[continued]"_s);
}

namespace {

bool isRawData(const QString &s)
{
    return const_cast<QString &>(s).data_ptr().d_ptr() == nullptr;
}

// Everything a parse gives, as text: two documents read the same when these are equal.
QStringList describe(const IniDocument &doc)
{
    QStringList out {doc.fileName(), QString::number(doc.lineCount()), QString::number(doc.hasBom()),
        QString::number(doc.rejectedByBotocore())};
    for (const Diagnostic &d : doc.diagnostics())
        out << d.toString() + QString::number(int(d.severity));
    for (const IniSection &section : doc.sections()) {
        out << u"[%1] %2-%3 %4%5"_s.arg(section.name)
                   .arg(section.line)
                   .arg(section.lastLine)
                   .arg(section.repeated)
                   .arg(section.hasRepeatedKey);
        for (const IniEntry &e : section.entries) {
            out << u"%1=%2 %3:%4-%5 #%6 %7"_s.arg(e.key, e.value, e.file)
                       .arg(e.line)
                       .arg(e.lastLine)
                       .arg(int(e.id))
                       .arg(e.isNested);
            for (const auto &[key, value] : e.nested)
                out << u"  %1=%2"_s.arg(key, value);
        }
    }
    return out;
}

} // namespace

void Tst_ConfigReader::textKeptUntilExitReadsTheSame_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    for (const QString &name : caseNames()) {
        for (const QString &file : {u"config"_s, u"credentials"_s}) {
            if (QFile::exists(casePath(name, file)))
                QTest::addRow("%s/%s", qPrintable(name), qPrintable(file))
                    << readCaseFile(name, file) << casePath(name, file);
        }
    }
    // More than one decoded block, a line of bad UTF-8, non-ASCII names and values.
    QByteArray large;
    for (int i = 0; i < 3000; ++i)
        large += "[profile p" + QByteArray::number(i) + "\xc3\xa9]\r\nregion = eu-west-1 \r\nnote = caf\xc3\xa9 "
            + (i == 1500 ? QByteArray("\xff") : QByteArray()) + "\r\ns3 =\r\n  k = v\r\n";
    QTest::newRow("3,000 profiles, CRLF, bad UTF-8") << large << u"large"_s;
}

// TextLifetime::Process (what the listing uses) reads exactly what the default does; only the
// strings differ: one-line values, names and the file name are raw data over the kept text.
void Tst_ConfigReader::textKeptUntilExitReadsTheSame()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    const IniDocument shared = IniDocument::parse(bytes, fileName);
    const IniDocument kept = IniDocument::parse(bytes, fileName, Rolecall::Core::TextLifetime::Process);
    QCOMPARE(kept.textLifetime(), Rolecall::Core::TextLifetime::Process);
    QCOMPARE(describe(kept), describe(shared));
    QVERIFY(isRawData(kept.fileName()));
    for (const IniSection &section : kept.sections()) {
        QVERIFY(isRawData(section.name) || section.name.isEmpty());
        for (const IniEntry &entry : section.entries) {
            QVERIFY(isRawData(entry.file));
            // Continued values are joined into strings of their own; every other value is a part.
            if (entry.lastLine == entry.line && !entry.value.isEmpty())
                QVERIFY2(isRawData(entry.value), qPrintable(entry.key + u" = "_s + entry.value));
            if (!entry.value.isEmpty())
                QCOMPARE(entry.value.constData()[entry.value.size()], u'\0');
        }
    }
    // The whole configuration from such documents: the same profiles, settings and diagnostics.
    const SharedConfig a = SharedConfig::fromDocuments(shared, IniDocument());
    const SharedConfig b = SharedConfig::fromDocuments(kept, IniDocument());
    QCOMPARE(b.profiles().size(), a.profiles().size());
    for (qsizetype i = 0; i < a.profiles().size(); ++i) {
        QCOMPARE(b.profiles().at(i).name, a.profiles().at(i).name);
        QCOMPARE(b.profiles().at(i).file, a.profiles().at(i).file);
        QCOMPARE(b.profiles().at(i).settings.size(), a.profiles().at(i).settings.size());
    }
    QCOMPARE(b.diagnostics().size(), a.diagnostics().size());
}

// Expected values from Python: posixpath.expanduser(posixpath.expandvars(path)), as botocore reads
// AWS_CONFIG_FILE, with the environment below.
void Tst_ConfigReader::expandsPathsAsPython_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    const QList<std::pair<QString, QString>> cases {
        {u"~/.aws/config"_s, u"/home/alice/.aws/config"_s},
        {u"$AWSDIR/config"_s, u"/srv/aws/config"_s},
        {u"${AWSDIR}/config"_s, u"/srv/aws/config"_s},
        {u"$NOPE/config"_s, u"$NOPE/config"_s},
        {u"${NOPE}/config"_s, u"${NOPE}/config"_s},
        {u"/a/$AWSDIR$A_1/b"_s, u"/a//srv/awsx/b"_s},
        {u"/a/$/b"_s, u"/a/$/b"_s},
        {u"/a/${/b"_s, u"/a/${/b"_s},
        {u"/a/${}/b"_s, u"/a/${}/b"_s},
        {u"$EMPTY/c"_s, u"/c"_s},
        {u"$AWSDIR-x/${A_1}y$"_s, u"/srv/aws-x/xy$"_s},
        {u"~"_s, u"/home/alice"_s},
        {u"/p/$A_1\u00e9"_s, u"/p/x\u00e9"_s},
        {u"$$AWSDIR"_s, u"$/srv/aws"_s},
    };
    for (const auto &[path, expected] : cases)
        QTest::addRow("%s", qPrintable(path)) << path << expected;
}

void Tst_ConfigReader::expandsPathsAsPython()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    env.insert(u"HOME"_s, u"/home/alice"_s);
    env.insert(u"AWSDIR"_s, u"/srv/aws"_s);
    env.insert(u"A_1"_s, u"x"_s);
    env.insert(u"EMPTY"_s, QString());
    env.insert(u"AWS_CONFIG_FILE"_s, path);
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, path);
    const ConfigPaths paths = ConfigPaths::fromEnvironment(env);
    QCOMPARE(paths.config, expected);
    QCOMPARE(paths.credentials, expected);
}

QTEST_GUILESS_MAIN(Tst_ConfigReader)
#include "tst_configreader.moc"
