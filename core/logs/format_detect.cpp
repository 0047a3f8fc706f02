// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/format_detect.h"

#include "core/logs/json_line_parser.h"
#include "core/logs/line_wrapper.h"
#include "core/logs/multi_format_parser.h"
#include "core/logs/pattern_parser.h"
#include "core/logs/token_parsers.h"
#include "core/logs/w3c_parser.h"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

namespace statusscope::logs {

namespace {

// Lines looked at from the start of a file, and from its middle and its end: enough to see
// past a few odd ones at the top and to catch a config change, few enough to stay cheap.
constexpr int kMaxHeadLines = 200;
constexpr int kMaxTailLines = 100;
// Lines a second format must read in the sample before the file counts as changing format:
// one odd line is noise, two of the same other format are a pattern.
constexpr int kMinFormatChangeLines = 2;
constexpr int kMaxExtraFormats = 2;

struct Candidate
{
    QString name;
    std::unique_ptr<LineParser> parser;
};

void addPatterns(std::vector<Candidate> &out, const QString &name)
{
    for (const QString &format : builtinPatternFormats(name)) {
        CompiledPattern compiled = compileServerLogFormat(format);
        auto parser = std::make_unique<PatternParser>(name, std::move(compiled.items));
        parser->setAllowExtraFields(builtinAllowsExtraFields(name));
        out.push_back({name, std::move(parser)});
    }
}

// Most specific shapes first: on a tie the earlier one wins (a vhost line is not a
// combined line, but an nginx-timed or ingress-nginx line must not be taken for combined
// with extra fields).
std::vector<Candidate> candidates(const QString &requested, const JsonFieldPaths &jsonFields)
{
    std::vector<Candidate> out;
    const bool any = requested.isEmpty() || requested == QLatin1String("auto");
    for (const QString &name : builtinPatternNames()) {
        if (any || requested == name)
            addPatterns(out, name);
    }
    static const QStringList kJsonNames{QStringLiteral("json"), QStringLiteral("caddy"), QStringLiteral("gcp-lb"),
                                        QStringLiteral("cloudflare")};
    if (any || kJsonNames.contains(requested))
        out.push_back({QStringLiteral("json"), std::make_unique<JsonLineParser>(jsonFields)});
    if (any || requested == QLatin1String("w3c") || requested == QLatin1String("cloudfront"))
        out.push_back({QStringLiteral("w3c"), std::make_unique<W3cParser>()});
    if (any || requested == QLatin1String("haproxy"))
        out.push_back({QStringLiteral("haproxy"), std::make_unique<HaproxyParser>()});
    if (any || requested == QLatin1String("alb"))
        out.push_back({QStringLiteral("alb"), std::make_unique<AlbParser>()});
    if (any || requested == QLatin1String("squid"))
        out.push_back({QStringLiteral("squid"), std::make_unique<SquidParser>()});
    return out;
}

void appendLines(std::string_view sample, bool startsMidLine, int maxLines, std::vector<std::string_view> &lines)
{
    size_t pos = 0;
    if (startsMidLine) {
        const size_t nl = sample.find('\n');
        if (nl == std::string_view::npos)
            return;
        pos = nl + 1;
    }
    int taken = 0;
    const size_t before = lines.size();
    while (pos < sample.size() && taken < maxLines) {
        const size_t nl = sample.find('\n', pos);
        if (nl == std::string_view::npos)
            break; // possibly cut by the sample's end
        std::string_view line = sample.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        ++taken;
        pos = nl + 1;
    }
    if (!startsMidLine && lines.size() == before && pos < sample.size()) // a one-line file without a final newline
        lines.push_back(sample.substr(pos));
}

// The sample's lines with the wrapper stripped (CRI partial lines joined, as the parser will).
std::vector<std::string_view> unwrapAll(const std::vector<std::string_view> &lines, Wrapper wrapper,
                                        std::deque<std::string> &storage)
{
    if (wrapper == Wrapper::None)
        return lines;
    std::vector<std::string_view> out;
    std::string joined;
    for (std::string_view line : lines) {
        std::string_view payload;
        bool partial = false;
        if (!unwrapLine(wrapper, line, payload, partial)) {
            out.push_back(line);
            continue;
        }
        if (partial) {
            joined.append(payload);
            continue;
        }
        if (!joined.empty()) {
            joined.append(payload);
            storage.push_back(std::move(joined));
            joined.clear();
            out.push_back(storage.back());
            continue;
        }
        out.push_back(payload);
    }
    return out;
}

struct Score
{
    int records = 0;
    int requestLines = 0;
    std::vector<char> parsed;  // per sample line: read as a record
    std::vector<char> request; // per sample line: not blank and not a directive
    double progress = 0.0;     // mean matchProgress over the request lines
};

// A parser over the sample, on a fresh clone so the sample leaves no state behind (W3C's
// #Fields are re-read when the file is parsed).
Score score(const LineParser &parser, const std::vector<std::string_view> &lines, bool withProgress)
{
    std::unique_ptr<LineParser> probe = parser.clone();
    std::unique_ptr<LineParser> progressProbe = withProgress ? parser.clone() : nullptr;
    Score out;
    out.parsed.assign(lines.size(), 0);
    out.request.assign(lines.size(), 0);
    LogRecord record;
    double progress = 0.0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        const ParseResult result = probe->parse(line, record);
        if (result.outcome == ParseOutcome::Meta)
            continue;
        ++out.requestLines;
        out.request[i] = 1;
        if (result.outcome == ParseOutcome::Record) {
            ++out.records;
            out.parsed[i] = 1;
        }
        if (progressProbe)
            progress += progressProbe->matchProgress(line);
    }
    out.progress = out.requestLines > 0 ? progress / out.requestLines : 0.0;
    return out;
}

// The name a parser gives itself after reading the sample (w3c vs cloudfront, json vs caddy).
QString nameAfterSample(const LineParser &parser, const std::vector<std::string_view> &lines)
{
    std::unique_ptr<LineParser> named = parser.clone();
    LogRecord record;
    for (std::string_view line : lines)
        named->parse(line, record);
    return named->formatName();
}

QString suggestionFor(const QString &closest, double progress, int records, int requestLines)
{
    QString text = QStringLiteral("only %1 of %2 sampled lines parse").arg(records).arg(requestLines);
    if (closest.isEmpty())
        return text + QStringLiteral("; no known format comes close. Paste the server's own format with "
                                     "--log-format '<LogFormat or log_format string>'");
    text += QStringLiteral("; the closest format is %1 (the lines match %2% of it)")
                .arg(closest)
                .arg(qRound(progress * 100));
    const std::vector<QString> strings = builtinPatternFormats(closest);
    if (!strings.empty())
        return text + QStringLiteral(". If the server logs a variant of it, pass its format string from the "
                                     "server's config, e.g. --log-format '%1' with the fields changed to match")
                          .arg(strings.front());
    if (closest == QLatin1String("json"))
        return text + QStringLiteral(". Name the fields with --json-field status=PATH --json-field time=PATH "
                                     "(dotted paths such as httpRequest.status)");
    return text + QStringLiteral(". Pass --format %1 to read it so anyway, or the server's format string "
                                 "with --log-format").arg(closest);
}

} // namespace

QStringList knownFormatNames()
{
    return {QStringLiteral("auto"),       QStringLiteral("combined"),      QStringLiteral("common"),
            QStringLiteral("vcombined"),  QStringLiteral("nginx-timed"),   QStringLiteral("ingress-nginx"),
            QStringLiteral("traefik"),    QStringLiteral("envoy"),         QStringLiteral("json"),
            QStringLiteral("w3c"),        QStringLiteral("haproxy"),       QStringLiteral("alb"),
            QStringLiteral("cloudfront"), QStringLiteral("caddy"),         QStringLiteral("gcp-lb"),
            QStringLiteral("cloudflare"), QStringLiteral("squid")};
}

FormatGuess detectFormat(std::string_view sample, const QString &requested, const QString &customFormat,
                         const JsonFieldPaths &jsonFields)
{
    return detectFormat(std::vector<std::string_view>{sample}, requested, customFormat, jsonFields);
}

FormatGuess detectFormat(const std::vector<std::string_view> &samples, const QString &requested,
                         const QString &customFormat, const JsonFieldPaths &jsonFields)
{
    FormatGuess guess;
    std::vector<std::string_view> rawLines;
    for (size_t i = 0; i < samples.size(); ++i)
        appendLines(samples[i], i > 0, i == 0 ? kMaxHeadLines : kMaxTailLines, rawLines);
    const Wrapper wrapper = detectWrapper(rawLines);
    std::deque<std::string> joinedStorage;
    const std::vector<std::string_view> lines = unwrapAll(rawLines, wrapper, joinedStorage);
    guess.wrapper = toString(wrapper);
    auto wrap = [wrapper](std::unique_ptr<LineParser> parser) -> std::unique_ptr<LineParser> {
        if (wrapper == Wrapper::None)
            return parser;
        return std::make_unique<WrappedParser>(std::move(parser), wrapper);
    };

    std::vector<Candidate> all;
    if (!customFormat.isEmpty()) {
        CompiledPattern compiled = compileServerLogFormat(customFormat);
        if (!compiled.error.isEmpty()) {
            guess.error = QStringLiteral("--log-format: %1").arg(compiled.error);
            return guess;
        }
        auto parser = std::make_unique<PatternParser>(QStringLiteral("custom"), std::move(compiled.items));
        parser->setAllowExtraFields(true);
        all.push_back({QStringLiteral("custom"), std::move(parser)});
    } else {
        if (!requested.isEmpty() && !knownFormatNames().contains(requested)) {
            guess.error = QStringLiteral("unknown format '%1' (known: %2)")
                              .arg(requested, knownFormatNames().join(QStringLiteral(", ")));
            return guess;
        }
        all = candidates(requested, jsonFields);
    }

    if (all.empty())
        return guess;
    std::vector<Score> scores;
    scores.reserve(all.size());
    for (const Candidate &candidate : all)
        scores.push_back(score(*candidate.parser, lines, false));
    size_t best = 0;
    for (size_t i = 1; i < all.size(); ++i) {
        if (scores[i].records > scores[best].records)
            best = i;
    }
    const Score &primary = scores[best];
    guess.sampleLines = primary.requestLines;

    // Per-format confidence: each name once, with its best shape.
    for (size_t i = 0; i < all.size(); ++i) {
        if (scores[i].records == 0 || scores[i].requestLines == 0)
            continue;
        const QString name = nameAfterSample(*all[i].parser, lines);
        const double confidence = double(scores[i].records) / scores[i].requestLines;
        auto it = std::find_if(guess.candidates.begin(), guess.candidates.end(),
                               [&](const FormatCandidate &c) { return c.format == name; });
        if (it == guess.candidates.end())
            guess.candidates.push_back({name, confidence});
        else
            it->confidence = std::max(it->confidence, confidence);
    }
    std::stable_sort(guess.candidates.begin(), guess.candidates.end(),
                     [](const FormatCandidate &a, const FormatCandidate &b) { return a.confidence > b.confidence; });

    // A format change part-way: the lines the main format misses, read by another one.
    std::vector<char> covered = primary.parsed;
    std::vector<size_t> extras;
    for (int round = 0; round < kMaxExtraFormats; ++round) {
        size_t pick = all.size();
        int pickCount = 0;
        for (size_t i = 0; i < all.size(); ++i) {
            if (i == best || std::find(extras.begin(), extras.end(), i) != extras.end()
                || all[i].name == all[best].name)
                continue;
            int count = 0;
            for (size_t k = 0; k < lines.size(); ++k)
                count += primary.request[k] && !covered[k] && scores[i].parsed[k] ? 1 : 0;
            if (count > pickCount) {
                pickCount = count;
                pick = i;
            }
        }
        if (pick == all.size() || pickCount < kMinFormatChangeLines)
            break;
        extras.push_back(pick);
        for (size_t k = 0; k < lines.size(); ++k)
            covered[k] = covered[k] || scores[pick].parsed[k];
    }
    int coveredCount = 0;
    for (size_t k = 0; k < lines.size(); ++k)
        coveredCount += primary.request[k] && covered[k] ? 1 : 0;
    guess.confidence = primary.requestLines > 0 ? double(coveredCount) / primary.requestLines : 0.0;

    if (primary.requestLines > 0 && coveredCount * 2 < primary.requestLines) {
        // Name the closest format: the one that reads most lines, else (none reads any) the
        // one whose separators the lines come nearest to.
        size_t closest = all.size();
        double closestProgress = 0.0;
        if (primary.records > 0) {
            closest = best;
            closestProgress = score(*all[best].parser, lines, true).progress;
        } else {
            for (size_t i = 0; i < all.size(); ++i) {
                const double progress = score(*all[i].parser, lines, true).progress;
                if (progress > closestProgress) {
                    closestProgress = progress;
                    closest = i;
                }
            }
        }
        guess.suggestion = suggestionFor(closest < all.size() ? all[closest].name : QString(), closestProgress,
                                         coveredCount, primary.requestLines);
    }

    guess.name = nameAfterSample(*all[best].parser, lines);
    std::unique_ptr<LineParser> parser = std::move(all[best].parser);
    if (!extras.empty()) {
        std::vector<std::unique_ptr<LineParser>> others;
        for (size_t i : extras) {
            guess.alsoFormats.push_back(nameAfterSample(*all[i].parser, lines));
            others.push_back(std::move(all[i].parser));
        }
        parser = std::make_unique<MultiFormatParser>(std::move(parser), std::move(others));
    }
    guess.parser = wrap(std::move(parser));
    return guess;
}

} // namespace statusscope::logs
