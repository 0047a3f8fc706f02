#include "app/cli/commands.h"

namespace statusscope::cli {

int runSend(const QStringList &)
{
    return notAvailable("send");
}

} // namespace statusscope::cli
