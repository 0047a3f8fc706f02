// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real situations behind the guides' `cli=SCENARIO` blocks (FORMAT.md "Output blocks").
// A scenario sets the situation up — a real nginx with a test certificate, a scripted server
// that resets, a listener with a full accept queue — and the block's own commands then run
// against it; the scenario never decides what the CLI is asked.

#include <QString>

#include <memory>
#include <vector>

namespace statusscope::test {

struct Situation
{
    quint16 port = 0;  // the server the block's loopback port stands for; 0 when it names none
    QString error;     // the setup failed: the block cannot be checked
    std::vector<std::shared_ptr<void>> alive; // servers and listeners, stopped when it goes
};

struct CliScenario
{
    const char *name;
    const char *situation; // what it sets up, in words, for failure messages
    // Sets the situation up; files the commands read (a CA certificate) go into workDir.
    Situation (*setUp)(const QString &workDir);
};

const std::vector<CliScenario> &cliScenarios();
const CliScenario *findCliScenario(const QString &name);

} // namespace statusscope::test
