// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/profile.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QVariantHash>

#include <memory>
#include <optional>

class QSettings;

namespace Rolecall::Core::Controllers {

/**
 * The desktop app's preferences, typed, with their defaults, over QSettings (QtCore only).
 *
 * Never a secret: durations, delays, flags, a browser command, a URL, the window's geometry, and
 * favourites and recents as profile *names*. Credentials, MFA codes and sign-in URLs stay in memory.
 *
 * Three backings: openDefault() is the platform's QSettings for the organisation and application
 * names (`~/.config/Rolecall/Rolecall.conf` on Linux); a file name gives an INI file (tests); the
 * default constructor keeps everything in memory (nothing persists — tests and embedders that do not
 * want the user's file touched).
 *
 * Setters clamp to the documented limits and emit changed() when a value really changes.
 */
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr int kDefaultRoleDurationSeconds = 3600;
    static constexpr int kDefaultSessionTokenDurationSeconds = 43200;
    static constexpr int kDefaultConsoleDurationSeconds = 3600;
    static constexpr int kDefaultClipboardClearSeconds = 30;
    static constexpr int kMinClipboardClearSeconds = 5;
    static constexpr int kMaxClipboardClearSeconds = 3600;
    static constexpr int kDefaultExpiryWarningMinutes = 10;
    static constexpr int kMaxExpiryWarningMinutes = 120;
    static constexpr int kMaxRecents = 10;

    /// Everything the settings dialog edits, as one plain value (the dialog returns one of these).
    struct Values
    {
        int roleDurationSeconds = kDefaultRoleDurationSeconds;
        int sessionTokenDurationSeconds = kDefaultSessionTokenDurationSeconds;
        int consoleDurationSeconds = kDefaultConsoleDurationSeconds;
        int clipboardClearSeconds = kDefaultClipboardClearSeconds;
        int expiryWarningMinutes = kDefaultExpiryWarningMinutes;
        bool autoRefresh = false;
        QString browserCommand; ///< with %u for the URL; empty: the desktop's default browser
        QString federationUrl; ///< empty: the partition's federation endpoint
        QString language; ///< "de", "fr", "en"; empty: the system's
        bool closeToTray = false;
        bool startMinimized = false;

        bool operator==(const Values &other) const = default;
    };

    /// In memory only: nothing is read or written.
    explicit Settings(QObject *parent = nullptr);
    /// An INI file at @p fileName.
    explicit Settings(const QString &fileName, QObject *parent = nullptr);
    ~Settings() override;
    /// The platform's settings for the application (QCoreApplication's organisation and name).
    static std::unique_ptr<Settings> openDefault(QObject *parent = nullptr);

    /// Where the settings live; empty in memory.
    QString fileName() const;
    bool isPersistent() const { return m_settings != nullptr; }
    void sync();

    Values values() const;
    void setValues(const Values &values);

    int roleDurationSeconds() const;
    void setRoleDurationSeconds(int seconds);
    int sessionTokenDurationSeconds() const;
    void setSessionTokenDurationSeconds(int seconds);
    int consoleDurationSeconds() const;
    void setConsoleDurationSeconds(int seconds);
    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);
    int expiryWarningMinutes() const;
    void setExpiryWarningMinutes(int minutes);
    bool autoRefresh() const;
    void setAutoRefresh(bool on);
    QString browserCommand() const;
    void setBrowserCommand(const QString &command);
    QString federationUrl() const;
    void setFederationUrl(const QString &url);
    QString language() const;
    void setLanguage(const QString &code);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool startMinimized() const;
    void setStartMinimized(bool on);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Profile names, in the order the user starred them.
    QStringList favourites() const;
    void setFavourites(const QStringList &names);
    bool isFavourite(const QString &name) const { return favourites().contains(name); }
    void setFavourite(const QString &name, bool favourite);
    /// The last profiles assumed, newest first, at most kMaxRecents names.
    QStringList recents() const;
    void addRecent(const QString &name);
    void clearRecents();

    /**
     * The duration to ask for when assuming @p profile: the default role duration for a role whose
     * profile does not set duration_seconds; nothing otherwise (the profile's own value, or what the
     * chain's first step asks for, wins).
     */
    std::optional<int> roleDurationFor(const Profiles::ResolvedProfile &profile) const;
    /// The console session duration for @p profile: the setting, at most an hour when roles are chained.
    int consoleDurationFor(const Profiles::ResolvedProfile &profile) const;
    /// Checks a federation URL override: empty, or https (http only for loopback hosts). Empty string: fine.
    static QString federationUrlProblem(const QString &url);

Q_SIGNALS:
    /// Any setting of Values changed.
    void changed();
    void favouritesChanged();
    void recentsChanged();

private:
    QVariant value(const QString &key, const QVariant &fallback) const;
    /// True when the value changed.
    bool store(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
    QVariantHash m_memory;
};

} // namespace Rolecall::Core::Controllers
