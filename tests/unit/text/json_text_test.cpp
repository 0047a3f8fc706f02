// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/json_text.h"

#include "tests/support/qt_printers.h"

#include <gtest/gtest.h>

using namespace statusscope;

TEST(JsonText, ErrorsHaveTheLineAndColumnAnEditorShows)
{
    const JsonCheck missingComma = checkJson("{\n  \"a\": 1\n  \"b\": 2\n}");
    EXPECT_FALSE(missingComma.ok);
    EXPECT_EQ(missingComma.line, 3);
    EXPECT_EQ(missingComma.column, 3);
    EXPECT_FALSE(missingComma.message.isEmpty());
    // Columns count characters, not UTF-8 bytes ('é' is two): the reader stops after "tru".
    const JsonCheck afterAccents = checkJson("{\"é\": tru}");
    EXPECT_EQ(afterAccents.line, 1);
    EXPECT_EQ(afterAccents.column, 10);
    EXPECT_FALSE(checkJson("[1, 2] 3").ok) << "one value per document";
    EXPECT_FALSE(checkJson("").ok);
    EXPECT_FALSE(checkJson("\"\xff\"").ok) << "not UTF-8";
}

TEST(JsonText, PrettyKeepsWhatTheUserWrote)
{
    const JsonCheck check = checkJson(R"({"z":1.50,"a":[12345678901234567890,{}],"z":null,"s":"\"q\""})");
    ASSERT_TRUE(check.ok) << check.message.toStdString();
    EXPECT_EQ(check.pretty, QByteArray("{\n"
                                       "  \"z\": 1.50,\n"
                                       "  \"a\": [\n"
                                       "    12345678901234567890,\n"
                                       "    {}\n"
                                       "  ],\n"
                                       "  \"z\": null,\n"
                                       "  \"s\": \"\\\"q\\\"\"\n"
                                       "}"));
    EXPECT_EQ(checkJson("42").pretty, QByteArray("42"));
}

TEST(JsonText, JsonContentTypes)
{
    EXPECT_TRUE(isJsonContentType(QStringLiteral("application/json")));
    EXPECT_TRUE(isJsonContentType(QStringLiteral("Application/JSON; charset=utf-8")));
    EXPECT_TRUE(isJsonContentType(QStringLiteral("application/problem+json")));
    EXPECT_FALSE(isJsonContentType(QStringLiteral("text/plain")));
    EXPECT_FALSE(isJsonContentType(QStringLiteral("application/jsonl")));
}
