// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/file_info_view.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace statusscope::ui {

QString formatByteSize(qint64 bytes)
{
    if (bytes < 0)
        return QCoreApplication::translate("FileInfoView", "unknown size");
    const QLocale locale;
    return QStringLiteral("%1 (%2 bytes)")
        .arg(locale.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat),
             locale.toString(bytes));
}

FileInfoView::FileInfoView(const QString &path, const FileProbe &probe, QWidget *parent)
    : QWidget(parent)
    , m_kind(probe.kind)
{
    const QFileInfo info(path);
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(info.fileName(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title);

    auto *form = new QFormLayout;
    auto addRow = [&](const QString &label, const QString &value, const QString &objectName) {
        auto *valueLabel = new QLabel(value, this);
        valueLabel->setObjectName(objectName);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        form->addRow(label, valueLabel);
    };
    addRow(tr("Location:"), QDir::toNativeSeparators(info.absoluteFilePath()),
           QStringLiteral("locationValue"));
    addRow(tr("Kind:"), toString(probe.kind) + (probe.compressed ? tr(" (gzip-compressed)") : QString()),
           QStringLiteral("kindValue"));
    addRow(tr("Size:"), formatByteSize(probe.sizeBytes), QStringLiteral("sizeValue"));
    layout->addLayout(form);

    if (!probe.error.isEmpty()) {
        auto *error = new QLabel(tr("This file could not be read: %1").arg(probe.error), this);
        error->setObjectName(QStringLiteral("errorValue"));
        error->setWordWrap(true);
        QFont bold = error->font();
        bold.setBold(true);
        error->setFont(bold);
        layout->addWidget(error);
    } else if (probe.kind == FileKind::Unknown) {
        auto *hint = new QLabel(
            tr("StatusScope did not recognise this file as a HAR export, an access log or a saved "
               "exchange. Nothing from it is shown."),
            this);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addStretch(1);
}

} // namespace statusscope::ui
