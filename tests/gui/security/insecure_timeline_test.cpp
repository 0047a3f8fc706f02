// SPDX-License-Identifier: GPL-3.0-or-later
// Security: the timeline says when an exchange was made with TLS verification off,
// also for one opened from a saved file.
#include "core/http/http_types.h"
#include "ui/timeline/timeline_view.h"

#include <QLabel>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

http::Exchange oneAttempt(bool insecure)
{
    http::Exchange x;
    x.url = QUrl(QStringLiteral("https://self-signed.example/"));
    x.insecure = insecure;
    http::Attempt a;
    a.url = x.url;
    a.events.append({http::EventType::ConnectStart, 0, {}, 0, -1});
    x.attempts.append(a);
    return x;
}

QString summaryText(const ui::TimelineView &view)
{
    const auto *label = view.findChild<QLabel *>(QStringLiteral("timelineSummary"));
    return label ? label->text() : QString();
}

TEST(InsecureTimeline, TheSummarySaysVerificationWasOff)
{
    ui::TimelineView view;
    view.setExchange(oneAttempt(true));
    EXPECT_TRUE(summaryText(view).contains(QStringLiteral("insecure: TLS certificate verification was off")))
        << summaryText(view).toStdString();
    view.setExchange(oneAttempt(false));
    EXPECT_FALSE(summaryText(view).contains(QStringLiteral("insecure"))) << summaryText(view).toStdString();
}

} // namespace
