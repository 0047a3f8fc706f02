// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/network_warmup.h"

#include <QSslSocket>

namespace statusscope::http {

void warmUpNetworking()
{
    const QSslSocket socket;
    (void)QSslSocket::supportsSsl();
}

} // namespace statusscope::http
