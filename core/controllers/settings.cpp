// SPDX-License-Identifier: Apache-2.0
#include "settings.h"

#include "sts/stsencoding.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSettings>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Controllers {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Controllers::Settings)
};

const auto kRoleDuration = u"durations/role"_s;
const auto kSessionTokenDuration = u"durations/sessionToken"_s;
const auto kConsoleDuration = u"durations/console"_s;
const auto kClipboardClear = u"clipboard/clearSeconds"_s;
const auto kExpiryWarning = u"sessions/expiryWarningMinutes"_s;
const auto kAutoRefresh = u"sessions/autoRefresh"_s;
const auto kBrowserCommand = u"console/browserCommand"_s;
const auto kFederationUrl = u"console/federationUrl"_s;
const auto kLanguage = u"ui/language"_s;
const auto kCloseToTray = u"ui/closeToTray"_s;
const auto kStartMinimized = u"ui/startMinimized"_s;
const auto kGeometry = u"window/geometry"_s;
const auto kState = u"window/state"_s;
const auto kFavourites = u"profiles/favourites"_s;
const auto kRecents = u"profiles/recents"_s;

int clampedInt(const QVariant &value, int fallback, int min, int max)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    return ok ? std::clamp(number, min, max) : fallback;
}

QStringList cleanNames(const QStringList &names)
{
    QStringList out;
    for (const QString &name : names) {
        if (!name.isEmpty() && !out.contains(name))
            out.append(name);
    }
    return out;
}

bool isRoleKind(Profiles::Kind kind)
{
    return kind == Profiles::Kind::Role || kind == Profiles::Kind::CredentialSource
        || kind == Profiles::Kind::WebIdentity;
}

/// Role credentials assuming another role: AWS caps such sessions (and their console) at an hour.
bool isRoleChained(const Profiles::ResolvedProfile &profile)
{
    int roleSteps = 0;
    for (const Profiles::Step &step : profile.steps) {
        if (step.type == Profiles::Step::Type::AssumeRole || step.type == Profiles::Step::Type::WebIdentity)
            ++roleSteps;
    }
    return roleSteps > 1;
}

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
{ }

Settings::Settings(const QString &fileName, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

std::unique_ptr<Settings> Settings::openDefault(QObject *parent)
{
    auto settings = std::make_unique<Settings>(parent);
    settings->m_settings = std::make_unique<QSettings>();
    return settings;
}

QString Settings::fileName() const
{
    return m_settings ? m_settings->fileName() : QString();
}

void Settings::sync()
{
    if (m_settings)
        m_settings->sync();
}

QVariant Settings::value(const QString &key, const QVariant &fallback) const
{
    if (m_settings)
        return m_settings->value(key, fallback);
    return m_memory.value(key, fallback);
}

bool Settings::store(const QString &key, const QVariant &newValue)
{
    if (value(key, {}) == newValue)
        return false;
    if (m_settings)
        m_settings->setValue(key, newValue);
    else
        m_memory.insert(key, newValue);
    return true;
}

Settings::Values Settings::values() const
{
    Values v;
    v.roleDurationSeconds = roleDurationSeconds();
    v.sessionTokenDurationSeconds = sessionTokenDurationSeconds();
    v.consoleDurationSeconds = consoleDurationSeconds();
    v.clipboardClearSeconds = clipboardClearSeconds();
    v.expiryWarningMinutes = expiryWarningMinutes();
    v.autoRefresh = autoRefresh();
    v.browserCommand = browserCommand();
    v.federationUrl = federationUrl();
    v.language = language();
    v.closeToTray = closeToTray();
    v.startMinimized = startMinimized();
    return v;
}

void Settings::setValues(const Values &v)
{
    QSignalBlocker blocker(this);
    const Values before = values();
    setRoleDurationSeconds(v.roleDurationSeconds);
    setSessionTokenDurationSeconds(v.sessionTokenDurationSeconds);
    setConsoleDurationSeconds(v.consoleDurationSeconds);
    setClipboardClearSeconds(v.clipboardClearSeconds);
    setExpiryWarningMinutes(v.expiryWarningMinutes);
    setAutoRefresh(v.autoRefresh);
    setBrowserCommand(v.browserCommand);
    setFederationUrl(v.federationUrl);
    setLanguage(v.language);
    setCloseToTray(v.closeToTray);
    setStartMinimized(v.startMinimized);
    blocker.unblock();
    if (values() != before)
        Q_EMIT changed();
}

int Settings::roleDurationSeconds() const
{
    return clampedInt(value(kRoleDuration, kDefaultRoleDurationSeconds), kDefaultRoleDurationSeconds,
        Sts::kMinDurationSeconds, Sts::kMaxRoleDurationSeconds);
}

void Settings::setRoleDurationSeconds(int seconds)
{
    if (store(kRoleDuration, std::clamp(seconds, Sts::kMinDurationSeconds, Sts::kMaxRoleDurationSeconds)))
        Q_EMIT changed();
}

int Settings::sessionTokenDurationSeconds() const
{
    return clampedInt(value(kSessionTokenDuration, kDefaultSessionTokenDurationSeconds),
        kDefaultSessionTokenDurationSeconds, Sts::kMinDurationSeconds, Sts::kMaxSessionDurationSeconds);
}

void Settings::setSessionTokenDurationSeconds(int seconds)
{
    if (store(kSessionTokenDuration, std::clamp(seconds, Sts::kMinDurationSeconds, Sts::kMaxSessionDurationSeconds)))
        Q_EMIT changed();
}

int Settings::consoleDurationSeconds() const
{
    return clampedInt(value(kConsoleDuration, kDefaultConsoleDurationSeconds), kDefaultConsoleDurationSeconds,
        Sts::kMinDurationSeconds, Sts::kMaxRoleDurationSeconds);
}

void Settings::setConsoleDurationSeconds(int seconds)
{
    if (store(kConsoleDuration, std::clamp(seconds, Sts::kMinDurationSeconds, Sts::kMaxRoleDurationSeconds)))
        Q_EMIT changed();
}

int Settings::clipboardClearSeconds() const
{
    return clampedInt(value(kClipboardClear, kDefaultClipboardClearSeconds), kDefaultClipboardClearSeconds,
        kMinClipboardClearSeconds, kMaxClipboardClearSeconds);
}

void Settings::setClipboardClearSeconds(int seconds)
{
    if (store(kClipboardClear, std::clamp(seconds, kMinClipboardClearSeconds, kMaxClipboardClearSeconds)))
        Q_EMIT changed();
}

int Settings::expiryWarningMinutes() const
{
    return clampedInt(
        value(kExpiryWarning, kDefaultExpiryWarningMinutes), kDefaultExpiryWarningMinutes, 1, kMaxExpiryWarningMinutes);
}

void Settings::setExpiryWarningMinutes(int minutes)
{
    if (store(kExpiryWarning, std::clamp(minutes, 1, kMaxExpiryWarningMinutes)))
        Q_EMIT changed();
}

bool Settings::autoRefresh() const
{
    return value(kAutoRefresh, false).toBool();
}

void Settings::setAutoRefresh(bool on)
{
    if (store(kAutoRefresh, on))
        Q_EMIT changed();
}

QString Settings::browserCommand() const
{
    return value(kBrowserCommand, QString()).toString();
}

void Settings::setBrowserCommand(const QString &command)
{
    if (store(kBrowserCommand, command.trimmed()))
        Q_EMIT changed();
}

QString Settings::federationUrl() const
{
    return value(kFederationUrl, QString()).toString();
}

void Settings::setFederationUrl(const QString &url)
{
    if (store(kFederationUrl, url.trimmed()))
        Q_EMIT changed();
}

QString Settings::language() const
{
    return value(kLanguage, QString()).toString();
}

void Settings::setLanguage(const QString &code)
{
    if (store(kLanguage, code.trimmed()))
        Q_EMIT changed();
}

bool Settings::closeToTray() const
{
    return value(kCloseToTray, false).toBool();
}

void Settings::setCloseToTray(bool on)
{
    if (store(kCloseToTray, on))
        Q_EMIT changed();
}

bool Settings::startMinimized() const
{
    return value(kStartMinimized, false).toBool();
}

void Settings::setStartMinimized(bool on)
{
    if (store(kStartMinimized, on))
        Q_EMIT changed();
}

QByteArray Settings::windowGeometry() const
{
    return value(kGeometry, QByteArray()).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    store(kGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return value(kState, QByteArray()).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    store(kState, state);
}

QStringList Settings::favourites() const
{
    return cleanNames(value(kFavourites, QStringList()).toStringList());
}

void Settings::setFavourites(const QStringList &names)
{
    if (store(kFavourites, cleanNames(names)))
        Q_EMIT favouritesChanged();
}

void Settings::setFavourite(const QString &name, bool favourite)
{
    QStringList names = favourites();
    if (favourite && !names.contains(name))
        names.append(name);
    else if (!favourite)
        names.removeAll(name);
    setFavourites(names);
}

QStringList Settings::recents() const
{
    return cleanNames(value(kRecents, QStringList()).toStringList()).mid(0, kMaxRecents);
}

void Settings::addRecent(const QString &name)
{
    if (name.isEmpty())
        return;
    QStringList names = recents();
    names.removeAll(name);
    names.prepend(name);
    if (store(kRecents, names.mid(0, kMaxRecents)))
        Q_EMIT recentsChanged();
}

void Settings::clearRecents()
{
    if (store(kRecents, QStringList()))
        Q_EMIT recentsChanged();
}

std::optional<int> Settings::roleDurationFor(const Profiles::ResolvedProfile &profile) const
{
    if (!isRoleKind(profile.kind) || profile.durationSeconds)
        return std::nullopt;
    const int seconds = roleDurationSeconds();
    return isRoleChained(profile) ? std::min(seconds, Sts::kRoleChainingMaxSeconds) : seconds;
}

int Settings::consoleDurationFor(const Profiles::ResolvedProfile &profile) const
{
    const int seconds = consoleDurationSeconds();
    return isRoleChained(profile) ? std::min(seconds, Sts::kRoleChainingMaxSeconds) : seconds;
}

QString Settings::federationUrlProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Tr::tr("The federation endpoint must be a full URL, such as https://signin.aws.amazon.com/federation.");
    if (url.scheme() == u"https"_s)
        return {};
    const QHostAddress address(url.host());
    const bool loopback = url.host() == u"localhost"_s || (!address.isNull() && address.isLoopback());
    if (url.scheme() == u"http"_s && loopback)
        return {};
    return Tr::tr("The federation endpoint must use https (plain http only for 127.0.0.1 or localhost).");
}

} // namespace Rolecall::Core::Controllers
