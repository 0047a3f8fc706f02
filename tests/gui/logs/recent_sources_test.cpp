// SPDX-License-Identifier: GPL-3.0-or-later
// File › Open Log Source… starts where the user left off: the last source, the recent ones as
// completions, and the columns chosen in the mapper, all from the window's settings.

#include "ui/logs/log_source_dialog.h"
#include "ui/logs/recent_sources.h"

#include <QCompleter>
#include <QLineEdit>
#include <QSettings>
#include <QStringListModel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using statusscope::logs::ColumnRole;
using statusscope::ui::LogSourceDialog;
using statusscope::ui::RecentSources;

namespace {

QString sourceUrl(int i)
{
    return QStringLiteral("clickhouse://reader@ch%1.example.internal:8123/web.access").arg(i);
}

TEST(RecentSources, NewestFirstAtMostEightAndReopeningMovesToTheFront)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    RecentSources recent(&settings);
    for (int i = 1; i <= 10; ++i)
        recent.remember(sourceUrl(i), {});
    QStringList expected;
    for (int i = 10; i >= 3; --i)
        expected << sourceUrl(i);
    EXPECT_EQ(recent.urls(), expected);
    recent.remember(sourceUrl(5), {{ColumnRole::Status, QStringLiteral("code")}});
    EXPECT_EQ(recent.urls().front(), sourceUrl(5));
    EXPECT_EQ(recent.urls().size(), RecentSources::kMaxSources);
    EXPECT_EQ(recent.urls().count(sourceUrl(5)), 1);
    EXPECT_EQ(recent.columns(sourceUrl(5)).value(ColumnRole::Status), QStringLiteral("code"));
    EXPECT_TRUE(recent.columns(sourceUrl(4)).isEmpty());
}

TEST(RecentSources, ColumnsOfAnUnknownRoleAreLeftOut)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    settings.beginWriteArray(QStringLiteral("logSources"), 1);
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("url"), sourceUrl(1));
    settings.setValue(QStringLiteral("columns"),
                      QStringList{QStringLiteral("status=code"), QStringLiteral("region=dc"), QStringLiteral("path")});
    settings.endArray();
    const QMap<ColumnRole, QString> columns = RecentSources(&settings).columns(sourceUrl(1));
    EXPECT_EQ(columns, (QMap<ColumnRole, QString>{{ColumnRole::Status, QStringLiteral("code")}}));
}

// The dialog after a source was opened once: it shows that source, completes the others, and
// opens it with the columns chosen then, before any test connection. The password stays out of
// the settings.
TEST(RecentSources, TheDialogOpensOnTheLastSourceWithItsColumns)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        RecentSources(&settings).remember(sourceUrl(1), {});
        LogSourceDialog first(nullptr, &settings);
        first.urlEdit()->setText(QStringLiteral("clickhouse://analyst@ch2.example.internal:8123/web.access"));
        first.passwordEdit()->setText(QStringLiteral("pw-not-kept"));
        first.accept();
        RecentSources(&settings).remember(sourceUrl(2), {{ColumnRole::Path, QStringLiteral("uri")}});
    }
    QSettings settings(path, QSettings::IniFormat);
    const QStringList urls = RecentSources(&settings).urls();
    ASSERT_EQ(urls.size(), 3);
    EXPECT_EQ(urls.at(1), QStringLiteral("clickhouse://analyst@ch2.example.internal:8123/web.access"));

    LogSourceDialog dialog(nullptr, &settings);
    EXPECT_EQ(dialog.urlEdit()->text(), sourceUrl(2));
    EXPECT_EQ(dialog.overrides(), (QMap<ColumnRole, QString>{{ColumnRole::Path, QStringLiteral("uri")}}));
    ASSERT_NE(dialog.urlEdit()->completer(), nullptr);
    auto *model = qobject_cast<QStringListModel *>(dialog.urlEdit()->completer()->model());
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->stringList(), urls);

    dialog.urlEdit()->setText(sourceUrl(1));
    EXPECT_TRUE(dialog.overrides().isEmpty()) << "a source opened without choices is guessed again";

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains("pw-not-kept"));
}

} // namespace
