// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The snippet checker of resources/guides/FORMAT.md "Checked blocks": every fenced block of every
// guide goes through the real tool for its language, placed the way its attributes say.

#include "core/guides/guide.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace statusscope::test {

// One block to check, with where it is for messages.
struct GuideBlock
{
    QString file; // "resources/guides/417.md"
    GuideCodeBlock block;
};

// Every code block of every guide in the source tree (not the compiled copy), so a test run
// after editing a guide checks the edit without a rebuild. Load errors go to `errors`.
QList<GuideBlock> allGuideBlocks(QStringList *errors);
// The guides themselves, same source.
QList<Guide> allGuides(QStringList *errors);

enum class Verdict { Passed, Failed };

struct CheckOutcome
{
    Verdict verdict = Verdict::Passed;
    QString tool;    // "nginx -t", the tool that judged the block
    QString message; // the tool's own words, file names mapped to guide lines
};

// The checker for a language ("nginx", "python"…), or nullptr when the language has none.
using Checker = CheckOutcome (*)(const GuideBlock &);
Checker checkerFor(const QString &language);
// The name the counts are reported under ("bash" and "sh" share "shell").
QString checkerName(const QString &language);
// Languages that are listed, with a count, as not checkable here (FORMAT.md).
bool isUncheckedLanguage(const QString &language);
// Output samples (text, console) that are counted and not run.
bool isOutputSample(const QString &language);

// The block as the tool sees it: the wrapper (wrap=) with the block in it, or the block alone;
// prefixLines is how many lines precede the block's first line.
struct Wrapped
{
    QString text;
    int prefixLines = 0;
    QString error; // the wrapper is missing or has no @@SNIPPET@@ line
};
Wrapped applyWrapper(const GuideBlock &b);

// Guide files still being fixed on other branches (tests/guides/pending.txt): their failures
// are counted and written to the failure files but do not fail the test. The list only
// shrinks; it ends empty.
bool isPending(const QString &file);

// The failure line for reports: "resources/guides/417.md:120: [nginx] nginx -t: message".
QString describeFailure(const GuideBlock &b, const CheckOutcome &outcome);

} // namespace statusscope::test
