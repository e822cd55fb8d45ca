// SPDX-License-Identifier: Apache-2.0
#include "desktopapp.h"

#include "mainwindow.h"
#include "mfadialog.h"
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
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Rolecall::Gui {

// Declared in the order they are built: members are destroyed in reverse, dependents first.
struct DesktopApp::Parts
{
    QProcessEnvironment environment;
    Core::Controllers::Settings *settings = nullptr;
    Core::SystemClock clock;
    QNetworkAccessManager network;
    std::unique_ptr<Core::Profiles::ProfileStore> store;
    Ui::GuiMfaPrompter prompter;
    std::unique_ptr<Core::MfaBroker> mfa;
    Core::CredentialServices services;
    std::unique_ptr<Core::Secrets::SecretStore> secretStore;
    std::unique_ptr<Core::Secrets::KeyStore> keys;
    std::unique_ptr<Core::SessionCache> cache;
    std::unique_ptr<Core::Controllers::SessionController> sessions;
    std::unique_ptr<Core::RefreshScheduler> scheduler;
    std::unique_ptr<Core::Controllers::SessionWatcher> watcher;
    std::unique_ptr<Ui::MainWindow> window;
    std::unique_ptr<Ui::TrayIcon> tray;
    std::unique_ptr<Core::FlowBrokerHandler> brokerHandler;
    std::unique_ptr<Core::BrokerServer> broker;
};

DesktopApp::DesktopApp(const QProcessEnvironment &environment, Core::Controllers::Settings *settings)
    : m_parts(std::make_unique<Parts>())
{
    Parts &p = *m_parts;
    p.environment = environment;
    p.settings = settings;
    p.store = std::make_unique<Core::Profiles::ProfileStore>(Core::Config::ConfigPaths::fromEnvironment(environment),
        Core::Profiles::ProfileResolver::sessionNameForUser(environment));
    p.store->reload();
    p.store->setWatching(true);

    // MFA: the broker decides when to ask (one prompt per device, never a used code); the dialog asks.
    p.mfa = std::make_unique<Core::MfaBroker>(&p.clock, &p.prompter);
    p.mfa->setProcessEnvironment(environment);
    p.services.network = &p.network;
    p.services.clock = &p.clock;
    p.services.mfa = p.mfa.get();
    p.services.environment = environment;
    // Long-term keys live in the OS keychain; ROLECALL_SECRET_STORE=memory (tests) keeps them in memory only,
    // ROLECALL_KEYCHAIN_SERVICE (tests) names a service of their own.
    if (environment.value(u"ROLECALL_SECRET_STORE"_s) == "memory"_L1) {
        p.secretStore = std::make_unique<Core::Secrets::MemorySecretStore>();
    } else {
        const QString service = environment.value(u"ROLECALL_KEYCHAIN_SERVICE"_s);
        p.secretStore = std::make_unique<Core::Secrets::KeychainSecretStore>(
            service.isEmpty() ? Core::Secrets::KeychainSecretStore::defaultServiceName() : service);
    }
    p.keys
        = std::make_unique<Core::Secrets::KeyStore>(p.secretStore.get(), Core::Secrets::KeyStore::defaultIndexPath());
    p.services.keyStore = p.keys.get();
    // Sessions survive restarts in the keychain and are shared with rolecall-cli.
    p.cache = std::make_unique<Core::SessionCache>(p.secretStore.get(), &p.clock);
    p.services.cache = p.cache.get();
    p.sessions = std::make_unique<Core::Controllers::SessionController>(p.store.get(), p.services);
    p.sessions->setFederationUrlOverride(settings->federationUrl());

    // Expiry warnings, auto-refresh and recents; the tray (only where the desktop has one).
    p.scheduler = std::make_unique<Core::RefreshScheduler>(&p.clock);
    p.watcher = std::make_unique<Core::Controllers::SessionWatcher>(
        p.sessions.get(), p.store.get(), settings, p.scheduler.get());
    p.window = std::make_unique<Ui::MainWindow>(
        Ui::MainWindow::Services {p.store.get(), p.sessions.get(), &p.clock, settings, p.keys.get(), p.watcher.get()});
    p.tray = std::make_unique<Ui::TrayIcon>();
    p.tray->connectWindow(p.window.get());
    // With a tray, dialogs raised from it (MFA) must not end the app when they close: only the window does.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(p.window.get(), &Ui::MainWindow::closed, qApp, &QApplication::quit);
    QObject::connect(p.watcher.get(), &Core::Controllers::SessionWatcher::notify, p.window.get(),
        [tray = p.tray.get(), window = p.window.get()](const QString &title, const QString &message) {
            if (!tray->showMessage(title, message))
                window->showNotice(title, message);
        });

    // rolecall-cli credential-process / assume (from an IDE, kubectl, Terraform) ask this app over a
    // per-user socket for credentials and MFA codes: the prompt appears here even without a terminal.
    p.brokerHandler = std::make_unique<Core::FlowBrokerHandler>(
        [store = p.store.get()](const QString &name) -> std::optional<Core::Profiles::ResolvedProfile> {
            if (const auto *profile = store->profile(name))
                return *profile;
            return std::nullopt;
        },
        p.services);
    p.broker = std::make_unique<Core::BrokerServer>(p.brokerHandler.get());
}

DesktopApp::~DesktopApp() = default;

void DesktopApp::start()
{
    Parts &p = *m_parts;
    p.watcher->start();
    if (auto listening = p.broker->listen(p.environment); !listening)
        p.window->showNotice(QApplication::translate("main", "Command-line broker"), listening.error().message);
    if (!p.settings->startMinimized())
        p.window->show();
    else if (!p.tray->isAvailable())
        p.window->showMinimized(); // without a tray, minimized is the closest to "in the background"
}

Ui::MainWindow *DesktopApp::window() const
{
    return m_parts->window.get();
}

Ui::TrayIcon *DesktopApp::tray() const
{
    return m_parts->tray.get();
}

Ui::GuiMfaPrompter *DesktopApp::mfaPrompter() const
{
    return &m_parts->prompter;
}

Core::Controllers::SessionController *DesktopApp::sessions() const
{
    return m_parts->sessions.get();
}

Core::Profiles::ProfileStore *DesktopApp::store() const
{
    return m_parts->store.get();
}

} // namespace Rolecall::Gui
