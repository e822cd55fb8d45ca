// SPDX-License-Identifier: Apache-2.0
#pragma once

// Header-only on purpose: usable by any test without touching the support library's sources.

#include "secrets/secretstore.h"
#include "util/error.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace Rolecall::Test {

/**
 * An in-memory SecretStore for tests, keeping the interface's promises (answers on a later event-loop turn,
 * never to a destroyed context) and letting a test look inside, count calls, make it fail or make it silent
 * (a keychain whose unlock prompt nobody answers).
 */
class FakeSecretStore final : public Core::Secrets::SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadDone done) override
    {
        ++reads;
        if (silent)
            return;
        if (failing) {
            later(context, [done] { done(failure()); });
            return;
        }
        std::optional<Core::SecureBytes> value;
        if (const auto found = entries.constFind(key); found != entries.cend())
            value = *found;
        later(context, [done, value] { done(value); });
    }

    void write(const QString &key, const Core::SecureBytes &value, QObject *context, Done done) override
    {
        ++writes;
        if (silent)
            return;
        if (failing) {
            later(context, [done] { done(failure()); });
            return;
        }
        entries.insert(key, value);
        later(context, [done] { done({}); });
    }

    void remove(const QString &key, QObject *context, Done done) override
    {
        ++removes;
        if (silent)
            return;
        if (failing) {
            later(context, [done] { done(failure()); });
            return;
        }
        entries.remove(key);
        later(context, [done] { done({}); });
    }

    QString backendName() const override { return QStringLiteral("test memory"); }
    bool isPersistent() const override { return true; }

    /// Everything stored, as the keychain would hold it.
    QHash<QString, Core::SecureBytes> entries;
    int reads = 0;
    int writes = 0;
    int removes = 0;
    /// Every call answers a Keychain error.
    bool failing = false;
    /// No call ever answers.
    bool silent = false;

private:
    static Core::Error failure()
    {
        return Core::Error::keychain(QStringLiteral("The test keychain is locked."), QStringLiteral("test keychain"));
    }
    static void later(QObject *context, std::function<void()> call) { QTimer::singleShot(0, context, std::move(call)); }
};

} // namespace Rolecall::Test
