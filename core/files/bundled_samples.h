// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/files/file_kind.h"

#include <QList>
#include <QString>

namespace statusscope {

// The sample files StatusScope ships (resources/samples), so a first run has something real to
// open: a HAR page load, an access log with an error burst, a saved 417 exchange.
struct BundledSample
{
    QString fileName; // as in resources/samples
    FileKind kind = FileKind::Unknown;
    QString path; // absolute; empty when the samples folder was not found
};

// Where the samples folder is, tried in order: `share/statusscope/samples` beside the
// program's `bin/` (every installed layout: .deb, .rpm, .tar.gz, NSIS), then a build tree's
// `resources/samples` above the program. `programDir` is QCoreApplication::applicationDirPath()
// in the app; tests pass their own. Empty when none holds the samples.
QString bundledSamplesDir(const QString &programDir);

// The three samples in the order the start page lists them, with their paths under `dir`.
QList<BundledSample> bundledSamples(const QString &dir);

} // namespace statusscope
