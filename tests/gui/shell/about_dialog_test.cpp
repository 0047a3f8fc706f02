// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/about_dialog.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>

#include <gtest/gtest.h>

TEST(AboutDialog, ShowsVersionQtAndTheThreeLicenseTexts)
{
    statusscope::ui::AboutDialog dialog;
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("aboutSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral(STATUSSCOPE_VERSION)));
    EXPECT_TRUE(summary->text().contains(QString::fromLatin1(qVersion())));

    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("licenseTabs"));
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 3);
    const char *expected[] = {"GNU GENERAL PUBLIC LICENSE", "GNU LESSER GENERAL PUBLIC LICENSE", "QCustomPlot"};
    for (int i = 0; i < 3; ++i) {
        auto *text = qobject_cast<QPlainTextEdit *>(tabs->widget(i));
        ASSERT_NE(text, nullptr);
        EXPECT_TRUE(text->toPlainText().contains(QString::fromLatin1(expected[i])))
            << tabs->tabText(i).toStdString();
    }
}
