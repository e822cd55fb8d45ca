// SPDX-License-Identifier: Apache-2.0
#include "clisupport.h"

#include <QCoreApplication>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}
} // namespace

void installInterruptHandlers()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool interrupted()
{
    return g_interrupted != 0;
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject credentialsJson(const AwsCredentials &c)
{
    return QJsonObject {
        {u"AccessKeyId"_s, c.accessKeyId},
        {u"SecretAccessKey"_s, QString::fromUtf8(c.secretAccessKey.view())},
        {u"SessionToken"_s, QString::fromUtf8(c.sessionToken.view())},
        {u"Expiration"_s, isoUtc(c.expiration)},
    };
}

QJsonObject assumedRoleUserJson(const Sts::AssumedRoleUser &user)
{
    return QJsonObject {{u"AssumedRoleId"_s, user.assumedRoleId}, {u"Arn"_s, user.arn}};
}

void insertOptional(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void insertOptional(QJsonObject &object, const QString &key, std::optional<int> value)
{
    if (value)
        object.insert(key, *value);
}

CliMfaProvider::CliMfaProvider(const QString &fixedCode, FILE *prompt)
    : m_fixedCode(fixedCode.trimmed().toUtf8())
    , m_prompt(prompt)
{ }

void CliMfaProvider::requestCode(const MfaRequest &request, std::function<void(Result<SecureBytes>)> done)
{
    // The flow names the profile; these errors only say what went wrong with the code.
    const QString context;
    if (!m_fixedCode.isEmpty()) {
        if (m_fixedCodeUsed) {
            done(Error::config(tr("The chain of %1 needs a second MFA code (%2), and --mfa-code gives only one.")
                                   .arg(request.profile, request.serialNumber),
                context));
            return;
        }
        m_fixedCodeUsed = true;
        if (!isValidMfaCode(m_fixedCode.view())) {
            done(Error::validation(u"--mfa-code"_s, tr("must be exactly six digits."), context));
            return;
        }
        done(m_fixedCode);
        return;
    }
    if (!isatty(STDIN_FILENO)) {
        done(Error::config(tr("An MFA code for %1 is needed and there is no terminal to ask on: give --mfa-code, set "
                              "mfa_process, or run it from a terminal.")
                               .arg(request.serialNumber),
            context));
        return;
    }
    const QByteArray prompt = tr("MFA code for %1 (%2): ").arg(request.serialNumber, request.profile).toUtf8();
    std::fwrite(prompt.constData(), 1, static_cast<size_t>(prompt.size()), m_prompt);
    std::fflush(m_prompt);
    char line[64] = {};
    const bool got = std::fgets(line, sizeof line, stdin) != nullptr && !interrupted();
    QByteArray code = QByteArray(line).trimmed();
    std::fill(std::begin(line), std::end(line), '\0');
    if (!got || code.isEmpty()) {
        done(Error::cancelled(context));
        return;
    }
    if (!isValidMfaCode(code)) {
        secureWipe(code);
        done(Error::validation(u"TokenCode"_s, tr("must be exactly six digits."), context));
        return;
    }
    done(SecureBytes::takeFrom(code));
}

} // namespace Rolecall::Cli
