// SPDX-License-Identifier: Apache-2.0
#include "motoserver.h"

#include "sigv4/sigv4.h"
#include "sts/stsencoding.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Rolecall::Test {

namespace {

constexpr int kStartAttempts = 3;
constexpr qsizetype kMaxOutputBytes = 64 * 1024;
constexpr int kPollIntervalMs = 100;
constexpr int kStopTimeoutMs = 5000;
// The three requests moto serves without authentication: CreateUser, PutUserPolicy, CreateAccessKey.
constexpr int kSetupRequests = 3;
constexpr auto kNotMoto = "does not answer like moto"_L1;

const auto kAdminUserName = "rolecall-admin"_L1;
// AWS's documented example key: signs the setup requests, which moto does not verify yet.
const auto kExampleAccessKeyId = "AKIAIOSFODNN7EXAMPLE"_L1;
const auto kExampleSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_L1;

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QProcessEnvironment motoEnvironment(MotoServer::Auth auth)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        const QString upper = key.toUpper();
        if (upper.startsWith("AWS_"_L1) || upper.startsWith("MOTO_"_L1) || upper.endsWith("_PROXY"_L1)
            || upper == "INITIAL_NO_AUTH_ACTION_COUNT"_L1 || upper == "TEST_SERVER_MODE"_L1)
            env.remove(key);
    }
    env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    if (auth == MotoServer::Auth::Enforced)
        env.insert(u"INITIAL_NO_AUTH_ACTION_COUNT"_s, QString::number(kSetupRequests));
    return env;
}

} // namespace

Core::AwsCredentials MotoIdentity::credentials() const
{
    Core::AwsCredentials c;
    c.accessKeyId = accessKeyId;
    c.secretAccessKey = Core::SecureBytes(secretAccessKey.toUtf8());
    c.origin = Core::AwsCredentials::Origin::LongTerm;
    return c;
}

QString MotoReply::describe() const
{
    if (!error.isEmpty())
        return error;
    return u"HTTP %1: %2"_s.arg(status).arg(QString::fromUtf8(body.left(600)).simplified());
}

MotoServer::MotoServer() = default;

MotoServer::~MotoServer()
{
    stop();
}

QString MotoServer::start(Auth auth)
{
    if (isRunning())
        return u"moto is already running"_s;
    m_auth = auth;
    m_admin = {};
    const QString program = qEnvironmentVariable("ROLECALL_TEST_PYTHON", u"python3"_s);
    QString error;
    for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port == 0)
            return u"no free port on 127.0.0.1"_s;
        error = startOnce(program, port);
        if (error.isEmpty())
            break;
        stop();
        // Another process took the port between our probe and moto's bind: try another one.
        if (!error.contains("Address already in use"_L1) && !error.contains(kNotMoto))
            return error;
    }
    if (!error.isEmpty())
        return error;
    error = createAdmin();
    if (!error.isEmpty()) {
        stop();
        return error;
    }
    return {};
}

QString MotoServer::startOnce(const QString &program, quint16 port)
{
    m_output.clear();
    m_port = port;
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // A test that crashes or is killed never runs the destructor: let the kernel stop moto then.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->setProcessEnvironment(motoEnvironment(m_auth));
    m_process->setProgram(program);
    m_process->setArguments({u"-m"_s, u"moto.server"_s, u"-H"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port)});
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyRead, process, [this] { collectOutput(); });
    m_process->start();
    if (!m_process->waitForStarted(10000))
        return u"cannot run %1 (is Python 3 installed?): %2"_s.arg(program, m_process->errorString());
    return waitUntilListening();
}

QString MotoServer::waitUntilListening()
{
    const QDeadlineTimer deadline(kStartTimeoutMs);
    bool accepting = false;
    while (!accepting && !deadline.hasExpired()) {
        if (!isRunning()) {
            return u"python3 -m moto.server exited with code %1 (is moto installed? pip install 'moto[server]'): %2"_s
                .arg(m_process->exitCode())
                .arg(output().right(2000));
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        accepting = probe.waitForConnected(250);
        probe.abort();
        if (!accepting)
            QTest::qWait(kPollIntervalMs);
    }
    if (!accepting)
        return u"moto did not accept connections on port %1 within %2 s: %3"_s.arg(m_port)
            .arg(kStartTimeoutMs / 1000)
            .arg(output().right(2000));
    // Make sure it is moto that answers on this port, not whoever else bound it.
    const MotoReply reply = get(u"/moto-api/reset-auth"_s);
    if (reply.status != 400 || !reply.body.contains("reset Moto Auth"))
        return u"port %1 %2: %3; moto's output: %4"_s.arg(m_port).arg(kNotMoto).arg(
            reply.describe(), output().right(2000));
    return {};
}

QString MotoServer::createAdmin()
{
    const QByteArray userName = QString(kAdminUserName).toUtf8();
    MotoReply reply = iam({{"Action", "CreateUser"}, {"UserName", userName}});
    if (!reply.ok())
        return u"IAM CreateUser failed: "_s + reply.describe();
    MotoIdentity admin;
    admin.userName = kAdminUserName;
    admin.userId = xmlText(reply.body, u"UserId");
    admin.arn = xmlText(reply.body, u"Arn");

    reply = iam({{"Action", "PutUserPolicy"}, {"UserName", userName}, {"PolicyName", "allow-all"},
        {"PolicyDocument", allowAllPolicy().toUtf8()}});
    if (!reply.ok())
        return u"IAM PutUserPolicy failed: "_s + reply.describe();

    reply = iam({{"Action", "CreateAccessKey"}, {"UserName", userName}});
    if (!reply.ok())
        return u"IAM CreateAccessKey failed: "_s + reply.describe();
    admin.accessKeyId = xmlText(reply.body, u"AccessKeyId");
    admin.secretAccessKey = xmlText(reply.body, u"SecretAccessKey");
    if (admin.arn.isEmpty() || admin.accessKeyId.isEmpty() || admin.secretAccessKey.isEmpty())
        return u"moto's IAM answers lacked the user ARN or the access key"_s;
    m_admin = admin;
    return {};
}

void MotoServer::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(kStopTimeoutMs)) {
                m_process->kill();
                m_process->waitForFinished(kStopTimeoutMs);
            }
        }
        collectOutput();
        m_process->disconnect();
        m_process.reset();
    }
    m_network.reset();
}

bool MotoServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void MotoServer::collectOutput() const
{
    if (!m_process)
        return;
    m_output += m_process->readAll();
    if (m_output.size() > kMaxOutputBytes)
        m_output = m_output.right(kMaxOutputBytes);
}

QString MotoServer::output() const
{
    collectOutput();
    return QString::fromUtf8(m_output);
}

QString MotoServer::setAuthEnforced(bool enforced)
{
    const MotoReply reply = post(
        u"/moto-api/reset-auth"_s, enforced ? QByteArray("0") : QByteArray("inf"), {{"Content-Type", "text/plain"}});
    if (!reply.ok() || !reply.body.contains("\"ok\""))
        return u"moto refused to switch auth %1: %2"_s.arg(enforced ? u"on"_s : u"off"_s, reply.describe());
    return {};
}

MotoReply MotoServer::iam(const QList<std::pair<QByteArray, QByteArray>> &parameters)
{
    Core::Sts::Params params;
    bool hasVersion = false;
    for (const auto &[key, value] : parameters) {
        params.append({key, value});
        hasVersion = hasVersion || key == "Version";
    }
    if (!hasVersion)
        params.append({QByteArrayLiteral("Version"), QByteArrayLiteral("2010-05-08")});

    Core::SigV4::Request request;
    request.method = QByteArrayLiteral("POST");
    request.path = QByteArrayLiteral("/");
    request.headers.append({QByteArrayLiteral("Host"), u"127.0.0.1:%1"_s.arg(m_port).toLatin1()});
    request.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8")});
    request.payload = Core::Sts::formBody(params);
    Core::AwsCredentials signer;
    if (m_admin.accessKeyId.isEmpty()) {
        signer.accessKeyId = kExampleAccessKeyId;
        signer.secretAccessKey
            = Core::SecureBytes(QByteArray(kExampleSecretAccessKey.data(), kExampleSecretAccessKey.size()));
    } else {
        signer = m_admin.credentials();
    }
    // moto routes a request to IAM by the service in the signature's credential scope.
    Core::SigV4::sign(request, signer,
        {QByteArrayLiteral("us-east-1"), QByteArrayLiteral("iam"), QDateTime::currentDateTimeUtc(), true});
    QList<std::pair<QByteArray, QByteArray>> headers;
    for (const Core::SigV4::Header &header : std::as_const(request.headers)) {
        if (header.name.compare("Host", Qt::CaseInsensitive) != 0)
            headers.append({header.name, header.value});
    }
    return post(u"/"_s, request.payload, headers);
}

QString MotoServer::createRole(
    const QString &name, const QString &trustPolicy, const QString &permissionsPolicy, MotoRole *role)
{
    MotoReply reply = iam({{"Action", "CreateRole"}, {"RoleName", name.toUtf8()},
        {"AssumeRolePolicyDocument", trustPolicy.toUtf8()}, {"MaxSessionDuration", "43200"}});
    if (!reply.ok())
        return u"IAM CreateRole %1 failed: %2"_s.arg(name, reply.describe());
    MotoRole created {name, xmlText(reply.body, u"RoleId"), xmlText(reply.body, u"Arn")};
    if (!permissionsPolicy.isEmpty()) {
        reply = iam({{"Action", "PutRolePolicy"}, {"RoleName", name.toUtf8()}, {"PolicyName", "permissions"},
            {"PolicyDocument", permissionsPolicy.toUtf8()}});
        if (!reply.ok())
            return u"IAM PutRolePolicy %1 failed: %2"_s.arg(name, reply.describe());
    }
    if (role)
        *role = created;
    return {};
}

QJsonObject MotoServer::modelData()
{
    const MotoReply reply = get(u"/moto-api/data.json"_s);
    if (!reply.ok())
        return {};
    return QJsonDocument::fromJson(reply.body).object();
}

MotoReply MotoServer::get(const QString &path)
{
    return send(false, path, {}, {});
}

MotoReply MotoServer::post(
    const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return send(true, path, body, headers);
}

MotoReply MotoServer::send(
    bool isPost, const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    MotoReply out;
    if (!m_network || m_port == 0) {
        out.error = u"moto is not running"_s;
        return out;
    }
    QNetworkRequest request(m_url.resolved(QUrl(path)));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = isPost ? m_network->post(request, body) : m_network->get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, reply, &QNetworkReply::abort);
    guard.start(kRequestTimeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (out.status == 0)
        out.error = u"no HTTP answer from moto (%1)"_s.arg(reply->errorString());
    reply->deleteLater();
    return out;
}

QString MotoServer::xmlText(const QByteArray &xml, QStringView name)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
            return reader.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return {};
}

QString MotoServer::allowAllPolicy()
{
    return uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"_s;
}

QByteArray MotoServer::samlAssertion(
    const QString &roleArn, const QString &providerArn, const QString &sessionName, int sessionDurationSeconds)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString issued = now.toString(Qt::ISODate);
    const QString notAfter = now.addSecs(300).toString(Qt::ISODate);
    const QString attribute = uR"(<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/%1">)"
                              uR"(<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" )"
                              uR"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" )"
                              uR"(xsi:type="xs:string">%2</saml:AttributeValue></saml:Attribute>)"_s;
    const QString xml
        = uR"(<?xml version="1.0" encoding="UTF-8"?>)"
          uR"(<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_rolecall-response" )"
          uR"(Version="2.0" IssueInstant="%1" Destination="https://signin.aws.amazon.com/saml">)"
          uR"(<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">http://localhost:3000/</saml:Issuer>)"
          uR"(<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>)"
          uR"(<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_rolecall-assertion" )"
          uR"(Version="2.0" IssueInstant="%1">)"
          uR"(<saml:Issuer>http://localhost:3000/</saml:Issuer>)"
          uR"(<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">%3)"
          uR"(</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">)"
          uR"(<saml:SubjectConfirmationData NotOnOrAfter="%2" Recipient="https://signin.aws.amazon.com/saml"/>)"
          uR"(</saml:SubjectConfirmation></saml:Subject>)"
          uR"(<saml:Conditions NotBefore="%1" NotOnOrAfter="%2"><saml:AudienceRestriction>)"
          uR"(<saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience>)"
          uR"(</saml:AudienceRestriction></saml:Conditions>)"
          uR"(<saml:AttributeStatement>%4%5%6</saml:AttributeStatement>)"
          uR"(</saml:Assertion></samlp:Response>)"_s.arg(issued, notAfter, sessionName.toHtmlEscaped(),
              attribute.arg(u"Role"_s, QString(roleArn + u',' + providerArn).toHtmlEscaped()),
              attribute.arg(u"RoleSessionName"_s, sessionName.toHtmlEscaped()),
              attribute.arg(u"SessionDuration"_s).arg(sessionDurationSeconds));
    return xml.toUtf8().toBase64();
}

AuthSuspension::AuthSuspension(MotoServer &server)
    : m_server(server)
{
    if (m_server.auth() != MotoServer::Auth::Enforced)
        return;
    m_error = m_server.setAuthEnforced(false);
    m_restore = m_error.isEmpty();
}

AuthSuspension::~AuthSuspension()
{
    if (!m_restore)
        return;
    const QString error = m_server.setAuthEnforced(true);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
}

} // namespace Rolecall::Test
