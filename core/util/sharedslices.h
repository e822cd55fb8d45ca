// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Rolecall::Core {

/*
 * Parts of a QString that share its buffer instead of copying it. Qt 6 lets a QString point into
 * the middle of a reference-counted buffer (QString::DataPointer: header, data pointer, size), the
 * way it does after removing text from the front. A part made here holds its own reference, so it
 * outlives the string it came from; changing either of them copies it first (the buffer is shared),
 * as for any implicitly shared QString. Every part ends with a '\0' unit, as Qt promises of every
 * QString it allocates (utf16() hands the buffer out as it is).
 *
 * Reading a large config file makes some 25,000 small strings; as parts of the decoded text they
 * cost one reference count each instead of an allocation and a copy each.
 */

/**
 * How long the text that parts are taken from lives.
 *
 * A shared QString costs an atomic reference-count change each time it is copied and again when the
 * copy goes. Resolving 5,000 profiles copies their values some 100,000 times, and those changes were
 * a tenth of `rolecall-cli profiles`. A process that reads its files once and ends (the listing)
 * keeps the text until it exits instead: its parts are then raw data (QString::fromRawData, no
 * reference count), and copying one copies three words.
 */
enum class TextLifetime
{
    Shared, ///< reference-counted: the text goes with the last part that uses it
    Process, ///< kept until the process ends (keepUntilExit()); parts are raw data pointing into it
};

/**
 * True when @p text owns no buffer: static text (u""_s) or QString::fromRawData. In this code base
 * such text is static or kept until exit (keepUntilExit()), so parts of it may point into it.
 */
inline bool isRawData(const QString &text)
{
    return !const_cast<QString &>(text).data_ptr().isMutable();
}

/**
 * Keeps @p text's buffer until the process ends: parts taken from it with TextLifetime::Process
 * stay valid for as long as anything may read them. Only for a process that reads once and ends;
 * each call keeps its text for good. Thread-safe.
 */
void keepUntilExit(const QString &text);

/**
 * @p text for TextLifetime::Process: when it owns its buffer, the buffer is kept (keepUntilExit())
 * and the result is raw data over it; otherwise (a literal or raw data already) @p text itself,
 * which copies without a reference count anyway.
 */
QString keptUntilExit(const QString &text);

/**
 * @p text from @p from to its end, sharing its buffer (copied when @p text does not own one). With
 * TextLifetime::Process, a @p text that is raw data (a part of kept text) gives a raw part of it.
 */
inline QString sharedSuffix(const QString &text, qsizetype from, TextLifetime lifetime = TextLifetime::Shared)
{
    Q_ASSERT(from >= 0 && from <= text.size());
    if (from == 0)
        return text;
    if (isRawData(text) && lifetime == TextLifetime::Process && from < text.size())
        return QString::fromRawData(text.constData() + from, text.size() - from); // ends where text ends
    if (isRawData(text) || from == text.size()) // not owned (cannot be shared) or nothing left
        return text.sliced(from);
    QString::DataPointer &d = const_cast<QString &>(text).data_ptr();
    d.ref(); // the part's own reference
    return QString(QString::DataPointer(d.d_ptr(), d.data() + from, d.size - from));
}

/**
 * @p length units of @p buffer from @p from, sharing its buffer. The unit after the part is
 * overwritten with '\0' to end it (unless it is the end of @p buffer, which already is '\0'): the
 * caller must no longer need that unit, and it must not lie inside another part. @p buffer must
 * own its data (not QString::fromRawData) and is left shared, so that writing to it copies it.
 * With TextLifetime::Process, @p buffer must be kept (keepUntilExit()): the part is raw data.
 */
inline QString terminatedSlice(
    QString &buffer, qsizetype from, qsizetype length, TextLifetime lifetime = TextLifetime::Shared)
{
    Q_ASSERT(from >= 0 && length >= 0 && from + length <= buffer.size());
    QString::DataPointer &d = buffer.data_ptr();
    Q_ASSERT(d.isMutable());
    if (length == 0)
        return QStringView(d.data() + from, 0).toString(); // empty, not null, as toString() gives
    char16_t *begin = d.data() + from;
    begin[length] = u'\0'; // the terminator at buffer.size() when the part runs to the end
    if (lifetime == TextLifetime::Process)
        return QString::fromRawData(reinterpret_cast<const QChar *>(begin), length);
    d.ref();
    return QString(QString::DataPointer(d.d_ptr(), begin, length));
}

} // namespace Rolecall::Core
