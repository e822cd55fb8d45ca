// SPDX-License-Identifier: Apache-2.0
// The CI keyring session: QtKeychain against the real Secret Service (gnome-keyring) that
// .ci/test.sh starts in a private D-Bus session. Checks the environment later keychain work needs.
#include "testenv.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"io.github.rolecall.Rolecall.tests"_s;

struct JobOutcome
{
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
    QByteArray data;
};

template<typename Job>
JobOutcome run(Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    if (!finished.wait(15000))
        return {QKeychain::OtherError, u"timed out"_s, {}};
    JobOutcome outcome {job.error(), job.errorString(), {}};
    if constexpr (std::is_same_v<Job, QKeychain::ReadPasswordJob>)
        outcome.data = job.binaryData();
    return outcome;
}

JobOutcome write(const QString &key, const QByteArray &secret)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setBinaryData(secret);
    return run(job);
}

JobOutcome read(const QString &key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    return run(job);
}

JobOutcome remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    return run(job);
}

} // namespace

class Tst_Keyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadOverwriteDelete();
    void secretIsReallyInTheSecretService();
    void missingEntryIsNotFound();
};

void Tst_Keyring::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        ROLECALL_REQUIRE_OR_SKIP("no D-Bus session: run the tests through .ci/test.sh for a keyring");
    const JobOutcome probe = write(u"probe"_s, "probe");
    if (probe.error != QKeychain::NoError)
        ROLECALL_REQUIRE_OR_SKIP("the Secret Service is not usable");
    (void)remove(u"probe"_s);
}

void Tst_Keyring::writeReadOverwriteDelete()
{
    const QString key = u"profile/dev/aws_secret_access_key"_s;
    QCOMPARE(write(key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").error, QKeychain::NoError);
    JobOutcome got = read(key);
    QCOMPARE(got.error, QKeychain::NoError);
    QCOMPARE(got.data, QByteArray("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    QCOMPARE(write(key, "second-EXAMPLEKEY").error, QKeychain::NoError);
    QCOMPARE(read(key).data, QByteArray("second-EXAMPLEKEY"));
    QCOMPARE(remove(key).error, QKeychain::NoError);
    QCOMPARE(read(key).error, QKeychain::EntryNotFound);
}

void Tst_Keyring::secretIsReallyInTheSecretService()
{
    const QString key = u"profile/ci/secret-tool-check"_s;
    QCOMPARE(write(key, "stored-through-qtkeychain").error, QKeychain::NoError);
    // QtKeychain's libsecret backend stores user=<key> server=<service>; read it back independently.
    // (Waiting with QTRY keeps the event loop running: libsecret answers through GLib's dispatcher.)
    QProcess lookup;
    lookup.start(u"secret-tool"_s, {u"lookup"_s, u"user"_s, key, u"server"_s, kService});
    QVERIFY2(lookup.waitForStarted(5000), "secret-tool is missing (package libsecret-tools)");
    QTRY_COMPARE_WITH_TIMEOUT(lookup.state(), QProcess::NotRunning, 15000);
    // Binary data is stored base64-encoded (QtKeychain's libsecret backend, type "base64").
    QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput()), QByteArray("stored-through-qtkeychain"));
    QCOMPARE(remove(key).error, QKeychain::NoError);
}

void Tst_Keyring::missingEntryIsNotFound()
{
    const JobOutcome got = read(u"never-written-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    QCOMPARE(got.error, QKeychain::EntryNotFound);
    QVERIFY(got.data.isEmpty());
}

QTEST_GUILESS_MAIN(Tst_Keyring)
#include "tst_keyring.moc"
