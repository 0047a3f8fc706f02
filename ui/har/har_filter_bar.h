// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/har/har_filter_proxy.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QCompleter;
class QLabel;
class QStringListModel;
class QComboBox;
class QLineEdit;
class QToolButton;

namespace statusscope::ui {

// A DevTools-style filter field (status-code:417, -method:GET, larger-than:1M… with completion),
// status-class chips (failed, 1xx…5xx), method, type, page and "errors only". Emits the
// whole filter on every change; the summary strip's clicks come in through the setters.
class HarFilterBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarFilterBar)

public:
    explicit HarFilterBar(QWidget *parent = nullptr);

    void setChoices(const QStringList &methods, const QStringList &types,
                    const QList<QPair<QString, QString>> &pages); // (id, title)
    void setSuggestions(const QStringList &suggestions);
    HarEntryFilter filter() const;
    // "537 of 20,000 shown"; hidden when nothing is filtered out.
    void setCounts(int shown, int total);
    void focusFilterText();

    void showOnlyClass(HarStatusClass statusClass);
    void showErrorsOnly();
    void showPositions(const QList<int> &positions);
    // A range dragged on the overview, shown as a chip that clears it.
    void showTimeRange(double fromMs, double toMs);
    void clear();

signals:
    void filterChanged(const statusscope::ui::HarEntryFilter &filter);

private:
    void emitChanged();
    void offerCompletions();
    void insertCompletion(const QString &completion);

    QLineEdit *m_text = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_suggestions = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_counts = nullptr;
    QMap<HarStatusClass, QToolButton *> m_chips;
    QComboBox *m_method = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_page = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QToolButton *m_positionsChip = nullptr;
    std::optional<QSet<int>> m_positions;
    QToolButton *m_timeRangeChip = nullptr;
    std::optional<QPair<double, double>> m_timeRange;
    bool m_updating = false;
};

} // namespace statusscope::ui
