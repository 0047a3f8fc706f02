#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the probe suites: run the battery and compare each check's verdict with the
// table a test wrote down beforehand, printing the whole observed table on a mismatch.

#include "core/probe/probe_runner.h"
#include "core/probe/probe_verdicts.h"

#include <QString>

#include <gtest/gtest.h>

#include <map>

namespace statusscope::test {

using Expected = std::map<probe::CheckId, probe::Verdict>;

// Every check conforms but the listed ones: a server's table then says only where it differs.
inline Expected conformingExcept(std::initializer_list<Expected::value_type> differences)
{
    Expected table;
    for (const probe::CheckId id : probe::kAllChecks)
        table[id] = probe::Verdict::Conforms;
    for (const auto &[id, verdict] : differences)
        table[id] = verdict;
    return table;
}

inline QString tableOf(const probe::ProbeReport &report)
{
    QString out;
    for (const probe::CheckResult &c : report.checks) {
        QStringList interim;
        for (const int code : c.interim)
            interim << QString::number(code);
        out += QStringLiteral("  %1 %2 status=%3 interim=[%4] body=%5 %6: %7\n")
                   .arg(probe::checkName(c.id), -20)
                   .arg(probe::routeName(c.via))
                   .arg(c.status ? QString::number(*c.status) : QStringLiteral("-"))
                   .arg(interim.join(QLatin1Char(',')))
                   .arg(c.bodySent ? QStringLiteral("sent") : QStringLiteral("held"))
                   .arg(probe::verdictName(c.verdict), c.detail);
    }
    return out + QStringLiteral("  summary: ") + report.summary + QLatin1Char('\n');
}

inline void expectVerdicts(const probe::ProbeReport &report, probe::Route via, const Expected &expected)
{
    int seen = 0;
    for (const probe::CheckResult &c : report.checks) {
        if (c.via != via)
            continue;
        ++seen;
        const auto it = expected.find(c.id);
        ASSERT_NE(it, expected.end()) << probe::checkName(c.id).toStdString();
        EXPECT_EQ(probe::verdictName(c.verdict), probe::verdictName(it->second))
            << probe::checkName(c.id).toStdString() << " via " << probe::routeName(via).toStdString() << ": "
            << c.detail.toStdString() << "\nwhole table:\n"
            << tableOf(report).toStdString();
    }
    EXPECT_EQ(seen, int(expected.size()));
}

inline const probe::CheckResult *resultOf(const probe::ProbeReport &report, probe::CheckId id,
                                          probe::Route via = probe::Route::Direct)
{
    for (const probe::CheckResult &c : report.checks) {
        if (c.id == id && c.via == via)
            return &c;
    }
    return nullptr;
}

} // namespace statusscope::test
