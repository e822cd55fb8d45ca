// SPDX-License-Identifier: Apache-2.0
// rolecall-cli profiles: the listing, as a table, JSON or bare names.
#include "profilelisting.h"

#include "config/sharedconfig.h"
#include "profiles/profile.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {

// A small JSON writer straight to UTF-8: 5,000 profiles as QJsonObjects (or even QString appends)
// cost more than reading and resolving them. The listing's shape is fixed, so the punctuation and
// the keys are written as literals between the values; the writer only escapes strings.
class JsonWriter
{
public:
    /// @p text as a JSON string, quoted and escaped.
    void string(QStringView text) { commit(quoted(reserve(maxQuoted(text)), text)); }
    /// @p prefix (the punctuation and the key), then the value as a string, or `null` when it is
    /// empty; one capacity check for both.
    template<std::size_t N>
    void field(const char (&prefix)[N], QStringView value)
    {
        char *w = reserve(N - 1 + maxQuoted(value));
        std::memcpy(w, prefix, N - 1);
        w += N - 1;
        if (value.isEmpty()) {
            std::memcpy(w, "null", 4);
            w += 4;
        } else {
            w = quoted(w, value);
        }
        commit(w);
    }
    /// `[` the strings `]`, each given by @p text from an element of @p items.
    template<typename List, typename Text>
    void stringArray(const List &items, const Text &text)
    {
        raw("[");
        bool first = true;
        for (const auto &item : items) {
            const auto value = text(item);
            char *w = reserve(2 + maxQuoted(value));
            if (!first) {
                std::memcpy(w, ", ", 2);
                w += 2;
            }
            first = false;
            commit(quoted(w, value));
        }
        raw("]");
    }
    void number(int value)
    {
        char *w = reserve(12);
        commit(std::to_chars(w, w + 12, value).ptr);
    }
    /// Bytes of a literal (its size known at compile time, so the copy is a few moves).
    template<std::size_t N>
    void raw(const char (&text)[N])
    {
        char *w = reserve(N - 1);
        std::memcpy(w, text, N - 1);
        commit(w + N - 1);
    }
    QByteArrayView bytes() const { return QByteArrayView(m_begin, m_cursor - m_begin); }
    /// Forgets the bytes written so far (after they were printed).
    void discardBytes() { m_cursor = m_begin; }
    void reserveTotal(qsizetype bytes) { grow(bytes); }

private:
    /// Room @p text can take quoted: 6 bytes per UTF-16 unit at worst (\u00XX), and the quotes; at
    /// least "null".
    static qsizetype maxQuoted(QStringView text) { return text.size() * 6 + 4; }
    /// @p text quoted and escaped at @p w, which has room for maxQuoted(); returns the end.
    static char *quoted(char *w, QStringView text)
    {
        *w++ = '"';
        const char16_t *p = text.utf16();
        const char16_t *end = p + text.size();
        // Nearly every string is plain ASCII: copied in blocks, then escaped unit by unit.
        const qsizetype plain = copyPlain(w, p, text.size());
        w += plain;
        p += plain;
        while (p < end) {
            const char16_t c = *p++;
            if (isPlain(c)) {
                *w++ = static_cast<char>(c);
                continue;
            }
            if (c < 0x80) {
                w = escape(w, c);
            } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
                w = utf8(w, QChar::surrogateToUcs4(c, *p++));
            } else {
                w = utf8(w, c);
            }
        }
        *w++ = '"';
        return w;
    }
    // The buffer is written through plain pointers: one comparison per piece, no QByteArray calls.
    char *reserve(qsizetype extra)
    {
        if (m_end - m_cursor < extra)
            grow(std::max(m_buffer.size() * 2, (m_cursor - m_begin) + extra));
        return m_cursor;
    }
    void commit(char *end) { m_cursor = end; }
    void grow(qsizetype size)
    {
        const qsizetype used = m_cursor - m_begin;
        m_buffer.resize(size);
        m_begin = m_buffer.data();
        m_cursor = m_begin + used;
        m_end = m_begin + m_buffer.size();
    }
    /// Printable ASCII that JSON takes as it is (0x7f included, as QJsonDocument writes it).
    static bool isPlain(char16_t c) { return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\'; }
    /// Copies the plain units at the start of @p units to @p w (as bytes); returns how many.
    static qsizetype copyPlain(char *w, const char16_t *units, qsizetype size)
    {
        qsizetype i = 0;
#if defined(__SSE2__)
        const auto plainMask = [](__m128i v) {
            // 0x20 <= c < 0x80 as one signed compare: c - 0x20 is below 0x60 when taken as unsigned,
            // so shifting it by 0x8000 puts it below 0x60 - 0x8000 as signed.
            const __m128i shifted = _mm_sub_epi16(v, _mm_set1_epi16(static_cast<short>(0x8020)));
            const __m128i inRange = _mm_cmplt_epi16(shifted, _mm_set1_epi16(static_cast<short>(0x60 - 0x8000)));
            const __m128i special
                = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16(u'"')), _mm_cmpeq_epi16(v, _mm_set1_epi16(u'\\')));
            return _mm_movemask_epi8(_mm_andnot_si128(special, inRange));
        };
        const auto load
            = [units](qsizetype at) { return _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + at)); };
        const auto store = [w](qsizetype at, __m128i v) {
            _mm_storel_epi64(reinterpret_cast<__m128i *>(w + at), _mm_packus_epi16(v, v));
        };
        for (; i + 8 <= size; i += 8) {
            const __m128i v = load(i);
            if (plainMask(v) != 0xffff)
                break;
            store(i, v);
        }
        // The last 1 to 7 units: one more block ending at the end, overlapping what was copied.
        if (i < size && size >= 8 && i + 8 > size) {
            const __m128i v = load(size - 8);
            if (plainMask(v) == 0xffff) {
                store(size - 8, v);
                return size;
            }
        }
        // 4 to 7 units (kinds, regions, most names): the first four and the last four, overlapping.
        if (size >= 4 && size < 8) {
            const auto load4
                = [units](qsizetype at) { return _mm_loadl_epi64(reinterpret_cast<const __m128i *>(units + at)); };
            const __m128i head = load4(0);
            const __m128i tail = load4(size - 4);
            if ((plainMask(head) & plainMask(tail) & 0xff) == 0xff) {
                const auto store4 = [w](qsizetype at, __m128i v) {
                    const int bytes = _mm_cvtsi128_si32(_mm_packus_epi16(v, v));
                    std::memcpy(w + at, &bytes, 4);
                };
                store4(0, head);
                store4(size - 4, tail);
                return size;
            }
        }
#endif
        for (; i < size && isPlain(units[i]); ++i)
            w[i] = static_cast<char>(units[i]);
        return i;
    }
    static char *escape(char *w, char16_t c)
    {
        *w++ = '\\';
        switch (c) {
        case u'"':
            *w++ = '"';
            break;
        case u'\\':
            *w++ = '\\';
            break;
        case u'\n':
            *w++ = 'n';
            break;
        case u'\r':
            *w++ = 'r';
            break;
        case u'\t':
            *w++ = 't';
            break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            *w++ = 'u';
            *w++ = '0';
            *w++ = '0';
            *w++ = kHex[(c >> 4) & 0xf];
            *w++ = kHex[c & 0xf];
        }
        }
        return w;
    }
    static char *utf8(char *w, char32_t c)
    {
        if (c < 0x800) {
            *w++ = static_cast<char>(0xc0 | (c >> 6));
        } else if (c < 0x10000) {
            *w++ = static_cast<char>(0xe0 | (c >> 12));
            *w++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        } else {
            *w++ = static_cast<char>(0xf0 | (c >> 18));
            *w++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *w++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        }
        *w++ = static_cast<char>(0x80 | (c & 0x3f));
        return w;
    }
    QByteArray m_buffer;
    char *m_begin = nullptr; // m_buffer's bytes
    char *m_cursor = nullptr; // the end of what was written
    char *m_end = nullptr;
};

bool isSecretKey(Config::KnownKey key)
{
    using Config::KnownKey;
    return key == KnownKey::AwsSecretAccessKey || key == KnownKey::AwsSessionToken || key == KnownKey::AwsSecurityToken;
}

// Keys that have their own field in the JSON; every other key goes to "settings".
bool hasOwnField(Config::KnownKey key)
{
    using Config::KnownKey;
    switch (key) {
    case KnownKey::Region:
    case KnownKey::RoleArn:
    case KnownKey::SourceProfile:
    case KnownKey::MfaSerial:
    case KnownKey::DurationSeconds:
    case KnownKey::ExternalId:
    case KnownKey::RoleSessionName:
    case KnownKey::CredentialSource:
    case KnownKey::EndpointUrl:
        return true;
    default:
        return false;
    }
}

// One profile as one line: the schema in README.md ("rolecall-cli profiles --json").
void writeProfile(JsonWriter &w, const Profiles::ResolvedProfile &p)
{
    const auto itself = [](const QString &text) { return QStringView(text); };
    w.raw("{\"name\": ");
    w.string(p.name);
    w.raw(", \"kind\": ");
    w.string(Profiles::kindName(p.kind));
    w.field(", \"region\": ", p.region);
    w.field(", \"account_id\": ", p.accountId);
    w.field(", \"role_arn\": ", p.roleArn);
    w.field(", \"source_profile\": ", p.sourceProfile);
    w.raw(", \"chain\": ");
    w.stringArray(p.chain, itself);
    w.raw(", \"steps\": ");
    w.stringArray(p.steps, [](const Profiles::Step &step) { return step.typeName(); });
    w.field(", \"mfa_serial\": ", p.mfaSerial);
    w.raw(", \"duration_seconds\": ");
    if (p.durationSeconds)
        w.number(*p.durationSeconds);
    else
        w.raw("null");
    w.field(", \"external_id\": ", p.externalId);
    w.field(", \"role_session_name\": ", p.roleSessionName);
    w.field(", \"credential_source\": ", p.credentialSource);
    w.field(", \"endpoint_url\": ", p.endpointUrl);
    w.field(", \"file\": ", p.file);
    w.raw(", \"line\": ");
    w.number(p.line);
    w.raw(", \"errors\": ");
    w.stringArray(p.errors, itself);
    w.raw(", \"settings\": {");
    bool first = true;
    for (const Config::Setting &setting : p.settings) {
        if (hasOwnField(setting.id))
            continue;
        if (!first)
            w.raw(", ");
        first = false;
        w.string(setting.key);
        w.raw(": ");
        if (isSecretKey(setting.id)) {
            w.raw("\"***\"");
        } else if (setting.isNested) {
            w.raw("{");
            bool firstNested = true;
            for (const auto &[nestedKey, nestedValue] : setting.nested) {
                if (!firstNested)
                    w.raw(", ");
                firstNested = false;
                w.string(nestedKey);
                w.raw(": ");
                w.string(nestedValue);
            }
            w.raw("}");
        } else {
            w.string(setting.value);
        }
    }
    w.raw("}}");
}

QString chainText(const Profiles::ResolvedProfile &p)
{
    QStringList parts;
    for (const Profiles::Step &step : p.steps) {
        switch (step.type) {
        case Profiles::Step::Type::StaticKeys:
            parts.append(step.profile);
            break;
        case Profiles::Step::Type::SessionToken:
            parts.append(u"mfa"_s);
            break;
        case Profiles::Step::Type::AssumeRole:
            parts.append(step.profile);
            break;
        default:
            parts.append(step.typeName());
        }
    }
    parts.removeDuplicates();
    return parts.join(u" → "_s);
}

// @p bytes to @p out and flushed. Where @p out has a file descriptor, in one write(2) (or as few as
// the descriptor takes): stdio would cut each block in three, its 4 KiB buffer, whole blocks, the tail.
void writeAll(FILE *out, QByteArrayView bytes)
{
#if defined(Q_OS_UNIX)
    const int fd = fileno(out);
    if (fd >= 0) {
        std::fflush(out); // whatever stdio holds goes first
        const char *data = bytes.data();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return; // the reader is gone (EPIPE) or the disk is full: nothing more can be said there
            data += written;
            left -= written;
        }
        return;
    }
#endif
    std::fwrite(bytes.data(), 1, static_cast<size_t>(bytes.size()), out);
    std::fflush(out);
}

} // namespace

int ProfileListing::run(
    const Config::SharedConfig &config, const QProcessEnvironment &env, Format format, FILE *out, FILE *err)
{
    const auto writeOut = [out](QByteArrayView bytes) { writeAll(out, bytes); };
    const auto writeErr = [err](const QString &text) {
        const QByteArray bytes = text.toUtf8();
        std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), err);
        std::fflush(err);
    };
    if (format == Format::Names) {
        // No resolution and no diagnostics: shell completion asks for this on every Tab.
        QString names;
        for (const Config::ProfileSettings &profile : config.profiles())
            names += profile.name + u'\n';
        writeOut(names.toUtf8());
        return 0;
    }
    const Profiles::ProfileResolver resolver(config, Profiles::ProfileResolver::sessionNameForUser(env));
    if (format == Format::Json) {
        for (const Config::Diagnostic &d : config.diagnostics())
            writeErr(tr("warning: %1").arg(d.toString()) + u'\n');
        // One profile at a time: each is written and dropped, and the text goes out in blocks of
        // 64 KiB, so neither 5,000 resolved chains nor megabytes of JSON sit in fresh memory at once.
        constexpr qsizetype kBlock = 64 * 1024;
        JsonWriter w;
        w.reserveTotal(kBlock + 16 * 1024);
        const auto print = [&writeOut, &w] {
            writeOut(w.bytes());
            w.discardBytes();
        };
        // An array with each profile on a line of its own.
        w.raw("[");
        bool first = true;
        Profiles::ResolvedProfile resolved; // one for all: its lists are reused, not reallocated
        for (const Config::ProfileSettings &profile : config.profiles()) {
            if (first)
                w.raw("\n  ");
            else
                w.raw(",\n  ");
            first = false;
            resolver.resolve(profile, &resolved);
            writeProfile(w, resolved);
            if (w.bytes().size() >= kBlock)
                print();
        }
        if (first)
            w.raw("]\n");
        else
            w.raw("\n]\n");
        print();
        return 0;
    }

    const QList<Profiles::ResolvedProfile> profiles = resolver.resolveAll();
    for (const Config::Diagnostic &d : config.diagnostics())
        writeErr(tr("warning: %1").arg(d.toString()) + u'\n');
    QString table;
    qsizetype nameWidth = 7;
    for (const auto &p : profiles)
        nameWidth = std::max(nameWidth, p.name.size());
    table += tr("PROFILE").leftJustified(nameWidth + 2) + tr("KIND").leftJustified(19) + tr("ACCOUNT").leftJustified(14)
        + tr("REGION").leftJustified(16) + tr("CHAIN") + u'\n';
    for (const auto &p : profiles) {
        table += p.name.leftJustified(nameWidth + 2) + Profiles::kindName(p.kind).leftJustified(19)
            + p.accountId.leftJustified(14) + p.region.leftJustified(16) + chainText(p);
        if (p.needsMfa())
            table += tr(" (MFA)");
        table += u'\n';
        for (const QString &error : p.errors)
            table += u"    "_s + tr("error: %1").arg(error) + u'\n';
    }
    writeOut(table.toUtf8());
    return 0;
}

} // namespace Rolecall::Cli
