// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/files/bundled_samples.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QCommandLinkButton;
class QGridLayout;
class QVBoxLayout;

namespace statusscope::ui {

// What the window shows when no document is open: the ways in (new request, open a file,
// history), the bundled samples, the recent files and a hint that files can be dropped.
// It only asks; the window does the opening.
class StartPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartPage)

public:
    explicit StartPage(QWidget *parent = nullptr);

    // Samples without a path (not installed, not found) are left out.
    void setSamples(const QList<BundledSample> &samples);
    // Newest first; a file that no longer exists is shown as missing, with Remove.
    void setRecentFiles(const QStringList &paths);
    void setNewRequestAvailable(bool available);
    void setHistoryAvailable(bool available);

signals:
    void newRequestRequested();
    void openDialogRequested();
    void historyRequested();
    void openRequested(const QString &path);
    void removeRecentRequested(const QString &path);
    void clearRecentRequested();

private:
    QWidget *section(const QString &title, QVBoxLayout **body);

    QCommandLinkButton *m_newRequest = nullptr;
    QCommandLinkButton *m_history = nullptr;
    QWidget *m_samplesSection = nullptr;
    QGridLayout *m_sampleGrid = nullptr;
    QVBoxLayout *m_recentHolder = nullptr;
    QWidget *m_recentList = nullptr;
};

} // namespace statusscope::ui
