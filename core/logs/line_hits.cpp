// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/line_hits.h"

#include "core/logs/line_scan.h"

#include <QFileInfo>

namespace statusscope::logs {

LineHits collectLineHits(const QStringList &paths, const IngestOptions &options, int maxHits,
                         const std::atomic<bool> *cancel, const std::function<void(qint64, qint64)> &progress)
{
    LineHits out;
    out.files = paths;
    qint64 totalBytes = 0;
    for (const QString &path : paths)
        totalBytes += QFileInfo(path).size();
    qint64 doneBytes = 0;
    const bool filtering = !options.filter.isEmpty();
    for (int file = 0; file < paths.size(); ++file) {
        if (cancel && cancel->load())
            break;
        const auto fileProgress = [&](qint64 bytes) {
            if (progress)
                progress(doneBytes + bytes, totalBytes);
        };
        scanRecords(
            paths[file], options,
            [&](const LogRecord &record, std::string_view, LinePosition where) {
                if (record.timeMs < options.fromMs || record.timeMs > options.toMs
                    || (filtering && !options.filter.matches(record)))
                    return true;
                if (out.total++ < maxHits)
                    out.hits.push_back({where.offset, where.number, record.timeMs, file, record.status});
                return true;
            },
            cancel, fileProgress);
        doneBytes += QFileInfo(paths[file]).size();
    }
    out.cancelled = cancel && cancel->load();
    return out;
}

} // namespace statusscope::logs
