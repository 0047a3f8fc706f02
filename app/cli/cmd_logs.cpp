#include "app/cli/commands.h"

namespace statusscope::cli {

int runLogs(const QStringList &)
{
    return notAvailable("logs");
}

} // namespace statusscope::cli
