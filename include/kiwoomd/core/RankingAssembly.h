#pragma once
// One poll of one feed, page by page: the rows of every page parsed through the TR's catalogue
// entry and ranked in the order the server sent them, until the last page or the feed's page
// limit; then the ranking to publish, or why there is none.
// Thread: not thread-safe; owned by the session on its thread.

#include "kiwoomd/core/RankingRow.h"
#include "kiwoomd/core/TrCatalogue.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kiwoomd {

// A row worth a warning: skipped, or kept with some fields flagged.
struct RowProblem {
    int rank = 0;
    std::string problem;
};

struct RankingOutcome {
    enum class Kind {
        Rows,       // at least one readable row: a new ranking
        NoData,     // the answer had no rows at all
        Unreadable, // it had rows, and none could be read
    };
    Kind kind = Kind::NoData;
    std::vector<RankingRow> rows;
    int skippedRows = 0; // rows that could not be read
};

class RankingAssembly {
public:
    // Forgets the rows collected so far: a fresh ranking starts, or the one under way is abandoned.
    void restart();

    // Adds one page (the rows as the control returned them, one string per field in the
    // catalogue's order). A row's rank counts the rows before it, skipped ones included; the
    // server's all-blank padding rows have no rank.
    std::vector<RowProblem> addPage(const tr::TrSpec& spec,
                                    const std::vector<std::vector<std::string>>& rows);

    // Whether to ask for another page: the server has one (`more`) and fewer than `maxPages` were
    // read.
    bool wantsNextPage(bool more, int maxPages) const { return more && m_pages < maxPages; }

    int pagesRead() const { return m_pages; }
    std::size_t rowCount() const { return m_rows.size(); }
    int skippedRows() const { return m_skipped; }

    // The poll's result; the rows move out and the assembly starts afresh.
    RankingOutcome finish();

private:
    std::vector<RankingRow> m_rows;
    int m_pages = 0;
    int m_skipped = 0;
};

} // namespace kiwoomd
