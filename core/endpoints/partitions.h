// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Rolecall::Core {

/**
 * An AWS partition: a set of regions with its own DNS suffixes, sign-in and console hosts.
 * Credentials of one partition are unknown in every other.
 */
struct Partition
{
    QString id; ///< "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"
    QString dnsSuffix; ///< "amazonaws.com"
    QString dualStackDnsSuffix; ///< "api.aws"
    QString defaultRegion; ///< where global services sign ("us-east-1")
    QString federationUrl; ///< console federation endpoint; empty where AWS publishes none
    QString consoleUrl; ///< console home; empty where AWS publishes none
    QString consoleHostTemplate; ///< regional console host, "%1" = region; empty for none
    bool fipsRegionalHostIsStandard = false; ///< GovCloud: the standard STS host already is FIPS

    bool isValid() const { return !id.isEmpty(); }
};

/** The partition a region belongs to (by its name pattern); "aws" for unknown names, like the SDKs. */
const Partition &partitionForRegion(const QString &region);
/** A partition by id, or an invalid one. */
const Partition &partitionById(const QString &id);
/** The partition from an ARN's second field ("arn:aws-cn:…"), or an invalid one. */
const Partition &partitionForArn(const QString &arn);

/** Regions the legacy global STS endpoint (sts.amazonaws.com) served before regional became the default. */
bool isLegacyGlobalStsRegion(const QString &region);

} // namespace Rolecall::Core
