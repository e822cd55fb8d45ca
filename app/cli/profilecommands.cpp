// SPDX-License-Identifier: Apache-2.0
// rolecall-cli commands that work on profiles: profiles, assume, console.
#include "cli.h"
#include "clisupport.h"

#include "config/sharedconfig.h"
#include "console/federation.h"
#include "credentials/credentialflow.h"
#include "credentials/environmentcredentials.h"
#include "endpoints/partitions.h"
#include "export/exporter.h"
#include "export/sessionwriter.h"
#include "profiles/profile.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;

namespace Rolecall::Cli {

namespace {

// A small JSON writer straight to UTF-8: 5,000 profiles as QJsonObjects (or even QString appends)
// cost more than reading and resolving them. Elements of the outermost array get lines of their own.
class JsonWriter
{
public:
    void string(QStringView text)
    {
        beforeValue();
        // Worst case 6 bytes per UTF-16 unit (\u00XX); one capacity check per string.
        char *w = reserve(text.size() * 6 + 2);
        *w++ = '"';
        const char16_t *p = text.utf16();
        const char16_t *end = p + text.size();
        // Nearly every string is plain ASCII: copied 8 units at a time, then escaped unit by unit.
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
        commit(w);
    }
    void stringOrNull(const QString &text)
    {
        if (text.isEmpty())
            literal("null");
        else
            string(text);
    }
    template<std::size_t N>
    void literal(const char (&text)[N])
    {
        beforeValue();
        raw(text);
    }
    void number(int value)
    {
        beforeValue();
        char *w = reserve(12);
        commit(std::to_chars(w, w + 12, value).ptr);
    }
    void key(QStringView name)
    {
        string(name);
        raw(": ");
        m_afterKey = true;
    }
    /// A key known at compile time: plain ASCII that needs no escaping, written as it is.
    template<std::size_t N>
    void key(const char (&name)[N])
    {
        beforeValue();
        char *w = reserve(N + 3);
        *w++ = '"';
        std::memcpy(w, name, N - 1);
        w += N - 1;
        std::memcpy(w, "\": ", 3);
        commit(w + 3);
        m_afterKey = true;
    }
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /// Bytes of a literal (its size known at compile time, so the copy is a few moves).
    template<std::size_t N>
    void raw(const char (&text)[N])
    {
        char *w = reserve(N - 1);
        std::memcpy(w, text, N - 1);
        commit(w + N - 1);
    }
    QByteArrayView bytes() const { return QByteArrayView(m_buffer.constData(), m_length); }
    /// Forgets the bytes written so far (after they were printed); the nesting state stays.
    void discardBytes() { m_length = 0; }
    void reserveTotal(qsizetype bytes) { m_buffer.resize(bytes); }

private:
    char *reserve(qsizetype extra)
    {
        if (m_length + extra > m_buffer.size())
            m_buffer.resize(std::max(m_buffer.size() * 2, m_length + extra));
        return m_buffer.data() + m_length;
    }
    void commit(const char *end) { m_length = end - m_buffer.constData(); }
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
    void beforeValue()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_hasItems.isEmpty())
            return;
        if (m_hasItems.back() && m_hasItems.size() == 1)
            raw(",\n  ");
        else if (m_hasItems.back())
            raw(", ");
        else if (m_hasItems.size() == 1)
            raw("\n  ");
        m_hasItems.back() = true;
    }
    void open(char bracket)
    {
        beforeValue();
        *reserve(1) = bracket;
        ++m_length;
        m_hasItems.append(false);
    }
    void close(char bracket)
    {
        if (m_hasItems.size() == 1 && m_hasItems.back())
            raw("\n");
        m_hasItems.removeLast();
        *reserve(1) = bracket;
        ++m_length;
    }

    QByteArray m_buffer;
    qsizetype m_length = 0;
    QVarLengthArray<bool, 8> m_hasItems;
    bool m_afterKey = false;
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

void writeProfile(JsonWriter &w, const Profiles::ResolvedProfile &p)
{
    w.beginObject();
    w.key("name");
    w.string(p.name);
    w.key("kind");
    w.string(Profiles::kindName(p.kind));
    w.key("region");
    w.stringOrNull(p.region);
    w.key("account_id");
    w.stringOrNull(p.accountId);
    w.key("role_arn");
    w.stringOrNull(p.roleArn);
    w.key("source_profile");
    w.stringOrNull(p.sourceProfile);
    w.key("chain");
    w.beginArray();
    for (const QString &name : p.chain)
        w.string(name);
    w.endArray();
    w.key("steps");
    w.beginArray();
    for (const Profiles::Step &step : p.steps)
        w.string(step.typeName());
    w.endArray();
    w.key("mfa_serial");
    w.stringOrNull(p.mfaSerial);
    w.key("duration_seconds");
    if (p.durationSeconds)
        w.number(*p.durationSeconds);
    else
        w.literal("null");
    w.key("external_id");
    w.stringOrNull(p.externalId);
    w.key("role_session_name");
    w.stringOrNull(p.roleSessionName);
    w.key("credential_source");
    w.stringOrNull(p.credentialSource);
    w.key("endpoint_url");
    w.stringOrNull(p.endpointUrl);
    w.key("file");
    w.stringOrNull(p.file);
    w.key("line");
    w.number(p.line);
    w.key("errors");
    w.beginArray();
    for (const QString &error : p.errors)
        w.string(error);
    w.endArray();
    w.key("settings");
    w.beginObject();
    for (const Config::Setting &setting : p.settings) {
        if (hasOwnField(setting.id))
            continue;
        w.key(setting.key);
        if (isSecretKey(setting.id)) {
            w.string(u"***");
        } else if (setting.isNested) {
            w.beginObject();
            for (const auto &[nestedKey, nestedValue] : setting.nested) {
                w.key(nestedKey);
                w.string(nestedValue);
            }
            w.endObject();
        } else {
            w.string(setting.value);
        }
    }
    w.endObject();
    w.endObject();
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

// The role session before the last AssumeRole: AWS then allows one hour (role chaining).
bool isRoleChained(const Profiles::ResolvedProfile &p)
{
    for (qsizetype i = p.steps.size() - 1; i > 0; --i) {
        if (p.steps.at(i).type == Profiles::Step::Type::AssumeRole) {
            const auto before = p.steps.at(i - 1).type;
            return before == Profiles::Step::Type::AssumeRole || before == Profiles::Step::Type::WebIdentity;
        }
    }
    return false;
}

} // namespace

int Cli::cmdProfiles()
{
    const Config::SharedConfig &config = sharedConfig();
    if (m_parser.isSet(u"names"_s)) {
        // No resolution and no diagnostics: shell completion asks for this on every Tab.
        QString names;
        for (const Config::ProfileSettings &profile : config.profiles())
            names += profile.name + u'\n';
        writeOut(names);
        return ExitOk;
    }
    const Profiles::ProfileResolver resolver(config, Profiles::ProfileResolver::sessionNameForUser(m_env));
    if (m_json) {
        for (const Config::Diagnostic &d : config.diagnostics())
            writeErr(tr("warning: %1").arg(d.toString()) + u'\n');
        // One profile at a time: each is written and dropped, and the text goes out in blocks of
        // 64 KiB, so neither 5,000 resolved chains nor megabytes of JSON sit in fresh memory at once.
        constexpr qsizetype kBlock = 64 * 1024;
        JsonWriter w;
        w.reserveTotal(kBlock + 16 * 1024);
        const auto print = [this, &w] {
            writeOut(QByteArray::fromRawData(w.bytes().data(), w.bytes().size()));
            w.discardBytes();
        };
        w.beginArray();
        for (const Config::ProfileSettings &profile : config.profiles()) {
            writeProfile(w, resolver.resolve(profile.name));
            if (w.bytes().size() >= kBlock)
                print();
        }
        w.endArray();
        w.raw("\n");
        print();
        return ExitOk;
    }

    const QList<Profiles::ResolvedProfile> profiles = resolver.resolveAll();
    for (const Config::Diagnostic &d : config.diagnostics())
        writeErr(tr("warning: %1").arg(d.toString()) + u'\n');
    QString out;
    qsizetype nameWidth = 7;
    for (const auto &p : profiles)
        nameWidth = std::max(nameWidth, p.name.size());
    out += tr("PROFILE").leftJustified(nameWidth + 2) + tr("KIND").leftJustified(19) + tr("ACCOUNT").leftJustified(14)
        + tr("REGION").leftJustified(16) + tr("CHAIN") + u'\n';
    for (const auto &p : profiles) {
        out += p.name.leftJustified(nameWidth + 2) + Profiles::kindName(p.kind).leftJustified(19)
            + p.accountId.leftJustified(14) + p.region.leftJustified(16) + chainText(p);
        if (p.needsMfa())
            out += tr(" (MFA)");
        out += u'\n';
        for (const QString &error : p.errors)
            out += u"    "_s + tr("error: %1").arg(error) + u'\n';
    }
    writeOut(out);
    return ExitOk;
}

int Cli::cmdAssume()
{
    const QString name = m_parser.isSet(u"profile"_s) ? m_parser.value(u"profile"_s)
                                                      : Profiles::ProfileResolver::defaultProfileName(m_env);
    Sts::GetSessionTokenRequest durationCheck; // --duration is checked before anything runs
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        const int seconds = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || seconds < Sts::kMinDurationSeconds || seconds > Sts::kMaxSessionDurationSeconds)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 129600.")));
        durationCheck.durationSeconds = seconds;
    }
    if (auto ok = checkFormatOption(); !ok)
        return fail(ok.error());
    auto profile = resolveProfile(name);
    if (!profile)
        return fail(profile.error());
    // Refused before anything is sent (and before an MFA code is spent on the session token).
    if (durationCheck.durationSeconds && *durationCheck.durationSeconds > Sts::kRoleChainingMaxSeconds
        && isRoleChained(profile.value()))
        return fail(Error::validation(u"--duration"_s,
            tr("may be at most 3600 for %1: its role is assumed with the credentials of another role (role "
               "chaining), and AWS allows one hour there.")
                .arg(profile->name)));
    // --write-profile: the target is checked before anything is sent (or an MFA code spent).
    const QString writeProfile = m_parser.value(u"write-profile"_s);
    if (m_parser.isSet(u"write-profile"_s)) {
        if (auto ok = Export::SessionWriter::check(sharedConfig(), writeProfile); !ok)
            return fail(ok.error());
    }
    auto credentials = credentialsFor(profile.value(), durationCheck.durationSeconds);
    if (!credentials)
        return fail(credentials.error());
    if (m_parser.isSet(u"write-profile"_s)) {
        const auto written = Export::SessionWriter::write(
            sharedConfig(), Config::ConfigPaths::fromEnvironment(m_env).credentials, writeProfile, credentials.value());
        if (!written)
            return fail(written.error());
        writeOut(written->toUtf8() + '\n');
        return ExitOk;
    }
    const auto format = m_parser.isSet(u"format"_s) ? Export::formatFromName(m_parser.value(u"format"_s))
                                                    : std::optional<Export::Format>(Export::Format::Json);
    Export::Options options;
    options.profileName = profile->name;
    options.region = m_parser.isSet(u"region"_s) ? m_parser.value(u"region"_s) : regionFromEnvironment(m_env);
    if (options.region.isEmpty())
        options.region = profile->region;
    const SecureBytes text = Export::render(credentials.value(), *format, options);
    writeOut(text.unsecureCopy());
    return ExitOk;
}

int Cli::cmdConsole()
{
    const QString name = m_parser.isSet(u"profile"_s) ? m_parser.value(u"profile"_s)
                                                      : Profiles::ProfileResolver::defaultProfileName(m_env);
    std::optional<int> duration;
    if (m_parser.isSet(u"duration"_s)) {
        bool ok = false;
        duration = m_parser.value(u"duration"_s).toInt(&ok);
        if (!ok || *duration < 900 || *duration > 43200)
            return fail(Error::validation(u"--duration"_s, tr("must be a number of seconds from 900 to 43200.")));
    }
    auto profile = resolveProfile(name);
    if (!profile)
        return fail(profile.error());

    Console::SigninRequest request;
    request.sessionDurationSeconds = duration;
    request.roleChained = isRoleChained(profile.value());
    if (request.roleChained && duration && *duration > Sts::kRoleChainingMaxSeconds)
        return fail(Error::validation(u"--duration"_s,
            tr("may be at most 3600 for %1: its role is assumed with the credentials of "
               "another role (role chaining), and AWS then allows a one-hour console "
               "session.")
                .arg(profile->name)));
    const QString region = m_parser.isSet(u"region"_s) ? m_parser.value(u"region"_s) : profile->region;
    request.destination.region = region;
    request.destination.service = m_parser.value(u"service"_s);
    if (m_parser.isSet(u"destination"_s))
        request.destination.explicitUrl = QUrl(m_parser.value(u"destination"_s));

    // An IAM user's profile signs in with its long-term keys alone (no MFA session: the console
    // refuses session-token credentials anyway); every other profile runs its whole chain.
    Profiles::ResolvedProfile chain = profile.value();
    if (chain.steps.size() == 2 && chain.steps.first().type == Profiles::Step::Type::StaticKeys
        && chain.steps.at(1).type == Profiles::Step::Type::SessionToken)
        chain.steps = {chain.steps.first()};
    auto credentials = credentialsFor(chain);
    if (!credentials)
        return fail(credentials.error());
    if (credentials->origin == AwsCredentials::Origin::LongTerm) {
        // The console refuses long-term keys (static or from credential_process): sign in through a
        // federation token (aws-vault's approach), whose permissions never exceed the user's own.
        auto client = stsClient(false);
        if (!client)
            return fail(client.error());
        client.value()->setCredentials(credentials.value());
        Sts::GetFederationTokenRequest federation;
        federation.name = profile->name;
        federation.name.remove(QRegularExpression(u"[^A-Za-z0-9_+=,.@-]"_s));
        federation.name = federation.name.left(32);
        if (federation.name.size() < 2)
            federation.name = u"rolecall"_s;
        federation.policy
            = uR"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"_s;
        federation.durationSeconds = duration.value_or(43200);
        const auto token = await<Sts::GetFederationTokenJob, Sts::GetFederationTokenResult>(
            client.value()->getFederationToken(federation), [this](const QString &l) { debug(l); });
        if (!token)
            return fail(token.error());
        request.credentials = token->credentials;
        request.sessionDurationSeconds.reset();
    } else {
        request.credentials = credentials.value();
    }

    const Partition &partition = partitionForRegion(region.isEmpty() ? u"us-east-1"_s : region);
    const Partition &arnPartition = partitionForArn(profile->roleArn);
    const Partition &effective = arnPartition.isValid() ? arnPartition : partition;
    auto federation = Console::federationEndpoint(effective, {}, m_env);
    if (!federation)
        return fail(federation.error());
    ensureNetwork();
    auto *job = new Console::SigninJob(m_network, federation.value(), effective, request);
    const QString caBundle = m_env.value(u"AWS_CA_BUNDLE"_s, profile->setting(u"ca_bundle").trimmed());
    if (!caBundle.isEmpty()) {
        auto certificates = Sts::StsClient::loadCaBundle(caBundle);
        if (!certificates)
            return fail(certificates.error());
        job->setCaCertificates(certificates.value());
    }
    const auto login
        = await<Console::SigninJob, Console::SigninJob::Login>(job, [this](const QString &l) { debug(l); });
    if (!login)
        return fail(login.error());
    QUrl url = login->loginUrl;
    if (m_parser.isSet(u"logout-first"_s))
        url = Console::logoutUrl(federation.value(), url);
    const QString urlText = url.toString(QUrl::FullyEncoded);
    if (m_parser.isSet(u"print"_s)) {
        writeOut(urlText + u'\n');
        return ExitOk;
    }
    // A browser of the user's choice ($BROWSER), else the desktop's default.
    QString program = m_env.value(u"BROWSER"_s);
    QStringList arguments {urlText};
    if (program.isEmpty()) {
#if defined(Q_OS_MACOS)
        program = u"open"_s;
#elif defined(Q_OS_WIN)
        program = u"rundll32"_s;
        arguments.prepend(u"url.dll,FileProtocolHandler"_s);
#else
        program = u"xdg-open"_s;
#endif
    }
    if (!QProcess::startDetached(program, arguments))
        return fail(
            Error::config(tr("Could not start the browser (%1). Use --print to get the sign-in URL.").arg(program)));
    writeErr(
        tr("Opened the AWS console for %1 (the sign-in link is valid for 15 minutes).").arg(profile->name) + u'\n');
    return ExitOk;
}

} // namespace Rolecall::Cli
