// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// curl's -F / --form-string arguments as multipart form parts, both ways.
//
// Read: NAME=TEXT, NAME=@FILE, each optionally followed by ;type=TYPE and ;filename=NAME (a
// word may be "double quoted" with \" and \\ inside, as curl allows); --form-string takes the
// text literally. Not supported, and said so: NAME=<FILE (a text field read from a file),
// several files in one part (@a,b), and ;headers= / ;encoder=.

#include "core/curl/curl_command.h"
#include "core/http/form_data.h"

#include <QString>

namespace statusscope {

struct CurlForm
{
    http::FormPart part;
    QString error; // empty on success
};

// `literal`: the argument of --form-string.
CurlForm parseCurlForm(const QString &argument, bool literal);

// The -F or --form-string argument that parseCurlForm reads back as `part`.
CurlCommand::BodyPart curlFormArgument(const http::FormPart &part);

} // namespace statusscope
