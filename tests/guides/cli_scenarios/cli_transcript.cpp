// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/guides/cli_scenarios/cli_transcript.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

namespace statusscope::test {

namespace {

const QString kPrompt = QStringLiteral("$ ");

const QRegularExpression &loopbackAuthority()
{
    static const QRegularExpression re(QStringLiteral("\\b(127\\.0\\.0\\.1|localhost|\\[::1\\]):(\\d{1,5})\\b"));
    return re;
}

// The CLI names a port as "host:PORT" and in "port PORT" (connect errors).
QRegularExpression portInOutput(quint16 port)
{
    return QRegularExpression(QStringLiteral("(?<=:|port )%1\\b").arg(port));
}

QProcessEnvironment cliEnvironment()
{
    // The reader's shell: this build's CLI first on PATH, an English UTF-8 locale, and no
    // proxy settings inherited from the machine that runs the tests.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QFileInfo cli(QStringLiteral(STATUSSCOPE_CLI_PATH));
    env.insert(QStringLiteral("PATH"), cli.absolutePath() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"})
        env.remove(QString::fromLatin1(name));
    return env;
}

} // namespace

Transcript parseTranscript(const QString &blockText)
{
    Transcript t;
    QStringList lines = blockText.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(kPrompt)) {
            QString command = line.mid(kPrompt.size());
            // A command continued with a trailing backslash, as a shell reads it.
            while (command.endsWith(QLatin1Char('\\')) && i + 1 < lines.size())
                command += QLatin1Char('\n') + lines.at(++i);
            t.steps.append({command, {}});
        } else if (t.steps.isEmpty()) {
            t.error = QStringLiteral("line %1 comes before the first \"$ \" command: a cli= block is a transcript").arg(i + 1);
            return t;
        } else {
            t.steps.last().output << line;
        }
    }
    if (t.steps.isEmpty())
        t.error = QStringLiteral("no \"$ \" command: a cli= block is a transcript");
    return t;
}

quint16 shownLoopbackPort(const Transcript &t, QString *error)
{
    QSet<quint16> ports;
    for (const TranscriptStep &s : t.steps) {
        for (auto it = loopbackAuthority().globalMatch(s.command); it.hasNext();)
            ports.insert(it.next().captured(2).toUShort());
    }
    if (ports.size() > 1) {
        *error = QStringLiteral("the commands name %1 loopback ports; a scenario provides one").arg(ports.size());
        return 0;
    }
    return ports.isEmpty() ? 0 : *ports.cbegin();
}

QString commandToRun(const QString &command, const PortSubstitution &port)
{
    if (port.shown == 0)
        return command;
    QString out = command;
    out.replace(loopbackAuthority(), QStringLiteral("\\1:%1").arg(port.real));
    return out;
}

QString outputAsShown(const QString &output, const PortSubstitution &port)
{
    if (port.shown == 0 || port.shown == port.real)
        return output;
    QString out = output;
    out.replace(portInOutput(port.real), QString::number(port.shown));
    return out;
}

QString runTranscript(const Transcript &t, const QString &workDir, const PortSubstitution &port)
{
    QString real;
    for (const TranscriptStep &s : t.steps) {
        real += kPrompt + s.command + QLatin1Char('\n');
        QProcess bash;
        bash.setWorkingDirectory(workDir);
        bash.setProcessEnvironment(cliEnvironment());
        bash.setProcessChannelMode(QProcess::MergedChannels);
        bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), commandToRun(s.command, port)});
        bash.closeWriteChannel();
        if (!bash.waitForFinished(60000)) {
            bash.kill();
            bash.waitForFinished(5000);
            real += QStringLiteral("[the command did not finish within 60 s]\n");
            break;
        }
        real += outputAsShown(QString::fromUtf8(bash.readAll()), port);
    }
    return real;
}

QString transcriptMismatch(const QString &shown, const QString &real)
{
    const auto lines = [](const QString &text) {
        QStringList l = text.split(QLatin1Char('\n'));
        if (!l.isEmpty() && l.last().isEmpty())
            l.removeLast();
        return l;
    };
    const QStringList a = lines(shown);
    const QStringList b = lines(real);
    if (a == b)
        return {};
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a.at(i) == b.at(i))
        ++i;
    const QString none = QStringLiteral("(nothing)");
    return QStringLiteral("line %1 of the block differs\n  block: %2\n  real:  %3\nthe real transcript:\n%4")
        .arg(i + 1)
        .arg(i < a.size() ? a.at(i) : none, i < b.size() ? b.at(i) : none, b.join(QLatin1Char('\n')));
}

} // namespace statusscope::test
