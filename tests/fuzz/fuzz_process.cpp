// SPDX-License-Identifier: Apache-2.0
// credential_process: the JSON output parser and the command-line splitter, on arbitrary bytes.
// Properties: accepted output has a trimmed non-empty access key, a secret, and an expiration after
// "now" when it has one; errors never quote the output; the command-line splitter agrees with the
// config reader's shlex.split (both follow Python's shlex in POSIX mode).

#include "fuzztarget.h"

#include <QRegularExpression>

#include "config/inidocument.h"
#include "credentials/processcredentials.h"

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using Rolecall::Fuzz::fuzzRequire;

namespace {

void fuzzProcess(QByteArrayView data)
{
    const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const Result<AwsCredentials> credentials = parseProcessOutput(data, now);
    if (credentials) {
        fuzzRequire(
            !credentials->accessKeyId.isEmpty() && credentials->accessKeyId == credentials->accessKeyId.trimmed(),
            "accepted credentials have a bad access key id");
        fuzzRequire(!credentials->secretAccessKey.isEmpty(), "accepted credentials have no secret");
        fuzzRequire(!credentials->expiration.isValid() || credentials->expiration > now,
            "accepted credentials are already expired");
    }
    {
        // A secret must never reach an error message. Put a canary in place of the value of a
        // "SecretAccessKey": "…" pair (found in the text: the JSON may be broken anywhere else) and parse again:
        // no error may quote it. (Comparing with the original value would flag values that are ordinary words.)
        static const QRegularExpression secretPair(uR"re("SecretAccessKey"\s*:\s*"([^"\\]*)")re"_s);
        const QString text = QString::fromUtf8(data);
        const QRegularExpressionMatch match = secretPair.match(text);
        if (match.hasMatch()) {
            const QString canary = u"RolecallCanarySecret0123456789"_s;
            const QString withCanary = QString(text).replace(match.capturedStart(1), match.capturedLength(1), canary);
            const Result<AwsCredentials> again = parseProcessOutput(withCanary.toUtf8(), now);
            fuzzRequire(
                again || !again.error().message.contains(canary), "an error message quotes the secret access key");
        }
    }

    const QString line = QString::fromUtf8(data);
    QString error;
    const QStringList words = splitCommandLine(line, &error);
    QStringList shlexWords;
    const bool shlexOk = Config::shlexSplit(line, &shlexWords);
    fuzzRequire(shlexOk == error.isEmpty(), "splitCommandLine and shlexSplit disagree on whether the line splits");
    if (shlexOk)
        fuzzRequire(words == shlexWords, "splitCommandLine and shlexSplit split the line differently");
}

} // namespace

ROLECALL_FUZZ_TARGET(process, fuzzProcess)
