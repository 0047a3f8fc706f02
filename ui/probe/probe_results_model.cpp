// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probe/probe_results_model.h"

#include "core/text/durations.h"
#include "ui/theme.h"

#include <QFont>

namespace statusscope::ui {

namespace {

std::optional<double> timing(const probe::CheckResult &result, QLatin1String name)
{
    for (const auto &[key, value] : result.timingsMs) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString verdictDisplay(probe::Verdict verdict)
{
    switch (verdict) {
    case probe::Verdict::Conforms: return ProbeResultsModel::tr("✓ conforms");
    case probe::Verdict::Allowed: return ProbeResultsModel::tr("≈ allowed");
    case probe::Verdict::Violates: return ProbeResultsModel::tr("✗ violates");
    case probe::Verdict::Inconclusive: break;
    }
    return ProbeResultsModel::tr("? inconclusive");
}

QColor verdictColor(probe::Verdict verdict, bool dark)
{
    // Each pair keeps a WCAG contrast of at least 4.5:1 on the Fusion light and dark bases.
    switch (verdict) {
    case probe::Verdict::Conforms: return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20);
    case probe::Verdict::Allowed: return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x0d, 0x47, 0xa1);
    case probe::Verdict::Violates: return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    case probe::Verdict::Inconclusive: break;
    }
    return dark ? QColor(0xd7, 0xcc, 0xc8) : QColor(0x5d, 0x40, 0x37);
}

ProbeResultsModel::ProbeResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProbeResultsModel::setPlan(const probe::ProbeOptions &options)
{
    beginResetModel();
    m_rows.clear();
    for (const probe::Route via : {probe::Route::Direct, probe::Route::Proxy}) {
        if (via == probe::Route::Proxy && options.proxy.isEmpty())
            continue;
        for (const probe::CheckId id : probe::kAllChecks)
            m_rows.append(Row{id, via, RowState::Pending, std::nullopt});
    }
    endResetModel();
}

void ProbeResultsModel::setRunning(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = RowState::Running;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProbeResultsModel::setResult(int row, const probe::CheckResult &result)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = RowState::Done;
    m_rows[row].result = result;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProbeResultsModel::markUnfinishedNotRun()
{
    for (Row &row : m_rows) {
        if (row.state != RowState::Done)
            row.state = RowState::NotRun;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

ProbeResultsModel::RowState ProbeResultsModel::rowState(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : RowState::NotRun;
}

const probe::CheckResult *ProbeResultsModel::result(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).result)
        return nullptr;
    return &*m_rows.at(row).result;
}

int ProbeResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProbeResultsModel::happenedText(const Row &row) const
{
    switch (row.state) {
    case RowState::Pending: return tr("waiting");
    case RowState::Running: return tr("running…");
    case RowState::NotRun: return tr("not run (cancelled)");
    case RowState::Done: break;
    }
    const probe::CheckResult &r = *row.result;
    QStringList interim;
    for (const int code : r.interim)
        interim << QString::number(code);
    QStringList first{interim.isEmpty() ? tr("no interim") : tr("interim %1").arg(interim.join(QStringLiteral(", "))),
                      r.bodySent ? tr("body sent") : tr("body not sent")};
    QStringList second;
    const std::optional<double> first100 = timing(r, QLatin1String("first_100"));
    const std::optional<double> finalMs = timing(r, QLatin1String("final"));
    const std::optional<double> wait100 = timing(r, QLatin1String("wait_100"));
    if (first100)
        second << tr("100 at %1").arg(text::readableMs(*first100));
    else if (r.bodySent && wait100) // the body went after the client stopped waiting
        second << tr("waited %1 for 100").arg(text::readableMs(*wait100));
    if (finalMs)
        second << tr("final at %1").arg(text::readableMs(*finalMs));
    if (second.isEmpty()) {
        const std::optional<double> total = timing(r, QLatin1String("total"));
        second << (total ? tr("no answer; ended at %1").arg(text::readableMs(*total)) : tr("no answer"));
    }
    // Each fact stays on one line (no-break spaces inside); a narrow column wraps between them.
    const auto facts = [](const QStringList &list) {
        QStringList kept;
        for (const QString &fact : list)
            kept << QString(fact).replace(QLatin1Char(' '), QChar(0x00A0));
        return kept.join(QStringLiteral(" · "));
    };
    return facts(first) + QLatin1Char('\n') + facts(second);
}

QString ProbeResultsModel::verdictText(const Row &row) const
{
    return row.result ? verdictDisplay(row.result->verdict) : QString();
}

QVariant ProbeResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const probe::CheckResult *r = row.result ? &*row.result : nullptr;
    switch (role) {
    case StatusRole: return r && r->status ? *r->status : -1;
    case GuideRole: return r ? r->guide : QString();
    case CheckIdRole: return probe::checkName(row.id);
    case VerdictRole: return r ? probe::verdictName(r->verdict) : QString();
    case RfcRole: return r ? r->rfc : QString();
    case Qt::ToolTipRole:
        if (r)
            return QStringLiteral("%1: %2\n\n%3\n\n%4").arg(probe::verdictLabel(r->verdict), r->rfc, r->request, r->detail);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == VerdictColumn && r)
            return verdictColor(r->verdict, isDarkPalette());
        return {};
    case Qt::FontRole:
        if (index.column() == VerdictColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
        break;
    default: return {};
    }
    switch (Column(index.column())) {
    case CheckColumn: return QStringLiteral("%1\n%2").arg(probe::checkTitle(row.id), probe::checkName(row.id));
    case RouteColumn: return probe::routeName(row.via);
    case StatusColumn:
        if (r && !r->status)
            return tr("none");
        return row.state == RowState::Done ? QVariant() : QVariant(QStringLiteral("—"));
    case HappenedColumn: return happenedText(row);
    case VerdictColumn: return verdictText(row);
    case GuideColumn: return {};
    case ColumnCount: break;
    }
    return {};
}

QVariant ProbeResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case CheckColumn: return tr("Check");
    case RouteColumn: return tr("Route");
    case StatusColumn: return tr("Final status");
    case HappenedColumn: return tr("What happened");
    case VerdictColumn: return tr("Verdict, RFC");
    case GuideColumn: return tr("Guide");
    case ColumnCount: break;
    }
    return {};
}

} // namespace statusscope::ui
