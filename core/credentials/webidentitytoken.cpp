// SPDX-License-Identifier: Apache-2.0
#include "webidentitytoken.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::WebIdentityToken)
};

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

} // namespace

QString webIdentityTokenFile(const QString &profileValue, const QProcessEnvironment &environment, bool useEnvironment)
{
    const QString key = u"AWS_WEB_IDENTITY_TOKEN_FILE"_s;
    if (useEnvironment && environment.contains(key)) // set but empty means none, as in botocore
        return environment.value(key);
    return profileValue;
}

Result<SecureBytes> readWebIdentityToken(const QString &path, qint64 maxBytes)
{
    const QString context = Tr::tr("Web identity token");
    if (path.isEmpty())
        return Error::config(Tr::tr("No web identity token file is configured. Set web_identity_token_file in the "
                                    "profile or AWS_WEB_IDENTITY_TOKEN_FILE."),
            context);
    const QFileInfo info(path);
    if (!info.exists())
        return Error::config(Tr::tr("The token file %1 does not exist. Check web_identity_token_file or "
                                    "AWS_WEB_IDENTITY_TOKEN_FILE, and that the token is mounted.")
                                 .arg(path),
            context);
    // Only regular files (or links to them): a FIFO or a device could block or never end.
    if (!info.isFile())
        return Error::config(
            Tr::tr("%1 is not a regular file; it cannot be a web identity token file.").arg(path), context);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::config(Tr::tr("Cannot read the token file %1: %2").arg(path, file.errorString()), context);
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        secureWipe(bytes);
        return Error::config(Tr::tr("The token file %1 is larger than %2 bytes; it is not a web identity token.")
                                 .arg(path)
                                 .arg(maxBytes),
            context);
    }
    qsizetype from = 0;
    qsizetype to = bytes.size();
    while (from < to && isAsciiSpace(bytes.at(from)))
        ++from;
    while (to > from && isAsciiSpace(bytes.at(to - 1)))
        --to;
    if (from == to) {
        secureWipe(bytes);
        return Error::config(
            Tr::tr("The token file %1 is empty. The identity provider has not written a token yet.").arg(path),
            context);
    }
    SecureBytes token(QByteArrayView(bytes).sliced(from, to - from));
    secureWipe(bytes);
    return token;
}

} // namespace Rolecall::Core
