// SPDX-License-Identifier: Apache-2.0
#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Rolecall {

namespace {

// Embedded by qt_add_translations under the default /i18n prefix.
bool loadOwn(QTranslator &translator, const QLocale &locale)
{
    return translator.load(locale, QStringLiteral("rolecall"), QStringLiteral("_"), QStringLiteral(":/i18n"));
}

} // namespace

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto *own = new QTranslator(&app);
    if (!loadOwn(*own, locale)) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().section(QLatin1Char('_'), 0, 0);
}

bool hasTranslationForSystemLocale()
{
    QTranslator translator;
    return loadOwn(translator, QLocale());
}

} // namespace Rolecall
