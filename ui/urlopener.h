// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

namespace Rolecall::Ui {

/**
 * Opens @p url in the browser: with @p browserCommand when one is set (its %u becomes the URL; without
 * %u the URL is appended — e.g. `firefox -P work %u` or `chromium --incognito`), else the desktop's
 * default through QDesktopServices. The URL may hold a sign-in token: it is never logged.
 * Returns false when neither could start.
 */
bool openUrl(const QUrl &url, const QString &browserCommand);

} // namespace Rolecall::Ui
