// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace Rolecall::Ui {

/**
 * Puts secrets on the clipboard the careful way (KeePassXC's approach): with the hints that tell
 * clipboard managers not to record them (x-kde-passwordManagerHint, ExcludeClipboardContentFromMonitorProcessing),
 * and clears them after a delay and when the app quits — but only if the clipboard still holds
 * what we put there.
 */
class Clipboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Clipboard)

public:
    explicit Clipboard(QObject *parent = nullptr);
    ~Clipboard() override;

    void setClearDelay(int seconds) { m_delaySeconds = seconds; }
    int clearDelay() const { return m_delaySeconds; }
    /// Copies @p text (secret: wiped from our memory once copied) and arms the clear timer.
    void copySecret(QByteArray text);
    /// Copies non-secret text (no timer).
    void copyText(const QString &text);
    /// Clears now if the clipboard still holds our secret.
    void clearIfOurs();
    bool isArmed() const { return m_timer.isActive(); }

Q_SIGNALS:
    void cleared();

private:
    QTimer m_timer;
    QByteArray m_fingerprint; // SHA-256 of what we copied, never the text itself
    int m_delaySeconds = 30;
};

} // namespace Rolecall::Ui
