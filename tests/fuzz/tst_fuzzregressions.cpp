// SPDX-License-Identifier: Apache-2.0
// Replays every fuzz finding (tests/fuzz/regressions/<target>/) and every seed input through its
// fuzz target in the normal build, so a fixed crash stays fixed without libFuzzer. A broken
// property aborts the process, as it does under libFuzzer; the row name says which input it was.

#include "fuzztarget.h"

#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct TargetInfo
{
    QString name;
    QStringList seedDirs;
};

const QString kSourceDir = QStringLiteral(ROLECALL_SOURCE_DIR);

QList<TargetInfo> readTargetTable()
{
    QList<TargetInfo> table;
    QFile file(kSourceDir + u"/tests/fuzz/targets.txt"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return table;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (fields.size() < 3)
            continue;
        table.append({fields.at(0), fields.mid(2)});
    }
    return table;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

Rolecall::Fuzz::TargetFunction functionOf(const QString &name)
{
    for (const Rolecall::Fuzz::Target &target : Rolecall::Fuzz::targets()) {
        if (name == QLatin1StringView(target.name))
            return target.function;
    }
    return nullptr;
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetTableMatchesTargets();
    void regressionDirectoriesNameTargets();
    void inputsReplayCleanly_data();
    void inputsReplayCleanly();
};

void TestFuzzRegressions::targetTableMatchesTargets()
{
    QSet<QString> table;
    for (const TargetInfo &info : readTargetTable()) {
        table.insert(info.name);
        QVERIFY2(functionOf(info.name), qPrintable(u"targets.txt names %1, which is not compiled in"_s.arg(info.name)));
        for (const QString &seeds : info.seedDirs)
            QVERIFY2(!filesUnder(kSourceDir + u'/' + seeds).isEmpty(),
                qPrintable(u"seed directory %1 of %2 is empty or missing"_s.arg(seeds, info.name)));
    }
    for (const Rolecall::Fuzz::Target &target : Rolecall::Fuzz::targets())
        QVERIFY2(table.contains(QLatin1StringView(target.name)),
            qPrintable(u"fuzz target %1 is missing from targets.txt"_s.arg(QLatin1StringView(target.name))));
    QCOMPARE(table.size(), Rolecall::Fuzz::targets().size());
}

void TestFuzzRegressions::regressionDirectoriesNameTargets()
{
    const QDir regressions(kSourceDir + u"/tests/fuzz/regressions"_s);
    QVERIFY(regressions.exists());
    for (const QString &dir : regressions.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QVERIFY2(functionOf(dir), qPrintable(u"regressions/%1 does not name a fuzz target"_s.arg(dir)));
}

void TestFuzzRegressions::inputsReplayCleanly_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const TargetInfo &info : readTargetTable()) {
        QStringList dirs {u"tests/fuzz/regressions/"_s + info.name};
        dirs += info.seedDirs;
        for (const QString &dir : std::as_const(dirs)) {
            for (const QString &path : filesUnder(kSourceDir + u'/' + dir))
                QTest::addRow("%s: %s", qPrintable(info.name), qPrintable(path.mid(kSourceDir.size() + 1)))
                    << info.name << path;
        }
    }
}

void TestFuzzRegressions::inputsReplayCleanly()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray bytes = file.readAll();
    const Rolecall::Fuzz::TargetFunction function = functionOf(target);
    QVERIFY(function);
    function(bytes); // aborts on a broken property; sanitizers report memory errors
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
