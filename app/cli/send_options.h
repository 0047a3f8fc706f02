#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
// Command-line options of `statusscope-cli send`, spelled as curl spells them (DESIGN.md).

#include "core/http/http_types.h"

#include <QString>
#include <QStringList>

namespace statusscope::cli {

struct SendOptions
{
    http::RequestSpec spec;
    bool json = false;
    bool help = false;
    QString harFile;
};

struct SendParse
{
    SendOptions options;
    QString error;    // a usage error: what is wrong
    int exitCode = 0; // 2 for usage, 8 for an unreadable file
};

SendParse parseSendOptions(const QStringList &args);
QString sendHelpText();

} // namespace statusscope::cli
