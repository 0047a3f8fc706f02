// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/guide_parser.h"
#include "core/guides/status_class.h"

#include <ostream>

// gtest printers, so failed assertions name enum values and errors instead of bytes.
namespace statusscope {

inline void PrintTo(StatusClass value, std::ostream *os)
{
    *os << toString(value).toStdString();
}

inline void PrintTo(Registry value, std::ostream *os)
{
    *os << toString(value).toStdString();
}

inline void PrintTo(const GuideError &error, std::ostream *os)
{
    *os << error.toString().toStdString();
}

inline std::string describe(const QList<GuideError> &errors)
{
    std::string out;
    for (const GuideError &e : errors)
        out += e.toString().toStdString() + "\n";
    return out;
}

} // namespace statusscope
