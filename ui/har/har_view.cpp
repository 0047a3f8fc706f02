// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_view.h"

#include "ui/document_keys.h"

#include "ui/status/status_link.h"

#include "core/har/har_summary.h"
#include "ui/har/har_entries_model.h"
#include "ui/har/har_entry_details.h"
#include "ui/har/har_export_dialog.h"
#include "ui/har/har_filter_bar.h"
#include "ui/har/har_filter_proxy.h"
#include "ui/har/har_overview.h"
#include "ui/har/har_summary_strip.h"
#include "ui/har/har_waterfall_delegate.h"
#include "ui/har/har_waterfall_header.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <limits>

namespace statusscope::ui {

namespace {

// The progress bar's resolution: per mille of the file.
constexpr int kProgressSteps = 1000;

constexpr int kWaterfallWidth = 240;
// Below these the waterfall no longer places a request among the others, and Path, Host and
// Page show too little to tell requests apart.
constexpr int kMinWaterfallWidth = 100;
constexpr int kMinPathWidth = 130;
constexpr int kMinHostWidth = 80;
constexpr int kMinPageWidth = 80;

const QString kColumnWidthsKey = QStringLiteral("har/columnWidths");
const QString kSplitterKey = QStringLiteral("har/detailsSplitter");

// Settings keys by meaning, not by position: a column added later keeps the widths valid.
QString columnKey(int column)
{
    static const char *const kKeys[HarEntriesModel::ColumnCount] = {"index", "page", "method", "status", "host",
                                                                     "path", "type", "size", "time", "waterfall"};
    return QString::fromLatin1(kKeys[column]);
}

} // namespace

HarView::HarView(const QString &path, QWidget *parent)
    : QWidget(parent), m_path(path), m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    // Loading page: progress and cancel.
    m_loadingPage = new QWidget(m_stack);
    auto *loadingLayout = new QVBoxLayout(m_loadingPage);
    auto *loadingLabel = new QLabel(tr("Reading %1…").arg(QFileInfo(path).fileName()), m_loadingPage);
    m_progress = new QProgressBar(m_loadingPage);
    m_progress->setObjectName(QStringLiteral("harProgress"));
    m_progress->setRange(0, kProgressSteps);
    m_cancelButton = new QPushButton(tr("Cancel"), m_loadingPage);
    m_cancelButton->setObjectName(QStringLiteral("harCancel"));
    setDocumentKeyTarget(m_cancelButton, DocumentKey::Cancel);
    loadingLayout->addStretch(1);
    loadingLayout->addWidget(loadingLabel);
    loadingLayout->addWidget(m_progress);
    loadingLayout->addWidget(m_cancelButton, 0, Qt::AlignRight);
    loadingLayout->addStretch(1);
    m_stack->addWidget(m_loadingPage);

    m_message = new QLabel(m_stack);
    m_message->setObjectName(QStringLiteral("harMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_message);

    // Content page.
    m_contentPage = new QWidget(m_stack);
    auto *content = new QVBoxLayout(m_contentPage);
    content->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary = new HarSummaryStrip(m_contentPage);
    auto *exportButton = new QPushButton(tr("Export HAR…"), m_contentPage);
    exportButton->setObjectName(QStringLiteral("harExport"));
    top->addWidget(m_summary, 1);
    top->addWidget(exportButton);
    content->addLayout(top);
    m_filterBar = new HarFilterBar(m_contentPage);
    content->addWidget(m_filterBar);
    m_overview = new HarOverview(m_contentPage);
    content->addWidget(m_overview);
    m_skippedNote = new QLabel(m_contentPage);
    m_skippedNote->setObjectName(QStringLiteral("harSkipped"));
    m_skippedNote->setWordWrap(true);
    m_skippedNote->setVisible(false);
    content->addWidget(m_skippedNote);
    // What the reader tolerated (the entries are shown) and what is wrong with the file.
    m_deviationsNote = new QLabel(m_contentPage);
    m_deviationsNote->setObjectName(QStringLiteral("harDeviations"));
    m_deviationsNote->setWordWrap(true);
    m_deviationsNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_deviationsNote->setVisible(false);
    content->addWidget(m_deviationsNote);

    auto *splitter = new QSplitter(Qt::Vertical, m_contentPage);
    m_splitter = splitter;
    splitter->setObjectName(QStringLiteral("harSplitter"));
    splitter->setChildrenCollapsible(false);
    m_model = new HarEntriesModel(this);
    m_proxy = new HarFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("harTable"));
    m_table->setHorizontalHeader(new HarWaterfallHeader(HarEntriesModel::WaterfallColumn, &m_scale, m_table));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HarEntriesModel::IndexColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setItemDelegateForColumn(HarEntriesModel::WaterfallColumn, new HarWaterfallDelegate(&m_scale, m_table));
    // Statuses are the app's one status link: a badge whose click opens the guide.
    auto *statusLinks = new StatusLinkDelegate(HarEntriesModel::StatusRole, m_table);
    m_table->setItemDelegateForColumn(HarEntriesModel::StatusColumn, statusLinks);
    statusLinks->attachTo(m_table);
    connect(statusLinks, &StatusLinkDelegate::statusActivated, this, &HarView::statusActivated);
    m_table->verticalHeader()->setVisible(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(HarEntriesModel::PathColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 2);
    // Widths follow the room the tab has (the docks beside it change it).
    m_table->viewport()->installEventFilter(this);
    m_details = new HarEntryDetails(splitter);
    connect(m_details, &HarEntryDetails::statusActivated, this, &HarView::statusActivated);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    content->addWidget(splitter, 1);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int width) { rememberWidth(column, width); });
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        if (m_detailsOpen)
            QSettings().setValue(kSplitterKey, m_splitter->saveState());
    });
    setDetailsOpen(false);
    m_stack->addWidget(m_contentPage);

    connect(m_filterBar, &HarFilterBar::filterChanged, this, &HarView::applyFilter);
    connect(m_overview, &HarOverview::rangeSelected, m_filterBar, &HarFilterBar::showTimeRange);
    const auto updateCounts = [this] { m_filterBar->setCounts(m_proxy->rowCount(), m_model->rowCount()); };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, updateCounts);
    connect(m_summary, &HarSummaryStrip::classClicked, m_filterBar, &HarFilterBar::showOnlyClass);
    connect(m_summary, &HarSummaryStrip::failedClicked, m_filterBar, &HarFilterBar::showErrorsOnly);
    connect(m_summary, &HarSummaryStrip::slowestClicked, m_filterBar, &HarFilterBar::showPositions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { currentRowChanged(current); });
    connect(m_cancelButton, &QPushButton::clicked, this, &HarView::cancelLoading);
    connect(exportButton, &QPushButton::clicked, this, &HarView::exportHar);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &HarView::loadDone);

    startLoading();
}

HarView::~HarView()
{
    // The reader polls the flag between entries: closing the tab never waits for a whole file.
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

bool HarView::isLoading() const
{
    return m_state == LoadState::Loading;
}

void HarView::cancelLoading()
{
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
}

void HarView::startLoading()
{
    m_stack->setCurrentWidget(m_loadingPage);
    m_state = LoadState::Loading;
    const QString path = m_path;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    // Progress goes to the GUI thread as queued calls; the destructor waits for the reader,
    // so `this` outlives every call made from it.
    QProgressBar *progressBar = m_progress;
    m_watcher.setFuture(QtConcurrent::run([path, cancel, progressBar] {
        HarReadOptions options;
        options.cancel = cancel.get();
        options.progress = [progressBar, cancel](qint64 done, qint64 total) {
            if (total <= 0 || cancel->load())
                return;
            const int value = static_cast<int>(done * kProgressSteps / total);
            QMetaObject::invokeMethod(progressBar, [progressBar, value] { progressBar->setValue(value); },
                                      Qt::QueuedConnection);
        };
        return readHarFile(path, options);
    }));
}

void HarView::loadDone()
{
    if (m_state != LoadState::Loading)
        return;
    HarReadResult result = m_watcher.result();
    if (!result.ok()) {
        m_state = LoadState::Failed;
        const QString what = result.error.status == HarReadStatus::Cancelled
            ? tr("Reading was cancelled.")
            : result.error.status == HarReadStatus::FileError
                ? tr("Cannot read %1: %2").arg(m_path, result.error.describe())
                : tr("%1 is not a HAR file:\n%2").arg(QFileInfo(m_path).fileName(), result.error.describe());
        m_message->setText(what);
        m_stack->setCurrentWidget(m_message);
        emit loadFinished(false);
        return;
    }
    m_state = LoadState::Loaded;
    showLog(std::make_shared<const HarLog>(std::move(result.log)));
    emit loadFinished(true);
}

void HarView::showLog(std::shared_ptr<const HarLog> log)
{
    m_log = std::move(log);
    m_model->setLog(m_log);
    QList<QPair<QString, QString>> pages;
    for (const HarPage &page : m_log->pages)
        pages.append({page.id, harPageLabel(page)});
    m_filterBar->setChoices(m_model->methods(), m_model->types(), pages);
    m_filterBar->setSuggestions(harFilterSuggestions(*m_log));
    m_pagesColumnWanted = m_log->pages.size() >= 2;
    m_table->setColumnHidden(HarEntriesModel::PageColumn, !m_pagesColumnWanted);
    m_summary->setSummary(summarize(m_log->entries), static_cast<int>(m_log->skipped.size()));
    if (!m_log->skipped.isEmpty()) {
        constexpr int kShownSkipped = 5;
        QStringList lines;
        for (int i = 0; i < std::min<int>(kShownSkipped, static_cast<int>(m_log->skipped.size())); ++i)
            lines << tr("entry %1: %2").arg(m_log->skipped[i].index).arg(m_log->skipped[i].reason);
        if (m_log->skipped.size() > kShownSkipped)
            lines << tr("… and %1 more").arg(m_log->skipped.size() - kShownSkipped);
        m_skippedNote->setText(tr("%1 entries could not be read and are not shown:\n%2")
                                   .arg(m_log->skipped.size())
                                   .arg(lines.join(QLatin1Char('\n'))));
        m_skippedNote->setVisible(true);
    }
    QStringList notes;
    for (const QString &warning : m_log->warnings)
        notes << tr("Warning: %1").arg(warning);
    for (const HarDeviation &deviation : m_log->deviations)
        notes << tr("%1 × %2 (%3): %4")
                     .arg(describeHarDeviation(deviation.kind))
                     .arg(deviation.count)
                     .arg(deviation.kind, deviation.examples.join(QStringLiteral(", ")));
    if (!m_log->deviations.isEmpty())
        notes.insert(m_log->warnings.size(), tr("Read leniently, these departures from HAR 1.2 kept their entries:"));
    m_deviationsNote->setText(notes.join(QLatin1Char('\n')));
    m_deviationsNote->setVisible(!notes.isEmpty());
    QList<HarOverviewBar> bars;
    bars.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const auto span = index.data(HarEntriesModel::WaterfallRole).value<HarWaterfallSpan>();
        bars.append({span.startMs, span.endMs(), isErrorStatus(index.data(HarEntriesModel::StatusRole).toInt())});
    }
    m_overview->setTimeline(bars, m_model->extentMs(), m_model->pageMarkers());
    m_scale.setMarkers(m_model->pageMarkers());
    applyFilter(m_filterBar->filter());
    sizeColumns();
    m_stack->setCurrentWidget(m_contentPage);
}

// The waterfall shows the dragged range, else the chosen page, else the whole log.
void HarView::applyFilter(const HarEntryFilter &filter)
{
    m_proxy->setFilter(filter);
    QPair<double, double> range{0.0, m_model->extentMs()};
    if (filter.timeRange)
        range = *filter.timeRange;
    else if (!filter.pageId.isEmpty())
        range = m_model->pageRange(filter.pageId);
    m_scale.setRange(range.first, std::max(range.second, range.first + 1.0));
    m_overview->setSelection(filter.timeRange);
    m_table->horizontalHeader()->viewport()->update();
    m_table->viewport()->update();
}

// Measured from what the columns hold, never from the longest URL: Path takes the room that is
// left (elided in the middle, the tooltip has the whole URL), so Type, Size, Time and the
// waterfall stay in view at 1280 px with the docks open.
void HarView::sizeColumns()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.horizontalAdvance(QLatin1Char('M')) + 4;
    int largestIndex = 0;
    for (const HarEntry &entry : m_log->entries)
        largestIndex = std::max(largestIndex, entry.index);
    const int indexDigits = std::max(static_cast<int>(QString::number(largestIndex).size()), 2);
    auto headerWidth = [&](int column) {
        return metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + padding;
    };
    // What the cells ask for over the first rows (as Qt's resize-to-contents samples them),
    // without the room Qt's header keeps for a sort arrow in every section: text as the
    // view's style lays it out, the status badge as its delegate paints it.
    const int textMargins = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 2;
    QStyleOptionViewItem option;
    option.initFrom(m_table);
    option.widget = m_table;
    const int sampled = std::min(m_proxy->rowCount(), 1000);
    auto contentsWidth = [&](int column, int cap) {
        int widest = headerWidth(column);
        for (int row = 0; row < sampled; ++row) {
            const QModelIndex index = m_proxy->index(row, column);
            widest = std::max(widest, column == HarEntriesModel::StatusColumn
                                          ? m_table->itemDelegateForIndex(index)->sizeHint(option, index).width()
                                          : metrics.horizontalAdvance(index.data().toString()) + textMargins);
        }
        return std::min(cap, widest);
    };
    auto fixed = [](int width) { return HarColumnNeed{width, width}; };
    auto shrinkable = [](int width, int minimum) { return HarColumnNeed{width, std::min(width, minimum)}; };
    m_columnNeeds = QList<HarColumnNeed>(HarEntriesModel::ColumnCount);
    m_columnNeeds[HarEntriesModel::IndexColumn] = fixed(std::max(
        headerWidth(HarEntriesModel::IndexColumn), metrics.horizontalAdvance(QString(indexDigits, QLatin1Char('8'))) + padding));
    m_columnNeeds[HarEntriesModel::PageColumn] = shrinkable(contentsWidth(HarEntriesModel::PageColumn, 180), kMinPageWidth);
    m_columnNeeds[HarEntriesModel::HostColumn] = shrinkable(contentsWidth(HarEntriesModel::HostColumn, 220), kMinHostWidth);
    // A status badge ends in "…" when narrow: the code and the start of its reason stay, the
    // tooltip and the Guide dock have the rest. A long type ("stylesheet") is cut the same way.
    m_columnNeeds[HarEntriesModel::StatusColumn] = shrinkable(
        contentsWidth(HarEntriesModel::StatusColumn, 170), metrics.horizontalAdvance(QStringLiteral("404 N…")) + padding);
    m_columnNeeds[HarEntriesModel::TypeColumn] = shrinkable(
        contentsWidth(HarEntriesModel::TypeColumn, 140), metrics.horizontalAdvance(QStringLiteral("script")) + padding);
    for (int column : {HarEntriesModel::MethodColumn, HarEntriesModel::SizeColumn, HarEntriesModel::TimeColumn})
        m_columnNeeds[column] = fixed(contentsWidth(column, 140));
    m_columnNeeds[HarEntriesModel::WaterfallColumn] = shrinkable(kWaterfallWidth, kMinWaterfallWidth);
    m_columnNeeds[HarEntriesModel::PathColumn] = fixed(kMinPathWidth);
    fitColumnsToViewport();
}

// A width the user dragged is kept for every HAR tab after it (as DevTools keeps its columns)
// and does not shrink; the others give up room in proportion until Path has its minimum.
void HarView::fitColumnsToViewport()
{
    if (m_columnNeeds.isEmpty())
        return;
    const QScopedValueRollback<bool> ours(m_sizingColumns, true);
    const QVariantMap remembered = QSettings().value(kColumnWidthsKey).toMap();
    QList<HarColumnNeed> needs = m_columnNeeds;
    for (int column = 0; column < HarEntriesModel::ColumnCount; ++column) {
        const int width = remembered.value(columnKey(column)).toInt();
        if (column == HarEntriesModel::PageColumn ? !m_pagesColumnWanted : m_table->isColumnHidden(column))
            needs[column] = {0, 0};
        else if (column != HarEntriesModel::PathColumn && width > 0)
            needs[column] = {width, width};
    }
    const int available = m_table->isVisible() ? m_table->viewport()->width() : std::numeric_limits<int>::max();
    // With no room even at the minimums, the Page column goes first: the page list of the
    // filter bar and the overview's page lines still tell pages apart.
    int minimums = 0;
    for (const HarColumnNeed &need : std::as_const(needs))
        minimums += need.minimum;
    const bool showPages = m_pagesColumnWanted && minimums <= available;
    m_table->setColumnHidden(HarEntriesModel::PageColumn, !showPages);
    if (!showPages)
        needs[HarEntriesModel::PageColumn] = {0, 0};
    const QList<int> widths = statusscope::ui::fitColumns(needs, available);
    for (int column = 0; column < HarEntriesModel::ColumnCount; ++column) {
        if (column != HarEntriesModel::PathColumn && !m_table->isColumnHidden(column))
            m_table->horizontalHeader()->resizeSection(column, widths[column]);
    }
}

bool HarView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumnsToViewport();
    return QWidget::eventFilter(watched, event);
}

void HarView::rememberWidth(int column, int width)
{
    if (m_sizingColumns || column == HarEntriesModel::PathColumn || !m_table->isVisible())
        return;
    QSettings settings;
    QVariantMap widths = settings.value(kColumnWidthsKey).toMap();
    widths.insert(columnKey(column), width);
    settings.setValue(kColumnWidthsKey, widths);
}

// Closed, the details pane is its one-line prompt and the table has the height; opened by the
// first selection, it takes the share the user last gave it (two fifths at first).
void HarView::setDetailsOpen(bool open)
{
    if (open == m_detailsOpen)
        return;
    m_detailsOpen = open;
    const int total = std::max(m_splitter->height(), 400);
    if (!open) {
        const int prompt = m_details->minimumSizeHint().height();
        m_splitter->setSizes({total - prompt, prompt});
        return;
    }
    if (!m_splitter->restoreState(QSettings().value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
}

const HarEntry *HarView::currentEntry() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_model->entryAt(current.data(HarEntriesModel::PositionRole).toInt());
}

void HarView::currentRowChanged(const QModelIndex &current)
{
    const HarEntry *entry = current.isValid() ? m_model->entryAt(current.data(HarEntriesModel::PositionRole).toInt())
                                              : nullptr;
    m_details->setEntry(entry);
    setDetailsOpen(entry != nullptr);
    if (!entry)
        return;
    emit entrySelected(current.data(HarEntriesModel::PositionRole).toInt());
    emit statusActivated(StatusActivation::ofCode(entry->response.status));
}

void HarView::exportHar()
{
    if (!m_log)
        return;
    QList<int> selected;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        selected.append(row.data(HarEntriesModel::PositionRole).toInt());
    std::sort(selected.begin(), selected.end());
    HarExportDialog dialog(m_log, selected, m_path, this);
    dialog.exec();
}

} // namespace statusscope::ui
