// SPDX-License-Identifier: Apache-2.0
#include "urlopener.h"

#include <QDesktopServices>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

bool openUrl(const QUrl &url, const QString &browserCommand)
{
    QStringList words = QProcess::splitCommand(browserCommand);
    if (!words.isEmpty()) {
        const QString encoded = url.toString(QUrl::FullyEncoded);
        bool placed = false;
        for (QString &word : words) {
            if (word.contains(u"%u"_s)) {
                word.replace(u"%u"_s, encoded);
                placed = true;
            }
        }
        if (!placed)
            words.append(encoded);
        const QString program = words.takeFirst();
        if (QProcess::startDetached(program, words))
            return true;
    }
    return QDesktopServices::openUrl(url);
}

} // namespace Rolecall::Ui
