// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Identity of the application, shared by the GUI, the CLI and the About box.
// The version comes from the CMake project VERSION, so packages, --version and About agree.

namespace statusscope {

inline constexpr const char *kAppName = "StatusScope";
inline constexpr const char *kAppVersion = STATUSSCOPE_VERSION;
inline constexpr const char *kOrganizationName = "StatusScope";
inline constexpr const char *kOrganizationDomain = "statusscope.org";
inline constexpr const char *kLicenseSpdx = "GPL-3.0-or-later";

} // namespace statusscope
