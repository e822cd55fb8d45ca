// SPDX-License-Identifier: Apache-2.0
// CredentialFlow with the SessionCache and the MfaBroker against the loopback STS fault server, which records every
// request: how many GetSessionToken / AssumeRole calls went out and which TokenCode each carried. Profiles come
// from real config files; time is a ManualClock started at the real time (the server's expiries are real).
#include "fakesecretstore.h"
#include "faultserver.h"
#include "scriptedmfaprompter.h"
#include "testenv.h"

#include "config/sharedconfig.h"
#include "credentials/credentialflow.h"
#include "credentials/mfabroker.h"
#include "credentials/sessioncache.h"
#include "profiles/profile.h"
#include "util/clock.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Test::FakeSecretStore;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::RecordedRequest;
using Rolecall::Test::ScriptedMfaPrompter;
using Rolecall::Test::StsFixture;
namespace StsXml = Rolecall::Test::StsXml;

namespace {

constexpr int kWaitMs = 20000;

// AWS's documented example values. Never real credentials.
const auto kUserKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kSessionKeyId = "ASIAI44QH8DHBEXAMPLE"_L1;
const auto kSessionSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_L1;
const auto kSessionToken
    = "AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/LTo6UDdyJwOOvEVPvLXCrrrUtdnn"
      "iCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3zrkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b"_L1;
const auto kMfaSerial = "arn:aws:iam::123456789012:mfa/rolecall-session"_L1;
const auto kAwsRefusal = "MultiFactorAuthentication failed with invalid MFA one time pass code. "_L1;

// user (keys + MFA) → hop1 → hop2 → hop3, and a second role of the same user.
const auto kConfig = "[profile user]\nmfa_serial = arn:aws:iam::123456789012:mfa/rolecall-session\n\n"
                     "[profile hop1]\nrole_arn = arn:aws:iam::123456789012:role/hop1\nsource_profile = user\n"
                     "role_session_name = rc-hop1\n\n"
                     "[profile hop2]\nrole_arn = arn:aws:iam::123456789012:role/hop2\nsource_profile = hop1\n"
                     "role_session_name = rc-hop2\n\n"
                     "[profile hop3]\nrole_arn = arn:aws:iam::123456789012:role/hop3\nsource_profile = hop2\n"
                     "role_session_name = rc-hop3\n\n"
                     "[profile other]\nrole_arn = arn:aws:iam::123456789012:role/other\nsource_profile = user\n"
                     "role_session_name = rc-other\n"_L1;
const auto kCredentials = "[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                          "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n"_L1;

QString describe(const Result<AwsCredentials> &result)
{
    return result.ok() ? u"ok"_s : Error::kindName(result.error().kind) + u": "_s + result.error().message;
}

QString signingKeyId(const RecordedRequest &request)
{
    static const QRegularExpression credential(u"Credential=([^/]+)/"_s);
    return credential.match(QString::fromLatin1(request.header("Authorization"))).captured(1);
}

/** An MfaProvider that is not a broker: it may not be asked again after a refusal. */
class FixedCodeMfa final : public MfaProvider
{
public:
    void requestCode(const MfaRequest &, std::function<void(Result<SecureBytes>)> done) override
    {
        ++asked;
        QTimer::singleShot(0, QCoreApplication::instance(), [done] { done(SecureBytes(QByteArrayView("111111"))); });
    }
    int asked = 0;
};

} // namespace

class Tst_SessionFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void chainAsksOnceThenReusesTheCache();
    void secondRoleOfTheUserReusesTheSessionToken();
    void concurrentFlowsShareOneMfaPrompt_data();
    void concurrentFlowsShareOneMfaPrompt();
    void usedCodeIsNeverSentAgain();
    void refusedCodeRepromptsWithAwsMessage_data();
    void refusedCodeRepromptsWithAwsMessage();
    void refusedCodeWithoutBrokerFails();
    void abortedFlowClosesItsPrompt();

private:
    struct Run
    {
        QPointer<CredentialFlow> flow;
        std::unique_ptr<QSignalSpy> finished;
        std::unique_ptr<QSignalSpy> progress;
    };

    Profiles::ResolvedProfile resolve(const QString &name);
    Run start(const QString &profile, CredentialRequestOptions options = {}, MfaProvider *mfa = nullptr);
    Result<AwsCredentials> finish(Run &run);
    void answerLikeSts(int refusals = 0);
    QList<RecordedRequest> requestsFor(QByteArrayView action) const;
    QList<QByteArray> tokenCodes() const;

    QNetworkAccessManager *m_network = nullptr;
    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FaultServer> m_sts;
    std::unique_ptr<FakeSecretStore> m_store;
    std::unique_ptr<SessionCache> m_cache;
    std::unique_ptr<ScriptedMfaPrompter> m_prompter;
    std::unique_ptr<MfaBroker> m_broker;
    QProcessEnvironment m_env;
    QStringList m_problems;
    QList<Error> m_errors;
};

void Tst_SessionFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    m_network = new QNetworkAccessManager(this);
}

void Tst_SessionFlow::init()
{
    m_problems.clear();
    m_errors.clear();
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sts = std::make_unique<FaultServer>();
    QVERIFY2(m_sts->listen(), qPrintable(m_sts->errorString()));
    m_store = std::make_unique<FakeSecretStore>();
    m_cache = std::make_unique<SessionCache>(
        m_store.get(), &m_clock, QDir(m_dir->path()).filePath(u"data/session-index.json"_s));
    m_prompter = std::make_unique<ScriptedMfaPrompter>();
    m_broker = std::make_unique<MfaBroker>(&m_clock, m_prompter.get());
    m_broker->setPollIntervalMs(5);
    m_env = Rolecall::Test::cleanEnvironment(m_dir->path());
    for (const auto &[name, text] : {std::pair {u"config"_s, QString(kConfig)}, {u"credentials"_s, kCredentials}}) {
        QFile file(QDir(m_dir->path()).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(text.toUtf8()) > 0);
    }
}

void Tst_SessionFlow::cleanup()
{
    // No error may carry a credential or a code.
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.awsMessage, error.context, error.field}) {
            for (const QString &secret : {QString(kSessionSecret), QString(kSessionToken), StsFixture().sessionToken,
                     u"111111"_s, u"222222"_s, u"333333"_s})
                QVERIFY2(!text.contains(secret), qPrintable(error.message));
        }
    }
    // Nor the index file.
    QFile index(m_cache->indexPath());
    if (index.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = index.readAll();
        for (const QLatin1StringView secret : {kSessionSecret, kSessionToken, kSessionKeyId, kUserKeyId})
            QVERIFY2(!bytes.contains(QByteArray(secret.data(), secret.size())), secret.data());
    }
    const QStringList problems = std::exchange(m_problems, {});
    m_broker.reset();
    m_prompter.reset();
    m_cache.reset();
    m_store.reset();
    m_sts.reset();
    m_dir.reset();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

Profiles::ResolvedProfile Tst_SessionFlow::resolve(const QString &name)
{
    Config::ConfigPaths paths;
    paths.config = QDir(m_dir->path()).filePath(u"config"_s);
    paths.credentials = QDir(m_dir->path()).filePath(u"credentials"_s);
    const Config::SharedConfig config = Config::SharedConfig::load(paths);
    return Profiles::ProfileResolver(config, u"rolecall-session"_s).resolve(name);
}

Tst_SessionFlow::Run Tst_SessionFlow::start(const QString &profile, CredentialRequestOptions options, MfaProvider *mfa)
{
    CredentialServices services;
    services.network = m_network;
    services.clock = &m_clock;
    services.mfa = mfa ? mfa : m_broker.get();
    services.cache = m_cache.get();
    services.environment = m_env;
    options.endpointUrl = m_sts->url().toString();
    Run run;
    run.flow = new CredentialFlow(resolve(profile), services, options);
    run.finished = std::make_unique<QSignalSpy>(run.flow.data(), &CredentialFlow::finished);
    run.progress = std::make_unique<QSignalSpy>(run.flow.data(), &CredentialFlow::progress);
    return run;
}

Result<AwsCredentials> Tst_SessionFlow::finish(Run &run)
{
    if (run.finished->isEmpty() && !run.finished->wait(kWaitMs)) {
        m_problems.append(u"the flow did not finish within %1 s"_s.arg(kWaitMs / 1000));
        if (run.flow)
            run.flow->abort();
        return Error::timeout(kWaitMs / 1000, u"test"_s);
    }
    QTest::qWait(20);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (run.finished->count() != 1)
        m_problems.append(u"finished was emitted %1 times"_s.arg(run.finished->count()));
    if (run.flow)
        m_problems.append(u"the flow did not delete itself after finishing"_s);
    const auto result = run.finished->at(0).at(0).value<Result<AwsCredentials>>();
    if (!result.ok())
        m_errors.append(result.error());
    return result;
}

void Tst_SessionFlow::answerLikeSts(int refusals)
{
    auto refusalsLeft = std::make_shared<int>(refusals);
    m_sts->setResponder([refusalsLeft](const RecordedRequest &request) {
        const QByteArray action = request.formValue("Action");
        StsFixture f;
        if (action == "GetSessionToken") {
            if (*refusalsLeft != 0) {
                --*refusalsLeft;
                return FaultResponse::awsError(403, u"AccessDenied"_s, kAwsRefusal);
            }
            f.accessKeyId = kSessionKeyId;
            f.secretAccessKey = kSessionSecret;
            f.sessionToken = kSessionToken;
            f.expiration = QDateTime::currentDateTimeUtc().addSecs(43200).toString(Qt::ISODate);
        } else {
            const QString role = QString::fromUtf8(request.formValue("RoleArn")).section(u'/', -1);
            const QString session = QString::fromUtf8(request.formValue("RoleSessionName"));
            // One key id per role, so the tests can see who signed what.
            f.accessKeyId = QString(u"ASIA"_s + role.toUpper() + u"EXAMPLE0000000000"_s).left(20);
            f.expiration = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
            f.assumedRoleArn = u"arn:aws:sts::123456789012:assumed-role/%1/%2"_s.arg(role, session);
            f.assumedRoleId = u"AROA3XFRBF535PLBIFPI4:"_s + session;
        }
        const QByteArray body = StsXml::forAction(action, f);
        if (body.isEmpty())
            return FaultResponse::awsError(400, u"InvalidAction"_s, u"not an STS action"_s);
        return FaultResponse::xml(body);
    });
}

QList<RecordedRequest> Tst_SessionFlow::requestsFor(QByteArrayView action) const
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &request : m_sts->requests()) {
        if (request.formValue("Action") == action)
            out.append(request);
    }
    return out;
}

QList<QByteArray> Tst_SessionFlow::tokenCodes() const
{
    QList<QByteArray> codes;
    for (const RecordedRequest &request : m_sts->requests()) {
        const QByteArray code = request.formValue("TokenCode");
        if (!code.isNull())
            codes.append(code);
    }
    return codes;
}

// ------------------------------------------------------------------------------------------------ tests

void Tst_SessionFlow::chainAsksOnceThenReusesTheCache()
{
    answerLikeSts();
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Run first = start(u"hop3"_s);
    const Result<AwsCredentials> fresh = finish(first);
    QVERIFY2(fresh.ok(), qPrintable(describe(fresh)));
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(m_prompter->requests.at(0).serialNumber, QString(kMfaSerial));
    QCOMPARE(m_sts->requestCount(), 4);
    QCOMPARE(requestsFor("GetSessionToken").size(), 1);
    QCOMPARE(requestsFor("AssumeRole").size(), 3);
    QCOMPARE(tokenCodes(), QList<QByteArray>({"111111"}));
    QCOMPARE(fresh->accessKeyId, u"ASIAHOP3EXAMPLE00000"_s);
    QCOMPARE(first.progress->size(), 5);

    // Both sessions are kept: the user's MFA session and hop3's credentials.
    QStringList cached;
    for (const SessionCache::Entry &entry : m_cache->sessions())
        cached.append(entry.profile);
    cached.sort();
    QCOMPARE(cached, QStringList({u"hop3"_s, u"user"_s}));
    QCOMPARE(m_store->entries.size(), 2);

    // The same profile again: from the cache, without a prompt or a request.
    m_clock.advance(120 * 1000);
    Run second = start(u"hop3"_s);
    const Result<AwsCredentials> cached2 = finish(second);
    QVERIFY2(cached2.ok(), qPrintable(describe(cached2)));
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(m_sts->requestCount(), 4);
    QCOMPARE(second.progress->size(), 0);
    QCOMPARE(cached2->accessKeyId, fresh->accessKeyId);
    QVERIFY(cached2->secretAccessKey == fresh->secretAccessKey);
    QVERIFY(cached2->sessionToken == fresh->sessionToken);
    QCOMPARE(cached2->origin, AwsCredentials::Origin::AssumedRole);
    QVERIFY(cached2->expiration <= fresh->expiration);

    // Another duration is another session: hop3 again, but the user's MFA session still serves (no prompt).
    CredentialRequestOptions shorter;
    shorter.durationSeconds = 900;
    Run third = start(u"hop3"_s, shorter);
    const Result<AwsCredentials> other = finish(third);
    QVERIFY2(other.ok(), qPrintable(describe(other)));
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(requestsFor("GetSessionToken").size(), 1);
    QCOMPARE(requestsFor("AssumeRole").size(), 6);
    QCOMPARE(m_sts->requests().constLast().formValue("DurationSeconds"), QByteArray("900"));
}

void Tst_SessionFlow::secondRoleOfTheUserReusesTheSessionToken()
{
    answerLikeSts();
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Run first = start(u"hop1"_s);
    const Result<AwsCredentials> a = finish(first);
    QVERIFY2(a.ok(), qPrintable(describe(a)));
    QCOMPARE(m_sts->requestCount(), 2);

    Run second = start(u"other"_s);
    const Result<AwsCredentials> b = finish(second);
    QVERIFY2(b.ok(), qPrintable(describe(b)));
    QCOMPARE(m_prompter->requests.size(), 1); // no new code
    QCOMPARE(requestsFor("GetSessionToken").size(), 1);
    const QList<RecordedRequest> roles = requestsFor("AssumeRole");
    QCOMPARE(roles.size(), 2);
    QCOMPARE(roles.at(1).formValue("RoleArn"), QByteArray("arn:aws:iam::123456789012:role/other"));
    QCOMPARE(signingKeyId(roles.at(1)), QString(kSessionKeyId)); // signed with the cached MFA session
    QVERIFY(roles.at(1).formValue("TokenCode").isNull());
    QCOMPARE(b->accessKeyId, u"ASIAOTHEREXAMPLE0000"_s);
    // The flow skipped the keys and GetSessionToken: only the role hop was a step.
    QCOMPARE(second.progress->size(), 1);
    QCOMPARE(second.progress->at(0).at(0).toInt(), 3);
    QCOMPARE(second.progress->at(0).at(1).toInt(), 3);
}

void Tst_SessionFlow::concurrentFlowsShareOneMfaPrompt_data()
{
    QTest::addColumn<QStringList>("profiles");
    QTest::addColumn<int>("assumeRoles");
    QTest::addRow("three roles of one user") << QStringList {u"hop1"_s, u"other"_s, u"hop3"_s} << 5;
    QTest::addRow("one profile twice") << QStringList {u"hop2"_s, u"hop2"_s} << 2;
}

void Tst_SessionFlow::concurrentFlowsShareOneMfaPrompt()
{
    QFETCH(QStringList, profiles);
    QFETCH(int, assumeRoles);
    answerLikeSts();
    std::vector<Run> runs;
    for (const QString &profile : std::as_const(profiles))
        runs.push_back(start(profile));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QTest::qWait(50);
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(m_sts->requestCount(), 0);
    m_prompter->answer("111111");
    for (Run &run : runs) {
        const Result<AwsCredentials> result = finish(run);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
    }
    QCOMPARE(m_prompter->requests.size(), 1);
    // One GetSessionToken: the other flows waited for its session instead of sending the code again.
    QCOMPARE(requestsFor("GetSessionToken").size(), 1);
    QCOMPARE(tokenCodes(), QList<QByteArray>({"111111"}));
    QCOMPARE(requestsFor("AssumeRole").size(), assumeRoles);
}

void Tst_SessionFlow::usedCodeIsNeverSentAgain()
{
    answerLikeSts();
    // 5 s into a 30-second window.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 windowStart = now - now % MfaBroker::kWindowMs;
    m_clock.set(QDateTime::fromMSecsSinceEpoch(windowStart + 5000, Qt::UTC));
    QSignalSpy waiting(m_broker.get(), &MfaBroker::waitingForNextCode);

    CredentialRequestOptions oneHour;
    oneHour.sessionTokenDurationSeconds = 3600;
    Run first = start(u"hop1"_s, oneHour);
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    m_prompter->answer("111111");
    const Result<AwsCredentials> a = finish(first);
    QVERIFY2(a.ok(), qPrintable(describe(a)));

    // Another session length is another MFA session: a new code from the same device, which still shows 111111.
    CredentialRequestOptions twoHours;
    twoHours.sessionTokenDurationSeconds = 7200;
    Run second = start(u"other"_s, twoHours);
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, kWaitMs);
    QCOMPARE(waiting.at(0).at(0).toString(), QString(kMfaSerial));
    QCOMPARE(waiting.at(0).at(1).toInt(), 25);
    QTest::qWait(50);
    QCOMPARE(m_prompter->requests.size(), 1);
    QCOMPARE(m_sts->requestCount(), 2);
    QVERIFY(second.finished->isEmpty());

    // Next window: the prompt opens; the user types the old code anyway. It is not sent; the broker waits again.
    m_clock.set(QDateTime::fromMSecsSinceEpoch(windowStart + MfaBroker::kWindowMs, Qt::UTC));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    m_prompter->answer("111111");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 2, kWaitMs);
    QCOMPARE(waiting.at(1).at(1).toInt(), 30);
    QTest::qWait(50);
    QCOMPARE(m_sts->requestCount(), 2);

    m_clock.set(QDateTime::fromMSecsSinceEpoch(windowStart + 2 * MfaBroker::kWindowMs, Qt::UTC));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    QVERIFY2(m_prompter->requests.constLast().lastError.contains(u"already used"_s),
        qPrintable(m_prompter->requests.constLast().lastError));
    m_prompter->answer("222222");
    const Result<AwsCredentials> b = finish(second);
    QVERIFY2(b.ok(), qPrintable(describe(b)));
    QCOMPARE(tokenCodes(), QList<QByteArray>({"111111", "222222"}));
    const QList<RecordedRequest> sessions = requestsFor("GetSessionToken");
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(0).formValue("DurationSeconds"), QByteArray("3600"));
    QCOMPARE(sessions.at(1).formValue("DurationSeconds"), QByteArray("7200"));
}

void Tst_SessionFlow::refusedCodeRepromptsWithAwsMessage_data()
{
    QTest::addColumn<int>("refusals");
    QTest::addColumn<bool>("succeeds");
    QTest::addRow("one refusal, then accepted") << 1 << true;
    QTest::addRow("two refusals, then accepted") << 2 << true;
    QTest::addRow("refused three times: gives up") << 3 << false;
}

void Tst_SessionFlow::refusedCodeRepromptsWithAwsMessage()
{
    QFETCH(int, refusals);
    QFETCH(bool, succeeds);
    answerLikeSts(refusals);
    m_prompter->script = {SecureBytes(QByteArrayView("111111")), SecureBytes(QByteArrayView("222222")),
        SecureBytes(QByteArrayView("333333")), SecureBytes(QByteArrayView("444444"))};
    Run run = start(u"hop1"_s);
    const Result<AwsCredentials> result = finish(run);
    const int prompts = succeeds ? refusals + 1 : 3;
    QCOMPARE(m_prompter->requests.size(), prompts);
    QVERIFY(m_prompter->requests.at(0).lastError.isEmpty());
    for (int i = 1; i < prompts; ++i)
        QCOMPARE(m_prompter->requests.at(i).lastError, QString(kAwsRefusal).trimmed()); // as AWS said it
    const QList<QByteArray> codes {"111111", "222222", "333333"};
    QCOMPARE(tokenCodes(), codes.mid(0, prompts));
    if (succeeds) {
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(requestsFor("AssumeRole").size(), 1);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Aws);
        QCOMPARE(result.error().awsCode, u"AccessDenied"_s);
        QVERIFY2(result.error().message.contains(u"MFA code"_s), qPrintable(result.error().message));
        QCOMPARE(requestsFor("AssumeRole").size(), 0);
        QVERIFY(m_cache->sessions().isEmpty());
    }
}

void Tst_SessionFlow::refusedCodeWithoutBrokerFails()
{
    answerLikeSts(1);
    FixedCodeMfa fixed;
    Run run = start(u"hop1"_s, {}, &fixed);
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().awsCode, u"AccessDenied"_s);
    QCOMPARE(fixed.asked, 1);
    QCOMPARE(requestsFor("GetSessionToken").size(), 1);
}

void Tst_SessionFlow::abortedFlowClosesItsPrompt()
{
    answerLikeSts();
    Run run = start(u"hop1"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_prompter->isOpen(), kWaitMs);
    run.flow->abort();
    const Result<AwsCredentials> result = finish(run);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QCOMPARE(m_prompter->cancels, 1); // nobody else waited for the code: the dialog went away with the flow
    QVERIFY(!m_broker->isBusy(kMfaSerial));
    QCOMPARE(m_sts->requestCount(), 0);
    // The cache is free again: the next flow of the same profile fetches at once.
    m_prompter->script.append(SecureBytes(QByteArrayView("111111")));
    Run again = start(u"hop1"_s);
    const Result<AwsCredentials> ok = finish(again);
    QVERIFY2(ok.ok(), qPrintable(describe(ok)));
    QCOMPARE(tokenCodes(), QList<QByteArray>({"111111"}));
}

QTEST_GUILESS_MAIN(Tst_SessionFlow)
#include "tst_sessionflow.moc"
