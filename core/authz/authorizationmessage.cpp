// SPDX-License-Identifier: Apache-2.0
#include "authorizationmessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Authz {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Authz)
};

// AWS wraps lists as {"items": [...]}; items are strings or {"value": "..."} objects.
QStringList items(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.isObject() ? value.toObject().value(u"items"_s).toArray() : value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            out.append(item.toString());
        else if (item.isObject() && item.toObject().contains(u"value"_s))
            out.append(item.toObject().value(u"value"_s).toString());
        else if (item.isObject())
            out.append(QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact)));
    }
    return out;
}

QList<Condition> conditions(const QJsonValue &value)
{
    QList<Condition> out;
    const QJsonArray array = value.toObject().value(u"items"_s).toArray();
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        out.append({object.value(u"key"_s).toString(), items(object.value(u"values"_s))});
    }
    return out;
}

} // namespace

AuthorizationMessage::Verdict AuthorizationMessage::verdict() const
{
    if (explicitDeny)
        return Verdict::ExplicitDeny;
    return allowed ? Verdict::Allowed : Verdict::ImplicitDeny;
}

QString AuthorizationMessage::verdictText() const
{
    switch (verdict()) {
    case Verdict::Allowed:
        return Tr::tr("Allowed: the policies allow this request.");
    case Verdict::ExplicitDeny:
        return Tr::tr("Explicit deny: a policy statement denies this request.");
    case Verdict::ImplicitDeny:
        break;
    }
    return Tr::tr("Implicit deny: no policy statement allows this request.");
}

QStringList AuthorizationMessage::conditionValues(const QString &key) const
{
    for (const Condition &condition : conditions) {
        if (condition.key.compare(key, Qt::CaseInsensitive) == 0)
            return condition.values;
    }
    return {};
}

QString extractEncodedMessage(const QString &text)
{
    QString s = text.trimmed();
    static const QRegularExpression prefix(
        u"encoded authorization failure message:\\s*"_s, QRegularExpression::CaseInsensitiveOption);
    const auto match = prefix.match(s);
    if (match.hasMatch())
        s = s.mid(match.capturedEnd());
    // The blob is URL-safe base64-ish text; it ends at the first character that cannot be part of it.
    static const QRegularExpression blob(u"^[\"'`]?([A-Za-z0-9_\\-+/=]+)"_s);
    const auto blobMatch = blob.match(s);
    return blobMatch.hasMatch() ? blobMatch.captured(1) : QString();
}

Result<AuthorizationMessage> parseAuthorizationMessage(const QString &decodedJson)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(decodedJson.toUtf8(), &error);
    if (doc.isNull() || !doc.isObject())
        return Error::parse(
            Tr::tr("the decoded message is not JSON: %1").arg(error.errorString()), u"DecodeAuthorizationMessage"_s);
    const QJsonObject root = doc.object();
    AuthorizationMessage message;
    message.allowed = root.value(u"allowed"_s).toBool();
    message.explicitDeny = root.value(u"explicitDeny"_s).toBool();
    message.failures = items(root.value(u"failures"_s));
    for (const QJsonValue &value : root.value(u"matchedStatements"_s).toObject().value(u"items"_s).toArray()) {
        const QJsonObject s = value.toObject();
        MatchedStatement statement;
        statement.statementId = s.value(u"statementId"_s).toString();
        statement.effect = s.value(u"effect"_s).toString();
        statement.principals = items(s.value(u"principals"_s));
        statement.actions = items(s.value(u"actions"_s));
        statement.notActions = items(s.value(u"notActions"_s));
        statement.resources = items(s.value(u"resources"_s));
        statement.notResources = items(s.value(u"notResources"_s));
        statement.conditions = conditions(s.value(u"conditions"_s));
        message.matchedStatements.append(statement);
    }
    const QJsonObject context = root.value(u"context"_s).toObject();
    const QJsonObject principal = context.value(u"principal"_s).toObject();
    message.principalId = principal.value(u"id"_s).toString();
    message.principalArn = principal.value(u"arn"_s).toString();
    message.action = context.value(u"action"_s).toString();
    message.resource = context.value(u"resource"_s).toString();
    message.conditions = conditions(context.value(u"conditions"_s));
    message.prettyJson = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    return message;
}

QString formatSummary(const AuthorizationMessage &m)
{
    QString out;
    out += m.verdictText() + u'\n';
    out += Tr::tr("Principal: %1").arg(m.principalArn.isEmpty() ? m.principalId : m.principalArn) + u'\n';
    out += Tr::tr("Action:    %1").arg(m.action) + u'\n';
    out += Tr::tr("Resource:  %1").arg(m.resource) + u'\n';
    if (!m.matchedStatements.isEmpty()) {
        out += Tr::tr("Matched statements:") + u'\n';
        for (const MatchedStatement &s : m.matchedStatements) {
            out += u"  - "_s + s.effect + (s.statementId.isEmpty() ? QString() : u" ("_s + s.statementId + u')')
                + u": "_s + s.actions.join(u", "_s) + u" on "_s + s.resources.join(u", "_s) + u'\n';
        }
    }
    if (!m.failures.isEmpty())
        out += Tr::tr("Failures: %1").arg(m.failures.join(u"; "_s)) + u'\n';
    if (!m.conditions.isEmpty()) {
        out += Tr::tr("Context keys:") + u'\n';
        qsizetype width = 0;
        for (const Condition &c : m.conditions)
            width = std::max(width, c.key.size());
        for (const Condition &c : m.conditions)
            out += u"  "_s + c.key.leftJustified(width) + u"  "_s + c.values.join(u", "_s) + u'\n';
    }
    return out;
}

} // namespace Rolecall::Core::Authz
