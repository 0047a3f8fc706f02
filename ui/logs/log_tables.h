// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QStringList>

#include <functional>

class QComboBox;
class QSplitter;
class QTableWidget;
class QTableWidgetItem;
class QTabWidget;
class QWidget;

namespace statusscope::ui {

// The pieces both log tabs (a file, a database source) build their tables and layout from.

// A read-only table of whole rows whose last column takes the rest of the width; long texts
// are cut in the middle (a path's start and end say the most), their item tooltip has them whole.
QTableWidget *makeLogTable(const QStringList &headers, const QString &objectName, QWidget *parent);
// A right-aligned number that sorts as a number.
QTableWidgetItem *countItem(qint64 value);
// Column 0 shows the app's status badge; a click on a row, or Enter on it, hands its status to
// `onStatus` (one call per click: the badge's own signal is not used).
void attachStatusColumn(QTableWidget *table, const std::function<void(int code)> &onStatus);
// Status rows (status badge, requests, share of `total`), in status order.
void fillStatusRows(QTableWidget *table, const QMap<int, qint64> &counts, qint64 total);
// The bucket sizes a log chart offers (automatic, 1 minute, 5 minutes, 1 hour; data: seconds).
QComboBox *makeBucketCombo(QWidget *parent);
// The chart beside the tables: the chart is what people came for, so it gets most of the width.
QSplitter *makeChartSplitter(QWidget *chart, QTabWidget *tables, QWidget *parent);

} // namespace statusscope::ui
