// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/awscredentials.h"

#include <QStringList>

#include <optional>

/**
 * Credentials as text for other tools: shells, .env files, credential_process, INI blocks.
 * The same code serves `--format` in the CLI and the app's Copy menu. The output holds secrets, so
 * it comes back as SecureBytes.
 */
namespace Rolecall::Core::Export {

enum class Format
{
    Env,
    Fish,
    PowerShell,
    Cmd,
    Dotenv,
    Json,
    Process,
    Ini
};

struct Options
{
    QString profileName = QStringLiteral("default"); ///< section name for Ini
    QString region; ///< also exported when set
};

std::optional<Format> formatFromName(const QString &name);
QString formatName(Format format);
QStringList formatNames();
/** Translated, human name for menus ("bash / zsh", "PowerShell", …). */
QString formatTitle(Format format);

SecureBytes render(const AwsCredentials &credentials, Format format, const Options &options = {});

/** POSIX shell single-quoting: 'it'\''s'. */
QString shellQuote(const QString &value);

} // namespace Rolecall::Core::Export
