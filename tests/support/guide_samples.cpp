// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/guide_samples.h"

#include "core/guides/guide_parser.h"

#include <gtest/gtest.h>

namespace statusscope::test {

QString sampleGuideText(const SampleGuide &s)
{
    const QString heading = s.statusClass == QLatin1String("transport") ? s.title : s.id + QLatin1Char(' ') + s.title;
    return QStringLiteral(
               "---\n"
               "code: %1\n"
               "title: %2\n"
               "class: %3\n"
               "official: %4\n"
               "registry: %5\n"
               "spec: RFC 9110 §15\n"
               "related: %6\n"
               "aliases: %7\n"
               "senders: origin, proxy\n"
               "---\n"
               "\n"
               "# %8\n"
               "\n"
               "## What it means\n"
               "%9\n"
               "\n"
               "## Why it occurs\n"
               "- a cause specific to %1\n"
               "\n"
               "## Where you'll see it\n"
               "In logs.\n"
               "\n"
               "## Symptoms\n"
               "It fails.\n"
               "\n"
               "## Step-by-step solutions\n"
               "### 1. Look at the request\n"
               "Read it.\n"
               "\n"
               "**Why this works:** it shows the cause.\n"
               "\n"
               "**Expected result:** you see it.\n"
               "\n"
               "## Server-side fixes\n"
               "```nginx\n"
               "## not a heading inside a fence\n"
               "return 200;\n"
               "```\n"
               "\n"
               "## Client-side fixes\n"
               "Use `curl -v`.\n"
               "\n"
               "## Prevention\n"
               "Test.\n"
               "\n"
               "## Real-world scenarios\n"
               "It happened once.\n"
               "\n"
               "## FAQ\n"
               "**Is it bad?**\n"
               "No.\n"
               "\n"
               "## Example response\n"
               "```http\n"
               "HTTP/1.1 %1 %2\n"
               "```\n"
               "\n"
               "## Specification\n"
               "- RFC 9110\n")
        .arg(s.id, s.title, s.statusClass, s.official, s.registry, s.related, s.aliases, heading, s.meaning);
}

SampleGuide sampleFor(const char *id, const char *title, const char *statusClass, const char *meaning,
                      const char *aliases)
{
    SampleGuide s;
    s.id = QString::fromUtf8(id);
    s.title = QString::fromUtf8(title);
    s.statusClass = QString::fromUtf8(statusClass);
    s.meaning = QString::fromUtf8(meaning);
    s.aliases = QString::fromUtf8(aliases);
    if (s.statusClass == QLatin1String("transport")) {
        s.official = QStringLiteral("false");
        s.registry = QStringLiteral("transport");
    }
    return s;
}

Guide sampleGuide(const SampleGuide &sample)
{
    const GuideParseResult result = parseGuide(sampleGuideText(sample), sample.id + QStringLiteral(".md"));
    for (const GuideError &e : result.errors)
        ADD_FAILURE() << "sample guide: " << e.toString().toStdString();
    return result.guide;
}

} // namespace statusscope::test
