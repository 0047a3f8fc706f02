// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"
#include "core/logs/log_ingest.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace statusscope::test {

// A log written by tests/fixtures/logs/gen_access_log.py and its --stats ground truth.
struct GeneratedLog
{
    QString path;
    QJsonObject stats;
    QString error; // why generation failed (python3 missing, …)
};

GeneratedLog generateLog(const QTemporaryDir &dir, const QString &name, const QStringList &arguments);

// Reads files with the given options and returns the result.
logs::IngestResult ingest(const QStringList &paths, logs::IngestOptions options = {});

QString writeText(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);

// The status counts of a summary in the generator's stats shape: {"200": n, …}.
QJsonObject statusCountsJson(const logs::LogSummary &summary);

// A Combined Log Format line of 13 May 2024 10:MM:00 +0000, "GET /f", 5 bytes.
QByteArray combinedLine(int minute, int status);

} // namespace statusscope::test
