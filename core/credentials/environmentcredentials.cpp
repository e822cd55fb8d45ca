// SPDX-License-Identifier: Apache-2.0
#include "environmentcredentials.h"

#include "sts/stsparsing.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::EnvironmentCredentials)
};
} // namespace

std::optional<Result<AwsCredentials>> credentialsFromEnvironment(const QProcessEnvironment &env)
{
    const QString keyId = env.value(u"AWS_ACCESS_KEY_ID"_s).trimmed();
    QString secret = env.value(u"AWS_SECRET_ACCESS_KEY"_s).trimmed();
    if (keyId.isEmpty() && secret.isEmpty())
        return std::nullopt;
    if (keyId.isEmpty() || secret.isEmpty())
        return Result<AwsCredentials>(Error::config(
            Tr::tr("Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set; set both, or neither."),
            Tr::tr("Environment")));
    AwsCredentials credentials;
    credentials.accessKeyId = keyId;
    credentials.secretAccessKey = SecureBytes::takeFrom(secret);
    QString token = env.value(u"AWS_SESSION_TOKEN"_s, env.value(u"AWS_SECURITY_TOKEN"_s)).trimmed();
    credentials.sessionToken = SecureBytes::takeFrom(token);
    credentials.expiration = Sts::parseIsoTimestamp(env.value(u"AWS_CREDENTIAL_EXPIRATION"_s));
    // A temporary key id (ASIA…) says "temporary", but not from which call; LongTerm only for AKIA.
    if (!credentials.isTemporary())
        credentials.origin = AwsCredentials::Origin::LongTerm;
    return Result<AwsCredentials>(std::move(credentials));
}

QString regionFromEnvironment(const QProcessEnvironment &env)
{
    const QString region = env.value(u"AWS_REGION"_s).trimmed();
    return region.isEmpty() ? env.value(u"AWS_DEFAULT_REGION"_s).trimmed() : region;
}

} // namespace Rolecall::Core
