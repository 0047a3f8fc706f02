// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/status/status_activation.h"
#include "ui/status/status_badge.h"

#include <QAbstractButton>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace statusscope::ui {

// The one way the app shows a status: a clickable badge "417 Expectation Failed", coloured by
// class. Clicking it (or Space/Enter with focus) emits statusActivated; a GuideNavigator opens
// the guide. Use this in forms and panels, and StatusLinkDelegate in tables.
class StatusLinkLabel : public QAbstractButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusLinkLabel)

public:
    explicit StatusLinkLabel(QWidget *parent = nullptr);

    void setStatus(int code);              // a negative code clears the badge
    void setCodeId(const QString &codeId); // "417" or a transport id
    QString codeId() const { return m_badge.codeId; }
    const StatusBadge &badge() const { return m_badge; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool hitButton(const QPoint &pos) const override;

private:
    void apply(const StatusBadge &badge);

    StatusBadge m_badge;
};

// Paints the same badge in item views, from an int status (or code id string) in `role`.
// A click on the badge emits statusActivated; attachTo() also gives the view a hand cursor
// over badges.
class StatusLinkDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusLinkDelegate)

public:
    explicit StatusLinkDelegate(int role = Qt::DisplayRole, QObject *parent = nullptr);

    int role() const { return m_role; }
    // Mouse tracking and the cursor over badges; call once for each view using this delegate.
    void attachTo(QAbstractItemView *view);
    // Where the badge of index is drawn, in viewport coordinates.
    QRect badgeRectFor(const QAbstractItemView *view, const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void statusActivated(const statusscope::ui::StatusActivation &activation);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int kCellMargin = 3;
    QRect badgeArea(const QStyleOptionViewItem &option, const StatusBadge &badge) const;

    int m_role;
};

} // namespace statusscope::ui
