// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/status_class.h"

#include <QString>

#include <span>

namespace statusscope {

// One row of resources/status-codes.tsv: the catalog of stable status IDs. The table is compiled
// in (status_table.cpp is generated from the TSV), so a status shown anywhere has a reason phrase
// even when its guide is missing.
struct StatusCodeEntry
{
    int code;
    const char *reason;    // UTF-8, as registered ("Expectation Failed")
    Registry registry;
    const char *definedIn; // UTF-8: "RFC 9110 §15.5.18", "nginx", "Cloudflare"
    const char *notes;     // UTF-8, may be empty
};

// Every row, sorted by code.
std::span<const StatusCodeEntry> statusCodeTable();
// nullptr when the code is not in the table.
const StatusCodeEntry *findStatusCode(int code);

// A failure that happened before any status arrived. The ids are stable: guides live in
// resources/guides/transport/ID.md and diagnoses link to them.
struct TransportFailureEntry
{
    const char *id;    // "dns-failure"
    const char *title; // short label for badges ("DNS failure"); the guide's title may be longer
};
std::span<const TransportFailureEntry> transportFailureTable();
const TransportFailureEntry *findTransportFailure(QStringView id);

// What the app can say about any integer status, guide or not.
struct StatusInfo
{
    int code = -1;
    QString reason;           // registered phrase, or "Unknown status"
    bool known = false;       // in the table
    bool hasClass = false;    // false for codes outside 0 and 100–599
    StatusClass statusClass = StatusClass::None;
    Registry registry = Registry::Unofficial;
    QString definedIn;
};
// For a code that is not in the table, the class still follows the first digit: RFC 9110 §15
// says a client must treat an unrecognised status like the x00 status of its class.
StatusInfo statusInfo(int code);

} // namespace statusscope
