// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QStringBuilder>

#include <algorithm>
#include <utility>

namespace Rolecall::Bench {

/**
 * The config and credentials files bench/generate_profiles.py writes for @p total profiles, byte
 * for byte: a fifth IAM users with MFA (keys in the credentials file), the rest roles from them, a
 * quarter of those chained from other roles.
 */
inline std::pair<QByteArray, QByteArray> generatedProfiles(int total)
{
    const int users = std::max(1, total / 5);
    const int roles = total - users - 1;
    QByteArray config = "[default]\nregion = us-east-1\n";
    QByteArray credentials;
    for (int i = 0; i < users; ++i) {
        const QByteArray n = QByteArray::number(i);
        credentials += (i ? "\n[user" : "[user") + n
            + "]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
              "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        config += "\n[profile user" + n + "]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::"
            + QByteArray::number(100000000000LL + i) + ":mfa/user" + n + "\n";
    }
    for (int i = 0; i < roles; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray source = i < roles * 3 / 4 ? "user" + QByteArray::number(i % users)
                                                    : "role" + QByteArray::number(i - roles * 3 / 4);
        config += "\n[profile role" + n + "]\nrole_arn = arn:aws:iam::" + QByteArray::number(200000000000LL + i)
            + ":role/Role" + n + "\nsource_profile = " + source
            + "\nregion = us-west-2\nduration_seconds = 3600\n# generated\n";
    }
    return {config, credentials};
}

} // namespace Rolecall::Bench
