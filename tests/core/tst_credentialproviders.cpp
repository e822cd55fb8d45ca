// SPDX-License-Identifier: Apache-2.0
// The pure parts of the non-STS credential sources: credential_process command-line splitting (botocore's
// shlex.split) and output parsing, web identity token files, the container endpoint's URL and token rules,
// and the instance metadata settings and documents.
#include "credentials/containercredentials.h"
#include "credentials/imdscredentials.h"
#include "credentials/processcredentials.h"
#include "credentials/webidentitytoken.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace {

// AWS's documented example values. Never real credentials.
const QString kKeyId = u"ASIAIOSFODNN7EXAMPLE"_s;
const QString kLongTermKeyId = u"AKIAIOSFODNN7EXAMPLE"_s;
const QString kSecret = u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"_s;
const QString kToken = u"IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIEXAMPLE+tok/en="_s;
const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0, 0), Qt::UTC);

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

void checkNoSecret(const Error &error)
{
    for (const QString &text : {error.message, error.awsMessage, error.context, error.field}) {
        QVERIFY2(!text.contains(kSecret), qPrintable(text));
        QVERIFY2(!text.contains(kToken), qPrintable(text));
    }
}

QProcessEnvironment environment(const QList<std::pair<QString, QString>> &variables)
{
    QProcessEnvironment env;
    for (const auto &[key, value] : variables)
        env.insert(key, value);
    return env;
}

} // namespace

class Tst_CredentialProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // credential_process
    void splitCommandLineFollowsShlex_data();
    void splitCommandLineFollowsShlex();
    void splitCommandLineReportsUnbalancedInput_data();
    void splitCommandLineReportsUnbalancedInput();
    void parseProcessOutputReadsVersion1_data();
    void parseProcessOutputReadsVersion1();
    void parseProcessOutputRefusesBadDocuments_data();
    void parseProcessOutputRefusesBadDocuments();

    // web identity token files
    void webIdentityTokenIsReadAndTrimmed();
    void webIdentityTokenIsReadAfreshEachTime();
    void webIdentityTokenFileProblemsNameTheFile_data();
    void webIdentityTokenFileProblemsNameTheFile();
    void webIdentityTokenFileComesFromEnvironmentFirst_data();
    void webIdentityTokenFileComesFromEnvironmentFirst();

    // container credentials
    void containerUrlFollowsBotocoreRules_data();
    void containerUrlFollowsBotocoreRules();
    void containerAuthorizationTokenSources_data();
    void containerAuthorizationTokenSources();
    void containerCredentialsNeedAllFourKeys_data();
    void containerCredentialsNeedAllFourKeys();

    // instance metadata
    void imdsSettingsResolveLikeBotocore_data();
    void imdsSettingsResolveLikeBotocore();
    void imdsSettingsRefuseBadValues_data();
    void imdsSettingsRefuseBadValues();
    void imdsCredentialsDocument_data();
    void imdsCredentialsDocument();
    void imdsExpirationIsExtendedOnlyNearExpiry_data();
    void imdsExpirationIsExtendedOnlyNearExpiry();
};

// ---------------------------------------------------------------------------------------------- credential_process

void Tst_CredentialProviders::splitCommandLineFollowsShlex_data()
{
    // Expected words are what Python's shlex.split() (botocore's compat_shell_split on POSIX) returns.
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::addRow("plain words") << u"aws-vault export --format=json dev"_s
                                 << QStringList {u"aws-vault"_s, u"export"_s, u"--format=json"_s, u"dev"_s};
    QTest::addRow("runs of blanks and tabs") << u"  a \t b  "_s << QStringList {u"a"_s, u"b"_s};
    QTest::addRow("line breaks separate words") << u"a\nb\r\nc"_s << QStringList {u"a"_s, u"b"_s, u"c"_s};
    QTest::addRow("single quotes keep spaces") << u"tool 'a b' c"_s << QStringList {u"tool"_s, u"a b"_s, u"c"_s};
    QTest::addRow("single quotes keep everything")
        << uR"(tool '\n$HOME "x"')"_s << QStringList {u"tool"_s, uR"(\n$HOME "x")"_s};
    QTest::addRow("double quotes keep spaces") << uR"(tool "a b")"_s << QStringList {u"tool"_s, u"a b"_s};
    QTest::addRow("double quotes: escaped quote")
        << uR"(tool "say \"hi\"")"_s << QStringList {u"tool"_s, uR"(say "hi")"_s};
    QTest::addRow("double quotes: escaped backslash") << uR"("a\\b")"_s << QStringList {uR"(a\b)"_s};
    QTest::addRow("double quotes: other backslashes stay") << uR"("b\$c\n")"_s << QStringList {uR"(b\$c\n)"_s};
    QTest::addRow("backslash escapes a space") << uR"(a\ b)"_s << QStringList {u"a b"_s};
    QTest::addRow("backslash before a letter is dropped") << uR"(a\nb)"_s << QStringList {u"anb"_s};
    QTest::addRow("backslash escapes a quote") << uR"(it\'s)"_s << QStringList {u"it's"_s};
    QTest::addRow("adjacent parts join") << uR"(x'y z'w"q")"_s << QStringList {u"xy zwq"_s};
    QTest::addRow("empty quotes are an empty argument") << uR"(a "" b)"_s << QStringList {u"a"_s, QString(), u"b"_s};
    QTest::addRow("only empty quotes") << u"''"_s << QStringList {QString()};
    QTest::addRow("no shell syntax") << u"echo $HOME ~ *.json | cat > out; x && y"_s
                                     << QStringList {u"echo"_s, u"$HOME"_s, u"~"_s, u"*.json"_s, u"|"_s, u"cat"_s,
                                            u">"_s, u"out;"_s, u"x"_s, u"&&"_s, u"y"_s};
    QTest::addRow("hash is not a comment") << u"tool #x"_s << QStringList {u"tool"_s, u"#x"_s};
    QTest::addRow("Windows path loses its backslashes, as on POSIX botocore")
        << uR"(C:\tools\creds.exe --x)"_s << QStringList {u"C:toolscreds.exe"_s, u"--x"_s};
    QTest::addRow("non-ASCII") << u"tool 'ünï cödé'"_s << QStringList {u"tool"_s, u"ünï cödé"_s};
    QTest::addRow("empty line") << QString() << QStringList();
    QTest::addRow("blank line") << u" \t "_s << QStringList();
}

void Tst_CredentialProviders::splitCommandLineFollowsShlex()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QString error = u"stale"_s;
    QCOMPARE(splitCommandLine(line, &error), words);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(splitCommandLine(line, nullptr), words);
}

void Tst_CredentialProviders::splitCommandLineReportsUnbalancedInput_data()
{
    QTest::addColumn<QString>("line");
    QTest::addRow("unclosed single quote") << u"tool 'abc"_s;
    QTest::addRow("unclosed double quote") << uR"(tool "abc)"_s;
    QTest::addRow("escaped closing quote") << uR"(tool "a\")"_s;
    QTest::addRow("trailing backslash") << uR"(tool abc\)"_s;
}

void Tst_CredentialProviders::splitCommandLineReportsUnbalancedInput()
{
    QFETCH(QString, line);
    QString error;
    QVERIFY(splitCommandLine(line, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void Tst_CredentialProviders::parseProcessOutputReadsVersion1_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<bool>("hasToken");
    QTest::addColumn<QDateTime>("expiration");
    QTest::addColumn<int>("origin");

    const auto doc = [](const QString &body) { return (u"{\"Version\": 1, "_s + body + u'}').toUtf8(); };
    QTest::addRow("temporary credentials")
        << doc(u"\"AccessKeyId\": \"%1\", \"SecretAccessKey\": \"%2\", \"SessionToken\": \"%3\", "
               "\"Expiration\": \"2024-05-01T13:00:00Z\""_s.arg(kKeyId, kSecret, kToken))
        << kKeyId << true << QDateTime(QDate(2024, 5, 1), QTime(13, 0), Qt::UTC)
        << int(AwsCredentials::Origin::Unknown);
    QTest::addRow("long-term keys") << doc(
        u"\"AccessKeyId\": \"%1\", \"SecretAccessKey\": \"%2\""_s.arg(kLongTermKeyId, kSecret))
                                    << kLongTermKeyId << false << QDateTime() << int(AwsCredentials::Origin::LongTerm);
    QTest::addRow("expiration with offset and fraction")
        << doc(u"\"AccessKeyId\": \"%1\", \"SecretAccessKey\": \"%2\", \"SessionToken\": \"%3\", "
               "\"Expiration\": \"2024-05-01T15:00:00.250+02:00\""_s.arg(kKeyId, kSecret, kToken))
        << kKeyId << true << QDateTime(QDate(2024, 5, 1), QTime(13, 0, 0, 250), Qt::UTC)
        << int(AwsCredentials::Origin::Unknown);
    QTest::addRow("Version 1.0 and extra keys")
        << QByteArray("{\"Version\": 1.0, \"AccessKeyId\": \"" + kLongTermKeyId.toUtf8() + "\", \"SecretAccessKey\": \""
               + kSecret.toUtf8() + "\", \"AccountId\": \"123456789012\", \"SessionToken\": null}")
        << kLongTermKeyId << false << QDateTime() << int(AwsCredentials::Origin::LongTerm);
    QTest::addRow("empty session token is none") << doc(
        u"\"AccessKeyId\": \"%1\", \"SecretAccessKey\": \"%2\", \"SessionToken\": \"\""_s.arg(kLongTermKeyId, kSecret))
                                                 << kLongTermKeyId << false << QDateTime()
                                                 << int(AwsCredentials::Origin::LongTerm);
}

void Tst_CredentialProviders::parseProcessOutputReadsVersion1()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, keyId);
    QFETCH(bool, hasToken);
    QFETCH(QDateTime, expiration);
    QFETCH(int, origin);
    const Result<AwsCredentials> result = parseProcessOutput(json, kNow);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->accessKeyId, keyId);
    QCOMPARE(result->secretAccessKey, SecureBytes(kSecret.toUtf8()));
    QCOMPARE(result->isTemporary(), hasToken);
    if (hasToken)
        QCOMPARE(result->sessionToken, SecureBytes(kToken.toUtf8()));
    QCOMPARE(result->expiration, expiration);
    QCOMPARE(int(result->origin), origin);
}

void Tst_CredentialProviders::parseProcessOutputRefusesBadDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("mentions");

    const QByteArray keys = "\"AccessKeyId\": \"" + kKeyId.toUtf8() + "\", \"SecretAccessKey\": \"" + kSecret.toUtf8()
        + "\", \"SessionToken\": \"" + kToken.toUtf8() + '"';
    QTest::addRow("not JSON") << QByteArray("Enter MFA code: " + kSecret.toUtf8()) << Error::Kind::Parse
                              << u"not JSON"_s;
    QTest::addRow("empty output") << QByteArray() << Error::Kind::Parse << u"not JSON"_s;
    QTest::addRow("JSON array") << QByteArray("[1, 2]") << Error::Kind::Parse << u"not an object"_s;
    QTest::addRow("no Version") << QByteArray("{" + keys + "}") << Error::Kind::Parse << u"Version"_s;
    QTest::addRow("Version 2") << QByteArray("{\"Version\": 2, " + keys + "}") << Error::Kind::Parse << u"2"_s;
    QTest::addRow("Version as text") << QByteArray("{\"Version\": \"1\", " + keys + "}") << Error::Kind::Parse
                                     << u"Version"_s;
    QTest::addRow("no AccessKeyId") << QByteArray("{\"Version\": 1, \"SecretAccessKey\": \"" + kSecret.toUtf8() + "\"}")
                                    << Error::Kind::Parse << u"AccessKeyId"_s;
    QTest::addRow("no SecretAccessKey") << QByteArray("{\"Version\": 1, \"AccessKeyId\": \"" + kKeyId.toUtf8() + "\"}")
                                        << Error::Kind::Parse << u"SecretAccessKey"_s;
    QTest::addRow("empty SecretAccessKey")
        << QByteArray("{\"Version\": 1, \"AccessKeyId\": \"" + kKeyId.toUtf8() + "\", \"SecretAccessKey\": \"\"}")
        << Error::Kind::Parse << u"SecretAccessKey"_s;
    QTest::addRow("AccessKeyId not a string")
        << QByteArray("{\"Version\": 1, \"AccessKeyId\": 42, \"SecretAccessKey\": \"" + kSecret.toUtf8() + "\"}")
        << Error::Kind::Parse << u"AccessKeyId"_s;
    QTest::addRow("Expiration not a timestamp")
        << QByteArray("{\"Version\": 1, " + keys + ", \"Expiration\": \"tomorrow\"}") << Error::Kind::Parse
        << u"tomorrow"_s;
    QTest::addRow("expired") << QByteArray("{\"Version\": 1, " + keys + ", \"Expiration\": \"2024-05-01T11:59:59Z\"}")
                             << Error::Kind::Config << u"expired"_s;
    QTest::addRow("expiring right now") << QByteArray(
        "{\"Version\": 1, " + keys + ", \"Expiration\": \"2024-05-01T12:00:00Z\"}")
                                        << Error::Kind::Config << u"expired"_s;
}

void Tst_CredentialProviders::parseProcessOutputRefusesBadDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, mentions);
    const Result<AwsCredentials> result = parseProcessOutput(json, kNow);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"credential_process"_s), qPrintable(result.error().message));
    checkNoSecret(result.error());
}

// ---------------------------------------------------------------------------------------------- web identity

void Tst_CredentialProviders::webIdentityTokenIsReadAndTrimmed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"token"_s);
    QVERIFY(writeFile(path, "  \n" + kToken.toUtf8() + "\r\n\n"));
    const Result<SecureBytes> token = readWebIdentityToken(path);
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().message));
    QCOMPARE(token.value(), SecureBytes(kToken.toUtf8()));
}

void Tst_CredentialProviders::webIdentityTokenIsReadAfreshEachTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"token"_s);
    QVERIFY(writeFile(path, "first-token"));
    QCOMPARE(readWebIdentityToken(path).value(), SecureBytes(QByteArrayView("first-token")));
    QVERIFY(writeFile(path, "second-token\n"));
    QCOMPARE(readWebIdentityToken(path).value(), SecureBytes(QByteArrayView("second-token")));
}

void Tst_CredentialProviders::webIdentityTokenFileProblemsNameTheFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // null: do not create
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("missing") << u"missing-token"_s << QByteArray() << qint64(1024) << u"does not exist"_s;
    QTest::addRow("empty") << u"empty-token"_s << QByteArray("") << qint64(1024) << u"empty"_s;
    QTest::addRow("only whitespace") << u"blank-token"_s << QByteArray(" \n\t\r\n") << qint64(1024) << u"empty"_s;
    QTest::addRow("too large") << u"large-token"_s << QByteArray(2048, 'a') << qint64(1024) << u"1024"_s;
    QTest::addRow("a directory") << u"subdir"_s << QByteArray() << qint64(1024) << u"regular file"_s;
}

void Tst_CredentialProviders::webIdentityTokenFileProblemsNameTheFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    if (name == "subdir"_L1)
        QVERIFY(QDir(dir.path()).mkdir(name));
    else if (!content.isNull())
        QVERIFY(writeFile(path, content));
    const Result<SecureBytes> token = readWebIdentityToken(path, maxBytes);
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind, Error::Kind::Config);
    QVERIFY2(token.error().message.contains(path), qPrintable(token.error().message));
    QVERIFY2(token.error().message.contains(mentions), qPrintable(token.error().message));
}

void Tst_CredentialProviders::webIdentityTokenFileComesFromEnvironmentFirst_data()
{
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<bool>("useEnvironment");
    QTest::addColumn<QString>("expected");
    const QString var = u"AWS_WEB_IDENTITY_TOKEN_FILE"_s;
    QTest::addRow("environment wins") << environment({{var, u"/env/token"_s}}) << true << u"/env/token"_s;
    QTest::addRow("profile when unset") << QProcessEnvironment() << true << u"/profile/token"_s;
    QTest::addRow("set but empty means none") << environment({{var, QString()}}) << true << QString();
    QTest::addRow("environment ignored for an explicit profile")
        << environment({{var, u"/env/token"_s}}) << false << u"/profile/token"_s;
}

void Tst_CredentialProviders::webIdentityTokenFileComesFromEnvironmentFirst()
{
    QFETCH(QProcessEnvironment, env);
    QFETCH(bool, useEnvironment);
    QFETCH(QString, expected);
    QCOMPARE(webIdentityTokenFile(u"/profile/token"_s, env, useEnvironment), expected);
}

// ---------------------------------------------------------------------------------------------- container

void Tst_CredentialProviders::containerUrlFollowsBotocoreRules_data()
{
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<QString>("url"); // empty: a Config error
    const QString relative = u"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"_s;
    const QString full = u"AWS_CONTAINER_CREDENTIALS_FULL_URI"_s;
    QTest::addRow("relative URI on the ECS address")
        << environment({{relative, u"/v2/credentials/abc-123"_s}}) << u"http://169.254.170.2/v2/credentials/abc-123"_s;
    QTest::addRow("relative wins over full")
        << environment({{relative, u"/v2/credentials/x"_s}, {full, u"http://127.0.0.1:8080/c"_s}})
        << u"http://169.254.170.2/v2/credentials/x"_s;
    QTest::addRow("full: 127.0.0.1") << environment({{full, u"http://127.0.0.1:8080/creds"_s}})
                                     << u"http://127.0.0.1:8080/creds"_s;
    QTest::addRow("full: any 127/8 address")
        << environment({{full, u"http://127.0.0.2/creds"_s}}) << u"http://127.0.0.2/creds"_s;
    QTest::addRow("full: IPv6 loopback") << environment({{full, u"http://[::1]:9000/"_s}}) << u"http://[::1]:9000/"_s;
    QTest::addRow("full: localhost") << environment({{full, u"http://localhost/creds"_s}})
                                     << u"http://localhost/creds"_s;
    QTest::addRow("full: ECS address") << environment({{full, u"http://169.254.170.2/get"_s}})
                                       << u"http://169.254.170.2/get"_s;
    QTest::addRow("full: EKS Pod Identity IPv4") << environment({{full, u"http://169.254.170.23/v1/credentials"_s}})
                                                 << u"http://169.254.170.23/v1/credentials"_s;
    QTest::addRow("full: EKS Pod Identity IPv6") << environment({{full, u"http://[fd00:ec2::23]/v1/credentials"_s}})
                                                 << u"http://[fd00:ec2::23]/v1/credentials"_s;
    QTest::addRow("full: https to any host")
        << environment({{full, u"https://creds.example.com/x"_s}}) << u"https://creds.example.com/x"_s;
    QTest::addRow("full: http to another host") << environment({{full, u"http://creds.example.com/x"_s}}) << QString();
    QTest::addRow("full: http to IMDS address") << environment({{full, u"http://169.254.169.254/x"_s}}) << QString();
    QTest::addRow("full: not http") << environment({{full, u"ftp://127.0.0.1/x"_s}}) << QString();
    QTest::addRow("full: not a URL") << environment({{full, u"not a url"_s}}) << QString();
    QTest::addRow("neither set") << QProcessEnvironment() << QString();
}

void Tst_CredentialProviders::containerUrlFollowsBotocoreRules()
{
    QFETCH(QProcessEnvironment, env);
    QFETCH(QString, url);
    const Result<QUrl> result = containerCredentialsUrl(env);
    if (url.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Config);
        QVERIFY(!result.error().message.isEmpty());
        return;
    }
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->toString(), url);
    QVERIFY(hasContainerCredentials(env));
}

void Tst_CredentialProviders::containerAuthorizationTokenSources_data()
{
    QTest::addColumn<QByteArray>("fileContent"); // null: no file variable
    QTest::addColumn<QString>("envToken"); // null: no token variable
    QTest::addColumn<QByteArray>("expected"); // null: no header; "!": a Config error
    QTest::addRow("none") << QByteArray() << QString() << QByteArray();
    QTest::addRow("from the variable") << QByteArray() << u"Bearer abc"_s << QByteArray("Bearer abc");
    QTest::addRow("from the file, untrimmed spaces kept")
        << QByteArray(" file-token") << QString() << QByteArray(" file-token");
    QTest::addRow("the file wins") << QByteArray("file-token") << u"env-token"_s << QByteArray("file-token");
    QTest::addRow("file ending in a newline is refused") << QByteArray("file-token\n") << QString() << QByteArray("!");
    QTest::addRow("CR in the variable is refused") << QByteArray() << u"abc\rInjected: 1"_s << QByteArray("!");
    QTest::addRow("LF in the variable is refused") << QByteArray() << u"abc\nInjected: 1"_s << QByteArray("!");
    QTest::addRow("empty file is refused") << QByteArray("") << QString() << QByteArray("!");
}

void Tst_CredentialProviders::containerAuthorizationTokenSources()
{
    QFETCH(QByteArray, fileContent);
    QFETCH(QString, envToken);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env;
    if (!fileContent.isNull()) {
        const QString path = dir.filePath(u"token"_s);
        QVERIFY(writeFile(path, fileContent));
        env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"_s, path);
    }
    if (!envToken.isNull())
        env.insert(u"AWS_CONTAINER_AUTHORIZATION_TOKEN"_s, envToken);
    const Result<std::optional<SecureBytes>> token = containerAuthorizationToken(env);
    if (expected == "!") {
        QVERIFY(!token.ok());
        QCOMPARE(token.error().kind, Error::Kind::Config);
        return;
    }
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().message));
    QCOMPARE(token->has_value(), !expected.isNull());
    if (!expected.isNull())
        QCOMPARE(**token, SecureBytes(expected));
}

void Tst_CredentialProviders::containerCredentialsNeedAllFourKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    const QByteArray keyId = "\"AccessKeyId\": \"" + kKeyId.toUtf8() + '"';
    const QByteArray secret = "\"SecretAccessKey\": \"" + kSecret.toUtf8() + '"';
    const QByteArray token = "\"Token\": \"" + kToken.toUtf8() + '"';
    const QByteArray expiration = "\"Expiration\": \"2024-05-01T18:00:00Z\"";
    QTest::addRow("all four and AccountId") << QByteArray("{" + keyId + ", " + secret + ", " + token + ", " + expiration
        + ", \"AccountId\": \"123456789012\", \"RoleArn\": \"arn:aws:iam::123456789012:role/task\"}")
                                            << true;
    QTest::addRow("no Token") << QByteArray("{" + keyId + ", " + secret + ", " + expiration + "}") << false;
    QTest::addRow("no Expiration") << QByteArray("{" + keyId + ", " + secret + ", " + token + "}") << false;
    QTest::addRow("no AccessKeyId") << QByteArray("{" + secret + ", " + token + ", " + expiration + "}") << false;
    QTest::addRow("not an object") << QByteArray("[]") << false;
}

void Tst_CredentialProviders::containerCredentialsNeedAllFourKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    const Result<AwsCredentials> result = parseContainerCredentials(json);
    QCOMPARE(result.ok(), ok);
    if (!ok) {
        QCOMPARE(result.error().kind, Error::Kind::Parse);
        checkNoSecret(result.error());
        return;
    }
    QCOMPARE(result->accessKeyId, kKeyId);
    QCOMPARE(result->secretAccessKey, SecureBytes(kSecret.toUtf8()));
    QCOMPARE(result->sessionToken, SecureBytes(kToken.toUtf8()));
    QCOMPARE(result->expiration, QDateTime(QDate(2024, 5, 1), QTime(18, 0), Qt::UTC));
    QCOMPARE(result->origin, AwsCredentials::Origin::Unknown);
}

// ---------------------------------------------------------------------------------------------- IMDS

void Tst_CredentialProviders::imdsSettingsResolveLikeBotocore_data()
{
    using Profile = QHash<QString, QString>;
    QTest::addColumn<QProcessEnvironment>("env");
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("disabled");
    QTest::addColumn<bool>("v1Disabled");
    const QString v4 = u"http://169.254.169.254/"_s;
    const QString v6 = u"http://[fd00:ec2::254]/"_s;
    QTest::addRow("defaults") << QProcessEnvironment() << Profile() << v4 << 1000 << 1 << false << false;
    QTest::addRow("custom endpoint") << environment(
        {{u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, u"http://10.0.0.1:8080"_s}})
                                     << Profile() << u"http://10.0.0.1:8080"_s << 1000 << 1 << false << false;
    QTest::addRow("IPv6 mode, any case") << environment({{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s, u"IPv6"_s}})
                                         << Profile() << v6 << 1000 << 1 << false << false;
    QTest::addRow("IPv6 from the profile")
        << QProcessEnvironment() << Profile {{u"ec2_metadata_service_endpoint_mode"_s, u"ipv6"_s}} << v6 << 1000 << 1
        << false << false;
    QTest::addRow("environment mode wins over the profile")
        << environment({{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s, u"IPv4"_s}})
        << Profile {{u"ec2_metadata_service_endpoint_mode"_s, u"ipv6"_s}} << v4 << 1000 << 1 << false << false;
    QTest::addRow("AWS_IMDS_USE_IPV6") << environment({{u"AWS_IMDS_USE_IPV6"_s, u"True"_s}}) << Profile() << v6 << 1000
                                       << 1 << false << false;
    QTest::addRow("custom endpoint wins over IPv6 mode")
        << environment({{u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s, u"ipv6"_s},
               {u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, u"http://[fd00:ec2::254]:81/"_s}})
        << Profile() << u"http://[fd00:ec2::254]:81/"_s << 1000 << 1 << false << false;
    QTest::addRow("empty custom endpoint is ignored")
        << environment({{u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s, QString()}}) << Profile() << v4 << 1000 << 1 << false
        << false;
    QTest::addRow("timeout and attempts from the environment")
        << environment(
               {{u"AWS_METADATA_SERVICE_TIMEOUT"_s, u"5"_s}, {u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s, u" 3 "_s}})
        << Profile {{u"metadata_service_timeout"_s, u"9"_s}} << v4 << 5000 << 3 << false << false;
    QTest::addRow("timeout and attempts from the profile")
        << QProcessEnvironment()
        << Profile {{u"metadata_service_timeout"_s, u"2"_s}, {u"metadata_service_num_attempts"_s, u"4"_s}} << v4 << 2000
        << 4 << false << false;
    QTest::addRow("disabled") << environment({{u"AWS_EC2_METADATA_DISABLED"_s, u"TRUE"_s}}) << Profile() << v4 << 1000
                              << 1 << true << false;
    QTest::addRow("disabled only by true")
        << environment({{u"AWS_EC2_METADATA_DISABLED"_s, u"1"_s}}) << Profile() << v4 << 1000 << 1 << false << false;
    QTest::addRow("IMDSv1 disabled by the environment") << environment({{u"AWS_EC2_METADATA_V1_DISABLED"_s, u"true"_s}})
                                                        << Profile() << v4 << 1000 << 1 << false << true;
    QTest::addRow("IMDSv1 disabled by the profile")
        << QProcessEnvironment() << Profile {{u"ec2_metadata_v1_disabled"_s, u"true"_s}} << v4 << 1000 << 1 << false
        << true;
}

void Tst_CredentialProviders::imdsSettingsResolveLikeBotocore()
{
    using Profile = QHash<QString, QString>;
    QFETCH(QProcessEnvironment, env);
    QFETCH(Profile, profile);
    QFETCH(QString, endpoint);
    QFETCH(int, timeoutMs);
    QFETCH(int, attempts);
    QFETCH(bool, disabled);
    QFETCH(bool, v1Disabled);
    const Result<ImdsSettings> settings = ImdsSettings::resolve(env, profile);
    QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message));
    QCOMPARE(settings->endpoint.toString(), endpoint);
    QCOMPARE(settings->timeoutMs, timeoutMs);
    QCOMPARE(settings->attempts, attempts);
    QCOMPARE(settings->disabled, disabled);
    QCOMPARE(settings->v1Disabled, v1Disabled);
}

void Tst_CredentialProviders::imdsSettingsRefuseBadValues_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addRow("unknown mode") << u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s << u"ipv5"_s;
    QTest::addRow("empty mode") << u"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"_s << QString();
    QTest::addRow("endpoint without scheme") << u"AWS_EC2_METADATA_SERVICE_ENDPOINT"_s << u"169.254.169.254"_s;
    QTest::addRow("fractional timeout") << u"AWS_METADATA_SERVICE_TIMEOUT"_s << u"1.5"_s;
    QTest::addRow("zero attempts") << u"AWS_METADATA_SERVICE_NUM_ATTEMPTS"_s << u"0"_s;
}

void Tst_CredentialProviders::imdsSettingsRefuseBadValues()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    const Result<ImdsSettings> settings = ImdsSettings::resolve(environment({{variable, value}}));
    QVERIFY(!settings.ok());
    QCOMPARE(settings.error().kind, Error::Kind::Config);
}

void Tst_CredentialProviders::imdsCredentialsDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Error::Kind>("kind"); // None: success
    QTest::addColumn<QString>("awsCode");
    QTest::addRow("success") << QByteArray(
        "{\"Code\": \"Success\", \"LastUpdated\": \"2024-05-01T11:40:00Z\", \"Type\": \"AWS-HMAC\", "
        "\"AccessKeyId\": \""
        + kKeyId.toUtf8() + "\", \"SecretAccessKey\": \"" + kSecret.toUtf8() + "\", \"Token\": \"" + kToken.toUtf8()
        + "\", \"Expiration\": \"2024-05-01T18:00:00Z\"}")
                             << Error::Kind::None << QString();
    QTest::addRow("service reports a problem")
        << QByteArray("{\"Code\": \"AssumeRoleUnauthorizedAccess\", \"Message\": \"EC2 cannot assume the role\", "
                      "\"LastUpdated\": \"2024-05-01T11:40:00Z\"}")
        << Error::Kind::Aws << u"AssumeRoleUnauthorizedAccess"_s;
    QTest::addRow("keys missing without a code")
        << QByteArray("{\"AccessKeyId\": \"" + kKeyId.toUtf8() + "\"}") << Error::Kind::Parse << QString();
    QTest::addRow("not JSON") << QByteArray("<html/>") << Error::Kind::Parse << QString();
}

void Tst_CredentialProviders::imdsCredentialsDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, awsCode);
    const Result<AwsCredentials> result = parseImdsCredentials(json);
    if (kind == Error::Kind::None) {
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        QCOMPARE(result->accessKeyId, kKeyId);
        QCOMPARE(result->sessionToken, SecureBytes(kToken.toUtf8()));
        QCOMPARE(result->origin, AwsCredentials::Origin::AssumedRole);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, kind);
    QCOMPARE(result.error().awsCode, awsCode);
    if (!awsCode.isEmpty())
        QVERIFY2(result.error().message.contains(u"EC2 cannot assume the role"_s), qPrintable(result.error().message));
    checkNoSecret(result.error());
}

void Tst_CredentialProviders::imdsExpirationIsExtendedOnlyNearExpiry_data()
{
    QTest::addColumn<QDateTime>("expiration");
    QTest::addColumn<QDateTime>("expected");
    const int offset = 1200;
    QTest::addRow("far from expiry: unchanged") << kNow.addSecs(6 * 3600) << kNow.addSecs(6 * 3600);
    QTest::addRow("just outside the window: unchanged") << kNow.addSecs(offset + 1) << kNow.addSecs(offset + 1);
    QTest::addRow("inside the window: now + offset") << kNow.addSecs(300) << kNow.addSecs(offset);
    QTest::addRow("already expired: now + offset") << kNow.addSecs(-3600) << kNow.addSecs(offset);
    QTest::addRow("no expiration") << QDateTime() << QDateTime();
}

void Tst_CredentialProviders::imdsExpirationIsExtendedOnlyNearExpiry()
{
    QFETCH(QDateTime, expiration);
    QFETCH(QDateTime, expected);
    QCOMPARE(imdsExtendedExpiration(expiration, kNow, 1200), expected);
}

QTEST_GUILESS_MAIN(Tst_CredentialProviders)
#include "tst_credentialproviders.moc"
