#pragma once
// xoshiro256** seeded through splitmix64: the same --seed gives the same market on every
// platform, which std::uniform_*_distribution does not promise. Not thread-safe.

#include <cstdint>

namespace kiwoomd::emulator {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed);

    std::uint64_t next();
    double uniform();                                             // [0, 1)
    double uniform(double low, double high);                      // [low, high)
    std::int64_t uniformInt(std::int64_t low, std::int64_t high); // inclusive
    double normal();                                              // mean 0, standard deviation 1
    bool chance(double probability);

private:
    std::uint64_t m_state[4];
};

} // namespace kiwoomd::emulator
