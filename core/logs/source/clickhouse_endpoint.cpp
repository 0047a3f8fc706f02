// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_endpoint.h"

#include <QUrl>

namespace statusscope::logs {

bool isPlainIdentifier(const QString &name)
{
    if (name.isEmpty() || name.size() > 200 || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

bool isClickHouseUrl(const QString &text)
{
    return text.startsWith(QLatin1String("clickhouse://")) || text.startsWith(QLatin1String("clickhouses://"));
}

QString ClickHouseEndpoint::display() const
{
    const bool v6 = host.contains(QLatin1Char(':'));
    return QStringLiteral("%1://%2@%3:%4/%5")
        .arg(https ? QStringLiteral("clickhouses") : QStringLiteral("clickhouse"), user,
             v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host)
        .arg(port)
        .arg(dbTable());
}

QString ClickHouseEndpoint::qualified(const QString &tableName) const
{
    return QStringLiteral("`%1`.`%2`").arg(database, tableName);
}

bool parseClickHouseUrl(const QString &text, ClickHouseEndpoint &out, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("bad ClickHouse URL '%1': %2 (clickhouse://USER@HOST:PORT/DB.TABLE)").arg(text, why);
        return false;
    };
    if (!isClickHouseUrl(text))
        return fail(QStringLiteral("it must start with clickhouse:// or clickhouses://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(QStringLiteral("no host"));
    if (!url.password().isEmpty())
        return fail(QStringLiteral("no password in the URL; use --password-file or CLICKHOUSE_PASSWORD"));
    ClickHouseEndpoint endpoint;
    endpoint.https = url.scheme() == QLatin1String("clickhouses");
    endpoint.host = url.host();
    endpoint.port = quint16(url.port(endpoint.https ? 8443 : 8123));
    if (!url.userName().isEmpty())
        endpoint.user = url.userName();
    QString path = url.path();
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    const QStringList parts = path.split(QLatin1Char('.'));
    if (path.isEmpty() || parts.size() > 2)
        return fail(QStringLiteral("give the table as /TABLE or /DB.TABLE"));
    if (parts.size() == 2)
        endpoint.database = parts[0];
    endpoint.table = parts.back();
    if (!isPlainIdentifier(endpoint.database) || !isPlainIdentifier(endpoint.table))
        return fail(QStringLiteral("database and table names are letters, digits and _"));
    out = endpoint;
    return true;
}

} // namespace statusscope::logs
