// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a ClickHouse log table is: `clickhouse://USER@HOST:PORT/DB.TABLE` (HTTP interface) or
// `clickhouses://…` (HTTPS). The password never appears in the URL StatusScope shows or
// stores; it comes from --password-file, CLICKHOUSE_PASSWORD or the keychain.

#include <QString>

namespace statusscope::logs {

struct ClickHouseEndpoint
{
    bool https = false;
    QString host;
    quint16 port = 8123;
    QString user = QStringLiteral("default");
    QString password;
    QString database = QStringLiteral("default");
    QString table;

    // The URL as the user wrote it, without a password: how messages name the source.
    QString display() const;
    // `db`.`table` (names are checked to be plain identifiers, so quoting is enough).
    QString qualified(const QString &tableName) const;
    QString qualifiedTable() const { return qualified(table); }
    QString dbTable() const { return database + QLatin1Char('.') + table; }
};

// True for a `clickhouse://` or `clickhouses://` URL with a table; `error` says what is wrong.
// The user defaults to "default", the port to 8123 (8443 for clickhouses), the database to
// "default". A password inside the URL is refused: it would end up in shell history.
bool parseClickHouseUrl(const QString &text, ClickHouseEndpoint &out, QString *error);
bool isClickHouseUrl(const QString &text);

// Letters, digits and '_', not starting with a digit: the names StatusScope accepts for
// databases, tables and columns.
bool isPlainIdentifier(const QString &name);

} // namespace statusscope::logs
