// The outcome of an asynchronous call: a value, or a failure a person can act on.
#pragma once

#include "core/model/ApiFailure.h"

#include <functional>
#include <optional>

template<typename T> struct Result
{
    std::optional<T> value;
    ApiFailure failure; // meaningful when !ok()

    bool ok() const { return value.has_value(); }
    static Result success(T v) { return Result{std::move(v), {}}; }
    static Result error(ApiFailure f) { return Result{std::nullopt, std::move(f)}; }
};

template<typename T> using ResultCallback = std::function<void(const Result<T> &)>;
