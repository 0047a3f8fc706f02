// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/soak/hostile_scenario.h"

#include <ostream>
#include <random>

namespace statusscope::test {

namespace {

using http::ErrorKind;

// Sizes that keep 2,000 exchanges inside the CI budget while still crossing socket-buffer and
// parser-buffer boundaries now and then.
constexpr int kSmallBodyMax = 4096;
constexpr int kLargeBodyMax = 96 * 1024;
constexpr int kMaxSplits = 8;
// ResponseParser allows 100 interim responses (kMaxInterimResponses); floods go either side.
constexpr int kFloodAllowedMax = 100;
constexpr int kFloodRejectedMax = 400;
// Bigger than the parser's kMaxHeaderBlockBytes (256 KiB).
constexpr int kHeaderBombBytes = 300 * 1024;

class Dice
{
public:
    explicit Dice(quint64 seed, int index)
        : m_rng(seed * 0x9E3779B97F4A7C15ULL + quint64(index))
    {
    }
    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(int percent) { return range(1, 100) <= percent; }
    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N]) { return items[std::size_t(range(0, int(N) - 1))]; }

private:
    std::mt19937_64 m_rng;
};

enum class Framing { ContentLength, Chunked, UntilClose };

QByteArray randomBody(Dice &dice)
{
    const int size = dice.chance(10) ? dice.range(0, kLargeBodyMax) : dice.range(0, kSmallBodyMax);
    QByteArray body(size, Qt::Uninitialized);
    const bool binary = dice.chance(30);
    for (char &c : body)
        c = char(binary ? dice.range(0, 255) : dice.range(32, 126));
    return body;
}

QByteArray interimBlock(Dice &dice)
{
    switch (dice.range(0, 2)) {
    case 0:
        return "HTTP/1.1 100 Continue\r\n\r\n";
    case 1:
        return "HTTP/1.1 102 Processing\r\n\r\n";
    default:
        return "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n";
    }
}

QByteArray chunked(Dice &dice, const QByteArray &body)
{
    QByteArray out;
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype n = qMin<qsizetype>(body.size() - at, dice.range(1, 5000));
        out += QByteArray::number(n, 16);
        if (dice.chance(10))
            out += ";ext=1"; // RFC 9112 §7.1.1: chunk extensions are ignored
        out += "\r\n" + body.mid(at, n) + "\r\n";
        at += n;
    }
    out += "0\r\n";
    if (dice.chance(20))
        out += "X-Trailer: done\r\n";
    out += "\r\n";
    return out;
}

// Cuts the wire bytes at random points; most pieces follow at once, some after a short pause.
QList<SoakPiece> split(Dice &dice, const QByteArray &wire, QString *name)
{
    QList<SoakPiece> pieces;
    if (dice.chance(3)) {
        // A drip: the first bytes one at a time.
        const qsizetype drip = qMin<qsizetype>(wire.size(), 120);
        for (qsizetype i = 0; i < drip; ++i)
            pieces.append({0, wire.mid(i, 1)});
        if (drip < wire.size())
            pieces.append({0, wire.mid(drip)});
        *name += QStringLiteral("+drip");
        return pieces;
    }
    const int count = qMin<int>(int(wire.size()), dice.range(1, kMaxSplits));
    QList<qsizetype> cuts;
    for (int i = 1; i < count; ++i)
        cuts.append(dice.range(1, int(wire.size()) - 1));
    std::sort(cuts.begin(), cuts.end());
    qsizetype from = 0;
    cuts.append(wire.size());
    for (qsizetype to : std::as_const(cuts)) {
        if (to <= from)
            continue;
        pieces.append({dice.chance(30) ? dice.range(1, kSoakMaxPieceDelayMs) : 0, wire.mid(from, to - from)});
        from = to;
    }
    *name += QStringLiteral("+split%1").arg(pieces.size());
    return pieces;
}

} // namespace

QString toString(SoakEnding ending)
{
    switch (ending) {
    case SoakEnding::Close:
        return QStringLiteral("close");
    case SoakEnding::Reset:
        return QStringLiteral("reset");
    case SoakEnding::KeepOpen:
        return QStringLiteral("keep-open");
    case SoakEnding::Stall:
        return QStringLiteral("stall");
    }
    return QStringLiteral("?");
}

void PrintTo(SoakEnding ending, std::ostream *os)
{
    *os << toString(ending).toStdString();
}

QString toString(SoakOutcome outcome)
{
    switch (outcome) {
    case SoakOutcome::Response:
        return QStringLiteral("response");
    case SoakOutcome::Error:
        return QStringLiteral("error");
    case SoakOutcome::Either:
        return QStringLiteral("either");
    case SoakOutcome::ResetUntilClose:
        return QStringLiteral("reset-until-close");
    }
    return QStringLiteral("?");
}

void PrintTo(SoakOutcome outcome, std::ostream *os)
{
    *os << toString(outcome).toStdString();
}

HostileScenario makeHostileScenario(quint64 seed, int index)
{
    Dice dice(seed, index);
    HostileScenario s;
    static const int statuses[] = {200, 200, 200, 201, 301, 404, 418, 500, 503};
    s.status = dice.pick(statuses);
    s.body = randomBody(dice);
    const Framing framing = dice.pick({Framing::ContentLength, Framing::Chunked, Framing::UntilClose});
    s.name = framing == Framing::ContentLength ? QStringLiteral("length")
             : framing == Framing::Chunked     ? QStringLiteral("chunked")
                                               : QStringLiteral("until-close");

    // 1xx before the final response: none, a few, or a flood on either side of the limit.
    QByteArray interim;
    int interimCount = 0;
    bool floodRejected = false;
    if (dice.chance(5)) {
        floodRejected = dice.chance(50);
        interimCount = floodRejected ? dice.range(kFloodAllowedMax + 1, kFloodRejectedMax) : dice.range(20, kFloodAllowedMax);
        s.name += QStringLiteral("+flood%1").arg(interimCount);
    } else if (dice.chance(30)) {
        interimCount = dice.range(1, 3);
        s.name += QStringLiteral("+interim%1").arg(interimCount);
    }
    for (int i = 0; i < interimCount; ++i)
        interim += interimBlock(dice);

    QByteArray head = "HTTP/1.1 " + QByteArray::number(s.status) + " Soak\r\nServer: hostile\r\n";
    QByteArray payload = s.body;
    switch (framing) {
    case Framing::ContentLength:
        head += "Content-Length: " + QByteArray::number(s.body.size()) + "\r\n";
        break;
    case Framing::Chunked:
        head += "Transfer-Encoding: chunked\r\n";
        payload = chunked(dice, s.body);
        break;
    case Framing::UntilClose:
        head += "Connection: close\r\n";
        break;
    }

    // Valid by default; about a quarter of the cases break something.
    s.outcome = floodRejected ? SoakOutcome::Error : SoakOutcome::Response;
    if (floodRejected)
        s.errorKind = ErrorKind::Protocol;
    const int broken = dice.range(1, 100);
    if (!floodRejected && broken <= 4) {
        head.replace(QByteArray("HTTP/1.1 ") + QByteArray::number(s.status), "HTTP/1.1 2x0");
        s.name += QStringLiteral("+bad-status-line");
        s.outcome = SoakOutcome::Error;
        s.errorKind = ErrorKind::Protocol;
    } else if (!floodRejected && broken <= 7) {
        head += "Content-Type text/plain\r\n"; // no colon: RFC 9112 §5 field-line
        s.name += QStringLiteral("+bad-header");
        s.outcome = SoakOutcome::Error;
        s.errorKind = ErrorKind::Protocol;
    } else if (!floodRejected && broken <= 9) {
        for (int i = 0; i < 64; ++i)
            head += "X-Bomb-" + QByteArray::number(i) + ": " + QByteArray(kHeaderBombBytes / 64, 'b') + "\r\n";
        s.name += QStringLiteral("+header-bomb");
        s.outcome = SoakOutcome::Error;
        s.errorKind = ErrorKind::Protocol;
    } else if (!floodRejected && broken <= 12) {
        // Binary noise where a status line belongs.
        QByteArray noise(dice.range(1, 200), Qt::Uninitialized);
        for (char &c : noise)
            c = char(dice.range(0, 255));
        noise[0] = 'X';
        interim.clear();
        head = noise;
        payload.clear();
        s.name = QStringLiteral("noise");
        s.outcome = SoakOutcome::Error;
        s.errorKind = ErrorKind::Protocol;
    } else if (!floodRejected && framing == Framing::ContentLength && broken <= 17 && !s.body.isEmpty()) {
        // Content-Length promises more than comes before the close.
        payload.chop(dice.range(1, int(payload.size())));
        s.name += QStringLiteral("+short-body");
        s.outcome = SoakOutcome::Error;
    } else if (!floodRejected && framing == Framing::Chunked && broken <= 17) {
        if (dice.chance(50)) {
            payload = "zz\r\n" + payload; // RFC 9112 §7.1: chunk-size is HEXDIG
            s.errorKind = ErrorKind::Protocol;
            s.name += QStringLiteral("+bad-chunk-size");
        } else {
            payload.chop(dice.range(1, int(payload.size())));
            s.name += QStringLiteral("+cut-chunked");
        }
        s.outcome = SoakOutcome::Error;
    } else if (!floodRejected && broken <= 20) {
        // Nothing at all: close or reset right after reading the request.
        interim.clear();
        head.clear();
        payload.clear();
        s.name = QStringLiteral("nothing");
        s.outcome = SoakOutcome::Error;
    }
    const QByteArray wire = interim + head + (head.isEmpty() || s.name == QStringLiteral("noise") ? QByteArray() : QByteArray("\r\n")) + payload;

    // How the server ends: a stall (only the client's timeout ends it), a close, a reset, or
    // staying open (only where the framing tells the client where the response ends).
    const bool stall = dice.chance(2) && !wire.isEmpty();
    if (stall) {
        s.pieces = split(dice, wire.left(dice.range(0, int(wire.size()) - 1)), &s.name);
        s.ending = SoakEnding::Stall;
        s.name += QStringLiteral("+stall");
        // A prefix may already hold the error (a bad line, a flood): then it is a protocol
        // error before the timeout. Either way a typed error.
        s.outcome = SoakOutcome::Error;
        s.errorKind.reset();
        return s;
    }
    s.pieces = wire.isEmpty() ? QList<SoakPiece>{} : split(dice, wire, &s.name);
    const int end = dice.range(1, 100);
    if (end <= 20) {
        s.ending = SoakEnding::Reset;
        if (s.outcome == SoakOutcome::Response) // data then RST: the RST may discard unsent data
            s.outcome = framing == Framing::UntilClose ? SoakOutcome::ResetUntilClose : SoakOutcome::Either;
        else
            s.errorKind.reset(); // the RST may arrive before the bytes that hold the error
    } else if (end <= 40 && framing != Framing::UntilClose && s.outcome == SoakOutcome::Response) {
        s.ending = SoakEnding::KeepOpen;
    } else {
        s.ending = SoakEnding::Close;
        if (s.outcome == SoakOutcome::Error && !s.errorKind && s.name != QStringLiteral("nothing"))
            s.errorKind = ErrorKind::Protocol; // a premature close is a protocol error
    }
    if (s.name == QStringLiteral("nothing") && s.ending == SoakEnding::Close)
        s.errorKind = ErrorKind::Protocol;
    s.name += QLatin1Char('+') + toString(s.ending);
    return s;
}

} // namespace statusscope::test
