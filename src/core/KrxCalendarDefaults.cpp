#include "kiwoomd/core/MarketCalendar.h"

namespace kiwoomd {

// KRX market holidays for 2026 and 2027: public holidays with their substitute days, Labour Day,
// election days and the year-end closing day. Check against KRX's published calendar each year;
// the config's market.holidays replaces this list.
std::vector<std::string> defaultKrxHolidays() {
    return {
        // 2026
        "2026-01-01",
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-03-02",
        "2026-05-01",
        "2026-05-05",
        "2026-05-25",
        "2026-06-03",
        "2026-08-17",
        "2026-09-24",
        "2026-09-25",
        "2026-10-05",
        "2026-10-09",
        "2026-12-25",
        "2026-12-31",
        // 2027
        "2027-01-01",
        "2027-02-08",
        "2027-02-09",
        "2027-03-01",
        "2027-05-05",
        "2027-05-13",
        "2027-08-16",
        "2027-09-14",
        "2027-09-15",
        "2027-09-16",
        "2027-10-04",
        "2027-10-11",
        "2027-12-27",
        "2027-12-31",
    };
}

// The first trading day of a year opens an hour late; on the college entrance exam (수능) day the
// whole session moves an hour later.
std::vector<SpecialDay> defaultKrxSpecialDays() {
    return {
        {"2026-01-02", 10 * 60, 15 * 60 + 30, "first trading day of 2026"},
        {"2026-11-19", 10 * 60, 16 * 60 + 30, "college entrance exam day"},
        {"2027-01-04", 10 * 60, 15 * 60 + 30, "first trading day of 2027"},
    };
}

} // namespace kiwoomd
