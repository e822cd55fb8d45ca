// SPDX-License-Identifier: Apache-2.0
#include "fuzztarget.h"

#include <cstdio>
#include <cstdlib>

namespace Rolecall::Fuzz {

QList<Target> &targets()
{
    static QList<Target> list;
    return list;
}

void fuzzRequire(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

} // namespace Rolecall::Fuzz
