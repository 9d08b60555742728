#pragma once
// The shape GetCommDataEx answers in: the OCX returns a 2-D SAFEARRAY, which ActiveQt hands over
// as a list of row lists of strings. Shared by the controls that stand in for the OCX.

#include <QVariantList>

#include <string>
#include <vector>

namespace kiwoomd {

inline QVariantList toCommDataTable(const std::vector<std::vector<std::string>>& rows) {
    QVariantList table;
    for (const auto& row : rows) {
        QVariantList cells;
        for (const auto& cell : row) {
            cells.push_back(QString::fromStdString(cell));
        }
        table.push_back(cells);
    }
    return table;
}

} // namespace kiwoomd
