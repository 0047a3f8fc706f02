// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composer/body_editor.h"

#include "core/http/body_source.h"
#include "core/text/json_text.h"
#include "ui/composer/key_value_table.h"
#include "ui/theme.h"
#include "ui/timeline/phase_spans.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextEdit>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

QString errorColour()
{
    return isDarkPalette() ? QStringLiteral("#ef9a9a") : QStringLiteral("#c62828");
}

QString okColour()
{
    return isDarkPalette() ? QStringLiteral("#a5d6a7") : QStringLiteral("#2e7d32");
}

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
{
    m_mode = new QButtonGroup(this);
    auto *modes = new QHBoxLayout;
    const QStringList labels{tr("None"), tr("Raw text / JSON"), tr("File"), tr("Form (urlencoded)"),
                             tr("Multipart form")};
    for (int i = 0; i < labels.size(); ++i) {
        auto *radio = new QRadioButton(labels.at(i), this);
        radio->setObjectName(QStringLiteral("bodyMode_") + toString(BodyMode(i)));
        m_mode->addButton(radio, i);
        modes->addWidget(radio);
    }
    modes->addStretch(1);
    m_mode->button(0)->setChecked(true);

    m_stack = new QStackedWidget(this);
    auto *none = new QLabel(tr("No body. GET and HEAD requests usually have none."), m_stack);
    none->setEnabled(false);
    m_stack->addWidget(none);
    m_stack->addWidget(buildRawPage());
    m_stack->addWidget(buildFilePage());
    m_form = new KeyValueTable({}, m_stack);
    m_form->setObjectName(QStringLiteral("composerForm"));
    m_stack->addWidget(m_form);
    m_stack->addWidget(buildMultipartPage());

    connect(m_mode, &QButtonGroup::idToggled, this, [this](int id, bool on) {
        if (on)
            m_stack->setCurrentIndex(id);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modes);
    layout->addWidget(m_stack, 1);
}

QWidget *BodyEditor::buildRawPage()
{
    auto *raw = new QWidget(m_stack);
    m_rawType = new QComboBox(raw);
    m_rawType->setObjectName(QStringLiteral("composerRawType"));
    m_rawType->setEditable(true);
    m_rawType->addItems(rawContentTypes());
    m_rawType->setMinimumContentsLength(28);
    m_rawText = new QPlainTextEdit(raw);
    m_rawText->setObjectName(QStringLiteral("composerRawText"));
    m_rawText->setPlaceholderText(tr("Request body"));
    m_rawText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_pretty = new QPushButton(tr("Pretty-print"), raw);
    m_pretty->setObjectName(QStringLiteral("composerPrettyJson"));
    m_pretty->setToolTip(tr("Re-indent the JSON body, keeping key order and numbers as written (Ctrl+Shift+F)"));
    connect(m_pretty, &QPushButton::clicked, this, &BodyEditor::prettyPrintJson);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), raw);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &BodyEditor::prettyPrintJson);
    // Under the editor, never a dialog: the text stays editable while it is wrong.
    m_jsonStatus = new QLabel(raw);
    m_jsonStatus->setObjectName(QStringLiteral("composerJsonStatus"));
    m_jsonStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_rawText, &QPlainTextEdit::textChanged, this, &BodyEditor::updateJsonCheck);
    connect(m_rawType, &QComboBox::currentTextChanged, this, &BodyEditor::updateJsonCheck);

    auto *typeLine = new QHBoxLayout;
    typeLine->addWidget(new QLabel(tr("Content-Type:"), raw));
    typeLine->addWidget(m_rawType);
    typeLine->addStretch(1);
    typeLine->addWidget(m_pretty);
    auto *layout = new QVBoxLayout(raw);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(typeLine);
    layout->addWidget(m_rawText, 1);
    layout->addWidget(m_jsonStatus);
    updateJsonCheck();
    return raw;
}

QWidget *BodyEditor::buildFilePage()
{
    auto *file = new QWidget(m_stack);
    m_bodyFile = new QLineEdit(file);
    m_bodyFile->setObjectName(QStringLiteral("composerBodyFile"));
    m_bodyFile->setPlaceholderText(tr("File streamed from disk, never loaded whole"));
    auto *browse = new QPushButton(tr("Browse…"), file);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Body file"));
        if (!path.isEmpty())
            m_bodyFile->setText(path);
    });
    m_bodyFileSize = new QLabel(file);
    m_bodyFileSize->setObjectName(QStringLiteral("composerBodyFileSize"));
    connect(m_bodyFile, &QLineEdit::textChanged, this, &BodyEditor::updateFileSize);
    auto *fileLine = new QHBoxLayout;
    fileLine->addWidget(m_bodyFile, 1);
    fileLine->addWidget(browse);
    auto *layout = new QVBoxLayout(file);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fileLine);
    layout->addWidget(m_bodyFileSize);
    layout->addStretch(1);
    return file;
}

QWidget *BodyEditor::buildMultipartPage()
{
    auto *page = new QWidget(m_stack);
    m_multipart = new KeyValueTable({}, page, KeyValueTable::Kind::FormParts);
    m_multipart->setObjectName(QStringLiteral("composerMultipart"));
    m_multipartSize = new QLabel(page);
    m_multipartSize->setObjectName(QStringLiteral("composerMultipartSize"));
    connect(m_multipart, &KeyValueTable::rowsEdited, this, &BodyEditor::updateMultipartSize);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_multipart, 1);
    layout->addWidget(m_multipartSize);
    return page;
}

void BodyEditor::readInto(ComposerState &s) const
{
    s.bodyMode = BodyMode(m_mode->checkedId());
    switch (s.bodyMode) {
    case BodyMode::None: break;
    case BodyMode::Raw:
        s.rawText = m_rawText->toPlainText();
        s.rawContentType = m_rawType->currentText().trimmed();
        break;
    case BodyMode::File: s.bodyFile = m_bodyFile->text().trimmed(); break;
    case BodyMode::Form: s.form = m_form->rows(); break;
    case BodyMode::Multipart: s.multipart = m_multipart->rows(); break;
    }
}

void BodyEditor::setBody(const ComposerState &s)
{
    m_mode->button(int(s.bodyMode))->setChecked(true);
    m_rawText->setPlainText(s.rawText);
    m_rawType->setCurrentText(s.rawContentType);
    m_bodyFile->setText(s.bodyFile);
    m_form->setRows(s.form);
    m_multipart->setRows(s.multipart);
    updateMultipartSize();
}

void BodyEditor::updateJsonCheck()
{
    const bool json = isJsonContentType(m_rawType->currentText());
    const QString text = m_rawText->toPlainText();
    m_pretty->setVisible(json);
    m_rawText->setExtraSelections({});
    if (!json || text.trimmed().isEmpty()) {
        m_jsonStatus->clear();
        m_jsonStatus->setVisible(false);
        return;
    }
    const JsonCheck check = checkJson(text.toUtf8());
    m_pretty->setEnabled(check.ok);
    m_jsonStatus->setVisible(true);
    if (check.ok) {
        m_jsonStatus->setStyleSheet(QStringLiteral("color: %1").arg(okColour()));
        m_jsonStatus->setText(tr("✓ Valid JSON"));
        return;
    }
    m_jsonStatus->setStyleSheet(QStringLiteral("color: %1").arg(errorColour()));
    m_jsonStatus->setText(tr("✕ Line %1, column %2: %3").arg(check.line).arg(check.column).arg(check.message));
    // The line with the error is marked in the text too, without moving the user's cursor.
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(m_rawText->document()->findBlockByNumber(check.line - 1));
    QColor background(errorColour());
    background.setAlpha(48);
    mark.format.setBackground(background);
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_rawText->setExtraSelections({mark});
}

bool BodyEditor::prettyPrintJson()
{
    const JsonCheck check = checkJson(m_rawText->toPlainText().toUtf8());
    if (!check.ok)
        return false;
    // Through the cursor, so Ctrl+Z brings the text as typed back.
    QTextCursor cursor(m_rawText->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(QString::fromUtf8(check.pretty));
    return true;
}

void BodyEditor::updateFileSize()
{
    const QString path = m_bodyFile->text().trimmed();
    const QFileInfo info(path);
    if (path.isEmpty())
        m_bodyFileSize->clear();
    else if (!info.isFile())
        m_bodyFileSize->setText(tr("No such file."));
    else
        m_bodyFileSize->setText(tr("%1 bytes (%2), streamed").arg(groupedNumber(info.size()), humanBytes(double(info.size()))));
}

void BodyEditor::updateMultipartSize()
{
    const QList<http::FormPart> parts = formParts(m_multipart->rows());
    if (parts.isEmpty()) {
        m_multipartSize->setText(tr("Add text fields and files; files are streamed from disk when sent."));
        return;
    }
    http::RequestSpec spec;
    spec.setForm(parts);
    const qint64 size = http::bodySourceSize(spec);
    for (const http::FormPart &part : parts) {
        if (part.isFile() && !QFileInfo(part.file).isFile()) {
            m_multipartSize->setText(tr("No such file: %1 (field %2).").arg(part.file, part.name));
            return;
        }
    }
    const QString count = parts.size() == 1 ? tr("1 part") : tr("%1 parts").arg(parts.size());
    m_multipartSize->setText(tr("%1, %2 bytes (%3) with the part headers; files are streamed when sent.")
                                 .arg(count, groupedNumber(size), humanBytes(double(size))));
}

} // namespace statusscope::ui
