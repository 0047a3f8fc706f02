// SPDX-License-Identifier: GPL-3.0-or-later
// qcustomplot.h (2.1) uses Qt's `foreach` inside its templates, and the project builds with
// QT_NO_FOREACH; this translation unit re-enables it before the first Qt header so the
// templates compile. Our own code here still uses range-for only.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "ui/logs/log_chart.h"

#include "core/logs/log_time.h"
#include "core/logs/spike_detector.h"
#include "ui/theme.h"

#include <QMenu>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace statusscope::ui {

using namespace statusscope::logs;

namespace {

// Re-bucketing waits this long after the last zoom or pan step.
constexpr int kRebucketDelayMs = 120;

QColor classColor(int statusClass)
{
    switch (statusClass) {
    case 1:
        return QColor(0x90, 0x90, 0x90);
    case 2:
        return QColor(0x4c, 0xaf, 0x50);
    case 3:
        return QColor(0x42, 0x85, 0xf4);
    case 4:
        return QColor(0xff, 0x98, 0x00);
    default:
        return QColor(0xe5, 0x39, 0x35);
    }
}

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

    QCPBars *below = nullptr;
    for (int c = 1; c <= 5; ++c) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(QStringLiteral("%1xx").arg(c));
        bars->setPen(Qt::NoPen);
        bars->setBrush(classColor(c));
        bars->setWidthType(QCPBars::wtPlotCoords);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars[c] = bars;
    }
    m_rate4xx = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_rate4xx->setName(tr("4xx rate"));
    m_rate4xx->setPen(QPen(classColor(4).darker(130), 2));
    m_rate5xx = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_rate5xx->setName(tr("5xx rate"));
    m_rate5xx->setPen(QPen(classColor(5).darker(130), 2));

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(isDarkPalette() ? Qt::white : Qt::black, 1, Qt::DashLine));
    m_cursor->setVisible(false);
    m_cursor->setSelectable(false);

    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
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
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const double key = m_plot->xAxis->pixelToCoord(event->pos().x());
        const int index = bucketAt(key);
        if (index < 0) {
            m_cursor->setVisible(false);
            QToolTip::hideText();
        } else {
            m_cursor->point1->setCoords(key, 0);
            m_cursor->point2->setCoords(key, 1);
            m_cursor->setVisible(true);
            QToolTip::showText(event->globalPosition().toPoint(), tooltipFor(index), m_plot);
        }
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const int index = bucketAt(m_plot->xAxis->pixelToCoord(event->pos().x()));
        if (index >= 0 && event->button() == Qt::LeftButton && m_plot->legend->selectTest(event->pos(), false) < 0) {
            const SeriesBucket &bucket = m_buckets[index];
            emit bucketClicked(bucket.startMs, bucket.startMs + qint64(m_currentBucketSeconds) * 1000);
        }
    });
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
                auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
                if (!plottableItem)
                    return;
                QCPAbstractPlottable *plottable = plottableItem->plottable();
                plottable->setVisible(!plottable->visible());
                item->setTextColor(plottable->visible() ? Qt::black : Qt::gray);
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

int LogChart::guideStatusAt(const QPoint &pixel) const
{
    for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i));
        if (item && item->realVisibility() && item->outerRect().contains(pixel)) {
            const int c = classOf(item->plottable());
            return c > 0 ? topStatusOfClass(c) : 0;
        }
    }
    // Labels first: they sit on top of their shaded range.
    for (const bool labels : {true, false}) {
        for (const auto &[marker, status] : m_spikeMarkers) {
            if ((qobject_cast<QCPItemText *>(marker) != nullptr) != labels)
                continue;
            const double distance = marker->selectTest(QPointF(pixel), false);
            if (distance >= 0 && distance < m_plot->selectionTolerance())
                return status;
        }
    }
    return 0;
}

void LogChart::showGuideMenu(const QPoint &pixel)
{
    const int code = guideStatusAt(pixel);
    if (code <= 0)
        return;
    auto *menu = new QMenu(m_plot);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open guide for %1").arg(code), this, [this, code] { emit statusActivated(StatusActivation::ofCode(code)); });
    menu->popup(m_plot->mapToGlobal(pixel));
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
    qint64 peak = 1;
    for (const SeriesBucket &bucket : m_buckets) {
        const double key = keyOf(bucket.startMs) + width / 2;
        keys.push_back(key);
        for (int c = 1; c <= 5; ++c)
            values[c].push_back(double(bucket.byClass[size_t(c)]));
        rate4.push_back(bucket.rate4xx() * 100);
        rate5.push_back(bucket.rate5xx() * 100);
        peak = std::max(peak, bucket.total);
    }
    for (int c = 1; c <= 5; ++c) {
        m_bars[c]->setWidth(width * 0.9);
        m_bars[c]->setData(keys, values[c], true);
    }
    m_rate4xx->setData(keys, rate4, true);
    m_rate5xx->setData(keys, rate5, true);
    m_plot->yAxis->setRange(0, double(peak) * 1.1);
    showSpikes();
    m_plot->replot();
}

void LogChart::showSpikes()
{
    for (int i = m_plot->itemCount() - 1; i >= 0; --i) {
        if (m_plot->item(i) != m_cursor)
            m_plot->removeItem(i);
    }
    m_spikeMarkers.clear();
    for (const Spike &spike : m_spikes) {
        auto *rect = new QCPItemRect(m_plot);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(keyOf(spike.startMs), 0);
        rect->bottomRight->setCoords(keyOf(spike.endMs), 1);
        rect->setPen(QPen(QColor(0xe5, 0x39, 0x35, 160), 1, Qt::DotLine));
        rect->setBrush(QColor(0xe5, 0x39, 0x35, 40));
        rect->setSelectable(false);
        rect->setLayer(QStringLiteral("background"));
        auto *label = new QCPItemText(m_plot);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(keyOf(spike.startMs), 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        // A rate spike names its class; its guide is the class's most frequent status.
        label->setText(spike.kind == SpikeKind::Status
                           ? QString::number(spike.status)
                           : tr("%1xx rate (%2)").arg(spike.status / 100).arg(spike.status));
        label->setColor(QColor(0xb7, 0x1c, 0x1c));
        label->setSelectable(false);
        m_spikeMarkers.push_back({label, spike.status});
        m_spikeMarkers.push_back({rect, spike.status});
    }
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
