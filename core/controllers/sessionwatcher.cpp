// SPDX-License-Identifier: Apache-2.0
#include "sessionwatcher.h"

#include "credentials/refreshscheduler.h"
#include "models/profiletreemodel.h"
#include "profiles/profilestore.h"
#include "sessioncontroller.h"
#include "settings.h"

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Controllers {

SessionWatcher::SessionWatcher(SessionController *sessions, Profiles::ProfileStore *store, Settings *settings,
    RefreshScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_store(store)
    , m_settings(settings)
    , m_scheduler(scheduler)
{
    connect(m_sessions, &SessionController::sessionChanged, this, &SessionWatcher::onSessionChanged);
    connect(m_sessions, &SessionController::failed, this, [this](const QString &profile, const Error &) {
        if (m_scheduler->pendingPrompt() == profile)
            m_scheduler->promptHandled(profile);
    });
    connect(m_scheduler, &RefreshScheduler::refreshDue, this, &SessionWatcher::refresh);
    connect(m_scheduler, &RefreshScheduler::promptNeeded, this, &SessionWatcher::refresh);
    connect(m_scheduler, &RefreshScheduler::expiringSoon, this, [this](const QString &profile, int secondsLeft) {
        Q_EMIT notify(tr("Session expiring soon"), expiringText(profile, secondsLeft));
    });
    connect(m_scheduler, &RefreshScheduler::expired, this, [this](const QString &profile) {
        Q_EMIT notify(tr("Session expired"), tr("The session of %1 has expired.").arg(profile));
    });
    connect(m_settings, &Settings::changed, this, &SessionWatcher::applySettings);
    applySettings();
}

SessionWatcher::~SessionWatcher() = default;

void SessionWatcher::start()
{
    m_scheduler->start();
}

QString SessionWatcher::expiringText(const QString &profile, qint64 secondsLeft)
{
    return tr("%1: %2").arg(profile, Models::ProfileTreeModel::countdownText(secondsLeft));
}

bool SessionWatcher::autoRefresh(const QString &profile) const
{
    return m_autoRefresh.value(profile, m_settings->autoRefresh());
}

void SessionWatcher::setAutoRefresh(const QString &profile, bool on)
{
    if (autoRefresh(profile) == on)
        return;
    m_autoRefresh.insert(profile, on);
    track(profile);
    Q_EMIT autoRefreshChanged();
}

QSet<QString> SessionWatcher::autoRefreshProfiles() const
{
    QSet<QString> out;
    for (const RefreshScheduler::Session &session : m_scheduler->sessions()) {
        if (session.autoRefresh)
            out.insert(session.profile);
    }
    return out;
}

void SessionWatcher::onSessionChanged(const QString &profile)
{
    if (m_sessions->hasSession(profile))
        m_settings->addRecent(profile);
    else
        m_autoRefresh.remove(profile);
    track(profile);
    if (m_scheduler->pendingPrompt() == profile)
        m_scheduler->promptHandled(profile);
    Q_EMIT autoRefreshChanged();
}

void SessionWatcher::track(const QString &profile)
{
    const QDateTime expiry = m_sessions->hasSession(profile) ? m_sessions->expiries().value(profile) : QDateTime();
    if (!expiry.isValid()) {
        m_scheduler->untrack(profile);
        return;
    }
    const Profiles::ResolvedProfile *resolved = m_store->profile(profile);
    m_scheduler->track(profile, expiry, autoRefresh(profile), resolved && resolved->needsMfa());
}

void SessionWatcher::refresh(const QString &profile)
{
    const Profiles::ResolvedProfile *resolved = m_store->profile(profile);
    if (!resolved) {
        m_scheduler->untrack(profile);
        return;
    }
    m_sessions->assume(profile, m_settings->roleDurationFor(*resolved));
}

void SessionWatcher::applySettings()
{
    m_scheduler->setLeadSeconds(m_settings->expiryWarningMinutes() * 60);
    for (const RefreshScheduler::Session &session : m_scheduler->sessions())
        track(session.profile);
}

} // namespace Rolecall::Core::Controllers
