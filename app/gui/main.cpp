// SPDX-License-Identifier: Apache-2.0
// rolecall: the desktop app's composition root.
#include "i18n.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkProxyFactory>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Rolecall"));
    QApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.rolecall.Rolecall"));
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Switch AWS roles fast."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QApplication::translate("main", "User interface language (de, fr, en)."), QStringLiteral("code"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
        QApplication::translate("main", "Quit after N milliseconds (smoke tests)."), QStringLiteral("ms"));
    parser.addOption(languageOption);
    parser.addOption(quitAfterOption);
    parser.process(app);

    Rolecall::installTranslators(app, parser.value(languageOption));

    Rolecall::Ui::MainWindow window;
    window.show();
    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), &app, &QApplication::quit);
    return QApplication::exec();
}
