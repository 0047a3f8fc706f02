// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The log sources a user opened last, newest first, each with the columns they chose in the
// mapper, so File › Open Log Source… starts where they left off. Kept in the window's
// QSettings under "logSources"; a URL here never holds a password (that goes to the keychain).

#include "core/logs/source/clickhouse_columns.h"

#include <QMap>
#include <QString>
#include <QStringList>

class QSettings;

namespace statusscope::ui {

class RecentSources
{
public:
    static constexpr int kMaxSources = 8;

    explicit RecentSources(QSettings *settings);

    QStringList urls() const;
    // The columns chosen for `url` the last time it was opened; empty: the guess.
    QMap<logs::ColumnRole, QString> columns(const QString &url) const;
    // Puts `url` first (dropping the oldest beyond kMaxSources) with its column choices.
    void remember(const QString &url, const QMap<logs::ColumnRole, QString> &columns);

private:
    struct Entry
    {
        QString url;
        QMap<logs::ColumnRole, QString> columns;
    };
    QList<Entry> read() const;

    QSettings *m_settings;
};

} // namespace statusscope::ui
