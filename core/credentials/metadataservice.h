// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"
#include "util/error.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Rolecall::Core {

/**
 * One HTTP exchange with a local credential service (the container credentials endpoint, EC2 instance
 * metadata): bounded in time and size, no retries, no redirects, no cache. The credential jobs own one
 * and decide about retries themselves, because each service has its own rules.
 *
 * send() calls its callback exactly once, also after abort() (with kind Cancelled), never after the
 * HttpFetch is destroyed. The callback may call send() again.
 */
class HttpFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFetch)

public:
    struct Outcome
    {
        enum class Kind
        {
            Answered, ///< a complete HTTP answer: see status and body
            Timeout, ///< no progress within the timeout, or the attempt deadline passed
            Transport, ///< refused, reset, DNS, cut short
            Tls, ///< certificate or handshake failure
            TooLarge, ///< the answer is larger than allowed
            Cancelled, ///< abort()
        };
        Kind kind = Kind::Transport;
        int status = 0;
        /// The body of an answer; may hold secrets: the receiver wipes it.
        QByteArray body;
        /// Describes everything but an answer.
        Error error;
    };
    using Callback = std::function<void(Outcome &outcome)>;

    explicit HttpFetch(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HttpFetch() override;

    /**
     * Sends @p verb (GET or PUT, with an empty body) to the URL of @p request. @p timeoutMs is the
     * transfer timeout (no progress); the whole exchange is also cut after a few times that long.
     */
    void send(const QByteArray &verb, QNetworkRequest request, int timeoutMs, qint64 maxBytes, const QString &context,
        Callback done);
    void abort();
    bool isBusy() const { return !m_reply.isNull(); }

private:
    enum class AbortReason
    {
        None,
        User,
        Deadline,
        TooLarge,
    };

    void onFinished();
    void checkSize();
    void complete(Outcome &outcome);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    Callback m_done;
    QStringList m_sslErrors;
    QString m_context;
    qint64 m_maxBytes = 0;
    int m_timeoutMs = 0;
    AbortReason m_abortReason = AbortReason::None;
};

/*
 * Internal to credentials/: what the container and instance metadata providers share about the JSON
 * documents and the failures of those services.
 */
namespace Detail {

/// True when @p bytes is a JSON document (botocore retries answers that are not).
bool isJson(QByteArrayView bytes);

/**
 * Reads `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}` (all required; extra keys ignored). When
 * keys are missing and the document has a `Code` other than "Success" (IMDS reports problems so, with HTTP
 * 200), the error quotes Code and Message.
 */
Result<AwsCredentials> parseMetadataCredentials(
    QByteArrayView json, const QString &context, AwsCredentials::Origin origin);

/// An Error of @p kind whose message is @p text behind the context.
Error metadataError(Error::Kind kind, const QString &text, const QString &context);

/// An Http error for a non-200 answer, quoting the service's own message (JSON Message/message or short text).
Error metadataHttpError(int status, QByteArrayView body, const QString &context);

} // namespace Detail

} // namespace Rolecall::Core
