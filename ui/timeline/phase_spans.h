#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the timeline draws, derived from an Attempt's recorded events: phase spans in ms from
// the start of the exchange, the event list as rows, and what ended the wait for 100. Plain
// data, so the delegate only paints and tests check numbers, not pixels.

#include "core/http/http_types.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <iosfwd>
#include <optional>

namespace statusscope::ui {

// The waterfall phases in wire order (curl's lib/progress.h names the same steps).
enum class Phase {
    Dns,
    Connect,
    Tls,
    HeadersSent,
    WaitFor100,
    Upload,
    Waiting, // time to first byte
    Download,
};
QString toString(Phase phase);
void PrintTo(Phase phase, std::ostream *os);

struct PhaseSpan
{
    Phase phase = Phase::Dns;
    double startMs = 0;
    double endMs = 0;
    // 0, or 1 for a phase that runs during an earlier one (the time to first byte that a 417
    // ended together with the wait for 100, a response arriving during the upload): drawn on
    // a second lane and listed after it, so both stay visible and their order readable.
    int lane = 0;
    double durationMs() const { return endMs - startMs; }
};

// One attempt's bar: its spans, and the scale of the whole exchange so bars line up.
struct Waterfall
{
    QList<PhaseSpan> spans;
    double scaleEndMs = 0;
    QString wait100End; // "a 100 at 12.3 ms", … empty when there was no wait
};

QList<PhaseSpan> phaseSpans(const http::Exchange &exchange, const http::Attempt &attempt);

// What ended the wait for 100: "a 100 at t", "a 417 at t", "the timeout at t", "a final
// response (200) at t"; empty when the attempt did not wait.
QString wait100Ending(const http::Exchange &exchange, const http::Attempt &attempt);

struct EventRow
{
    int attempt = 0;
    double tMs = 0;
    QString direction; // "→" sent, "←" received, "↻" retry, "↪" redirect, "·" local, "✕" error
    QString text;
    int status = 0; // a response status on this row (for the status link)
};

QList<EventRow> eventRows(const http::Exchange &exchange);

// The earlier phase a span runs during (lane 1), if any.
std::optional<PhaseSpan> overlappedBy(const QList<PhaseSpan> &spans, const PhaseSpan &span);

// A labelled tick of a waterfall's time axis.
struct AxisTick
{
    double ms = 0;
    QString label; // "0 ms", "5 ms", "0.5 ms"
};

// Ticks from 0 to endMs over widthPx on a 1-2-5 step, at least minSpacingPx apart, so labels
// never collide.
QList<AxisTick> axisTicks(double endMs, double widthPx, double minSpacingPx = 48);

// "2,097,152" — byte counts are read digit-exactly, so group them.
QString groupedNumber(qint64 n);
// "1.5 MiB": a size at a glance, beside the exact count.
QString humanBytes(double bytes);

} // namespace statusscope::ui

Q_DECLARE_METATYPE(statusscope::ui::Waterfall)
