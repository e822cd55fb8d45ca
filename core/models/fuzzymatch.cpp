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

// Greedy, word-start-preferring subsequence walk: its score, or 0 when @p word is no subsequence of @p text.
template<bool Folded>
int subsequenceScore(QStringView word, QStringView text)
{
    int score = 0;
    qsizetype w = 0;
    qsizetype last = -2;
    for (qsizetype i = 0; i < text.size() && w < word.size(); ++i) {
        if ((Folded ? text[i] : fold(text[i])) != word[w])
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
    return w < word.size() ? 0 : std::max(score, 1);
}

// Folded: @p text is lower-case already, so the search can compare code units as they are.
template<bool Folded>
int scoreWordIn(QStringView word, QStringView text)
{
    if (word.isEmpty())
        return 1;
    if (word.size() > text.size())
        return 0;
    // Digits are account ids and numbers: scattered digits mean nothing, so only substrings count.
    const bool digitsOnly = std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
    // Every substring is a subsequence: the one cheap walk rejects most candidates before the substring search.
    const int subsequence = digitsOnly ? 0 : subsequenceScore<Folded>(word, text);
    if (!digitsOnly && subsequence == 0)
        return 0;
    // Substring hits (account ids, ARNs) rank above scattered subsequences.
    const qsizetype at = text.indexOf(word, 0, Folded ? Qt::CaseSensitive : Qt::CaseInsensitive);
    if (at < 0)
        return subsequence;
    int score = kMatch * static_cast<int>(word.size()) + kConsecutive * static_cast<int>(word.size() - 1);
    if (at == 0)
        score += kPrefix;
    if (at == 0 && word.size() == text.size())
        score += kExact;
    if (at == 0 || isSeparator(text[at - 1]))
        score += kWordStart;
    return score;
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
    return scoreWordIn<false>(word, text);
}

QString FuzzyMatcher::fold(const QString &field)
{
    return field.toLower();
}

int FuzzyMatcher::score(const QStringList &fields) const
{
    QStringList folded;
    folded.reserve(fields.size());
    for (const QString &field : fields)
        folded.append(fold(field));
    return scoreFolded(folded);
}

int FuzzyMatcher::scoreFolded(const QStringList &foldedFields) const
{
    if (m_words.isEmpty())
        return 1;
    int total = 0;
    for (const QString &word : m_words) {
        int best = 0;
        for (const QString &field : foldedFields)
            best = std::max(best, scoreWordIn<true>(word, field));
        if (best == 0)
            return 0;
        total += best;
    }
    return total;
}

} // namespace Rolecall::Core::Models
