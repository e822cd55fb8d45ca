// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

namespace Rolecall::Core {
class RefreshScheduler;
namespace Profiles {
class ProfileStore;
}
} // namespace Rolecall::Core

namespace Rolecall::Core::Controllers {

class SessionController;
class Settings;

/**
 * Keeps an eye on the active sessions for the desktop app (QtCore only): every session the
 * SessionController gets is tracked by the RefreshScheduler, remembered as a recent profile (names
 * only, in Settings), warned about shortly before it expires (notify()), and — when auto-refresh is on
 * for it — assumed again in time: silently where no MFA is needed, one MFA prompt at a time where it is.
 *
 * Auto-refresh starts as Settings::autoRefresh() says and can be switched per session.
 * The warning lead follows Settings::expiryWarningMinutes().
 */
class SessionWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionWatcher)

public:
    /// Everything must outlive the watcher.
    SessionWatcher(SessionController *sessions, Profiles::ProfileStore *store, Settings *settings,
        RefreshScheduler *scheduler, QObject *parent = nullptr);
    ~SessionWatcher() override;

    /// Starts the scheduler's tick.
    void start();

    bool autoRefresh(const QString &profile) const;
    void setAutoRefresh(const QString &profile, bool on);
    /// The profiles with a session that refreshes by itself.
    QSet<QString> autoRefreshProfiles() const;

    /// "acme-prod: 9 min left" — the text of the expiry warning.
    static QString expiringText(const QString &profile, qint64 secondsLeft);

Q_SIGNALS:
    /// A desktop notification to show (the tray's message, or the status bar without a tray).
    void notify(const QString &title, const QString &message);
    void autoRefreshChanged();

private:
    void onSessionChanged(const QString &profile);
    void refresh(const QString &profile);
    void track(const QString &profile);
    void applySettings();

    SessionController *m_sessions;
    Profiles::ProfileStore *m_store;
    Settings *m_settings;
    RefreshScheduler *m_scheduler;
    QHash<QString, bool> m_autoRefresh; ///< per-session choices that differ from the default
};

} // namespace Rolecall::Core::Controllers
