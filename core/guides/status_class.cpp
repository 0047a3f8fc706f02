#include "core/guides/status_class.h"

#include <QCoreApplication>

#include <array>

namespace statusscope {

namespace {

struct ClassName
{
    StatusClass value;
    const char *text;
    const char *display;
};

constexpr std::array kClassNames{
    ClassName{StatusClass::Informational, "1xx", "1xx Informational"},
    ClassName{StatusClass::Success, "2xx", "2xx Success"},
    ClassName{StatusClass::Redirection, "3xx", "3xx Redirection"},
    ClassName{StatusClass::ClientError, "4xx", "4xx Client error"},
    ClassName{StatusClass::ServerError, "5xx", "5xx Server error"},
    ClassName{StatusClass::None, "none", "No response"},
    ClassName{StatusClass::Transport, "transport", "Transport failures"},
};

struct RegistryName
{
    Registry value;
    const char *text;
};

constexpr std::array kRegistryNames{
    RegistryName{Registry::Iana, "iana"},
    RegistryName{Registry::IanaTemporary, "iana-temporary"},
    RegistryName{Registry::IanaObsoleted, "iana-obsoleted"},
    RegistryName{Registry::Unofficial, "unofficial"},
    RegistryName{Registry::Pseudo, "pseudo"},
    RegistryName{Registry::Transport, "transport"},
};

} // namespace

QString toString(StatusClass statusClass)
{
    for (const ClassName &name : kClassNames) {
        if (name.value == statusClass)
            return QString::fromLatin1(name.text);
    }
    return QStringLiteral("unknown");
}

bool statusClassFromString(QStringView text, StatusClass *out)
{
    for (const ClassName &name : kClassNames) {
        if (text == QLatin1String(name.text)) {
            *out = name.value;
            return true;
        }
    }
    return false;
}

bool statusClassForCode(int code, StatusClass *out)
{
    if (code == 0) {
        *out = StatusClass::None;
        return true;
    }
    // RFC 9110 §15: the first digit is the class; 100–599 are the only valid codes.
    if (code < 100 || code > 599)
        return false;
    constexpr std::array kByDigit{StatusClass::Informational, StatusClass::Success,
                                  StatusClass::Redirection, StatusClass::ClientError,
                                  StatusClass::ServerError};
    *out = kByDigit[size_t(code / 100 - 1)];
    return true;
}

int displayOrder(StatusClass statusClass)
{
    return int(statusClass);
}

QString displayName(StatusClass statusClass)
{
    for (const ClassName &name : kClassNames) {
        if (name.value == statusClass)
            return QCoreApplication::translate("statusscope::StatusClass", name.display);
    }
    return toString(statusClass);
}

QString toString(Registry registry)
{
    for (const RegistryName &name : kRegistryNames) {
        if (name.value == registry)
            return QString::fromLatin1(name.text);
    }
    return QStringLiteral("unknown");
}

bool registryFromString(QStringView text, Registry *out)
{
    for (const RegistryName &name : kRegistryNames) {
        if (text == QLatin1String(name.text)) {
            *out = name.value;
            return true;
        }
    }
    return false;
}

bool isOfficial(Registry registry)
{
    return registry == Registry::Iana || registry == Registry::IanaTemporary
        || registry == Registry::IanaObsoleted;
}

} // namespace statusscope
