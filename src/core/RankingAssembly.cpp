#include "kiwoomd/core/RankingAssembly.h"

#include "kiwoomd/core/TrValue.h"

#include <utility>

namespace kiwoomd {

void RankingAssembly::restart() {
    m_rows.clear();
    m_pages = 0;
    m_skipped = 0;
}

std::vector<RowProblem> RankingAssembly::addPage(const tr::TrSpec& spec,
                                                 const std::vector<std::vector<std::string>>& rows) {
    ++m_pages;
    std::vector<RowProblem> problems;
    m_rows.reserve(m_rows.size() + rows.size());
    RawRow raw;
    for (const auto& cells : rows) {
        raw.values.clear();
        for (const auto& cell : cells) {
            raw.values.emplace_back(trimField(cell));
        }
        const int rank = static_cast<int>(m_rows.size()) + m_skipped + 1;
        auto parsed = parseRankingRow(spec, raw, rank);
        if (parsed.absent) {
            continue; // the server's all-blank padding: no rank, not skipped
        }
        if (!parsed.problem.empty()) {
            problems.push_back({rank, std::move(parsed.problem)});
        }
        if (parsed.row) {
            m_rows.push_back(std::move(*parsed.row));
        } else {
            ++m_skipped;
        }
    }
    return problems;
}

RankingOutcome RankingAssembly::finish() {
    RankingOutcome outcome;
    outcome.skippedRows = m_skipped;
    if (!m_rows.empty()) {
        outcome.kind = RankingOutcome::Kind::Rows;
        outcome.rows = std::move(m_rows);
    } else {
        outcome.kind = m_skipped == 0 ? RankingOutcome::Kind::NoData : RankingOutcome::Kind::Unreadable;
    }
    restart();
    return outcome;
}

} // namespace kiwoomd
