#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The one way a status code is shown: a link that opens its guide. Every view that shows a
// status uses StatusLinkLabel (a single value) or StatusLinkDelegate (a column of a model).

#include <QLabel>
#include <QStyledItemDelegate>

namespace statusscope::ui {

// The reason phrase of a registered status (RFC 9110 §15), or empty when unknown.
QString statusReasonPhrase(int code);
// "1xx Informational", … "5xx Server Error", or "unknown class".
QString statusClassName(int code);
// A readable badge colour for the code's class in the current palette.
QColor statusClassColor(int code);

class StatusLinkLabel : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusLinkLabel)

public:
    explicit StatusLinkLabel(QWidget *parent = nullptr);

    void setStatus(int code, const QString &reason = {});
    int status() const { return m_code; }

signals:
    void statusActivated(const QString &codeId);

private:
    int m_code = 0;
};

class StatusLinkDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusLinkDelegate)

public:
    explicit StatusLinkDelegate(int statusRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

signals:
    void statusActivated(const QString &codeId);

private:
    int m_statusRole;
};

} // namespace statusscope::ui
