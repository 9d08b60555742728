#pragma once
// Reading integers from JSON that may be damaged (saved snapshots, recordings). nlohmann's
// get<integer>() casts a floating-point value, which is undefined behaviour beyond the integer's
// range (a "surge_volume" of 3.9e23, found by tests/fuzz/FuzzSnapshotJson).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace kiwoomd {

// The value as a T when it is a JSON integer within T's range and not below `min`; otherwise
// nullopt (the caller tells "not an integer" from "out of range" by value.is_number_integer()).
template <typename T>
std::optional<T> jsonInteger(const nlohmann::json& value, T min = std::numeric_limits<T>::min()) {
    static_assert(std::is_integral_v<T>);
    if (!value.is_number_integer()) {
        return std::nullopt;
    }
    bool inRange = false;
    T result{};
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        inRange = v <= static_cast<std::uint64_t>(std::numeric_limits<T>::max());
        result = static_cast<T>(v);
    } else {
        const auto v = value.get<std::int64_t>();
        if constexpr (std::is_signed_v<T>) {
            inRange = v >= std::numeric_limits<T>::min() && v <= std::numeric_limits<T>::max();
        } else {
            inRange = v >= 0;
        }
        result = static_cast<T>(v);
    }
    if (!inRange || result < min) {
        return std::nullopt;
    }
    return result;
}

} // namespace kiwoomd
