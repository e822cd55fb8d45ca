// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace Rolecall::Core {

/**
 * Keeps the secrets a Rolecall process holds in memory out of core dumps and away from debuggers of
 * the same user: the core-file size soft limit goes to 0 and, on Linux, the process is made
 * non-dumpable (which also forbids ptrace attach by unprivileged processes and /proc/PID/mem reads).
 * Call first thing in main(). ROLECALL_ALLOW_CORE_DUMPS=1 in the environment skips it, for debugging.
 * Returns false when the environment asked to skip or the system refused.
 */
bool disableCoreDumps();

/**
 * Gives a child process the core-file limit this process started with: for programs the user runs
 * through Rolecall (`rolecall-cli exec`), which should behave as if started from their shell.
 * Async-signal-safe: meant for QProcess::setChildProcessModifier().
 */
void restoreCoreDumpLimit();

} // namespace Rolecall::Core
