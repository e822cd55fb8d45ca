// SPDX-License-Identifier: Apache-2.0
// A child process for tst_datasafety: saves a config file through ConfigFile::save in a loop, so the
// test can kill it at random points or run two of it against each other.
//
//   rolecall_configwriter_child toggle <file> <section> <key> <valueA> <valueB>
//       forever: set <key> to whichever of the two values it does not have now
//   rolecall_configwriter_child append <file> <section> <count>
//       for i in 0..count-1: add `k<i> = <section>` to <section>, re-reading the file each time
//
// Prints one line per completed save on stdout; errors go to stderr.
#include "config/configfile.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;

namespace {

// One save from the bytes on disk now. A save that races another writer may be refused as
// "kept changing"; then it is simply tried again from a fresh read (bounded).
bool saveFresh(const QString &path, const ConfigEdit &edit)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const Result<QByteArray> bytes = ConfigFile::read(path);
        if (!bytes) {
            std::fprintf(stderr, "read: %s\n", qPrintable(bytes.error().message));
            return false;
        }
        const Result<QByteArray> saved = ConfigFile::save(path, bytes.value(), {edit});
        if (saved)
            return true;
        std::fprintf(stderr, "save: %s\n", qPrintable(saved.error().message));
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() == 7 && args.at(1) == "toggle"_L1) {
        const QString &path = args.at(2);
        const QString section = args.at(3);
        const QString key = args.at(4);
        for (quint64 n = 0;; ++n) {
            const Result<QByteArray> bytes = ConfigFile::read(path);
            if (!bytes)
                return 2;
            const QByteArray setToA = key.toUtf8() + " = " + args.at(5).toUtf8();
            const bool isA = bytes.value().contains(QByteArray(setToA + '\n'))
                || bytes.value().contains(QByteArray(setToA + '\r'));
            if (!saveFresh(path, ConfigEdit::setValue(section, key, isA ? args.at(6) : args.at(5))))
                return 3;
            out << "saved " << n << Qt::endl;
        }
    }
    if (args.size() == 5 && args.at(1) == "append"_L1) {
        const QString section = args.at(3);
        const int count = args.at(4).toInt();
        for (int i = 0; i < count; ++i) {
            if (!saveFresh(args.at(2), ConfigEdit::setValue(section, u"k%1"_s.arg(i), section)))
                return 3;
            out << "saved " << i << Qt::endl;
        }
        return 0;
    }
    std::fprintf(stderr, "usage: %s toggle FILE SECTION KEY A B | append FILE SECTION COUNT\n", argv[0]);
    return 1;
}
