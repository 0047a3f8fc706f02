// SPDX-License-Identifier: GPL-3.0-or-later
// Replays a saved fuzz corpus without libFuzzer: every regular file under the directories given
// on the command line goes through LLVMFuzzerTestOneInput once. A target signals a broken
// invariant by aborting, so a failing input fails the ctest. No input at all is a failure too:
// a missing or emptied corpus must not pass silently.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR...\n", argv[0]);
        return 2;
    }
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path dir(argv[i]);
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            std::fprintf(stderr, "corpus directory missing: %s\n", argv[i]);
            return 1;
        }
        std::vector<fs::path> files;
        for (const auto &entry : fs::recursive_directory_iterator(dir))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // a stable order makes a failure reproducible
        for (const fs::path &file : files) {
            std::ifstream in(file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            std::fprintf(stderr, "replay %s (%zu bytes)\n", file.c_str(), bytes.size());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::fprintf(stderr, "corpus is empty: nothing replayed\n");
        return 1;
    }
    std::printf("%zu inputs replayed, 0 failed\n", replayed);
    return 0;
}
