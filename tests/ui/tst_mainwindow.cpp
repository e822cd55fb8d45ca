// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;

class Tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchIsFocusedAtStart();
    void ctrlFFocusesAndSelectsSearch();
};

void Tst_MainWindow::searchIsFocusedAtStart()
{
    Rolecall::Ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *search = window.findChild<QLineEdit *>(u"searchLineEdit"_s);
    QVERIFY(search);
    QTRY_VERIFY(search->hasFocus());
    QVERIFY(!search->accessibleName().isEmpty());
}

void Tst_MainWindow::ctrlFFocusesAndSelectsSearch()
{
    Rolecall::Ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *search = window.findChild<QLineEdit *>(u"searchLineEdit"_s);
    QTest::keyClicks(search, u"prod"_s);
    window.setFocus();
    search->clearFocus();
    QVERIFY(!search->hasFocus());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QCOMPARE(search->selectedText(), u"prod"_s);
}

QTEST_MAIN(Tst_MainWindow)
#include "tst_mainwindow.moc"
