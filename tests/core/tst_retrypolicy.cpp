// SPDX-License-Identifier: Apache-2.0
#include "sts/retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;

namespace {
Error awsError(int status, const QString &code, const QString &message = {})
{
    return Error::aws(status, code, message, u"req-1"_s, u"AssumeRole"_s);
}
} // namespace

class Tst_RetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreStandardMode();
    void settingsAndEnvironment_data();
    void settingsAndEnvironment();
    void fullJitterBackoffCappedAt20s_data();
    void fullJitterBackoffCappedAt20s();
    void retryableErrors_data();
    void retryableErrors();
    void clockSkewErrors_data();
    void clockSkewErrors();
    void quotaStopsRetryStorms();
};

void Tst_RetryPolicy::defaultsAreStandardMode()
{
    RetryPolicy policy;
    QCOMPARE(policy.mode(), RetryPolicy::Mode::Standard);
    QCOMPARE(policy.maxAttempts(), 3);
}

void Tst_RetryPolicy::settingsAndEnvironment_data()
{
    QTest::addColumn<QString>("configAttempts");
    QTest::addColumn<QString>("configMode");
    QTest::addColumn<QString>("envAttempts");
    QTest::addColumn<QString>("envMode");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("mode");
    QTest::addRow("defaults") << QString() << QString() << QString() << QString() << 3 << 0;
    QTest::addRow("config max_attempts") << u"7"_s << QString() << QString() << QString() << 7 << 0;
    QTest::addRow("env overrides config") << u"7"_s << QString() << u"2"_s << QString() << 2 << 0;
    QTest::addRow("legacy mode") << QString() << u"legacy"_s << QString() << QString() << 5 << 1;
    QTest::addRow("env mode wins") << QString() << u"legacy"_s << QString() << u"standard"_s << 3 << 0;
    QTest::addRow("adaptive") << u"4"_s << u"adaptive"_s << QString() << QString() << 4 << 2;
    QTest::addRow("garbage ignored") << u"many"_s << QString() << u"-1"_s << QString() << 3 << 0;
    QTest::addRow("1 means no retry") << QString() << QString() << u"1"_s << QString() << 1 << 0;
    QTest::addRow("clamped") << u"1000"_s << QString() << QString() << QString() << 20 << 0;
}

void Tst_RetryPolicy::settingsAndEnvironment()
{
    QFETCH(QString, configAttempts);
    QFETCH(QString, configMode);
    QFETCH(QString, envAttempts);
    QFETCH(QString, envMode);
    QFETCH(int, attempts);
    QFETCH(int, mode);
    QProcessEnvironment env;
    if (!envAttempts.isEmpty())
        env.insert(u"AWS_MAX_ATTEMPTS"_s, envAttempts);
    if (!envMode.isEmpty())
        env.insert(u"AWS_RETRY_MODE"_s, envMode);
    const RetryPolicy policy = RetryPolicy::fromSettings(configAttempts, configMode, env);
    QCOMPARE(policy.maxAttempts(), attempts);
    QCOMPARE(static_cast<int>(policy.mode()), mode);
}

void Tst_RetryPolicy::fullJitterBackoffCappedAt20s_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");
    QTest::addRow("first retry, max") << 1 << 1.0 << 1000;
    QTest::addRow("first retry, half") << 1 << 0.5 << 500;
    QTest::addRow("second retry") << 2 << 1.0 << 2000;
    QTest::addRow("third retry") << 3 << 0.25 << 1000;
    QTest::addRow("fifth retry") << 5 << 1.0 << 16000;
    QTest::addRow("sixth retry capped") << 6 << 1.0 << 20000;
    QTest::addRow("huge attempt capped") << 60 << 1.0 << 20000;
    QTest::addRow("zero jitter") << 4 << 0.0 << 0;
}

void Tst_RetryPolicy::fullJitterBackoffCappedAt20s()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    RetryPolicy policy;
    policy.setRandom([random] { return random; });
    QCOMPARE(policy.delayMs(attempt), expectedMs);
    policy.setTimeScale(0.01);
    QCOMPARE(policy.delayMs(attempt), qRound(expectedMs * 0.01));

    // With the real random source every delay stays within [0, cap].
    RetryPolicy real;
    for (int i = 0; i < 200; ++i) {
        const int delay = real.delayMs(attempt);
        QVERIFY(delay >= 0 && delay <= RetryPolicy::maxDelayMs(attempt));
    }
}

void Tst_RetryPolicy::retryableErrors_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<bool>("retryable");
    QTest::addRow("Throttling") << awsError(400, u"Throttling"_s) << true;
    QTest::addRow("ThrottlingException") << awsError(400, u"ThrottlingException"_s) << true;
    QTest::addRow("RequestLimitExceeded") << awsError(503, u"RequestLimitExceeded"_s) << true;
    QTest::addRow("TooManyRequestsException") << awsError(429, u"TooManyRequestsException"_s) << true;
    QTest::addRow("IDPCommunicationError") << awsError(400, u"IDPCommunicationError"_s) << true;
    QTest::addRow("InternalFailure 500") << awsError(500, u"InternalFailure"_s) << true;
    QTest::addRow("ServiceUnavailable 503") << awsError(503, u"ServiceUnavailable"_s) << true;
    QTest::addRow("http 502") << Error::http(502, u"AssumeRole"_s) << true;
    QTest::addRow("http 504") << Error::http(504, u"AssumeRole"_s) << true;
    QTest::addRow("http 501") << Error::http(501, u"AssumeRole"_s) << false;
    QTest::addRow("network") << Error::network(u"reset"_s, u"AssumeRole"_s) << true;
    QTest::addRow("timeout") << Error::timeout(15, u"AssumeRole"_s) << true;
    QTest::addRow("AccessDenied") << awsError(403, u"AccessDenied"_s) << false;
    QTest::addRow("ExpiredToken") << awsError(400, u"ExpiredToken"_s) << false;
    QTest::addRow("ValidationError") << awsError(400, u"ValidationError"_s) << false;
    QTest::addRow("RegionDisabledException") << awsError(403, u"RegionDisabledException"_s) << false;
    QTest::addRow("tls") << Error::tls(u"untrusted"_s, u"AssumeRole"_s) << false;
    QTest::addRow("parse") << Error::parse(u"bad"_s, u"AssumeRole"_s) << false;
    QTest::addRow("cancelled") << Error::cancelled(u"AssumeRole"_s) << false;
    QTest::addRow("validation") << Error::validation(u"RoleArn"_s, u"is required."_s) << false;
}

void Tst_RetryPolicy::retryableErrors()
{
    QFETCH(Error, error);
    QFETCH(bool, retryable);
    QCOMPARE(RetryPolicy::isRetryable(error), retryable);
}

void Tst_RetryPolicy::clockSkewErrors_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<bool>("skew");
    QTest::addRow("RequestTimeTooSkewed") << awsError(403, u"RequestTimeTooSkewed"_s) << true;
    QTest::addRow("RequestExpired") << awsError(400, u"RequestExpired"_s) << true;
    QTest::addRow("InvalidSignatureException") << awsError(400, u"InvalidSignatureException"_s) << true;
    QTest::addRow("signature expired") << awsError(403, u"SignatureDoesNotMatch"_s,
        u"Signature expired: 20261123T100000Z is now earlier than "
        "20261123T110000Z (20261123T111500Z - 15 min.)"_s)
                                       << true;
    QTest::addRow("wrong secret") << awsError(
        403, u"SignatureDoesNotMatch"_s, u"The request signature we calculated does not match"_s)
                                  << false;
    QTest::addRow("AccessDenied") << awsError(403, u"AccessDenied"_s) << false;
    QTest::addRow("network") << Error::network(u"x"_s, u"y"_s) << false;
}

void Tst_RetryPolicy::clockSkewErrors()
{
    QFETCH(Error, error);
    QFETCH(bool, skew);
    QCOMPARE(RetryPolicy::isClockSkewError(error), skew);
}

void Tst_RetryPolicy::quotaStopsRetryStorms()
{
    RetryQuota quota;
    const Error throttled = awsError(400, u"Throttling"_s);
    const Error timeout = Error::timeout(1, u"x"_s);
    int taken = 0;
    QVERIFY(quota.acquire(timeout, &taken));
    QCOMPARE(taken, RetryQuota::kTimeoutRetryCost);
    int granted = 1;
    while (quota.acquire(throttled, &taken) && granted < 1000)
        ++granted;
    QCOMPARE(granted, 1 + (RetryQuota::kCapacity - RetryQuota::kTimeoutRetryCost) / RetryQuota::kRetryCost);
    QVERIFY(quota.available() < RetryQuota::kRetryCost);
    quota.release(RetryQuota::kRetryCost);
    QVERIFY(quota.acquire(throttled, &taken));
    quota.release(100000);
    QCOMPARE(quota.available(), RetryQuota::kCapacity);
}

QTEST_GUILESS_MAIN(Tst_RetryPolicy)
#include "tst_retrypolicy.moc"
