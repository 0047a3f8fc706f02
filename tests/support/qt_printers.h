// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Readable gtest failure messages for Qt's string types (found by ADL-free lookup because gtest
// looks for PrintTo in the global namespace for global types). Include before using EXPECT_EQ
// on QString or QByteArray.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <ostream>

inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

inline void PrintTo(const QByteArray &bytes, std::ostream *os)
{
    *os << '"' << bytes.toStdString() << '"';
}

inline void PrintTo(const QStringList &list, std::ostream *os)
{
    *os << '[';
    for (qsizetype i = 0; i < list.size(); ++i)
        *os << (i ? ", " : "") << '"' << list.at(i).toStdString() << '"';
    *os << ']';
}
