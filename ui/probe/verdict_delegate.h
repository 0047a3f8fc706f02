#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The probe table's verdict cell: the verdict in bold in its colour ("✓ conforms"), and below it
// the RFC section it rests on in the ordinary text colour, wrapped to the column. Two facts in
// one narrow column, so the whole table fits a document area at 1280 pixels wide with the
// sidebar and the Guide dock open.

#include <QStyledItemDelegate>

namespace statusscope::ui {

class VerdictDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerdictDelegate)

public:
    // rfcRole: where the model keeps the RFC text of the row.
    explicit VerdictDelegate(int rfcRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static constexpr int kMargin = 4;
    int m_rfcRole;
};

} // namespace statusscope::ui
