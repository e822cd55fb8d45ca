// SPDX-License-Identifier: Apache-2.0
// rolecall-cli: the command-line companion's entry point.
//
// The profile listing (`profiles`, `profiles --json`, `profiles --names`, which shell completion
// runs on every Tab) and `--version` are answered here. Every other command line goes to the
// commands module (rolecall-cli-commands), loaded only then: its network, keychain and STS code
// brings some twenty shared libraries (Qt Network and D-Bus, Kerberos, systemd, …) whose loading
// took about half of each start. Where there is no module (not Linux), it is linked in.
#include "application.h"
#include "profilelisting.h"

#include "config/sharedconfig.h"
#include "i18n.h"
#include "util/processhardening.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(ROLECALL_CLI_MODULE)
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <string>
#else
#include "climain.h"
#endif

namespace {

using Rolecall::Cli::ProfileListing;

// Exactly these lines take the short path; anything more (another option, --help, a typo) goes to
// the full parser, so both paths answer the same line the same way.
std::optional<ProfileListing::Format> listingFormat(int argc, char *argv[])
{
    if (argc < 2 || argc > 3 || std::strcmp(argv[1], "profiles") != 0)
        return std::nullopt;
    if (argc == 2)
        return ProfileListing::Format::Table;
    if (std::strcmp(argv[2], "--json") == 0)
        return ProfileListing::Format::Json;
    if (std::strcmp(argv[2], "--names") == 0)
        return ProfileListing::Format::Names;
    return std::nullopt;
}

// Reading and resolving a large config takes some 14 bytes of fresh heap per byte of the files
// (10 MB for 5,000 profiles), and where page faults are slow (a virtual machine: about 10 us per
// 4 KiB page) faulting it in was a third of the listing. For such files the heap is grown once,
// up front, and the kernel asked to back it with 2 MiB pages (transparent huge pages), as glibc's
// glibc.malloc.hugetlb=1 tunable would: the same memory in a few faults instead of thousands.
// Nothing changes where transparent huge pages are off; sanitizer builds have their own allocator.
//
// Only whole, aligned 2 MiB ranges can be huge pages, and the heap's top rarely starts on one: the
// files' text and the first megabyte of the model used to land below the first boundary, in some
// 250 small pages. That gap is now taken by a block that is kept and never touched (address space,
// no memory), so the parser's first allocation starts on the boundary.
void *volatile gapFiller = nullptr; // volatile: the compiler may not drop a malloc() nobody reads
void prepareHeapFor(qint64 fileBytes)
{
#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(ROLECALL_SANITIZE_BUILD)
    constexpr qint64 kWorthIt = 256 * 1024; // below this the faults cost less than clearing a 2 MiB page
    constexpr qint64 kHeapPerFileByte = 16;
    constexpr std::uintptr_t kHugePage = 2 * 1024 * 1024;
    if (fileBytes < kWorthIt)
        return;
    constexpr int kMmapThreshold = 32 << 20; // glibc's largest
    const qint64 bytes = std::min<qint64>(fileBytes * kHeapPerFileByte, kMmapThreshold - kHugePage);
    // Blocks up to 32 MiB come from this heap too, and it is not shrunk before the process ends.
    if (mallopt(M_MMAP_THRESHOLD, kMmapThreshold) != 1 || mallopt(M_TRIM_THRESHOLD, kMmapThreshold) != 1)
        return;
    // Where the next block would go: a small block comes from the top of the heap, or from a freed
    // block below it (then the filler, taken from the top, reaches past the boundary: no harm).
    void *probe = std::malloc(1);
    const auto next = reinterpret_cast<std::uintptr_t>(probe);
    std::free(probe);
    const std::uintptr_t first = (next + kHugePage - 1) & ~(kHugePage - 1);
    constexpr std::uintptr_t kChunkHeader = 64; // more than glibc's own, so the filler ends before `first`
    if (probe && first - next > kChunkHeader)
        gapFiller = std::malloc(first - next - kChunkHeader);
    void *block = std::malloc(static_cast<size_t>(bytes)); // moves the break; no page is touched yet
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t last = after & ~(kHugePage - 1);
    if (block && last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
    std::free(block); // back to the heap's top, for the parser
#else
    Q_UNUSED(fileBytes);
#endif
}

int listProfiles(int argc, char *argv[], ProfileListing::Format format)
{
    using namespace Rolecall::Core::Config;
    // As runCli() does first: the credentials file's keys are about to be in this process's memory.
    Rolecall::Core::disableCoreDumps();
    // The listing needs a QCoreApplication only to install a translator; where there is none for the
    // user's language (English, C) it does without one, as starting it was a tenth of the listing.
    std::optional<QCoreApplication> app;
    if (Rolecall::hasTranslationForSystemLocale()) {
        app.emplace(argc, argv);
        Rolecall::Cli::setUpApplication(*app);
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ConfigPaths paths = ConfigPaths::fromEnvironment(env);
    prepareHeapFor(QFileInfo(paths.config).size() + QFileInfo(paths.credentials).size());
    // The listing reads once and exits: the files' text is kept to the end, and copying a value
    // while resolving costs no reference count (Core::TextLifetime).
    auto config = std::make_unique<SharedConfig>(SharedConfig::load(paths, Rolecall::Core::TextLifetime::Process));
    const int exitCode = ProfileListing::run(*config, env, format, stdout, stderr);
    Rolecall::Cli::abandonAtExit(config);
    return exitCode;
}

#if defined(ROLECALL_CLI_MODULE)
// The module is installed in ROLECALL_CLI_MODULE_DIR relative to the executable, and sits next to
// it in the build tree.
int runCommandsModule(int argc, char *argv[])
{
    std::string exe(PATH_MAX, '\0');
    const ssize_t length = readlink("/proc/self/exe", exe.data(), exe.size() - 1);
    exe.resize(length > 0 ? static_cast<size_t>(length) : 0);
    const std::string dir = exe.substr(0, exe.rfind('/') == std::string::npos ? 0 : exe.rfind('/'));
    const std::string candidates[] = {
        dir + "/" ROLECALL_CLI_MODULE_DIR "/" ROLECALL_CLI_MODULE_FILE,
        dir + "/" ROLECALL_CLI_MODULE_FILE,
    };
    std::string path = candidates[0];
    std::string problem;
    for (const std::string &candidate : candidates) {
        if (access(candidate.c_str(), F_OK) != 0)
            continue;
        path = candidate;
        if (void *module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            using Entry = int (*)(int, char *[]);
            if (const auto entry = reinterpret_cast<Entry>(dlsym(module, "rolecall_cli_main")))
                return entry(argc, argv);
        }
        const char *error = dlerror();
        problem = error ? error : "rolecall_cli_main is missing";
        break;
    }
    QCoreApplication app(argc, argv);
    Rolecall::Cli::setUpApplication(app);
    const QString reason = problem.empty() ? QCoreApplication::translate("Rolecall::Cli::Cli", "no such file")
                                           : QString::fromLocal8Bit(problem.c_str());
    const QString message = QCoreApplication::translate("Rolecall::Cli::Cli",
        "rolecall-cli: cannot load its commands from %1 (%2). The installation is incomplete: "
        "reinstall Rolecall.")
                                .arg(QString::fromStdString(path), reason);
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    return 70; // EX_SOFTWARE
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::fputs("rolecall-cli " ROLECALL_VERSION "\n", stdout);
        return 0;
    }
    if (const std::optional<ProfileListing::Format> format = listingFormat(argc, argv))
        return listProfiles(argc, argv, *format);
#if defined(ROLECALL_CLI_MODULE)
    return runCommandsModule(argc, argv);
#else
    return Rolecall::Cli::runCli(argc, argv);
#endif
}
