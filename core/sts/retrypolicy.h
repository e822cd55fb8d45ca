// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QProcessEnvironment>

#include <functional>

namespace Rolecall::Core::Sts {

/**
 * When and how long to wait before trying a failed STS call again, as the AWS SDKs do.
 *
 * Standard mode (the default): 3 attempts in all; the delay before retry n (n = 1, 2, …) is
 * random(0,1) × min(2^(n-1), 20) seconds ("full jitter", capped at 20 s), exactly botocore's
 * standard mode. Legacy mode: 5 attempts, same jitter. Retried: throttling codes, HTTP 500/502/503/504,
 * transient codes, connection errors, timeouts and IDPCommunicationError. A retry quota (500 tokens,
 * 5 per retry, 10 per timeout retry, 1 back per success) stops retry storms when a service is down.
 */
class RetryPolicy
{
public:
    enum class Mode
    {
        Standard,
        Legacy,
        Adaptive
    };

    RetryPolicy();

    /// max_attempts / retry_mode from a profile, then AWS_MAX_ATTEMPTS / AWS_RETRY_MODE override them.
    static RetryPolicy fromSettings(
        const QString &configMaxAttempts, const QString &configRetryMode, const QProcessEnvironment &env);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    int maxAttempts() const { return m_maxAttempts; }
    void setMaxAttempts(int attempts);
    /// For tests: a deterministic random source in [0, 1).
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    /// Scales every delay (tests use 0.01 to observe backoff without waiting seconds).
    void setTimeScale(double scale) { m_timeScale = scale; }

    /// Delay before retrying after failed attempt number @p attempt (1-based).
    int delayMs(int attempt) const;
    /// Upper bound of delayMs(attempt), before the time scale.
    static int maxDelayMs(int attempt);

    static bool isRetryable(const Error &error);
    static bool isThrottling(const QString &awsCode);
    /// Codes that mean the request's signature time was rejected: correct the clock skew and retry.
    static bool isClockSkewError(const Error &error);

private:
    Mode m_mode = Mode::Standard;
    int m_maxAttempts = 3;
    double m_timeScale = 1.0;
    std::function<double()> m_random;
};

/** Standard mode's retry token bucket; shared by every call of one client. */
class RetryQuota
{
public:
    static constexpr int kCapacity = 500;
    static constexpr int kRetryCost = 5;
    static constexpr int kTimeoutRetryCost = 10;

    /// Takes the tokens a retry of @p error costs; false when the bucket cannot pay.
    bool acquire(const Error &error, int *taken);
    void release(int amount);
    int available() const { return m_available; }

private:
    int m_available = kCapacity;
};

} // namespace Rolecall::Core::Sts
