// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_filter_bar.h"

#include "ui/document_keys.h"
#include "ui/flow_layout.h"
#include "ui/har/har_chip.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStringListModel>
#include <QToolButton>

namespace statusscope::ui {

HarFilterBar::HarFilterBar(QWidget *parent) : QWidget(parent)
{
    // Wraps onto a second row when the tab is narrow, so the docks beside it keep their width.
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("harFilterText"));
    m_text->setPlaceholderText(tr("Filter: text, 417, status-code:4xx, -method:GET…"));
    m_text->setClearButtonEnabled(true);
    setDocumentKeyTarget(m_text, DocumentKey::GoToFilter); // Ctrl+F, as in DevTools' network panel
    QString keyHelp = tr("Words are looked for in the URL; a status number filters on the status. "
                         "A leading - excludes. Keys:");
    for (const HarFilterKey &key : harFilterKeys())
        keyHelp += QStringLiteral("\n  ") + key.hint;
    m_text->setToolTip(keyHelp);
    layout->addWidget(m_text);
    // Completion works on the word under the cursor, not the whole field, so the completer is
    // attached with setWidget() rather than QLineEdit::setCompleter().
    m_suggestions = new QStringListModel(this);
    m_completer = new QCompleter(m_suggestions, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setWidget(m_text);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &HarFilterBar::insertCompletion);
    connect(m_text, &QLineEdit::textEdited, this, &HarFilterBar::offerCompletions);
    for (HarStatusClass statusClass : {HarStatusClass::Failed, HarStatusClass::Informational, HarStatusClass::Success,
                                       HarStatusClass::Redirection, HarStatusClass::ClientError,
                                       HarStatusClass::ServerError}) {
        auto *chip = new HarChip(this);
        chip->setObjectName(QStringLiteral("harChip_") + toString(statusClass));
        chip->setText(statusClass == HarStatusClass::Failed ? tr("0 / failed") : toString(statusClass));
        chip->setCheckable(true);
        m_chips.insert(statusClass, chip);
        layout->addWidget(chip);
        connect(chip, &QToolButton::toggled, this, &HarFilterBar::emitChanged);
    }
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("harMethod"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("harType"));
    m_page = new QComboBox(this);
    m_page->setObjectName(QStringLiteral("harPage"));
    // Page titles are often whole URLs: sized to them, the combo made the HAR tab so wide that
    // the Guide dock was squeezed to a sliver. Long titles are elided; the list shows them whole.
    m_page->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_page->setMinimumContentsLength(18);
    m_page->view()->setTextElideMode(Qt::ElideMiddle);
    m_text->setMinimumWidth(220);
    m_errorsOnly = new QCheckBox(tr("Errors only"), this);
    m_errorsOnly->setObjectName(QStringLiteral("harErrorsOnly"));
    m_positionsChip = new QToolButton(this);
    m_positionsChip->setObjectName(QStringLiteral("harPositions"));
    m_positionsChip->setVisible(false);
    m_timeRangeChip = new QToolButton(this);
    m_timeRangeChip->setObjectName(QStringLiteral("harTimeRange"));
    m_timeRangeChip->setToolTip(tr("Show every time again"));
    m_timeRangeChip->setVisible(false);
    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setObjectName(QStringLiteral("harClearFilter"));
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("harFilterProblems"));
    m_problems->setStyleSheet(QStringLiteral("color: #d93025;"));
    m_problems->setVisible(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("harFilterCounts"));
    m_counts->setVisible(false);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_method, m_type, m_page, m_errorsOnly, m_positionsChip,
                                                            m_timeRangeChip, clearButton, m_counts, m_problems})
        layout->addWidget(widget);
    setChoices({}, {}, {});

    connect(m_text, &QLineEdit::textChanged, this, &HarFilterBar::emitChanged);
    connect(m_method, &QComboBox::currentIndexChanged, this, &HarFilterBar::emitChanged);
    connect(m_type, &QComboBox::currentIndexChanged, this, &HarFilterBar::emitChanged);
    connect(m_page, &QComboBox::currentIndexChanged, this, &HarFilterBar::emitChanged);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &HarFilterBar::emitChanged);
    connect(m_positionsChip, &QToolButton::clicked, this, [this] {
        m_positions.reset();
        m_positionsChip->setVisible(false);
        emitChanged();
    });
    connect(m_timeRangeChip, &QToolButton::clicked, this, [this] {
        m_timeRange.reset();
        m_timeRangeChip->setVisible(false);
        emitChanged();
    });
    connect(clearButton, &QToolButton::clicked, this, &HarFilterBar::clear);
}

void HarFilterBar::setChoices(const QStringList &methods, const QStringList &types,
                              const QList<QPair<QString, QString>> &pages)
{
    m_updating = true;
    m_method->clear();
    m_method->addItem(tr("All methods"), QString());
    for (const QString &method : methods)
        m_method->addItem(method, method);
    m_type->clear();
    m_type->addItem(tr("All types"), QString());
    for (const QString &type : types)
        m_type->addItem(type, type);
    m_page->clear();
    m_page->addItem(tr("All pages"), QString());
    for (const auto &[id, title] : pages)
        m_page->addItem(title, id);
    m_page->setVisible(pages.size() > 1);
    m_updating = false;
}

void HarFilterBar::setSuggestions(const QStringList &suggestions)
{
    m_suggestions->setStringList(suggestions);
}

void HarFilterBar::setCounts(int shown, int total)
{
    const QLocale locale;
    m_counts->setText(tr("%1 of %2 shown").arg(locale.toString(shown), locale.toString(total)));
    m_counts->setVisible(shown != total);
}

void HarFilterBar::focusFilterText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

// The word under the cursor (without a leading "-") is the completion prefix.
void HarFilterBar::offerCompletions()
{
    const QString text = m_text->text();
    const int cursor = m_text->cursorPosition();
    int start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    QString word = text.mid(start, cursor - start);
    if (word.startsWith(QLatin1Char('-')))
        word.remove(0, 1);
    if (word.isEmpty() || (cursor < text.size() && !text.at(cursor).isSpace())) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void HarFilterBar::insertCompletion(const QString &completion)
{
    QString text = m_text->text();
    const int cursor = m_text->cursorPosition();
    int start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    if (start < text.size() && text.at(start) == QLatin1Char('-'))
        ++start;
    text.replace(start, cursor - start, completion);
    m_text->setText(text);
    m_text->setCursorPosition(start + completion.size());
    emitChanged();
}

HarEntryFilter HarFilterBar::filter() const
{
    HarEntryFilter filter;
    filter.query = HarFilterQuery::parse(m_text->text());
    for (auto it = m_chips.begin(); it != m_chips.end(); ++it) {
        if (it.value()->isChecked())
            filter.classes.insert(it.key());
    }
    filter.method = m_method->currentData().toString();
    filter.type = m_type->currentData().toString();
    filter.pageId = m_page->currentData().toString();
    filter.errorsOnly = m_errorsOnly->isChecked();
    filter.positions = m_positions;
    filter.timeRange = m_timeRange;
    return filter;
}

void HarFilterBar::showOnlyClass(HarStatusClass statusClass)
{
    m_updating = true;
    for (auto it = m_chips.begin(); it != m_chips.end(); ++it)
        it.value()->setChecked(it.key() == statusClass);
    m_updating = false;
    emitChanged();
}

void HarFilterBar::showErrorsOnly()
{
    m_updating = true;
    for (QToolButton *chip : std::as_const(m_chips))
        chip->setChecked(false);
    m_errorsOnly->setChecked(true);
    m_updating = false;
    emitChanged();
}

void HarFilterBar::showPositions(const QList<int> &positions)
{
    m_positions = QSet<int>(positions.begin(), positions.end());
    m_positionsChip->setText(tr("%1 selected ✕").arg(positions.size()));
    m_positionsChip->setVisible(true);
    emitChanged();
}

void HarFilterBar::showTimeRange(double fromMs, double toMs)
{
    m_timeRange = {fromMs, toMs};
    m_timeRangeChip->setText(tr("%1 s – %2 s ✕").arg(fromMs / 1000, 0, 'f', 3).arg(toMs / 1000, 0, 'f', 3));
    m_timeRangeChip->setVisible(true);
    emitChanged();
}

void HarFilterBar::clear()
{
    m_updating = true;
    m_text->clear();
    for (QToolButton *chip : std::as_const(m_chips))
        chip->setChecked(false);
    m_method->setCurrentIndex(0);
    m_type->setCurrentIndex(0);
    m_page->setCurrentIndex(0);
    m_errorsOnly->setChecked(false);
    m_positions.reset();
    m_positionsChip->setVisible(false);
    m_timeRange.reset();
    m_timeRangeChip->setVisible(false);
    m_updating = false;
    emitChanged();
}

void HarFilterBar::emitChanged()
{
    if (m_updating)
        return;
    const HarEntryFilter current = filter();
    m_problems->setText(current.query.problems.join(QStringLiteral("; ")));
    m_problems->setVisible(!current.query.problems.isEmpty());
    emit filterChanged(current);
}

} // namespace statusscope::ui
