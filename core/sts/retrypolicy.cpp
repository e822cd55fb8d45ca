// SPDX-License-Identifier: Apache-2.0
#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Sts {

namespace {
constexpr int kMaxBackoffMs = 20000;
constexpr int kMaxAttemptsLimit = 20;
} // namespace

RetryPolicy::RetryPolicy()
    : m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

RetryPolicy RetryPolicy::fromSettings(
    const QString &configMaxAttempts, const QString &configRetryMode, const QProcessEnvironment &env)
{
    RetryPolicy policy;
    const QString modeText = env.value(u"AWS_RETRY_MODE"_s, configRetryMode).trimmed().toLower();
    if (modeText == "legacy"_L1)
        policy.setMode(Mode::Legacy);
    else if (modeText == "adaptive"_L1)
        policy.setMode(Mode::Adaptive);
    const QString attemptsText = env.value(u"AWS_MAX_ATTEMPTS"_s, configMaxAttempts).trimmed();
    bool ok = false;
    const int attempts = attemptsText.toInt(&ok);
    if (ok && attempts >= 1)
        policy.setMaxAttempts(attempts);
    return policy;
}

void RetryPolicy::setMode(Mode mode)
{
    m_mode = mode;
    m_maxAttempts = mode == Mode::Legacy ? 5 : 3;
}

void RetryPolicy::setMaxAttempts(int attempts)
{
    m_maxAttempts = std::clamp(attempts, 1, kMaxAttemptsLimit);
}

int RetryPolicy::maxDelayMs(int attempt)
{
    const int exponent = std::clamp(attempt - 1, 0, 15);
    return std::min(1000 * (1 << exponent), kMaxBackoffMs);
}

int RetryPolicy::delayMs(int attempt) const
{
    const double r = std::clamp(m_random ? m_random() : 0.5, 0.0, 1.0);
    return static_cast<int>(std::lround(r * maxDelayMs(attempt) * m_timeScale));
}

bool RetryPolicy::isThrottling(const QString &code)
{
    return Error::isThrottlingCode(code);
}

bool RetryPolicy::isRetryable(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return true;
    case Error::Kind::Aws:
    case Error::Kind::Http:
        break;
    default:
        return false;
    }
    static const QStringList transientCodes = {u"RequestTimeout"_s, u"RequestTimeoutException"_s,
        u"PriorRequestNotComplete"_s, u"IDPCommunicationError"_s, u"IDPCommunicationErrorException"_s};
    if (isThrottling(error.awsCode) || transientCodes.contains(error.awsCode))
        return true;
    if (error.httpStatus == 429)
        return true;
    const int s = error.httpStatus;
    return s == 500 || s == 502 || s == 503 || s == 504;
}

bool RetryPolicy::isClockSkewError(const Error &error)
{
    if (error.kind != Error::Kind::Aws)
        return false;
    const QString &code = error.awsCode;
    if (code == "RequestTimeTooSkewed"_L1 || code == "RequestExpired"_L1 || code == "InvalidSignatureException"_L1
        || code == "RequestInTheFuture"_L1)
        return true;
    if (code == "SignatureDoesNotMatch"_L1 || code == "AuthFailure"_L1) {
        return error.awsMessage.contains("Signature expired"_L1, Qt::CaseInsensitive)
            || error.awsMessage.contains("Signature not yet current"_L1, Qt::CaseInsensitive);
    }
    return false;
}

bool RetryQuota::acquire(const Error &error, int *taken)
{
    const int cost = error.kind == Error::Kind::Timeout ? kTimeoutRetryCost : kRetryCost;
    if (cost > m_available)
        return false;
    m_available -= cost;
    if (taken)
        *taken = cost;
    return true;
}

void RetryQuota::release(int amount)
{
    m_available = std::min(kCapacity, m_available + amount);
}

} // namespace Rolecall::Core::Sts
