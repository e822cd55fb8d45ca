// SPDX-License-Identifier: Apache-2.0
#include "keychaincommand.h"

#include "config/inidocument.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Rolecall::Core::Profiles {

namespace {

// Python's shlex.quote: safe characters are ASCII letters, digits and @%+=:,./-_
QString shellQuote(const QString &text)
{
    if (text.isEmpty())
        return u"''"_s;
    const bool safe = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || QStringView(u"@%+=:,./-_").contains(c);
    });
    if (safe)
        return text;
    QString quoted = text;
    quoted.replace(u'\'', u"'\"'\"'"_s);
    return u'\'' + quoted + u'\'';
}

bool isRolecallCli(const QString &program)
{
    const qsizetype slash = std::max(program.lastIndexOf(u'/'), program.lastIndexOf(u'\\'));
    const QStringView name = QStringView(program).mid(slash + 1);
    return name == u"rolecall-cli" || name.compare(u"rolecall-cli.exe", Qt::CaseInsensitive) == 0;
}

} // namespace

QString keychainCredentialProcess(const QString &profile)
{
    return u"rolecall-cli credential-process --profile "_s + shellQuote(profile);
}

std::optional<QString> keychainProfileOf(const QString &credentialProcess)
{
    QStringList words;
    if (!Config::shlexSplit(credentialProcess, &words) || words.size() < 3 || !isRolecallCli(words.first()))
        return std::nullopt;
    bool command = false;
    std::optional<QString> profile;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == "credential-process"_L1 && !command) {
            command = true;
        } else if (word == "--profile"_L1 && !profile && i + 1 < words.size()) {
            profile = words.at(++i);
        } else if (word.startsWith("--profile="_L1) && !profile) {
            profile = word.mid(10);
        } else {
            return std::nullopt;
        }
    }
    if (!command || !profile || profile->isEmpty())
        return std::nullopt;
    return profile;
}

} // namespace Rolecall::Core::Profiles
