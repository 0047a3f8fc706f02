#include "core/logs/format_detect.h"

#include "core/logs/json_line_parser.h"
#include "core/logs/pattern_parser.h"
#include "core/logs/token_parsers.h"
#include "core/logs/w3c_parser.h"

#include <vector>

namespace statusscope::logs {

namespace {

// Enough lines to see past a few odd ones at the top of a file, few enough to stay cheap.
constexpr int kMaxSampleLines = 200;

struct Candidate
{
    QString name;
    std::unique_ptr<LineParser> parser;
};

void addPatterns(std::vector<Candidate> &out, const QString &name)
{
    for (const QString &format : builtinPatternFormats(name)) {
        CompiledPattern compiled = compileServerLogFormat(format);
        out.push_back({name, std::make_unique<PatternParser>(name, std::move(compiled.items))});
    }
}

// Most specific shapes first: on a tie the earlier one wins (a vhost line is not a
// combined line, but an nginx-timed line must not be taken for something shorter).
std::vector<Candidate> candidates(const QString &requested)
{
    std::vector<Candidate> out;
    const bool any = requested.isEmpty() || requested == QLatin1String("auto");
    for (const QString &name : {QStringLiteral("vcombined"), QStringLiteral("nginx-timed"),
                                QStringLiteral("combined"), QStringLiteral("common")}) {
        if (any || requested == name)
            addPatterns(out, name);
    }
    if (any || requested == QLatin1String("json") || requested == QLatin1String("caddy"))
        out.push_back({QStringLiteral("json"), std::make_unique<JsonLineParser>()});
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

std::vector<std::string_view> sampleLines(std::string_view sample)
{
    std::vector<std::string_view> lines;
    size_t pos = 0;
    while (pos < sample.size() && static_cast<int>(lines.size()) < kMaxSampleLines) {
        const size_t nl = sample.find('\n', pos);
        if (nl == std::string_view::npos)
            break; // possibly cut by the sample's end
        std::string_view line = sample.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        pos = nl + 1;
    }
    if (lines.empty() && pos < sample.size()) // a one-line file without a final newline
        lines.push_back(sample.substr(pos));
    return lines;
}

// (records, request lines) of a parser over the sample. A fresh clone each time so the
// sample leaves no state behind (W3C's #Fields are re-read when the file is parsed).
std::pair<int, int> score(const LineParser &parser, const std::vector<std::string_view> &lines)
{
    std::unique_ptr<LineParser> probe = parser.clone();
    LogRecord record;
    int records = 0;
    int requestLines = 0;
    for (std::string_view line : lines) {
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        const ParseResult result = probe->parse(line, record);
        if (result.outcome == ParseOutcome::Meta)
            continue;
        ++requestLines;
        records += result.outcome == ParseOutcome::Record ? 1 : 0;
    }
    return {records, requestLines};
}

} // namespace

QStringList knownFormatNames()
{
    return {QStringLiteral("auto"),      QStringLiteral("combined"), QStringLiteral("common"),
            QStringLiteral("vcombined"), QStringLiteral("nginx-timed"), QStringLiteral("json"),
            QStringLiteral("w3c"),       QStringLiteral("haproxy"),  QStringLiteral("alb"),
            QStringLiteral("cloudfront"), QStringLiteral("caddy"),   QStringLiteral("squid")};
}

FormatGuess detectFormat(std::string_view sample, const QString &requested, const QString &customFormat)
{
    FormatGuess guess;
    const std::vector<std::string_view> lines = sampleLines(sample);
    if (!customFormat.isEmpty()) {
        CompiledPattern compiled = compileServerLogFormat(customFormat);
        if (!compiled.error.isEmpty()) {
            guess.error = QStringLiteral("--log-format: %1").arg(compiled.error);
            return guess;
        }
        guess.name = QStringLiteral("custom");
        guess.parser = std::make_unique<PatternParser>(guess.name, std::move(compiled.items));
        const auto [records, requestLines] = score(*guess.parser, lines);
        guess.sampleLines = requestLines;
        guess.confidence = requestLines > 0 ? double(records) / requestLines : 0.0;
        return guess;
    }
    if (!requested.isEmpty() && !knownFormatNames().contains(requested)) {
        guess.error = QStringLiteral("unknown format '%1' (known: %2)")
                          .arg(requested, knownFormatNames().join(QStringLiteral(", ")));
        return guess;
    }
    std::vector<Candidate> all = candidates(requested);
    int bestRecords = -1;
    for (Candidate &candidate : all) {
        const auto [records, requestLines] = score(*candidate.parser, lines);
        if (records > bestRecords) {
            bestRecords = records;
            guess.sampleLines = requestLines;
            guess.confidence = requestLines > 0 ? double(records) / requestLines : 0.0;
            guess.parser = std::move(candidate.parser);
        }
    }
    if (guess.parser) {
        // The parser names itself after what the sample showed (w3c vs cloudfront, json vs
        // caddy), so probe one clone over the sample for that.
        std::unique_ptr<LineParser> named = guess.parser->clone();
        LogRecord record;
        for (std::string_view line : lines)
            named->parse(line, record);
        guess.name = named->formatName();
    }
    return guess;
}

} // namespace statusscope::logs
