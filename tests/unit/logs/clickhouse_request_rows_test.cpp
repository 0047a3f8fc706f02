// SPDX-License-Identifier: GPL-3.0-or-later
// The request rows the loader sends: sorted by the table's key (ts, status) before they go, so
// the server need not sort them; equal keys keep the order of the log.
#include "core/logs/source/clickhouse_request_rows.h"

#include <gtest/gtest.h>

using namespace statusscope::logs;

namespace {

LogRecord request(qint64 second, int status, std::string_view path)
{
    LogRecord record;
    record.timeMs = second * 1000 + 250;
    record.status = status;
    record.method = "GET";
    record.path = path;
    record.client = "10.0.0.1";
    record.userAgent = "agent";
    record.bytes = 10;
    return record;
}

QByteArray body(RequestRows &rows)
{
    rows.sort();
    QByteArray out;
    rows.takeInto(out);
    return out;
}

} // namespace

TEST(RequestRows, NativeRowsGoSortedByTimeThenStatusAndEqualKeysKeepTheirOrder)
{
    RequestRows mixed(RowEncoding::Native);
    for (const LogRecord &r : {request(100, 500, "/a"), request(100, 200, "/b"), request(99, 404, "/c"),
                               request(100, 200, "/d")})
        mixed.add(r);
    RequestRows sorted(RowEncoding::Native);
    for (const LogRecord &r : {request(99, 404, "/c"), request(100, 200, "/b"), request(100, 200, "/d"),
                               request(100, 500, "/a")})
        sorted.add(r);
    EXPECT_EQ(body(mixed).toHex(' '), body(sorted).toHex(' '));
    EXPECT_EQ(mixed.count(), 0);
}

TEST(RequestRows, TabSeparatedRowsKeepTheLogsOrder)
{
    RequestRows rows(RowEncoding::TabSeparated);
    rows.add(request(100, 500, "/a"));
    rows.add(request(99, 200, "/b"));
    EXPECT_EQ(body(rows), QByteArray("100\t250\t0\t500\tGET\t/a\t10.0.0.1\tagent\t10\t-1\n"
                                     "99\t250\t0\t200\tGET\t/b\t10.0.0.1\tagent\t10\t-1\n"));
}
