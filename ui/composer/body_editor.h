#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's Body tab: none, raw text (checked as you type when its type is JSON), a file
// streamed from disk, a urlencoded form, or a multipart form whose rows are text fields or
// files. It reads and writes the body fields of a ComposerState; core checks and sizes.

#include "ui/composer/composer_state.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace statusscope::ui {

class KeyValueTable;

class BodyEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyEditor)

public:
    explicit BodyEditor(QWidget *parent = nullptr);

    void readInto(ComposerState &state) const;
    void setBody(const ComposerState &state);
    // Re-indents a valid JSON body (Ctrl+Shift+F); false when the body is not valid JSON.
    bool prettyPrintJson();

private:
    QWidget *buildRawPage();
    QWidget *buildFilePage();
    QWidget *buildMultipartPage();
    void updateJsonCheck();
    void updateFileSize();
    void updateMultipartSize();

    QButtonGroup *m_mode = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_rawType = nullptr;
    QPlainTextEdit *m_rawText = nullptr;
    QLabel *m_jsonStatus = nullptr;
    QPushButton *m_pretty = nullptr;
    QLineEdit *m_bodyFile = nullptr;
    QLabel *m_bodyFileSize = nullptr;
    KeyValueTable *m_form = nullptr;
    KeyValueTable *m_multipart = nullptr;
    QLabel *m_multipartSize = nullptr;
};

} // namespace statusscope::ui
