// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/body_viewer.h"

#include "ui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QSyntaxHighlighter>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <ostream>

namespace statusscope::ui {

class BodyHighlighter : public QSyntaxHighlighter
{
public:
    enum class Language { None, Json, Markup };
    explicit BodyHighlighter(QTextDocument *doc) : QSyntaxHighlighter(doc) {}
    void setLanguage(Language language)
    {
        m_language = language;
        rehighlight();
    }

protected:
    void highlightBlock(const QString &text) override
    {
        const bool dark = isDarkPalette();
        const auto fmt = [](QColor c, bool bold = false) {
            QTextCharFormat f;
            f.setForeground(c);
            if (bold)
                f.setFontWeight(QFont::Bold);
            return f;
        };
        const auto apply = [&](const QRegularExpression &re, const QTextCharFormat &f, int group = 0) {
            for (auto it = re.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                setFormat(int(m.capturedStart(group)), int(m.capturedLength(group)), f);
            }
        };
        if (m_language == Language::Json) {
            static const QRegularExpression number(QStringLiteral(R"(-?\b\d+(\.\d+)?([eE][+-]?\d+)?\b)"));
            static const QRegularExpression literal(QStringLiteral(R"(\b(true|false|null)\b)"));
            static const QRegularExpression string(QStringLiteral(R"("(?:[^"\\]|\\.)*")"));
            static const QRegularExpression key(QStringLiteral(R"(("(?:[^"\\]|\\.)*")\s*:)"));
            apply(number, fmt(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb7, 0x1c, 0x1c)));
            apply(literal, fmt(dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x6a, 0x1b, 0x9a), true));
            apply(string, fmt(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x2e, 0x7d, 0x32)));
            apply(key, fmt(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x15, 0x65, 0xc0), true), 1);
        } else if (m_language == Language::Markup) {
            static const QRegularExpression tag(QStringLiteral(R"(</?[A-Za-z_][\w:.-]*|/?>)"));
            static const QRegularExpression attr(QStringLiteral(R"(\s([\w:.-]+)=)"));
            static const QRegularExpression value(QStringLiteral(R"("[^"]*"|'[^']*')"));
            static const QRegularExpression comment(QStringLiteral(R"(<!--.*-->)"));
            apply(tag, fmt(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x15, 0x65, 0xc0), true));
            apply(attr, fmt(dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0x8d, 0x6e, 0x00)), 1);
            apply(value, fmt(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x2e, 0x7d, 0x32)));
            apply(comment, fmt(QColor(0x80, 0x80, 0x80)));
        }
    }

private:
    Language m_language = Language::None;
};

namespace {

bool isImageType(const QString &type)
{
    return type.startsWith(QLatin1String("image/"));
}

bool looksBinary(const QByteArray &body)
{
    const QByteArray head = body.left(4096);
    if (head.contains('\0'))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)decoder.decode(head);
    return decoder.hasError() && head.size() < 4096; // a cut multi-byte sequence at 4 KiB is fine
}

QString hexDump(const QByteArray &data)
{
    QString out;
    constexpr int kPerLine = 16;
    for (qsizetype off = 0; off < data.size(); off += kPerLine) {
        const QByteArray line = data.mid(off, kPerLine);
        QString hex;
        QString ascii;
        for (int i = 0; i < kPerLine; ++i) {
            if (i < line.size()) {
                const auto c = static_cast<unsigned char>(line.at(i));
                hex += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(char16_t(c)) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 %3\n").arg(off, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return out;
}

QString prettyXml(const QByteArray &data)
{
    QXmlStreamReader reader(data);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace())
            continue;
        writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? QString() : out;
}

} // namespace

QString toString(BodyViewer::Mode mode)
{
    switch (mode) {
    case BodyViewer::Mode::Text: return QStringLiteral("text");
    case BodyViewer::Mode::Hex: return QStringLiteral("hex");
    case BodyViewer::Mode::Image: return QStringLiteral("image");
    }
    return QStringLiteral("text");
}

void PrintTo(BodyViewer::Mode mode, std::ostream *os)
{
    *os << toString(mode).toStdString();
}

BodyViewer::BodyViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bodyViewer"));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("bodyMode"));
    m_mode->addItems({tr("Text"), tr("Hex"), tr("Image")});
    m_pretty = new QCheckBox(tr("Pretty-print"), this);
    m_pretty->setObjectName(QStringLiteral("bodyPretty"));
    m_pretty->setChecked(true);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("bodyNote"));

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("bodyText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new BodyHighlighter(m_text->document());
    m_image = new QLabel(this);
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea = new QScrollArea(this);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_imageArea);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_mode);
    bar->addWidget(m_pretty);
    bar->addWidget(m_note, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_pretty, &QCheckBox::toggled, this, [this] { refresh(); });
}

void BodyViewer::setBody(const QByteArray &body, const QString &contentType)
{
    m_body = body;
    m_contentType = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    const QSignalBlocker blocker(m_mode);
    if (isImageType(m_contentType) && !QImage::fromData(body).isNull())
        m_mode->setCurrentIndex(int(Mode::Image));
    else if (looksBinary(body))
        m_mode->setCurrentIndex(int(Mode::Hex));
    else
        m_mode->setCurrentIndex(int(Mode::Text));
    refresh();
}

BodyViewer::Mode BodyViewer::mode() const
{
    return Mode(m_mode->currentIndex());
}

void BodyViewer::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

void BodyViewer::setPretty(bool pretty)
{
    m_pretty->setChecked(pretty);
}

QString BodyViewer::shownText() const
{
    return m_text->toPlainText();
}

void BodyViewer::refresh()
{
    const QByteArray shown = m_body.left(kMaxShownBytes);
    QString note = tr("%1 bytes").arg(m_body.size());
    if (m_body.size() > kMaxShownBytes)
        note += tr(" — showing the first %1").arg(kMaxShownBytes);
    const bool json = m_contentType.contains(QLatin1String("json"));
    const bool markup = m_contentType.contains(QLatin1String("xml")) || m_contentType.contains(QLatin1String("html"));
    m_pretty->setEnabled(mode() == Mode::Text && (json || markup));
    switch (mode()) {
    case Mode::Image: {
        const QImage image = QImage::fromData(m_body);
        m_image->setPixmap(QPixmap::fromImage(image));
        if (image.isNull())
            m_image->setText(tr("Not an image Qt can read."));
        else
            note += tr(" — %1×%2 image").arg(image.width()).arg(image.height());
        m_stack->setCurrentWidget(m_imageArea);
        break;
    }
    case Mode::Hex:
        m_highlighter->setLanguage(BodyHighlighter::Language::None);
        m_text->setPlainText(hexDump(shown.left(256 * 1024)));
        m_stack->setCurrentWidget(m_text);
        break;
    case Mode::Text: {
        QString text = QString::fromUtf8(shown);
        if (m_pretty->isChecked() && json) {
            const QJsonDocument doc = QJsonDocument::fromJson(shown);
            if (!doc.isNull())
                text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        } else if (m_pretty->isChecked() && m_contentType.contains(QLatin1String("xml"))) {
            if (const QString pretty = prettyXml(shown); !pretty.isEmpty())
                text = pretty;
        }
        m_highlighter->setLanguage(json ? BodyHighlighter::Language::Json
                                        : markup ? BodyHighlighter::Language::Markup
                                                 : BodyHighlighter::Language::None);
        m_text->setPlainText(text);
        m_stack->setCurrentWidget(m_text);
        break;
    }
    }
    m_note->setText(note);
}

} // namespace statusscope::ui
