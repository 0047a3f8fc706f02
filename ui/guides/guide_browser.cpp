// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/guides/guide_browser.h"

#include "core/guides/guide_catalog.h"
#include "core/guides/markdown_blocks.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QScrollBar>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
const QLatin1String kGuideScheme("guide");
const QLatin1String kCopyScheme("copy");

QString linkTo(const GuideCatalog &catalog, const QString &id)
{
    const Guide *g = catalog.find(id);
    const QString text = g ? g->displayName() : id;
    return QStringLiteral("[%1](guide:%2)").arg(text, id);
}

} // namespace

GuideBrowser::GuideBrowser(const GuideCatalog &catalog, QWidget *parent)
    : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("guideBrowser"));

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    m_backAction = toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"));
    m_backAction->setObjectName(QStringLiteral("guideBack"));
    m_backAction->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence::Back});
    m_forwardAction = toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"));
    m_forwardAction->setObjectName(QStringLiteral("guideForward"));
    m_forwardAction->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence::Forward});
    for (QAction *action : {m_backAction, m_forwardAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action); // so the shortcut works wherever focus is inside the browser
    }
    connect(m_backAction, &QAction::triggered, this, &GuideBrowser::back);
    connect(m_forwardAction, &QAction::triggered, this, &GuideBrowser::forward);

    m_search = new QLineEdit(toolBar);
    m_search->setObjectName(QStringLiteral("guideSearch"));
    m_search->setPlaceholderText(tr("Search guides: code, title, words"));
    m_search->setClearButtonEnabled(true);
    toolBar->addWidget(m_search);
    connect(m_search, &QLineEdit::textChanged, this, &GuideBrowser::applyFilter);
    // Enter opens the best match (the list stays in class order, the ranking decides here).
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QList<GuideSearchHit> best = m_catalog.search(m_search->text(), 1);
        if (!best.isEmpty())
            showGuide(best.first().id);
    });

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("guideList"));
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kIdRole).toString().isEmpty()
            && item->data(0, kIdRole).toString() != currentId())
            showGuide(item->data(0, kIdRole).toString());
    });

    m_noMatches = new QLabel(tr("No guide matches."), this);
    m_noMatches->setObjectName(QStringLiteral("guideNoMatches"));
    m_noMatches->setEnabled(false);
    m_noMatches->hide();

    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("guideView"));
    m_view->setOpenLinks(false); // guide: and copy: are ours; web links go to the desktop
    m_view->setOpenExternalLinks(false);
    connect(m_view, &QTextBrowser::anchorClicked, this, &GuideBrowser::openLink);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list);
    listLayout->addWidget(m_noMatches);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(splitter);

    buildList();
    m_view->setMarkdown(tr("Select a status anywhere in the app, or pick one from the list, to "
                           "see what it means, why it happens and how to fix it."));
    updateNavigation();
}

void GuideBrowser::buildList()
{
    m_list->clear();
    for (const GuideGroup &group : m_catalog.groupedByClass()) {
        auto *groupItem = new QTreeWidgetItem(m_list, {displayName(group.statusClass)});
        groupItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = groupItem->font(0);
        bold.setBold(true);
        groupItem->setFont(0, bold);
        for (const QString &id : group.ids) {
            const Guide *g = m_catalog.find(id);
            QString text = g->displayName();
            if (!g->official && !g->isTransport() && g->code != 0) {
                // Marked in words, not only by style, so it survives any palette.
                text += tr("  · unofficial");
            }
            auto *item = new QTreeWidgetItem(groupItem, {text});
            item->setData(0, kIdRole, id);
            item->setToolTip(0, g->official ? g->spec : tr("Unofficial: %1").arg(g->spec));
            if (!g->official) {
                QFont italic = item->font(0);
                italic.setItalic(true);
                item->setFont(0, italic);
            }
        }
        groupItem->setExpanded(true);
    }
}

void GuideBrowser::setFilterText(const QString &text)
{
    m_search->setText(text);
}

void GuideBrowser::applyFilter()
{
    const QString query = m_search->text().trimmed();
    QSet<QString> matching;
    if (!query.isEmpty()) {
        for (const GuideSearchHit &hit : m_catalog.search(query))
            matching.insert(hit.id);
    }
    int visible = 0;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool show = query.isEmpty() || matching.contains(item->data(0, kIdRole).toString());
            item->setHidden(!show);
            shown += show ? 1 : 0;
        }
        group->setHidden(shown == 0);
        visible += shown;
    }
    m_noMatches->setVisible(visible == 0);
}

QStringList GuideBrowser::visibleIds() const
{
    QStringList ids;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (!group->isHidden() && !group->child(i)->isHidden())
                ids << group->child(i)->data(0, kIdRole).toString();
        }
    }
    return ids;
}

QString GuideBrowser::currentId() const
{
    return m_position >= 0 ? m_history.at(m_position) : QString();
}

void GuideBrowser::showGuide(const QString &codeId)
{
    // "417#server-side-fixes": the guide, scrolled to that section.
    showGuide(codeId.section(QLatin1Char('#'), 0, 0), codeId.section(QLatin1Char('#'), 1));
}

void GuideBrowser::showGuide(const QString &guideId, const QString &section)
{
    const QString id = guideId.trimmed();
    if (id.isEmpty())
        return;
    if (id == currentId()) {
        scrollToSection(section);
        return;
    }
    // A new page drops the forward history, as in a web browser.
    m_history.resize(m_position + 1);
    m_history.append(id);
    m_position = m_history.size() - 1;
    display(id);
    scrollToSection(section);
}

void GuideBrowser::scrollToSection(const QString &slug)
{
    if (slug.isEmpty())
        return;
    // Headings have no anchors in Qt's Markdown import: match the heading text's slug
    // ("Server-side fixes" → "server-side-fixes") and bring that block to the top.
    for (QTextBlock block = m_view->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        QString text = block.text().toLower().trimmed();
        text.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        text.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
        if (text == slug) {
            QTextCursor cursor(block);
            m_view->setTextCursor(cursor);
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
            m_view->ensureCursorVisible(); // from the bottom, so the heading lands at the top
            return;
        }
    }
}

void GuideBrowser::back()
{
    if (!canGoBack())
        return;
    --m_position;
    display(m_history.at(m_position));
}

void GuideBrowser::forward()
{
    if (!canGoForward())
        return;
    ++m_position;
    display(m_history.at(m_position));
}

void GuideBrowser::display(const QString &codeId)
{
    m_codeBlocks.clear();
    const Guide *guide = m_catalog.find(codeId);
    m_view->document()->setMarkdown(guide ? pageMarkdown(*guide) : missingGuideMarkdown(codeId));
    shadeCodeBlocks();
    m_view->verticalScrollBar()->setValue(0);
    selectInList(codeId);
    updateNavigation();
    emit guideShown(codeId);
}

// The guide's Markdown with a "Copy" link under each code block and the related guides as
// links at the end. Code blocks render in the fixed-pitch font (Qt's Markdown importer).
QString GuideBrowser::pageMarkdown(const Guide &guide)
{
    QString out;
    for (const MarkdownBlock &block : splitFencedBlocks(guide.markdown)) {
        if (!block.isCode) {
            out += block.text + QLatin1Char('\n');
            continue;
        }
        // A fence longer than any run of backticks inside keeps the block intact.
        out += QStringLiteral("\n````%1\n%2\n````\n\n[%3](copy:%4)\n\n")
                   .arg(block.language, block.text, tr("Copy"))
                   .arg(m_codeBlocks.size());
        m_codeBlocks << block.text;
    }
    if (!guide.related.isEmpty()) {
        QStringList links;
        for (const QString &id : guide.related)
            links << linkTo(m_catalog, id);
        out += QStringLiteral("\n---\n\n**%1** %2\n").arg(tr("Related:"), links.join(QStringLiteral(" · ")));
    }
    return out;
}

// Qt's Markdown importer sets the font of fenced blocks but no background; a shade makes each
// block read as one unit, in light and dark palettes alike.
void GuideBrowser::shadeCodeBlocks()
{
    const QColor shade = palette().color(QPalette::AlternateBase);
    QTextCursor cursor(m_view->document());
    for (QTextBlock block = m_view->document()->begin(); block.isValid(); block = block.next()) {
        if (!block.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
            continue;
        QTextBlockFormat format = block.blockFormat();
        format.setBackground(shade);
        cursor.setPosition(block.position());
        cursor.setBlockFormat(format);
    }
}

QString GuideBrowser::missingGuideMarkdown(const QString &codeId) const
{
    bool numeric = false;
    const int code = codeId.toInt(&numeric);
    if (!numeric)
        return tr("# %1\n\nThere is no guide for this failure.\n").arg(codeId);
    const StatusInfo info = m_catalog.statusInfo(code);
    QString text = QStringLiteral("# %1 %2\n\n").arg(codeId, info.reason);
    if (info.known)
        text += tr("Defined in %1. There is no troubleshooting guide for it yet.\n\n").arg(info.definedIn);
    else
        text += tr("This status is not in the IANA registry or the list of common unofficial codes.\n\n");
    if (info.hasClass && info.statusClass != StatusClass::None) {
        const int base = code / 100 * 100;
        // RFC 9110 §15: an unrecognised status is understood as the x00 status of its class.
        text += tr("It is a **%1** status; clients treat an unknown code like %2.\n")
                    .arg(displayName(info.statusClass), linkTo(m_catalog, QString::number(base)));
    }
    return text;
}

void GuideBrowser::openLink(const QUrl &url)
{
    if (url.scheme() == kGuideScheme) {
        showGuide(url.path(), url.fragment());
    } else if (url.scheme() == kCopyScheme) {
        bool ok = false;
        const int index = url.path().toInt(&ok);
        if (ok && index >= 0 && index < m_codeBlocks.size())
            QApplication::clipboard()->setText(m_codeBlocks.at(index));
    } else if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) {
        QDesktopServices::openUrl(url);
    }
}

void GuideBrowser::selectInList(const QString &codeId)
{
    QTreeWidgetItem *found = nullptr;
    for (int g = 0; g < m_list->topLevelItemCount() && !found; ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, kIdRole).toString() == codeId) {
                found = group->child(i);
                break;
            }
        }
    }
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentItem(found);
    if (found)
        m_list->scrollToItem(found);
}

void GuideBrowser::updateNavigation()
{
    m_backAction->setEnabled(canGoBack());
    m_forwardAction->setEnabled(canGoForward());
}

} // namespace statusscope::ui
