#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// HAR tabs opened in the real main window (app/app_wiring, sidebar and Guide dock shown, 1280×800)
// for the tests of the HAR table, its waterfall and its overview strip.

#include "tests/gui/endtoend/app_harness.h"
#include "tests/support/test_support.h"
#include "ui/har/har_view.h"

#include <QByteArray>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QTabWidget>

#include <cstring>

namespace statusscope::test {

inline QString harFixture(const char *name)
{
    return fixturePath(QStringLiteral("har/") + QString::fromLatin1(name));
}

// Opens `path` in the harness's window and waits until its HAR tab has read it.
inline ui::HarView *openHar(AppHarness &app, const QString &path)
{
    app.window()->openFile(path);
    auto *view = qobject_cast<ui::HarView *>(app.window()->documents()->currentWidget());
    EXPECT_NE(view, nullptr) << "no HAR tab for " << path.toStdString();
    if (!view)
        return nullptr;
    EXPECT_TRUE(waitUntil([view] { return !view->isLoading(); }));
    EXPECT_EQ(view->loadState(), ui::HarView::LoadState::Loaded);
    QTest::qWait(50); // the layout after the content page is shown
    return view;
}

// A HAR of `copies` × the 120 entries of generated-120.har (indexes up to copies × 120 − 1).
inline QString writeRepeatedHar(const QString &path, int copies)
{
    QFile source(harFixture("generated-120.har"));
    EXPECT_TRUE(source.open(QIODevice::ReadOnly));
    const QByteArray text = source.readAll();
    const qsizetype open = text.indexOf("\"entries\": [") + qsizetype(std::strlen("\"entries\": ["));
    // gen_har.py writes "pages" before "entries", so the last ']' closes the entries array.
    const QByteArray entries = text.mid(open, text.lastIndexOf(']') - open);
    QByteArray big = text.left(open);
    for (int i = 0; i < copies; ++i) {
        if (i > 0)
            big += ',';
        big += entries;
    }
    big += "]}}";
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(big);
    return path;
}

// generated-120.har with every `from` replaced by `to`, written to `path`; empty when `from`
// is not in it.
inline QString writeEditedHar(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile source(harFixture("generated-120.har"));
    EXPECT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    if (!text.contains(from))
        return {};
    text.replace(from, to);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return path;
}

// How many pixels of `image` are within `tolerance` (per channel) of `color`.
inline int countColor(const QImage &image, const QColor &color, int tolerance = 12)
{
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor pixel = rgb.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) <= tolerance && std::abs(pixel.green() - color.green()) <= tolerance
                && std::abs(pixel.blue() - color.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace statusscope::test
