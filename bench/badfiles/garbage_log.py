#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes an access log of about SIZE bytes in which 30% of the lines are garbage (cut lines,
binary noise, stack-trace lines), and prints the exact valid/garbage line counts as JSON.
Usage: garbage_log.py PATH SIZE_BYTES"""
import json
import sys

path, size = sys.argv[1], int(sys.argv[2])
statuses = [200, 200, 200, 304, 404, 500, 503]
# One block of 10,000 lines (3,000 garbage), written again and again with shifted timestamps
# so that time series stay realistic; counts are exact multiples.
def block(hour):
    out = []
    for i in range(10000):
        if i % 10 < 3:
            out.append([b"127.0.0.1 - - [26/Nov/2026:10:",
                        b"\x01\x02\xff\xfe garbage %d" % i,
                        b"    at com.example.Handler.run(Handler.java:%d)" % (i % 997)][i % 3])
        else:
            s = i // 3
            out.append(b'10.0.%d.7 - - [26/Nov/2026:%02d:%02d:%02d +0000] "GET /item/%d HTTP/1.1" %d %d "-" "curl/8.5.0"'
                       % (i % 250, hour % 24, s // 60 % 60, s % 60, i, statuses[i % 7], 100 + i % 5000))
    return b"\n".join(out) + b"\n"

valid = garbage = written = 0
with open(path, "wb") as f:
    hour = 0
    while written < size:
        data = block(hour)
        f.write(data)
        written += len(data)
        valid += 7000
        garbage += 3000
        hour += 1
print(json.dumps({"bytes": written, "valid": valid, "garbage": garbage}))
