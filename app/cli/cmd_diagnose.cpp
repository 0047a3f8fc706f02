#include "app/cli/commands.h"

namespace statusscope::cli {

int runDiagnose(const QStringList &)
{
    return notAvailable("diagnose");
}

} // namespace statusscope::cli
