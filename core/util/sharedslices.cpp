// SPDX-License-Identifier: Apache-2.0
#include "sharedslices.h"

#include <QList>
#include <QMutex>

namespace Rolecall::Core {

void keepUntilExit(const QString &text)
{
    Q_CONSTINIT static QBasicMutex mutex;
    // Never destroyed, so that nothing is freed while exit handlers may still read a part; the
    // pointer keeps it reachable for leak checkers.
    static auto *kept = new QList<QString>;
    const QMutexLocker lock(&mutex);
    kept->append(text);
}

QString keptUntilExit(const QString &text)
{
    if (isRawData(text))
        return text;
    keepUntilExit(text);
    return QString::fromRawData(text.constData(), text.size()); // a QString's buffer ends with '\0'
}

} // namespace Rolecall::Core
