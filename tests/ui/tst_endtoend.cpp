// SPDX-License-Identifier: Apache-2.0
// The desktop app end to end, offscreen: the same object graph main() builds (Gui::DesktopApp) over a temporary
// HOME whose ~/.aws/config holds a role with mfa_serial, its source profile holding the keys of an IAM user moto
// issued, and STS pointed at moto through AWS_ENDPOINT_URL_STS. Driven with keyboard events like a user: search,
// Enter, the MFA dialog, six digits, the session with its countdown, copy as fish, the clipboard cleared.
//
// moto runs with Auth::Off here: moto 5 does not know the session GetSessionToken returns, so it would refuse the
// AssumeRole signed with it (tst_credentialflow checks signatures and trust policies with static keys).
#include "clipboard.h"
#include "desktopapp.h"
#include "detailspane.h"
#include "mainwindow.h"
#include "mfadialog.h"

#include "motoserver.h"
#include "testenv.h"

#include "controllers/sessioncontroller.h"
#include "controllers/settings.h"
#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Rolecall;
using Rolecall::Test::MotoServer;

namespace {

constexpr int kWaitMs = 30000;
const auto kProfile = "acme-prod-admin"_L1;
const auto kDevice = "rolecall-e2e"_L1;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The visible MFA dialog among the top-level widgets, or null.
Ui::MfaDialog *visibleMfaDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<Ui::MfaDialog *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

#define REQUIRE_MOTO()                                                                                                 \
    do {                                                                                                               \
        if (!m_motoError.isEmpty()) {                                                                                  \
            qWarning("moto: %s", qPrintable(m_motoError));                                                             \
            ROLECALL_REQUIRE_OR_SKIP("moto (python3 -m moto.server) could not be started");                            \
        }                                                                                                              \
    } while (false)

class Tst_EndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void searchAssumeWithMfaCopyAsFishAndClear();

private:
    MotoServer m_moto;
    QString m_motoError;
    QString m_mfaSerial;
    Test::MotoRole m_role;
};

void Tst_EndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_motoError = m_moto.start(MotoServer::Auth::Off);
    if (!m_motoError.isEmpty())
        return;
    // A real role and a real virtual MFA device enabled for the user whose keys the profile holds.
    const QString trust = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",)"
                          uR"("Principal":{"AWS":"%1"}}]})"_s.arg(m_moto.admin().arn);
    m_motoError = m_moto.createRole(u"rc-e2e-admin"_s, trust, MotoServer::allowAllPolicy(), &m_role);
    if (!m_motoError.isEmpty())
        return;
    const Test::MotoReply device
        = m_moto.iam({{"Action", "CreateVirtualMFADevice"}, {"VirtualMFADeviceName", QByteArray(kDevice.data())}});
    m_mfaSerial = MotoServer::xmlText(device.body, u"SerialNumber");
    if (!device.ok() || m_mfaSerial.isEmpty()) {
        m_motoError = u"CreateVirtualMFADevice: "_s + device.describe();
        return;
    }
    const Test::MotoReply enable = m_moto.iam({{"Action", "EnableMFADevice"},
        {"UserName", m_moto.admin().userName.toUtf8()}, {"SerialNumber", m_mfaSerial.toUtf8()},
        {"AuthenticationCode1", "123456"}, {"AuthenticationCode2", "654321"}});
    if (!enable.ok())
        m_motoError = u"EnableMFADevice: "_s + enable.describe();
}

void Tst_EndToEnd::cleanup()
{
    if (QTest::currentTestFailed() && m_moto.isRunning())
        qInfo("moto's recent output:\n%s", qPrintable(m_moto.output().right(2000)));
}

void Tst_EndToEnd::searchAssumeWithMfaCopyAsFishAndClear()
{
    REQUIRE_MOTO();
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray config = "[default]\nregion = us-east-1\n\n"
                              "[profile alice]\nregion = us-east-1\n\n"
                              "[profile acme-prod-admin]\n"
                              "role_arn = "
        + m_role.arn.toUtf8()
        + "\nsource_profile = alice\n"
          "mfa_serial = "
        + m_mfaSerial.toUtf8()
        + "\nrole_session_name = rc-e2e\n"
          "region = us-east-1\n\n"
          "[profile globex-dev-readonly]\n"
          "role_arn = arn:aws:iam::210987654321:role/ReadOnly\n"
          "source_profile = alice\n"
          "region = eu-west-1\n";
    QVERIFY(writeFile(home.filePath(u".aws/config"_s), config));
    QVERIFY(writeFile(home.filePath(u".aws/credentials"_s),
        "[alice]\naws_access_key_id = " + m_moto.admin().accessKeyId.toUtf8()
            + "\naws_secret_access_key = " + m_moto.admin().secretAccessKey.toUtf8() + "\n"));
    QProcessEnvironment environment = Test::cleanEnvironment(home.path());
    environment.insert(u"AWS_ENDPOINT_URL_STS"_s, m_moto.url().toString());
    environment.insert(u"ROLECALL_SECRET_STORE"_s, u"memory"_s);

    Core::Controllers::Settings settings(home.filePath(u"settings.conf"_s));
    settings.setClipboardClearSeconds(Core::Controllers::Settings::kMinClipboardClearSeconds);
    Gui::DesktopApp app(environment, &settings);
    Ui::MainWindow *window = app.window();
    // Every model the app has, checked while the whole flow below runs over it.
    QAbstractItemModelTester profilesTester(window->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sessionsTester(
        window->sessionsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    app.start();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->clipboard()->clearDelay(), Core::Controllers::Settings::kMinClipboardClearSeconds);

    // Part of the account id selects the role.
    auto *search = window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    auto *tree = window->findChild<QTreeView *>(u"profileTreeView"_s);
    QVERIFY(search && tree);
    QTRY_VERIFY_WITH_TIMEOUT(search->hasFocus(), kWaitMs);
    QTest::keyClicks(search, MotoServer::kAccountId.left(6).toString());
    QCOMPARE(window->model()->visibleProfileCount(), 1);
    QCOMPARE(tree->currentIndex().data(Core::Models::ProfileTreeModel::ProfileNameRole).toString(), kProfile);
    auto *pane = window->findChild<Ui::DetailsPane *>(u"detailsPane"_s);
    QTRY_COMPARE_WITH_TIMEOUT(pane->profileName(), kProfile, kWaitMs);

    // Enter assumes; the MFA dialog names the profile and the device, and takes six digits.
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(visibleMfaDialog(), kWaitMs);
    Ui::MfaDialog *dialog = visibleMfaDialog();
    QVERIFY(dialog->isWindow());
    const QString prompt = dialog->findChild<QLabel *>(u"messageLabel"_s)->text();
    QVERIFY2(prompt.contains(kProfile) && prompt.contains(m_mfaSerial), qPrintable(prompt));
    auto *code = dialog->findChild<QLineEdit *>(u"codeLineEdit"_s);
    QVERIFY(code);
    QTRY_VERIFY_WITH_TIMEOUT(code->isEnabled(), kWaitMs);
    QTest::keyClicks(code, u"123456"_s); // moto accepts any code; the sixth digit submits
    QTRY_VERIFY_WITH_TIMEOUT(!visibleMfaDialog(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(app.sessions()->hasSession(kProfile), kWaitMs);

    // moto saw the AssumeRole of that role.
    const QJsonArray assumed = m_moto.modelData().value(u"sts"_s).toObject().value(u"AssumedRole"_s).toArray();
    QVERIFY2(
        std::any_of(assumed.cbegin(), assumed.cend(),
            [this](const QJsonValue &role) { return role.toObject().value(u"role_arn"_s).toString() == m_role.arn; }),
        qPrintable(QString::fromUtf8(QJsonDocument(assumed).toJson())));

    // The session with its countdown: in the Sessions view, the tree's badge and the details pane.
    static const QRegularExpression countdown(u"^(\\d+ min|1 h \\d\\d min) left$"_s);
    Core::Models::SessionsModel *sessions = window->sessionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->rowCount(), 1, kWaitMs);
    QCOMPARE(sessions->index(0, Core::Models::SessionsModel::ProfileColumn).data().toString(), kProfile);
    const QString left = sessions->index(0, Core::Models::SessionsModel::TimeLeftColumn).data().toString();
    QVERIFY2(countdown.match(left).hasMatch(), qPrintable(left));
    const QString badge
        = window->model()->indexOfProfile(kProfile, Core::Models::ProfileTreeModel::StatusColumn).data().toString();
    QVERIFY2(countdown.match(badge).hasMatch(), qPrintable(badge));
    auto *state = pane->findChild<QLabel *>(u"sessionLabel"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(state->text().startsWith(u"Session active: "_s), qPrintable(state->text()), kWaitMs);
    QVERIFY2(countdown.match(state->text().mid(16)).hasMatch(), qPrintable(state->text()));

    // Copy as fish: temporary keys (ASIA…) with the token, on the clipboard marked secret…
    auto *fish = window->findChild<QAction *>(u"copy_fishAction"_s);
    QVERIFY(fish);
    fish->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(u"set -gx AWS_ACCESS_KEY_ID 'ASIA"_s), qPrintable(copied.left(40)));
    QVERIFY(copied.contains(u"\nset -gx AWS_SECRET_ACCESS_KEY '"_s));
    QVERIFY(copied.contains(u"\nset -gx AWS_SESSION_TOKEN '"_s));
    QVERIFY(!copied.contains(m_moto.admin().accessKeyId)); // the session's keys, not the user's
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(u"x-kde-passwordManagerHint"_s));
    QVERIFY(window->clipboard()->isArmed());

    // …and gone after the delay from the settings.
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(),
        (Core::Controllers::Settings::kMinClipboardClearSeconds + 5) * 1000);
    QVERIFY(!window->clipboard()->isArmed());
}

QTEST_MAIN(Tst_EndToEnd)
#include "tst_endtoend.moc"
