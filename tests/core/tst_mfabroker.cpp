// SPDX-License-Identifier: Apache-2.0
// MfaBroker with a ManualClock and a scripted prompter: single flight, the 30-second window rules for used codes,
// rejected codes, cancellation, mfa_process, no front end, bounded prompts; and the terminal prompter.
#include "scriptedmfaprompter.h"

#include "credentials/mfabroker.h"
#include "credentials/terminalmfaprompter.h"
#include "util/clock.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::ScriptedMfaPrompter;

namespace {

constexpr int kWaitMs = 5000;
// On a 30-second boundary: window arithmetic in the tests stays readable.
const QDateTime kStart = QDateTime(QDate(2025, 6, 1), QTime(12, 0, 0), Qt::UTC);
const auto kSerial = "arn:aws:iam::123456789012:mfa/alice"_L1;
const auto kOtherSerial = "arn:aws:iam::123456789012:mfa/alice-yubikey"_L1;
const auto kAwsRefusal = "MultiFactorAuthentication failed with invalid MFA one time pass code. "_L1;

MfaRequest request(const QString &profile = u"admin"_s, const QString &serial = kSerial)
{
    MfaRequest r;
    r.profile = profile;
    r.serialNumber = serial;
    return r;
}

using Answers = std::shared_ptr<QList<Result<SecureBytes>>>;

Answers ask(MfaBroker &broker, const MfaRequest &r)
{
    auto answers = std::make_shared<QList<Result<SecureBytes>>>();
    broker.requestCode(r, [answers](Result<SecureBytes> code) { answers->append(std::move(code)); });
    return answers;
}

QByteArray codeOf(const Result<SecureBytes> &answer)
{
    return answer.ok() ? answer.value().unsecureCopy() : QByteArray("error: ") + answer.error().message.toUtf8();
}

} // namespace

class Tst_MfaBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void concurrentRequestersShareOnePrompt();
    void devicesArePromptedOneAtATime();
    void nextCodeWaitsForTheNextWindow_data();
    void nextCodeWaitsForTheNextWindow();
    void promptAnsweredWithAUsedCodeWaitsAndSaysSo();
    void rejectedCodeRepromptsWithAwsMessage();
    void cancelReachesEveryWaiter_data();
    void cancelReachesEveryWaiter();
    void promptEndsWhenEveryWaiterIsGone();
    void mfaProcessRunsInsteadOfPrompting();
    void noFrontEndIsAClearRefusal();
    void malformedAnswersAreAskedAgain_data();
    void malformedAnswersAreAskedAgain();
    void promptIsBounded();
    void terminalPrompterReadsALine_data();
    void terminalPrompterReadsALine();
    void terminalPrompterReadsAPipeWithoutBlocking();
    void terminalPrompterSaysWhenWaiting();

private:
    std::unique_ptr<MfaBroker> makeBroker(MfaPrompter *prompter);

    ManualClock m_clock;
    std::unique_ptr<ScriptedMfaPrompter> m_prompter;
};

void Tst_MfaBroker::init()
{
    m_clock.set(kStart);
    m_prompter = std::make_unique<ScriptedMfaPrompter>();
}

std::unique_ptr<MfaBroker> Tst_MfaBroker::makeBroker(MfaPrompter *prompter)
{
    auto broker = std::make_unique<MfaBroker>(&m_clock, prompter);
    broker->setPollIntervalMs(5);
    return broker;
}

void Tst_MfaBroker::concurrentRequestersShareOnePrompt()
{
    auto broker = makeBroker(m_prompter.get());
    QSignalSpy started(broker.get(), &MfaBroker::promptStarted);
    QList<Answers> waiters;
    for (int i = 0; i < 5; ++i)
        waiters.append(ask(*broker, request(u"role-%1"_s.arg(i))));
    QVERIFY(waiters.at(0)->isEmpty()); // never answered from inside requestCode
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QTest::qWait(20);
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(started.size(), 1);
    QCOMPARE(m_prompter->requests.at(0).profile, u"role-0"_s); // the first asker names the prompt
    QVERIFY(broker->isBusy(kSerial));
    m_prompter->answer("123456");
    for (const Answers &answers : std::as_const(waiters)) {
        QCOMPARE(answers->size(), 1);
        QCOMPARE(codeOf(answers->at(0)), QByteArray("123456"));
    }
    QVERIFY(!broker->isBusy(kSerial));
    QCOMPARE(m_prompter->requests.size(), 1);
}

void Tst_MfaBroker::devicesArePromptedOneAtATime()
{
    auto broker = makeBroker(m_prompter.get());
    Answers first = ask(*broker, request(u"a"_s, kSerial));
    Answers second = ask(*broker, request(u"b"_s, kOtherSerial));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QTest::qWait(20);
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(m_prompter->requests.at(0).serialNumber, QString(kSerial));
    m_prompter->answer("111111");
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QCOMPARE(m_prompter->requests.size(), 2);
    QCOMPARE(m_prompter->requests.at(1).serialNumber, QString(kOtherSerial));
    m_prompter->answer("222222");
    QCOMPARE(codeOf(first->value(0)), QByteArray("111111"));
    QCOMPARE(codeOf(second->value(0)), QByteArray("222222"));
}

void Tst_MfaBroker::nextCodeWaitsForTheNextWindow_data()
{
    QTest::addColumn<int>("offsetMs"); // into the 30-second window when the first code is used
    QTest::addColumn<bool>("accepted"); // AWS confirmed it, or it is still in flight
    QTest::addColumn<int>("secondsLeft");
    QTest::addRow("window start, in flight") << 0 << false << 30;
    QTest::addRow("5 s in, accepted") << 5000 << true << 25;
    QTest::addRow("5 s in, in flight") << 5000 << false << 25;
    QTest::addRow("29.5 s in, accepted") << 29500 << true << 1;
}

void Tst_MfaBroker::nextCodeWaitsForTheNextWindow()
{
    QFETCH(int, offsetMs);
    QFETCH(bool, accepted);
    QFETCH(int, secondsLeft);
    auto broker = makeBroker(m_prompter.get());
    QSignalSpy waiting(broker.get(), &MfaBroker::waitingForNextCode);
    m_clock.set(kStart.addMSecs(offsetMs));
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Answers first = ask(*broker, request(u"dev"_s));
    QTRY_COMPARE_WITH_TIMEOUT(first->size(), 1, kWaitMs);
    QCOMPARE(codeOf(first->at(0)), QByteArray("111111"));
    if (accepted)
        broker->reportAccepted(kSerial, first->at(0).value());
    QVERIFY(waiting.isEmpty());

    // The device still shows 111111: a second flow must not get it, nor be asked before the window turns.
    Answers second = ask(*broker, request(u"prod"_s));
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, kWaitMs);
    QCOMPARE(waiting.at(0).at(0).toString(), QString(kSerial));
    QCOMPARE(waiting.at(0).at(1).toInt(), secondsLeft);
    QCOMPARE(m_prompter->waits.size(), 1);
    QCOMPARE(m_prompter->waits.at(0).second, secondsLeft);
    QCOMPARE(broker->secondsUntilNextCode(kSerial), secondsLeft);
    QVERIFY(broker->isBusy(kSerial));
    const QDateTime boundary = kStart.addSecs(30);
    m_clock.set(boundary.addMSecs(-1));
    QTest::qWait(40);
    QCOMPARE(m_prompter->requests.size(), 1);
    QVERIFY(!m_prompter->isOpen());
    QVERIFY(second->isEmpty());
    QCOMPARE(waiting.constLast().at(1).toInt(), 1); // the countdown reached its last second

    m_clock.set(boundary);
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QCOMPARE(m_prompter->requests.size(), 2);
    QCOMPARE(m_prompter->requests.at(1).profile, u"prod"_s);
    m_prompter->answer("222222");
    QCOMPARE(second->size(), 1);
    QCOMPARE(codeOf(second->at(0)), QByteArray("222222"));
    QCOMPARE(broker->secondsUntilNextCode(kSerial), 30);
}

void Tst_MfaBroker::promptAnsweredWithAUsedCodeWaitsAndSaysSo()
{
    auto broker = makeBroker(m_prompter.get());
    QSignalSpy waiting(broker.get(), &MfaBroker::waitingForNextCode);
    m_clock.set(kStart.addSecs(10));
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Answers first = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(first->size(), 1, kWaitMs);
    broker->reportAccepted(kSerial, first->at(0).value());

    // Next window: a prompt at once, but the user types the old code (the phone's clock lags).
    m_clock.set(kStart.addSecs(31));
    Answers second = ask(*broker, request());
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QVERIFY(waiting.isEmpty());
    QVERIFY(m_prompter->requests.at(1).lastError.isEmpty());
    m_prompter->answer("111111");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, kWaitMs);
    QCOMPARE(waiting.at(0).at(1).toInt(), 29);
    QVERIFY(second->isEmpty()); // 111111 is never handed out again
    QTest::qWait(30);
    QVERIFY(!m_prompter->isOpen());

    m_clock.set(kStart.addSecs(60));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QCOMPARE(m_prompter->requests.size(), 3);
    QVERIFY2(m_prompter->requests.at(2).lastError.contains(u"already used"_s),
        qPrintable(m_prompter->requests.at(2).lastError));
    m_prompter->answer("333333");
    QCOMPARE(second->size(), 1);
    QCOMPARE(codeOf(second->at(0)), QByteArray("333333"));
}

void Tst_MfaBroker::rejectedCodeRepromptsWithAwsMessage()
{
    auto broker = makeBroker(m_prompter.get());
    QSignalSpy waiting(broker.get(), &MfaBroker::waitingForNextCode);
    m_clock.set(kStart.addSecs(5));
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Answers first = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(first->size(), 1, kWaitMs);
    // AWS says no (a typo): the flow reports it and asks again, in the same window.
    broker->reportRejected(kSerial, kAwsRefusal, first->at(0).value());
    Answers second = ask(*broker, request());
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QVERIFY(waiting.isEmpty()); // a refused code does not hold the window
    QCOMPARE(m_prompter->requests.size(), 2);
    QCOMPARE(m_prompter->requests.at(1).lastError, QString(kAwsRefusal));
    // Typing the refused code again is pointless: it waits for the next code instead of sending it.
    m_prompter->answer("111111");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, kWaitMs);
    QCOMPARE(waiting.at(0).at(1).toInt(), 25);
    m_clock.set(kStart.addSecs(30));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    m_prompter->answer("222222");
    QCOMPARE(second->size(), 1);
    QCOMPARE(codeOf(second->at(0)), QByteArray("222222"));
    // The message is shown once: the next round starts clean.
    broker->reportAccepted(kSerial, second->at(0).value());
    m_clock.set(kStart.addSecs(60));
    m_prompter->script.append(SecureBytes(QByteArrayView("444444")));
    Answers third = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(third->size(), 1, kWaitMs);
    QVERIFY(m_prompter->requests.constLast().lastError.isEmpty());
}

void Tst_MfaBroker::cancelReachesEveryWaiter_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("user dismissed the prompt") << u"dismiss"_s;
    QTest::addRow("broker cancel while prompting") << u"cancel"_s;
    QTest::addRow("broker cancel while waiting for the next window") << u"cancel-waiting"_s;
    QTest::addRow("cancelAll") << u"cancel-all"_s;
}

void Tst_MfaBroker::cancelReachesEveryWaiter()
{
    QFETCH(QString, how);
    auto broker = makeBroker(m_prompter.get());
    if (how == "cancel-waiting"_L1) {
        m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
        Answers first = ask(*broker, request());
        QTRY_COMPARE_WITH_TIMEOUT(first->size(), 1, kWaitMs);
    }
    QList<Answers> waiters;
    for (int i = 0; i < 3; ++i)
        waiters.append(ask(*broker, request(u"p%1"_s.arg(i))));
    if (how == "cancel-waiting"_L1)
        QTRY_VERIFY_WITH_TIMEOUT(broker->secondsUntilNextCode(kSerial) > 0 && broker->isBusy(kSerial), kWaitMs);
    else
        QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);

    if (how == "dismiss"_L1)
        m_prompter->dismiss();
    else if (how == "cancel-all"_L1)
        broker->cancelAll();
    else
        broker->cancel(kSerial);
    for (const Answers &answers : std::as_const(waiters)) {
        QCOMPARE(answers->size(), 1);
        QVERIFY(!answers->at(0).ok());
        QCOMPARE(answers->at(0).error().kind, Error::Kind::Cancelled);
    }
    if (how == "cancel"_L1 || how == "cancel-all"_L1)
        QCOMPARE(m_prompter->cancels, 1);
    QVERIFY(!broker->isBusy(kSerial));
    // Nothing comes later: no prompt for the cancelled wait, no second answer.
    m_clock.set(kStart.addSecs(30));
    QTest::qWait(40);
    QVERIFY(!m_prompter->isOpen());
    for (const Answers &answers : std::as_const(waiters))
        QCOMPARE(answers->size(), 1);
}

void Tst_MfaBroker::promptEndsWhenEveryWaiterIsGone()
{
    auto broker = makeBroker(m_prompter.get());
    auto first = std::make_unique<QObject>();
    auto second = std::make_unique<QObject>();
    auto answers = std::make_shared<QList<Result<SecureBytes>>>();
    for (QObject *context : {first.get(), second.get()})
        broker->requestCode(request(), context, [answers](Result<SecureBytes> code) { answers->append(code); });
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    first.reset(); // one flow gone: the other still waits, the prompt stays
    QCOMPARE(m_prompter->cancels, 0);
    QVERIFY(broker->isBusy(kSerial));
    second.reset(); // the last one gone: the prompt closes, quietly
    QCOMPARE(m_prompter->cancels, 1);
    QVERIFY(!broker->isBusy(kSerial));
    QTest::qWait(20);
    QVERIFY(answers->isEmpty());

    // The same while waiting for the next window: no prompt opens later.
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Answers used = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(used->size(), 1, kWaitMs);
    auto third = std::make_unique<QObject>();
    broker->requestCode(request(), third.get(), [answers](Result<SecureBytes> code) { answers->append(code); });
    QTRY_VERIFY_WITH_TIMEOUT(broker->secondsUntilNextCode(kSerial) > 0, kWaitMs);
    third.reset();
    QVERIFY(!broker->isBusy(kSerial));
    m_clock.set(kStart.addSecs(30));
    QTest::qWait(40);
    QCOMPARE(m_prompter->requests.size(), 2);
    QVERIFY(answers->isEmpty());
}

void Tst_MfaBroker::mfaProcessRunsInsteadOfPrompting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Prints 654321 the first time, 765432 after: like a device whose code changes each window.
    const QString script = QDir(dir.path()).filePath(u"mfa.sh"_s);
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nn=$(cat \"$0.count\" 2>/dev/null || echo 0)\nn=$((n+1))\necho $n > \"$0.count\"\n"
                   "if [ $n -eq 1 ]; then echo 654321; else echo 765432; fi\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    auto broker = makeBroker(nullptr); // no front end: mfa_process needs none
    QSignalSpy waiting(broker.get(), &MfaBroker::waitingForNextCode);
    MfaRequest r = request();
    r.mfaProcess = script;
    m_clock.set(kStart.addSecs(3));
    Answers first = ask(*broker, r);
    Answers joined = ask(*broker, r);
    QTRY_COMPARE_WITH_TIMEOUT(first->size(), 1, kWaitMs);
    QCOMPARE(codeOf(first->at(0)), QByteArray("654321"));
    QCOMPARE(joined->size(), 1);
    QCOMPARE(codeOf(joined->at(0)), QByteArray("654321"));

    // The same window again: the command would print the code just used, so it runs in the next window.
    Answers second = ask(*broker, r);
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, kWaitMs);
    QCOMPARE(waiting.at(0).at(1).toInt(), 27);
    QTest::qWait(40);
    QVERIFY(second->isEmpty());
    QFile counter(script + u".count"_s);
    QVERIFY(counter.open(QIODevice::ReadOnly));
    QCOMPARE(counter.readAll().trimmed(), QByteArray("1")); // ran once so far
    counter.close();
    m_clock.set(kStart.addSecs(30));
    QTRY_COMPARE_WITH_TIMEOUT(second->size(), 1, kWaitMs);
    QCOMPARE(codeOf(second->at(0)), QByteArray("765432"));

    // A failing command reaches every waiter as it is.
    r.mfaProcess = QDir(dir.path()).filePath(u"missing-command"_s);
    m_clock.set(kStart.addSecs(120));
    Answers failed = ask(*broker, r);
    QTRY_COMPARE_WITH_TIMEOUT(failed->size(), 1, kWaitMs);
    QVERIFY(!failed->at(0).ok());
    QCOMPARE(failed->at(0).error().kind, Error::Kind::Config);
    QVERIFY2(failed->at(0).error().message.contains(u"mfa_process"_s), qPrintable(failed->at(0).error().message));
}

void Tst_MfaBroker::noFrontEndIsAClearRefusal()
{
    auto broker = makeBroker(nullptr);
    Answers answers = ask(*broker, request(u"admin"_s));
    QVERIFY(answers->isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    QVERIFY(!answers->at(0).ok());
    const Error &error = answers->at(0).error();
    QCOMPARE(error.kind, Error::Kind::Config);
    QVERIFY2(error.message.contains(kSerial) && error.message.contains(u"admin"_s)
            && error.message.contains(u"mfa_process"_s),
        qPrintable(error.message));
    QVERIFY(!broker->isBusy(kSerial));

    // Plugging a front end in later works.
    broker->setPrompter(m_prompter.get());
    m_prompter->script.append(SecureBytes(QByteArrayView("123456")));
    Answers later = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(later->size(), 1, kWaitMs);
    QCOMPARE(codeOf(later->at(0)), QByteArray("123456"));
}

void Tst_MfaBroker::malformedAnswersAreAskedAgain_data()
{
    QTest::addColumn<QList<QByteArray>>("typed");
    QTest::addColumn<QByteArray>("result"); // a code or "error"
    QTest::addRow("letters, then a code") << QList<QByteArray> {"12ab56", "123456"} << QByteArray("123456");
    QTest::addRow("five digits, then a code") << QList<QByteArray> {"12345", "654321"} << QByteArray("654321");
    QTest::addRow("three malformed answers") << QList<QByteArray> {"1", "12", "123"} << QByteArray("error");
}

void Tst_MfaBroker::malformedAnswersAreAskedAgain()
{
    QFETCH(QList<QByteArray>, typed);
    QFETCH(QByteArray, result);
    auto broker = makeBroker(m_prompter.get());
    for (const QByteArray &code : typed)
        m_prompter->script.append(SecureBytes(code));
    Answers answers = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    QCOMPARE(m_prompter->requests.size(), typed.size());
    QVERIFY(m_prompter->requests.at(1).lastError.contains(u"six digits"_s));
    if (result == "error") {
        QVERIFY(!answers->at(0).ok());
        QCOMPARE(answers->at(0).error().kind, Error::Kind::Validation);
        QCOMPARE(answers->at(0).error().field, u"TokenCode"_s);
    } else {
        QCOMPARE(codeOf(answers->at(0)), result);
    }
}

void Tst_MfaBroker::promptIsBounded()
{
    auto broker = makeBroker(m_prompter.get());
    broker->setPromptTimeoutMs(50);
    Answers answers = ask(*broker, request());
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    QVERIFY(!answers->at(0).ok());
    QCOMPARE(answers->at(0).error().kind, Error::Kind::Timeout);
    QCOMPARE(m_prompter->cancels, 1);
    QVERIFY(!broker->isBusy(kSerial));
}

void Tst_MfaBroker::terminalPrompterReadsALine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<QByteArray>("result"); // the code, or "cancelled"
    QTest::addRow("a line") << QByteArray("  123456 \n") << QString() << QByteArray("123456");
    QTest::addRow("the last line without newline") << QByteArray("654321") << QString() << QByteArray("654321");
    QTest::addRow("AWS's message shown first")
        << QByteArray("111111\n") << QString(kAwsRefusal) << QByteArray("111111");
    QTest::addRow("empty input") << QByteArray() << QString() << QByteArray("cancelled");
    QTest::addRow("an empty line") << QByteArray("\n") << QString() << QByteArray("cancelled");
}

void Tst_MfaBroker::terminalPrompterReadsALine()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, lastError);
    QFETCH(QByteArray, result);
    QBuffer in(&input);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray written;
    QBuffer out(&written);
    QVERIFY(out.open(QIODevice::WriteOnly));
    TerminalMfaPrompter prompter(&in, &out);
    MfaRequest r = request(u"admin"_s);
    r.lastError = lastError;
    auto answers = std::make_shared<QList<Result<SecureBytes>>>();
    prompter.prompt(r, [answers](Result<SecureBytes> code) { answers->append(std::move(code)); });
    QVERIFY(answers->isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    if (result == "cancelled") {
        QVERIFY(!answers->at(0).ok());
        QCOMPARE(answers->at(0).error().kind, Error::Kind::Cancelled);
    } else {
        QCOMPARE(codeOf(answers->at(0)), result);
    }
    const QString shown = QString::fromUtf8(written);
    QVERIFY2(shown.contains(u"MFA code for %1 (admin): "_s.arg(kSerial)), qPrintable(shown));
    if (!lastError.isEmpty())
        QVERIFY2(shown.startsWith(lastError), qPrintable(shown));
    if (result != "cancelled")
        QVERIFY2(shown.endsWith(u"(admin): "_s), qPrintable(shown)); // the prompt, and nothing after it
}

void Tst_MfaBroker::terminalPrompterReadsAPipeWithoutBlocking()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    FILE *input = ::fdopen(fds[0], "r");
    QVERIFY(input);
    const auto closeAll = qScopeGuard([&] {
        std::fclose(input);
        if (fds[1] >= 0)
            ::close(fds[1]);
    });
    TerminalMfaPrompter prompter(input, nullptr);
    auto broker = makeBroker(&prompter);
    Answers answers = ask(*broker, request());
    // The event loop keeps turning while the prompt waits for a line.
    bool turned = false;
    QTimer::singleShot(30, this, [&turned, &fds] {
        turned = true;
        QCOMPARE(::write(fds[1], "246810\n", 7), ssize_t(7));
    });
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    QVERIFY(turned);
    QCOMPARE(codeOf(answers->at(0)), QByteArray("246810"));

    // The input ending (Ctrl-D, a closed pipe) cancels.
    m_clock.set(kStart.addSecs(60));
    Answers ended = ask(*broker, request());
    QTRY_VERIFY_WITH_TIMEOUT(broker->isBusy(kSerial), kWaitMs);
    QTest::qWait(20);
    ::close(fds[1]);
    fds[1] = -1;
    QTRY_COMPARE_WITH_TIMEOUT(ended->size(), 1, kWaitMs);
    QVERIFY(!ended->at(0).ok());
    QCOMPARE(ended->at(0).error().kind, Error::Kind::Cancelled);
}

void Tst_MfaBroker::terminalPrompterSaysWhenWaiting()
{
    QByteArray input("222222\n");
    QBuffer in(&input);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray written;
    QBuffer out(&written);
    QVERIFY(out.open(QIODevice::WriteOnly));
    TerminalMfaPrompter prompter(&in, &out);
    auto broker = makeBroker(&prompter);
    m_clock.set(kStart.addSecs(18));
    broker->reportAccepted(kSerial, SecureBytes(QByteArrayView("111111"))); // used by another flow just now
    Answers answers = ask(*broker, request());
    QTRY_VERIFY_WITH_TIMEOUT(written.contains("waiting"), kWaitMs);
    QVERIFY2(written.contains("waiting 12 second"), written.constData());
    QVERIFY(answers->isEmpty());
    m_clock.set(kStart.addSecs(30));
    QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, kWaitMs);
    QCOMPARE(codeOf(answers->at(0)), QByteArray("222222"));
}

QTEST_GUILESS_MAIN(Tst_MfaBroker)
#include "tst_mfabroker.moc"
