// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QCoreApplication;

namespace Rolecall {

/**
 * Installs Rolecall's and Qt's translators for @p language ("de", "fr"), or for the system locale
 * when empty. Returns the language actually loaded ("en" when none matched).
 */
QString installTranslators(QCoreApplication &app, const QString &language = {});

/**
 * True when the system locale has a Rolecall translation, that is when installTranslators() would
 * install one. Needs no QCoreApplication: a short-lived command can leave it out when it is false.
 */
bool hasTranslationForSystemLocale();

} // namespace Rolecall
