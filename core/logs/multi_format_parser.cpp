// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/multi_format_parser.h"

namespace statusscope::logs {

MultiFormatParser::MultiFormatParser(std::unique_ptr<LineParser> primary, std::vector<std::unique_ptr<LineParser>> others)
    : m_primary(std::move(primary))
    , m_others(std::move(others))
{
}

MultiFormatParser::MultiFormatParser(const MultiFormatParser &other)
    : LineParser(other)
    , m_primary(other.m_primary->clone())
{
    for (const auto &parser : other.m_others)
        m_others.push_back(parser->clone());
}

std::unique_ptr<LineParser> MultiFormatParser::clone() const
{
    return std::make_unique<MultiFormatParser>(*this);
}

bool MultiFormatParser::isStateful() const
{
    bool stateful = m_primary->isStateful();
    for (const auto &parser : m_others)
        stateful = stateful || parser->isStateful();
    return stateful;
}

ParseResult MultiFormatParser::parse(std::string_view line, LogRecord &record)
{
    const ParseResult first = m_primary->parse(line, record);
    if (first.outcome != ParseOutcome::Skip)
        return first;
    for (const auto &parser : m_others) {
        ParseResult other = parser->parse(line, record);
        if (other.outcome == ParseOutcome::Record) {
            other.deviations |= deviationBit(Deviation::FormatChange);
            return other;
        }
        if (other.outcome == ParseOutcome::Meta)
            return other;
    }
    return first;
}

} // namespace statusscope::logs
