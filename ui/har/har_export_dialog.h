// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/har/har_sanitizer.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QCheckBox;
class QLabel;
class QTreeWidget;
class QPushButton;

namespace statusscope::ui {

// Export a HAR (all entries or the selected ones), sanitized by default, with a preview of
// every redaction before anything is written. Sanitizing runs off the GUI thread.
class HarExportDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HarExportDialog)

public:
    HarExportDialog(std::shared_ptr<const HarLog> log, const QList<int> &selected, const QString &sourcePath,
                    QWidget *parent = nullptr);
    ~HarExportDialog() override;

    // Writes the current choice to `path`; false with *error set on failure.
    bool exportTo(const QString &path, QString *error);
    bool isPreparing() const { return m_preparing; }

signals:
    void previewReady(int redactions);

private:
    void prepare();
    void prepared();
    void save();

    std::shared_ptr<const HarLog> m_log;
    QList<int> m_selected;
    QString m_sourcePath;
    QFutureWatcher<HarSanitizeResult> m_watcher;
    HarSanitizeResult m_result;
    bool m_preparing = false;

    QCheckBox *m_sanitize = nullptr;
    QCheckBox *m_selectedOnly = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_preview = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace statusscope::ui
