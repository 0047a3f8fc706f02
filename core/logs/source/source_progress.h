// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How far a source's running query is, and the one line the CLI and the log tab show for it.

#include <QString>

#include <functional>

namespace statusscope::logs {

struct SourceProgress
{
    QString stage;         // what the running query computes ("time range", "buckets", …)
    qint64 rowsRead = 0;
    qint64 rowsTotal = 0;  // the server's estimate; 0 when it has none (a generated table)
    double elapsedSeconds = 0;
    QString unit = QStringLiteral("rows"); // what rowsRead counts: "bytes" for local files
};
// Called on the thread running the source's call, a few times a second during a long query.
using ProgressHandler = std::function<void(const SourceProgress &)>;

// "buckets: 1,146,880 of 2,007,040 rows (57%), 3.1 s"; without a total
// "buckets: 1,146,880 rows read, 3.1 s" (bytes instead of rows for files).
QString progressText(const SourceProgress &progress);
// Per mille of the estimate (0..1000), or -1 when there is none.
int progressPerMille(const SourceProgress &progress);

} // namespace statusscope::logs
