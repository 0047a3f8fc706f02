// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_load_table.h"

#include "core/logs/source/clickhouse_file_reader.h"
#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_tsv.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <string>

namespace statusscope::logs {

namespace {

QString sha1Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

} // namespace

LineCounts LineCounts::of(const LogAggregator &aggregate)
{
    LineCounts c;
    c.parsed = aggregate.parsedLines() + aggregate.filteredLines();
    c.meta = aggregate.metaLines();
    for (int i = 0; i < kSkipReasonCount; ++i)
        c.skipped[size_t(i)] = aggregate.skipped(static_cast<SkipReason>(i));
    for (int i = 0; i < kDeviationCount; ++i)
        c.deviations[size_t(i)] = aggregate.deviations(static_cast<Deviation>(i));
    return c;
}

qint64 LineCounts::skippedTotal() const
{
    qint64 n = 0;
    for (qint64 s : skipped)
        n += s;
    return n;
}

LineCounts LineCounts::minus(const LineCounts &before) const
{
    LineCounts d;
    d.parsed = parsed - before.parsed;
    d.meta = meta - before.meta;
    for (size_t i = 0; i < skipped.size(); ++i)
        d.skipped[i] = skipped[i] - before.skipped[i];
    for (size_t i = 0; i < deviations.size(); ++i)
        d.deviations[i] = deviations[i] - before.deviations[i];
    return d;
}

SourceError findResumePoint(ClickHouseHttp &http, const QString &path, const QString &identity, ResumePoint &out)
{
    const ClickHouseEndpoint &target = http.endpoint();
    const ClickHouseReply previous = http.query(
        QStringLiteral("SELECT count(), argMax(to_offset, seq), argMax(head_len, seq), argMax(head_hash, seq), max(seq) "
                       "FROM %1 WHERE target = %2 AND file_id = %3 FORMAT TabSeparated")
            .arg(target.qualified(loadTableName()), sqlString(target.dbTable()), sqlString(identity)));
    if (!previous.ok())
        return previous.error;
    out = {};
    const QList<QByteArray> state = previous.body.trimmed().split('\t');
    if (state.size() < 5 || state[0].toLongLong() == 0)
        return {};
    const qint64 loaded = state[1].toLongLong();
    const qint64 headLen = state[2].toLongLong();
    const QByteArray head = readInflatedHead(path, headLen);
    const bool plainShrunk = !path.endsWith(QLatin1String(".gz")) && QFileInfo(path).size() < loaded;
    if (head.size() == headLen && sha1Hex(head) == QString::fromLatin1(state[3]) && !plainShrunk)
        out.offset = loaded;
    else
        out.restarted = true;
    out.lastSeq = state[4].toULongLong();
    return {};
}

LoadTableWriter::LoadTableWriter(ClickHouseHttp &http)
    : m_http(http)
{
    QStringList columns{QStringLiteral("target"),    QStringLiteral("file_id"),   QStringLiteral("path"),
                        QStringLiteral("seq"),       QStringLiteral("loaded_at"), QStringLiteral("from_offset"),
                        QStringLiteral("to_offset"), QStringLiteral("head_len"),  QStringLiteral("head_hash"),
                        QStringLiteral("lines"),     QStringLiteral("parsed"),    QStringLiteral("meta")};
    columns += skipColumns() + deviationColumns();
    m_insertSql = QStringLiteral("INSERT INTO %1 (%2) FORMAT TabSeparated")
                      .arg(http.endpoint().qualified(loadTableName()), columns.join(QStringLiteral(", ")));
}

void LoadTableWriter::seenSequence(quint64 seq)
{
    m_lastSeq = std::max(m_lastSeq, seq);
}

SourceError LoadTableWriter::record(const AcceptedBatch &batch)
{
    // Milliseconds since the epoch, so rows sort by time across runs, and never repeating.
    m_lastSeq = std::max<quint64>(m_lastSeq + 1, quint64(QDateTime::currentMSecsSinceEpoch()));
    std::string row;
    TsvRow fields(row);
    for (const QString &text : {m_http.endpoint().dbTable(), batch.identity, batch.path})
        fields.text(text.toStdString());
    for (qint64 n : {qint64(m_lastSeq), QDateTime::currentSecsSinceEpoch(), batch.from, batch.to, qint64(batch.head.size())})
        fields.number(n);
    fields.text(sha1Hex(batch.head).toStdString());
    const LineCounts &counts = batch.counts;
    for (qint64 n : {counts.lines(), counts.parsed, counts.meta})
        fields.number(n);
    for (qint64 n : counts.skipped)
        fields.number(n);
    for (qint64 n : counts.deviations)
        fields.number(n);
    fields.end();
    const ClickHouseReply recorded = m_http.insert(m_insertSql, QByteArray::fromStdString(row));
    return recorded.ok() ? SourceError{} : recorded.error;
}

} // namespace statusscope::logs
