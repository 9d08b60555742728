#pragma once
// The emulator's listed issues: well-known KOSPI and KOSDAQ names with their real codes, topped
// up with generated issues whose names start with "가상" and whose codes start with "99" so that
// nobody mistakes them for real ones.

#include <cstdint>
#include <string>
#include <vector>

namespace kiwoomd::emulator {

enum class Exchange { Kospi, Kosdaq };

struct Listing {
    std::string code;
    std::string name;
    Exchange exchange = Exchange::Kospi;
    std::int64_t referencePrice = 0; // a plausible level, not a quote
    bool administrative = false;     // 관리종목
    bool generated = false;
};

// The real listings only.
const std::vector<Listing>& wellKnownListings();

// At least `minimumSize` listings: the real ones, then generated ones (deterministic given seed).
std::vector<Listing> buildUniverse(std::size_t minimumSize, std::uint64_t seed);

} // namespace kiwoomd::emulator
