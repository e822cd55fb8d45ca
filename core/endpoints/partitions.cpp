// SPDX-License-Identifier: Apache-2.0
#include "partitions.h"

#include <QRegularExpression>
#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace Rolecall::Core {

namespace {

struct PartitionEntry
{
    Partition partition;
    QRegularExpression regionPattern;
};

const std::array<PartitionEntry, 5> &partitions()
{
    // Patterns follow the SDKs' partitions.json. Order matters: the more specific prefixes first.
    static const std::array<PartitionEntry, 5> table = {{
        {{u"aws-us-gov"_s, u"amazonaws.com"_s, u"api.aws"_s, u"us-gov-west-1"_s,
             u"https://signin.amazonaws-us-gov.com/federation"_s, u"https://console.amazonaws-us-gov.com/"_s,
             u"console.amazonaws-us-gov.com"_s, true},
            QRegularExpression(u"^us\\-gov\\-\\w+\\-\\d+$"_s)},
        {{u"aws-iso-b"_s, u"sc2s.sgov.gov"_s, u"api.aws.scloud"_s, u"us-isob-east-1"_s, {}, {}, {}, false},
            QRegularExpression(u"^us\\-isob\\-\\w+\\-\\d+$"_s)},
        {{u"aws-iso"_s, u"c2s.ic.gov"_s, u"api.aws.ic.gov"_s, u"us-iso-east-1"_s, {}, {}, {}, false},
            QRegularExpression(u"^us\\-iso\\-\\w+\\-\\d+$"_s)},
        {{u"aws-cn"_s, u"amazonaws.com.cn"_s, u"api.amazonwebservices.com.cn"_s, u"cn-north-1"_s,
             u"https://signin.amazonaws.cn/federation"_s, u"https://console.amazonaws.cn/"_s, u"console.amazonaws.cn"_s,
             false},
            QRegularExpression(u"^cn\\-\\w+\\-\\d+$"_s)},
        {{u"aws"_s, u"amazonaws.com"_s, u"api.aws"_s, u"us-east-1"_s, u"https://signin.aws.amazon.com/federation"_s,
             u"https://console.aws.amazon.com/"_s, u"%1.console.aws.amazon.com"_s, false},
            QRegularExpression(u"^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$"_s)},
    }};
    return table;
}

} // namespace

const Partition &partitionForRegion(const QString &region)
{
    for (const PartitionEntry &entry : partitions()) {
        if (entry.regionPattern.match(region).hasMatch())
            return entry.partition;
    }
    return partitions().back().partition; // "aws", as the SDKs do for unknown names
}

const Partition &partitionById(const QString &id)
{
    static const Partition invalid;
    for (const PartitionEntry &entry : partitions()) {
        if (entry.partition.id == id)
            return entry.partition;
    }
    return invalid;
}

const Partition &partitionForArn(const QString &arn)
{
    const QStringList parts = arn.split(u':');
    if (parts.size() < 6 || parts.at(0) != "arn"_L1)
        return partitionById({});
    return partitionById(parts.at(1));
}

bool isLegacyGlobalStsRegion(const QString &region)
{
    static const QStringList legacy = {
        u"ap-northeast-1"_s,
        u"ap-south-1"_s,
        u"ap-southeast-1"_s,
        u"ap-southeast-2"_s,
        u"aws-global"_s,
        u"ca-central-1"_s,
        u"eu-central-1"_s,
        u"eu-north-1"_s,
        u"eu-west-1"_s,
        u"eu-west-2"_s,
        u"eu-west-3"_s,
        u"sa-east-1"_s,
        u"us-east-1"_s,
        u"us-east-2"_s,
        u"us-west-1"_s,
        u"us-west-2"_s,
    };
    return legacy.contains(region);
}

} // namespace Rolecall::Core
