// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ClickHouse's TabSeparated format: fields split by tabs, rows by newlines, and in string
// fields a backslash escapes tab, newline, carriage return, NUL and itself.

#include <QByteArray>
#include <QList>
#include <QString>

#include <string>
#include <string_view>

namespace statusscope::logs {

// Appends `text` escaped for a TabSeparated field.
void appendTsvEscaped(std::string &out, std::string_view text);
// The rows of a TabSeparated answer, each split into unescaped fields.
QList<QList<QByteArray>> parseTsv(const QByteArray &body);
// A string as a single-quoted SQL literal.
QString sqlString(const QString &text);

} // namespace statusscope::logs
