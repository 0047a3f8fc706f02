// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Curl commands as people really paste them: browsers' "Copy as cURL" (bash and cmd), API docs
// and READMEs. Shared by the importer's unit tests and the composer's GUI round trip, so both
// check the same 22 commands.

namespace statusscope::test {

// What people really paste, from browsers' "Copy as cURL", API docs and READMEs.
inline constexpr const char *kRealWorldCurlCommands[] = {
    // 0 Chrome "Copy as cURL (bash)": many -H, $'…' for a JSON body with a quote.
    "curl 'https://api.example.com/v1/orders?page=2' \\\n"
    "  -H 'authority: api.example.com' \\\n"
    "  -H 'accept: application/json, text/plain, */*' \\\n"
    "  -H 'accept-language: en-GB,en;q=0.9' \\\n"
    "  -H 'content-type: application/json' \\\n"
    "  -H 'cookie: sid=abc123; theme=dark' \\\n"
    "  -H 'origin: https://app.example.com' \\\n"
    "  -H 'sec-ch-ua: \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"' \\\n"
    "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' \\\n"
    "  --data-raw $'{\"note\":\"it\\'s urgent\",\"qty\":2}' \\\n"
    "  --compressed",
    // 1 Chrome "Copy as cURL (cmd)": ^" quoting and ^ continuations.
    "curl ^\"https://api.example.com/v1/orders?page=2^&sort=desc^\" ^\n"
    "  -H ^\"accept: application/json^\" ^\n"
    "  -H ^\"content-type: application/json^\" ^\n"
    "  --data-raw ^\"^{^\\^\"qty^\\^\":2^}^\" ^\n"
    "  --compressed",
    // 2 Old Chrome "Copy as cURL (cmd)": plain double quotes.
    "curl \"https://example.com/search?q=a%20b\" ^\n  -H \"Accept: text/html\" ^\n  --compressed",
    // 3 Firefox "Copy as cURL (POSIX)".
    "curl 'https://example.com/login' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' "
    "-H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://example.com' --data-raw 'user=ann&pass=s3cr%21t'",
    // 4 The upload users hit 417 with.
    "curl -v -X POST --data-binary @big.iso -H 'Expect:' http://upload.example.com/put",
    // 5 Expect timeout and HTTP/1.0.
    "curl --http1.0 --expect100-timeout 2.5 -d @form.txt http://example.com/form",
    // 6 Basic auth, insecure, proxy.
    "curl -k -u 'admin:p@ss word' -x http://proxy.local:3128 https://10.0.0.5/admin",
    // 7 Bundled short flags and attached values.
    "curl -sSLk -XPATCH -HContent-Type:application/json -d'{\"a\":1}' https://x.example/api",
    // 8 README style with timeouts and redirects.
    "curl --location --max-redirs 3 --connect-timeout 5 -m 30 https://example.org/download -o out.bin",
    // 9 HEAD request.
    "curl -I https://example.com/",
    // 10 -G moves data to the query.
    "curl -G --data-urlencode 'q=status codes' --data-urlencode 'lang=en' https://search.example.com/",
    // 11 GitHub API docs.
    "curl -L \\\n  -H \"Accept: application/vnd.github+json\" \\\n  -H \"Authorization: Bearer <YOUR-TOKEN>\" \\\n"
    "  -H \"X-GitHub-Api-Version: 2022-11-28\" \\\n  https://api.github.com/repos/OWNER/REPO/issues",
    // 12 Stripe docs: -u key with a trailing colon, several -d.
    "curl https://api.stripe.com/v1/charges \\\n  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\\n  -d amount=2000 \\\n"
    "  -d currency=usd \\\n  -d source=tok_visa",
    // 13 Elasticsearch docs.
    "curl -X PUT \"localhost:9200/my-index-000001?pretty\" -H 'Content-Type: application/json' -d'\n{\n  \"settings\": {}\n}\n'",
    // 14 Slack webhook.
    "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Hello, World!\"}' https://hooks.slack.com/services/T0/B0/XXXX",
    // 15 Upload with -T (PUT).
    "curl -T ./report.pdf https://files.example.com/reports/report.pdf",
    // 16 Cookie string and user agent and referer.
    "curl -b 'a=1; b=2' -A 'StatusScope-test/1.0' -e https://ref.example/ https://example.com/page",
    // 17 curl.exe on PowerShell-less Windows with plain quotes.
    "curl.exe -H \"Accept: */*\" \"https://example.com/a b\"",
    // 18 Chrome bash with a header containing $ and backticks in single quotes.
    "curl 'https://example.com/' -H 'x-template: ${name} `id`' --compressed",
    // 19 --url and --data-binary with inline text and CRLF in $'…'.
    "curl --url http://example.com/raw --data-binary $'line1\\r\\nline2'",
    // 20 --cacert and --max-time with a fraction.
    "curl --cacert ./ca.pem --max-time 0.5 https://internal.example/health",
    // 21 Removing several default headers.
    "curl -H 'User-Agent:' -H 'Accept:' -H 'Host: virtual.example' http://127.0.0.1:8080/",
};

} // namespace statusscope::test
