// SPDX-License-Identifier: Apache-2.0
// The STS client against a real peer: moto's STS emulator with SigV4 and IAM checks enforced, so every
// signed call here is verified by moto (botocore recomputes the signature from the secret moto issued).
#include "endpoints/endpointresolver.h"
#include "motoserver.h"
#include "sts/stsclient.h"
#include "testenv.h"
#include "util/clock.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Sts;
using Rolecall::Test::MotoServer;

namespace {

constexpr int kJobTimeoutMs = 45000;
// Expirations are computed by moto's clock on this machine; allow for slow answers.
constexpr qint64 kExpiryToleranceSecs = 30;

const auto kExternalId = "rolecall+ext=1,2.3@4:5/6-7_8"_L1;
const auto kHop1Session = "rolecall-hop1"_L1;

QString describe(const Error &error)
{
    return u"%1 (kind %2, HTTP %3, code %4)"_s.arg(error.message, Error::kindName(error.kind))
        .arg(error.httpStatus)
        .arg(error.awsCode);
}

// For QVERIFY2, which evaluates its message even when the check passes.
template<typename R>
QString why(const Result<R> &result)
{
    return result ? QString() : describe(result.error());
}

// Empty when @p expiration is @p seconds after the call (between @p before and @p after), else why not.
QString expirationProblem(const QDateTime &expiration, const QDateTime &before, const QDateTime &after, int seconds)
{
    if (!expiration.isValid())
        return u"no expiration"_s;
    if (expiration.timeSpec() != Qt::UTC)
        return u"expiration not in UTC: "_s + expiration.toString(Qt::ISODateWithMs);
    const QDateTime earliest = before.addSecs(seconds - kExpiryToleranceSecs);
    const QDateTime latest = after.addSecs(seconds + kExpiryToleranceSecs);
    if (expiration < earliest || expiration > latest)
        return u"expiration %1 is not %2 s after the call (%3 … %4)"_s.arg(expiration.toString(Qt::ISODate))
            .arg(seconds)
            .arg(earliest.toString(Qt::ISODate), latest.toString(Qt::ISODate));
    if (expiration <= QDateTime::currentDateTimeUtc())
        return u"expiration is not in the future"_s;
    return {};
}

QString credentialsProblem(const AwsCredentials &c, AwsCredentials::Origin origin)
{
    if (c.accessKeyId.size() < 16)
        return u"access key id missing or short: "_s + c.accessKeyId;
    if (c.secretAccessKey.size() < 20)
        return u"secret access key missing or short"_s;
    if (c.sessionToken.size() < 20)
        return u"session token missing or short"_s;
    if (c.origin != origin)
        return u"origin %1, expected %2"_s.arg(int(c.origin)).arg(int(origin));
    return {};
}

} // namespace

class Tst_moto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void getCallerIdentityReturnsTheSigningUser();
    void assumeRoleSendsEveryParameterToMoto();
    void spacesInParametersArriveIntact();
    void assumeRoleExpiresAfterRequestedDuration_data();
    void assumeRoleExpiresAfterRequestedDuration();
    void assumeRoleWithWrongExternalIdIsDenied();
    void roleChainSignsWithReturnedCredentials();
    void refusedCredentialsAreAwsErrors_data();
    void refusedCredentialsAreAwsErrors();
    void getSessionTokenExpiresAfterRequestedDuration_data();
    void getSessionTokenExpiresAfterRequestedDuration();
    void getFederationTokenReturnsFederatedUser();
    void getAccessKeyInfoReturnsOwningAccount();
    void assumeRoleWithSamlUsesTheAssertion();
    void assumeRoleWithWebIdentityReturnsUsableSession();
    void decodeAuthorizationMessageFailsCleanlyOnMoto();

private:
    std::unique_ptr<StsClient> makeClient(const AwsCredentials &credentials);
    template<typename R, typename Job>
    Result<R> finish(Job *job, int *retries = nullptr);
    QJsonObject findModel(const QString &service, const QString &model, const QString &key, const QString &value);

    MotoServer m_moto;
    QNetworkAccessManager m_network;
    SystemClock m_clock;
    Endpoint m_endpoint;
    Rolecall::Test::MotoRole m_adminRole;
    Rolecall::Test::MotoRole m_chainedRole;
    Rolecall::Test::MotoRole m_samlRole;
    QStringList m_jobProblems;
};

void Tst_moto::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    qRegisterMetaType<Result<AssumeRoleResult>>();
    qRegisterMetaType<Result<AssumeRoleWithSamlResult>>();
    qRegisterMetaType<Result<AssumeRoleWithWebIdentityResult>>();
    qRegisterMetaType<Result<DecodeAuthorizationMessageResult>>();
    qRegisterMetaType<Result<GetAccessKeyInfoResult>>();
    qRegisterMetaType<Result<GetCallerIdentityResult>>();
    qRegisterMetaType<Result<GetFederationTokenResult>>();
    qRegisterMetaType<Result<GetSessionTokenResult>>();

    const QString error = m_moto.start(MotoServer::Auth::Enforced);
    if (!error.isEmpty()) {
        qWarning("moto: %s", qPrintable(error));
        ROLECALL_REQUIRE_OR_SKIP("moto (python3 -m moto.server) could not be started");
    }

    EndpointSettings settings;
    settings.region = u"us-east-1"_s;
    settings.explicitUrl = m_moto.url().toString();
    const auto endpoint = resolveStsEndpoint(settings);
    QVERIFY2(endpoint, qPrintable(why(endpoint)));
    m_endpoint = endpoint.value();
    QCOMPARE(m_endpoint.url.scheme(), u"http"_s);
    QCOMPARE(m_endpoint.url.host(), u"127.0.0.1"_s);
    QCOMPARE(m_endpoint.url.port(), int(m_moto.port()));
    QCOMPARE(m_endpoint.source, u"explicit"_s);
    QCOMPARE(m_endpoint.signingRegion, u"us-east-1"_s);

    // These IAM calls are signed with the admin key and verified by moto already.
    const QString adminTrust
        = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
          uR"("Principal":{"AWS":"%1"},"Condition":{"StringEquals":{"sts:ExternalId":"%2"}}}]})"_s.arg(
              m_moto.admin().arn, kExternalId);
    QString problem
        = m_moto.createRole(u"rolecall-admin-role"_s, adminTrust, MotoServer::allowAllPolicy(), &m_adminRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString chainedTrust
        = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
          uR"("Principal":{"AWS":"arn:aws:sts::%1:assumed-role/rolecall-admin-role/%2"}}]})"_s.arg(
              MotoServer::kAccountId, kHop1Session);
    problem = m_moto.createRole(u"rolecall-chained-role"_s, chainedTrust, MotoServer::allowAllPolicy(), &m_chainedRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Exists so that moto reports a stable role id for SAML sessions.
    problem = m_moto.createRole(u"rolecall-saml-role"_s, chainedTrust, QString(), &m_samlRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_adminRole.arn.endsWith(":role/rolecall-admin-role"_L1));
    QVERIFY(!m_adminRole.roleId.isEmpty());
}

void Tst_moto::cleanup()
{
    // Every job must emit `finished` exactly once and then delete itself.
    const QStringList problems = std::exchange(m_jobProblems, {});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    if (QTest::currentTestFailed())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(3000)));
}

std::unique_ptr<StsClient> Tst_moto::makeClient(const AwsCredentials &credentials)
{
    StsClientConfig config;
    config.endpoint = m_endpoint;
    // Keep the SDK-standard attempts, but do not wait seconds between them.
    config.retryPolicy.setTimeScale(0.01);
    auto client = std::make_unique<StsClient>(&m_network, &m_clock, config);
    client->setCredentials(credentials);
    return client;
}

template<typename R, typename Job>
Result<R> Tst_moto::finish(Job *job, int *retries)
{
    QPointer<Job> guard(job);
    std::optional<Result<R>> outcome;
    int emitted = 0;
    int retried = 0;
    QObject context;
    QObject::connect(job, &Job::finished, &context, [&](const Result<R> &result) {
        outcome = result;
        ++emitted;
    });
    QObject::connect(job, &StsJob::retrying, &context, [&retried](int, int, const Error &) { ++retried; });
    QSignalSpy spy(job, &Job::finished);
    if (!spy.wait(kJobTimeoutMs)) {
        m_jobProblems.append(
            u"%1 did not finish within %2 s"_s.arg(guard ? guard->action() : u"job"_s).arg(kJobTimeoutMs / 1000));
        if (guard)
            guard->abort();
        return Error::timeout(kJobTimeoutMs / 1000, u"test"_s);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (guard)
        m_jobProblems.append(u"%1 did not delete itself after finishing"_s.arg(guard->action()));
    if (emitted != 1 || spy.count() != 1)
        m_jobProblems.append(u"finished was emitted %1 times"_s.arg(emitted));
    if (retries)
        *retries = retried;
    if (!outcome)
        return Error::parse(u"no result"_s, u"test"_s);
    return *outcome;
}

QJsonObject Tst_moto::findModel(const QString &service, const QString &model, const QString &key, const QString &value)
{
    const QJsonArray instances = m_moto.modelData().value(service).toObject().value(model).toArray();
    for (const QJsonValue &instance : instances) {
        if (instance.toObject().value(key).toString() == value)
            return instance.toObject();
    }
    return {};
}

void Tst_moto::getCallerIdentityReturnsTheSigningUser()
{
    auto client = makeClient(m_moto.admin().credentials());
    const auto result = finish<GetCallerIdentityResult>(client->getCallerIdentity());
    QVERIFY2(result, qPrintable(why(result)));
    QCOMPARE(result->arn, m_moto.admin().arn);
    QCOMPARE(result->arn, u"arn:aws:iam::%1:user/rolecall-admin"_s.arg(MotoServer::kAccountId));
    QCOMPARE(result->account, QString(MotoServer::kAccountId));
    QCOMPARE(result->userId, m_moto.admin().userId);
    QVERIFY(!result->requestId.isEmpty());
}

void Tst_moto::assumeRoleSendsEveryParameterToMoto()
{
    AssumeRoleRequest request;
    request.roleArn = m_adminRole.arn;
    request.roleSessionName = u"rolecall.test+1=a,b@c-d_e"_s;
    // Characters that form encoding must get right, Latin-1 included. No spaces: moto checks the signature
    // over a body it re-encodes from the parsed form (space as '+'), so a correct "%20" fails there;
    // spacesInParametersArriveIntact covers spaces.
    request.policy = uR"({"Version":"2012-10-17","Statement":[{"Sid":"RolecallTest","Effect":"Allow",)"
                     uR"("Action":"sts:GetCallerIdentity","Resource":"*",)"
                     uR"("Condition":{"StringLike":{"aws:PrincipalTag/team":"a&b=c+d%e/~é*?#[]!$'@:,;"}}}]})"_s;
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s,
        u"arn:aws:iam::%1:policy/rolecall-extra"_s.arg(MotoServer::kAccountId)};
    request.durationSeconds = 1800;
    request.tags = {{u"team"_s, u"platform"_s}, {u"cost-center"_s, u"12:34/56"_s}};
    request.transitiveTagKeys = {u"team"_s};
    request.externalId = kExternalId;
    request.sourceIdentity = u"rolecall-user@example.com"_s;

    auto client = makeClient(m_moto.admin().credentials());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result = finish<AssumeRoleResult>(client->assumeRole(request));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result, qPrintable(why(result)));

    QString problem = credentialsProblem(result->credentials, AwsCredentials::Origin::AssumedRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(result->credentials.accessKeyId.startsWith("ASIA"_L1), qPrintable(result->credentials.accessKeyId));
    problem = expirationProblem(result->credentials.expiration, before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(result->assumedRoleUser.arn,
        u"arn:aws:sts::%1:assumed-role/rolecall-admin-role/%2"_s.arg(MotoServer::kAccountId, request.roleSessionName));
    QCOMPARE(result->assumedRoleUser.assumedRoleId, m_adminRole.roleId + u':' + request.roleSessionName);
    QVERIFY(result->packedPolicySize.has_value());
    QVERIFY(!result->requestId.isEmpty());

    // What moto stored from our request: proves the form encoding arrived byte for byte.
    const QJsonObject stored
        = findModel(u"sts"_s, u"AssumedRole"_s, u"access_key_id"_s, result->credentials.accessKeyId);
    QVERIFY2(!stored.isEmpty(), "moto has no AssumedRole for the returned access key");
    QCOMPARE(stored.value(u"policy"_s).toString(), request.policy);
    QCOMPARE(stored.value(u"external_id"_s).toString(), request.externalId);
    QCOMPARE(stored.value(u"session_name"_s).toString(), request.roleSessionName);
    QCOMPARE(stored.value(u"role_arn"_s).toString(), request.roleArn);
    QCOMPARE(
        stored.value(u"secret_access_key"_s).toString(), QString::fromUtf8(result->credentials.secretAccessKey.view()));
    QCOMPARE(stored.value(u"session_token"_s).toString(), QString::fromUtf8(result->credentials.sessionToken.view()));
}

void Tst_moto::spacesInParametersArriveIntact()
{
    // With auth off moto does not re-encode the body to check a signature: what it stores is what it parsed.
    AssumeRoleRequest request;
    request.roleArn = u"arn:aws:iam::%1:role/rolecall-unchecked"_s.arg(MotoServer::kAccountId);
    request.roleSessionName = u"rolecall-spaces"_s;
    request.policy = uR"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",)"
                     u"\n  \"Resource\": \"arn:aws:s3:::my bucket/a b+c\"}]}"_s;
    request.tags = {{u"team name"_s, u"platform team"_s}};
    request.externalId = u"a+b=c"_s;
    auto client = makeClient(m_moto.admin().credentials());
    Result<AssumeRoleResult> result;
    {
        const Rolecall::Test::AuthSuspension unchecked(m_moto);
        QVERIFY2(unchecked.error().isEmpty(), qPrintable(unchecked.error()));
        result = finish<AssumeRoleResult>(client->assumeRole(request));
    }
    QVERIFY2(result, qPrintable(why(result)));
    const QJsonObject stored
        = findModel(u"sts"_s, u"AssumedRole"_s, u"access_key_id"_s, result->credentials.accessKeyId);
    QVERIFY2(!stored.isEmpty(), "moto has no AssumedRole for the returned access key");
    QCOMPARE(stored.value(u"policy"_s).toString(), request.policy);
    QCOMPARE(stored.value(u"external_id"_s).toString(), request.externalId);
}

void Tst_moto::assumeRoleExpiresAfterRequestedDuration_data()
{
    QTest::addColumn<int>("requested"); // 0: not sent
    QTest::addColumn<int>("expected");
    QTest::addRow("default (moto: 1 hour)") << 0 << 3600;
    QTest::addRow("minimum 900") << 900 << 900;
    QTest::addRow("one hour") << 3600 << 3600;
    QTest::addRow("maximum 43200") << 43200 << 43200;
}

void Tst_moto::assumeRoleExpiresAfterRequestedDuration()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    AssumeRoleRequest request;
    request.roleArn = m_adminRole.arn;
    request.roleSessionName = u"rolecall-duration"_s;
    request.externalId = kExternalId;
    if (requested)
        request.durationSeconds = requested;
    auto client = makeClient(m_moto.admin().credentials());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result = finish<AssumeRoleResult>(client->assumeRole(request));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result, qPrintable(why(result)));
    const QString problem = expirationProblem(result->credentials.expiration, before, after, expected);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void Tst_moto::assumeRoleWithWrongExternalIdIsDenied()
{
    AssumeRoleRequest request;
    request.roleArn = m_adminRole.arn;
    request.roleSessionName = u"rolecall-denied"_s;
    request.externalId = u"not-the-external-id"_s;
    auto client = makeClient(m_moto.admin().credentials());
    int retries = -1;
    const auto result = finish<AssumeRoleResult>(client->assumeRole(request), &retries);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Aws);
    QCOMPARE(result.error().httpStatus, 403);
    QCOMPARE(result.error().awsCode, u"AccessDenied"_s);
    QVERIFY2(result.error().awsMessage.contains(m_moto.admin().arn), qPrintable(result.error().awsMessage));
    QVERIFY2(result.error().awsMessage.contains("sts:AssumeRole"_L1), qPrintable(result.error().awsMessage));
    QVERIFY2(result.error().message.contains("trust policy"_L1), qPrintable(result.error().message));
    QCOMPARE(result.error().context, u"AssumeRole"_s);
    QCOMPARE(retries, 0);
}

void Tst_moto::roleChainSignsWithReturnedCredentials()
{
    auto admin = makeClient(m_moto.admin().credentials());

    // The chained role trusts only the hop-1 session of the admin role, not the user itself.
    AssumeRoleRequest direct;
    direct.roleArn = m_chainedRole.arn;
    direct.roleSessionName = u"rolecall-direct"_s;
    const auto denied = finish<AssumeRoleResult>(admin->assumeRole(direct));
    QVERIFY(!denied);
    QCOMPARE(denied.error().awsCode, u"AccessDenied"_s);

    AssumeRoleRequest first;
    first.roleArn = m_adminRole.arn;
    first.roleSessionName = kHop1Session;
    first.externalId = kExternalId;
    const auto hop1 = finish<AssumeRoleResult>(admin->assumeRole(first));
    QVERIFY2(hop1, qPrintable(why(hop1)));

    auto hop1Client = makeClient(hop1->credentials);
    const auto hop1Identity = finish<GetCallerIdentityResult>(hop1Client->getCallerIdentity());
    QVERIFY2(hop1Identity, qPrintable(why(hop1Identity)));
    QCOMPARE(hop1Identity->arn, hop1->assumedRoleUser.arn);
    QCOMPARE(hop1Identity->userId, hop1->assumedRoleUser.assumedRoleId);
    QCOMPARE(hop1Identity->account, QString(MotoServer::kAccountId));

    AssumeRoleRequest second;
    second.roleArn = m_chainedRole.arn;
    second.roleSessionName = u"rolecall-hop2"_s;
    second.durationSeconds = 3600;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto hop2 = finish<AssumeRoleResult>(hop1Client->assumeRole(second));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(hop2, qPrintable(why(hop2)));
    QCOMPARE(hop2->assumedRoleUser.arn,
        u"arn:aws:sts::%1:assumed-role/rolecall-chained-role/rolecall-hop2"_s.arg(MotoServer::kAccountId));
    const QString problem = expirationProblem(hop2->credentials.expiration, before, after, 3600);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    auto hop2Client = makeClient(hop2->credentials);
    const auto hop2Identity = finish<GetCallerIdentityResult>(hop2Client->getCallerIdentity());
    QVERIFY2(hop2Identity, qPrintable(why(hop2Identity)));
    QCOMPARE(hop2Identity->arn, hop2->assumedRoleUser.arn);
    QCOMPARE(hop2Identity->userId, m_chainedRole.roleId + u":rolecall-hop2"_s);
}

void Tst_moto::refusedCredentialsAreAwsErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addRow("wrong secret for a real key") << u"wrong-secret"_s << u"SignatureDoesNotMatch"_s;
    QTest::addRow("key id moto never issued") << u"unknown-key"_s << u"InvalidClientTokenId"_s;
    QTest::addRow("assumed-role key with a wrong session token") << u"wrong-token"_s << u"InvalidClientTokenId"_s;
    QTest::addRow("assumed-role key with a wrong secret") << u"wrong-role-secret"_s << u"SignatureDoesNotMatch"_s;
    QTest::addRow("long-term key sent with a session token") << u"key-with-token"_s << u"InvalidClientTokenId"_s;
}

void Tst_moto::refusedCredentialsAreAwsErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);

    AwsCredentials credentials = m_moto.admin().credentials();
    if (kind == "wrong-secret"_L1) {
        credentials.secretAccessKey = SecureBytes(QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"));
    } else if (kind == "unknown-key"_L1) {
        credentials.accessKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
    } else if (kind == "key-with-token"_L1) {
        credentials.sessionToken = SecureBytes(QByteArrayLiteral("AQoDYXdzEJr1K3tgEXAMPLESESSIONTOKEN"));
    } else {
        AssumeRoleRequest request;
        request.roleArn = m_adminRole.arn;
        request.roleSessionName = u"rolecall-refused"_s;
        request.externalId = kExternalId;
        auto admin = makeClient(credentials);
        const auto assumed = finish<AssumeRoleResult>(admin->assumeRole(request));
        QVERIFY2(assumed, qPrintable(why(assumed)));
        credentials = assumed->credentials;
        QByteArray bytes = credentials.sessionToken.unsecureCopy();
        if (kind == "wrong-token"_L1) {
            bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'A' ? 'B' : 'A';
            credentials.sessionToken = SecureBytes(bytes);
        } else {
            bytes = credentials.secretAccessKey.unsecureCopy();
            bytes[0] = bytes[0] == 'A' ? 'B' : 'A';
            credentials.secretAccessKey = SecureBytes(bytes);
        }
    }

    auto client = makeClient(credentials);
    int retries = -1;
    const auto result = finish<GetCallerIdentityResult>(client->getCallerIdentity(), &retries);
    QVERIFY2(!result, "moto accepted a request signed with wrong credentials: signatures are not verified");
    QCOMPARE(result.error().kind, Error::Kind::Aws);
    QCOMPARE(result.error().awsCode, code);
    QCOMPARE(result.error().httpStatus, 403);
    QCOMPARE(retries, 0);
    QVERIFY2(!result.error().message.isEmpty(), "no message for the user");
    const QString secret = QString::fromUtf8(credentials.secretAccessKey.view());
    QVERIFY(!result.error().message.contains(secret));
    QVERIFY(!result.error().awsMessage.contains(secret));
}

void Tst_moto::getSessionTokenExpiresAfterRequestedDuration_data()
{
    QTest::addColumn<int>("requested"); // 0: not sent
    QTest::addColumn<int>("expected");
    QTest::addRow("default (12 hours)") << 0 << 43200;
    QTest::addRow("minimum 900") << 900 << 900;
    QTest::addRow("maximum 129600") << 129600 << 129600;
}

void Tst_moto::getSessionTokenExpiresAfterRequestedDuration()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    GetSessionTokenRequest request;
    if (requested)
        request.durationSeconds = requested;
    auto client = makeClient(m_moto.admin().credentials());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result = finish<GetSessionTokenResult>(client->getSessionToken(request));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result, qPrintable(why(result)));
    QString problem = credentialsProblem(result->credentials, AwsCredentials::Origin::SessionToken);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expirationProblem(result->credentials.expiration, before, after, expected);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void Tst_moto::getFederationTokenReturnsFederatedUser()
{
    GetFederationTokenRequest request;
    request.name = u"rolecall-fed"_s;
    request.policy = MotoServer::allowAllPolicy();
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    request.durationSeconds = 1800;
    request.tags = {{u"team"_s, u"platform"_s}};
    auto client = makeClient(m_moto.admin().credentials());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result = finish<GetFederationTokenResult>(client->getFederationToken(request));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(result, qPrintable(why(result)));
    QString problem = credentialsProblem(result->credentials, AwsCredentials::Origin::FederationToken);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expirationProblem(result->credentials.expiration, before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(result->federatedUser.arn, u"arn:aws:sts::%1:federated-user/rolecall-fed"_s.arg(MotoServer::kAccountId));
    QCOMPARE(result->federatedUser.federatedUserId, u"%1:rolecall-fed"_s.arg(MotoServer::kAccountId));
    QCOMPARE(result->packedPolicySize, std::optional<int>(6));
    QVERIFY2(!findModel(u"sts"_s, u"Token"_s, u"name"_s, request.name).isEmpty(), "moto did not store the name");
}

void Tst_moto::getAccessKeyInfoReturnsOwningAccount()
{
    auto client = makeClient(m_moto.admin().credentials());
    const auto result = finish<GetAccessKeyInfoResult>(client->getAccessKeyInfo({m_moto.admin().accessKeyId}));
    QVERIFY2(result, qPrintable(why(result)));
    QCOMPARE(result->account, QString(MotoServer::kAccountId));
    QVERIFY(!result->requestId.isEmpty());
}

void Tst_moto::assumeRoleWithSamlUsesTheAssertion()
{
    const QString roleArn = m_samlRole.arn;
    const QString providerArn = u"arn:aws:iam::%1:saml-provider/rolecall-idp"_s.arg(MotoServer::kAccountId);
    const QString sessionName = u"rolecall.saml@example.com"_s;
    AssumeRoleWithSamlRequest request;
    request.roleArn = roleArn;
    request.principalArn = providerArn;
    request.samlAssertion = SecureBytes(MotoServer::samlAssertion(roleArn, providerArn, sessionName, 1800));
    request.policy = MotoServer::allowAllPolicy();
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    request.durationSeconds = 1800;
    // The assertion's base64 holds '+', '/' and '=': the form encoding must keep them.
    QVERIFY(request.samlAssertion.view().contains('+') || request.samlAssertion.view().contains('/'));

    // The job must not sign (nothing to sign with): an empty credential set proves it.
    auto client = makeClient(AwsCredentials());
    Result<AssumeRoleWithSamlResult> result;
    QDateTime before;
    QDateTime after;
    {
        const Rolecall::Test::AuthSuspension unsigned_(m_moto);
        QVERIFY2(unsigned_.error().isEmpty(), qPrintable(unsigned_.error()));
        before = QDateTime::currentDateTimeUtc();
        result = finish<AssumeRoleWithSamlResult>(client->assumeRoleWithSaml(request));
        after = QDateTime::currentDateTimeUtc();
    }
    QVERIFY2(result, qPrintable(why(result)));
    QString problem = credentialsProblem(result->credentials, AwsCredentials::Origin::AssumedRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // moto takes the session name and duration from the assertion's attributes, as AWS does.
    problem = expirationProblem(result->credentials.expiration, before, after, 1800);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(result->assumedRoleUser.arn,
        u"arn:aws:sts::%1:assumed-role/rolecall-saml-role/%2"_s.arg(MotoServer::kAccountId, sessionName));
    QCOMPARE(result->assumedRoleUser.assumedRoleId, m_samlRole.roleId + u':' + sessionName);
    QCOMPARE(result->subject, result->assumedRoleUser.assumedRoleId);
    QCOMPARE(result->subjectType, u"persistent"_s);
    QCOMPARE(result->issuer, u"http://localhost:3000/"_s);
    QCOMPARE(result->audience, u"https://signin.aws.amazon.com/saml"_s);
    QVERIFY(!result->nameQualifier.isEmpty());
    QCOMPARE(result->packedPolicySize, std::optional<int>(123));

    // Auth is enforced again: moto verifies the new session's signature.
    auto session = makeClient(result->credentials);
    const auto identity = finish<GetCallerIdentityResult>(session->getCallerIdentity());
    QVERIFY2(identity, qPrintable(why(identity)));
    QCOMPARE(identity->arn, result->assumedRoleUser.arn);
}

void Tst_moto::assumeRoleWithWebIdentityReturnsUsableSession()
{
    AssumeRoleWithWebIdentityRequest request;
    request.roleArn = u"arn:aws:iam::%1:role/rolecall-web-role"_s.arg(MotoServer::kAccountId);
    request.roleSessionName = u"rolecall-web"_s;
    // moto does not read the token; any JWT-shaped text will do.
    request.webIdentityToken = SecureBytes(QByteArrayLiteral(
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyb2xlY2FsbCIsImF1ZCI6InN0cy5hbWF6b25hd3MuY29tIn0.c2lnbmF0dXJl"));
    request.providerId = u"www.amazon.com"_s;
    request.policy = MotoServer::allowAllPolicy();
    request.policyArns = {u"arn:aws:iam::aws:policy/ReadOnlyAccess"_s};
    request.durationSeconds = 2400;

    auto client = makeClient(AwsCredentials());
    Result<AssumeRoleWithWebIdentityResult> result;
    QDateTime before;
    QDateTime after;
    {
        const Rolecall::Test::AuthSuspension unsigned_(m_moto);
        QVERIFY2(unsigned_.error().isEmpty(), qPrintable(unsigned_.error()));
        before = QDateTime::currentDateTimeUtc();
        result = finish<AssumeRoleWithWebIdentityResult>(client->assumeRoleWithWebIdentity(request));
        after = QDateTime::currentDateTimeUtc();
    }
    QVERIFY2(result, qPrintable(why(result)));
    QString problem = credentialsProblem(result->credentials, AwsCredentials::Origin::AssumedRole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = expirationProblem(result->credentials.expiration, before, after, 2400);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(result->assumedRoleUser.arn,
        u"arn:aws:sts::%1:assumed-role/rolecall-web-role/rolecall-web"_s.arg(MotoServer::kAccountId));
    QCOMPARE(result->assumedRoleUser.assumedRoleId, u"ARO123EXAMPLE123:rolecall-web"_s);

    auto session = makeClient(result->credentials);
    const auto identity = finish<GetCallerIdentityResult>(session->getCallerIdentity());
    QVERIFY2(identity, qPrintable(why(identity)));
    QCOMPARE(identity->arn, result->assumedRoleUser.arn);
}

void Tst_moto::decodeAuthorizationMessageFailsCleanlyOnMoto()
{
    // moto does not implement DecodeAuthorizationMessage: it answers HTTP 500 with an HTML page.
    auto client = makeClient(m_moto.admin().credentials());
    int retries = -1;
    const auto result = finish<DecodeAuthorizationMessageResult>(
        client->decodeAuthorizationMessage({u"EXAMPLE-encoded-authorization-message_0123456789"_s}), &retries);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().httpStatus, 500);
    QVERIFY(result.error().awsCode.isEmpty());
    QCOMPARE(result.error().context, u"DecodeAuthorizationMessage"_s);
    QVERIFY2(result.error().message.contains("HTTP 500"_L1), qPrintable(result.error().message));
    QVERIFY2(!result.error().message.contains("<html"_L1, Qt::CaseInsensitive), qPrintable(result.error().message));
    // A 500 is transient for the SDKs: the standard three attempts were made.
    QCOMPARE(retries, 2);
}

QTEST_GUILESS_MAIN(Tst_moto)
#include "tst_moto.moc"
