// SPDX-License-Identifier: Apache-2.0
// The byte-preserving writer: every operation on tricky files, refusals, conflict rebasing, and a
// property test over randomly generated files and edit sequences.

#include "configfuzz.h"

#include "config/configwriter.h"
#include "config/inidocument.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Rolecall::Core;
using namespace Rolecall::Core::Config;
using namespace Rolecall::Test::ConfigFuzz;

Q_DECLARE_METATYPE(Rolecall::Core::Config::ConfigEdit)
Q_DECLARE_METATYPE(Rolecall::Core::Error::Kind)

namespace {

using Edits = QList<ConfigEdit>;

Error::Kind kindOf(const Result<QByteArray> &result)
{
    return result ? Error::Kind::None : result.error().kind;
}

} // namespace

class TestConfigWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setValue_data();
    void setValue() { checkApply(); }
    void setNested_data();
    void setNested() { checkApply(); }
    void removeKey_data();
    void removeKey() { checkApply(); }
    void addSection_data();
    void addSection() { checkApply(); }
    void removeSection_data();
    void removeSection() { checkApply(); }
    void renameSection_data();
    void renameSection() { checkApply(); }
    void editSequencesApplyInOrder_data();
    void editSequencesApplyInOrder() { checkApply(); }
    void refusesWhatBotocoreCannotReadBack_data();
    void refusesWhatBotocoreCannotReadBack();
    void errorsNeverQuoteValues();
    void noEditsKeepEveryByte_data();
    void noEditsKeepEveryByte();
    void sectionNamesReadBackThroughShlex_data();
    void sectionNamesReadBackThroughShlex();
    void rebaseReappliesOrRefuses_data();
    void rebaseReappliesOrRefuses();
    void randomEditsChangeOnlyWhatWasAsked();

private:
    void addApplyColumns();
    void checkApply();
};

void TestConfigWriter::addApplyColumns()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QByteArray>("expected");
}

void TestConfigWriter::checkApply()
{
    QFETCH(QByteArray, input);
    QFETCH(Edits, edits);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> result = ConfigWriter::apply(IniDocument::parse(input, u"config"_s), edits);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    if (result.value() != expected)
        qWarning().noquote() << "got:\n" << visible(result.value()) << "\nexpected:\n" << visible(expected);
    QCOMPARE(result.value(), expected);
}

void TestConfigWriter::setValue_data()
{
    addApplyColumns();
    const auto set = [](const QString &section, const QString &key, const QString &value) {
        return Edits {ConfigEdit::setValue(section, key, value)};
    };
    QTest::addRow("replaces the value only") << QByteArray("[default]\nregion = us-east-1\noutput = json\n")
                                             << set(u"default"_s, u"region"_s, u"eu-west-1"_s)
                                             << QByteArray("[default]\nregion = eu-west-1\noutput = json\n");
    QTest::addRow("no spaces around the delimiter")
        << QByteArray("[a]\nregion=us-east-1\n") << set(u"a"_s, u"region"_s, u"eu-west-1"_s)
        << QByteArray("[a]\nregion=eu-west-1\n");
    QTest::addRow("tabs and wide spacing")
        << QByteArray("[a]\n\tregion \t=   us-east-1   \n") << set(u"a"_s, u"region"_s, u"eu-west-1"_s)
        << QByteArray("[a]\n\tregion \t=   eu-west-1\n");
    QTest::addRow("colon delimiter") << QByteArray("[a]\nregion: us-east-1\n")
                                     << set(u"a"_s, u"region"_s, u"eu-west-1"_s)
                                     << QByteArray("[a]\nregion: eu-west-1\n");
    QTest::addRow("key spelling kept") << QByteArray("[a]\nRegion = us-east-1\n")
                                       << set(u"a"_s, u"REGION"_s, u"eu-west-1"_s)
                                       << QByteArray("[a]\nRegion = eu-west-1\n");
    QTest::addRow("empty value gets the space the key has")
        << QByteArray("[a]\nregion =\nx = 1\n") << set(u"a"_s, u"region"_s, u"eu-west-1"_s)
        << QByteArray("[a]\nregion = eu-west-1\nx = 1\n");
    QTest::addRow("empty value without spaces")
        << QByteArray("[a]\nregion=\n") << set(u"a"_s, u"region"_s, u"eu-west-1"_s)
        << QByteArray("[a]\nregion=eu-west-1\n");
    QTest::addRow("set to empty") << QByteArray("[a]\nregion = us-east-1\n") << set(u"a"_s, u"region"_s, QString())
                                  << QByteArray("[a]\nregion =\n");
    QTest::addRow("value with delimiters and comment characters")
        << QByteArray("[a]\nx = 1\n") << set(u"a"_s, u"x"_s, u"a=b: c # d ; e"_s)
        << QByteArray("[a]\nx = a=b: c # d ; e\n");
    QTest::addRow("crlf kept on insert") << QByteArray("[a]\r\nregion = x\r\n\r\n[b]\r\n")
                                         << set(u"a"_s, u"output"_s, u"json"_s)
                                         << QByteArray("[a]\r\nregion = x\r\noutput = json\r\n\r\n[b]\r\n");
    QTest::addRow("byte order mark kept")
        << QByteArray("\xEF\xBB\xBF[a]\nregion = x\n") << set(u"a"_s, u"region"_s, u"y"_s)
        << QByteArray("\xEF\xBB\xBF[a]\nregion = y\n");
    QTest::addRow("missing final newline stays missing")
        << QByteArray("[a]\nregion = x") << set(u"a"_s, u"region"_s, u"y"_s) << QByteArray("[a]\nregion = y");
    QTest::addRow("line appended after an unterminated last line") << QByteArray(
        "[a]\nregion = x") << set(u"a"_s, u"output"_s, u"json"_s) << QByteArray("[a]\nregion = x\noutput = json\n");
    QTest::addRow("inserted before comments and blank lines of the next section")
        << QByteArray("[a]\nregion = x\n# about b\n\n[b]\ny = 1\n") << set(u"a"_s, u"output"_s, u"json"_s)
        << QByteArray("[a]\nregion = x\noutput = json\n# about b\n\n[b]\ny = 1\n");
    QTest::addRow("comments between keys kept")
        << QByteArray("[a]\n# first\nregion = x\n; second\noutput = text\n") << set(u"a"_s, u"region"_s, u"y"_s)
        << QByteArray("[a]\n# first\nregion = y\n; second\noutput = text\n");
    QTest::addRow("continuation lines replaced with the entry")
        << QByteArray("[a]\nregion = x\n  continued\n\n  # inside\n  more\nnext = 1\n")
        << set(u"a"_s, u"region"_s, u"y"_s) << QByteArray("[a]\nregion = y\nnext = 1\n");
    QTest::addRow("continuation at the end without newline")
        << QByteArray("[a]\nregion = x\n  more") << set(u"a"_s, u"region"_s, u"y"_s) << QByteArray("[a]\nregion = y");
    QTest::addRow("crlf continuation") << QByteArray("[a]\r\nx = 1\r\n  2\r\ny = 3\r\n") << set(u"a"_s, u"x"_s, u"9"_s)
                                       << QByteArray("[a]\r\nx = 9\r\ny = 3\r\n");
    QTest::addRow("nested block replaced by a value")
        << QByteArray("[a]\ns3 =\n  addressing_style = path\nregion = x\n") << set(u"a"_s, u"s3"_s, u"plain"_s)
        << QByteArray("[a]\ns3 = plain\nregion = x\n");
    QTest::addRow("duplicate sections: the winning occurrence")
        << QByteArray("[a]\nregion = 1\n[b]\n[a]\nregion = 2\n") << set(u"a"_s, u"region"_s, u"3"_s)
        << QByteArray("[a]\nregion = 1\n[b]\n[a]\nregion = 3\n");
    QTest::addRow("duplicate sections: key only in the first block")
        << QByteArray("[a]\nregion = 1\n[a]\noutput = x\n") << set(u"a"_s, u"region"_s, u"3"_s)
        << QByteArray("[a]\nregion = 3\n[a]\noutput = x\n");
    QTest::addRow("duplicate sections: new key in the last block")
        << QByteArray("[a]\nregion = 1\n[b]\n[a]\noutput = x\n\n[c]\n") << set(u"a"_s, u"mfa_serial"_s, u"m"_s)
        << QByteArray("[a]\nregion = 1\n[b]\n[a]\noutput = x\nmfa_serial = m\n\n[c]\n");
    QTest::addRow("duplicate key in one section")
        << QByteArray("[a]\nregion = 1\nregion = 2\n") << set(u"a"_s, u"region"_s, u"3"_s)
        << QByteArray("[a]\nregion = 1\nregion = 3\n");
    QTest::addRow("DEFAULT section") << QByteArray("[DEFAULT]\nregion = x\n\n[a]\n")
                                     << set(u"DEFAULT"_s, u"region"_s, u"y"_s)
                                     << QByteArray("[DEFAULT]\nregion = y\n\n[a]\n");
    QTest::addRow("empty section") << QByteArray("[a]\n[b]\nx = 1\n") << set(u"a"_s, u"region"_s, u"r"_s)
                                   << QByteArray("[a]\nregion = r\n[b]\nx = 1\n");
    QTest::addRow("indented entries") << QByteArray("[a]\n  region = x\n") << set(u"a"_s, u"output"_s, u"json"_s)
                                      << QByteArray("[a]\n  region = x\n  output = json\n");
    QTest::addRow("inserted after a nested block")
        << QByteArray("[a]\ns3 =\n  x = 1\n\n[b]\n") << set(u"a"_s, u"region"_s, u"us"_s)
        << QByteArray("[a]\ns3 =\n  x = 1\nregion = us\n\n[b]\n");
    QTest::addRow("header without final newline")
        << QByteArray("[a]") << set(u"a"_s, u"region"_s, u"r"_s) << QByteArray("[a]\nregion = r\n");
    QTest::addRow("mixed line endings: the dominant one")
        << QByteArray("[a]\r\nx = 1\r\ny = 2\n") << set(u"a"_s, u"z"_s, u"3"_s)
        << QByteArray("[a]\r\nx = 1\r\ny = 2\nz = 3\r\n");
    QTest::addRow("empty section: below bad lines, not swallowing them")
        << QByteArray("[a]\n\tnot a setting\n# c\n[b]\n") << set(u"a"_s, u"k"_s, u"v"_s)
        << QByteArray("[a]\n\tnot a setting\nk = v\n# c\n[b]\n");
    QTest::addRow("empty section: as deep as an indented next header") << QByteArray(
        "[a]\n  [b]\nx = 1\n") << set(u"a"_s, u"k"_s, u"v"_s) << QByteArray("[a]\n  k = v\n  [b]\nx = 1\n");
    QTest::addRow("header with trailing comment")
        << QByteArray("[a] ; note\nx = 1\n") << set(u"a"_s, u"y"_s, u"2"_s) << QByteArray("[a] ; note\nx = 1\ny = 2\n");
    QTest::addRow("unicode value") << QByteArray("[a]\nx = 1\n") << set(u"a"_s, u"x"_s, u"ünïcødé"_s)
                                   << QByteArray("[a]\nx = ünïcødé\n");
}

void TestConfigWriter::setNested_data()
{
    addApplyColumns();
    const auto nested = [](const QString &key, const QString &sub, const QString &value) {
        return Edits {ConfigEdit::setNested(u"a"_s, key, sub, value)};
    };
    QTest::addRow("existing sub-key")
        << QByteArray("[a]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\n")
        << nested(u"s3"_s, u"addressing_style"_s, u"virtual"_s)
        << QByteArray("[a]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = virtual\n");
    QTest::addRow("new sub-key with the block's indentation")
        << QByteArray("[a]\ns3 =\n    max_concurrent_requests = 10\nregion = x\n")
        << nested(u"s3"_s, u"addressing_style"_s, u"path"_s)
        << QByteArray("[a]\ns3 =\n    max_concurrent_requests = 10\n    addressing_style = path\nregion = x\n");
    QTest::addRow("new block") << QByteArray("[a]\nregion = x\n") << nested(u"s3"_s, u"addressing_style"_s, u"path"_s)
                               << QByteArray("[a]\nregion = x\ns3 =\n  addressing_style = path\n");
    QTest::addRow("value becomes a block")
        << QByteArray("[a]\ns3 = nonsense\n") << nested(u"s3"_s, u"addressing_style"_s, u"path"_s)
        << QByteArray("[a]\ns3 =\n  addressing_style = path\n");
    QTest::addRow("comments and blank lines inside the block kept")
        << QByteArray("[a]\ns3 =\n  # comment\n  max = 1\n\n  addressing_style = path\n")
        << nested(u"s3"_s, u"max"_s, u"2"_s)
        << QByteArray("[a]\ns3 =\n  # comment\n  max = 2\n\n  addressing_style = path\n");
    QTest::addRow("crlf block") << QByteArray("[a]\r\nsts =\r\n  x = 1\r\n") << nested(u"sts"_s, u"y"_s, u"2"_s)
                                << QByteArray("[a]\r\nsts =\r\n  x = 1\r\n  y = 2\r\n");
    QTest::addRow("block at the end without newline")
        << QByteArray("[a]\ns3 =\n  max = 1") << nested(u"s3"_s, u"addressing_style"_s, u"path"_s)
        << QByteArray("[a]\ns3 =\n  max = 1\n  addressing_style = path\n");
    QTest::addRow("sub-key spacing kept") << QByteArray("[a]\ns3 =\n\tmax=1\n") << nested(u"s3"_s, u"max"_s, u"2"_s)
                                          << QByteArray("[a]\ns3 =\n\tmax=2\n");
}

void TestConfigWriter::removeKey_data()
{
    addApplyColumns();
    const auto remove = [](const QString &key) { return Edits {ConfigEdit::removeKey(u"a"_s, key)}; };
    QTest::addRow("simple") << QByteArray("[a]\nregion = x\noutput = json\n") << remove(u"region"_s)
                            << QByteArray("[a]\noutput = json\n");
    QTest::addRow("with continuation lines")
        << QByteArray("[a]\nregion = x\n  more\n  # inside\n  more\noutput = json\n") << remove(u"region"_s)
        << QByteArray("[a]\noutput = json\n");
    QTest::addRow("every block") << QByteArray("[a]\nregion = 1\n[b]\nregion = 2\n[a]\nregion = 3\n")
                                 << remove(u"region"_s) << QByteArray("[a]\n[b]\nregion = 2\n[a]\n");
    QTest::addRow("missing key: nothing changes")
        << QByteArray("[a]\nx = 1\n") << remove(u"region"_s) << QByteArray("[a]\nx = 1\n");
    QTest::addRow("last line without newline")
        << QByteArray("[a]\nx = 1\nregion = x") << remove(u"region"_s) << QByteArray("[a]\nx = 1");
    QTest::addRow("blank lines tidied") << QByteArray("[a]\nx = 1\n\nregion = 2\n\ny = 3\n") << remove(u"region"_s)
                                        << QByteArray("[a]\nx = 1\n\ny = 3\n");
    QTest::addRow("crlf") << QByteArray("[a]\r\nregion = x\r\n  more\r\noutput = json\r\n") << remove(u"region"_s)
                          << QByteArray("[a]\r\noutput = json\r\n");
    QTest::addRow("case-insensitive") << QByteArray("[a]\nRegion = x\n") << remove(u"region"_s) << QByteArray("[a]\n");
    QTest::addRow("comment after the key kept") << QByteArray("[a]\nregion = x\n# note\noutput = y\n")
                                                << remove(u"region"_s) << QByteArray("[a]\n# note\noutput = y\n");
    QTest::addRow("nested block") << QByteArray("[a]\ns3 =\n  x = 1\n  y = 2\nregion = r\n") << remove(u"s3"_s)
                                  << QByteArray("[a]\nregion = r\n");
}

void TestConfigWriter::addSection_data()
{
    addApplyColumns();
    const Edits dev {
        ConfigEdit::addSection(u"profile dev"_s, {{u"region"_s, u"us-east-1"_s}, {u"output"_s, u"json"_s}})};
    const Edits bare {ConfigEdit::addSection(u"b"_s)};
    QTest::addRow("empty file") << QByteArray() << dev
                                << QByteArray("[profile dev]\nregion = us-east-1\noutput = json\n");
    QTest::addRow("after content, one blank line") << QByteArray(
        "[a]\nx = 1\n") << dev << QByteArray("[a]\nx = 1\n\n[profile dev]\nregion = us-east-1\noutput = json\n");
    QTest::addRow("existing trailing blank line used")
        << QByteArray("[a]\nx = 1\n\n") << bare << QByteArray("[a]\nx = 1\n\n[b]\n");
    QTest::addRow("never two blank lines before it")
        << QByteArray("[a]\nx = 1\n\n\n") << bare << QByteArray("[a]\nx = 1\n\n[b]\n\n");
    QTest::addRow("no final newline") << QByteArray("[a]\nx = 1") << bare << QByteArray("[a]\nx = 1\n\n[b]\n");
    QTest::addRow("crlf") << QByteArray("[a]\r\nx = 1\r\n")
                          << Edits {ConfigEdit::addSection(u"b"_s, {{u"y"_s, u"2"_s}})}
                          << QByteArray("[a]\r\nx = 1\r\n\r\n[b]\r\ny = 2\r\n");
    QTest::addRow("byte order mark only") << QByteArray("\xEF\xBB\xBF") << bare << QByteArray("\xEF\xBB\xBF[b]\n");
    QTest::addRow("comment at the end") << QByteArray("[a]\nx = 1\n# end\n") << bare
                                        << QByteArray("[a]\nx = 1\n# end\n\n[b]\n");
    QTest::addRow("white-space last line without newline")
        << QByteArray("[a]\nx = 1\n  ") << bare << QByteArray("[a]\nx = 1\n  \n[b]\n");
    QTest::addRow("only blank lines") << QByteArray("\n\n") << bare << QByteArray("[b]\n\n\n");
    QTest::addRow("empty value") << QByteArray() << Edits {ConfigEdit::addSection(u"b"_s, {{u"x"_s, QString()}})}
                                 << QByteArray("[b]\nx =\n");
}

void TestConfigWriter::removeSection_data()
{
    addApplyColumns();
    const auto remove = [](const QString &name) { return Edits {ConfigEdit::removeSection(name)}; };
    const QByteArray three("[a]\nx = 1\n\n[b]\ny = 2\n\n[c]\nz = 3\n");
    QTest::addRow("middle") << three << remove(u"b"_s) << QByteArray("[a]\nx = 1\n\n[c]\nz = 3\n");
    QTest::addRow("first") << three << remove(u"a"_s) << QByteArray("[b]\ny = 2\n\n[c]\nz = 3\n");
    QTest::addRow("last") << three << remove(u"c"_s) << QByteArray("[a]\nx = 1\n\n[b]\ny = 2\n");
    QTest::addRow("the only one") << QByteArray("[a]\nx = 1\n") << remove(u"a"_s) << QByteArray();
    QTest::addRow("comment above the next header stays")
        << QByteArray("[a]\nx = 1\n\n[b]\ny = 2\n\n# about c\n[c]\nz = 3\n") << remove(u"b"_s)
        << QByteArray("[a]\nx = 1\n\n# about c\n[c]\nz = 3\n");
    QTest::addRow("comment above its own header goes") << QByteArray("[a]\nx = 1\n\n# about b\n[b]\ny = 2\n\n[c]\n")
                                                       << remove(u"b"_s) << QByteArray("[a]\nx = 1\n\n[c]\n");
    QTest::addRow("file header comment stays")
        << QByteArray("# my config\n[a]\nx = 1\n\n[b]\n") << remove(u"a"_s) << QByteArray("# my config\n[b]\n");
    QTest::addRow("commented-out setting goes with the section")
        << QByteArray("[a]\nx = 1\n# y = 2\n\n[b]\n") << remove(u"a"_s) << QByteArray("[b]\n");
    QTest::addRow("no blank lines between sections")
        << QByteArray("[a]\nx = 1\n[b]\ny = 2\n[c]\n") << remove(u"b"_s) << QByteArray("[a]\nx = 1\n[c]\n");
    QTest::addRow("every block of a duplicate")
        << QByteArray("[a]\nx = 1\n\n[b]\n\n[a]\ny = 2\n") << remove(u"a"_s) << QByteArray("[b]\n");
    QTest::addRow("missing final newline stays missing")
        << QByteArray("[a]\nx = 1\n\n[b]\ny = 2") << remove(u"b"_s) << QByteArray("[a]\nx = 1");
    QTest::addRow("crlf") << QByteArray("[a]\r\nx = 1\r\n\r\n[b]\r\ny = 2\r\n\r\n[c]\r\n") << remove(u"b"_s)
                          << QByteArray("[a]\r\nx = 1\r\n\r\n[c]\r\n");
    QTest::addRow("two blank lines before it are kept")
        << QByteArray("[a]\n\n\n[b]\n\n[c]\n") << remove(u"b"_s) << QByteArray("[a]\n\n\n[c]\n");
    QTest::addRow("byte order mark kept")
        << QByteArray("\xEF\xBB\xBF[a]\nx = 1\n\n[b]\n") << remove(u"a"_s) << QByteArray("\xEF\xBB\xBF[b]\n");
    QTest::addRow("DEFAULT") << QByteArray("[DEFAULT]\nregion = x\n\n[a]\n") << remove(u"DEFAULT"_s)
                             << QByteArray("[a]\n");
}

void TestConfigWriter::renameSection_data()
{
    addApplyColumns();
    const auto rename
        = [](const QString &from, const QString &to) { return Edits {ConfigEdit::renameSection(from, to)}; };
    QTest::addRow("simple") << QByteArray("[profile dev]\nx = 1\n") << rename(u"profile dev"_s, u"profile staging"_s)
                            << QByteArray("[profile staging]\nx = 1\n");
    QTest::addRow("text around the brackets kept")
        << QByteArray("  [profile dev]  ; note\r\nx = 1\r\n") << rename(u"profile dev"_s, u"profile staging"_s)
        << QByteArray("  [profile staging]  ; note\r\nx = 1\r\n");
    QTest::addRow("every block of a duplicate") << QByteArray("[a]\nx = 1\n[b]\n[a]\ny = 2\n") << rename(u"a"_s, u"c"_s)
                                                << QByteArray("[c]\nx = 1\n[b]\n[c]\ny = 2\n");
    QTest::addRow("last line without newline")
        << QByteArray("[a]\nx = 1\n[b]") << rename(u"b"_s, u"c"_s) << QByteArray("[a]\nx = 1\n[c]");
    QTest::addRow("quoted profile name") << QByteArray("[profile dev]\n")
                                         << rename(u"profile dev"_s, configSectionName(u"my team"_s))
                                         << QByteArray("[profile \"my team\"]\n");
}

void TestConfigWriter::editSequencesApplyInOrder_data()
{
    addApplyColumns();
    QTest::addRow("add then set") << QByteArray(
        "[a]\nx = 1\n") << Edits {ConfigEdit::addSection(u"b"_s), ConfigEdit::setValue(u"b"_s, u"region"_s, u"r"_s)}
                                  << QByteArray("[a]\nx = 1\n\n[b]\nregion = r\n");
    QTest::addRow("rename then set") << QByteArray("[a]\nx = 1\n")
                                     << Edits {ConfigEdit::renameSection(u"a"_s, u"b"_s),
                                            ConfigEdit::setValue(u"b"_s, u"x"_s, u"2"_s)}
                                     << QByteArray("[b]\nx = 2\n");
    QTest::addRow("remove then add again")
        << QByteArray("[a]\nx = 1\n\n[b]\ny = 2\n")
        << Edits {ConfigEdit::removeSection(u"a"_s), ConfigEdit::addSection(u"a"_s, {{u"x"_s, u"3"_s}})}
        << QByteArray("[b]\ny = 2\n\n[a]\nx = 3\n");
    QTest::addRow("remove key then set it again")
        << QByteArray("[a]\nx = 1\ny = 2\n")
        << Edits {ConfigEdit::removeKey(u"a"_s, u"x"_s), ConfigEdit::setValue(u"a"_s, u"x"_s, u"3"_s)}
        << QByteArray("[a]\ny = 2\nx = 3\n");
}

void TestConfigWriter::refusesWhatBotocoreCannotReadBack_data()
{
    QTest::addColumn<ConfigEdit>("edit");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("field");
    const auto set = [](const QString &key, const QString &value) { return ConfigEdit::setValue(u"a"_s, key, value); };
    QTest::addRow("newline in a value") << set(u"region"_s, u"x\ny"_s) << Error::Kind::Validation << u"region"_s;
    QTest::addRow("carriage return in a value")
        << set(u"region"_s, u"x\ry"_s) << Error::Kind::Validation << u"region"_s;
    QTest::addRow("leading space in a value") << set(u"region"_s, u" x"_s) << Error::Kind::Validation << u"region"_s;
    QTest::addRow("trailing tab in a value") << set(u"region"_s, u"x\t"_s) << Error::Kind::Validation << u"region"_s;
    QTest::addRow("= in a key") << set(u"a=b"_s, u"x"_s) << Error::Kind::Validation << u"a=b"_s;
    QTest::addRow(": in a key") << set(u"a:b"_s, u"x"_s) << Error::Kind::Validation << u"a:b"_s;
    QTest::addRow("# starts a key") << set(u"#x"_s, u"x"_s) << Error::Kind::Validation << u"#x"_s;
    QTest::addRow("; starts a key") << set(u";x"_s, u"x"_s) << Error::Kind::Validation << u";x"_s;
    QTest::addRow("[ starts a key") << set(u"[x"_s, u"x]"_s) << Error::Kind::Validation << u"[x"_s;
    QTest::addRow("empty key") << set(QString(), u"x"_s) << Error::Kind::Validation << QString();
    QTest::addRow("space around a key") << set(u" x"_s, u"x"_s) << Error::Kind::Validation << u" x"_s;
    QTest::addRow("newline in a key") << set(u"x\ny"_s, u"x"_s) << Error::Kind::Validation << u"x\ny"_s;
    QTest::addRow("empty section name") << ConfigEdit::addSection(QString()) << Error::Kind::Validation << QString();
    QTest::addRow("newline in a section name")
        << ConfigEdit::addSection(u"a\nb"_s) << Error::Kind::Validation << u"a\nb"_s;
    QTest::addRow("newline in a new name")
        << ConfigEdit::renameSection(u"a"_s, u"b\r"_s) << Error::Kind::Validation << u"b\r"_s;
    QTest::addRow("= in a nested key") << ConfigEdit::setNested(u"a"_s, u"s3"_s, u"x=y"_s, u"1"_s)
                                       << Error::Kind::Validation << u"x=y"_s;
    QTest::addRow("vertical tab in a nested value")
        << ConfigEdit::setNested(u"a"_s, u"s3"_s, u"x"_s, u"1\v2"_s) << Error::Kind::Validation << u"x"_s;
    QTest::addRow("a key twice in a new section")
        << ConfigEdit::addSection(u"b"_s, {{u"Region"_s, u"1"_s}, {u"region"_s, u"2"_s}}) << Error::Kind::Validation
        << u"region"_s;
    QTest::addRow("missing section") << ConfigEdit::setValue(u"zz"_s, u"x"_s, u"1"_s) << Error::Kind::Config
                                     << QString();
    QTest::addRow("removing a missing section")
        << ConfigEdit::removeSection(u"zz"_s) << Error::Kind::Config << QString();
    QTest::addRow("removing a key of a missing section")
        << ConfigEdit::removeKey(u"zz"_s, u"x"_s) << Error::Kind::Config << QString();
    QTest::addRow("adding an existing section") << ConfigEdit::addSection(u"a"_s) << Error::Kind::Config << QString();
    QTest::addRow("renaming a repeated DEFAULT into repeated sections")
        << ConfigEdit::renameSection(u"DEFAULT"_s, u"c"_s) << Error::Kind::Config << QString();
    QTest::addRow("renaming onto an existing section")
        << ConfigEdit::renameSection(u"a"_s, u"b"_s) << Error::Kind::Config << QString();
}

void TestConfigWriter::refusesWhatBotocoreCannotReadBack()
{
    QFETCH(ConfigEdit, edit);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, field);
    const IniDocument doc
        = IniDocument::parse("[a]\nregion = x\n\n[b]\n[DEFAULT]\n[DEFAULT]\n", u"/home/u/.aws/config"_s);
    QVERIFY(!doc.rejectedByBotocore());
    const Result<QByteArray> result = ConfigWriter::apply(doc, {edit});
    QCOMPARE(kindOf(result), kind);
    if (kind == Error::Kind::Validation)
        QCOMPARE(result.error().field, field);
    QVERIFY2(result.error().message.contains(u"/home/u/.aws/config"_s), qPrintable(result.error().message));
}

void TestConfigWriter::errorsNeverQuoteValues()
{
    const IniDocument doc = IniDocument::parse("[dev]\naws_secret_access_key = OLDSECRET\n", u"credentials"_s);
    const Result<QByteArray> result
        = ConfigWriter::apply(doc, {ConfigEdit::setValue(u"dev"_s, u"aws_secret_access_key"_s, u"NEWSECRET\n"_s)});
    QCOMPARE(kindOf(result), Error::Kind::Validation);
    QVERIFY(result.error().message.contains(u"aws_secret_access_key"_s));
    QVERIFY(!result.error().message.contains(u"NEWSECRET"_s));
    QVERIFY(!result.error().message.contains(u"OLDSECRET"_s));
}

void TestConfigWriter::noEditsKeepEveryByte_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("byte order mark only") << QByteArray("\xEF\xBB\xBF");
    QTest::addRow("crlf, no final newline") << QByteArray("[a]\r\nx = 1\r\n\r\n[b]\r\ny=2");
    QTest::addRow("everything") << QByteArray(
        "\xEF\xBB\xBF# top\n\n[default]\n\tregion\t=\tus \n  ; note\ns3 =\n  a = 1\n\n  b=2\n"
        "[profile \"x y\"]  # c\nk: v\n  cont\nbad line\n\n\n[DEFAULT]\r\nx=\n  \n");
    QTest::addRow("invalid utf-8") << QByteArray("[a]\nx = \xff\xfe\n");
}

void TestConfigWriter::noEditsKeepEveryByte()
{
    QFETCH(QByteArray, input);
    const Result<QByteArray> result = ConfigWriter::apply(IniDocument::parse(input), {});
    QVERIFY(result);
    QCOMPARE(result.value(), input);
}

void TestConfigWriter::sectionNamesReadBackThroughShlex_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("section");
    QTest::addRow("default") << u"default"_s << u"default"_s;
    QTest::addRow("plain") << u"dev"_s << u"profile dev"_s;
    QTest::addRow("punctuation needs no quotes") << u"a.b-c_d@e$f#g"_s << u"profile a.b-c_d@e$f#g"_s;
    QTest::addRow("space") << u"my team"_s << u"profile \"my team\""_s;
    QTest::addRow("tab") << u"a\tb"_s << u"profile \"a\tb\""_s;
    QTest::addRow("double quote") << u"say \"hi\""_s << u"profile \"say \\\"hi\\\"\""_s;
    QTest::addRow("single quote") << u"it's"_s << u"profile \"it's\""_s;
    QTest::addRow("backslash") << u"a\\b"_s << u"profile \"a\\\\b\""_s;
    QTest::addRow("empty") << QString() << u"profile \"\""_s;
}

void TestConfigWriter::sectionNamesReadBackThroughShlex()
{
    QFETCH(QString, profile);
    QFETCH(QString, section);
    QCOMPARE(configSectionName(profile), section);
    QCOMPARE(credentialsSectionName(profile), profile);
    if (profile == u"default"_s)
        return;
    QStringList parts;
    QVERIFY(shlexSplit(section, &parts));
    QCOMPARE(parts, (QStringList {u"profile"_s, profile}));
    // And the section survives a round trip through the file.
    const Result<QByteArray> bytes = ConfigWriter::apply(IniDocument::parse({}), {ConfigEdit::addSection(section)});
    QVERIFY(bytes);
    QCOMPARE(IniDocument::parse(bytes.value()).sections().value(0).name, section);
}

void TestConfigWriter::rebaseReappliesOrRefuses_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("current");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QByteArray>("expected"); // empty: a conflict naming conflictText
    QTest::addColumn<QString>("conflictText");
    const QByteArray base("[a]\nregion = 1\noutput = json\n\n[b]\nx = 1\n");
    const Edits setRegion {ConfigEdit::setValue(u"a"_s, u"region"_s, u"2"_s)};
    QTest::addRow("another key changed: re-applied")
        << base << QByteArray("[a]\nregion = 1\noutput = text\n\n[b]\nx = 1\n") << setRegion
        << QByteArray("[a]\nregion = 2\noutput = text\n\n[b]\nx = 1\n") << QString();
    QTest::addRow("another section added: re-applied")
        << base << QByteArray(base + "\n[c]\n") << setRegion
        << QByteArray("[a]\nregion = 2\noutput = json\n\n[b]\nx = 1\n\n[c]\n") << QString();
    QTest::addRow("same key changed: conflict") << base << QByteArray("[a]\nregion = 9\noutput = json\n\n[b]\nx = 1\n")
                                                << setRegion << QByteArray() << u"region in [a] was changed"_s;
    QTest::addRow("same key changed to the same value: fine")
        << base << QByteArray("[a]\nregion = 2\noutput = json\n\n[b]\nx = 1\n") << setRegion
        << QByteArray("[a]\nregion = 2\noutput = json\n\n[b]\nx = 1\n") << QString();
    QTest::addRow("key removed on disk: conflict") << base << QByteArray("[a]\noutput = json\n\n[b]\nx = 1\n")
                                                   << setRegion << QByteArray() << u"region in [a] was changed"_s;
    QTest::addRow("section removed: conflict")
        << base << QByteArray("[b]\nx = 1\n") << setRegion << QByteArray() << u"[a] was removed or renamed"_s;
    QTest::addRow("section renamed: conflict") << base << QByteArray("[z]\nregion = 1\noutput = json\n\n[b]\nx = 1\n")
                                               << setRegion << QByteArray() << u"[a] was removed or renamed"_s;
    QTest::addRow("section added meanwhile: conflict")
        << base << QByteArray(base + "[c]\n") << Edits {ConfigEdit::addSection(u"c"_s)} << QByteArray()
        << u"[c] was added"_s;
    QTest::addRow("removed section changed: conflict")
        << base << QByteArray("[a]\nregion = 1\noutput = json\n\n[b]\nx = 2\n")
        << Edits {ConfigEdit::removeSection(u"b"_s)} << QByteArray() << u"[b] was changed"_s;
    QTest::addRow("removed section already gone: fine")
        << base << QByteArray("[a]\nregion = 1\noutput = json\n") << Edits {ConfigEdit::removeSection(u"b"_s)}
        << QByteArray("[a]\nregion = 1\noutput = json\n") << QString();
    QTest::addRow("removed key changed: conflict")
        << base << QByteArray("[a]\nregion = 5\noutput = json\n\n[b]\nx = 1\n")
        << Edits {ConfigEdit::removeKey(u"a"_s, u"region"_s)} << QByteArray() << u"region in [a] was changed"_s;
    QTest::addRow("rename target added meanwhile: conflict")
        << base << QByteArray(base + "[c]\n") << Edits {ConfigEdit::renameSection(u"b"_s, u"c"_s)} << QByteArray()
        << u"[c] was added"_s;
    QTest::addRow("rename then set a key changed on disk: conflict")
        << base << QByteArray("[a]\nregion = 7\noutput = json\n\n[b]\nx = 1\n")
        << Edits {ConfigEdit::renameSection(u"a"_s, u"c"_s), ConfigEdit::setValue(u"c"_s, u"region"_s, u"2"_s)}
        << QByteArray() << u"region in [c] was changed"_s;
    QTest::addRow("add then set: no base to compare")
        << base << QByteArray(base + "# edited\n")
        << Edits {ConfigEdit::addSection(u"c"_s), ConfigEdit::setValue(u"c"_s, u"region"_s, u"2"_s)}
        << QByteArray(base + "# edited\n\n[c]\nregion = 2\n") << QString();
    const QByteArray nested("[a]\ns3 =\n  x = 1\n  y = 1\n");
    QTest::addRow("other nested key changed: re-applied")
        << nested << QByteArray("[a]\ns3 =\n  x = 1\n  y = 5\n")
        << Edits {ConfigEdit::setNested(u"a"_s, u"s3"_s, u"x"_s, u"2"_s)} << QByteArray("[a]\ns3 =\n  x = 2\n  y = 5\n")
        << QString();
    QTest::addRow("same nested key changed: conflict")
        << nested << QByteArray("[a]\ns3 =\n  x = 3\n  y = 1\n")
        << Edits {ConfigEdit::setNested(u"a"_s, u"s3"_s, u"x"_s, u"2"_s)} << QByteArray() << u"s3 in [a] was changed"_s;
}

void TestConfigWriter::rebaseReappliesOrRefuses()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, current);
    QFETCH(Edits, edits);
    QFETCH(QByteArray, expected);
    QFETCH(QString, conflictText);
    const IniDocument currentDoc = IniDocument::parse(current, u"/tmp/config"_s);
    const Result<Edits> rebased = ConfigWriter::rebase(IniDocument::parse(base), currentDoc, edits, u"/tmp/config"_s);
    if (!conflictText.isEmpty()) {
        QVERIFY(!rebased);
        QCOMPARE(rebased.error().kind, Error::Kind::Config);
        QVERIFY2(rebased.error().message.contains(conflictText), qPrintable(rebased.error().message));
        QVERIFY(rebased.error().message.contains(u"/tmp/config"_s));
        return;
    }
    QVERIFY2(rebased, qPrintable(rebased ? QString() : rebased.error().message));
    const Result<QByteArray> result = ConfigWriter::apply(currentDoc, rebased.value());
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result.value(), expected);
}

void TestConfigWriter::randomEditsChangeOnlyWhatWasAsked()
{
    // ROLECALL_PROPERTY_SEED / ROLECALL_PROPERTY_RUNS reproduce a failure or search longer.
    bool ok = false;
    quint32 baseSeed = qEnvironmentVariable("ROLECALL_PROPERTY_SEED").toUInt(&ok);
    if (!ok)
        baseSeed = 20240601;
    int runs = qEnvironmentVariableIntValue("ROLECALL_PROPERTY_RUNS", &ok);
    if (!ok || runs <= 0)
        runs = 600;
    qInfo("property test: %d sequences from seed %u", runs, baseSeed);

    int edits = 0;
    for (int run = 0; run < runs; ++run) {
        const quint32 seed = baseSeed + static_cast<quint32>(run);
        Generator gen(seed);
        const QByteArray original = gen.file();
        const auto fail = [&](const QString &what, const QByteArray &bytes) {
            return u"seed %1 (ROLECALL_PROPERTY_SEED=%1 ROLECALL_PROPERTY_RUNS=1): %2\n--- original ---\n%3\n"
                   "--- at the failure ---\n%4"_s.arg(seed)
                       .arg(what, QString::fromUtf8(visible(original)), QString::fromUtf8(visible(bytes)));
        };

        // Parse, apply nothing: every byte back.
        const IniDocument originalDoc = IniDocument::parse(original);
        const Result<QByteArray> unchanged = ConfigWriter::apply(originalDoc, {});
        QVERIFY2(unchanged && unchanged.value() == original, qPrintable(fail(u"no-op changed bytes"_s, original)));

        // Edits one at a time: each changes exactly what it says and keeps every other line.
        Model expected = Model::read(originalDoc);
        QByteArray bytes = original;
        Edits sequence;
        for (int step = 1 + gen.pick(6); step > 0; --step) {
            const ConfigEdit edit = gen.edit(expected);
            const IniDocument before = IniDocument::parse(bytes);
            const Result<QByteArray> next = ConfigWriter::apply(before, {edit});
            if (refusedForBotocore(before, edit)) {
                QVERIFY2(!next && next.error().kind == Error::Kind::Config,
                    qPrintable(fail(edit.description() + u": should be refused"_s, bytes)));
                continue;
            }
            QVERIFY2(next,
                qPrintable(fail(edit.description() + u": "_s + (next ? QString() : next.error().message), bytes)));
            const IniDocument after = IniDocument::parse(next.value());
            expected.apply(edit);
            const QString semantic = expected.compare(Model::read(after));
            QVERIFY2(semantic.isEmpty(), qPrintable(fail(edit.description() + u": "_s + semantic, next.value())));
            const QString lines = checkUntouchedLines(before, after, edit);
            QVERIFY2(lines.isEmpty(), qPrintable(fail(edit.description() + u": "_s + lines, next.value())));
            bytes = next.value();
            sequence.append(edit);
            ++edits;
        }

        // The whole sequence at once gives the same bytes.
        const Result<QByteArray> atOnce = ConfigWriter::apply(originalDoc, sequence);
        QVERIFY2(atOnce && atOnce.value() == bytes, qPrintable(fail(u"sequence applied at once differs"_s, bytes)));
    }
    qInfo("property test: %d edits checked", edits);
}

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
