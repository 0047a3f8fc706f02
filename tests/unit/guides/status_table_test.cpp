// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/status_table.h"
#include "tests/support/test_support.h"
#include "tests/unit/guides/guide_printers.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace statusscope;

// The compiled table is generated from resources/status-codes.tsv; this fails when one was
// edited without regenerating the other (python3 core/guides/gen_status_table.py).
TEST(StatusTable, MatchesTheTsvRowForRow)
{
    QFile file(test::sourcePath(QStringLiteral("resources/status-codes.tsv")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << file.errorString().toStdString();
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GT(lines.size(), 1);
    EXPECT_EQ(lines.first(), QStringLiteral("code\treason\tregistry\tdefined_in\tnotes"));
    int rows = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(QLatin1Char('\t'));
        ASSERT_EQ(cells.size(), 5) << "line " << i + 1;
        bool numeric = false;
        const int code = cells.at(0).toInt(&numeric);
        ASSERT_TRUE(numeric) << "line " << i + 1;
        const StatusCodeEntry *entry = findStatusCode(code);
        ASSERT_NE(entry, nullptr) << code;
        EXPECT_EQ(QString::fromUtf8(entry->reason), cells.at(1)) << code;
        EXPECT_EQ(toString(entry->registry), cells.at(2)) << code;
        EXPECT_EQ(QString::fromUtf8(entry->definedIn), cells.at(3)) << code;
        EXPECT_EQ(QString::fromUtf8(entry->notes), cells.at(4)) << code;
        ++rows;
    }
    EXPECT_EQ(size_t(rows), statusCodeTable().size());
}

TEST(StatusTable, IsSortedSoLookupsCanBisect)
{
    const auto table = statusCodeTable();
    for (size_t i = 1; i < table.size(); ++i)
        EXPECT_LT(table[i - 1].code, table[i].code);
}

TEST(StatusInfo, KnownCodesHaveTheirReasonAndClass)
{
    const StatusInfo info = statusInfo(417);
    EXPECT_TRUE(info.known);
    EXPECT_EQ(info.reason, QStringLiteral("Expectation Failed"));
    EXPECT_EQ(info.statusClass, StatusClass::ClientError);
    EXPECT_EQ(info.registry, Registry::Iana);
    EXPECT_EQ(info.definedIn, QStringLiteral("RFC 9110 §15.5.18"));

    const StatusInfo nginx = statusInfo(499);
    EXPECT_EQ(nginx.reason, QStringLiteral("Client Closed Request"));
    EXPECT_EQ(nginx.registry, Registry::Unofficial);
    EXPECT_FALSE(isOfficial(nginx.registry));

    const StatusInfo none = statusInfo(0);
    EXPECT_EQ(none.statusClass, StatusClass::None);
    EXPECT_EQ(none.registry, Registry::Pseudo);
}

TEST(StatusInfo, UnknownCodesKeepTheClassOfTheirFirstDigit)
{
    const StatusInfo info = statusInfo(299);
    EXPECT_FALSE(info.known);
    EXPECT_TRUE(info.hasClass);
    EXPECT_EQ(info.statusClass, StatusClass::Success);
    EXPECT_EQ(info.reason, QStringLiteral("Unknown status"));

    EXPECT_FALSE(statusInfo(600).hasClass);
    EXPECT_FALSE(statusInfo(42).hasClass);
    EXPECT_FALSE(statusInfo(-1).hasClass);
}

TEST(StatusClassNames, RoundTrip)
{
    for (StatusClass c : {StatusClass::Informational, StatusClass::Success, StatusClass::Redirection,
                          StatusClass::ClientError, StatusClass::ServerError, StatusClass::None,
                          StatusClass::Transport}) {
        StatusClass back;
        ASSERT_TRUE(statusClassFromString(toString(c), &back)) << toString(c).toStdString();
        EXPECT_EQ(back, c);
    }
    for (Registry r : {Registry::Iana, Registry::IanaTemporary, Registry::IanaObsoleted,
                       Registry::Unofficial, Registry::Pseudo, Registry::Transport}) {
        Registry back;
        ASSERT_TRUE(registryFromString(toString(r), &back));
        EXPECT_EQ(back, r);
    }
    StatusClass unused;
    EXPECT_FALSE(statusClassFromString(u"6xx", &unused));
}

TEST(TransportFailures, HaveStableIds)
{
    const auto table = transportFailureTable();
    EXPECT_EQ(table.size(), 11u);
    ASSERT_NE(findTransportFailure(u"cert-hostname-mismatch"), nullptr);
    EXPECT_STREQ(findTransportFailure(u"dns-failure")->title, "DNS failure");
    EXPECT_EQ(findTransportFailure(u"dns"), nullptr);
}
