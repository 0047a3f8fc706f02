#include "app/cli/commands.h"

namespace statusscope::cli {

int runGuide(const QStringList &)
{
    return notAvailable("guide");
}

} // namespace statusscope::cli
