// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/files/bundled_samples.h"

#include <QDir>
#include <QFileInfo>

namespace statusscope {

namespace {

struct SampleName
{
    const char *fileName;
    FileKind kind;
};

constexpr SampleName kSamples[] = {
    {"sample.har", FileKind::Har},
    {"access.log", FileKind::AccessLog},
    {"expect-417-retried.json", FileKind::ExchangeJson},
};

bool holdsSamples(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(QString::fromLatin1(kSamples[0].fileName)));
}

} // namespace

QString bundledSamplesDir(const QString &programDir)
{
    const QDir program(programDir);
    // Installed: <prefix>/bin/statusscope and <prefix>/share/statusscope/samples. A build tree
    // puts the program in build/app/, two levels below the checkout.
    const QString candidates[] = {
        program.filePath(QStringLiteral("../share/statusscope/samples")),
        program.filePath(QStringLiteral("../../resources/samples")),
    };
    for (const QString &candidate : candidates) {
        if (holdsSamples(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QList<BundledSample> bundledSamples(const QString &dir)
{
    QList<BundledSample> samples;
    for (const SampleName &name : kSamples) {
        const QString fileName = QString::fromLatin1(name.fileName);
        const QString path = dir.isEmpty() ? QString() : QDir(dir).filePath(fileName);
        samples.append({fileName, name.kind, path.isEmpty() || !QFileInfo::exists(path) ? QString() : path});
    }
    return samples;
}

} // namespace statusscope
