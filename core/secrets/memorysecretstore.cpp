// SPDX-License-Identifier: Apache-2.0
#include "memorysecretstore.h"

#include <QMetaObject>

#include <algorithm>

namespace Rolecall::Core::Secrets {

namespace {

// Every answer goes through the context's event loop, never from inside the call.
template<typename Answer>
void answerLater(QObject *context, Answer answer)
{
    QMetaObject::invokeMethod(context, std::move(answer), Qt::QueuedConnection);
}

} // namespace

MemorySecretStore::~MemorySecretStore()
{
    for (SecureBytes &value : m_values)
        value.clear();
}

QString MemorySecretStore::backendName() const
{
    return tr("memory only");
}

void MemorySecretStore::failNextCall(const Error &error, const QString &keyPrefix)
{
    m_nextFailure = error;
    m_failurePrefix = keyPrefix;
}

QStringList MemorySecretStore::keys() const
{
    QStringList out = m_values.keys();
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<Error> MemorySecretStore::takeFailure(const QString &key)
{
    ++m_calls;
    if (!m_nextFailure || !key.startsWith(m_failurePrefix))
        return std::nullopt;
    return std::exchange(m_nextFailure, std::nullopt);
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    if (auto failure = takeFailure(key)) {
        answerLater(context, [done, error = *failure] { done(error); });
        return;
    }
    std::optional<SecureBytes> value;
    if (const auto it = m_values.constFind(key); it != m_values.cend())
        value = it.value();
    answerLater(context, [done, value = std::move(value)] { done(value); });
}

void MemorySecretStore::write(const QString &key, const SecureBytes &value, QObject *context, Done done)
{
    if (auto failure = takeFailure(key)) {
        answerLater(context, [done, error = *failure] { done(error); });
        return;
    }
    m_values.insert(key, value); // the old value's SecureBytes wipes itself
    answerLater(context, [done] { done({}); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, Done done)
{
    if (auto failure = takeFailure(key)) {
        answerLater(context, [done, error = *failure] { done(error); });
        return;
    }
    m_values.remove(key);
    answerLater(context, [done] { done({}); });
}

} // namespace Rolecall::Core::Secrets
