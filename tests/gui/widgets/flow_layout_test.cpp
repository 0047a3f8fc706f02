// SPDX-License-Identifier: GPL-3.0-or-later
// FlowLayout (ui/flow_layout.h): controls run left to right and wrap when the width runs out;
// hidden ones take no room; the height it asks for is the height it uses.
#include "ui/flow_layout.h"

#include <QPushButton>
#include <QWidget>

#include <gtest/gtest.h>

using statusscope::ui::FlowLayout;

namespace {

struct Row
{
    QWidget host;
    FlowLayout *layout = new FlowLayout(&host);
    QList<QPushButton *> buttons;

    explicit Row(int count)
    {
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(10);
        for (int i = 0; i < count; ++i) {
            auto *button = new QPushButton(QStringLiteral("b%1").arg(i), &host);
            button->setFixedSize(100, 30);
            layout->addWidget(button);
            buttons << button;
        }
    }

    void layOut(int width)
    {
        host.resize(width, layout->heightForWidth(width));
        layout->setGeometry(QRect(0, 0, width, layout->heightForWidth(width)));
    }
};

} // namespace

TEST(FlowLayout, OneRowWhenThereIsRoom)
{
    Row row(4);
    EXPECT_EQ(row.layout->sizeHint(), QSize(4 * 100 + 3 * 10, 30));
    EXPECT_EQ(row.layout->minimumSize(), QSize(100, 30));
    row.layOut(1000);
    EXPECT_EQ(row.layout->heightForWidth(1000), 30);
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(row.buttons[i]->geometry(), QRect(i * 110, 0, 100, 30)) << i;
}

TEST(FlowLayout, WrapsWhenTheWidthRunsOut)
{
    Row row(5);
    // 100 + 10 + 100 = 210 fits in 250, a third does not: rows of two, two and one.
    EXPECT_EQ(row.layout->heightForWidth(250), 3 * 30 + 2 * 10);
    row.layOut(250);
    EXPECT_EQ(row.buttons[0]->geometry().topLeft(), QPoint(0, 0));
    EXPECT_EQ(row.buttons[1]->geometry().topLeft(), QPoint(110, 0));
    EXPECT_EQ(row.buttons[2]->geometry().topLeft(), QPoint(0, 40));
    EXPECT_EQ(row.buttons[3]->geometry().topLeft(), QPoint(110, 40));
    EXPECT_EQ(row.buttons[4]->geometry().topLeft(), QPoint(0, 80));
    for (QPushButton *button : row.buttons)
        EXPECT_LE(button->geometry().right(), 249);
}

TEST(FlowLayout, HiddenWidgetsTakeNoRoom)
{
    Row row(3);
    row.buttons[1]->hide();
    EXPECT_EQ(row.layout->sizeHint(), QSize(2 * 100 + 10, 30));
    row.layOut(1000);
    EXPECT_EQ(row.buttons[2]->geometry().topLeft(), QPoint(110, 0));
    // Narrower than one control: each on its own row (a control never shrinks below its
    // minimum, which is also what minimumSize() asks of the parent).
    row.layOut(60);
    EXPECT_EQ(row.buttons[0]->geometry().topLeft(), QPoint(0, 0));
    EXPECT_EQ(row.buttons[2]->geometry().topLeft(), QPoint(0, 40));
    EXPECT_EQ(row.layout->heightForWidth(60), 2 * 30 + 10);
}
