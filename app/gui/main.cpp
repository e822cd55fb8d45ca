// SPDX-License-Identifier: Apache-2.0
// rolecall: the desktop app's composition root. Creates the services, injects them, nothing else.
#include "desktopapp.h"
#include "i18n.h"
#include "mainwindow.h"
#include "profileicons.h"
#include "startupreport.h"

#include "controllers/settings.h"
#include "util/environmentproxyfactory.h"
#include "util/processhardening.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QTimer>

#include <memory>

using namespace Rolecall;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain; // ROLECALL_REPORT_STARTUP (bench/gui.sh)
    sinceMain.start();
    // Keys and sessions live in this process's memory: no core files, no same-user debugger.
    Core::disableCoreDumps();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Rolecall"));
    QApplication::setOrganizationName(QStringLiteral("Rolecall"));
    QApplication::setApplicationVersion(QStringLiteral(ROLECALL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.rolecall.Rolecall"));
    // HTTPS_PROXY / NO_PROXY as the AWS CLI reads them, else the desktop settings.
    QNetworkProxyFactory::setApplicationProxyFactory(
        new Core::EnvironmentProxyFactory(QProcessEnvironment::systemEnvironment()));

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

    // Preferences (never a secret): the platform's QSettings for Rolecall.
    const std::unique_ptr<Core::Controllers::Settings> settings = Core::Controllers::Settings::openDefault();
    installTranslators(app, parser.isSet(languageOption) ? parser.value(languageOption) : settings->language());
    QApplication::setWindowIcon(Ui::applicationIcon());

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    Gui::DesktopApp desktop(environment, settings.get());
    // bench/gui.sh: time to the first painted window and resident memory, then quit.
    if (environment.value(QStringLiteral("ROLECALL_REPORT_STARTUP")) == QLatin1StringView("1"))
        new Gui::StartupReport(desktop.window(), sinceMain, &app);
    desktop.start();
    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), &app, &QApplication::quit);
    return QApplication::exec();
}
