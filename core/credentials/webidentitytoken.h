// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"
#include "util/securebytes.h"

#include <QProcessEnvironment>
#include <QString>

namespace Rolecall::Core {

/// A token file larger than this is refused: OIDC tokens are a few KiB (STS accepts at most 20,000 characters).
inline constexpr qint64 kMaxWebIdentityTokenFileBytes = 64 * 1024;

/**
 * The web identity token file to use, as botocore chooses it: AWS_WEB_IDENTITY_TOKEN_FILE when it is set
 * (and @p useEnvironment; botocore ignores the variables when a profile was named explicitly), else the
 * profile's `web_identity_token_file` (@p profileValue). Empty when neither names a file, or when the
 * variable is set but empty (botocore then uses no web identity at all).
 */
QString webIdentityTokenFile(
    const QString &profileValue, const QProcessEnvironment &environment, bool useEnvironment = true);

/**
 * Reads the OIDC token in @p path (EKS IRSA, GitHub Actions, …) for AssumeRoleWithWebIdentity.
 *
 * Read afresh on every call: the issuer rotates the file. Surrounding whitespace (a trailing line break)
 * is trimmed. Errors are of kind Config and name the file: missing, not a regular file, unreadable,
 * empty, or larger than @p maxBytes. The token goes straight into SecureBytes and is never shown.
 *
 * Then: `request.webIdentityToken = token.value(); client.assumeRoleWithWebIdentity(request);`
 */
Result<SecureBytes> readWebIdentityToken(const QString &path, qint64 maxBytes = kMaxWebIdentityTokenFileBytes);

} // namespace Rolecall::Core
