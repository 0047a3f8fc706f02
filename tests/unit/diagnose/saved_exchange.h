#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// A saved exchange from tests/fixtures/diagnose, read the way the app reads it.

#include "core/http_io/exchange_json_reader.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace statusscope::test {

inline http::Exchange savedExchange(const char *name)
{
    const http::ExchangeReadResult read =
        http::readExchangeFile(fixturePath(QStringLiteral("diagnose/") + QString::fromLatin1(name)));
    EXPECT_TRUE(read.ok()) << name << ": " << read.describe().toStdString();
    return read.exchange;
}

} // namespace statusscope::test
