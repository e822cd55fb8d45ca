// SPDX-License-Identifier: Apache-2.0
// Data safety of ~/.aws/config and ~/.aws/credentials on a real filesystem:
//  1. a thousand random edits saved through ConfigFile::save: every byte outside what the edit may
//     change survives, the file reads back as predicted, untouched profiles keep their values, and no
//     temporary file is left behind;
//  2. a writer process killed with SIGKILL at random points leaves exactly the old or the new file;
//  3. two writer processes saving at the same time lose nothing.
// The generator and the two checks are the ones tst_configwriter uses in memory (tests/support/configfuzz).
#include "configfuzz.h"
#include "testenv.h"

#include "config/configfile.h"
#include "config/sharedconfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;
using namespace Rolecall::Test::ConfigFuzz;

namespace {

constexpr int kProcessLimitMs = 15000;

QString childPath()
{
    return QStringLiteral(ROLECALL_CONFIGWRITER_CHILD_PATH);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

quint32 seedFromEnvironment(const char *name, quint32 fallback)
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable(name).toUInt(&ok);
    return ok ? seed : fallback;
}

/// Profiles botocore would show, read from @p bytes in the config or the credentials file.
SharedConfig readProfiles(const QByteArray &bytes, bool credentialsFile)
{
    IniDocument document = IniDocument::parse(bytes);
    return credentialsFile ? SharedConfig::fromDocuments({}, std::move(document))
                           : SharedConfig::fromDocuments(std::move(document), {});
}

QString settingsText(const ProfileSettings &profile)
{
    QStringList lines;
    for (const Setting &setting : profile.settings) {
        QString line = setting.key + u" = "_s + setting.value;
        for (const auto &[key, value] : setting.nested)
            line += u" {"_s + key + u'=' + value + u'}';
        lines << line;
    }
    return lines.join(u'\n');
}

/// The profile a section header names in that file (`profile dev` → dev in the config file).
QString profileOf(const QString &section, bool credentialsFile)
{
    if (credentialsFile || section == u"default"_s)
        return section;
    return section.startsWith(u"profile "_s) ? section.mid(8).trimmed().remove(u'"') : QString();
}

/// Empty when every profile the edit does not name reads the same before and after.
QString checkUntouchedProfiles(
    const QByteArray &before, const QByteArray &after, const ConfigEdit &edit, bool credentialsFile)
{
    // [DEFAULT] feeds every section of its file (configparser), so an edit there may touch them all.
    if (edit.section.compare(u"DEFAULT"_s, Qt::CaseInsensitive) == 0
        || edit.newName.compare(u"DEFAULT"_s, Qt::CaseInsensitive) == 0)
        return {};
    const QStringList edited = {profileOf(edit.section, credentialsFile), profileOf(edit.newName, credentialsFile)};
    const SharedConfig old = readProfiles(before, credentialsFile);
    const SharedConfig now = readProfiles(after, credentialsFile);
    for (const ProfileSettings &profile : old.profiles()) {
        if (edited.contains(profile.name))
            continue;
        const ProfileSettings *kept = now.profile(profile.name);
        if (!kept)
            return u"profile %1 disappeared"_s.arg(profile.name);
        if (settingsText(*kept) != settingsText(profile))
            return u"profile %1 changed:\n%2\n--- became ---\n%3"_s.arg(
                profile.name, settingsText(profile), settingsText(*kept));
    }
    return {};
}

/// A config file of @p profiles profiles, each with a few settings: large enough that a save takes a
/// few milliseconds, so random kills land inside one.
QByteArray bigConfig(int profiles)
{
    QByteArray out = "# written by tst_datasafety\r\n[default]\r\nregion = eu-west-1\r\n";
    for (int i = 0; i < profiles; ++i) {
        out += "\r\n; profile number " + QByteArray::number(i) + "\r\n[profile p" + QByteArray::number(i)
            + "]\r\nrole_arn = arn:aws:iam::123456789012:role/r" + QByteArray::number(i)
            + "\r\nsource_profile = default\r\n\tregion=us-east-1\r\ns3 =\r\n  max_concurrent_requests = 10\r\n";
    }
    return out;
}

} // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void thousandRandomEditsOnDiskChangeOnlyTheirRegion();
    void killedWriterLeavesTheOldOrTheNewFile();
    void concurrentWritersLoseNothing();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QString m_aws;
};

void TestDataSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(childPath()), qPrintable(childPath()));
}

void TestDataSafety::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_aws = m_home->filePath(u".aws"_s);
}

void TestDataSafety::thousandRandomEditsOnDiskChangeOnlyTheirRegion()
{
    // ROLECALL_DATASAFETY_SEED reproduces a failure (printed with it); tst_configwriter runs the same
    // generator in memory with more sequences.
    const quint32 baseSeed = seedFromEnvironment("ROLECALL_DATASAFETY_SEED", 20240917);
    constexpr int kEdits = 1000;
    int edits = 0;
    int refused = 0;
    for (quint32 run = 0; edits < kEdits; ++run) {
        const quint32 seed = baseSeed + run;
        Generator gen(seed);
        const bool credentialsFile = run % 2 == 1;
        const QString path = QDir(m_aws).filePath(credentialsFile ? u"credentials"_s : u"config"_s);
        const QByteArray original = gen.file();
        QDir(m_aws).removeRecursively();
        QVERIFY(ConfigFile::write(path, original));
        Model expected = Model::read(IniDocument::parse(original));
        const auto fail = [&](const ConfigEdit &edit, const QString &what, const QByteArray &bytes) {
            return u"seed %1 (ROLECALL_DATASAFETY_SEED=%1), %2: %3: %4\n--- original ---\n%5\n--- now ---\n%6"_s
                .arg(seed)
                .arg(QFileInfo(path).fileName(), edit.description(), what, QString::fromUtf8(visible(original)),
                    QString::fromUtf8(visible(bytes)));
        };

        for (int step = 1 + gen.pick(6); step > 0 && edits < kEdits; --step) {
            const ConfigEdit edit = gen.edit(expected);
            const QByteArray before = contents(path);
            const IniDocument beforeDoc = IniDocument::parse(before);
            const Result<QByteArray> saved = ConfigFile::save(path, before, {edit});
            const QByteArray after = contents(path);
            QVERIFY2(entries(m_aws) == QStringList {QFileInfo(path).fileName()},
                qPrintable(fail(edit, u"stray files: "_s + entries(m_aws).join(u", "_s), after)));
            if (refusedForBotocore(beforeDoc, edit)) {
                QVERIFY2(!saved && after == before, qPrintable(fail(edit, u"should be refused untouched"_s, after)));
                ++refused;
                continue;
            }
            QVERIFY2(saved, qPrintable(fail(edit, saved ? QString() : saved.error().message, after)));
            QVERIFY2(saved.value() == after, qPrintable(fail(edit, u"returned bytes differ from the disk"_s, after)));
            const IniDocument afterDoc = IniDocument::parse(after);
            const QString lines = checkUntouchedLines(beforeDoc, afterDoc, edit);
            QVERIFY2(lines.isEmpty(), qPrintable(fail(edit, lines, after)));
            expected.apply(edit);
            const QString semantic = expected.compare(Model::read(afterDoc));
            QVERIFY2(semantic.isEmpty(), qPrintable(fail(edit, semantic, after)));
            const QString profiles = checkUntouchedProfiles(before, after, edit, credentialsFile);
            QVERIFY2(profiles.isEmpty(), qPrintable(fail(edit, profiles, after)));
            ++edits;
        }
    }
    qInfo("%d edits saved and checked, %d refused as botocore could not read them back", edits, refused);
}

void TestDataSafety::killedWriterLeavesTheOldOrTheNewFile()
{
    const QString path = QDir(m_aws).filePath(u"config"_s);
    const QByteArray stateA = bigConfig(150);
    QVERIFY(ConfigFile::write(path, stateA));
    const Result<QByteArray> toB
        = ConfigWriter::apply(IniDocument::parse(stateA), {ConfigEdit::setValue(u"default"_s, u"region"_s, u"B"_s)});
    QVERIFY(toB);
    const Result<QByteArray> toAgain = ConfigWriter::apply(
        IniDocument::parse(toB.value()), {ConfigEdit::setValue(u"default"_s, u"region"_s, u"A"_s)});
    QVERIFY(toAgain);
    const QSet<QByteArray> valid = {stateA, toB.value(), toAgain.value()};

    const quint32 seed = seedFromEnvironment("ROLECALL_DATASAFETY_SEED", 20240917);
    QRandomGenerator random(seed);
    int changes = 0;
    int saves = 0;
    QSet<QString> leftovers;
    QByteArray last = stateA;
    QElapsedTimer elapsed;
    elapsed.start();
    // At least 50 kills, and more until the writer has been caught writing often enough for the test
    // to prove something (a slow machine or a sanitizer build saves less often in the same windows).
    constexpr int kRounds = 50;
    constexpr int kMaxRounds = 200;
    const auto enoughWriting = [&saves, &changes] { return saves >= 50 && changes >= 5; };
    int rounds = 0;
    for (int round = 0; round < kMaxRounds && (round < kRounds || !enoughWriting()); ++round) {
        ++rounds;
        QProcess child;
        child.setProcessEnvironment(Rolecall::Test::cleanEnvironment(m_home->path()));
        child.start(childPath(), {u"toggle"_s, path, u"default"_s, u"region"_s, u"A"_s, u"B"_s});
        QVERIFY2(child.waitForStarted(kProcessLimitMs), qPrintable(child.errorString()));
        const int delayMs = 30 + static_cast<int>(random.bounded(220));
        QTest::qWait(delayMs);
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(kProcessLimitMs));
        const QString where
            = u"seed %1 (ROLECALL_DATASAFETY_SEED=%1), round %2, killed after %3 ms; stderr: %4"_s.arg(seed)
                  .arg(round)
                  .arg(delayMs)
                  .arg(QString::fromUtf8(child.readAllStandardError()));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        saves += static_cast<int>(child.readAllStandardOutput().count("saved "));
        const QByteArray now = contents(path);
        QVERIFY2(valid.contains(now), qPrintable(u"a truncated or mixed file: "_s + where));
        if (now != last)
            ++changes;
        last = now;
        // A kill may leave Rolecall's temporary file (complete or not) — never anything else, and never one
        // that survives the next save: the next child's first save removes it.
        QSet<QString> present;
        for (const QString &name : entries(m_aws)) {
            if (name == u"config"_s)
                continue;
            static const QRegularExpression ours(u"^\\.config\\.rolecall-[A-Za-z0-9]{6}$"_s);
            QVERIFY2(ours.match(name).hasMatch(), qPrintable(u"stray file "_s + name + u"; "_s + where));
            QVERIFY2(!leftovers.contains(name), qPrintable(u"%1 survived a later save; "_s.arg(name) + where));
            present.insert(name);
        }
        leftovers = present;
    }
    // One more save cleans up after the last kill.
    const QByteArray final = contents(path);
    QVERIFY(ConfigFile::save(
        path, final, {ConfigEdit::setValue(u"default"_s, u"region"_s, final == toB.value() ? u"A"_s : u"B"_s)}));
    QCOMPARE(entries(m_aws), QStringList {u"config"_s});
    qInfo("%d kills in %lld ms after %d completed saves; the file differed between kills %d times", rounds,
        elapsed.elapsed(), saves, changes);
    // The writer really was writing when it was killed (else this test proves nothing).
    QVERIFY2(enoughWriting(), qPrintable(u"%1 saves, %2 changes in %3 kills"_s.arg(saves).arg(changes).arg(rounds)));
}

void TestDataSafety::concurrentWritersLoseNothing()
{
    // Two processes add keys to their own sections of one file at the same time. Each save re-reads
    // and rebases onto what the other wrote; a save that would overwrite the other's change unseen
    // loses a key, and the count at the end shows it.
    const QString path = QDir(m_aws).filePath(u"config"_s);
    QVERIFY(ConfigFile::write(
        path, "[profile left]\r\nregion = eu-west-1\r\n\r\n[profile right]\r\nregion = us-east-1\r\n"));
    constexpr int kPerWriter = 150;
    QProcess left;
    QProcess right;
    for (QProcess *child : {&left, &right}) {
        child->setProcessEnvironment(Rolecall::Test::cleanEnvironment(m_home->path()));
        child->start(childPath(),
            {u"append"_s, path, child == &left ? u"profile left"_s : u"profile right"_s, QString::number(kPerWriter)});
    }
    for (QProcess *child : {&left, &right}) {
        QVERIFY(child->waitForFinished(kProcessLimitMs));
        QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0,
            child->readAllStandardError().constData());
    }
    const SharedConfig profiles = readProfiles(contents(path), false);
    for (const QString &name : {u"left"_s, u"right"_s}) {
        const ProfileSettings *profile = profiles.profile(name);
        QVERIFY(profile);
        QStringList missing;
        for (int i = 0; i < kPerWriter; ++i) {
            if (profile->value(u"k%1"_s.arg(i)) != u"profile "_s + name)
                missing << u"k%1"_s.arg(i);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"[profile %1] lost %2"_s.arg(name, missing.join(u' '))));
    }
    QCOMPARE(entries(m_aws), QStringList {u"config"_s});
}

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
