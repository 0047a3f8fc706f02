// SPDX-License-Identifier: GPL-3.0-or-later
// Bad files at scale against statusscope-cli and the core readers: a HAR cut at
// every 1/100th of its length, a 0-byte file, a directory, an unreadable file, a named pipe,
// a file that shrinks while it is read, and a 20 MB log with 30% garbage lines.
#include "core/files/mapped_region_guard.h"
#include "core/har/har_reader.h"
#include "core/logs/log_ingest.h"
#include "tests/support/bad_files.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace statusscope;
using namespace statusscope::test;

namespace {

// The CLI must answer a bad file at once; this is the hang limit.
constexpr int kCliTimeoutMs = 15000;

TEST(BadFilesCli, HarCutAtEveryHundredthExits7WithAByteOffset)
{
    QTemporaryDir dir;
    for (int percent = 1; percent < 100; ++percent) {
        const QString path = writeCutHar(dir.path(), cutSourceHar(), percent);
        const ProcessResult r = runCli({QStringLiteral("har"), path}, kCliTimeoutMs);
        ASSERT_TRUE(r.finished) << percent << "%";
        EXPECT_EQ(r.exitCode, 7) << percent << "%: " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("byte ")) << percent << "%: " << r.err.toStdString();
    }
}

TEST(BadFilesCli, EmptyFileDirectoryAndFifoGiveClearErrorsWithoutHanging)
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.har"));
    QFile(empty).open(QIODevice::WriteOnly);
    ProcessResult r = runCli({QStringLiteral("har"), empty}, kCliTimeoutMs);
    EXPECT_EQ(r.exitCode, 7) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("byte 0")) << r.err.toStdString();

    r = runCli({QStringLiteral("har"), dir.path()}, kCliTimeoutMs);
    EXPECT_EQ(r.exitCode, 8) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("directory")) << r.err.toStdString();

    const QString fifo = dir.filePath(QStringLiteral("pipe.har"));
    ASSERT_EQ(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    r = runCli({QStringLiteral("har"), fifo}, kCliTimeoutMs);
    ASSERT_TRUE(r.finished) << "har on a FIFO with no writer must not hang";
    EXPECT_EQ(r.exitCode, 8) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("not a regular file")) << r.err.toStdString();

    // An empty log is an empty result with its counts, not an error.
    r = runCli({QStringLiteral("logs"), QStringLiteral("--json"), empty}, kCliTimeoutMs);
    ASSERT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("lines_total")).toInteger(-1), 0) << r.out.toStdString();
    r = runCli({QStringLiteral("logs"), QStringLiteral("--json"), dir.path()}, kCliTimeoutMs);
    ASSERT_TRUE(r.finished);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("is a directory")) << r.err.toStdString();
    r = runCli({QStringLiteral("logs"), QStringLiteral("--json"), fifo}, kCliTimeoutMs);
    ASSERT_TRUE(r.finished) << "logs on a FIFO with no writer must not hang";
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains("not a regular file")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("stdin")) << "the error names the way that works";
}

TEST(BadFilesCli, UnreadableFileIsAFileErrorAndRootIsReportedHonestly)
{
    QTemporaryDir dir;
    QString why;
    const QString path = unreadablePath(dir.path(), &why);
    const ProcessResult r = runCli({QStringLiteral("har"), path}, kCliTimeoutMs);
    EXPECT_EQ(r.exitCode, 8) << why.toStdString() << ": " << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("cannot read")) << r.err.toStdString();
    if (geteuid() == 0) {
        // Root really does read a chmod 000 file: it is then judged by its content.
        const QString locked = dir.filePath(QStringLiteral("locked.har"));
        QFile f(locked);
        f.open(QIODevice::WriteOnly);
        f.write("{}");
        f.close();
        QFile::setPermissions(locked, QFileDevice::Permissions());
        const ProcessResult asRoot = runCli({QStringLiteral("har"), locked}, kCliTimeoutMs);
        EXPECT_EQ(asRoot.exitCode, 7) << "root reads it; {} is not a HAR: " << asRoot.err.toStdString();
    }
}

TEST(BadFilesCli, ALogStreamedFromANamedPipeIsReadWithCounts)
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("small.log"));
    const GarbageLog expected = writeGarbageLog(log, 200 * 1000);
    QFile f(log);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    // The pipe's content arrives on stdin, as the FIFO error message suggests.
    const ProcessResult r = runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("--format"),
                                    QStringLiteral("combined"), QStringLiteral("-")}, kCliTimeoutMs, f.readAll());
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("lines_parsed")).toInteger(), expected.valid);
    EXPECT_EQ(o.value(QStringLiteral("lines_skipped")).toInteger(), expected.garbage);
}

TEST(BadFilesCore, AGuardedMappingTruncatedUnderneathReadsZerosInsteadOfSigbus)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shrinking.bin"));
    const long page = sysconf(_SC_PAGESIZE);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.write(QByteArray(int(page * 4), 'a'));
    f.flush();
    uchar *mapped = f.map(0, page * 4);
    ASSERT_NE(mapped, nullptr);
    {
        const MappedRegionGuard guard(mapped, size_t(page * 4));
        ASSERT_TRUE(guard.isActive());
        EXPECT_EQ(mapped[0], 'a');
        ASSERT_TRUE(f.resize(page)); // another writer cuts the file
        const volatile uchar *tail = mapped + page * 3 + 5;
        EXPECT_EQ(*tail, 0) << "the vanished page reads as zeros";
        EXPECT_TRUE(guard.faulted());
        EXPECT_EQ(mapped[1], 'a') << "the pages still in the file are untouched";
    }
    f.unmap(mapped);
}

TEST(BadFilesCore, HarThatShrinksWhileReadGivesAFileErrorNotSigbus)
{
    QTemporaryDir dir;
    // Big enough for several progress steps (every 4 MiB): the entries of a real HAR repeated.
    const QString path = dir.filePath(QStringLiteral("big.har"));
    {
        QFile src(fixturePath(QStringLiteral("har/generated-120.har")));
        ASSERT_TRUE(src.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(src.readAll()).object();
        QJsonObject log = root.value(QStringLiteral("log")).toObject();
        QJsonArray entries;
        const QJsonArray one = log.value(QStringLiteral("entries")).toArray();
        while (entries.size() < 30000)
            for (const QJsonValue &e : one)
                entries.append(e);
        log.insert(QStringLiteral("entries"), entries);
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("log"), log}}).toJson(QJsonDocument::Compact));
    }
    ASSERT_GT(QFile(path).size(), 12 * 1024 * 1024);
    QFile whole(path);
    ASSERT_TRUE(whole.open(QIODevice::ReadOnly));
    const QByteArray original = whole.readAll();
    const qint64 page = sysconf(_SC_PAGESIZE);
    // On a page boundary the reader's next page vanishes (SIGBUS without the guard); inside
    // a page the rest of that page reads as zeros without any fault.
    for (const bool pageAligned : {true, false}) {
        QFile restore(path);
        ASSERT_TRUE(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
        restore.write(original);
        restore.close();
        HarReadOptions options;
        bool cut = false;
        options.progress = [&](qint64 done, qint64 total) {
            if (!cut && done < total) {
                cut = true;
                QFile::resize(path, pageAligned ? (done / page + 2) * page : done + 1000);
            }
        };
        const HarReadResult r = readHarFile(path, options);
        ASSERT_TRUE(cut);
        EXPECT_EQ(r.error.status, HarReadStatus::FileError) << pageAligned << ": " << r.error.describe().toStdString();
        EXPECT_TRUE(r.error.message.contains(QStringLiteral("shrank"))) << r.error.describe().toStdString();
    }
}

TEST(BadFilesCore, LogThatShrinksWhileReadGivesAClearErrorNotSigbus)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("access.log"));
    writeGarbageLog(path, 8 * 1024 * 1024);
    logs::IngestOptions options;
    options.format = QStringLiteral("combined");
    options.threads = 1;
    options.windowBytes = 256 * 1024;
    logs::LogIngest ingest(options);
    std::atomic<bool> cut{false};
    ingest.setProgressCallback([&](qint64 done, qint64) {
        if (!cut.exchange(true))
            QFile::resize(path, done / 2);
    });
    const logs::IngestResult r = ingest.run({path});
    ASSERT_TRUE(cut.load());
    EXPECT_TRUE(r.error.contains(QStringLiteral("shrank while it was read"))) << r.error.toStdString();
}

TEST(BadFilesCli, LogWithThirtyPercentGarbageCountsEveryLineExactly)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage-20mb.log"));
    const GarbageLog expected = writeGarbageLog(path, 20 * 1000 * 1000);
    const ProcessResult r = runCli({QStringLiteral("logs"), QStringLiteral("--json"), QStringLiteral("--format"),
                                    QStringLiteral("combined"), path}, 120000);
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    EXPECT_EQ(o.value(QStringLiteral("lines_total")).toInteger(), expected.valid + expected.garbage);
    EXPECT_EQ(o.value(QStringLiteral("lines_parsed")).toInteger(), expected.valid);
    EXPECT_EQ(o.value(QStringLiteral("lines_skipped")).toInteger(), expected.garbage);
    EXPECT_FALSE(o.value(QStringLiteral("skipped")).toObject().value(QStringLiteral("examples")).toArray().isEmpty());
}

} // namespace
