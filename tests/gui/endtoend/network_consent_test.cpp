// SPDX-License-Identifier: GPL-3.0-or-later
// Consent before the network: a troubleshooting check that would reach a host from a file (a
// saved exchange, a HAR) asks first, naming the host, the method and the body size, and sends
// nothing until allowed — counted by a loopback server that records every connection. Requests
// the user composed do not ask.

#include "app_harness.h"
#include "core/http_io/exchange_json_reader.h"
#include "tests/support/test_support.h"
#include "ui/diagnose/check_runner.h"
#include "ui/diagnose/network_consent.h"
#include "ui/diagnose/troubleshooting_panel.h"
#include "ui/request_workspace.h"
#include "ui/timeline/timeline_view.h"

#include <QCheckBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::ui;
using statusscope::test::AppHarness;
using statusscope::test::waitUntil;

namespace {

// Counts connections and answers each complete request with 201 (reads the declared body first).
class CountingServer : public QObject
{
public:
    CountingServer()
    {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    QByteArray data = socket->property("buffer").toByteArray() + socket->readAll();
                    socket->setProperty("buffer", data);
                    const qsizetype end = data.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qint64 length = 0;
                    for (const QByteArray &line : data.left(end).split('\n')) {
                        if (line.trimmed().toLower().startsWith("content-length:"))
                            length = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
                    }
                    if (data.size() - end - 4 >= length && !socket->property("answered").toBool()) {
                        socket->setProperty("answered", true);
                        socket->write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                        socket->disconnectFromHost();
                    }
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    int connections = 0;

private:
    QTcpServer m_server;
};

// The saved 417 exchange, its host moved to the counting server.
QString savedExchangeFor(const AppHarness &app, quint16 port)
{
    QFile source(test::fixturePath(QStringLiteral("diagnose/expect-417-retried.json")));
    EXPECT_TRUE(source.open(QIODevice::ReadOnly));
    QByteArray json = source.readAll();
    json.replace("upload.test:8080", "127.0.0.1:" + QByteArray::number(port));
    json.replace("\"upload.test\"", "\"127.0.0.1\"");
    const QString path = app.tempPath(QStringLiteral("upload-417.json"));
    QFile out(path);
    EXPECT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(json);
    return path;
}

CheckContext fileContext(const QString &path, NetworkConsent *consent)
{
    const http::ExchangeReadResult read = http::readExchangeFile(path);
    EXPECT_TRUE(read.ok()) << read.describe().toStdString();
    CheckContext context;
    context.exchange = read.exchange;
    context.spec = specFromExchange(context.exchange);
    context.hostFromFile = true;
    context.origin = QStringLiteral("the saved exchange upload-417.json");
    context.consent = consent;
    return context;
}

QMessageBox *waitForQuestion(NetworkConsent &consent)
{
    waitUntil([&consent] { return consent.pendingQuestion() && consent.pendingQuestion()->isVisible(); }, 5000);
    return consent.pendingQuestion();
}

void answer(QMessageBox *box, const char *button, bool remember)
{
    box->findChild<QCheckBox *>(QStringLiteral("networkConsentRemember"))->setChecked(remember);
    box->findChild<QPushButton *>(QString::fromLatin1(button))->click();
}

// The app, the counting server, the consent and a check runner whose result the test reads.
class ConsentCheck : public ::testing::Test
{
protected:
    ConsentCheck()
    {
        QObject::connect(&runner, &CheckRunner::finished, &runner, [this](const CheckResult &r) { result = r; });
    }

    AppHarness app;
    CountingServer server;
    NetworkConsent consent{app.window()};
    CheckRunner runner;
    std::optional<CheckResult> result;
};

} // namespace

TEST_F(ConsentCheck, NothingIsSentBeforeConsentNorAfterRefusal)
{
    runner.setContext(fileContext(savedExchangeFor(app, server.port()), &consent));

    runner.start(diagnose::CheckKind::ResendHttp10);
    QMessageBox *box = waitForQuestion(consent);
    ASSERT_NE(box, nullptr) << "a resend to a host from a file must ask first";
    EXPECT_TRUE(box->text().contains(QStringLiteral("127.0.0.1"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("PUT"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QLocale().toString(qint64(2097152)))) << "body size: " << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("upload-417.json"))) << "where the host came from";
    QTest::qWait(300);
    EXPECT_EQ(server.connections, 0) << "connected before the user answered";
    EXPECT_FALSE(result.has_value());

    answer(box, "networkConsentRefuse", false);
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }));
    EXPECT_TRUE(result->refused());
    EXPECT_FALSE(result->passed.has_value()) << "a refused check is neither passed nor failed";
    EXPECT_TRUE(result->observed.contains(QStringLiteral("nothing was sent"))) << result->observed.toStdString();
    QTest::qWait(300);
    EXPECT_EQ(server.connections, 0) << "connected after the user refused";

    // Not remembered: the next check asks again; allowed, it reaches the server.
    result.reset();
    runner.start(diagnose::CheckKind::ResendHttp10);
    box = waitForQuestion(consent);
    ASSERT_NE(box, nullptr) << "a refusal that was not remembered must ask again";
    answer(box, "networkConsentAllow", true);
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }, 30000));
    EXPECT_FALSE(result->refused());
    EXPECT_EQ(result->status, 201) << result->observed.toStdString();
    EXPECT_EQ(server.connections, 1);

    // Remembered for the host: no question, straight to the server.
    result.reset();
    runner.start(diagnose::CheckKind::ResendHttp10);
    QCoreApplication::processEvents();
    EXPECT_EQ(consent.pendingQuestion(), nullptr) << "the remembered answer should not ask again";
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }, 30000));
    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(server.connections, 2);
}

TEST_F(ConsentCheck, RememberedRefusalSendsNothingAndDnsAndTlsAskToo)
{
    runner.setContext(fileContext(savedExchangeFor(app, server.port()), &consent));

    // The TLS check names the port and says no HTTP request goes out.
    runner.start(diagnose::CheckKind::ShowCertificateChain);
    QMessageBox *box = waitForQuestion(consent);
    ASSERT_NE(box, nullptr) << "a TLS handshake with a host from a file must ask first";
    EXPECT_TRUE(box->text().contains(QStringLiteral("TLS"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QString::number(server.port()))) << box->text().toStdString();
    answer(box, "networkConsentRefuse", true);
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }));
    EXPECT_TRUE(result->refused());

    for (const diagnose::CheckKind kind : {diagnose::CheckKind::ResendSmallerBody, diagnose::CheckKind::ResendWithExpect,
                                           diagnose::CheckKind::ShowCertificateChain}) {
        result.reset();
        runner.start(kind);
        ASSERT_TRUE(waitUntil([this] { return result.has_value(); }, 5000));
        EXPECT_EQ(consent.pendingQuestion(), nullptr);
        EXPECT_TRUE(result->refused()) << result->observed.toStdString();
    }
    QTest::qWait(300);
    EXPECT_EQ(server.connections, 0);
    EXPECT_EQ(consent.remembered(QStringLiteral("127.0.0.1")), NetworkConsent::Answer::Refused);

    // A lookup the exchange does not answer (no DNS events recorded) asks too.
    NetworkConsent fresh(app.window());
    CheckContext noEvents = runner.context();
    for (http::Attempt &a : noEvents.exchange.attempts)
        a.events.clear();
    noEvents.consent = &fresh;
    runner.setContext(noEvents);
    result.reset();
    runner.start(diagnose::CheckKind::DnsLookup);
    box = waitForQuestion(fresh);
    ASSERT_NE(box, nullptr) << "a DNS lookup of a host from a file must ask first";
    EXPECT_TRUE(box->text().contains(QStringLiteral("look up"))) << box->text().toStdString();
    answer(box, "networkConsentRefuse", false);
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }));
    EXPECT_TRUE(result->refused());
}

TEST_F(ConsentCheck, ComposedRequestsDoNotAsk)
{
    CheckContext context = fileContext(savedExchangeFor(app, server.port()), &consent);
    context.hostFromFile = false; // the user typed this request
    runner.setContext(context);
    runner.start(diagnose::CheckKind::ResendHttp10);
    ASSERT_TRUE(waitUntil([this] { return result.has_value(); }, 30000));
    EXPECT_EQ(consent.pendingQuestion(), nullptr);
    EXPECT_EQ(result->status, 201);
    EXPECT_EQ(server.connections, 1);
}

TEST(NetworkConsent, TheAppAsksForSavedExchangesAndHarEntries)
{
    AppHarness app;
    CountingServer server;
    auto *view = qobject_cast<TimelineView *>(app.window()->openFile(savedExchangeFor(app, server.port())));
    ASSERT_NE(view, nullptr);
    view->requestTroubleshooting();
    auto *panel = qobject_cast<TroubleshootingPanel *>(app.window()->documents()->currentWidget());
    ASSERT_NE(panel, nullptr);
    const CheckContext &context = panel->checkRunner()->context();
    EXPECT_TRUE(context.hostFromFile);
    EXPECT_EQ(context.consent.data(), app.wiring()->workspace()->networkConsent());
    EXPECT_TRUE(context.origin.contains(QStringLiteral("upload-417.json"))) << context.origin.toStdString();
}
