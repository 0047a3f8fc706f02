// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/http/send_outcome.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace statusscope::test {

SendOutcome runSend(const QStringList &args, int timeoutMs)
{
    SendOutcome o;
    o.process = runCli(QStringList{QStringLiteral("send"), QStringLiteral("--json")} + args, timeoutMs);
    o.json = QJsonDocument::fromJson(o.process.out).object();
    o.attempts = o.json.value(QStringLiteral("attempts")).toArray();
    if (o.attempts.isEmpty())
        return o;
    o.last = o.attempts.last().toObject();
    for (const QJsonValue &v : o.last.value(QStringLiteral("interim")).toArray())
        o.interim.append(v.toObject().value(QStringLiteral("status")).toInt());
    o.finalStatus = o.json.value(QStringLiteral("final_status")).toInt();
    o.bodySent = o.last.value(QStringLiteral("body_sent")).toBool();
    o.bodySentBytes = o.last.value(QStringLiteral("request")).toObject().value(QStringLiteral("body_sent_bytes")).toInteger();
    o.errorKind = o.last.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString();
    return o;
}

QString makeBodyFile(const QString &dir, qint64 bytes)
{
    const QString path = dir + QStringLiteral("/body-%1.bin").arg(bytes);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QByteArray chunk(64 * 1024, Qt::Uninitialized);
        QRandomGenerator rng(42);
        for (qint64 left = bytes; left > 0; left -= chunk.size()) {
            rng.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            f.write(chunk.constData(), qMin<qint64>(left, chunk.size()));
        }
    }
    return path;
}

QString sentHeader(const QJsonObject &attempt, const QString &name)
{
    for (const QJsonValue &h : attempt.value(QStringLiteral("request")).toObject().value(QStringLiteral("headers")).toArray()) {
        const QJsonArray pair = h.toArray();
        if (pair.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            return pair.at(1).toString();
    }
    return {};
}

QStringList eventTypes(const QJsonObject &attempt)
{
    QStringList out;
    for (const QJsonValue &e : attempt.value(QStringLiteral("events")).toArray())
        out << e.toObject().value(QStringLiteral("type")).toString();
    return out;
}

} // namespace statusscope::test
