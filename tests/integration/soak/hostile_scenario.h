// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One randomized hostile-server exchange for the soak: the bytes the scripted server writes
// (cut at random points, with short pauses), how it ends the connection, and what the engine
// must make of it. Derived only from (seed, index), so the server thread and the test agree
// without sharing state, and a failing index can be replayed alone.

#include "core/http/http_types.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <iosfwd>
#include <optional>

namespace statusscope::test {

enum class SoakEnding {
    Close,    // FIN after the last byte
    Reset,    // RST after the last byte
    KeepOpen, // leave the connection open until the client closes it
    Stall,    // stop writing mid-way and wait: only the client's timeout ends it
};
QString toString(SoakEnding ending);
void PrintTo(SoakEnding ending, std::ostream *os);

enum class SoakOutcome {
    Response, // a complete response with `status` and exactly `body`
    Error,    // a typed error (of `errorKind` when it is set)
    Either,   // a complete response or a typed error, both are correct (e.g. data then RST)
    // A close-delimited body ended by a RST: only an orderly close ends such a body, so this is
    // a typed error, never a complete response; a response already begun keeps the right
    // status and a true prefix of the body (never a byte that was not sent), marked incomplete.
    ResetUntilClose,
};
QString toString(SoakOutcome outcome);
void PrintTo(SoakOutcome outcome, std::ostream *os);

struct SoakPiece
{
    int delayMs = 0; // pause before writing it
    QByteArray bytes;
};

struct HostileScenario
{
    QString name; // e.g. "chunked+interim3+split5+close"
    QList<SoakPiece> pieces;
    SoakEnding ending = SoakEnding::Close;
    SoakOutcome outcome = SoakOutcome::Response;
    std::optional<http::ErrorKind> errorKind;
    int status = 0;
    QByteArray body;
};

// The longest pause in a scenario, so every non-stalling case ends far inside its timeout.
inline constexpr int kSoakMaxPieceDelayMs = 3;

HostileScenario makeHostileScenario(quint64 seed, int index);

} // namespace statusscope::test
