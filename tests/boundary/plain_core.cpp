// SPDX-License-Identifier: GPL-3.0-or-later
// Must build: the control for the two widget probes beside it.
#include "core/files/file_kind.h"

int main()
{
    return statusscope::classifyHead(QByteArrayLiteral("{\"log\":{}}"), QString()) == statusscope::FileKind::Har ? 0 : 1;
}
