// SPDX-License-Identifier: Apache-2.0
#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Autostart)
};
} // namespace

QString autostartEntryPath(const QProcessEnvironment &env)
{
    QString config = env.value(u"XDG_CONFIG_HOME"_s);
    if (config.isEmpty())
        config = env.value(u"HOME"_s, QDir::homePath()) + u"/.config"_s;
    return config + u"/autostart/io.github.rolecall.Rolecall.desktop"_s;
}

bool isAutostartEnabled(const QProcessEnvironment &env)
{
    return QFile::exists(autostartEntryPath(env));
}

Result<void> setAutostartEnabled(bool enabled, const QString &executable, const QProcessEnvironment &env)
{
    const QString path = autostartEntryPath(env);
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Error::config(Tr::tr("Cannot remove the autostart entry %1.").arg(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::config(Tr::tr("Cannot create the folder of the autostart entry %1.").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::config(Tr::tr("Cannot write the autostart entry %1: %2").arg(path, file.errorString()));
    const QByteArray entry = "[Desktop Entry]\n"
                             "Type=Application\n"
                             "Name=Rolecall\n"
                             "Exec="
        + executable.toUtf8()
        + " --minimized\n"
          "Icon=io.github.rolecall.Rolecall\n"
          "X-GNOME-Autostart-enabled=true\n"
          "NoDisplay=true\n";
    file.write(entry);
    if (!file.commit())
        return Error::config(Tr::tr("Cannot write the autostart entry %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace Rolecall::Core
