// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/log_source_action.h"

#include "ui/logs/log_source_dialog.h"
#include "ui/logs/log_view.h"
#include "ui/main_window.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace statusscope::ui {

QAction *installOpenLogSourceAction(MainWindow *window, std::function<void(LogView *)> wire)
{
    auto *action = new QAction(QObject::tr("Open &Log Source…"), window);
    action->setObjectName(QStringLiteral("actionOpenLogSource"));
    action->setToolTip(QObject::tr("Chart access logs kept in ClickHouse"));
    QObject::connect(action, &QAction::triggered, window, [window, wire = std::move(wire)] {
        LogSourceDialog dialog(window, window->settings());
        if (dialog.exec() != QDialog::Accepted)
            return;
        const std::shared_ptr<logs::LogSource> source = dialog.makeSource();
        if (!source)
            return;
        auto *view = new LogView(source, window);
        if (wire)
            wire(view);
        window->addDocument(view, source->name().section(QLatin1Char('/'), -1), source->name());
    });
    if (auto *file = window->findChild<QMenu *>(QStringLiteral("menuFile"))) {
        const QList<QAction *> actions = file->actions();
        QAction *open = window->findChild<QAction *>(QStringLiteral("actionOpen"));
        const qsizetype at = actions.indexOf(open);
        file->insertAction(at >= 0 && at + 1 < actions.size() ? actions[at + 1] : nullptr, action);
    }
    return action;
}

} // namespace statusscope::ui
