// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace statusscope::ui {

// What a log tab shows in place of its chart when the source could not answer: the message
// (it names the source) and a button to ask again.
class SourceErrorPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceErrorPage)

public:
    explicit SourceErrorPage(QWidget *parent = nullptr);
    void setMessage(const QString &message);

signals:
    void retryClicked();

private:
    QLabel *m_message = nullptr;
};

} // namespace statusscope::ui
