// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_types.h"

#include <QWidget>

namespace statusscope::ui {

// The HAR timings of one entry, one row per phase (blocked, dns, connect, ssl, send, wait,
// receive): its name, its duration, and its bar placed where it happens within the entry.
class HarTimingsBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarTimingsBar)

public:
    explicit HarTimingsBar(QWidget *parent = nullptr);

    void setTimings(const HarTimings &timings);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    HarTimings m_timings;
};

} // namespace statusscope::ui
