// SPDX-License-Identifier: Apache-2.0
// SigV4 signing of a typical AssumeRole request and parsing of a typical AssumeRole response:
// the two costs every role switch pays. bench/botocore_sts.py measures botocore on the same inputs.
#include "sigv4/sigv4.h"
#include "sts/stsparsing.h"

#include <QFile>

#include <benchmark/benchmark.h>

using namespace Rolecall::Core;

namespace {

// Same request as tests/data/botocore-sigv4-vectors.json "assume-role-long-term".
const QByteArray kBody = "Action=AssumeRole&Version=2011-06-15"
                         "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FAdmin"
                         "&RoleSessionName=rolecall-alice&DurationSeconds=3600"
                         "&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice&TokenCode=123456";

AwsCredentials credentials()
{
    AwsCredentials c;
    c.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    c.secretAccessKey = SecureBytes(QByteArrayView("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    return c;
}

SigV4::Request baseRequest()
{
    SigV4::Request r;
    r.method = "POST";
    r.headers = {
        {"Host", "sts.us-east-1.amazonaws.com"}, {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    r.payload = kBody;
    return r;
}

const SigV4::SigningParams kParams {
    "us-east-1", "sts", QDateTime(QDate(2026, 11, 23), QTime(12, 34, 56), Qt::UTC), true};

void BM_SignAssumeRole(benchmark::State &state)
{
    const AwsCredentials c = credentials();
    const SigV4::Request base = baseRequest();
    SigV4::SigningKeyCache cache; // the STS client keeps one: the key is derived once a day per scope
    for (auto _ : state) {
        SigV4::Request r = base;
        SigV4::sign(r, c, kParams, &cache);
        benchmark::DoNotOptimize(r.headers);
    }
}
BENCHMARK(BM_SignAssumeRole);

void BM_SignAssumeRoleWithoutKeyCache(benchmark::State &state)
{
    const AwsCredentials c = credentials();
    const SigV4::Request base = baseRequest();
    for (auto _ : state) {
        SigV4::Request r = base;
        SigV4::sign(r, c, kParams, nullptr);
        benchmark::DoNotOptimize(r.headers);
    }
}
BENCHMARK(BM_SignAssumeRoleWithoutKeyCache);

void BM_ParseAssumeRoleResponse(benchmark::State &state)
{
    QFile file(QStringLiteral(ROLECALL_TEST_DATA_DIR "/sts/AssumeRole.xml"));
    if (!file.open(QIODevice::ReadOnly)) {
        state.SkipWithError("tests/data/sts/AssumeRole.xml missing");
        return;
    }
    const QByteArray xml = file.readAll();
    for (auto _ : state) {
        auto result = Sts::parseAssumeRoleResponse(xml);
        if (!result.ok())
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * xml.size());
}
BENCHMARK(BM_ParseAssumeRoleResponse);

} // namespace

BENCHMARK_MAIN();
