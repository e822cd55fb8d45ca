// SPDX-License-Identifier: Apache-2.0
#include "fuzzymatch.h"

#include <QVarLengthArray>

namespace Rolecall::Core::Models {

namespace {

constexpr int kMatch = 16;
constexpr int kConsecutive = 24;
constexpr int kWordStart = 32;
constexpr int kPrefix = 64;
constexpr int kExact = 256;
constexpr int kGap = 1;

bool isSeparator(QChar c)
{
    return c == u'-' || c == u'_' || c == u'/' || c == u':' || c == u'.' || c == u' ' || c == u'@';
}

QChar fold(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'A' && u <= u'Z')
        return QChar(static_cast<char16_t>(u + 32));
    return u < 0x80 ? c : c.toLower();
}

} // namespace

FuzzyMatcher::FuzzyMatcher(const QString &query)
    : m_query(query)
{
    for (const QString &word : query.split(u' ', Qt::SkipEmptyParts))
        m_words.append(word.toLower());
}

int FuzzyMatcher::scoreWord(QStringView word, QStringView text)
{
    if (word.isEmpty())
        return 1;
    if (word.size() > text.size())
        return 0;
    // Substring hits (account ids, ARNs) rank above scattered subsequences.
    const qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive);
    if (at >= 0) {
        int score = kMatch * static_cast<int>(word.size()) + kConsecutive * static_cast<int>(word.size() - 1);
        if (at == 0)
            score += kPrefix;
        if (at == 0 && word.size() == text.size())
            score += kExact;
        if (at == 0 || isSeparator(text[at - 1]))
            score += kWordStart;
        return score;
    }
    // Digits are account ids and numbers: scattered digits mean nothing, so only substrings count.
    if (std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); }))
        return 0;
    // Subsequence with a greedy, word-start-preferring walk.
    int score = 0;
    qsizetype w = 0;
    qsizetype last = -2;
    for (qsizetype i = 0; i < text.size() && w < word.size(); ++i) {
        if (fold(text[i]) != word[w])
            continue;
        score += kMatch;
        if (i == last + 1)
            score += kConsecutive;
        else if (last >= 0)
            score -= kGap * static_cast<int>(i - last - 1);
        if (i == 0 || isSeparator(text[i - 1]))
            score += kWordStart;
        last = i;
        ++w;
    }
    if (w < word.size())
        return 0;
    return std::max(score, 1);
}

int FuzzyMatcher::score(const QStringList &fields) const
{
    if (m_words.isEmpty())
        return 1;
    int total = 0;
    for (const QString &word : m_words) {
        int best = 0;
        for (const QString &field : fields)
            best = std::max(best, scoreWord(word, field));
        if (best == 0)
            return 0;
        total += best;
    }
    return total;
}

} // namespace Rolecall::Core::Models
