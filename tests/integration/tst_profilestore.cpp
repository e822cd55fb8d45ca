// SPDX-License-Identifier: Apache-2.0
// Live reload: the profile list follows edits of ~/.aws/config and ~/.aws/credentials on disk.
#include "profiles/profilestore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QStringList names(const Profiles::ProfileStore &store)
{
    QStringList out;
    for (const auto &p : store.profiles())
        out.append(p.name);
    return out;
}

} // namespace

class Tst_ProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsBothFilesAndResolves();
    void inPlaceEditReloads();
    void saveByRenameReloads();
    void credentialsFileCreatedLaterReloads();
    void burstOfWritesReloadsOnce();
    void sameBytesDoNotReload();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QString m_credentials;
    std::unique_ptr<Profiles::ProfileStore> m_store;
};

void Tst_ProfileStore::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(u".aws"_s));
    m_config = m_dir->filePath(u".aws/config"_s);
    m_credentials = m_dir->filePath(u".aws/credentials"_s);
    QVERIFY(
        writeFile(m_config, "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/Dev\nsource_profile = user\n"));
    m_store
        = std::make_unique<Profiles::ProfileStore>(Config::ConfigPaths {m_config, m_credentials}, u"rolecall-test"_s);
    m_store->reload();
    QVERIFY(!m_store->isWatching());
    m_store->setWatching(true);
    m_store->watcher()->setDebounceInterval(std::chrono::milliseconds(50));
}

void Tst_ProfileStore::readsBothFilesAndResolves()
{
    QCOMPARE(names(*m_store), QStringList {u"dev"_s});
    QVERIFY(!m_store->profile(u"dev"_s)->errors.isEmpty()); // source "user" missing so far
    QVERIFY(writeFile(m_credentials,
        "[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
    m_store->reload();
    QCOMPARE(names(*m_store), (QStringList {u"dev"_s, u"user"_s}));
    const Profiles::ResolvedProfile *dev = m_store->profile(u"dev"_s);
    QVERIFY(dev);
    QVERIFY2(dev->errors.isEmpty(), qPrintable(dev->errors.join(u'\n')));
    QCOMPARE(dev->chain, (QStringList {u"user"_s, u"dev"_s}));
    QCOMPARE(dev->kind, Profiles::Kind::Role);
}

void Tst_ProfileStore::inPlaceEditReloads()
{
    QSignalSpy spy(m_store.get(), &Profiles::ProfileStore::reloaded);
    QVERIFY(writeFile(m_config, "[profile dev]\nregion = eu-west-1\n\n[profile prod]\nregion = us-east-1\n"));
    QVERIFY(spy.wait(5000));
    QCOMPARE(names(*m_store), (QStringList {u"dev"_s, u"prod"_s}));
    QCOMPARE(m_store->profile(u"dev"_s)->region, u"eu-west-1"_s);
}

void Tst_ProfileStore::saveByRenameReloads()
{
    QSignalSpy spy(m_store.get(), &Profiles::ProfileStore::reloaded);
    const QString temp = m_config + u".tmp"_s;
    QVERIFY(writeFile(temp, "[profile renamed]\nregion = ap-south-1\n"));
    QVERIFY(::rename(QFile::encodeName(temp).constData(), QFile::encodeName(m_config).constData()) == 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(names(*m_store), QStringList {u"renamed"_s});
    // The watch follows the new file: a second edit after the rename is seen too.
    spy.clear();
    QVERIFY(writeFile(m_config, "[profile again]\n"));
    QVERIFY(spy.wait(5000));
    QCOMPARE(names(*m_store), QStringList {u"again"_s});
}

void Tst_ProfileStore::credentialsFileCreatedLaterReloads()
{
    QSignalSpy spy(m_store.get(), &Profiles::ProfileStore::reloaded);
    QVERIFY(!QFile::exists(m_credentials));
    QVERIFY(writeFile(m_credentials,
        "[late]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
    QVERIFY(spy.wait(5000));
    QVERIFY(m_store->profile(u"late"_s));
    QCOMPARE(m_store->profile(u"late"_s)->kind, Profiles::Kind::Static);
}

void Tst_ProfileStore::burstOfWritesReloadsOnce()
{
    QSignalSpy spy(m_store.get(), &Profiles::ProfileStore::reloaded);
    const int before = m_store->generation();
    for (int i = 0; i < 10; ++i) {
        QVERIFY(writeFile(m_config, QByteArray("[profile p") + QByteArray::number(i) + "]\n"));
        QTest::qWait(5);
    }
    QVERIFY(spy.wait(5000));
    QTest::qWait(300); // anything still pending would arrive now
    QVERIFY2(m_store->generation() - before <= 2, qPrintable(QString::number(m_store->generation() - before)));
    QCOMPARE(names(*m_store), QStringList {u"p9"_s});
}

void Tst_ProfileStore::sameBytesDoNotReload()
{
    QSignalSpy spy(m_store.get(), &Profiles::ProfileStore::reloaded);
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(writeFile(m_config, bytes));
    QVERIFY(!spy.wait(500));
    QCOMPARE(spy.count(), 0);
}

QTEST_GUILESS_MAIN(Tst_ProfileStore)
#include "tst_profilestore.moc"
