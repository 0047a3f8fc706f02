// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"

#include <string>
#include <vector>

namespace statusscope::logs {

// W3C extended log format (IIS, CloudFront, Oracle Web Cache): directives start with '#';
// "#Fields:" names the columns of the lines that follow and may change mid-file (IIS
// writes a new header block on restart), so this parser is stateful. W3C WD-logfile-960323.
// Times are UTC unless "#GMT-Offset:" says otherwise; a log with only a time column takes
// its date from "#Date:". CloudFront separates columns with tabs, IIS with spaces.
class W3cParser final : public LineParser
{
public:
    ParseResult parse(std::string_view line, LogRecord &record) override;
    QString formatName() const override;
    bool isStateful() const override { return true; }
    std::unique_ptr<LineParser> clone() const override { return std::make_unique<W3cParser>(*this); }

    int fieldsChanges() const { return m_fieldsChanges; }

private:
    void readFields(std::string_view names);

    std::vector<std::string_view> m_values;
    std::string m_timeBuffer;
    std::string m_defaultDate; // "YYYY-MM-DD" from #Date:
    int m_defaultOffset = 0;
    int m_fieldsChanges = 0;
    bool m_cloudFront = false;
    int m_fieldCount = 0;
    int m_date = -1, m_time = -1, m_client = -1, m_method = -1, m_stem = -1, m_uri = -1;
    int m_status = -1, m_bytes = -1, m_taken = -1, m_userAgent = -1;
    bool m_takenIsMs = false;
};

} // namespace statusscope::logs
