// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/guides/guide.h"

#include <QString>

namespace statusscope::test {

// A small, valid guide in the format of resources/guides/FORMAT.md, for tests that need guides
// independent of the real content.
struct SampleGuide
{
    QString id = QStringLiteral("417");
    QString title = QStringLiteral("Expectation Failed");
    QString statusClass = QStringLiteral("4xx");
    QString official = QStringLiteral("true");
    QString registry = QStringLiteral("iana");
    QString related;
    QString aliases = QStringLiteral("Expect header rejected");
    QString meaning = QStringLiteral("The server could not meet the Expect header.");
};

// A sample for another code; transport ids get the transport registry.
SampleGuide sampleFor(const char *id, const char *title, const char *statusClass, const char *meaning,
                      const char *aliases = "");

QString sampleGuideText(const SampleGuide &sample = {});
// Parses sampleGuideText(sample); fails the calling test (ADD_FAILURE) on any error.
Guide sampleGuide(const SampleGuide &sample = {});

} // namespace statusscope::test
