#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the automatic check of a troubleshooting step and reports its result to the panel
// (DESIGN.md "Understand and fix"). The checks themselves (resends, DNS, certificate chain,
// header comparison, answers from the exchange, the outcome they suggest) live in
// core/diagnose/checks; this asks for consent before a check reaches a host that came from a
// file, opens the logs through the window's hook, and turns results into signals. Nothing
// blocks: cancel() stops any check.

#include "core/diagnose/checks/check_handle.h"
#include "core/diagnose/checks/check_inputs.h"
#include "core/diagnose/checks/outcome_suggestion.h"
#include "core/diagnose/checks/resend_spec.h"
#include "core/diagnose/troubleshooting_flow.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace statusscope::ui {

class NetworkConsent;

using diagnose::CheckResult;
using diagnose::specFromExchange;

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
    // Shows `status` in a log tab around `at` (when the exchange happened) and calls `done` with
    // what it found, in words (ui/diagnose/log_focus.h); without it there is no log to show.
    std::function<void(int status, const QDateTime &at, std::function<void(const QString &found)> done)> openLogs{};
    // The host came from a file (HAR, saved exchange, log), not from the user: every check that
    // would reach it (a resend, a DNS lookup, a TLS handshake) asks `consent` first, and without
    // one it does not run. `origin` says which file, for the question.
    bool hostFromFile = false;
    QString origin{};
    QPointer<NetworkConsent> consent{};
};

class CheckRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckRunner)

public:
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
    void finished(const statusscope::diagnose::CheckResult &result);

private:
    diagnose::CheckInputs inputs() const;
    void run(diagnose::CheckKind kind);
    void openLogs();
    void finish(diagnose::CheckResult result);

    CheckContext m_context;
    std::optional<http::Exchange> m_lastResend;
    diagnose::CheckKind m_kind = diagnose::CheckKind::None;
    bool m_running = false;
    diagnose::CheckHandle m_check;
    quint64 m_generation = 0; // bumped by each start and cancel: a late answer for an old check is ignored
};

} // namespace statusscope::ui
