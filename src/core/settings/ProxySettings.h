// How the app reaches the network: the system's proxy (the environment, the desktop's settings
// where Qt reads them), none, or a manual HTTP or SOCKS5 proxy with an optional user (the
// password lives in the keychain) and hosts that bypass it. One for the whole app: Chromium takes
// one proxy per process, set before the web engine starts, so both network stacks (the API
// client and the web pages) use the same one, and a change applies at the next start.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

struct ProxySettings
{
    enum class Mode { System, None, Manual };

    Mode mode = Mode::System;
    QUrl url; // Manual: http://host:port or socks5://host:port
    QString user; // Manual, optional
    QStringList bypass; // Manual: hosts (or .domain suffixes) reached directly

    static QString modeName(Mode mode); // "system", "none", "manual"
    static std::optional<Mode> modeFromName(const QString &name);
    // A proxy address as typed ("proxy.corp:3128", "socks5://10.0.0.1:1080"); null, with *error
    // saying what is wrong and what to type, when it is not one. No user or password in it: they
    // have fields of their own.
    static std::optional<QUrl> parseUrl(const QString &text, QString *error);
    // Hosts as typed, separated by commas, semicolons or spaces.
    static QStringList parseBypass(const QString &text);

    // host:port, for people ("proxy.corp:3128").
    QString endpoint() const;
    bool operator==(const ProxySettings &other) const
    {
        return mode == other.mode && url == other.url && user == other.user
            && bypass == other.bypass;
    }
    bool operator!=(const ProxySettings &other) const { return !(*this == other); }
};
