// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_export_dialog.h"

#include "core/har/har_writer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace statusscope::ui {

HarExportDialog::HarExportDialog(std::shared_ptr<const HarLog> log, const QList<int> &selected,
                                 const QString &sourcePath, QWidget *parent)
    : QDialog(parent), m_log(std::move(log)), m_selected(selected), m_sourcePath(sourcePath)
{
    setWindowTitle(tr("Export HAR"));
    auto *layout = new QVBoxLayout(this);
    m_sanitize = new QCheckBox(tr("Remove credentials, cookies and tokens (recommended)"), this);
    m_sanitize->setObjectName(QStringLiteral("harExportSanitize"));
    m_sanitize->setChecked(true);
    m_selectedOnly = new QCheckBox(tr("Only the %n selected entries", nullptr, static_cast<int>(selected.size())), this);
    m_selectedOnly->setChecked(!selected.isEmpty());
    m_selectedOnly->setEnabled(!selected.isEmpty());
    m_summary = new QLabel(this);
    m_preview = new QTreeWidget(this);
    m_preview->setObjectName(QStringLiteral("harExportPreview"));
    m_preview->setHeaderLabels({tr("Entry"), tr("Where"), tr("Why"), tr("Removed")});
    m_preview->setRootIsDecorated(false);
    m_preview->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    layout->addWidget(m_sanitize);
    layout->addWidget(m_selectedOnly);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    resize(720, 480);

    connect(m_sanitize, &QCheckBox::toggled, this, &HarExportDialog::prepare);
    connect(m_selectedOnly, &QCheckBox::toggled, this, &HarExportDialog::prepare);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &HarExportDialog::prepared);
    connect(buttons, &QDialogButtonBox::accepted, this, &HarExportDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    prepare();
}

HarExportDialog::~HarExportDialog()
{
    m_watcher.waitForFinished();
}

void HarExportDialog::prepare()
{
    // A toggle while the previous preview is still being made: wait for it (it is the same
    // work on at most the same entries), then start again with the new choice.
    m_watcher.waitForFinished();
    m_preparing = true;
    m_saveButton->setEnabled(false);
    m_summary->setText(tr("Preparing…"));
    const std::shared_ptr<const HarLog> log = m_log;
    const QList<int> positions = m_selectedOnly->isChecked() ? m_selected : QList<int>{};
    const bool sanitize = m_sanitize->isChecked();
    m_watcher.setFuture(QtConcurrent::run([log, positions, sanitize] {
        HarLog chosen = positions.isEmpty() ? *log : selectEntries(*log, positions);
        if (!sanitize)
            return HarSanitizeResult{std::move(chosen), {}};
        return sanitizeHar(chosen);
    }));
}

void HarExportDialog::prepared()
{
    m_result = m_watcher.result();
    m_preparing = false;
    m_preview->clear();
    for (const HarRedaction &redaction : std::as_const(m_result.redactions)) {
        const int index = m_result.log.entries.value(redaction.entry).index;
        new QTreeWidgetItem(m_preview, {QString::number(index), redaction.location, toString(redaction.kind),
                                        redaction.preview});
    }
    m_summary->setText(m_sanitize->isChecked()
                           ? tr("%1 entries; %2 values will be replaced by REDACTED:")
                                 .arg(m_result.log.entries.size())
                                 .arg(m_result.redactions.size())
                           : tr("%1 entries, exported as they are (not sanitized).").arg(m_result.log.entries.size()));
    m_saveButton->setEnabled(true);
    emit previewReady(static_cast<int>(m_result.redactions.size()));
}

bool HarExportDialog::exportTo(const QString &path, QString *error)
{
    return writeHarFile(m_result.log, path, error);
}

void HarExportDialog::save()
{
    const QFileInfo source(m_sourcePath);
    const QString suggested = source.dir().filePath(source.completeBaseName()
                                                    + (m_sanitize->isChecked() ? QStringLiteral("-sanitized.har")
                                                                               : QStringLiteral("-export.har")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export HAR"), suggested, tr("HAR files (*.har)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export HAR"), tr("Could not write %1: %2").arg(path, error));
        return;
    }
    accept();
}

} // namespace statusscope::ui
