// SPDX-License-Identifier: Apache-2.0
// Saving ~/.aws/config and ~/.aws/credentials on a real filesystem (permissions, symbolic links,
// read-only folders, concurrent changes) and watching them for changes. Every path is inside a
// QTemporaryDir used as HOME; the real ~/.aws is never touched.

#include "config/configfile.h"
#include "config/configwatcher.h"
#include "config/sharedconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;

namespace {

constexpr int kSignalTimeoutMs = 5000;
constexpr auto kDebounce = 100ms;
/// Long enough for any event of a finished burst to have been debounced and checked.
constexpr int kQuietMs = 6 * 100;

int modeOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

bool setMode(const QString &path, int mode)
{
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

ino_t inodeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_ino;
}

bool writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// What editors such as vim (writebackup) or VS Code do: write a new file, rename it over the old.
bool saveByRename(const QString &path, const QByteArray &bytes)
{
    const QString temp = path + u".swp"_s;
    return writeInPlace(temp, bytes)
        && std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
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

/// Makes a folder read-only for this process, root included (an immutable folder), and undoes it.
class ReadOnlyDirectory
{
public:
    explicit ReadOnlyDirectory(const QString &path)
        : m_path(path)
    {
        if (::geteuid() != 0) {
            m_active = setMode(path, 0555);
            return;
        }
#ifdef Q_OS_LINUX
        m_active = setImmutable(true);
#endif
    }
    ~ReadOnlyDirectory()
    {
        if (!m_active)
            return;
        if (::geteuid() != 0)
            setMode(m_path, 0755);
#ifdef Q_OS_LINUX
        else
            setImmutable(false);
#endif
    }
    Q_DISABLE_COPY_MOVE(ReadOnlyDirectory)

    bool isActive() const
    {
        return m_active;
    }

private:
#ifdef Q_OS_LINUX
    bool setImmutable(bool on)
    {
        const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY);
        if (fd < 0)
            return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (ok) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        ::close(fd);
        return ok;
    }
#endif
    QString m_path;
    bool m_active = false;
};

QString describe(const Result<QByteArray> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Saving
    void savesEditsAndReturnsTheNewBytes();
    void keepsPermissionsOfAnExistingFile_data();
    void keepsPermissionsOfAnExistingFile();
    void createsNewFilesPrivateInAPrivateAwsFolder_data();
    void createsNewFilesPrivateInAPrivateAwsFolder();
    void keepsASymlinkAndReplacesItsTargetInPlace();
    void createsTheTargetOfADanglingSymlink();
    void refusesAReadOnlyFile();
    void failsInAReadOnlyFolderAndKeepsTheFile();
    void reappliesEditsOntoAConcurrentChange();
    void refusesEditsThatConflictWithAConcurrentChange();
    void leavesTheFileAloneWhenNothingChanges();

    // Watching
    void watcherSeesAnInPlaceWrite();
    void watcherSeesASaveByRenameAgainAndAgain();
    void watcherSeesDeleteAndRecreate();
    void watcherSeesAFileCreatedLater();
    void watcherSeesTheAwsFolderAndFileCreatedLater();
    void watcherCoalescesABurstOfWrites();
    void watcherIgnoresATouchAndIdenticalBytes();
    void watcherFollowsASymlinkTarget();
    void watcherResyncSwallowsOwnSave();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    ConfigPaths m_paths;
    QString m_aws;
};

void TestConfigFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ::umask(022); // the usual one: without explicit modes, new files would be world-readable
}

void TestConfigFile::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    m_paths = ConfigPaths::fromEnvironment(env);
    m_aws = m_home->filePath(u".aws"_s);
    QCOMPARE(m_paths.config, m_aws + u"/config"_s);
    QCOMPARE(m_paths.credentials, m_aws + u"/credentials"_s);
}

void TestConfigFile::cleanup()
{
    m_home.reset();
}

void TestConfigFile::savesEditsAndReturnsTheNewBytes()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("# mine\r\n[default]\r\nregion = us-east-1\r\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    const Result<QByteArray> read = ConfigFile::read(m_paths.config);
    QVERIFY(read);
    QCOMPARE(read.value(), original);
    const ino_t before = inodeOf(m_paths.config);

    const Result<QByteArray> saved = ConfigFile::save(
        m_paths.config, read.value(), {ConfigEdit::setValue(u"default"_s, u"region"_s, u"eu-west-1"_s)});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QCOMPARE(saved.value(), QByteArray("# mine\r\n[default]\r\nregion = eu-west-1\r\n"));
    QCOMPARE(contents(m_paths.config), saved.value());
    QVERIFY(inodeOf(m_paths.config) != before); // replaced by rename, never rewritten in place
    QCOMPARE(entries(m_aws), QStringList {u"config"_s});
}

void TestConfigFile::keepsPermissionsOfAnExistingFile_data()
{
    QTest::addColumn<int>("mode");
    QTest::addRow("0640") << 0640;
    QTest::addRow("0600") << 0600;
    QTest::addRow("0644") << 0644;
    QTest::addRow("0604") << 0604;
}

void TestConfigFile::keepsPermissionsOfAnExistingFile()
{
    QFETCH(int, mode);
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
    QVERIFY(writeInPlace(m_paths.credentials, original));
    QVERIFY(setMode(m_paths.credentials, mode));

    const Result<QByteArray> saved = ConfigFile::save(
        m_paths.credentials, original, {ConfigEdit::setValue(u"dev"_s, u"region"_s, u"us-west-2"_s)});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QCOMPARE(contents(m_paths.credentials), original + "region = us-west-2\n");
    QCOMPARE(modeOf(m_paths.credentials), mode);
}

void TestConfigFile::createsNewFilesPrivateInAPrivateAwsFolder_data()
{
    QTest::addColumn<bool>("credentials");
    QTest::addRow("credentials") << true;
    QTest::addRow("config") << false;
}

void TestConfigFile::createsNewFilesPrivateInAPrivateAwsFolder()
{
    QFETCH(bool, credentials);
    const QString path = credentials ? m_paths.credentials : m_paths.config;
    QVERIFY(!QFileInfo::exists(m_aws));
    const Result<QByteArray> read = ConfigFile::read(path);
    QVERIFY(read);
    QVERIFY(read.value().isEmpty());

    const QString section = credentials ? credentialsSectionName(u"dev"_s) : configSectionName(u"dev"_s);
    const Result<QByteArray> saved
        = ConfigFile::save(path, {}, {ConfigEdit::addSection(section, {{u"region"_s, u"eu-central-1"_s}})});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QCOMPARE(contents(path), QByteArray("[" + section.toUtf8() + "]\nregion = eu-central-1\n"));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(m_aws), 0700);
}

void TestConfigFile::keepsASymlinkAndReplacesItsTargetInPlace()
{
    // ~/.aws/config -> ~/dotfiles/aws/config, as stow or chezmoi set it up.
    const QString dotfiles = m_home->filePath(u"dotfiles/aws"_s);
    QVERIFY(QDir().mkpath(dotfiles));
    QVERIFY(QDir().mkpath(m_aws));
    const QString target = dotfiles + u"/config"_s;
    const QByteArray original("[profile dev]\nregion = us-east-1\n");
    QVERIFY(writeInPlace(target, original));
    QVERIFY(setMode(target, 0640));
    QVERIFY(QFile::link(u"../dotfiles/aws/config"_s, m_paths.config));
    QCOMPARE(ConfigFile::writeTarget(m_paths.config).value(), target);

    const Result<QByteArray> saved
        = ConfigFile::save(m_paths.config, original, {ConfigEdit::setValue(u"profile dev"_s, u"output"_s, u"json"_s)});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QVERIFY(QFileInfo(m_paths.config).isSymLink());
    QCOMPARE(QFileInfo(m_paths.config).symLinkTarget(), target);
    QCOMPARE(contents(target), original + "output = json\n");
    QCOMPARE(modeOf(target), 0640);
    // The temporary file lived next to the target and is gone; nothing was left beside the link.
    QCOMPARE(entries(dotfiles), QStringList {u"config"_s});
    QCOMPARE(entries(m_aws), QStringList {u"config"_s});
}

void TestConfigFile::createsTheTargetOfADanglingSymlink()
{
    const QString dotfiles = m_home->filePath(u"dotfiles"_s);
    QVERIFY(QDir().mkpath(dotfiles));
    QVERIFY(QDir().mkpath(m_aws));
    QVERIFY(QFile::link(dotfiles + u"/credentials"_s, m_paths.credentials));
    const Result<QByteArray> saved = ConfigFile::save(m_paths.credentials, {}, {ConfigEdit::addSection(u"dev"_s)});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QVERIFY(QFileInfo(m_paths.credentials).isSymLink());
    QCOMPARE(contents(dotfiles + u"/credentials"_s), QByteArray("[dev]\n"));
    QCOMPARE(modeOf(dotfiles + u"/credentials"_s), 0600);

    // A link whose target folder does not exist is refused rather than creating folders there.
    QVERIFY(QFile::link(m_home->filePath(u"nowhere/config"_s), m_paths.config));
    const Result<QByteArray> refused = ConfigFile::save(m_paths.config, {}, {ConfigEdit::addSection(u"default"_s)});
    QVERIFY(!refused);
    QVERIFY(!QFileInfo::exists(m_home->filePath(u"nowhere"_s)));
}

void TestConfigFile::refusesAReadOnlyFile()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[dev]\nregion = us-east-1\n");
    QVERIFY(writeInPlace(m_paths.credentials, original));
    QVERIFY(setMode(m_paths.credentials, 0400));
    const Result<QByteArray> saved = ConfigFile::save(
        m_paths.credentials, original, {ConfigEdit::setValue(u"dev"_s, u"region"_s, u"eu-west-1"_s)});
    QVERIFY(!saved);
    QVERIFY2(saved.error().message.contains(u"read-only"_s), qPrintable(saved.error().message));
    QCOMPARE(contents(m_paths.credentials), original);
    QCOMPARE(modeOf(m_paths.credentials), 0400);
    QCOMPARE(entries(m_aws), QStringList {u"credentials"_s});
}

void TestConfigFile::failsInAReadOnlyFolderAndKeepsTheFile()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[default]\nregion = us-east-1\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    QVERIFY(setMode(m_paths.config, 0644));
    Result<QByteArray> saved = QByteArray();
    {
        ReadOnlyDirectory readOnly(m_aws);
        if (!readOnly.isActive())
            QSKIP("this filesystem cannot make a folder read-only for root (no immutable attribute)");
        saved = ConfigFile::save(
            m_paths.config, original, {ConfigEdit::setValue(u"default"_s, u"region"_s, u"eu-west-1"_s)});
        QCOMPARE(contents(m_paths.config), original);
        QCOMPARE(entries(m_aws), QStringList {u"config"_s});
    }
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Error::Kind::Config);
    QVERIFY2(
        saved.error().message.contains(QDir::toNativeSeparators(m_paths.config)), qPrintable(saved.error().message));
}

void TestConfigFile::reappliesEditsOntoAConcurrentChange()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[default]\nregion = us-east-1\n\n[profile dev]\nrole_arn = arn:aws:iam::1:role/a\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    // Another program (the AWS CLI's `aws configure set`) adds a key and a profile meanwhile.
    const QByteArray theirs("[default]\nregion = us-east-1\noutput = json\n\n[profile dev]\nrole_arn = "
                            "arn:aws:iam::1:role/a\n\n[profile ops]\nregion = eu-west-1\n");
    QVERIFY(saveByRename(m_paths.config, theirs));

    const Result<QByteArray> saved = ConfigFile::save(m_paths.config, original,
        {ConfigEdit::setValue(u"profile dev"_s, u"region"_s, u"ap-south-1"_s),
            ConfigEdit::setValue(u"default"_s, u"region"_s, u"us-east-2"_s)});
    QVERIFY2(saved, qPrintable(describe(saved)));
    QCOMPARE(contents(m_paths.config),
        QByteArray("[default]\nregion = us-east-2\noutput = json\n\n[profile dev]\nrole_arn = "
                   "arn:aws:iam::1:role/a\nregion = ap-south-1\n\n[profile ops]\nregion = eu-west-1\n"));
}

void TestConfigFile::refusesEditsThatConflictWithAConcurrentChange()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[default]\nregion = us-east-1\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    const QByteArray theirs("[default]\nregion = eu-north-1\n");
    QVERIFY(writeInPlace(m_paths.config, theirs));

    const Result<QByteArray> saved
        = ConfigFile::save(m_paths.config, original, {ConfigEdit::setValue(u"default"_s, u"region"_s, u"us-west-1"_s)});
    QVERIFY(!saved);
    QCOMPARE(saved.error().kind, Error::Kind::Config);
    const QString &message = saved.error().message;
    QVERIFY2(message.contains(QDir::toNativeSeparators(m_paths.config)), qPrintable(message));
    QVERIFY2(message.contains(u"region in [default] was changed"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"eu-north-1"_s) && !message.contains(u"us-west-1"_s), qPrintable(message));
    QCOMPARE(contents(m_paths.config), theirs);

    // The same when the section went away.
    QVERIFY(writeInPlace(m_paths.config, "[other]\n"));
    const Result<QByteArray> gone
        = ConfigFile::save(m_paths.config, original, {ConfigEdit::setValue(u"default"_s, u"region"_s, u"us-west-1"_s)});
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains(u"[default] was removed or renamed"_s), qPrintable(gone.error().message));
    QCOMPARE(contents(m_paths.config), QByteArray("[other]\n"));
}

void TestConfigFile::leavesTheFileAloneWhenNothingChanges()
{
    // No file, and an edit that changes nothing: no empty file appears.
    const Result<QByteArray> none = ConfigFile::save(m_paths.config, {}, {});
    QVERIFY(none);
    QVERIFY(!QFileInfo::exists(m_aws));

    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[a]\nx = 1\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    const ino_t inode = inodeOf(m_paths.config);
    const Result<QByteArray> saved
        = ConfigFile::save(m_paths.config, original, {ConfigEdit::removeKey(u"a"_s, u"y"_s)});
    QVERIFY(saved);
    QCOMPARE(inodeOf(m_paths.config), inode);
}

// ---------------------------------------------------------------------------------------------

void TestConfigFile::watcherSeesAnInPlaceWrite()
{
    QVERIFY(QDir().mkpath(m_aws));
    QVERIFY(writeInPlace(m_paths.config, "[default]\nregion = a\n"));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    QVERIFY(writeInPlace(m_paths.config, "[default]\nregion = b\n")); // same size: content decides
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QTest::qWait(kQuietMs);
    QCOMPARE(spy.count(), 1);
}

void TestConfigFile::watcherSeesASaveByRenameAgainAndAgain()
{
    QVERIFY(QDir().mkpath(m_aws));
    QVERIFY(writeInPlace(m_paths.credentials, "[dev]\n"));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    for (int i = 1; i <= 3; ++i) {
        QVERIFY(saveByRename(m_paths.credentials, "[dev]\nx = " + QByteArray::number(i) + "\n"));
        QVERIFY2(spy.wait(kSignalTimeoutMs), qPrintable(u"rename %1"_s.arg(i)));
    }
    // The file watch now follows the third inode: an in-place write is still seen.
    QVERIFY(writeInPlace(m_paths.credentials, "[dev]\nx = 4\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 4);

    // Also when the replaced inode lives on because a program still has it open (so the kernel
    // never reports it deleted): the watch must move to the new file.
    QFile reader(m_paths.credentials);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QVERIFY(saveByRename(m_paths.credentials, "[dev]\nx = 5\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QVERIFY(writeInPlace(m_paths.credentials, "[dev]\nx = 6\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 6);
}

void TestConfigFile::watcherSeesDeleteAndRecreate()
{
    QVERIFY(QDir().mkpath(m_aws));
    QVERIFY(writeInPlace(m_paths.config, "[default]\n"));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    QVERIFY(QFile::remove(m_paths.config));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QVERIFY(writeInPlace(m_paths.config, "[default]\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QVERIFY(writeInPlace(m_paths.config, "[default]\nregion = x\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 3);
}

void TestConfigFile::watcherSeesAFileCreatedLater()
{
    QVERIFY(QDir().mkpath(m_aws));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    QVERIFY(writeInPlace(m_paths.credentials, "[dev]\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 1);
}

void TestConfigFile::watcherSeesTheAwsFolderAndFileCreatedLater()
{
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    QVERIFY(QDir().mkpath(m_aws));
    QTest::qWait(kQuietMs); // the new folder alone is no change of the files
    QCOMPARE(spy.count(), 0);
    QVERIFY(writeInPlace(m_paths.config, "[default]\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 1);
}

void TestConfigFile::watcherCoalescesABurstOfWrites()
{
    QVERIFY(QDir().mkpath(m_aws));
    QVERIFY(writeInPlace(m_paths.config, "[default]\n"));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    for (int i = 0; i < 10; ++i) {
        QVERIFY(writeInPlace(m_paths.config, "[default]\nregion = r" + QByteArray::number(i) + "\n"));
        QTest::qWait(5);
    }
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QTest::qWait(kQuietMs);
    QVERIFY2(spy.count() <= 2, qPrintable(u"%1 signals for one burst"_s.arg(spy.count())));
}

void TestConfigFile::watcherIgnoresATouchAndIdenticalBytes()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray bytes("[default]\nregion = a\n");
    QVERIFY(writeInPlace(m_paths.config, bytes));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    {
        QFile file(m_paths.config);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
    }
    QVERIFY(writeInPlace(m_paths.config, bytes));
    QVERIFY(saveByRename(m_paths.config, bytes));
    QTest::qWait(kQuietMs);
    QCOMPARE(spy.count(), 0);

    // The watcher is alive: a real change is reported.
    QVERIFY(writeInPlace(m_paths.config, bytes + "output = json\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
}

void TestConfigFile::watcherFollowsASymlinkTarget()
{
    const QString dotfiles = m_home->filePath(u"dotfiles"_s);
    QVERIFY(QDir().mkpath(dotfiles));
    QVERIFY(QDir().mkpath(m_aws));
    const QString target = dotfiles + u"/config"_s;
    QVERIFY(writeInPlace(target, "[default]\n"));
    QVERIFY(QFile::link(target, m_paths.config));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    QVERIFY(saveByRename(target, "[default]\nregion = x\n")); // replaced in the target's folder
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QVERIFY(writeInPlace(target, "[default]\nregion = y\n"));
    QVERIFY(spy.wait(kSignalTimeoutMs));
    QCOMPARE(spy.count(), 2);
}

void TestConfigFile::watcherResyncSwallowsOwnSave()
{
    QVERIFY(QDir().mkpath(m_aws));
    const QByteArray original("[default]\n");
    QVERIFY(writeInPlace(m_paths.config, original));
    ConfigWatcher watcher;
    watcher.setDebounceInterval(kDebounce);
    watcher.setPaths({m_paths.config, m_paths.credentials});
    QSignalSpy spy(&watcher, &ConfigWatcher::changed);

    const Result<QByteArray> saved
        = ConfigFile::save(m_paths.config, original, {ConfigEdit::setValue(u"default"_s, u"region"_s, u"x"_s)});
    QVERIFY(saved);
    watcher.resync();
    QTest::qWait(kQuietMs);
    QCOMPARE(spy.count(), 0);
    QVERIFY(writeInPlace(m_paths.config, original));
    QVERIFY(spy.wait(kSignalTimeoutMs));
}

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
