// statusscope-cli diagnose FILE [--json]: the diagnosis rules of core/diagnose over a saved
// exchange (`send --json` output) or a HAR file (DESIGN.md).
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/cli_io.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/har_rules.h"
#include "core/files/file_kind.h"
#include "core/har/har_reader.h"
#include "core/http_io/exchange_json_reader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace statusscope::cli {

namespace {

using diagnose::Finding;
using diagnose::Findings;

// Enough to skip leading white space before the first JSON token.
constexpr qint64 kJsonPeekBytes = 4096;

QJsonValue indexOrNull(const std::optional<int> &index)
{
    return index ? QJsonValue(*index) : QJsonValue(QJsonValue::Null);
}

QByteArray toJson(const QString &file, const QString &kind, const Findings &findings)
{
    QJsonArray list;
    for (const Finding &f : findings) {
        list.append(QJsonObject{{QStringLiteral("rule"), f.rule},
                                {QStringLiteral("severity"), toString(f.severity)},
                                {QStringLiteral("title"), f.title},
                                {QStringLiteral("explanation"), f.explanation},
                                {QStringLiteral("cause"), f.cause},
                                {QStringLiteral("fix"), f.fix},
                                {QStringLiteral("guide"), f.guide},
                                {QStringLiteral("attempt"), indexOrNull(f.attempt)},
                                {QStringLiteral("event"), indexOrNull(f.event)},
                                {QStringLiteral("entry"), indexOrNull(f.entry)}});
    }
    const QJsonObject root{{QStringLiteral("file"), file},
                           {QStringLiteral("kind"), kind},
                           {QStringLiteral("findings"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString toText(const QString &file, const QString &kind, const Findings &findings)
{
    QString out = QStringLiteral("%1 (%2): ").arg(file, kind);
    if (findings.isEmpty())
        return out + QStringLiteral("no findings\n");
    out += findings.size() == 1 ? QStringLiteral("1 finding\n")
                                : QStringLiteral("%1 findings\n").arg(findings.size());
    for (const Finding &f : findings) {
        out += QStringLiteral("\n[%1] %2: %3\n").arg(toString(f.severity), f.rule, f.title);
        QStringList where;
        if (f.attempt)
            where << QStringLiteral("attempt %1").arg(*f.attempt + 1);
        if (f.event)
            where << QStringLiteral("event %1").arg(*f.event + 1);
        if (f.entry)
            where << QStringLiteral("entry %1").arg(*f.entry + 1);
        if (!where.isEmpty())
            out += QStringLiteral("  Where: %1\n").arg(where.join(QStringLiteral(", ")));
        out += QStringLiteral("  Seen:  %1\n").arg(f.explanation);
        out += QStringLiteral("  Cause: %1\n").arg(f.cause);
        out += QStringLiteral("  Fix:   %1\n").arg(f.fix);
        out += QStringLiteral("  Guide: statusscope-cli guide %1\n").arg(f.guide);
    }
    return out;
}

bool startsWithJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    for (char c : file.read(kJsonPeekBytes)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '{';
    }
    return false;
}

int readAndDiagnose(const QString &path, FileKind kind, QString *kindName, Findings *findings)
{
    if (kind == FileKind::Har) {
        *kindName = QStringLiteral("har");
        HarReadOptions options;
        options.keepBodies = false; // the rules read statuses, headers and timings only
        const HarReadResult result = readHarFile(path, options);
        switch (result.error.status) {
        case HarReadStatus::Ok:
            *findings = diagnose::diagnoseHar(result.log);
            return kExitOk;
        case HarReadStatus::FileError:
            return usageError(QStringLiteral("%1: cannot read: %2").arg(path, result.error.describe()), kExitFile);
        case HarReadStatus::NotJson:
        case HarReadStatus::NotHar:
            return usageError(QStringLiteral("%1: not a HAR: %2").arg(path, result.error.describe()), kExitProtocol);
        case HarReadStatus::Cancelled:
            break;
        }
        return usageError(QStringLiteral("%1: cancelled").arg(path), kExitFailure);
    }
    *kindName = QStringLiteral("exchange");
    const http::ExchangeReadResult result = http::readExchangeFile(path);
    switch (result.status) {
    case http::ExchangeReadStatus::Ok:
        // Parts a newer writer added (an event type this build does not know) are skipped, as
        // the GUI does; stderr says so, stdout keeps its contract.
        for (const QString &warning : result.warnings)
            writeErr(QStringLiteral("statusscope-cli: warning: %1: %2\n").arg(path, warning));
        *findings = diagnose::diagnoseExchange(result.exchange);
        return kExitOk;
    case http::ExchangeReadStatus::FileError:
        return usageError(QStringLiteral("%1: %2").arg(path, result.describe()), kExitFile);
    case http::ExchangeReadStatus::NotJson:
    case http::ExchangeReadStatus::NotExchange:
        break;
    }
    return usageError(QStringLiteral("%1: not a saved exchange: %2").arg(path, result.describe()), kExitProtocol);
}

const char kDiagnoseHelp[] = "Usage: statusscope-cli diagnose FILE [--json]\n"
                             "Runs the diagnosis rules on a saved exchange (send --json output) or a HAR file.\n"
                             "Exit status: 0 diagnosed (with or without findings), 7 unparseable file,\n"
                             "8 unreadable file, 2 usage error.\n";

} // namespace

int runDiagnose(const QStringList &args)
{
    const FileCommandArgs parsed =
        parseFileCommandArgs(QStringLiteral("diagnose"), args, QString::fromUtf8(kDiagnoseHelp), false);
    if (parsed.exitCode)
        return *parsed.exitCode;
    const QString &path = parsed.path;

    const FileProbe probe = probeFile(path);
    if (!probe.error.isEmpty())
        return usageError(QStringLiteral("%1: cannot read: %2").arg(path, probe.error), kExitFile);
    FileKind fileKind = probe.kind;
    if (fileKind != FileKind::Har && fileKind != FileKind::ExchangeJson) {
        // probeFile reads 64 KiB, and `send --json` writes "attempts" before "final_status"
        // (sorted keys): a long redirect chain is only recognised by reading the whole object.
        if (!startsWithJsonObject(path))
            return usageError(QStringLiteral("%1: not a saved exchange or a HAR file (looks like: %2)")
                                  .arg(path, toString(probe.kind)),
                              kExitProtocol);
        fileKind = FileKind::ExchangeJson;
    }
    QString kind;
    Findings findings;
    if (const int rc = readAndDiagnose(path, fileKind, &kind, &findings); rc != kExitOk)
        return rc;
    if (parsed.json)
        writeOut(toJson(path, kind, findings));
    else
        writeOut(toText(QFileInfo(path).fileName(), kind, findings));
    return kExitOk;
}

} // namespace statusscope::cli
