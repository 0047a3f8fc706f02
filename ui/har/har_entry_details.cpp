// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/har/har_entry_details.h"

#include "core/har/har_body.h"
#include "ui/har/har_timings_bar.h"
#include "ui/status/status_link.h"
#include "core/text/durations.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace statusscope::ui {

namespace {

QTreeWidget *makeTree(const QStringList &columns, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(columns);
    tree->setRootIsDecorated(true);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    return tree;
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    return item;
}

void addPairs(QTreeWidgetItem *parent, const QList<HarNameValue> &pairs)
{
    for (const HarNameValue &pair : pairs)
        new QTreeWidgetItem(parent, {pair.name, pair.value});
}

void addCookies(QTreeWidgetItem *parent, const QList<HarCookie> &cookies)
{
    for (const HarCookie &cookie : cookies)
        new QTreeWidgetItem(parent, {cookie.name, cookie.value, cookie.domain, cookie.path, cookie.expires});
}

QWidget *bodyPage(QWidget *parent, QStackedWidget **stack, QPlainTextEdit **text, QLabel **image, QLabel **note)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    *note = new QLabel(page);
    *stack = new QStackedWidget(page);
    *text = new QPlainTextEdit(*stack);
    (*text)->setReadOnly(true);
    (*text)->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    (*text)->setLineWrapMode(QPlainTextEdit::NoWrap);
    *image = new QLabel(*stack);
    (*image)->setAlignment(Qt::AlignCenter);
    (*image)->setObjectName(QStringLiteral("harBodyImage"));
    (*stack)->addWidget(*text);
    (*stack)->addWidget(*image);
    layout->addWidget(*note);
    layout->addWidget(*stack, 1);
    return page;
}

} // namespace

HarEntryDetails::HarEntryDetails(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    // The response status as the app's one status link: a click opens its guide.
    m_status = new StatusLinkLabel(this);
    m_status->setObjectName(QStringLiteral("harEntryStatus"));
    m_status->hide();
    connect(m_status, &StatusLinkLabel::statusActivated, this, &HarEntryDetails::statusActivated);
    top->addWidget(m_status);
    m_title = new QLabel(tr("Select an entry to see its details."), this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_actions = new QToolBar(this);
    m_actions->setObjectName(QStringLiteral("harEntryActions"));
    top->addWidget(m_title, 1);
    top->addWidget(m_actions);
    layout->addLayout(top);

    m_tabs = new QTabWidget(this);
    m_headers = makeTree({tr("Name"), tr("Value")}, m_tabs);
    m_query = makeTree({tr("Name"), tr("Value")}, m_tabs);
    m_cookies = makeTree({tr("Name"), tr("Value"), tr("Domain"), tr("Path"), tr("Expires")}, m_tabs);
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_query, tr("Query"));
    m_tabs->addTab(m_cookies, tr("Cookies"));
    m_tabs->addTab(bodyPage(m_tabs, &m_requestStack, &m_requestText, &m_requestImage, &m_requestNote), tr("Request body"));
    m_tabs->addTab(bodyPage(m_tabs, &m_responseStack, &m_responseText, &m_responseImage, &m_responseNote),
                   tr("Response body"));

    auto *timingsPage = new QWidget(m_tabs);
    auto *timingsLayout = new QVBoxLayout(timingsPage);
    m_timings = new HarTimingsBar(timingsPage);
    auto *form = new QFormLayout;
    m_server = new QLabel(timingsPage);
    m_connection = new QLabel(timingsPage);
    m_started = new QLabel(timingsPage);
    m_total = new QLabel(timingsPage);
    for (QLabel *label : {m_server, m_connection, m_started, m_total})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Started:"), m_started);
    form->addRow(tr("Total time:"), m_total);
    form->addRow(tr("Server IP:"), m_server);
    form->addRow(tr("Connection:"), m_connection);
    timingsLayout->addWidget(m_timings);
    timingsLayout->addLayout(form);
    timingsLayout->addStretch(1);
    m_tabs->addTab(timingsPage, tr("Timings"));
    layout->addWidget(m_tabs, 1);
    setEntry(nullptr);
}

void HarEntryDetails::showBody(QStackedWidget *stack, QPlainTextEdit *text, QLabel *image, QLabel *note,
                               const HarBodyView &view)
{
    note->setText(view.note);
    note->setVisible(!view.note.isEmpty());
    if (view.kind == HarBodyKind::Image) {
        QImage picture;
        // SVG named explicitly: exporters indent it, and format sniffing only looks at the
        // first bytes.
        const char *format = view.text.isEmpty() ? nullptr : "svg";
        if (picture.loadFromData(view.bytes, format)) {
            image->setPixmap(QPixmap::fromImage(picture));
            stack->setCurrentWidget(image);
            return;
        }
        // SVG is XML: without Qt's SVG image plugin its source is still worth reading.
        const QString why = view.text.isEmpty() ? tr("this image format cannot be shown")
                                                : tr("SVG shown as source: Qt's SVG image plugin (libqt6svg6) is missing");
        note->setText(view.note.isEmpty() ? why : view.note + QStringLiteral("; ") + why);
        note->setVisible(true);
        if (!view.text.isEmpty()) {
            text->setPlainText(view.text);
            stack->setCurrentWidget(text);
            return;
        }
    }
    text->setPlainText(view.kind == HarBodyKind::Empty ? tr("(no body)") : view.text);
    stack->setCurrentWidget(text);
}

void HarEntryDetails::setEntry(const HarEntry *entry)
{
    m_headers->clear();
    m_query->clear();
    m_cookies->clear();
    // Empty, the pane is one line ("Select an entry…"): the view gives the table the height.
    m_tabs->setVisible(entry != nullptr);
    m_actions->setVisible(entry != nullptr);
    // No response (blocked, failed, aborted) has status 0: nothing to link.
    m_status->setVisible(entry && entry->response.status > 0);
    if (entry && entry->response.status > 0)
        m_status->setStatus(entry->response.status);
    if (!entry) {
        m_title->setText(tr("Select an entry to see its details."));
        m_requestText->clear();
        m_responseText->clear();
        m_timings->setTimings({});
        return;
    }
    const HarRequest &request = entry->request;
    const HarResponse &response = entry->response;
    m_title->setText(QStringLiteral("%1 %2 → %3 %4")
                         .arg(request.method, request.url.left(300))
                         .arg(response.status)
                         .arg(response.statusText));

    auto *general = group(m_headers, tr("General"));
    new QTreeWidgetItem(general, {tr("URL"), request.url});
    new QTreeWidgetItem(general, {tr("Method"), request.method});
    new QTreeWidgetItem(general, {tr("Status"), QStringLiteral("%1 %2").arg(response.status).arg(response.statusText)});
    new QTreeWidgetItem(general, {tr("HTTP version"), request.httpVersion});
    if (!response.redirectUrl.isEmpty())
        new QTreeWidgetItem(general, {tr("Redirect URL"), response.redirectUrl});
    addPairs(group(m_headers, tr("Request headers (%1)").arg(request.headers.size())), request.headers);
    addPairs(group(m_headers, tr("Response headers (%1)").arg(response.headers.size())), response.headers);
    if (!entry->custom.isEmpty()) {
        auto *custom = group(m_headers, tr("Exporter fields"));
        for (const HarCustomField &field : entry->custom)
            new QTreeWidgetItem(custom, {field.name, QString::fromUtf8(field.json.left(2000))});
    }

    for (const HarNameValue &pair : request.queryString)
        new QTreeWidgetItem(m_query, {pair.name, pair.value});
    addCookies(group(m_cookies, tr("Request cookies (%1)").arg(request.cookies.size())), request.cookies);
    addCookies(group(m_cookies, tr("Response cookies (%1)").arg(response.cookies.size())), response.cookies);

    showBody(m_requestStack, m_requestText, m_requestImage, m_requestNote,
             request.postData ? viewRequestBody(*request.postData) : HarBodyView{});
    showBody(m_responseStack, m_responseText, m_responseImage, m_responseNote, viewResponseBody(response.content));

    m_timings->setTimings(entry->timings);
    m_started->setText(entry->startedDateTime);
    m_total->setText(entry->time < 0 ? tr("unknown") : text::exactMs(entry->time, 2));
    m_server->setText(entry->serverIpAddress.isEmpty() ? tr("not recorded") : entry->serverIpAddress);
    m_connection->setText(entry->connection.isEmpty() ? tr("not recorded") : entry->connection);
}

} // namespace statusscope::ui
