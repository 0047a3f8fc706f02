// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/about_dialog.h"

#include "core/app_info.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QWidget *licenseView(const QString &text, QWidget *parent)
{
    auto *view = new QPlainTextEdit(text, parent);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About StatusScope"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QPixmap(QStringLiteral(":/statusscope/installer/icons/statusscope-64.png")));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *summary = new QLabel(
        tr("<h3>%1 %2</h3>"
           "<p>Why did this request get this status, and what do I do about it?</p>"
           "<p>Built with Qt %3, running on Qt %4.</p>"
           "<p>StatusScope is free software: GPL-3.0-or-later. It comes with ABSOLUTELY NO "
           "WARRANTY. Qt is used under the LGPL-3.0; QCustomPlot under the GPL-3.0.</p>")
            .arg(QString::fromLatin1(kAppName), QString::fromLatin1(kAppVersion),
                 QString::fromLatin1(QT_VERSION_STR), QString::fromLatin1(qVersion())),
        this);
    summary->setObjectName(QStringLiteral("aboutSummary"));
    summary->setWordWrap(true);
    header->addWidget(summary, 1);
    layout->addLayout(header);

    auto *licenses = new QTabWidget(this);
    licenses->setObjectName(QStringLiteral("licenseTabs"));
    const QString base = QStringLiteral(":/statusscope/LICENSES/");
    licenses->addTab(licenseView(resourceText(base + QStringLiteral("GPL-3.0-or-later.txt")), licenses),
                     tr("StatusScope (GPL-3.0-or-later)"));
    licenses->addTab(licenseView(resourceText(base + QStringLiteral("Qt-NOTICE.txt")) + QStringLiteral("\n\n")
                                     + resourceText(base + QStringLiteral("LGPL-3.0-only.txt")),
                                 licenses),
                     tr("Qt (LGPL-3.0)"));
    licenses->addTab(licenseView(resourceText(base + QStringLiteral("QCustomPlot-NOTICE.txt")), licenses),
                     tr("QCustomPlot (GPL-3.0)"));
    layout->addWidget(licenses, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 520);
}

} // namespace statusscope::ui
