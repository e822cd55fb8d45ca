// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace Rolecall::Core {

/**
 * A value or an Error: what every synchronous core function returns instead of throwing.
 *
 * Shaped like std::expected (C++23): test with `if (result)`, read with `value()` or `error()`.
 * Reading the wrong side is a programming error and asserts in debug builds.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    /// An unset result (an Error of kind None); exists so Result can travel through signals.
    Result()
        : m_data(std::in_place_index<1>, Error())
    { }
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    { }
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(const Error &error)
        : m_data(std::in_place_index<1>, error)
    { }
    Result(Error &&error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return *std::get_if<0>(&m_data);
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return *std::get_if<0>(&m_data);
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::move(*std::get_if<0>(&m_data));
    }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return *std::get_if<1>(&m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/** Result for operations that return nothing but may fail. */
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error)
        : m_error(error)
        , m_failed(true)
    { }
    Result(Error &&error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const Error &error() const
    {
        Q_ASSERT(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace Rolecall::Core
