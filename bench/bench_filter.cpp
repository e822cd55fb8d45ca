// SPDX-License-Identifier: Apache-2.0
// One keystroke in the search field over 10,000 profiles (goal: ≤ 8 ms), at two depths:
// - BM_ModelKeystroke: ProfileTreeModel::setFilter alone (FuzzyMatcher over every profile, rank, reset);
// - BM_WindowKeystroke: the real MainWindow's search field, the view laid out and the window painted (offscreen),
//   i.e. what the user waits for.
// While searching the model is a flat ranked list (nothing to expand); the last case alternates between the empty
// search (the grouped tree, every account expanded again) and the first key.
// The profiles come from the same shape as bench/generate_profiles.py, read through the real config reader and
// resolver (ProfileStore). Each iteration types one character and the next deletes it again, so every
// iteration is one keystroke from a settled state.
#include "generatedprofiles.h"
#include "mainwindow.h"

#include "controllers/sessioncontroller.h"
#include "models/profiletreemodel.h"
#include "profiles/profilestore.h"
#include "util/clock.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rolecall;

namespace {

constexpr int kProfiles = 10000;

// The files bench/generate_profiles.py writes.
void writeProfiles(const QString &dir, int total)
{
    const auto [config, credentials] = Bench::generatedProfiles(total);
    QFile c(dir + u"/config"_s);
    QFile k(dir + u"/credentials"_s);
    if (!c.open(QIODevice::WriteOnly) || !k.open(QIODevice::WriteOnly) || c.write(config) != config.size()
        || k.write(credentials) != credentials.size())
        qFatal("cannot write the generated profiles");
}

/// The profiles, read once for every benchmark.
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Core::Profiles::ProfileStore> store;
    Core::ManualClock clock;

    Fixture()
    {
        writeProfiles(dir.path(), kProfiles);
        store = std::make_unique<Core::Profiles::ProfileStore>(
            Core::Config::ConfigPaths {dir.filePath(u"config"_s), dir.filePath(u"credentials"_s)}, u"bench"_s);
        store->reload();
        if (store->profiles().size() < kProfiles)
            qFatal("expected %d profiles, read %d", kProfiles, int(store->profiles().size()));
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

// The query typed so far, and the key pressed in the timed keystroke.
struct Keystroke
{
    const char *name;
    QString typed;
    QChar key;
};

const Keystroke kKeystrokes[] = {
    {"broad 'r'+'o'", u"r"_s, u'o'}, // nearly every profile still matches
    {"name 'role12'+'3'", u"role12"_s, u'3'},
    {"account id '0000123'+'4'", u"0000123"_s, u'4'},
    {"two words 'us-w rol'+'e'", u"us-w rol"_s, u'e'},
    {"tree <-> flat ''+'r'", QString(), u'r'},
};

void BM_ModelKeystroke(benchmark::State &state)
{
    const Keystroke &k = kKeystrokes[state.range(0)];
    state.SetLabel(k.name);
    Core::Models::ProfileTreeModel model(&fixture().clock);
    model.setProfiles(fixture().store->profiles());
    model.setFilter(k.typed);
    bool typed = false;
    for (auto _ : state) {
        typed = !typed;
        model.setFilter(typed ? k.typed + k.key : k.typed);
        benchmark::DoNotOptimize(model.visibleProfileCount());
    }
    state.counters["visible"] = model.visibleProfileCount();
}
BENCHMARK(BM_ModelKeystroke)->DenseRange(0, std::size(kKeystrokes) - 1)->Unit(benchmark::kMillisecond);

void BM_WindowKeystroke(benchmark::State &state)
{
    const Keystroke &k = kKeystrokes[state.range(0)];
    state.SetLabel(k.name);
    QNetworkAccessManager network;
    Core::CredentialServices services;
    services.network = &network;
    services.clock = &fixture().clock;
    Core::Controllers::SessionController sessions(fixture().store.get(), services);
    Ui::MainWindow window(fixture().store.get(), &sessions, &fixture().clock);
    window.show();
    auto *search = window.findChild<QLineEdit *>(u"searchLineEdit"_s);
    search->setText(k.typed);
    QApplication::processEvents();
    bool typed = false;
    for (auto _ : state) {
        typed = !typed;
        search->setText(typed ? k.typed + k.key : k.typed);
        window.repaint(); // lays out and paints the tree now, as the next frame would
        QApplication::processEvents();
    }
    state.counters["visible"] = window.model()->visibleProfileCount();
}
BENCHMARK(BM_WindowKeystroke)->DenseRange(0, std::size(kKeystrokes) - 1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
