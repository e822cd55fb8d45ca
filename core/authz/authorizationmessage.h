// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Rolecall::Core::Authz {

struct Condition
{
    QString key;
    QStringList values;
};

struct MatchedStatement
{
    QString statementId;
    QString effect; ///< "ALLOW" / "DENY" as AWS writes it
    QStringList principals;
    QStringList actions;
    QStringList notActions;
    QStringList resources;
    QStringList notResources;
    QList<Condition> conditions;
};

/**
 * A decoded "encoded authorization failure message", structured for display.
 *
 * The verdict: explicitDeny → a policy statement denied the call; otherwise !allowed → no statement
 * allowed it (implicit deny).
 */
struct AuthorizationMessage
{
    bool allowed = false;
    bool explicitDeny = false;
    QList<MatchedStatement> matchedStatements;
    QStringList failures;
    QString principalId;
    QString principalArn;
    QString action;
    QString resource;
    QList<Condition> conditions;
    /// The decoded JSON, indented for reading.
    QString prettyJson;

    enum class Verdict
    {
        Allowed,
        ExplicitDeny,
        ImplicitDeny
    };
    Verdict verdict() const;
    /// Translated one-line verdict for a banner.
    QString verdictText() const;
    /// Condition value for @p key (case-insensitive), or empty.
    QStringList conditionValues(const QString &key) const;
};

/**
 * The encoded blob from whatever the user pasted: a whole AWS CLI error line, a message with the
 * "Encoded authorization failure message:" prefix, quotes, or the bare blob.
 */
QString extractEncodedMessage(const QString &text);

/** Parses DecodeAuthorizationMessage's DecodedMessage JSON. */
Result<AuthorizationMessage> parseAuthorizationMessage(const QString &decodedJson);

/** A readable multi-line summary (the CLI's default output). */
QString formatSummary(const AuthorizationMessage &message);

} // namespace Rolecall::Core::Authz
