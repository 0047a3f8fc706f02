// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;

namespace statusscope {
class GuideCatalog;
struct Guide;
} // namespace statusscope

namespace statusscope::ui {

// The Guide dock's content: a searchable list of guides grouped by class (unofficial codes
// marked), and the selected guide rendered from its Markdown. `guide:` links and related codes
// navigate inside the browser, with back and forward (Alt+Left / Alt+Right). Each code block
// gets a "Copy" link under it.
//
// The catalog is owned by the app and must outlive the browser.
class GuideBrowser : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideBrowser)

public:
    explicit GuideBrowser(const GuideCatalog &catalog, QWidget *parent = nullptr);

    // Shows a guide ("417", "dns-failure"), or what is known about a code without one, and
    // records it in the history. "417#client-side-fixes" also scrolls to that section.
    void showGuide(const QString &codeId);
    // The same with the section apart (empty: the top of the guide).
    void showGuide(const QString &id, const QString &section);
    QString currentId() const;
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_history.size(); }
    void back();
    void forward();

    void setFilterText(const QString &text);
    // Ids of the list entries the filter leaves visible, in list order.
    QStringList visibleIds() const;

    QTextBrowser *view() const { return m_view; }
    // The text each "Copy" link under a code block copies, in document order.
    const QStringList &codeBlocks() const { return m_codeBlocks; }

signals:
    void guideShown(const QString &codeId);

private:
    void buildList();
    void applyFilter();
    void openLink(const QUrl &url);
    void display(const QString &codeId);
    void scrollToSection(const QString &slug);
    QString pageMarkdown(const Guide &guide);
    QString missingGuideMarkdown(const QString &codeId) const;
    void shadeCodeBlocks();
    void updateNavigation();
    void selectInList(const QString &codeId);

    const GuideCatalog &m_catalog;
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_view = nullptr;
    QLabel *m_noMatches = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QStringList m_history;
    qsizetype m_position = -1;
    QStringList m_codeBlocks;
};

} // namespace statusscope::ui
