// SPDX-License-Identifier: Apache-2.0
// The desktop app's dialogs, tray menu, sessions view and console hand-off, offscreen, through the real
// SessionController against the loopback fault server playing STS (endpoint_url points at it) and the
// federation endpoint. Browser hand-offs are caught with QDesktopServices::setUrlHandler.
#include "aboutdialog.h"
#include "accesskeydialog.h"
#include "clipboard.h"
#include "decodedialog.h"
#include "dialogactions.h"
#include "iamuserdialog.h"
#include "importkeysdialog.h"
#include "mainwindow.h"
#include "mfadialog.h"
#include "profileeditordialog.h"
#include "profileicons.h"
#include "sessionsdock.h"
#include "settingsdialog.h"
#include "trayicon.h"

#include "fakesecretstore.h"
#include "faultserver.h"
#include "scriptedmfaprompter.h"
#include "testenv.h"

#include "controllers/sessioncontroller.h"
#include "controllers/sessionwatcher.h"
#include "controllers/settings.h"
#include "credentials/mfabroker.h"
#include "credentials/refreshscheduler.h"
#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"
#include "profiles/profilestore.h"
#include "secrets/keystore.h"
#include "util/clock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Rolecall;
using Rolecall::Test::FaultResponse;
using Rolecall::Test::FaultServer;
using Rolecall::Test::RecordedRequest;

namespace {

constexpr int kWaitMs = 10000;
const QByteArray kSigninToken = "EXAMPLE-signin-token";
const QString kEncoded = u"EXAMPLEencodedMessage-AbC_123+/="_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The STS actions of the requests the server saw, in order.
QStringList actions(const FaultServer &server)
{
    QStringList out;
    for (const RecordedRequest &request : server.requests()) {
        const QByteArray action = request.formValue("Action");
        out.append(action.isEmpty() ? QString::fromLatin1(request.queryValue("Action")) : QString::fromLatin1(action));
    }
    return out;
}

QAction *findAction(QMenu *menu, const QString &name)
{
    return menu->findChild<QAction *>(name);
}

/// Input controls and buttons under @p root that a screen reader could not name (object names, for the message).
QStringList unnamedControls(QWidget *root)
{
    QStringList out;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        // The line edit inside a combo box or spin box and a view's viewport belong to their owner.
        QWidget *parent = widget->parentWidget();
        if (widget->window() != root->window() // a combo box's popup list
            || qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractSpinBox *>(parent)
            || qobject_cast<QAbstractScrollArea *>(parent))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (button->text().isEmpty() && button->accessibleName().isEmpty() && button->isVisibleTo(root))
                out.append(QLatin1StringView(button->metaObject()->className()) + u' ' + button->objectName());
            continue;
        }
        const bool input = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QAbstractItemView *>(widget)
            || qobject_cast<QPlainTextEdit *>(widget);
        if (input && widget->accessibleName().isEmpty())
            out.append(QLatin1StringView(widget->metaObject()->className()) + u' ' + widget->objectName());
    }
    return out;
}

} // namespace

class Tst_Dialogs : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void handleUrl(const QUrl &url) { m_opened.append(url); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void mfaDialogTakesPastedCodes();
    void mfaDialogSubmitsOnTheSixthDigit();
    void mfaDialogShowsWhyTheLastCodeWasRejected();

    void decodeDialogRendersAKnownMessage();

    void accessKeyDialogReadsAnArnWithoutARequest();
    void accessKeyDialogLooksUpAKeyId();
    void accessKeyDialogRefusesGarbage();

    void settingsDialogRoundTrip();
    void settingsReachTheWindow();
    void autostartAndAboutFromTheMenus();
    void writeSessionAsAProfileFromTheMenu();
    void settingsFileHoldsNoSecretAfterASession();

    void profileEditorNamesTheBadFields();
    void profileEditorSavesExactlyTheNewSection();
    void profileEditorEditsAnExistingRole();

    void consoleOpensTheLoginUrl_data();
    void consoleOpensTheLoginUrl();
    void browserCommandGetsTheUrl();

    void trayMenuListsFavouritesRecentsAndSessions();
    void trayMenuActionsReachTheController();
    void systemTrayWhenTheDesktopHasOne();

    void sessionsViewCountsDownAndForgets();
    void watcherWarnsBeforeExpiryAndRefreshes();

    void everyControlHasAnAccessibleName();
    void keychainActionsNeedAKeyStore();
    void iconsComeFromTheResources();

private:
    Core::CredentialServices services() const;
    void makeWindow(Core::Secrets::KeyStore *keys = nullptr);
    FaultResponse answer(const RecordedRequest &request);
    bool assume(const QString &profile);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QString m_credentials;
    QByteArray m_configBytes;
    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<Core::ManualClock> m_clock;
    Test::ScriptedMfaPrompter m_prompter;
    std::unique_ptr<Core::MfaBroker> m_mfa;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QProcessEnvironment m_env;
    std::unique_ptr<Core::Profiles::ProfileStore> m_store;
    std::unique_ptr<Core::Controllers::SessionController> m_sessions;
    std::unique_ptr<Core::Controllers::Settings> m_settings;
    std::unique_ptr<Ui::MainWindow> m_window;
    QList<QUrl> m_opened;
};

void Tst_Dialogs::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDesktopServices::setUrlHandler(u"http"_s, this, "handleUrl");
    QDesktopServices::setUrlHandler(u"https"_s, this, "handleUrl");
}

void Tst_Dialogs::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
}

FaultResponse Tst_Dialogs::answer(const RecordedRequest &request)
{
    if (request.path == "/federation") {
        if (request.queryValue("Action") != "getSigninToken")
            return FaultResponse::plain(400);
        return FaultResponse::json("{\"SigninToken\":\"" + kSigninToken + "\"}");
    }
    Test::StsFixture fixture;
    fixture.expiration = m_clock->nowUtc().addSecs(3600).toString(Qt::ISODate);
    const QByteArray action = request.formValue("Action");
    if (action == "DecodeAuthorizationMessage")
        return FaultResponse::xml(readAll(Test::testDataPath(u"sts/DecodeAuthorizationMessage.xml"_s)));
    const QByteArray body = Test::StsXml::forAction(action, fixture);
    return body.isEmpty() ? FaultResponse::awsError(400, u"InvalidAction"_s, u"no such action"_s)
                          : FaultResponse::xml(body);
}

void Tst_Dialogs::init()
{
    m_opened.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
    m_server->setResponder([this](const RecordedRequest &request) { return answer(request); });
    const QByteArray endpoint = m_server->url().toString().toUtf8();
    m_config = m_dir->filePath(u"config"_s);
    m_credentials = m_dir->filePath(u"credentials"_s);
    m_configBytes = "# work accounts\n"
                    "[profile user]\n"
                    "region = us-east-1\n"
                    "endpoint_url = "
        + endpoint
        + "\n"
          "\n"
          "[profile admin]\n"
          "role_arn = arn:aws:iam::123456789012:role/Admin\n"
          "source_profile = user\n"
          "region = us-east-1\n"
          "endpoint_url = "
        + endpoint
        + "\n"
          "\n"
          "[profile readonly]\n"
          "role_arn = arn:aws:iam::123456789012:role/ReadOnly\n"
          "source_profile = user\n"
          "endpoint_url = "
        + endpoint + "\n";
    QVERIFY(writeAll(m_config, m_configBytes));
    QVERIFY(writeAll(m_credentials,
        "[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
    m_clock = std::make_unique<Core::ManualClock>();
    m_mfa = std::make_unique<Core::MfaBroker>(m_clock.get(), &m_prompter);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_env = Test::cleanEnvironment(m_dir->path());
    m_store = std::make_unique<Core::Profiles::ProfileStore>(
        Core::Config::ConfigPaths {m_config, m_credentials}, u"test"_s);
    m_store->reload();
    m_sessions = std::make_unique<Core::Controllers::SessionController>(m_store.get(), services());
    m_settings = std::make_unique<Core::Controllers::Settings>(m_dir->filePath(u"settings.conf"_s));
}

void Tst_Dialogs::cleanup()
{
    m_window.reset();
    m_sessions.reset();
    m_settings.reset();
    m_store.reset();
    m_server.reset();
}

Core::CredentialServices Tst_Dialogs::services() const
{
    Core::CredentialServices s;
    s.network = m_network.get();
    s.clock = m_clock.get();
    s.mfa = m_mfa.get();
    s.environment = m_env;
    return s;
}

void Tst_Dialogs::makeWindow(Core::Secrets::KeyStore *keys)
{
    Ui::MainWindow::Services s;
    s.store = m_store.get();
    s.sessions = m_sessions.get();
    s.clock = m_clock.get();
    s.settings = m_settings.get();
    s.keyStore = keys;
    m_window = std::make_unique<Ui::MainWindow>(s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

bool Tst_Dialogs::assume(const QString &profile)
{
    m_sessions->assume(profile);
    return QTest::qWaitFor([&] { return m_sessions->hasSession(profile); }, kWaitMs);
}

// --- MFA ------------------------------------------------------------------------------------------

void Tst_Dialogs::mfaDialogTakesPastedCodes()
{
    Ui::MfaDialog dialog({u"admin"_s, u"arn:aws:iam::123456789012:mfa/alice"_s, {}, {}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *code = dialog.findChild<QLineEdit *>(u"codeLineEdit"_s);
    QVERIFY(code);
    QVERIFY(!code->accessibleName().isEmpty());
    QGuiApplication::clipboard()->setText(u"123 456\n"_s);
    code->setFocus();
    QTest::keyClick(code, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(code->text(), u"123456"_s);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWaitMs);
    QCOMPARE(dialog.code().unsecureCopy(), QByteArray("123456"));
    QGuiApplication::clipboard()->clear();
}

void Tst_Dialogs::mfaDialogSubmitsOnTheSixthDigit()
{
    Ui::MfaDialog dialog({u"admin"_s, u"arn:aws:iam::123456789012:mfa/alice"_s, {}, {}});
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *code = dialog.findChild<QLineEdit *>(u"codeLineEdit"_s);
    QTest::keyClicks(code, u"12a-345"_s);
    QCOMPARE(code->text(), u"12345"_s);
    QTest::qWait(50);
    QCOMPARE(accepted.count(), 0); // five digits: still waiting
    QTest::keyClick(code, Qt::Key_6);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWaitMs);
    QCOMPARE(dialog.code().unsecureCopy(), QByteArray("123456"));
}

void Tst_Dialogs::mfaDialogShowsWhyTheLastCodeWasRejected()
{
    const QString aws = u"AWS refused the request with AccessDenied: MultiFactorAuthentication failed with invalid MFA "
                        "one time pass code."_s;
    Ui::MfaDialog dialog({u"admin"_s, u"arn:aws:iam::123456789012:mfa/alice"_s, {}, aws});
    dialog.show();
    auto *error = dialog.findChild<QLabel *>(u"errorLabel"_s);
    auto *code = dialog.findChild<QLineEdit *>(u"codeLineEdit"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), aws);
    QTest::keyClicks(code, u"999"_s);
    dialog.showRejection(u"That code was just used; wait for the next one."_s);
    QCOMPARE(error->text(), u"That code was just used; wait for the next one."_s);
    QVERIFY(code->text().isEmpty());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

// --- Decode ---------------------------------------------------------------------------------------

void Tst_Dialogs::decodeDialogRendersAKnownMessage()
{
    Ui::DecodeDialog dialog(m_store.get(), m_sessions.get(), u"user"_s);
    dialog.show();
    dialog.setMessageText(u"An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You "
                          "are not authorized to perform this operation. Encoded authorization failure message: "_s
        + kEncoded);
    auto *verdict = dialog.findChild<QLabel *>(u"verdictLabel"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"decodeButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(verdict->text().startsWith(u"Explicit deny"_s), kWaitMs);
    QCOMPARE(actions(*m_server), QStringList {u"DecodeAuthorizationMessage"_s});
    QCOMPARE(m_server->request(0).formValue("EncodedMessage"), kEncoded.toUtf8()); // the prefix is gone
    auto *table = dialog.findChild<QTableWidget *>(u"conditionsTable"_s);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), u"ec2:Region"_s);
    QCOMPARE(table->item(0, 1)->text(), u"us-east-1"_s);
    QCOMPARE(table->item(1, 0)->text(), u"aws:username"_s);
    QCOMPARE(table->item(1, 1)->text(), u"alice"_s);
    const QString summary = dialog.findChild<QLabel *>(u"summaryLabel"_s)->text();
    QVERIFY2(summary.contains(u"ec2:RunInstances"_s), qPrintable(summary));
    QVERIFY2(summary.contains(u"DenyRunInstances"_s), qPrintable(summary));
    const QString json = dialog.findChild<QPlainTextEdit *>(u"jsonTextEdit"_s)->toPlainText();
    QVERIFY(json.contains(u"\"explicitDeny\": true"_s));
    QVERIFY(dialog.findChild<QPushButton *>(u"copyJsonButton"_s)->isEnabled());
}

// --- Access key info ------------------------------------------------------------------------------

void Tst_Dialogs::accessKeyDialogReadsAnArnWithoutARequest()
{
    Ui::AccessKeyDialog dialog(m_store.get(), m_sessions.get(), u"user"_s);
    dialog.show();
    auto *input = dialog.findChild<QLineEdit *>(u"inputLineEdit"_s);
    QVERIFY(!input->accessibleName().isEmpty());
    QTest::keyClicks(input, u"arn:aws:sts::123456789012:assumed-role/Admin/alice"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(dialog.account(), u"123456789012"_s);
    QCOMPARE(dialog.matchingProfiles(), (QStringList {u"admin"_s, u"readonly"_s}));
    QVERIFY(dialog.findChild<QLabel *>(u"resultLabel"_s)->text().contains(u"123456789012"_s));
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);
    QSignalSpy chosen(&dialog, &Ui::AccessKeyDialog::profileChosen);
    auto *list = dialog.findChild<QListWidget *>(u"profilesListWidget"_s);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toString(), u"admin"_s);
}

void Tst_Dialogs::accessKeyDialogLooksUpAKeyId()
{
    Ui::AccessKeyDialog dialog(m_store.get(), m_sessions.get(), u"user"_s);
    dialog.show();
    dialog.setInput(u"ASIAY34FZKBOKMUTVV7A"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"lookUpButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.account(), u"123456789012"_s, kWaitMs);
    QCOMPARE(actions(*m_server), QStringList {u"GetAccessKeyInfo"_s});
    QCOMPARE(m_server->request(0).formValue("AccessKeyId"), QByteArray("ASIAY34FZKBOKMUTVV7A"));
    QVERIFY(m_server->request(0).header("Authorization").contains("AKIAIOSFODNN7EXAMPLE/")); // signed as user
    QCOMPARE(dialog.matchingProfiles(), (QStringList {u"admin"_s, u"readonly"_s}));
}

void Tst_Dialogs::accessKeyDialogRefusesGarbage()
{
    Ui::AccessKeyDialog dialog(m_store.get(), m_sessions.get(), u"user"_s);
    dialog.setInput(u"not a key"_s);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"lookUpButton"_s), Qt::LeftButton);
    QVERIFY(dialog.account().isEmpty());
    QVERIFY(!dialog.findChild<QLabel *>(u"resultLabel"_s)->text().isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

// --- Settings -------------------------------------------------------------------------------------

void Tst_Dialogs::settingsDialogRoundTrip()
{
    Core::Controllers::Settings::Values values;
    values.roleDurationSeconds = 7200;
    values.sessionTokenDurationSeconds = 14400;
    values.consoleDurationSeconds = 1800;
    values.clipboardClearSeconds = 20;
    values.expiryWarningMinutes = 5;
    values.autoRefresh = true;
    values.browserCommand = u"firefox -P work %u"_s;
    values.federationUrl = u"https://signin.example.com/federation"_s;
    values.language = u"fr"_s;
    values.closeToTray = true;
    values.startMinimized = true;
    Ui::SettingsDialog dialog(values, true);
    QVERIFY(dialog.values() == values);
    // Every control can be reached and named.
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if ((qobject_cast<QSpinBox *>(widget) || qobject_cast<QLineEdit *>(widget) || qobject_cast<QCheckBox *>(widget)
                || qobject_cast<QComboBox *>(widget))
            && widget->parentWidget() && !qobject_cast<QSpinBox *>(widget->parentWidget()))
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
    auto *clipboard = dialog.findChild<QSpinBox *>(u"clipboardSpinBox"_s);
    clipboard->setValue(90);
    auto *federation = dialog.findChild<QLineEdit *>(u"federationLineEdit"_s);
    federation->setText(u"http://signin.example.com/"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.count(), 0); // plain http to a remote host is refused
    QVERIFY(dialog.findChild<QLabel *>(u"errorLabel"_s)->isVisibleTo(&dialog));
    federation->clear();
    dialog.accept();
    QCOMPARE(accepted.count(), 1);
    values.clipboardClearSeconds = 90;
    values.federationUrl.clear();
    QVERIFY(dialog.values() == values);

    m_settings->setValues(dialog.values());
    m_settings->sync();
    QVERIFY(Core::Controllers::Settings(m_settings->fileName()).values() == values);

    Ui::SettingsDialog noTray(values, false);
    QVERIFY(!noTray.findChild<QCheckBox *>(u"closeToTrayCheckBox"_s)->isEnabled());
}

void Tst_Dialogs::settingsReachTheWindow()
{
    makeWindow();
    m_settings->setClipboardClearSeconds(12);
    QCOMPARE(m_window->clipboard()->clearDelay(), 12);
    m_settings->setFavourite(u"admin"_s, true);
    const QModelIndex admin = m_window->model()->indexOfProfile(u"admin"_s);
    QVERIFY(admin.data(Core::Models::ProfileTreeModel::FavouriteRole).toBool());
    // Ctrl+B on the selected profile toggles it back
    m_window->selectProfile(u"admin"_s);
    m_window->findChild<QAction *>(u"favouriteAction"_s)->trigger();
    QVERIFY(!m_settings->isFavourite(u"admin"_s));
    // Tools → Settings opens the dialog; OK stores what it holds.
    m_window->dialogs()->settingsAction()->trigger();
    auto *dialog = m_window->findChild<Ui::SettingsDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QSpinBox *>(u"warningSpinBox"_s)->setValue(7);
    dialog->findChild<QSpinBox *>(u"sessionTokenDurationSpinBox"_s)->setValue(90);
    dialog->accept();
    QCOMPARE(m_settings->expiryWarningMinutes(), 7);
    QCOMPARE(m_settings->sessionTokenDurationSeconds(), 5400);
    // The MFA session token is asked for with the configured lifetime.
    QVERIFY(writeAll(m_config,
        m_configBytes + "\n[profile mfa]\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\nendpoint_url = "
            + m_server->url().toString().toUtf8() + "\n"));
    QVERIFY(writeAll(m_credentials,
        "[mfa]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
    m_store->reload();
    m_prompter.script.append(Core::SecureBytes(QByteArrayLiteral("123456")));
    QVERIFY(assume(u"mfa"_s));
    const QList<RecordedRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.constFirst().formValue("Action"), QByteArray("GetSessionToken"));
    QCOMPARE(requests.constFirst().formValue("DurationSeconds"), QByteArray("5400"));
    QCOMPARE(requests.constFirst().formValue("TokenCode"), QByteArray("123456"));
}

void Tst_Dialogs::autostartAndAboutFromTheMenus()
{
    // The autostart entry goes to $XDG_CONFIG_HOME/autostart: a folder of this test's.
    const QByteArray savedConfigHome = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", m_dir->filePath(u"xdg-config"_s).toUtf8());
    const auto restore = qScopeGuard([&] {
        if (savedConfigHome.isNull())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", savedConfigHome);
    });
    const QString entry = m_dir->filePath(u"xdg-config/autostart/io.github.rolecall.Rolecall.desktop"_s);
    makeWindow();
    const auto openSettings = [this]() -> Ui::SettingsDialog * {
        m_window->dialogs()->settingsAction()->trigger();
        return m_window->findChild<Ui::SettingsDialog *>();
    };
    Ui::SettingsDialog *dialog = openSettings();
    QVERIFY(dialog);
    auto *autostart = dialog->findChild<QCheckBox *>(u"autostartCheckBox"_s);
    QVERIFY(autostart && !autostart->isChecked());
    autostart->setChecked(true);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<Ui::SettingsDialog *>(), kWaitMs); // deleted on close
    const QByteArray written = readAll(entry);
    QVERIFY2(written.contains("Exec=") && written.contains("--minimized"), written.constData());
    // Reopened, the dialog shows it on; off removes the entry.
    dialog = openSettings();
    QVERIFY(dialog->findChild<QCheckBox *>(u"autostartCheckBox"_s)->isChecked());
    dialog->findChild<QCheckBox *>(u"autostartCheckBox"_s)->setChecked(false);
    dialog->accept();
    QVERIFY(!QFile::exists(entry));

    // Help → About Rolecall.
    QAction *about = m_window->dialogs()->aboutAction();
    QVERIFY(about && !about->text().isEmpty());
    about->trigger();
    QVERIFY(m_window->findChild<Ui::AboutDialog *>());
}

void Tst_Dialogs::writeSessionAsAProfileFromTheMenu()
{
    makeWindow();
    m_window->selectProfile(u"admin"_s);
    QAction *write = m_window->dialogs()->writeSessionAction();
    QVERIFY(write);
    // Without a session there is nothing to write: it says so, and asks nothing.
    write->trigger();
    QVERIFY(!m_window->findChild<QInputDialog *>(u"writeSessionDialog"_s));
    QVERIFY(assume(u"admin"_s));
    write->trigger();
    auto *dialog = m_window->findChild<QInputDialog *>(u"writeSessionDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), u"admin-session"_s);
    QVERIFY(dialog->labelText().contains(m_credentials));
    dialog->setTextValue(u"admin-copy"_s);
    dialog->accept();
    const QByteArray written = readAll(m_credentials);
    QVERIFY2(written.startsWith("[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"), written.constData());
    QVERIFY2(written.contains("\n[admin-copy]\naws_access_key_id = ASIA"), written.constData());
    // The store lists it at once.
    QVERIFY(m_store->profile(u"admin-copy"_s));
    // The user's own keys are never overwritten: the error is shown, the file stays.
    write->trigger();
    dialog = m_window->findChild<QInputDialog *>(u"writeSessionDialog"_s);
    QVERIFY(dialog);
    dialog->setTextValue(u"user"_s);
    dialog->accept();
    QCOMPARE(readAll(m_credentials), written);
}

void Tst_Dialogs::settingsFileHoldsNoSecretAfterASession()
{
    // A whole session: assume, copy, open the console, favourites and recents, geometry; then the settings file
    // is scanned for every secret that passed through the app.
    makeWindow();
    m_settings->setFavourite(u"admin"_s, true);
    m_settings->setBrowserCommand({});
    m_settings->setFederationUrl(m_server->url().toString() + u"federation"_s);
    QVERIFY(assume(u"admin"_s));
    m_settings->addRecent(u"admin"_s);
    m_window->copyProfileAsEnv(u"admin"_s);
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"AWS_SESSION_TOKEN"_s));
    m_window->openConsoleFor(u"admin"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, kWaitMs);
    m_window->clipboard()->clearIfOurs();
    m_window.reset(); // saves the geometry
    m_settings->sync();
    const QByteArray bytes = readAll(m_settings->fileName());
    QVERIFY(bytes.contains("admin"));
    QVERIFY(bytes.contains("geometry"));
    const Test::StsFixture fixture;
    for (const QString &secret : {fixture.secretAccessKey, fixture.sessionToken.left(40), fixture.accessKeyId,
             u"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s, u"AKIAIOSFODNN7EXAMPLE"_s,
             QString::fromLatin1(kSigninToken)})
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
}

// --- Profile editor -------------------------------------------------------------------------------

void Tst_Dialogs::profileEditorNamesTheBadFields()
{
    makeWindow();
    m_window->dialogs()->newRoleAction()->trigger();
    auto *dialog = m_window->findChild<Ui::ProfileEditorDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    for (const QString &field : {u"name"_s, u"role_arn"_s, u"source_profile"_s, u"duration_seconds"_s,
             u"role_session_name"_s, u"session_tags"_s, u"endpoint_url"_s})
        QVERIFY2(!dialog->fieldWidget(field)->accessibleName().isEmpty(), qPrintable(field));
    QTest::keyClicks(dialog->fieldWidget(u"name"_s), u"deploy"_s);
    QTest::keyClicks(dialog->fieldWidget(u"role_arn"_s), u"arn:aws:iam:role/Deploy"_s);
    static_cast<QComboBox *>(dialog->fieldWidget(u"source_profile"_s))->setCurrentText(u"user"_s);
    static_cast<QSpinBox *>(dialog->fieldWidget(u"duration_seconds"_s))->setValue(100);
    QTest::keyClicks(dialog->fieldWidget(u"role_session_name"_s), u"my session"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QVERIFY(dialog->isVisible());
    QStringList fields;
    for (const auto &e : dialog->fieldErrors())
        fields.append(e.field);
    QCOMPARE(fields, (QStringList {u"role_arn"_s, u"role_session_name"_s, u"duration_seconds"_s}));
    QVERIFY(dialog->fieldWidget(u"role_arn"_s)->property("invalid").toBool());
    QVERIFY(!dialog->fieldWidget(u"name"_s)->property("invalid").toBool());
    const QString problems = dialog->findChild<QLabel *>(u"errorLabel"_s)->text();
    QVERIFY2(
        problems.contains(u"Role ARN"_s) && problems.contains(u"Session name"_s) && problems.contains(u"Duration"_s),
        qPrintable(problems));
    QVERIFY(!dialog->fieldWidget(u"duration_seconds"_s)->accessibleDescription().isEmpty());
    QCOMPARE(readAll(m_config), m_configBytes);
    dialog->reject();
}

void Tst_Dialogs::profileEditorSavesExactlyTheNewSection()
{
    makeWindow();
    m_window->selectProfile(u"user"_s);
    m_window->dialogs()->newRoleAction()->trigger();
    auto *dialog = m_window->findChild<Ui::ProfileEditorDialog *>();
    QVERIFY(dialog);
    // The selected profile is the suggested source.
    QCOMPARE(static_cast<QComboBox *>(dialog->fieldWidget(u"source_profile"_s))->currentText(), u"user"_s);
    QTest::keyClicks(dialog->fieldWidget(u"name"_s), u"deploy"_s);
    QTest::keyClicks(dialog->fieldWidget(u"role_arn"_s), u"arn:aws:iam::999999999999:role/Deploy"_s);
    static_cast<QSpinBox *>(dialog->fieldWidget(u"duration_seconds"_s))->setValue(1800);
    QTest::keyClicks(dialog->fieldWidget(u"session_tags"_s), u"team=platform, env=prod"_s);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(readAll(m_config),
        m_configBytes
            + "\n[profile deploy]\n"
              "role_arn = arn:aws:iam::999999999999:role/Deploy\n"
              "source_profile = user\n"
              "duration_seconds = 1800\n"
              "session_tags = team=platform,env=prod\n");
    QVERIFY(m_store->profile(u"deploy"_s));
    QTRY_COMPARE(m_window->model()->indexOfProfile(u"deploy"_s).isValid(), true);
}

void Tst_Dialogs::profileEditorEditsAnExistingRole()
{
    makeWindow();
    m_window->selectProfile(u"readonly"_s);
    QTest::keyClick(m_window->findChild<QTreeView *>(u"profileTreeView"_s), Qt::Key_F2);
    auto *dialog = m_window->findChild<Ui::ProfileEditorDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->draft().roleArn, u"arn:aws:iam::123456789012:role/ReadOnly"_s);
    auto *region = static_cast<QLineEdit *>(dialog->fieldWidget(u"region"_s));
    QTest::keyClicks(region, u"eu-north-1"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QByteArray expected = m_configBytes;
    expected.append("region = eu-north-1\n");
    QCOMPARE(readAll(m_config), expected);

    // F2 on a profile that is no role says why instead of opening the editor.
    m_window->selectProfile(u"user"_s);
    QSignalSpy status(m_window->dialogs(), &Ui::DialogActions::statusMessage);
    m_window->dialogs()->editProfileAction()->trigger();
    QCOMPARE(status.count(), 1);
}

// --- Console --------------------------------------------------------------------------------------

void Tst_Dialogs::consoleOpensTheLoginUrl_data()
{
    QTest::addColumn<bool>("fromSettings");
    QTest::addRow("settings override") << true;
    QTest::addRow("ROLECALL_FEDERATION_URL") << false;
}

void Tst_Dialogs::consoleOpensTheLoginUrl()
{
    QFETCH(bool, fromSettings);
    const QString federation = m_server->url().toString() + u"federation"_s;
    if (!fromSettings) {
        m_env.insert(u"ROLECALL_FEDERATION_URL"_s, federation);
        m_sessions = std::make_unique<Core::Controllers::SessionController>(m_store.get(), services());
    }
    makeWindow();
    if (fromSettings)
        m_settings->setFederationUrl(federation);
    m_window->selectProfile(u"admin"_s);
    QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, kWaitMs);
    const QUrl url = m_opened.first();
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.port(), int(m_server->port()));
    QCOMPARE(url.path(), u"/federation"_s);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(u"Action"_s), u"login"_s);
    QCOMPARE(query.queryItemValue(u"SigninToken"_s), QString::fromLatin1(kSigninToken));
    QVERIFY(query.queryItemValue(u"Destination"_s, QUrl::FullyDecoded).startsWith(u"https://"_s));
    QCOMPARE(actions(*m_server), (QStringList {u"AssumeRole"_s, u"getSigninToken"_s}));
    QCOMPARE(
        QUrlQuery(QString::fromLatin1(m_server->request(1).query)).queryItemValue(u"SessionDuration"_s), u"3600"_s);
}

void Tst_Dialogs::browserCommandGetsTheUrl()
{
    makeWindow();
    // A browser stand-in: writes the URL it was given to a file. Double quotes group words (QProcess rules).
    const QString out = m_dir->filePath(u"opened.txt"_s);
    const QString script = m_dir->filePath(u"browser.sh"_s);
    QVERIFY(writeAll(script, "printf %s \"$1\" > \"$2\"\n"));
    m_settings->setFederationUrl(m_server->url().toString() + u"federation"_s);
    m_settings->setBrowserCommand(u"sh \"%1\" %u \"%2\""_s.arg(script, out));
    m_window->openConsoleFor(u"admin"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out) && !readAll(out).isEmpty(), kWaitMs);
    const QUrl url(QString::fromUtf8(readAll(out)));
    QCOMPARE(QUrlQuery(url).queryItemValue(u"SigninToken"_s), QString::fromLatin1(kSigninToken));
    QVERIFY(m_opened.isEmpty()); // the command took it, not the desktop default
}

// --- Tray -----------------------------------------------------------------------------------------

void Tst_Dialogs::trayMenuListsFavouritesRecentsAndSessions()
{
    Ui::TrayIcon tray(false);
    QVERIFY(!tray.isAvailable());
    tray.rebuild({{u"admin"_s}, {u"readonly"_s, u"user"_s}, {{u"admin"_s, 25 * 60}}});
    QMenu *menu = tray.menu();
    for (const QString &name : {u"tray/favourites/admin/assume"_s, u"tray/favourites/admin/copy"_s,
             u"tray/favourites/admin/console"_s, u"tray/recents/readonly/assume"_s, u"tray/recents/user/console"_s,
             u"tray/sessions/admin/forget"_s, u"tray/show"_s, u"tray/quit"_s})
        QVERIFY2(findAction(menu, name), qPrintable(name));
    auto *session = menu->findChild<QMenu *>(u"tray/sessions/admin"_s);
    QVERIFY(session);
    QCOMPARE(session->title(), u"admin — 25 min left"_s);
    tray.rebuild(Ui::TrayContent());
    QVERIFY(!findAction(menu, u"tray/favourites/admin/assume"_s));
    QVERIFY(findAction(menu, u"tray/show"_s));
}

void Tst_Dialogs::trayMenuActionsReachTheController()
{
    makeWindow();
    m_settings->setFederationUrl(m_server->url().toString() + u"federation"_s);
    m_settings->setFavourite(u"admin"_s, true);
    m_settings->addRecent(u"readonly"_s);
    Ui::TrayIcon tray(false);
    tray.connectWindow(m_window.get());
    QMenu *menu = tray.menu();
    QVERIFY(findAction(menu, u"tray/recents/readonly/assume"_s));

    QSignalSpy busy(m_sessions.get(), &Core::Controllers::SessionController::busyChanged);
    findAction(menu, u"tray/favourites/admin/assume"_s)->trigger();
    QVERIFY(!busy.isEmpty());
    QCOMPARE(busy.first().first().toString(), u"admin"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_sessions->hasSession(u"admin"_s), kWaitMs);
    QCOMPARE(actions(*m_server), QStringList {u"AssumeRole"_s});

    tray.rebuild();
    QVERIFY(menu->findChild<QMenu *>(u"tray/sessions/admin"_s));
    QCOMPARE(menu->findChild<QMenu *>(u"tray/sessions/admin"_s)->title(), u"admin — 1 h 00 min left"_s);
    findAction(menu, u"tray/favourites/admin/copy"_s)->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(u"export AWS_ACCESS_KEY_ID="_s));
    QVERIFY(m_window->clipboard()->isArmed());
    m_window->clipboard()->clearIfOurs();

    findAction(menu, u"tray/sessions/admin/console"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, kWaitMs);
    QCOMPARE(QUrlQuery(m_opened.first()).queryItemValue(u"Action"_s), u"login"_s);

    findAction(menu, u"tray/sessions/admin/forget"_s)->trigger();
    QVERIFY(!m_sessions->hasSession(u"admin"_s));

    m_window->hide();
    findAction(menu, u"tray/show"_s)->trigger();
    QVERIFY(m_window->isVisible());
    // Without a tray, closing the window never hides it into one.
    m_settings->setCloseToTray(true);
    QSignalSpy closed(m_window.get(), &Ui::MainWindow::closed);
    m_window->close();
    QCOMPARE(closed.count(), 1);
}

void Tst_Dialogs::systemTrayWhenTheDesktopHasOne()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("This platform has no system tray (offscreen never has one); the menu is tested without it.");
    makeWindow();
    Ui::TrayIcon tray;
    QVERIFY(tray.isAvailable());
    tray.connectWindow(m_window.get());
    m_settings->setCloseToTray(true);
    QSignalSpy closed(m_window.get(), &Ui::MainWindow::closed);
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(closed.count(), 0);
}

// --- Sessions -------------------------------------------------------------------------------------

void Tst_Dialogs::sessionsViewCountsDownAndForgets()
{
    makeWindow();
    QAbstractItemModelTester tester(m_window->sessionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *dock = m_window->findChild<Ui::SessionsDock *>(u"sessionsDock"_s);
    QVERIFY(dock);
    QVERIFY(!dock->accessibleName().isEmpty());
    auto *forget = dock->findChild<QPushButton *>(u"forgetSessionButton"_s);
    QVERIFY(!forget->isEnabled());
    QVERIFY(assume(u"admin"_s));
    QCOMPARE(m_window->sessionsModel()->rowCount(), 1);
    QCOMPARE(dock->currentProfile(), u"admin"_s);
    QVERIFY(forget->isEnabled());
    const auto timeLeft = [this] {
        return m_window->sessionsModel()->index(0, Core::Models::SessionsModel::TimeLeftColumn).data().toString();
    };
    QCOMPARE(timeLeft(), u"1 h 00 min left"_s);
    m_clock->advance(20 * 60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(timeLeft(), u"40 min left"_s, 3000); // the window's one-second tick
    // Delete in the list forgets the session of the row (not the profile selected in the tree).
    m_window->selectProfile(u"user"_s);
    dock->view()->setFocus();
    QTest::keyClick(dock->view(), Qt::Key_Delete);
    QVERIFY(!m_sessions->hasSession(u"admin"_s));
    QVERIFY(assume(u"admin"_s));
    QTest::mouseClick(forget, Qt::LeftButton);
    QVERIFY(!m_sessions->hasSession(u"admin"_s));
    QCOMPARE(m_window->sessionsModel()->rowCount(), 0);
}

void Tst_Dialogs::watcherWarnsBeforeExpiryAndRefreshes()
{
    Core::RefreshScheduler scheduler(m_clock.get());
    Core::Controllers::SessionWatcher watcher(m_sessions.get(), m_store.get(), m_settings.get(), &scheduler);
    m_settings->setExpiryWarningMinutes(10);
    QSignalSpy notify(&watcher, &Core::Controllers::SessionWatcher::notify);
    QVERIFY(assume(u"admin"_s));
    QCOMPARE(m_settings->recents(), QStringList {u"admin"_s});
    QVERIFY(scheduler.isTracked(u"admin"_s));
    QVERIFY(!watcher.autoRefresh(u"admin"_s));
    scheduler.check();
    QCOMPARE(notify.count(), 0);
    m_clock->advance(52 * 60 * 1000);
    scheduler.check();
    QCOMPARE(notify.count(), 1);
    QCOMPARE(notify.first().at(1).toString(), u"admin: 8 min left"_s);

    // Auto-refresh for this session: the scheduler asks, the watcher assumes again, the session is new.
    watcher.setAutoRefresh(u"admin"_s, true);
    QCOMPARE(watcher.autoRefreshProfiles(), QSet<QString> {u"admin"_s});
    const QDateTime before = m_sessions->expiries().value(u"admin"_s);
    scheduler.check();
    QTRY_VERIFY_WITH_TIMEOUT(m_sessions->expiries().value(u"admin"_s) > before, kWaitMs);
    QCOMPARE(actions(*m_server), (QStringList {u"AssumeRole"_s, u"AssumeRole"_s}));
    QVERIFY(watcher.autoRefresh(u"admin"_s));

    m_sessions->forget(u"admin"_s);
    QVERIFY(!scheduler.isTracked(u"admin"_s));
}

// --- Keychain and icons ---------------------------------------------------------------------------

void Tst_Dialogs::everyControlHasAnAccessibleName()
{
    Test::FakeSecretStore secrets;
    Core::Secrets::KeyStore keys(&secrets, m_dir->filePath(u"keychain-profiles.json"_s));
    makeWindow(&keys);
    Ui::SettingsDialog settings(m_settings->values(), true);
    Ui::ProfileEditorDialog editor(m_store.get(), u"admin"_s);
    Ui::AccessKeyDialog accessKey(m_store.get(), m_sessions.get(), u"user"_s);
    Ui::IamUserDialog iamUser(m_store.get(), &keys);
    Ui::ImportKeysDialog importKeys(m_store.get(), &keys, u"user"_s);
    for (QWidget *root : std::initializer_list<QWidget *> {&settings, &editor, &accessKey, &iamUser, &importKeys,
             m_window->findChild<Ui::SessionsDock *>(u"sessionsDock"_s)})
        QVERIFY2(unnamedControls(root).isEmpty(), qPrintable(unnamedControls(root).join(u", "_s)));
}

void Tst_Dialogs::keychainActionsNeedAKeyStore()
{
    makeWindow();
    for (QAction *action : {m_window->dialogs()->addIamUserAction(), m_window->dialogs()->importKeysAction()}) {
        QVERIFY(!action->isEnabled());
        QVERIFY(action->toolTip().contains(u"keychain"_s));
    }
    m_window.reset();
    Test::FakeSecretStore secrets;
    Core::Secrets::KeyStore keys(&secrets, m_dir->filePath(u"keychain-profiles.json"_s));
    makeWindow(&keys);
    QVERIFY(m_window->dialogs()->addIamUserAction()->isEnabled());
    m_window->selectProfile(u"user"_s);
    m_window->dialogs()->importKeysAction()->trigger();
    auto *dialog = m_window->findChild<QDialog *>(u"importKeysDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(u"profileComboBox"_s)->currentText(), u"user"_s);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->findChild<QPushButton *>(u"importButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWaitMs);
    QCOMPARE(readAll(m_credentials),
        QByteArray("[user]\ncredential_process = rolecall-cli credential-process --profile user\n"));
    QCOMPARE(keys.list().value(), QStringList {u"user"_s});
}

void Tst_Dialogs::iconsComeFromTheResources()
{
    if (!QImageReader::supportedImageFormats().contains("svg")) {
        ROLECALL_REQUIRE_OR_SKIP("Qt's SVG image plugin (libqt6svg6) is not installed");
    }
    using Kind = Core::Profiles::Kind;
    for (const Kind kind :
        {Kind::None, Kind::Static, Kind::Role, Kind::CredentialSource, Kind::WebIdentity, Kind::Sso, Kind::Process}) {
        const QIcon icon = Ui::iconForKind(kind);
        QVERIFY(!icon.isNull());
        QVERIFY(!icon.pixmap(16, 16).isNull());
    }
    QVERIFY(!Ui::accountIcon().pixmap(16, 16).isNull());
    const QImage app = Ui::applicationIcon().pixmap(64, 64).toImage();
    QCOMPARE(app.size(), QSize(64, 64));
    QVERIFY(app.pixelColor(32, 4).alpha() > 0); // drawn, not blank
}

QTEST_MAIN(Tst_Dialogs)
#include "tst_dialogs.moc"
