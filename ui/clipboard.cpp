// SPDX-License-Identifier: Apache-2.0
#include "clipboard.h"

#include "util/securebytes.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Rolecall::Ui {

namespace {
QByteArray fingerprint(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

Clipboard::Clipboard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Clipboard::clearIfOurs);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &Clipboard::clearIfOurs);
}

Clipboard::~Clipboard()
{
    clearIfOurs();
}

void Clipboard::copySecret(QByteArray text)
{
    auto *mime = new QMimeData;
    QString asText = QString::fromUtf8(text);
    Core::secureWipe(text);
    mime->setText(asText);
    // KDE Klipper and others skip entries marked as secret; Windows' clipboard history skips this format.
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
    mime->setData(u"ExcludeClipboardContentFromMonitorProcessing"_s, QByteArrayLiteral("1"));
    m_fingerprint = fingerprint(asText);
    Core::secureWipe(asText);
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    if (m_delaySeconds > 0)
        m_timer.start(m_delaySeconds * 1000);
}

void Clipboard::copyText(const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
}

void Clipboard::clearIfOurs()
{
    m_timer.stop();
    if (m_fingerprint.isEmpty() || !QGuiApplication::instance())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (fingerprint(clipboard->text()) == m_fingerprint) {
        clipboard->clear(QClipboard::Clipboard);
        Q_EMIT cleared();
    }
    m_fingerprint.clear();
}

} // namespace Rolecall::Ui
