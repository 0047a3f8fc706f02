// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's parts on hand-built exchanges: waterfall spans and hover, what ended the wait
// for 100, the body viewer modes, the raw wire view with "show all".
#include "ui/timeline/body_viewer.h"
#include "ui/timeline/phase_spans.h"
#include "ui/timeline/raw_wire.h"
#include "ui/timeline/timeline_view.h"
#include "ui/timeline/waterfall_delegate.h"

#include <QBuffer>
#include <QCheckBox>
#include <QImage>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;
using http::EventType;

namespace {

constexpr qint64 kMs = 1000000;

http::Event ev(EventType type, double ms, int status = 0, qint64 bytes = -1)
{
    http::Event e;
    e.type = type;
    e.tNs = qint64(ms * kMs);
    e.status = status;
    e.bytes = bytes;
    return e;
}

// DNS 0–2, connect 2–5, headers 5–6, wait for 100 6–1006 (timeout), upload 1006–1500,
// waiting 1500–1600, download 1600–1700; a 103 before the final response.
http::Exchange timedOutWait(const QByteArray &body, const QByteArray &type)
{
    http::Exchange x;
    x.url = QUrl(QStringLiteral("http://example.test/up"));
    http::Attempt a;
    a.url = x.url;
    a.request.method = "POST";
    a.request.target = "/up";
    a.request.headers = {{"Host", "example.test"}, {"Expect", "100-continue"}};
    a.request.bodyBytes = 2097152;
    a.request.bodySentBytes = 2097152;
    a.request.expectSent = true;
    a.events = {ev(EventType::DnsStart, 0), ev(EventType::DnsDone, 2), ev(EventType::ConnectStart, 2),
                ev(EventType::ConnectDone, 5), ev(EventType::RequestHeadersSent, 6, 0, 80),
                ev(EventType::ExpectWaitStart, 6), ev(EventType::ExpectTimeout, 1006),
                ev(EventType::BodySendStart, 1006), ev(EventType::BodySent, 1500, 0, 2097152),
                ev(EventType::InterimResponse, 1550, 103), ev(EventType::ResponseHeaders, 1600, 200),
                ev(EventType::ResponseBodyDone, 1700, 0, body.size())};
    http::InterimResponse hints;
    hints.status = 103;
    hints.reason = "Early Hints";
    hints.headers = {{"Link", "</a.css>; rel=preload; as=style"}};
    hints.tNs = 1550 * kMs;
    a.interim = {hints};
    http::Response r;
    r.status = 200;
    r.reason = "OK";
    r.headers = {{"Content-Type", type}, {"Content-Length", QByteArray::number(body.size())}};
    r.firstByteNs = 1600 * kMs;
    r.tNs = 1600 * kMs;
    r.body = body;
    r.bodyBytes = body.size();
    r.bodyComplete = true;
    a.response = r;
    x.attempts = {a};
    return x;
}

} // namespace

TEST(TimelineParts, SpansFollowTheEventsAndTheWaitEndedWithTheTimeout)
{
    const http::Exchange x = timedOutWait("{}", "application/json");
    const QList<PhaseSpan> spans = phaseSpans(x, x.attempts.first());
    QList<Phase> phases;
    for (const PhaseSpan &s : spans)
        phases << s.phase;
    EXPECT_EQ(phases, (QList<Phase>{Phase::Dns, Phase::Connect, Phase::HeadersSent, Phase::WaitFor100, Phase::Upload,
                                    Phase::Waiting, Phase::Download}));
    EXPECT_DOUBLE_EQ(spans.at(3).durationMs(), 1000.0);
    EXPECT_DOUBLE_EQ(spans.at(4).startMs, 1006.0);
    EXPECT_DOUBLE_EQ(spans.at(5).durationMs(), 100.0);
    EXPECT_EQ(wait100Ending(x, x.attempts.first()), QStringLiteral("the timeout at 1006.000 ms"));
}

TEST(TimelineParts, HoverFindsThePhaseUnderTheMouse)
{
    const http::Exchange x = timedOutWait("{}", "application/json");
    Waterfall w;
    w.spans = phaseSpans(x, x.attempts.first());
    w.scaleEndMs = 1700;
    const QRect cell(0, 0, 1708, 20); // 1 px per ms inside the 4 px margins
    EXPECT_EQ(WaterfallDelegate::spanAt(w, cell, QPoint(4 + 500, 10))->phase, Phase::WaitFor100);
    EXPECT_EQ(WaterfallDelegate::spanAt(w, cell, QPoint(4 + 1200, 10))->phase, Phase::Upload);
    EXPECT_EQ(WaterfallDelegate::spanAt(w, cell, QPoint(4 + 1650, 10))->phase, Phase::Download);
}

TEST(TimelineParts, InterimRowsShowTheirHeaders)
{
    TimelineView view;
    view.setExchange(timedOutWait("{}", "application/json"));
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("timelineAttempts"));
    QTreeWidgetItem *attempt = tree->topLevelItem(0);
    ASSERT_EQ(attempt->childCount(), 2);
    QTreeWidgetItem *hints = attempt->child(0);
    EXPECT_EQ(hints->data(TimelineView::AttemptStatusColumn, TimelineView::StatusRole).toInt(), 103);
    ASSERT_EQ(hints->childCount(), 1);
    EXPECT_EQ(hints->child(0)->text(0), QStringLiteral("Link: </a.css>; rel=preload; as=style"));
    EXPECT_TRUE(hints->isExpanded()); // 103 opens to show its Link headers
}

TEST(TimelineParts, BodyViewerPrettyPrintsJsonShowsHexForBinaryAndPreviewsImages)
{
    BodyViewer viewer;
    viewer.setBody(R"({"a":1,"b":[true,null]})", QStringLiteral("application/json; charset=utf-8"));
    EXPECT_EQ(viewer.mode(), BodyViewer::Mode::Text);
    EXPECT_TRUE(viewer.shownText().contains(QStringLiteral("\n    \"a\": 1")));
    viewer.setPretty(false);
    EXPECT_EQ(viewer.shownText(), QStringLiteral(R"({"a":1,"b":[true,null]})"));

    viewer.setBody(QByteArray("\x00\x01\x02PK\xff", 6), QStringLiteral("application/octet-stream"));
    EXPECT_EQ(viewer.mode(), BodyViewer::Mode::Hex);
    EXPECT_TRUE(viewer.shownText().startsWith(QStringLiteral("00000000  00 01 02 50 4b ff"))) << viewer.shownText().toStdString();

    QImage image(8, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    viewer.setBody(png, QStringLiteral("image/png"));
    EXPECT_EQ(viewer.mode(), BodyViewer::Mode::Image);
}

TEST(TimelineParts, RawWireElidesLargeBodiesUntilShowAll)
{
    const QByteArray big(3 * kRawBodyPreviewBytes, 'z');
    const http::Exchange x = timedOutWait(big, "text/plain");
    const RawWireText elided = rawWireText(x, false);
    EXPECT_TRUE(elided.elided);
    EXPECT_TRUE(elided.text.contains(QStringLiteral("=> Send header")));
    EXPECT_TRUE(elided.text.contains(QStringLiteral("0000: POST /up HTTP/1.1")));
    EXPECT_TRUE(elided.text.contains(QStringLiteral("<= Recv header")));
    EXPECT_TRUE(elided.text.contains(QStringLiteral("0000: HTTP/1.1 103 Early Hints")));
    EXPECT_TRUE(elided.text.contains(QStringLiteral("… 8,192 more bytes (Show all)")));
    const RawWireText all = rawWireText(x, true);
    EXPECT_FALSE(all.elided);
    EXPECT_GT(all.text.count(QLatin1Char('z')), elided.text.count(QLatin1Char('z')));

    TimelineView view;
    view.setExchange(x);
    auto *raw = view.findChild<QPlainTextEdit *>(QStringLiteral("rawWire"));
    auto *showAll = view.findChild<QPushButton *>(QStringLiteral("rawShowAll"));
    ASSERT_TRUE(showAll->isEnabled());
    const int before = int(raw->toPlainText().size());
    showAll->click();
    EXPECT_GT(raw->toPlainText().size(), before);
    EXPECT_FALSE(showAll->isEnabled());
}
