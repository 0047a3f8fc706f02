// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A guide's `console cli=SCENARIO` block read as a terminal transcript (FORMAT.md "Output
// blocks"): `$ ` lines are commands, the lines after each are what it printed (stdout and
// stderr as a terminal shows them). The commands run for real with bash, in a fresh folder,
// with this build's statusscope-cli first on PATH; the transcript they produce is compared
// with the block, byte for byte after the one documented substitution (the loopback port).

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace statusscope::test {

struct TranscriptStep
{
    QString command;     // as shown, without "$ "
    QStringList output;  // the lines shown after it
};

struct Transcript
{
    QList<TranscriptStep> steps;
    QString error; // not a transcript (output before the first command, no command at all)
};

Transcript parseTranscript(const QString &blockText);

// The loopback port the commands name (127.0.0.1:N, localhost:N, [::1]:N), 0 when none;
// `error` when they name more than one.
quint16 shownLoopbackPort(const Transcript &t, QString *error);

// The block's port stands for the scenario's real one: commands run with the real port, and
// the real port in the output is written back as the block's.
struct PortSubstitution
{
    quint16 shown = 0;
    quint16 real = 0;
};
QString commandToRun(const QString &command, const PortSubstitution &port);
QString outputAsShown(const QString &output, const PortSubstitution &port);

// Runs every command in `workDir` and returns the transcript as it really came out, in the
// block's own form ("$ command\noutput…"), ready to compare with the block's text.
QString runTranscript(const Transcript &t, const QString &workDir, const PortSubstitution &port);

// Empty when equal; otherwise the first differing line of each and the whole real transcript,
// so the guide author can see what the CLI printed.
QString transcriptMismatch(const QString &shown, const QString &real);

} // namespace statusscope::test
