// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/apache_server.h"

#include <QDir>
#include <QFile>

namespace statusscope::test {

bool ApacheServer::start()
{
    for (int i = 0; i < 3; ++i) {
        stop();
        if (startOnce())
            return true;
    }
    return false;
}

bool ApacheServer::startOnce()
{
    if (!prepare("hello from apache\n"))
        return false;
    const QString d = m_dir.path();
    QDir(d).mkpath(QStringLiteral("cgi"));
    const QString sink = d + QStringLiteral("/cgi/sink.sh");
    writeTextFile(sink, "#!/bin/sh\ncat > /dev/null\nprintf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'\n");
    QFile::setPermissions(sink, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                    | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString m = QStringLiteral("/usr/lib/apache2/modules/");
    const QByteArray conf = QStringLiteral(R"(ServerRoot %1
Listen 127.0.0.1:%2
PidFile %1/httpd.pid
ErrorLog %1/error.log
LogLevel warn
Mutex file:%1 default
ServerName localhost
LoadModule mpm_prefork_module %3mod_mpm_prefork.so
LoadModule authz_core_module %3mod_authz_core.so
LoadModule authn_core_module %3mod_authn_core.so
LoadModule authn_file_module %3mod_authn_file.so
LoadModule authz_user_module %3mod_authz_user.so
LoadModule auth_basic_module %3mod_auth_basic.so
LoadModule alias_module %3mod_alias.so
LoadModule cgi_module %3mod_cgi.so
StartServers 2
MinSpareServers 1
MaxSpareServers 4
DocumentRoot %1/www
<Directory %1/www>
    Require all granted
</Directory>
<Directory %1/cgi>
    Require all granted
</Directory>
ScriptAlias /upload %1/cgi/sink.sh
ScriptAlias /small %1/cgi/sink.sh
ScriptAlias /private %1/cgi/sink.sh
ScriptAlias /gate %1/cgi/sink.sh
<Location /gate>
    <If "req('Expect') != ''">
        Redirect 417
    </If>
</Location>
<Location /small>
    LimitRequestBody 1024
</Location>
<Location /private>
    AuthType Basic
    AuthName "private"
    AuthUserFile %1/htpasswd
    Require valid-user
</Location>
)").arg(d).arg(m_port).arg(m).toUtf8();
    const QString confPath = d + QStringLiteral("/httpd.conf");
    writeTextFile(confPath, conf);
    return launch(binary(), {QStringLiteral("-f"), confPath, QStringLiteral("-DFOREGROUND")}, d + QStringLiteral("/error.log"));
}

} // namespace statusscope::test
