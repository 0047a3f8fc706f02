// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/body_source.h"

#include "core/http/multipart_device.h"

#include <QFile>
#include <QFileInfo>

namespace statusscope::http {

std::unique_ptr<QIODevice> openBodySource(const RequestSpec &spec, QString *error)
{
    std::unique_ptr<QIODevice> device;
    if (!spec.form.isEmpty())
        device = std::make_unique<MultipartDevice>(spec.formBoundary, spec.form);
    else if (!spec.bodyFile.isEmpty())
        device = std::make_unique<QFile>(spec.bodyFile);
    else
        return nullptr;
    if (!device->open(QIODevice::ReadOnly)) {
        *error = spec.form.isEmpty() ? QStringLiteral("cannot read body file %1: %2").arg(spec.bodyFile, device->errorString())
                                     : device->errorString();
        return nullptr;
    }
    return device;
}

qint64 bodySourceSize(const RequestSpec &spec)
{
    if (spec.form.isEmpty())
        return spec.bodyFile.isEmpty() ? spec.body.size() : QFileInfo(spec.bodyFile).size();
    MultipartDevice device(spec.formBoundary, spec.form);
    return device.open(QIODevice::ReadOnly) ? device.size() : -1;
}

} // namespace statusscope::http
