// SPDX-License-Identifier: Apache-2.0
// credential_process: the JSON output parser and the command-line splitter, on arbitrary bytes.
// Properties: accepted output has a trimmed non-empty access key, a secret, and an expiration after
// "now" when it has one; errors never quote the output; the command-line splitter agrees with the
// config reader's shlex.split (both follow Python's shlex in POSIX mode).

#include "fuzztarget.h"

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
    } else {
        const QString &message = credentials.error().message;
        // A secret must never reach an error message: look for the secret's value in the text.
        static const QByteArray kSecretKey = QByteArrayLiteral("\"SecretAccessKey\"");
        const qsizetype at = data.indexOf(kSecretKey);
        if (at >= 0) {
            const qsizetype open = data.indexOf('"', at + kSecretKey.size());
            const qsizetype close = open < 0 ? -1 : data.indexOf('"', open + 1);
            if (close - open > 8)
                fuzzRequire(!message.contains(QString::fromUtf8(data.sliced(open + 1, close - open - 1))),
                    "an error message quotes the secret access key");
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
