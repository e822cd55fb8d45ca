// SPDX-License-Identifier: Apache-2.0
#include "accesskeyinfo.h"

#include "sts/stsencoding.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Controllers {

AccessKeyQuery AccessKeyQuery::parse(const QString &input)
{
    AccessKeyQuery query;
    query.text = input.trimmed();
    if (query.text.isEmpty())
        return query;
    if (query.text.startsWith(u"arn:"_s)) {
        query.accountId = Profiles::accountIdFromArn(query.text);
        if (query.accountId.isEmpty()) {
            query.kind = Kind::Invalid;
            query.problem = tr("This ARN names no account (S3 bucket ARNs, for example, have none).");
        } else {
            query.kind = Kind::Arn;
        }
        return query;
    }
    static const QRegularExpression account(u"^\\d{12}$"_s);
    if (account.match(query.text).hasMatch()) {
        query.kind = Kind::AccountId;
        query.accountId = query.text;
        return query;
    }
    if (auto ok = Sts::validate(Sts::GetAccessKeyInfoRequest {query.text}); !ok) {
        query.kind = Kind::Invalid;
        query.problem = tr("Enter an access key id (AKIA…, ASIA…), an ARN or a twelve-digit account id.");
        return query;
    }
    query.kind = Kind::AccessKeyId;
    return query;
}

QStringList AccessKeyQuery::profilesInAccount(
    const QList<Profiles::ResolvedProfile> &profiles, const QString &accountId)
{
    QStringList names;
    if (accountId.isEmpty())
        return names;
    for (const Profiles::ResolvedProfile &profile : profiles) {
        if (profile.accountId == accountId)
            names.append(profile.name);
    }
    return names;
}

} // namespace Rolecall::Core::Controllers
