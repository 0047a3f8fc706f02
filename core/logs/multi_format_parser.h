// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <memory>
#include <vector>

namespace statusscope::logs {

// A file whose format changed part-way (a server's config changed): lines are read with the
// file's main format and, when that fails, with the formats seen later in the sample. A line
// read by a later format carries the format_change deviation; a line none reads keeps the
// main format's skip reason.
class MultiFormatParser final : public LineParser
{
public:
    MultiFormatParser(std::unique_ptr<LineParser> primary, std::vector<std::unique_ptr<LineParser>> others);
    MultiFormatParser(const MultiFormatParser &other);
    MultiFormatParser &operator=(const MultiFormatParser &) = delete;

    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override { return m_primary->formatName(); }
    bool isStateful() const override;
    std::unique_ptr<LineParser> clone() const override;

private:
    std::unique_ptr<LineParser> m_primary;
    std::vector<std::unique_ptr<LineParser>> m_others;
};

} // namespace statusscope::logs
