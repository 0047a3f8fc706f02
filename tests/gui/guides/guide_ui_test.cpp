// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/guides/guide_catalog.h"
#include "tests/support/guide_samples.h"
#include "ui/guide_dock.h"
#include "ui/guides/guide_browser.h"
#include "ui/main_window.h"
#include "ui/status/guide_navigator.h"
#include "ui/status/status_link.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;

namespace {

constexpr int kStatusRole = Qt::UserRole + 1;

void click(QWidget *widget, QPoint pos)
{
    const QPointF local(pos);
    const QPointF global(widget->mapToGlobal(pos));
    QMouseEvent press(QEvent::MouseButtonPress, local, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, local, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}

// Clicks the first anchor with this href in a text browser, the way a user would: at the
// anchor's position in the viewport.
bool clickAnchor(QTextBrowser *view, const QString &href)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(view->document());
            cursor.setPosition(fragment.position() + 1);
            view->setTextCursor(cursor);
            view->ensureCursorVisible();
            const QRect rect = view->cursorRect(cursor);
            click(view->viewport(), QPoint(rect.left() - 2, rect.center().y()));
            return true;
        }
    }
    return false;
}

GuideCatalog sampleCatalog()
{
    GuideCatalog catalog;
    test::SampleGuide g417 = test::sampleFor("417", "Expectation Failed", "4xx",
                                             "The server answered [100 Continue](guide:100)'s opposite.");
    g417.related = QStringLiteral("100");
    catalog.addGuide(test::sampleGuide(g417));
    catalog.addGuide(test::sampleGuide(
        test::sampleFor("100", "Continue", "1xx", "Go on sending the body.", "interim response")));
    test::SampleGuide g499 = test::sampleFor("499", "Client Closed Request", "4xx",
                                             "nginx logs it when the client hangs up first.");
    g499.official = QStringLiteral("false");
    g499.registry = QStringLiteral("unofficial");
    catalog.addGuide(test::sampleGuide(g499));
    return catalog;
}

class GuideUiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    }
    // A browser on the sample guides, on screen, showing one guide.
    std::unique_ptr<GuideBrowser> shownBrowser(const QString &id)
    {
        auto browser = std::make_unique<GuideBrowser>(m_samples);
        browser->resize(600, 800);
        browser->show();
        browser->showGuide(id);
        return browser;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    const GuideCatalog m_samples = sampleCatalog();
};

} // namespace

TEST_F(GuideUiTest, ClickingAStatusLinkOpensItsGuideInTheDock)
{
    const GuideCatalog catalog = GuideCatalog::load(); // the real guides
    ASSERT_NE(catalog.find(u"417"), nullptr);
    MainWindow window(m_settings.get());
    auto *browser = new GuideBrowser(catalog);
    window.guideDock()->setContent(browser);
    GuideNavigator navigator(browser, window.guideDock());
    auto *link = new StatusLinkLabel;
    link->setStatus(417);
    window.addDocument(link, QStringLiteral("request"));
    navigator.connectLink(link);
    window.resize(1000, 700);
    window.show();
    window.guideDock()->hide();

    EXPECT_EQ(link->text(), QStringLiteral("417 Expectation Failed"));
    EXPECT_TRUE(link->toolTip().contains(QStringLiteral("417 Expectation Failed")));
    EXPECT_EQ(link->cursor().shape(), Qt::PointingHandCursor);
    // On the badge: the label may be laid out larger than the badge it draws.
    click(link, badgeRect(link->rect(), link->fontMetrics(), link->text()).center());

    EXPECT_TRUE(window.guideDock()->isVisible());
    EXPECT_FALSE(window.guideDock()->isShowingEmptyState());
    EXPECT_EQ(browser->currentId(), QStringLiteral("417"));
    EXPECT_TRUE(browser->view()->toPlainText().startsWith(QStringLiteral("417 Expectation Failed")));
    // The list follows the guide shown.
    auto *list = browser->findChild<QTreeWidget *>(QStringLiteral("guideList"));
    ASSERT_NE(list->currentItem(), nullptr);
    EXPECT_TRUE(list->currentItem()->text(0).startsWith(QStringLiteral("417 ")));
}

TEST_F(GuideUiTest, TheSearchFieldFiltersTheList)
{
    const GuideCatalog catalog = sampleCatalog();
    GuideBrowser browser(catalog);
    EXPECT_EQ(browser.visibleIds(), (QStringList{QStringLiteral("100"), QStringLiteral("417"), QStringLiteral("499")}));
    browser.setFilterText(QStringLiteral("expectation"));
    EXPECT_EQ(browser.visibleIds(), QStringList{QStringLiteral("417")});
    browser.setFilterText(QStringLiteral("interim")); // an alias
    EXPECT_EQ(browser.visibleIds(), QStringList{QStringLiteral("100")});
    browser.setFilterText(QStringLiteral("hangs")); // a word of the text
    EXPECT_EQ(browser.visibleIds(), QStringList{QStringLiteral("499")});
    // Enter opens the best-ranked match.
    browser.setFilterText(QStringLiteral("continue"));
    auto *search = browser.findChild<QLineEdit *>(QStringLiteral("guideSearch"));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(search, &enter);
    EXPECT_EQ(browser.currentId(), QStringLiteral("100"));
    browser.setFilterText(QStringLiteral("zzqx"));
    EXPECT_TRUE(browser.visibleIds().isEmpty());
    browser.setFilterText(QString());
    EXPECT_EQ(browser.visibleIds().size(), 3);
}

TEST_F(GuideUiTest, TheListGroupsByClassAndMarksUnofficialCodes)
{
    const GuideCatalog catalog = sampleCatalog();
    GuideBrowser browser(catalog);
    auto *list = browser.findChild<QTreeWidget *>(QStringLiteral("guideList"));
    ASSERT_EQ(list->topLevelItemCount(), 2);
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("1xx Informational"));
    EXPECT_EQ(list->topLevelItem(1)->text(0), QStringLiteral("4xx Client error"));
    QTreeWidgetItem *clientErrors = list->topLevelItem(1);
    ASSERT_EQ(clientErrors->childCount(), 2);
    EXPECT_EQ(clientErrors->child(0)->text(0), QStringLiteral("417 Expectation Failed"));
    EXPECT_TRUE(clientErrors->child(1)->text(0).contains(QStringLiteral("unofficial")));
    EXPECT_TRUE(clientErrors->child(1)->font(0).italic());
}

TEST_F(GuideUiTest, AGuideLinkNavigatesAndBackReturns)
{
    const std::unique_ptr<GuideBrowser> shown = shownBrowser(QStringLiteral("417"));
    GuideBrowser &browser = *shown;
    auto *back = browser.findChild<QAction *>(QStringLiteral("guideBack"));
    auto *forward = browser.findChild<QAction *>(QStringLiteral("guideForward"));
    EXPECT_TRUE(back->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Left)));
    EXPECT_TRUE(forward->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Right)));
    EXPECT_FALSE(back->isEnabled());

    ASSERT_TRUE(clickAnchor(browser.view(), QStringLiteral("guide:100")));
    EXPECT_EQ(browser.currentId(), QStringLiteral("100"));
    EXPECT_TRUE(browser.view()->toPlainText().startsWith(QStringLiteral("100 Continue")));
    ASSERT_TRUE(back->isEnabled());

    back->trigger();
    EXPECT_EQ(browser.currentId(), QStringLiteral("417"));
    EXPECT_TRUE(browser.view()->toPlainText().startsWith(QStringLiteral("417 Expectation Failed")));
    ASSERT_TRUE(forward->isEnabled());
    forward->trigger();
    EXPECT_EQ(browser.currentId(), QStringLiteral("100"));
    back->trigger();

    // Related codes are links too, and a new page drops the forward history.
    ASSERT_TRUE(browser.view()->toPlainText().contains(QStringLiteral("Related: 100 Continue")));
    browser.showGuide(QStringLiteral("499"));
    EXPECT_FALSE(forward->isEnabled());
}

TEST_F(GuideUiTest, CodeBlocksAreMonospaceWithACopyLink)
{
    const std::unique_ptr<GuideBrowser> shown = shownBrowser(QStringLiteral("417"));
    GuideBrowser &browser = *shown;
    ASSERT_EQ(browser.codeBlocks().size(), 2);
    EXPECT_EQ(browser.codeBlocks().at(0), QStringLiteral("## not a heading inside a fence\nreturn 200;"));

    bool foundMonospace = false;
    for (QTextBlock block = browser.view()->document()->begin(); block.isValid(); block = block.next()) {
        if (block.text() == QLatin1String("return 200;")) {
            const QTextCharFormat format = block.begin().fragment().charFormat();
            foundMonospace = format.fontFixedPitch()
                             || QFontInfo(format.font()).fixedPitch()
                             || format.fontFamilies().toStringList().contains(
                                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        }
    }
    EXPECT_TRUE(foundMonospace);

    QApplication::clipboard()->clear();
    ASSERT_TRUE(clickAnchor(browser.view(), QStringLiteral("copy:1")));
    EXPECT_EQ(QApplication::clipboard()->text(), QStringLiteral("HTTP/1.1 417 Expectation Failed"));
    EXPECT_EQ(browser.currentId(), QStringLiteral("417")) << "copying does not navigate";
}

TEST_F(GuideUiTest, ACodeWithoutAGuideStillSaysWhatItIs)
{
    const GuideCatalog catalog = sampleCatalog();
    GuideBrowser browser(catalog);
    browser.showGuide(QStringLiteral("504"));
    EXPECT_TRUE(browser.view()->toPlainText().startsWith(QStringLiteral("504 Gateway Timeout")));
    browser.showGuide(QStringLiteral("299"));
    const QString text = browser.view()->toPlainText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("299 Unknown status")));
    EXPECT_TRUE(text.contains(QStringLiteral("2xx Success")));
}

TEST_F(GuideUiTest, TheDelegatePaintsABadgeAndAClickOnItActivatesTheStatus)
{
    QStandardItemModel model(2, 2);
    model.setData(model.index(0, 1), 404, kStatusRole);
    model.setData(model.index(1, 1), QStringLiteral("dns-failure"), kStatusRole);
    QTableView table;
    table.setModel(&model);
    StatusLinkDelegate delegate(kStatusRole);
    table.setItemDelegateForColumn(1, &delegate);
    delegate.attachTo(&table);
    table.setColumnWidth(1, 300);
    table.resize(600, 300);
    table.show();

    QStringList activated;
    QObject::connect(&delegate, &StatusLinkDelegate::statusActivated, &table,
                     [&](const StatusActivation &activation) { activated << activation.codeId; });
    const QRect badge = delegate.badgeRectFor(&table, model.index(0, 1));
    ASSERT_TRUE(badge.isValid());
    EXPECT_LT(badge.width(), 300) << "the badge is as wide as its text, not the cell";
    click(table.viewport(), badge.center());
    const QRect transport = delegate.badgeRectFor(&table, model.index(1, 1));
    click(table.viewport(), transport.center());
    // Beside the badge, in the same cell: a plain selection click.
    click(table.viewport(), QPoint(table.visualRect(model.index(0, 1)).right() - 3, badge.center().y()));
    EXPECT_EQ(activated, (QStringList{QStringLiteral("404"), QStringLiteral("dns-failure")}));
    EXPECT_EQ(table.currentIndex(), model.index(0, 1));

    // A hand cursor over the badge only.
    QMouseEvent move(QEvent::MouseMove, QPointF(badge.center()), QPointF(table.viewport()->mapToGlobal(badge.center())),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(table.viewport(), &move);
    EXPECT_EQ(table.viewport()->cursor().shape(), Qt::PointingHandCursor);
    const QPoint outside = table.visualRect(model.index(0, 0)).center();
    QMouseEvent away(QEvent::MouseMove, QPointF(outside), QPointF(table.viewport()->mapToGlobal(outside)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(table.viewport(), &away);
    EXPECT_NE(table.viewport()->cursor().shape(), Qt::PointingHandCursor);
}

TEST_F(GuideUiTest, ATableStatusGoesThroughTheNavigatorToTheDock)
{
    const GuideCatalog catalog = sampleCatalog();
    MainWindow window(m_settings.get());
    auto *browser = new GuideBrowser(catalog);
    window.guideDock()->setContent(browser);
    GuideNavigator navigator(browser, window.guideDock());
    QStringList shown;
    QObject::connect(&navigator, &GuideNavigator::guideShown, &navigator, [&](const QString &id) { shown << id; });

    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), 499, kStatusRole);
    auto *table = new QTableView;
    table->setModel(&model);
    auto *delegate = new StatusLinkDelegate(kStatusRole, table);
    table->setItemDelegate(delegate);
    delegate->attachTo(table);
    navigator.connectLink(delegate);
    window.addDocument(table, QStringLiteral("har"));
    window.resize(1000, 700);
    window.show();
    window.guideDock()->hide();

    click(table->viewport(), delegate->badgeRectFor(table, model.index(0, 0)).center());
    EXPECT_EQ(shown, QStringList{QStringLiteral("499")});
    EXPECT_TRUE(window.guideDock()->isVisible());
    EXPECT_EQ(browser->currentId(), QStringLiteral("499"));
    EXPECT_TRUE(browser->view()->toPlainText().startsWith(QStringLiteral("499 Client Closed Request")));
}

TEST(StatusBadge, TextAndClassComeFromTheStatusTable)
{
    EXPECT_EQ(statusBadgeFor(417).text, QStringLiteral("417 Expectation Failed"));
    EXPECT_EQ(statusBadgeFor(417).statusClass, StatusClass::ClientError);
    EXPECT_FALSE(statusBadgeFor(499).official);
    EXPECT_TRUE(statusBadgeFor(499).toolTip.contains(QStringLiteral("unofficial, nginx")));
    EXPECT_EQ(statusBadgeFor(QStringLiteral("cert-expired")).text, QStringLiteral("Certificate expired"));
    EXPECT_EQ(statusBadgeFor(QStringLiteral("cert-expired")).statusClass, StatusClass::Transport);
    EXPECT_EQ(statusBadgeFor(299).text, QStringLiteral("299 Unknown status"));
    EXPECT_FALSE(statusBadgeFor(-1).isValid());
    EXPECT_FALSE(statusBadgeFor(QVariant()).isValid());
    EXPECT_FALSE(statusBadgeFor(QStringLiteral("no-such-failure")).isValid());
    EXPECT_EQ(statusBadgeFor(QVariant(503)).codeId, QStringLiteral("503"));
}

TEST(StatusBadge, ReadableInLightAndDarkPalettes)
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    for (StatusClass c : {StatusClass::Informational, StatusClass::Success, StatusClass::Redirection,
                          StatusClass::ClientError, StatusClass::ServerError, StatusClass::None,
                          StatusClass::Transport}) {
        for (const QPalette *palette : {&light, &dark}) {
            const BadgeColors colors = badgeColors(c, *palette);
            // WCAG AA for normal text.
            EXPECT_GE(contrastRatio(colors.text, colors.background), 4.5)
                << toString(c).toStdString() << (palette == &dark ? " dark" : " light");
        }
        EXPECT_NE(badgeColors(c, light).background, badgeColors(c, dark).background);
    }
    EXPECT_NE(badgeColors(StatusClass::ClientError, light).background,
              badgeColors(StatusClass::ServerError, light).background);
}

TEST(StatusLinkLabel, KeyboardActivatesItToo)
{
    StatusLinkLabel link;
    link.setStatus(503);
    QStringList activated;
    QObject::connect(&link, &StatusLinkLabel::statusActivated, &link,
                     [&](const StatusActivation &activation) { activated << activation.codeId; });
    link.animateClick(); // what Space does; Enter is handled like it
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(&link, &enter);
    link.setStatus(-1);
    EXPECT_FALSE(link.isEnabled());
    EXPECT_EQ(activated.last(), QStringLiteral("503"));
}
