// SPDX-License-Identifier: Apache-2.0
#include "keystore.h"

#include "util/paths.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Secrets {

namespace {

const auto kKeyIdField = u"aws_access_key_id";
const auto kSecretField = u"aws_secret_access_key";
const auto kTokenField = u"aws_session_token";
constexpr qint64 kMaxIndexBytes = 4 * 1024 * 1024;

using Action = std::function<void(SecretStore::Done next)>;

// Runs @p actions one after another; the first failure ends the run. Never empty, so @p done always
// comes from a store's (later) answer.
void runInOrder(std::shared_ptr<const QList<Action>> actions, qsizetype index, SecretStore::Done done)
{
    if (index >= actions->size()) {
        done({});
        return;
    }
    actions->at(index)([actions, index, done](Result<void> result) {
        if (!result) {
            done(result);
            return;
        }
        runInOrder(actions, index + 1, done);
    });
}

QString utf8(const SecureBytes &bytes)
{
    return QString::fromUtf8(bytes.view());
}

} // namespace

QString KeyStore::defaultIndexPath()
{
    return dataDirectory() + u"/keychain-profiles.json"_s;
}

QString KeyStore::entryKey(const QString &profile, QStringView field)
{
    return u"profile/"_s + profile + u'/' + field;
}

KeyStore::KeyStore(SecretStore *store, QString indexPath)
    : m_store(store)
    , m_indexPath(std::move(indexPath))
{
    Q_ASSERT(m_store);
}

Result<QStringList> KeyStore::list() const
{
    QFile file(m_indexPath);
    if (!file.exists())
        return QStringList();
    if (!file.open(QIODevice::ReadOnly))
        return Error::config(tr("Cannot read the list of profiles with keys in the keychain, %1: %2")
                                 .arg(QDir::toNativeSeparators(m_indexPath), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(kMaxIndexBytes), &parseError);
    const QJsonValue profiles = document.object().value(u"profiles"_s);
    if (parseError.error != QJsonParseError::NoError || !profiles.isArray())
        return Error::config(tr("The list of profiles with keys in the keychain, %1, is damaged. Delete it: the keys "
                                "stay in the keychain, and 'rolecall-cli keychain add' or 'import' lists a profile "
                                "again.")
                                 .arg(QDir::toNativeSeparators(m_indexPath)));
    QStringList names;
    for (const QJsonValue &name : profiles.toArray()) {
        if (name.isString() && !name.toString().isEmpty())
            names.append(name.toString());
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

Result<void> KeyStore::setIndexed(const QString &profile, bool indexed) const
{
    auto current = list();
    if (!current)
        return current.error();
    QStringList names = current.value();
    if (names.contains(profile) == indexed)
        return {};
    if (indexed) {
        names.append(profile);
        names.sort();
    } else {
        names.removeAll(profile);
    }

    const QString where = QDir::toNativeSeparators(m_indexPath);
    const QFileInfo info(m_indexPath);
    if (!info.dir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error::config(tr("Cannot create the folder %1 for the list of keychain profiles.")
                                     .arg(QDir::toNativeSeparators(info.absolutePath())));
        QFile::setPermissions(info.absolutePath(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner
                | QFileDevice::ExeOwner); // 0700; mkpath's mode is subject to the umask
    }
    QSaveFile file(m_indexPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::config(tr("Cannot write the list of keychain profiles %1: %2").arg(where, file.errorString()));
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return Error::config(tr("Cannot make %1 private (mode 0600): %2").arg(where, file.errorString()));
    }
    // Names only: this file is not secret, and nothing secret ever goes into it.
    const QJsonObject object {{u"version"_s, 1}, {u"profiles"_s, QJsonArray::fromStringList(names)}};
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::config(tr("Cannot write the list of keychain profiles %1: %2").arg(where, file.errorString()));
    return {};
}

void KeyStore::checkWritable(QObject *context, Done done)
{
    static QAtomicInteger<quint32> counter;
    const QString key
        = u"probe/keystore-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    SecretStore *store = m_store;
    store->write(key, SecureBytes(QByteArrayView("probe")), context, [store, key, context, done](Result<void> written) {
        if (!written) {
            done(written);
            return;
        }
        store->remove(key, context, done);
    });
}

void KeyStore::add(const QString &profile, const QString &accessKeyId, const SecureBytes &secretAccessKey,
    const SecureBytes &sessionToken, QObject *context, Done done)
{
    if (profile.isEmpty() || accessKeyId.isEmpty() || secretAccessKey.isEmpty()) {
        Error error
            = Error::validation(u"keys"_s, tr("need a profile name, an access key ID and a secret access key."));
        QMetaObject::invokeMethod(
            context, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    SecretStore *store = m_store;
    const SecureBytes keyId(accessKeyId.toUtf8());
    auto actions = std::make_shared<QList<Action>>();
    actions->append([store, context, key = entryKey(profile, kKeyIdField), keyId](
                        Done next) { store->write(key, keyId, context, next); });
    actions->append([store, context, key = entryKey(profile, kSecretField), secretAccessKey](
                        Done next) { store->write(key, secretAccessKey, context, next); });
    actions->append([store, context, key = entryKey(profile, kTokenField), sessionToken](Done next) {
        if (sessionToken.isEmpty())
            store->remove(key, context, next); // no stale token from an earlier add
        else
            store->write(key, sessionToken, context, next);
    });
    runInOrder(actions, 0, [this, profile, done](Result<void> result) {
        if (!result) {
            done(result);
            return;
        }
        done(setIndexed(profile, true));
    });
}

void KeyStore::get(const QString &profile, QObject *context, GetDone done)
{
    const QString keyIdKey = entryKey(profile, kKeyIdField);
    m_store->read(keyIdKey, context, [this, profile, context, done](Result<std::optional<SecureBytes>> keyId) {
        if (!keyId) {
            done(keyId.error());
            return;
        }
        if (keyId.value()) {
            readKeys(profile, *keyId.value(), context, done);
            return;
        }
        const auto indexed = list();
        if (!indexed || !indexed->contains(profile)) {
            done(std::optional<AwsCredentials>());
            return;
        }
        // The index says the keys are there: a locked keyring reads as "not found" with libsecret.
        // A write shows the lock (and may unlock it through a prompt); then read once more.
        checkWritable(context, [this, profile, context, done](Result<void> writable) {
            if (!writable) {
                done(writable.error());
                return;
            }
            m_store->read(entryKey(profile, kKeyIdField), context,
                [this, profile, context, done](Result<std::optional<SecureBytes>> again) {
                    if (!again) {
                        done(again.error());
                    } else if (!again.value()) {
                        done(Error::keychain(tr("The keys of profile %1 are no longer in the keychain (%2): "
                                                "something outside Rolecall deleted them. Add them again with "
                                                "'rolecall-cli keychain add --profile %1'.")
                                                 .arg(profile, m_store->backendName()),
                            profile));
                    } else {
                        readKeys(profile, *again.value(), context, done);
                    }
                });
        });
    });
}

void KeyStore::readKeys(const QString &profile, const SecureBytes &keyId, QObject *context, GetDone done)
{
    SecretStore *store = m_store;
    store->read(entryKey(profile, kSecretField), context,
        [store, profile, context, done, keyId](Result<std::optional<SecureBytes>> secret) {
            if (!secret) {
                done(secret.error());
                return;
            }
            if (!secret.value()) {
                done(Error::keychain(tr("The keychain holds only part of the keys of profile %1. Add them again with "
                                        "'rolecall-cli keychain add --profile %1'.")
                                         .arg(profile),
                    profile));
                return;
            }
            store->read(entryKey(profile, kTokenField), context,
                [done, keyId, secret](Result<std::optional<SecureBytes>> token) {
                    if (!token) {
                        done(token.error());
                        return;
                    }
                    AwsCredentials credentials;
                    credentials.accessKeyId = utf8(keyId);
                    credentials.secretAccessKey = *secret.value();
                    if (token.value())
                        credentials.sessionToken = *token.value();
                    credentials.origin = credentials.isTemporary() ? AwsCredentials::Origin::Unknown
                                                                   : AwsCredentials::Origin::LongTerm;
                    done(std::optional<AwsCredentials>(std::move(credentials)));
                });
        });
}

void KeyStore::remove(const QString &profile, QObject *context, Done done)
{
    SecretStore *store = m_store;
    auto actions = std::make_shared<QList<Action>>();
    // First prove the keyring is unlocked: a locked one would report the deletes as done.
    actions->append([this, context](Done next) { checkWritable(context, next); });
    for (const auto field : {kKeyIdField, kSecretField, kTokenField}) {
        actions->append(
            [store, context, key = entryKey(profile, field)](Done next) { store->remove(key, context, next); });
    }
    runInOrder(actions, 0, [this, profile, done](Result<void> result) {
        if (!result) {
            done(result);
            return;
        }
        done(setIndexed(profile, false));
    });
}

} // namespace Rolecall::Core::Secrets
