// SPDX-License-Identifier: Apache-2.0
#pragma once

// Header-only on purpose: usable by any test without touching the support library's sources.

#include "credentials/mfabroker.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QTimer>

#include <functional>
#include <utility>

namespace Rolecall::Test {

/**
 * An MfaPrompter for tests, standing in for the desktop dialog: records every prompt (with the request it
 * was shown), answers from a script on a later turn, or keeps the prompt open until the test answers.
 */
class ScriptedMfaPrompter final : public Core::MfaPrompter
{
public:
    void prompt(const Core::MfaRequest &request, std::function<void(Core::Result<Core::SecureBytes>)> done) override
    {
        requests.append(request);
        if (script.isEmpty()) {
            pending = std::move(done);
            return;
        }
        const Core::Result<Core::SecureBytes> answer = script.takeFirst();
        QTimer::singleShot(0, QCoreApplication::instance(), [done, answer] { done(answer); });
    }

    void cancel() override
    {
        ++cancels;
        if (auto done = std::exchange(pending, nullptr))
            done(Core::Error::cancelled(QStringLiteral("test prompt")));
    }

    void waiting(const Core::MfaRequest &request, int secondsLeft) override
    {
        waits.append({request.serialNumber, secondsLeft});
    }

    bool isOpen() const { return bool(pending); }

    /// Answers the open prompt (as the user would).
    void answer(const QByteArray &code)
    {
        if (auto done = std::exchange(pending, nullptr))
            done(Core::SecureBytes(code));
    }
    /// The user closed the prompt.
    void dismiss()
    {
        if (auto done = std::exchange(pending, nullptr))
            done(Core::Error::cancelled(QStringLiteral("test prompt")));
    }

    QList<Core::MfaRequest> requests;
    QList<Core::Result<Core::SecureBytes>> script;
    std::function<void(Core::Result<Core::SecureBytes>)> pending;
    QList<std::pair<QString, int>> waits;
    int cancels = 0;
};

} // namespace Rolecall::Test
