#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Shows a response body: text with JSON/XML/HTML colouring and a pretty-print toggle, a hex
// dump for binary content, an image preview. Large bodies are shown up to kMaxShownBytes.

#include <QWidget>

#include <iosfwd>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;

namespace statusscope::ui {

class BodyHighlighter;

class BodyViewer : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyViewer)

public:
    // A text widget with millions of lines is slow to lay out; beyond this the view says so.
    static constexpr qsizetype kMaxShownBytes = 2 * 1024 * 1024;

    enum class Mode { Text, Hex, Image };

    explicit BodyViewer(QWidget *parent = nullptr);

    void setBody(const QByteArray &body, const QString &contentType);
    Mode mode() const;
    void setMode(Mode mode);
    void setPretty(bool pretty);
    QString shownText() const;

private:
    void refresh();

    QByteArray m_body;
    QString m_contentType;
    QComboBox *m_mode = nullptr;
    QCheckBox *m_pretty = nullptr;
    QLabel *m_note = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_image = nullptr;
    QScrollArea *m_imageArea = nullptr;
    BodyHighlighter *m_highlighter = nullptr;
};

QString toString(BodyViewer::Mode mode);
void PrintTo(BodyViewer::Mode mode, std::ostream *os);

} // namespace statusscope::ui
