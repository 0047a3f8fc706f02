// SPDX-License-Identifier: GPL-3.0-or-later
// qcustomplot.h (2.1) uses Qt's `foreach` inside its templates, and the project builds with
// QT_NO_FOREACH; this translation unit re-enables it before the first Qt header so the
// templates compile. Our own code here still uses range-for only.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/logs/log_chart.h"

#include "core/logs/log_time.h"
#include "core/logs/spike_detector.h"
#include "ui/logs/chart_palette.h"

#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// Re-bucketing waits this long after the last zoom or pan step.
constexpr int kRebucketDelayMs = 120;
// Series of other classes while one is highlighted: still there, clearly behind.
constexpr int kDimmedAlpha = 55;

} // namespace

LogChart::LogChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_rebucketTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("logChartPlot"));
    m_plot->setMinimumHeight(240);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MMM d\nHH:mm"));
    ticker->setDateTimeSpec(Qt::UTC); // keys are already shifted into the log's own zone
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("Requests per bucket"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("Error rate (%)"));
    m_plot->yAxis2->setRange(0, 100);

    for (int c = 1; c <= 5; ++c) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(QStringLiteral("%1xx").arg(c));
        bars->setPen(Qt::NoPen);
        bars->setWidthType(QCPBars::wtPlotCoords);
        m_bars[c] = bars;
    }
    restack();
    m_rate4xx = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_rate4xx->setName(tr("4xx rate"));
    m_rate5xx = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_rate5xx->setName(tr("5xx rate"));

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setVisible(false);
    m_cursor->setSelectable(false);
    // The selected range spans the plot's height, behind the bars.
    m_selection = new QCPItemRect(m_plot);
    m_selection->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_selection->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_selection->setLayer(QStringLiteral("background"));
    m_selection->setSelectable(false);
    m_selection->setVisible(false);

    // The legend sits in its own row under the axis rect, centred, so it never covers bars.
    QCPLegend *legend = m_plot->legend;
    legend->setVisible(true);
    legend->setSelectableParts(QCPLegend::spItems);
    m_plot->axisRect()->insetLayout()->take(legend);
    auto *legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactor(1, 0.001);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setColumnSpacing(12);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setFocusPolicy(Qt::StrongFocus); // for the Home shortcut (LogView)
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    m_rebucketTimer->setSingleShot(true);
    m_rebucketTimer->setInterval(kRebucketDelayMs);
    connect(m_rebucketTimer, &QTimer::timeout, this, &LogChart::rebucket);
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_fitting) {
            m_userRange = true;
            m_rebucketTimer->start();
        }
    });
    // Labels are placed in pixels: after every layout, before drawing.
    connect(m_plot, &QCustomPlot::afterLayout, this, &LogChart::placeSpikeLabels);
    connect(m_plot, &QCustomPlot::mousePress, this, &LogChart::pressed);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LogChart::moved);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &LogChart::released);
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
                auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
                if (!plottableItem)
                    return;
                QCPAbstractPlottable *plottable = plottableItem->plottable();
                plottable->setVisible(!plottable->visible());
                restack();
                refitValueAxis();
                updateLegendItems();
                for (int c = 1; c <= 5; ++c) {
                    if (plottable == m_bars[c])
                        emit classToggled(c, plottable->visible());
                }
                m_plot->replot();
            });
    // Legend entries and spike markers open their guide on a double-click or from the
    // context menu ("legend entries toggle series and open their guides").
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton)
            return;
        if (const int code = guideStatusAt(event->pos()); code > 0)
            emit statusActivated(StatusActivation::ofCode(code));
        else
            showAll(); // as in most chart tools: double-click undoes zooming
    });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &LogChart::showGuideMenu);

    applyPalette();
}

void LogChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        m_plot->replot();
    }
}

void LogChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLegend();
}

void LogChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    applyChartPalette(m_plot, pal);
    m_rate4xx->setPen(QPen(statusRateColor(4, dark), 2));
    m_rate5xx->setPen(QPen(statusRateColor(5, dark), 2));
    m_cursor->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    QColor band = pal.color(QPalette::Highlight);
    band.setAlpha(dark ? 70 : 45);
    m_selection->setBrush(band);
    m_selection->setPen(QPen(pal.color(QPalette::Highlight), 1));
    applyHighlight(); // bar colours, legend entries
    showSpikes();
}

// Stacked bars build on the series below them whether it is shown or not; hidden series
// leave the chain so the visible ones sit on each other.
void LogChart::restack()
{
    QCPBars *below = nullptr;
    for (int c = 1; c <= 5; ++c) {
        if (!m_bars[c]->visible()) {
            m_bars[c]->moveAbove(nullptr);
            continue;
        }
        m_bars[c]->moveAbove(below);
        below = m_bars[c];
    }
}

void LogChart::refitValueAxis()
{
    qint64 peak = 1;
    for (const SeriesBucket &bucket : m_buckets) {
        qint64 stacked = 0;
        for (int c = 1; c <= 5; ++c) {
            if (m_bars[c]->visible())
                stacked += bucket.byClass[size_t(c)];
        }
        peak = std::max(peak, stacked);
    }
    // Headroom on top: the spike labels sit there, above the highest bar.
    const int height = m_plot->axisRect()->height();
    const double labelRoom = height > 80 ? double(height) / double(height - 26) : 1.1;
    m_plot->yAxis->setRange(0, double(peak) * std::max(1.1, labelRoom));
}

void LogChart::highlightStatus(int code)
{
    highlightClass(code >= 100 && code <= 599 ? code / 100 : 0);
}

void LogChart::highlightClass(int statusClass)
{
    m_highlightClass = statusClass >= 1 && statusClass <= 5 ? statusClass : 0;
    applyHighlight();
    m_plot->replot();
}

void LogChart::applyHighlight()
{
    const bool dark = isDark(palette());
    const auto shade = [this](QColor color, int statusClass) {
        if (m_highlightClass != 0 && statusClass != m_highlightClass)
            color.setAlpha(kDimmedAlpha);
        return color;
    };
    for (int c = 1; c <= 5; ++c)
        m_bars[c]->setBrush(shade(statusClassColor(c), c));
    for (auto [graph, c] : {std::pair{m_rate4xx, 4}, std::pair{m_rate5xx, 5}}) {
        QPen pen = graph->pen();
        pen.setColor(shade(statusRateColor(c, dark), c));
        pen.setWidthF(m_highlightClass == c ? 3 : 2);
        graph->setPen(pen);
    }
    updateLegendItems();
}

void LogChart::updateLegendItems()
{
    const QPalette pal = palette();
    for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i));
        if (!item)
            continue;
        const bool shown = item->plottable()->visible();
        item->setTextColor(pal.color(shown ? QPalette::Active : QPalette::Disabled, QPalette::Text));
        QFont font = m_plot->legend->font();
        font.setBold(m_highlightClass != 0 && classOf(item->plottable()) == m_highlightClass);
        font.setStrikeOut(!shown);
        item->setFont(font);
    }
    fitLegend();
}

// One row when it fits the width, otherwise as many entries a row as fit.
void LogChart::fitLegend()
{
    QCPLegend *legend = m_plot->legend;
    int widest = 0;
    int total = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (!legend->item(i))
            continue; // an empty cell of a wrapped legend
        const int width = legend->item(i)->minimumOuterSizeHint().width() + legend->columnSpacing();
        widest = std::max(widest, width);
        total += width;
    }
    const int available = std::max(1, width() - 16);
    const int wrap = total <= available || widest == 0 ? 0 : std::max(1, available / widest);
    if (wrap != legend->wrap()) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
}

int LogChart::classOf(const QCPAbstractPlottable *plottable) const
{
    for (int c = 1; c <= 5; ++c) {
        if (plottable == m_bars[c])
            return c;
    }
    if (plottable == m_rate4xx)
        return 4;
    if (plottable == m_rate5xx)
        return 5;
    return 0;
}

int LogChart::topStatusOfClass(int statusClass) const
{
    return logs::topStatusOfClass(m_buckets, statusClass);
}

double LogChart::keyOf(qint64 utcMs) const
{
    return double(utcMs) / 1000.0 + m_tzOffsetMinutes * 60.0;
}

void LogChart::setSummary(const LogSummary &summary)
{
    takeSummary(summary);
    if (summary.hasTimeRange)
        fitRange(m_dataFromMs, m_dataToMs);
}

void LogChart::updateSummary(const LogSummary &summary)
{
    takeSummary(summary);
    if (!summary.hasTimeRange)
        return;
    if (m_userRange)
        rebucket(); // new counts inside the range the user chose
    else
        fitRange(m_dataFromMs, m_dataToMs);
}

void LogChart::takeSummary(const LogSummary &summary)
{
    m_minutes = summary.minutes;
    m_spikes = summary.spikes;
    m_spikeBucketSeconds = summary.bucketSeconds;
    m_tzOffsetMinutes = summary.tzOffsetMinutes;
    if (m_external) {
        m_buckets = summary.buckets;
        m_externalFromMs = summary.firstMs;
        m_externalToMs = summary.lastMs;
        m_externalSeconds = summary.bucketSeconds;
    }
    if (!summary.hasTimeRange) {
        m_buckets.clear();
        showBuckets();
        return;
    }
    m_dataFromMs = summary.firstMs;
    m_dataToMs = summary.lastMs;
}

void LogChart::showAll()
{
    if (m_minutes.empty() && !m_external)
        return;
    fitRange(m_dataFromMs, m_dataToMs);
}

void LogChart::setLiveMinutes(const MinuteSeries &minutes, int tzOffsetMinutes)
{
    if (minutes.empty())
        return;
    m_minutes = minutes;
    m_tzOffsetMinutes = tzOffsetMinutes;
    m_dataFromMs = minutes.front().first * 60000;
    m_dataToMs = minutes.back().first * 60000 + 59999;
    fitRange(m_dataFromMs, m_dataToMs);
}

void LogChart::setBucketSeconds(int seconds)
{
    m_fixedBucketSeconds = seconds;
    rebucket();
}

void LogChart::fitRange(qint64 fromMs, qint64 toMs)
{
    m_fitting = true;
    m_userRange = false;
    const double margin = std::max(60.0, double(toMs - fromMs) / 1000.0 * 0.02);
    m_plot->xAxis->setRange(keyOf(fromMs) - margin, keyOf(toMs) + margin);
    m_fitting = false;
    rebucket();
}

void LogChart::rebucket()
{
    const QCPRange range = m_plot->xAxis->range();
    const double offsetMs = m_tzOffsetMinutes * 60000.0;
    // Clamp in floating point first: a wild zoom-out may reach far past what qint64 holds.
    const qint64 fromMs = qint64(std::clamp(range.lower * 1000.0 - offsetMs, double(m_dataFromMs), double(m_dataToMs)));
    const qint64 toMs = qint64(std::clamp(range.upper * 1000.0 - offsetMs, double(m_dataFromMs), double(m_dataToMs)));
    const int seconds = fitBucketSeconds(std::max<qint64>(0, toMs - fromMs),
                                         m_fixedBucketSeconds > 0 ? m_fixedBucketSeconds : autoBucketSeconds(toMs - fromMs));
    if (m_external) {
        // The bars shown stay (and stay clickable) until the server's buckets arrive.
        if (fromMs != m_externalFromMs || toMs != m_externalToMs || seconds != m_externalSeconds) {
            if (toMs >= fromMs)
                emit rebucketRequested(fromMs, toMs, seconds);
            return;
        }
        m_currentBucketSeconds = seconds;
        showBuckets();
        return;
    }
    m_currentBucketSeconds = seconds;
    m_buckets = toMs >= fromMs ? buildSeries(m_minutes, m_currentBucketSeconds, fromMs, toMs) : QList<SeriesBucket>();
    showBuckets();
}

void LogChart::showExternalBuckets(qint64 fromMs, qint64 toMs, int bucketSeconds, const QList<SeriesBucket> &buckets)
{
    m_externalFromMs = fromMs;
    m_externalToMs = toMs;
    m_externalSeconds = bucketSeconds;
    m_currentBucketSeconds = bucketSeconds;
    m_buckets = buckets;
    showBuckets();
}

void LogChart::showBuckets()
{
    QVector<double> keys;
    QVector<double> values[6];
    QVector<double> rate4;
    QVector<double> rate5;
    const double width = m_currentBucketSeconds;
    for (const SeriesBucket &bucket : m_buckets) {
        const double key = keyOf(bucket.startMs) + width / 2;
        keys.push_back(key);
        for (int c = 1; c <= 5; ++c)
            values[c].push_back(double(bucket.byClass[size_t(c)]));
        rate4.push_back(bucket.rate4xx() * 100);
        rate5.push_back(bucket.rate5xx() * 100);
    }
    for (int c = 1; c <= 5; ++c) {
        m_bars[c]->setWidth(width * 0.9);
        m_bars[c]->setData(keys, values[c], true);
    }
    m_rate4xx->setData(keys, rate4, true);
    m_rate5xx->setData(keys, rate5, true);
    refitValueAxis();
    showSpikes();
    m_plot->replot();
}

int LogChart::bucketAt(double key) const
{
    if (m_buckets.isEmpty())
        return -1;
    const double ms = (key - m_tzOffsetMinutes * 60.0) * 1000.0;
    if (!(ms > -9.0e15 && ms < 9.0e15)) // beyond any log's time, and beyond qint64 soon after
        return -1;
    const qint64 utcMs = qint64(ms);
    const qint64 widthMs = qint64(m_currentBucketSeconds) * 1000;
    if (utcMs < m_buckets.front().startMs || utcMs >= m_buckets.back().startMs + widthMs)
        return -1;
    return int((utcMs - m_buckets.front().startMs) / widthMs);
}

QString LogChart::tooltipFor(int index) const
{
    if (index < 0 || index >= m_buckets.size())
        return {};
    const SeriesBucket &bucket = m_buckets[index];
    QString text = QStringLiteral("<b>%1</b> (%2 s)<br>%3 requests, errors %4%")
                       .arg(formatIsoTime(bucket.startMs, m_tzOffsetMinutes))
                       .arg(m_currentBucketSeconds)
                       .arg(bucket.total)
                       .arg(bucket.errorRate() * 100, 0, 'f', 1);
    for (auto it = bucket.byStatus.cbegin(); it != bucket.byStatus.cend(); ++it)
        text += QStringLiteral("<br>%1: %2").arg(it.key()).arg(it.value());
    return text;
}

bool LogChart::savePng(const QString &path)
{
    return m_plot->savePng(path, 0, 0, 2.0);
}

bool LogChart::savePdf(const QString &path)
{
    return m_plot->savePdf(path);
}

} // namespace statusscope::ui
