// SPDX-License-Identifier: Apache-2.0
#include "clipboard.h"
#include "detailspane.h"
#include "mainwindow.h"

#include "controllers/sessioncontroller.h"
#include "models/profiletreemodel.h"
#include "profiles/profilestore.h"
#include "util/clock.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Rolecall;

namespace {

const QByteArray kConfig = R"([profile user]
mfa_serial = arn:aws:iam::111111111111:mfa/alice

[profile acme-prod-admin]
role_arn = arn:aws:iam::222222222222:role/Admin
source_profile = user
region = us-east-1

[profile acme-dev-admin]
role_arn = arn:aws:iam::333333333333:role/Admin
source_profile = user
)";

} // namespace

class Tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void searchIsFocusedAtStart();
    void ctrlFFocusesAndSelectsSearch();
    void typingAnAccountIdSelectsItsRole();
    void searchShowsAFlatRankedList();
    void menusInConventionalOrder();
    void detailsShowTheChain();
    void secretCopiesAreClearedWhenUnchanged();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Core::Profiles::ProfileStore> m_store;
    std::unique_ptr<Core::Controllers::SessionController> m_sessions;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void Tst_MainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QFile config(m_dir->filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(kConfig);
    config.close();
    QFile credentials(m_dir->filePath(u"credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[user]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    credentials.close();
    m_clock = std::make_unique<Core::ManualClock>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_store = std::make_unique<Core::Profiles::ProfileStore>(
        Core::Config::ConfigPaths {m_dir->filePath(u"config"_s), m_dir->filePath(u"credentials"_s)}, u"test"_s);
    m_store->reload();
    Core::CredentialServices services;
    services.network = m_network.get();
    services.clock = m_clock.get();
    m_sessions = std::make_unique<Core::Controllers::SessionController>(m_store.get(), services);
    m_window = std::make_unique<Ui::MainWindow>(m_store.get(), m_sessions.get(), m_clock.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void Tst_MainWindow::cleanup()
{
    m_window.reset();
    m_sessions.reset();
    m_store.reset();
}

void Tst_MainWindow::searchIsFocusedAtStart()
{
    auto *search = m_window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    QVERIFY(search);
    QTRY_VERIFY(search->hasFocus());
    QVERIFY(!search->accessibleName().isEmpty());
}

void Tst_MainWindow::ctrlFFocusesAndSelectsSearch()
{
    auto *search = m_window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    QTest::keyClicks(search, u"prod"_s);
    auto *tree = m_window->findChild<QTreeView *>(u"profileTreeView"_s);
    tree->setFocus();
    QTRY_VERIFY(!search->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QCOMPARE(search->selectedText(), u"prod"_s);
}

void Tst_MainWindow::typingAnAccountIdSelectsItsRole()
{
    auto *search = m_window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    auto *tree = m_window->findChild<QTreeView *>(u"profileTreeView"_s);
    QTest::keyClicks(search, u"3333"_s);
    QCOMPARE(m_window->model()->visibleProfileCount(), 1);
    QCOMPARE(
        tree->currentIndex().data(Core::Models::ProfileTreeModel::ProfileNameRole).toString(), u"acme-dev-admin"_s);
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QCOMPARE(
        tree->currentIndex().data(Core::Models::ProfileTreeModel::ProfileNameRole).toString(), u"acme-dev-admin"_s);
    QVERIFY(tree->selectionModel()->isSelected(tree->currentIndex()));
}

void Tst_MainWindow::searchShowsAFlatRankedList()
{
    using Model = Core::Models::ProfileTreeModel;
    auto *search = m_window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    auto *tree = m_window->findChild<QTreeView *>(u"profileTreeView"_s);
    auto *pane = m_window->findChild<Ui::DetailsPane *>(u"detailsPane"_s);
    // The grouped tree, expanded, without the account column.
    QVERIFY(!m_window->model()->isFlat());
    QVERIFY(tree->isColumnHidden(Model::AccountColumn));
    QVERIFY(tree->rootIsDecorated());
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        QVERIFY(tree->isExpanded(m_window->model()->index(row, 0)));

    // "admin" ranks the two admins of two accounts in one list, with their accounts; the best is selected.
    QTest::keyClicks(search, u"admin"_s);
    QVERIFY(m_window->model()->isFlat());
    QCOMPARE(m_window->model()->rowCount(), 2);
    QVERIFY(!tree->isColumnHidden(Model::AccountColumn));
    QVERIFY(!tree->rootIsDecorated());
    QVERIFY(tree->header()->sectionSize(Model::AccountColumn) > 0);
    const QModelIndex best = tree->currentIndex();
    QCOMPARE(best.row(), 0);
    QVERIFY(!best.parent().isValid());
    QCOMPARE(best.data(Model::ProfileNameRole).toString(), u"acme-dev-admin"_s); // equal scores: by name
    QCOMPARE(best.siblingAtColumn(Model::AccountColumn).data().toString(), u"333333333333"_s);
    QCOMPARE(m_window->model()->index(1, Model::AccountColumn).data().toString(), u"222222222222"_s);
    QVERIFY(tree->selectionModel()->isSelected(best));
    QTRY_COMPARE(pane->profileName(), u"acme-dev-admin"_s);
    QLabel *count = nullptr;
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        count = label->text().endsWith(u"profile(s)"_s) ? label : count;
    QVERIFY(count);
    QCOMPARE(count->text(), u"2 profile(s)"_s);

    // Down walks into the results; Down again selects the next one.
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY(tree->hasFocus());
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(tree->currentIndex().data(Model::ProfileNameRole).toString(), u"acme-prod-admin"_s);
    QTRY_COMPARE(pane->profileName(), u"acme-prod-admin"_s);

    // The next keystroke selects its best match again.
    search->setFocus();
    QTest::keyClicks(search, u" prod"_s);
    QCOMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(tree->currentIndex().data(Model::ProfileNameRole).toString(), u"acme-prod-admin"_s);

    // Clearing the search brings the expanded tree back.
    search->clear();
    QVERIFY(!m_window->model()->isFlat());
    QVERIFY(tree->isColumnHidden(Model::AccountColumn));
    QVERIFY(tree->rootIsDecorated());
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        QVERIFY(tree->isExpanded(m_window->model()->index(row, 0)));
    QVERIFY(tree->currentIndex().parent().isValid());
    QCOMPARE(count->text(), u"3 profile(s)"_s);
}

void Tst_MainWindow::menusInConventionalOrder()
{
    QStringList titles;
    for (QAction *menu : m_window->menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles, (QStringList {u"&File"_s, u"&Profile"_s, u"&View"_s, u"&Tools"_s, u"&Help"_s}));
}

void Tst_MainWindow::detailsShowTheChain()
{
    auto *search = m_window->findChild<QLineEdit *>(u"searchLineEdit"_s);
    QTest::keyClicks(search, u"acme-prod"_s);
    auto *pane = m_window->findChild<Ui::DetailsPane *>(u"detailsPane"_s);
    QTRY_COMPARE(pane->profileName(), u"acme-prod-admin"_s);
    const QString chain = pane->findChild<QLabel *>(u"chainLabel"_s)->text();
    QVERIFY2(chain.contains(u"Session token with MFA"_s), qPrintable(chain));
    QVERIFY2(chain.contains(u"arn:aws:iam::222222222222:role/Admin"_s), qPrintable(chain));
    QCOMPARE(pane->findChild<QLabel *>(u"sessionLabel"_s)->text(), u"No active session"_s);
}

void Tst_MainWindow::secretCopiesAreClearedWhenUnchanged()
{
    Ui::Clipboard *clipboard = m_window->clipboard();
    clipboard->setClearDelay(1);
    clipboard->copySecret("export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'");
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"wJalrXUtnFEMI"_s));
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(u"x-kde-passwordManagerHint"_s));
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);

    // Something else copied meanwhile is left alone.
    clipboard->copySecret("secret-two-EXAMPLE");
    QGuiApplication::clipboard()->setText(u"the user's own text"_s);
    clipboard->clearIfOurs();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"the user's own text"_s);
}

QTEST_MAIN(Tst_MainWindow)
#include "tst_mainwindow.moc"
