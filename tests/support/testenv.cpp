// SPDX-License-Identifier: Apache-2.0
#include "testenv.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Rolecall::Test {

bool isCi()
{
    return qEnvironmentVariable("CI").compare("true"_L1, Qt::CaseInsensitive) == 0;
}

QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        const QString upper = key.toUpper();
        if (upper.startsWith("AWS_"_L1) || upper.endsWith("_PROXY"_L1) || upper == "ROLECALL_FEDERATION_URL"_L1)
            env.remove(key);
    }
    env.insert(u"HOME"_s, home);
    // The child's data, config and runtime folders live in the test's HOME too: session-cache and
    // keychain indexes, settings and the broker socket never leak from one test (or the user) to another.
    // (The Secret Service itself is reached through DBUS_SESSION_BUS_ADDRESS, which stays.)
    for (const auto &[variable, folder] : {std::pair {u"XDG_DATA_HOME"_s, u".local/share"_s},
             std::pair {u"XDG_CONFIG_HOME"_s, u".config"_s}, std::pair {u"XDG_RUNTIME_DIR"_s, u".runtime"_s}}) {
        const QString path = QDir(home).filePath(folder);
        QDir().mkpath(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(variable, path);
    }
    env.insert(u"AWS_CONFIG_FILE"_s, QDir(home).filePath(u".aws/config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, QDir(home).filePath(u".aws/credentials"_s));
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"en"_s);
    return env;
}

QString testDataPath(const QString &name)
{
    return QDir(QStringLiteral(ROLECALL_TEST_DATA_DIR)).filePath(name);
}

} // namespace Rolecall::Test
