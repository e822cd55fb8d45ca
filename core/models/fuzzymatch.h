// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace Rolecall::Core::Models {

/**
 * Fuzzy, ranked matching for the profile search: every query word must appear in the candidate
 * as a subsequence (case-insensitive); the score rewards matches at word starts ("prod" in
 * "acme-prod-admin"), consecutive runs, a prefix or an exact match, and penalises gaps. Digits-only
 * words (part of an account id, "4567") match only as substrings. Zero means no match.
 *
 * Cheap enough to run on every keystroke over 10,000 profiles: no allocation per candidate.
 */
class FuzzyMatcher
{
public:
    explicit FuzzyMatcher(const QString &query = {});

    bool isEmpty() const { return m_words.isEmpty(); }
    const QString &query() const { return m_query; }

    /// Score of the best-matching field for every word, summed; 0 when a word matches no field.
    int score(const QStringList &fields) const;
    /// score() over fields already passed through fold(): what the profile tree runs on every keystroke, without
    /// folding case again for every candidate.
    int scoreFolded(const QStringList &foldedFields) const;
    /// The form of a field scoreFolded() takes (lower case).
    static QString fold(const QString &field);
    /// Score of one word against one text (0 = no match). Public for tests.
    static int scoreWord(QStringView word, QStringView text);

private:
    QString m_query;
    QStringList m_words; // lower-case
};

} // namespace Rolecall::Core::Models
