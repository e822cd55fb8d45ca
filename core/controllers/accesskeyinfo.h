// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/profile.h"

#include <QCoreApplication>
#include <QStringList>

namespace Rolecall::Core::Controllers {

/**
 * What the user pasted into "Access key info": an ARN (the account is in it, nothing is sent), an
 * access key id (GetAccessKeyInfo tells the account), or a bare twelve-digit account id.
 * The logic behind the access key dialog; QtCore only.
 */
struct AccessKeyQuery
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Controllers::AccessKeyQuery)

public:
    enum class Kind
    {
        Empty,
        Arn, ///< account known at once
        AccountId, ///< account known at once
        AccessKeyId, ///< needs GetAccessKeyInfo
        Invalid, ///< `problem` says why
    };

    Kind kind = Kind::Empty;
    QString text; ///< trimmed input
    QString accountId; ///< Arn / AccountId
    QString problem; ///< Invalid: translated

    static AccessKeyQuery parse(const QString &input);
    /// The profiles whose account (from the role ARN or MFA serial) is @p accountId, in store order.
    static QStringList profilesInAccount(const QList<Profiles::ResolvedProfile> &profiles, const QString &accountId);
};

} // namespace Rolecall::Core::Controllers
