// SPDX-License-Identifier: Apache-2.0
// rolecall: the desktop app's composition root. Creates the services, injects them, nothing else.
#include "i18n.h"
#include "mainwindow.h"
#include "mfadialog.h"
#include "profileicons.h"
#include "trayicon.h"

#include "config/sharedconfig.h"
#include "controllers/sessioncontroller.h"
#include "controllers/sessionwatcher.h"
#include "controllers/settings.h"
#include "credentials/brokerserver.h"
#include "credentials/mfabroker.h"
#include "credentials/refreshscheduler.h"
#include "credentials/sessioncache.h"
#include "profiles/profilestore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/keystore.h"
#include "secrets/memorysecretstore.h"
#include "util/clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QTimer>

#include <memory>

using namespace Rolecall;

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

    // Preferences (never a secret): the platform's QSettings for Rolecall.
    const std::unique_ptr<Core::Controllers::Settings> settings = Core::Controllers::Settings::openDefault();
    installTranslators(app, parser.isSet(languageOption) ? parser.value(languageOption) : settings->language());
    QApplication::setWindowIcon(Ui::applicationIcon());

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    Core::SystemClock clock;
    QNetworkAccessManager network;
    Core::Profiles::ProfileStore store(Core::Config::ConfigPaths::fromEnvironment(environment),
        Core::Profiles::ProfileResolver::sessionNameForUser(environment));
    store.reload();
    store.setWatching(true);

    // MFA: the broker decides when to ask (one prompt per device, never a used code); the dialog asks.
    Ui::GuiMfaPrompter prompter;
    Core::MfaBroker mfa(&clock, &prompter);
    mfa.setProcessEnvironment(environment);
    Core::CredentialServices services;
    services.network = &network;
    services.clock = &clock;
    services.mfa = &mfa;
    services.environment = environment;
    // Long-term keys live in the OS keychain; ROLECALL_SECRET_STORE=memory (tests) keeps them in memory only,
    // ROLECALL_KEYCHAIN_SERVICE (tests) names a service of their own.
    std::unique_ptr<Core::Secrets::SecretStore> secretStore;
    if (environment.value(QStringLiteral("ROLECALL_SECRET_STORE")) == QLatin1StringView("memory")) {
        secretStore = std::make_unique<Core::Secrets::MemorySecretStore>();
    } else {
        const QString service = environment.value(QStringLiteral("ROLECALL_KEYCHAIN_SERVICE"));
        secretStore = std::make_unique<Core::Secrets::KeychainSecretStore>(
            service.isEmpty() ? Core::Secrets::KeychainSecretStore::defaultServiceName() : service);
    }
    Core::Secrets::KeyStore keys(secretStore.get(), Core::Secrets::KeyStore::defaultIndexPath());
    services.keyStore = &keys;
    // Sessions survive restarts in the keychain and are shared with rolecall-cli.
    Core::SessionCache cache(secretStore.get(), &clock);
    services.cache = &cache;
    Core::Controllers::SessionController sessions(&store, services);
    sessions.setFederationUrlOverride(settings->federationUrl());

    // Expiry warnings, auto-refresh and recents; the tray (only where the desktop has one).
    Core::RefreshScheduler scheduler(&clock);
    Core::Controllers::SessionWatcher watcher(&sessions, &store, settings.get(), &scheduler);
    Ui::MainWindow window({&store, &sessions, &clock, settings.get(), &keys, &watcher});
    Ui::TrayIcon tray;
    tray.connectWindow(&window);
    // With a tray, dialogs raised from it (MFA) must not end the app when they close: only the window does.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &Ui::MainWindow::closed, &app, &QApplication::quit);
    QObject::connect(&watcher, &Core::Controllers::SessionWatcher::notify, &window,
        [&tray, &window](const QString &title, const QString &message) {
            if (!tray.showMessage(title, message))
                window.showNotice(title, message);
        });
    watcher.start();

    // rolecall-cli credential-process / assume (from an IDE, kubectl, Terraform) ask this app over a
    // per-user socket for credentials and MFA codes: the prompt appears here even without a terminal.
    Core::FlowBrokerHandler brokerHandler(
        [&store](const QString &name) -> std::optional<Core::Profiles::ResolvedProfile> {
            if (const auto *profile = store.profile(name))
                return *profile;
            return std::nullopt;
        },
        services);
    Core::BrokerServer broker(&brokerHandler);
    if (auto listening = broker.listen(environment); !listening)
        window.showNotice(QApplication::translate("main", "Command-line broker"), listening.error().message);
    if (!settings->startMinimized())
        window.show();
    else if (!tray.isAvailable())
        window.showMinimized(); // without a tray, minimized is the closest to "in the background"
    if (parser.isSet(quitAfterOption))
        QTimer::singleShot(parser.value(quitAfterOption).toInt(), &app, &QApplication::quit);
    return QApplication::exec();
}
