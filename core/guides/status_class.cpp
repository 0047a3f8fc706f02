// SPDX-License-Identifier: GPL-3.0-or-later
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

// Both name tables are searched the same way, by value or by text.
template<typename Entry, size_t N, typename Value>
const Entry *byValue(const std::array<Entry, N> &table, Value value)
{
    for (const Entry &entry : table) {
        if (entry.value == value)
            return &entry;
    }
    return nullptr;
}

template<typename Entry, size_t N, typename Value>
bool byText(const std::array<Entry, N> &table, QStringView text, Value *out)
{
    for (const Entry &entry : table) {
        if (text == QLatin1String(entry.text)) {
            *out = entry.value;
            return true;
        }
    }
    return false;
}

} // namespace

QString toString(StatusClass statusClass)
{
    const ClassName *name = byValue(kClassNames, statusClass);
    return name ? QString::fromLatin1(name->text) : QStringLiteral("unknown");
}

bool statusClassFromString(QStringView text, StatusClass *out)
{
    return byText(kClassNames, text, out);
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
    const ClassName *name = byValue(kClassNames, statusClass);
    return name ? QCoreApplication::translate("statusscope::StatusClass", name->display)
                : toString(statusClass);
}

QString toString(Registry registry)
{
    const RegistryName *name = byValue(kRegistryNames, registry);
    return name ? QString::fromLatin1(name->text) : QStringLiteral("unknown");
}

bool registryFromString(QStringView text, Registry *out)
{
    return byText(kRegistryNames, text, out);
}

bool isOfficial(Registry registry)
{
    return registry == Registry::Iana || registry == Registry::IanaTemporary
        || registry == Registry::IanaObsoleted;
}

} // namespace statusscope
