#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the automatic checks of a troubleshooting step (DESIGN.md "Understand and fix"):
// resends with one thing changed, a DNS lookup, the certificate chain, the header diff with the
// previous attempt, and the logs filtered to a status. Everything is asynchronous (HttpEngine,
// QHostInfo, QSslSocket signals): the GUI never waits, and cancel() stops any of them.

#include "core/diagnose/troubleshooting_flow.h"
#include "core/http/http_types.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QSslSocket;
class QTimer;

namespace statusscope::http {
class HttpEngine;
}

namespace statusscope::ui {

class NetworkConsent;
struct NetworkRequestSummary;

// What the checks work from: the exchange being diagnosed and, when known, the request that
// produced it (the composer's state; otherwise rebuilt from the exchange, see specFromExchange).
struct CheckContext
{
    http::Exchange exchange;
    std::optional<http::RequestSpec> spec{};
    QString specNote{}; // how the spec was obtained, shown with resend results
    // The status being troubleshot (the flow's), which may differ from the exchange's final one
    // (a 417 retried to a 201); 0: the final status.
    int status = 0;
    // Shows `status` in an open log tab around `at` (when the exchange happened); returns what it
    // found, in words, or empty when no log is open.
    std::function<QString(int status, const QDateTime &at)> openLogs{};
    // The host came from a file (HAR, saved exchange, log), not from the user: every check that
    // would reach it (a resend, a DNS lookup, a TLS handshake) asks `consent` first, and without
    // one it does not run. `origin` says which file, for the question.
    bool hostFromFile = false;
    QString origin{};
    QPointer<NetworkConsent> consent{};
};

struct CheckResult
{
    diagnose::CheckKind kind = diagnose::CheckKind::None;
    bool cancelled = false;
    QString observed; // one line for the run's record: "Resent without Expect: 201 Created"
    QString details;  // several lines: addresses, certificates, a header diff
    std::optional<int> status;  // a resend's final status
    std::optional<bool> passed; // what the check suggests; empty when it cannot tell
    QString suggestedOutcome;   // an outcome id of the step, or empty
    http::Exchange exchange;    // a resend's exchange (for the next comparison)
    bool refused = false;       // the user did not allow contacting the host: nothing was sent
    bool skipped = false;       // the check does not apply (observed says why): neither passed nor failed
    int answeredByAttempt = 0;  // 1-based attempt of the exchange that already answered it, or 0
    http::ErrorKind transportError = http::ErrorKind::None; // a resend that got no status: why
};

// A saved exchange keeps the request's headers and size, not its body: the spec gets the same
// method, URL and headers (minus the ones the engine adds itself) and a body of as many bytes,
// so size-dependent behaviour (Expect, 413) is reproduced. Empty when the exchange has no attempt.
std::optional<http::RequestSpec> specFromExchange(const http::Exchange &exchange, QString *note = nullptr);

// The spec a resend check sends: `base` with one thing changed.
http::RequestSpec specForCheck(diagnose::CheckKind kind, const http::RequestSpec &base);

// The header lists of two attempts side by side: "+ name: value" only in b, "- name: value" only
// in a, request then response.
QString headerDiff(const http::Attempt &a, const http::Attempt &b);

// Picks the step outcome a result points to (by the outcome ids the flows use).
QString suggestOutcome(const diagnose::TroubleshootingStep &step, const CheckResult &result);

class CheckRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckRunner)

public:
    // A smaller body is this much of the original: enough to pass any sane limit, big enough
    // to still be a real upload.
    static constexpr qint64 kSmallerBodyBytes = 64 * 1024;
    // The handshake check gives up after this long (a silent port must not hang the step).
    static constexpr int kHandshakeTimeoutMs = 10000;

    explicit CheckRunner(QObject *parent = nullptr);
    ~CheckRunner() override;

    void setContext(const CheckContext &context) { m_context = context; }
    const CheckContext &context() const { return m_context; }
    // The last resend's exchange: "compare with the previous attempt" compares against it.
    const std::optional<http::Exchange> &lastResend() const { return m_lastResend; }

    bool isRunning() const { return m_running; }
    // True when the exchange itself answers the check (or shows it does not apply): start() then
    // sends nothing and finishes at once.
    bool answersFromEvidence(diagnose::CheckKind kind) const;
    // Starts a check; finished() follows (possibly before start() returns for checks that need
    // nothing from the network). A running check is cancelled first.
    void start(diagnose::CheckKind kind);
    void cancel();

signals:
    void started(statusscope::diagnose::CheckKind kind, const QString &what);
    void finished(const statusscope::ui::CheckResult &result);

private:
    void run(diagnose::CheckKind kind);
    // What a check would send where, when it reaches the network; empty when it does not.
    std::optional<NetworkRequestSummary> networkRequestFor(diagnose::CheckKind kind) const;
    void startResend(diagnose::CheckKind kind);
    void startDns();
    void startCertificates();
    void compareHeaders();
    void openLogs();
    void resendDone();
    void handshakeDone(bool ok);
    void finish(CheckResult result);
    QString host() const;

    CheckContext m_context;
    std::optional<http::Exchange> m_lastResend;
    diagnose::CheckKind m_kind = diagnose::CheckKind::None;
    bool m_running = false;
    int m_lookupId = -1;
    qint64 m_lookupStartMs = 0;
    QPointer<http::HttpEngine> m_engine;
    QPointer<QSslSocket> m_socket;
    QTimer *m_timeout = nullptr;
    quint64 m_generation = 0; // bumped by cancel(): a late consent answer for an old check is ignored
};

} // namespace statusscope::ui
