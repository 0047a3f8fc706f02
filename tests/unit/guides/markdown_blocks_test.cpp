// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/markdown_blocks.h"

#include <gtest/gtest.h>

using namespace statusscope;

TEST(MarkdownBlocks, SplitsProseAndFencedCode)
{
    const QList<MarkdownBlock> blocks = splitFencedBlocks(QStringLiteral(
        "Intro.\n"
        "```nginx\n"
        "location / {\n"
        "    return 444;\n"
        "}\n"
        "```\n"
        "Between.\n"
        "~~~~text\n"
        "```\n"   // a shorter or different fence does not close it
        "~~~\n"
        "~~~~\n"
        "\n"));
    ASSERT_EQ(blocks.size(), 4);
    EXPECT_FALSE(blocks.at(0).isCode);
    EXPECT_EQ(blocks.at(0).text, QStringLiteral("Intro."));
    EXPECT_TRUE(blocks.at(1).isCode);
    EXPECT_EQ(blocks.at(1).language, QStringLiteral("nginx"));
    EXPECT_EQ(blocks.at(1).text, QStringLiteral("location / {\n    return 444;\n}"));
    EXPECT_FALSE(blocks.at(2).isCode);
    EXPECT_EQ(blocks.at(2).text, QStringLiteral("Between."));
    EXPECT_TRUE(blocks.at(3).isCode);
    EXPECT_EQ(blocks.at(3).language, QStringLiteral("text"));
    EXPECT_EQ(blocks.at(3).text, QStringLiteral("```\n~~~"));
}

TEST(MarkdownBlocks, AnUnclosedFenceRunsToTheEnd)
{
    const QList<MarkdownBlock> blocks = splitFencedBlocks(QStringLiteral("a\n```http\nHTTP/1.1 200 OK\n"));
    ASSERT_EQ(blocks.size(), 2);
    EXPECT_TRUE(blocks.at(1).isCode);
    EXPECT_EQ(blocks.at(1).text, QStringLiteral("HTTP/1.1 200 OK\n"));
}

TEST(MarkdownBlocks, TheLanguageIsTheFirstWordAndTheRestAreAttributes)
{
    const QList<MarkdownBlock> blocks = splitFencedBlocks(QStringLiteral(
        "```nginx context=server  modules=geoip2,headers-more\nreturn 444;\n```\n"));
    ASSERT_EQ(blocks.size(), 1);
    EXPECT_EQ(blocks.at(0).language, QStringLiteral("nginx"));
    EXPECT_EQ(blocks.at(0).attributes.value(QStringLiteral("context")), QStringLiteral("server"));
    EXPECT_EQ(blocks.at(0).attributes.value(QStringLiteral("modules")), QStringLiteral("geoip2,headers-more"));

    const FenceInfo plain = parseFenceInfo(QStringLiteral("bash"));
    EXPECT_EQ(plain.language, QStringLiteral("bash"));
    EXPECT_TRUE(plain.attributes.isEmpty());
    EXPECT_TRUE(plain.error.isEmpty());
    EXPECT_TRUE(parseFenceInfo(QString()).language.isEmpty());

    const FenceInfo loose = parseFenceInfo(QStringLiteral("python strict wrap=flask-app"));
    EXPECT_EQ(loose.language, QStringLiteral("python"));
    EXPECT_EQ(loose.attributes.value(QStringLiteral("wrap")), QStringLiteral("flask-app"));
    EXPECT_EQ(loose.error, QStringLiteral("'strict' after the language is not key=value"));
    EXPECT_EQ(parseFenceInfo(QStringLiteral("go wrap=a wrap=b")).error,
              QStringLiteral("attribute 'wrap' given twice"));
}

TEST(MarkdownBlocks, FenceRecognition)
{
    QString marker, info;
    EXPECT_TRUE(isMarkdownFence(QStringLiteral("  ```bash"), &marker, &info));
    EXPECT_EQ(marker, QStringLiteral("```"));
    EXPECT_EQ(info, QStringLiteral("bash"));
    EXPECT_FALSE(isMarkdownFence(QStringLiteral("``not a fence"), &marker, &info));
    EXPECT_TRUE(closesFence(QStringLiteral("`````"), QStringLiteral("```")));
    EXPECT_FALSE(closesFence(QStringLiteral("```"), QStringLiteral("````")));
    EXPECT_FALSE(closesFence(QStringLiteral("```js"), QStringLiteral("```")));
}
