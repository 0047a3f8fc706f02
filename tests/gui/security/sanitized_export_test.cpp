// SPDX-License-Identifier: GPL-3.0-or-later
// Security: exports from the GUI are sanitized by default (Save Exchange As… as JSON
// or HAR), with an explicit way to keep secrets; the history panel removes secrets from every
// saved exchange.
#include "core/history/history_store.h"
#include "core/http/exchange_json.h"
#include "ui/history/history_panel.h"
#include "ui/main_window.h"
#include "ui/request_workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QTreeWidget>
#include <QTemporaryDir>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

http::Exchange exchangeWithSecrets()
{
    http::Exchange x;
    x.url = QUrl(QStringLiteral("https://api.example/v1?api_key=k3y&page=2"));
    x.startedAt = QDateTime::currentDateTimeUtc();
    http::Attempt a;
    a.url = x.url;
    a.request.method = "GET";
    a.request.target = "/v1?api_key=k3y&page=2";
    a.request.headers = {{"Host", "api.example"}, {"Authorization", "Bearer t0ken-value"}, {"Cookie", "sid=s3ssion"}};
    a.events.append({http::EventType::ConnectStart, 0, {}, 0, -1});
    http::Response r;
    r.status = 200;
    r.reason = "OK";
    r.headers = {{"Set-Cookie", "sid=n3w; HttpOnly"}, {"Content-Type", "text/plain"}};
    r.bodyComplete = true;
    a.response = r;
    a.events.append({http::EventType::ResponseHeaders, 1000000, {}, 200, -1});
    x.attempts.append(a);
    return x;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(SanitizedExport, SaveExchangeRedactsByDefaultAndKeepsSecretsOnlyWhenAsked)
{
    QTemporaryDir dir;
    ui::MainWindow window;
    ui::RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.sqlite")));
    const http::Exchange x = exchangeWithSecrets();
    for (const QString &name : {QStringLiteral("x.json"), QStringLiteral("x.har")}) {
        const QString path = dir.filePath(name);
        QString error;
        ASSERT_TRUE(workspace.saveExchange(x, path, &error)) << error.toStdString();
        const QByteArray saved = readAll(path);
        for (const char *secret : {"t0ken-value", "s3ssion", "n3w", "k3y"})
            EXPECT_FALSE(saved.contains(secret)) << name.toStdString() << " leaks " << secret << " in: "
                                                 << saved.mid(qMax<qsizetype>(0, saved.indexOf(secret) - 120), 200).toStdString();
        EXPECT_TRUE(saved.contains("REDACTED")) << name.toStdString();
        EXPECT_TRUE(saved.contains("page=2")) << name.toStdString();

        const QString kept = dir.filePath(QStringLiteral("kept-") + name);
        ASSERT_TRUE(workspace.saveExchange(x, kept, &error, true)) << error.toStdString();
        EXPECT_TRUE(readAll(kept).contains("t0ken-value")) << name.toStdString();
    }
}

TEST(SanitizedExport, HistoryPanelRemovesSecretsFromEverySavedExchange)
{
    QTemporaryDir dir;
    ui::MainWindow window;
    ui::RequestWorkspace workspace(&window, dir.filePath(QStringLiteral("history.sqlite")));
    HistoryStore *store = workspace.history();
    ASSERT_NE(store, nullptr);
    HistoryEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.method = QStringLiteral("GET");
    e.url = QStringLiteral("https://api.example/v1?api_key=k3y&page=2");
    e.finalStatus = 200;
    e.exchangeJson = QJsonDocument(http::exchangeToJson(exchangeWithSecrets())).toJson();
    const qint64 id = store->add(e);
    ASSERT_GT(id, 0);
    ui::HistoryPanel *panel = workspace.historyPanel();
    ASSERT_NE(panel, nullptr);
    const auto *button = panel->findChild<QToolButton *>(QStringLiteral("historyRemoveSecrets"));
    ASSERT_NE(button, nullptr);
    panel->refresh();
    EXPECT_TRUE(button->isEnabled());
    EXPECT_GE(panel->removeSecrets(), 5);
    const QByteArray after = store->load(id)->exchangeJson;
    for (const char *secret : {"t0ken-value", "s3ssion", "n3w", "k3y"})
        EXPECT_FALSE(after.contains(secret)) << "history still holds " << secret;
    EXPECT_EQ(panel->list()->topLevelItem(0)->text(ui::HistoryPanel::UrlColumn),
              QStringLiteral("https://api.example/v1?api_key=REDACTED&page=2"));
}

} // namespace
