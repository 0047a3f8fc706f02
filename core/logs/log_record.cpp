// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_record.h"

#include <ostream>

namespace statusscope::logs {

QString toString(SkipReason reason)
{
    switch (reason) {
    case SkipReason::Truncated:
        return QStringLiteral("truncated");
    case SkipReason::BadTime:
        return QStringLiteral("bad_time");
    case SkipReason::BadStatus:
        return QStringLiteral("bad_status");
    case SkipReason::OtherFormat:
        return QStringLiteral("other_format");
    case SkipReason::Binary:
        return QStringLiteral("binary");
    case SkipReason::TooLong:
        return QStringLiteral("too_long");
    case SkipReason::Empty:
        return QStringLiteral("empty");
    }
    return QStringLiteral("unknown");
}

void PrintTo(SkipReason reason, std::ostream *os)
{
    *os << toString(reason).toStdString();
}

QString toString(Deviation deviation)
{
    switch (deviation) {
    case Deviation::ExtraFields:
        return QStringLiteral("extra_fields");
    case Deviation::NoWrapper:
        return QStringLiteral("no_wrapper");
    case Deviation::PartialJoined:
        return QStringLiteral("partial_joined");
    case Deviation::FormatChange:
        return QStringLiteral("format_change");
    case Deviation::FieldMissing:
        return QStringLiteral("field_missing");
    }
    return QStringLiteral("unknown");
}

void PrintTo(Deviation deviation, std::ostream *os)
{
    *os << toString(deviation).toStdString();
}

QString toString(ParseOutcome outcome)
{
    switch (outcome) {
    case ParseOutcome::Record:
        return QStringLiteral("record");
    case ParseOutcome::Skip:
        return QStringLiteral("skip");
    case ParseOutcome::Meta:
        return QStringLiteral("meta");
    }
    return QStringLiteral("unknown");
}

void PrintTo(ParseOutcome outcome, std::ostream *os)
{
    *os << toString(outcome).toStdString();
}

} // namespace statusscope::logs
