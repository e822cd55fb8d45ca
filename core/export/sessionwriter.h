// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/sharedconfig.h"
#include "util/awscredentials.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace Rolecall::Core::Export {

/**
 * "Write to credentials file as…" (the app) and `assume --write-profile NAME` (the CLI): a session's
 * temporary credentials written into the shared credentials file as `[NAME]`, for tools that read
 * only that file. The user asked for a plaintext copy, so this is the one place a secret goes to disk.
 *
 * Only temporary credentials are written, and only under a name that is new or that holds nothing but
 * a session written before (aws_access_key_id, aws_secret_access_key, aws_session_token and the
 * expiry, optionally region/output): a profile with long-term keys, a role, a credential_process or
 * SSO settings is never overwritten. The expiry goes into `x_security_token_expires` (the convention
 * saml2aws and others use; botocore ignores it). The save goes through the byte-preserving,
 * atomic writer; the file ends up readable by its owner only.
 */
class SessionWriter
{
    Q_DECLARE_TR_FUNCTIONS(Rolecall::Core::Export::SessionWriter)

public:
    /// Why @p name cannot receive a session in @p config's credentials file, or nothing.
    static Result<void> check(const Config::SharedConfig &config, const QString &name);

    /**
     * Writes @p credentials as `[name]` into @p credentialsPath, whose bytes were @p originalBytes when
     * @p config was read. Returns a one-line summary for the user (no secret).
     */
    static Result<QString> write(const Config::SharedConfig &config, const QString &credentialsPath,
        const QString &name, const AwsCredentials &credentials);

    /// The keys a written session consists of (the ones check() lets a rewrite replace).
    static const QStringList &sessionKeys();
};

} // namespace Rolecall::Core::Export
