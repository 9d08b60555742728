#include "kiwoomd/kiwoom/emulator/SeededRandom.h"

#include <cmath>

namespace kiwoomd::emulator {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

SeededRandom::SeededRandom(std::uint64_t seed) {
    for (auto& word : m_state) {
        word = splitmix64(seed);
    }
}

std::uint64_t SeededRandom::next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double SeededRandom::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double SeededRandom::uniform(double low, double high) {
    return low + (high - low) * uniform();
}

std::int64_t SeededRandom::uniformInt(std::int64_t low, std::int64_t high) {
    if (high <= low) {
        return low;
    }
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(next() % span);
}

double SeededRandom::normal() {
    // Box-Muller; 1 - uniform() keeps the logarithm's argument in (0, 1].
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

bool SeededRandom::chance(double probability) {
    return uniform() < probability;
}

} // namespace kiwoomd::emulator
