// SPDX-License-Identifier: Apache-2.0
#include "processhardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace Rolecall::Core {

namespace {
#if defined(Q_OS_UNIX)
struct rlimit g_startLimit
{ };
bool g_haveStartLimit = false;
#endif
} // namespace

bool disableCoreDumps()
{
    if (qEnvironmentVariableIntValue("ROLECALL_ALLOW_CORE_DUMPS") == 1)
        return false;
    bool ok = true;
#if defined(Q_OS_UNIX)
    if (::getrlimit(RLIMIT_CORE, &g_startLimit) == 0) {
        g_haveStartLimit = true;
        // Only the soft limit: the hard one stays, so a child can be given its limit back.
        struct rlimit none = g_startLimit;
        none.rlim_cur = 0;
        ok = ::setrlimit(RLIMIT_CORE, &none) == 0;
    } else {
        ok = false;
    }
#endif
#if defined(Q_OS_LINUX)
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

void restoreCoreDumpLimit()
{
#if defined(Q_OS_UNIX)
    if (g_haveStartLimit)
        ::setrlimit(RLIMIT_CORE, &g_startLimit);
#endif
}

} // namespace Rolecall::Core
