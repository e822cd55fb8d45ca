// SPDX-License-Identifier: Apache-2.0
#include "keychainsecretstore.h"

#include <QAtomicInteger>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Secrets {

namespace {

QString operationText(const QString &operation, const QString &key)
{
    if (operation == "read"_L1)
        return KeychainSecretStore::tr("Could not read %1 from the keychain").arg(key);
    if (operation == "write"_L1)
        return KeychainSecretStore::tr("Could not store %1 in the keychain").arg(key);
    if (operation == "remove"_L1)
        return KeychainSecretStore::tr("Could not remove %1 from the keychain").arg(key);
    return KeychainSecretStore::tr("The keychain failed (%1 of %2)").arg(operation, key);
}

QString providerHint()
{
#if defined(Q_OS_MACOS)
    return KeychainSecretStore::tr("Check the login keychain in Keychain Access, or use memory-only mode.");
#elif defined(Q_OS_WIN)
    return KeychainSecretStore::tr("Check the Windows Credential Manager, or use memory-only mode.");
#else
    return KeychainSecretStore::tr("Make sure a Secret Service provider such as gnome-keyring or KWallet is installed "
                                   "and running in this session (and that libsecret is installed), or use "
                                   "memory-only mode.");
#endif
}

/**
 * Keeps a reference to a buffer that a QtKeychain job also holds, and wipes it when the job is
 * deleted: as the job's child it is destroyed after the job's private data, so by then it owns the
 * buffer alone (secureWipe() wipes only unshared buffers).
 */
class BufferWiper final : public QObject
{
public:
    BufferWiper(const QByteArray &buffer, QObject *job)
        : QObject(job)
        , m_buffer(buffer)
    { }
    ~BufferWiper() override { secureWipe(m_buffer); }

private:
    QByteArray m_buffer;
};

/**
 * Starts @p job and answers through @p onFinished (job finished) or @p onTimeout, exactly once, and
 * only while @p context lives. The job deletes itself once QtKeychain is done with it, even after a
 * timeout or when the context is gone.
 */
void runJob(QKeychain::Job *job, const QString &key, int timeoutMs, QObject *context,
    std::function<void(QKeychain::Job *)> onFinished, std::function<void()> onTimeout)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // never a plaintext QSettings file
    job->setKey(key);
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, answered, guard, onFinished] {
        if (!std::exchange(*answered, true) && guard)
            onFinished(job);
        job->deleteLater();
    });
    QTimer::singleShot(timeoutMs, job, [answered, guard, onTimeout] {
        if (!std::exchange(*answered, true) && guard)
            onTimeout();
    });
    job->start(); // queued: finished() always comes on a later event-loop turn
}

Error timeoutError(int timeoutMs, const QString &operation, const QString &key)
{
    Error error = Error::keychain(operationText(operation, key) + u": "_s
        + KeychainSecretStore::tr("no answer within %n second(s). The keychain may be waiting for you to unlock "
                                  "it; unlock it and try again.",
            nullptr, timeoutMs / 1000));
    error.context = key;
    return error;
}

} // namespace

QString KeychainSecretStore::defaultServiceName()
{
    return u"io.github.rolecall.Rolecall"_s;
}

KeychainSecretStore::KeychainSecretStore(QString serviceName)
    : m_service(std::move(serviceName))
{ }

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service");
#endif
}

Error KeychainSecretStore::errorFor(int code, const QString &detail, const QString &operation, const QString &key)
{
    const QString what = operationText(operation, key);
    const QString cause = detail.isEmpty() ? tr("no details") : detail;
    QString text;
    switch (static_cast<QKeychain::Error>(code)) {
    case QKeychain::NoBackendAvailable:
        text = tr("%1: no keychain found (%2). Install or enable a Secret Service provider such as gnome-keyring or "
                  "KWallet, or use memory-only mode.")
                   .arg(what, cause);
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        text = tr("%1: the keyring is locked or access to it was denied (%2). Unlock it (your desktop's passwords "
                  "and keys manager, or sign in again) and try again.")
                   .arg(what, cause);
        break;
    case QKeychain::CouldNotDeleteEntry:
        text = tr("%1: the keychain refused to delete the entry (%2). Unlock the keyring and try again.")
                   .arg(what, cause);
        break;
    case QKeychain::EntryNotFound:
        text = tr("%1: there is no such entry.").arg(what);
        break;
    case QKeychain::NotImplemented:
        text = tr("%1: QtKeychain does not support this keychain (%2). Use memory-only mode.").arg(what, cause);
        break;
    case QKeychain::NoError:
    case QKeychain::OtherError:
    default:
        // libsecret reports a missing or unreachable D-Bus session here ("Could not connect: …",
        // "Cannot autolaunch D-Bus without X11 $DISPLAY"), and QtKeychain says "Unknown error" when
        // libsecret itself is missing: name the cause and every usual fix.
        text = tr("%1: %2.").arg(what, cause) + u' ' + providerHint();
        break;
    }
    Error error = Error::keychain(text);
    error.context = key;
    return error;
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    runJob(
        job, key, m_timeoutMs, context,
        [key, done](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::EntryNotFound) {
                done(std::optional<SecureBytes>());
                return;
            }
            if (finished->error() != QKeychain::NoError) {
                done(errorFor(finished->error(), finished->errorString(), u"read"_s, key));
                return;
            }
            const QByteArray data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            new BufferWiper(data, finished);
            done(std::optional<SecureBytes>(SecureBytes(data)));
        },
        [key, done, timeout = m_timeoutMs] { done(timeoutError(timeout, u"read"_s, key)); });
}

void KeychainSecretStore::write(const QString &key, const SecureBytes &value, QObject *context, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    const QByteArray data = value.unsecureCopy();
    job->setBinaryData(data);
    new BufferWiper(data, job);
    runJob(
        job, key, m_timeoutMs, context,
        [key, done](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError) {
                done(errorFor(finished->error(), finished->errorString(), u"write"_s, key));
                return;
            }
            done({});
        },
        [key, done, timeout = m_timeoutMs] { done(timeoutError(timeout, u"write"_s, key)); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    runJob(
        job, key, m_timeoutMs, context,
        [key, done](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
                done(errorFor(finished->error(), finished->errorString(), u"remove"_s, key));
                return;
            }
            done({});
        },
        [key, done, timeout = m_timeoutMs] { done(timeoutError(timeout, u"remove"_s, key)); });
}

void KeychainSecretStore::probe(QObject *context, Done done)
{
    static QAtomicInteger<quint32> counter;
    const QString key = u"probe/%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    const SecureBytes expected(QByteArrayView("rolecall-probe\0\x01\xff", 17));
    write(key, expected, context, [this, key, expected, context, done](Result<void> written) {
        if (!written) {
            done(written);
            return;
        }
        read(key, context, [this, key, expected, context, done](Result<std::optional<SecureBytes>> got) {
            const bool same = got && got.value() && *got.value() == expected;
            remove(key, context, [got, same, key, done](Result<void> removed) {
                if (!got) {
                    done(got.error());
                } else if (!same) {
                    done(Error::keychain(tr("The keychain did not give back what was stored in it (%1): it is not "
                                            "usable. Use memory-only mode.")
                                             .arg(key)));
                } else {
                    done(removed);
                }
            });
        });
    });
}

} // namespace Rolecall::Core::Secrets
