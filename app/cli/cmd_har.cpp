#include "app/cli/commands.h"

namespace statusscope::cli {

int runHar(const QStringList &)
{
    return notAvailable("har");
}

} // namespace statusscope::cli
