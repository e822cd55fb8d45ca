// SPDX-License-Identifier: Apache-2.0
#include "stsparsing.h"

#include <QCoreApplication>
#include <QVarLengthArray>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Sts {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Sts::Parsing)
};

constexpr qsizetype kMaxDepth = 32;

/*
 * Walks the document and calls onLeaf(parent, name, text) for every element without child
 * elements. Returns the root element's name, or an error for malformed XML.
 */
/*
 * What the XML reader is given: the response without whitespace-only text between elements, and
 * with the two secret values (SecretAccessKey, SessionToken) lifted out, leaving empty elements.
 * The secrets then never enter QXmlStreamReader's internal buffers, which cannot be wiped, and the
 * reader (whose cost grows with every character) has far less to scan. Base64 values are printable
 * ASCII without markup; any other value is left in place and parsed (and checked) normally.
 */
struct Prepared
{
    QByteArray structure;
    QByteArrayView secretAccessKey;
    QByteArrayView sessionToken;
};

constexpr bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A byte a lifted value may hold: printable ASCII without markup ('<', '&', and ']' of "]]>"), or
// XML white space. Anything else (control characters, which XML forbids, non-ASCII bytes that
// may not be UTF-8) stays in place for the reader to check.
constexpr bool isLiftable(char c)
{
    return isXmlSpace(c) || (c >= '!' && c <= '~' && c != '<' && c != '&' && c != ']');
}

Prepared prepare(QByteArrayView xml, bool liftSecrets)
{
    Prepared out;
    // Both shortcuts read raw bytes, so they apply only to plain documents: comments, CDATA
    // sections and a DOCTYPE (which STS never sends) could hide a tag or hold significant white
    // space. Those documents go to the reader as they are.
    if (xml.contains("<!")) {
        out.structure = xml.toByteArray();
        return out;
    }
    struct Lift
    {
        QByteArrayView open;
        QByteArrayView close;
        QByteArrayView *target;
        qsizetype begin = -1;
        qsizetype end = -1;
    };
    Lift lifts[2] = {{"<SecretAccessKey>", "</SecretAccessKey>", &out.secretAccessKey},
        {"<SessionToken>", "</SessionToken>", &out.sessionToken}};
    if (liftSecrets) {
        for (Lift &lift : lifts) {
            const qsizetype open = xml.indexOf(lift.open);
            // Only a tag that occurs once: the caller then knows where the lifted value belongs.
            if (open < 0 || xml.indexOf(lift.open.chopped(1), open + 1) >= 0)
                continue;
            const qsizetype begin = open + lift.open.size();
            const qsizetype end = xml.indexOf(lift.close, begin);
            if (end < 0)
                continue;
            const QByteArrayView value = xml.sliced(begin, end - begin);
            // Nothing to lift from an empty element (and the copy loop below needs begin < end to advance).
            if (value.isEmpty() || !std::all_of(value.begin(), value.end(), isLiftable))
                continue;
            lift.begin = begin;
            lift.end = end;
            *lift.target = value;
        }
    }
    // Copy runs up to each '>' (memchr), drop whitespace that only separates two elements, and
    // jump over lifted values.
    out.structure.resize(xml.size());
    char *w = out.structure.data();
    const char *p = xml.data();
    const qsizetype n = xml.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype stop = n;
        const Lift *next = nullptr;
        for (const Lift &lift : lifts) {
            if (lift.begin >= i && lift.begin < stop) {
                stop = lift.begin;
                next = &lift;
            }
        }
        const void *gt = std::memchr(p + i, '>', static_cast<size_t>(stop - i));
        const qsizetype runEnd = gt ? static_cast<const char *>(gt) - p + 1 : stop;
        std::memcpy(w, p + i, static_cast<size_t>(runEnd - i));
        w += runEnd - i;
        i = runEnd;
        if (gt) {
            qsizetype j = i;
            while (j < n && isXmlSpace(p[j]))
                ++j;
            if (j < n && p[j] == '<')
                i = j;
        } else if (next) {
            i = next->end;
        }
    }
    out.structure.truncate(w - out.structure.constData());
    return out;
}

// walk() does not know which call it parses: it hands back only the detail, and the caller builds
// the error with its action so that the message names the call.
Error parseFailure(const QString &detail)
{
    Error e = Error::parse(detail, {});
    e.field = detail;
    return e;
}

template<typename OnLeaf>
Result<QString> walk(QByteArrayView xml, OnLeaf &&onLeaf)
{
    // One reader per thread, reused: constructing a QXmlStreamReader costs about as much as
    // reading a whole STS response. Namespaces are not needed to recognise STS elements.
    thread_local QXmlStreamReader reader;
    reader.clear();
    reader.setNamespaceProcessing(false);
    reader.addData(QByteArray::fromRawData(xml.data(), xml.size()));

    // Element names on a stack whose strings keep their capacity between elements and parses.
    thread_local QVarLengthArray<QString, kMaxDepth> names(kMaxDepth);
    qsizetype depth = 0;
    QString root;
    QString text;
    bool leafCandidate = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (depth >= kMaxDepth)
                return parseFailure(Tr::tr("the XML is nested too deeply"));
            QString &name = names[depth++];
            name.resize(0);
            name.append(reader.name());
            if (depth == 1)
                root = name;
            leafCandidate = true;
            text.resize(0);
            break;
        }
        case QXmlStreamReader::Characters:
            if (leafCandidate)
                text.append(reader.text());
            break;
        case QXmlStreamReader::EndElement:
            if (leafCandidate) {
                if (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace())) {
                    QString trimmed = text.trimmed();
                    secureWipe(text);
                    text = std::move(trimmed);
                }
                const QString &parent = depth >= 2 ? names[depth - 2] : root;
                onLeaf(QStringView(parent), QStringView(names[depth - 1]), text);
                secureWipe(text);
                text.resize(0);
            }
            leafCandidate = false;
            --depth;
            break;
        default:
            break;
        }
    }
    const bool failed = reader.hasError();
    const QString errorText = failed ? reader.errorString() : QString();
    const qint64 line = reader.lineNumber();
    reader.clear(); // drop the reader's copy of the document (it may hold credentials)
    if (failed)
        return parseFailure(Tr::tr("malformed XML at line %1: %2").arg(line).arg(errorText));
    if (root.isEmpty())
        return parseFailure(Tr::tr("the response is empty"));
    return root;
}

Error unexpectedRoot(const QString &action, const QString &root)
{
    return Error::parse(Tr::tr("expected %1Response, got <%2>").arg(action, root), action);
}

Error missing(const QString &action, const QString &field)
{
    return Error::parse(Tr::tr("the response has no %1").arg(field), action);
}

// Credential fields are base64-like: whitespace (line-wrapped documentation samples) is never part
// of them.
void removeWhitespace(QString &text)
{
    QChar *data = text.data();
    qsizetype out = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!data[i].isSpace())
            data[out++] = data[i];
    }
    text.truncate(out);
}

SecureBytes liftedSecret(QByteArrayView value)
{
    QByteArray bytes(value.size(), Qt::Uninitialized);
    char *w = bytes.data();
    for (char c : value) {
        if (!isXmlSpace(c))
            *w++ = c;
    }
    bytes.truncate(w - bytes.constData());
    return SecureBytes::takeFrom(bytes);
}

// Collects the fields shared by the credential-returning actions.
struct CommonFields
{
    AwsCredentials credentials;
    AssumedRoleUser assumedRoleUser;
    FederatedUser federatedUser;
    std::optional<int> packedPolicySize;
    QString sourceIdentity;
    QString requestId;
    QString expirationText;
    // Whether Credentials/SecretAccessKey and Credentials/SessionToken were seen (a lifted value
    // belongs there only then: it may come from an element elsewhere).
    bool hasSecretAccessKey = false;
    bool hasSessionToken = false;

    // Returns true when it consumed the leaf.
    bool take(QStringView parent, QStringView name, QString &text)
    {
        if (parent == u"Credentials") {
            removeWhitespace(text);
            if (name == u"AccessKeyId") {
                credentials.accessKeyId = text;
            } else if (name == u"SecretAccessKey") {
                credentials.secretAccessKey = SecureBytes::takeFrom(text);
                hasSecretAccessKey = true;
            } else if (name == u"SessionToken") {
                credentials.sessionToken = SecureBytes::takeFrom(text);
                hasSessionToken = true;
            } else if (name == u"Expiration") {
                expirationText = text;
            }
            return true;
        }
        if (parent == u"AssumedRoleUser") {
            if (name == u"AssumedRoleId")
                assumedRoleUser.assumedRoleId = text;
            else if (name == u"Arn")
                assumedRoleUser.arn = text;
            return true;
        }
        if (parent == u"FederatedUser") {
            if (name == u"FederatedUserId")
                federatedUser.federatedUserId = text;
            else if (name == u"Arn")
                federatedUser.arn = text;
            return true;
        }
        if (name == u"PackedPolicySize") {
            bool ok = false;
            const int size = text.toInt(&ok);
            if (ok)
                packedPolicySize = size;
            return true;
        }
        if (name == u"SourceIdentity") {
            sourceIdentity = text;
            return true;
        }
        if (name == u"RequestId" && parent == u"ResponseMetadata") {
            requestId = text;
            return true;
        }
        return false;
    }

    Result<void> finishCredentials(const QString &action, AwsCredentials::Origin origin)
    {
        if (credentials.accessKeyId.isEmpty())
            return missing(action, u"Credentials/AccessKeyId"_s);
        if (credentials.secretAccessKey.isEmpty())
            return missing(action, u"Credentials/SecretAccessKey"_s);
        if (credentials.sessionToken.isEmpty())
            return missing(action, u"Credentials/SessionToken"_s);
        credentials.expiration = parseIsoTimestamp(expirationText);
        if (!credentials.expiration.isValid())
            return Error::parse(
                Tr::tr("the credentials' expiration \"%1\" is not a valid timestamp").arg(expirationText), action);
        credentials.origin = origin;
        return {};
    }
};

template<typename ResultT, typename Fill>
Result<ResultT> parseAction(QByteArrayView xml, const QString &action, Fill &&fill)
{
    ResultT result;
    CommonFields common;
    const Prepared prepared = prepare(xml, true);
    auto root = walk(prepared.structure, [&](QStringView parent, QStringView name, QString &text) {
        if (!common.take(parent, name, text))
            fill(result, parent, name, text);
    });
    if (!prepared.secretAccessKey.isEmpty() && common.hasSecretAccessKey)
        common.credentials.secretAccessKey = liftedSecret(prepared.secretAccessKey);
    if (!prepared.sessionToken.isEmpty() && common.hasSessionToken)
        common.credentials.sessionToken = liftedSecret(prepared.sessionToken);
    if (!root)
        return Error::parse(root.error().field, action);
    if (root.value() != action + u"Response"_s)
        return unexpectedRoot(action, root.value());
    if constexpr (requires { result.credentials; }) {
        AwsCredentials::Origin origin = AwsCredentials::Origin::AssumedRole;
        if (action == "GetSessionToken"_L1)
            origin = AwsCredentials::Origin::SessionToken;
        else if (action == "GetFederationToken"_L1)
            origin = AwsCredentials::Origin::FederationToken;
        if (auto ok = common.finishCredentials(action, origin); !ok)
            return ok.error();
        result.credentials = std::move(common.credentials);
    }
    if constexpr (requires { result.assumedRoleUser; })
        result.assumedRoleUser = common.assumedRoleUser;
    if constexpr (requires { result.federatedUser; })
        result.federatedUser = common.federatedUser;
    if constexpr (requires { result.packedPolicySize; })
        result.packedPolicySize = common.packedPolicySize;
    if constexpr (requires { result.sourceIdentity; })
        result.sourceIdentity = common.sourceIdentity;
    result.requestId = common.requestId;
    return result;
}

auto ignoreRest = [](auto &, QStringView, QStringView, QString &) {};

int digits(QStringView s, qsizetype at, qsizetype count, bool *ok)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < '0' || c > '9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Result<AssumeRoleResult> parseAssumeRoleResponse(QByteArrayView xml)
{
    return parseAction<AssumeRoleResult>(xml, u"AssumeRole"_s, ignoreRest);
}

Result<AssumeRoleWithSamlResult> parseAssumeRoleWithSamlResponse(QByteArrayView xml)
{
    return parseAction<AssumeRoleWithSamlResult>(
        xml, u"AssumeRoleWithSAML"_s, [](AssumeRoleWithSamlResult &r, QStringView, QStringView name, QString &text) {
            if (name == u"Subject")
                r.subject = text;
            else if (name == u"SubjectType")
                r.subjectType = text;
            else if (name == u"Issuer")
                r.issuer = text;
            else if (name == u"Audience")
                r.audience = text;
            else if (name == u"NameQualifier")
                r.nameQualifier = text;
        });
}

Result<AssumeRoleWithWebIdentityResult> parseAssumeRoleWithWebIdentityResponse(QByteArrayView xml)
{
    return parseAction<AssumeRoleWithWebIdentityResult>(xml, u"AssumeRoleWithWebIdentity"_s,
        [](AssumeRoleWithWebIdentityResult &r, QStringView, QStringView name, QString &text) {
            if (name == u"SubjectFromWebIdentityToken")
                r.subjectFromWebIdentityToken = text;
            else if (name == u"Provider")
                r.provider = text;
            else if (name == u"Audience")
                r.audience = text;
        });
}

Result<DecodeAuthorizationMessageResult> parseDecodeAuthorizationMessageResponse(QByteArrayView xml)
{
    auto result = parseAction<DecodeAuthorizationMessageResult>(xml, u"DecodeAuthorizationMessage"_s,
        [](DecodeAuthorizationMessageResult &r, QStringView, QStringView name, QString &text) {
            if (name == u"DecodedMessage")
                r.decodedMessage = text;
        });
    if (result && result->decodedMessage.isEmpty())
        return missing(u"DecodeAuthorizationMessage"_s, u"DecodedMessage"_s);
    return result;
}

Result<GetAccessKeyInfoResult> parseGetAccessKeyInfoResponse(QByteArrayView xml)
{
    auto result = parseAction<GetAccessKeyInfoResult>(
        xml, u"GetAccessKeyInfo"_s, [](GetAccessKeyInfoResult &r, QStringView, QStringView name, QString &text) {
            if (name == u"Account")
                r.account = text;
        });
    if (result && result->account.isEmpty())
        return missing(u"GetAccessKeyInfo"_s, u"Account"_s);
    return result;
}

Result<GetCallerIdentityResult> parseGetCallerIdentityResponse(QByteArrayView xml)
{
    auto result = parseAction<GetCallerIdentityResult>(xml, u"GetCallerIdentity"_s,
        [](GetCallerIdentityResult &r, QStringView parent, QStringView name, QString &text) {
            if (parent != u"GetCallerIdentityResult")
                return;
            if (name == u"UserId")
                r.userId = text;
            else if (name == u"Account")
                r.account = text;
            else if (name == u"Arn")
                r.arn = text;
        });
    if (result && result->arn.isEmpty())
        return missing(u"GetCallerIdentity"_s, u"Arn"_s);
    return result;
}

Result<GetFederationTokenResult> parseGetFederationTokenResponse(QByteArrayView xml)
{
    return parseAction<GetFederationTokenResult>(xml, u"GetFederationToken"_s, ignoreRest);
}

Result<GetSessionTokenResult> parseGetSessionTokenResponse(QByteArrayView xml)
{
    return parseAction<GetSessionTokenResult>(xml, u"GetSessionToken"_s, ignoreRest);
}

AwsErrorBody parseErrorResponse(QByteArrayView xml)
{
    AwsErrorBody body;
    const auto root = walk(prepare(xml, false).structure, [&body](QStringView parent, QStringView name, QString &text) {
        if (parent == u"Error") {
            if (name == u"Code")
                body.code = text.trimmed();
            else if (name == u"Message")
                body.message = text.trimmed();
            else if (name == u"Type")
                body.type = text.trimmed();
        } else if (name == u"RequestId" || name == u"RequestID") {
            body.requestId = text.trimmed();
        }
    });
    if (!root)
        return {};
    return body;
}

QDateTime parseIsoTimestamp(QStringView s)
{
    s = s.trimmed();
    // yyyy-MM-ddTHH:mm:ss[.fff…](Z|+00:00)
    if (s.size() < 19 || s[4] != u'-' || s[7] != u'-' || (s[10] != u'T' && s[10] != u't' && s[10] != u' ')
        || s[13] != u':' || s[16] != u':')
        return {};
    bool ok = true;
    const int year = digits(s, 0, 4, &ok);
    const int month = digits(s, 5, 2, &ok);
    const int day = digits(s, 8, 2, &ok);
    const int hour = digits(s, 11, 2, &ok);
    const int minute = digits(s, 14, 2, &ok);
    const int second = digits(s, 17, 2, &ok);
    if (!ok)
        return {};
    qsizetype at = 19;
    int msec = 0;
    if (at < s.size() && s[at] == u'.') {
        ++at;
        int scale = 100;
        const qsizetype start = at;
        while (at < s.size() && s[at].isDigit()) {
            msec += (s[at].unicode() - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start)
            return {};
    }
    int offsetSeconds = 0;
    const QStringView zone = s.sliced(at);
    if (zone == u"Z" || zone == u"z" || zone.isEmpty()) {
        // UTC (STS always says Z; a missing zone is read as UTC too)
    } else if (zone.size() == 6 && (zone[0] == u'+' || zone[0] == u'-') && zone[3] == u':') {
        const int h = digits(zone, 1, 2, &ok);
        const int m = digits(zone, 4, 2, &ok);
        if (!ok)
            return {};
        offsetSeconds = (h * 3600 + m * 60) * (zone[0] == u'-' ? -1 : 1);
    } else {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime result(date, time, Qt::UTC);
    return offsetSeconds ? result.addSecs(-offsetSeconds) : result;
}

QDateTime parseHttpDate(QByteArrayView text)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT" — English names regardless of locale.
    static constexpr const char *kMonths[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QByteArray t = text.trimmed().toByteArray();
    const qsizetype comma = t.indexOf(',');
    const QList<QByteArray> parts = t.mid(comma + 1).simplified().split(' ');
    if (parts.size() < 4)
        return {};
    bool ok = false;
    const int day = parts.at(0).toInt(&ok);
    if (!ok)
        return {};
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (parts.at(1).compare(kMonths[i], Qt::CaseInsensitive) == 0)
            month = i + 1;
    }
    const int year = parts.at(2).toInt(&ok);
    if (!ok || month == 0)
        return {};
    const QTime time = QTime::fromString(QString::fromLatin1(parts.at(3)), u"HH:mm:ss"_s);
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace Rolecall::Core::Sts
