// The body of POST /api/connections/connect/: building it, reading it, and checking it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

struct ValidationProblem
{
    QString field; // the body field at fault, e.g. "redirect_url"
    QString message; // what is wrong, in words a person can act on
};

struct ConnectRequest
{
    QString name;
    QUrl redirectUrl;
    QStringList whitelist;
    bool dark = false;
    QString connection; // uuid of a connection to re-authenticate (update mode); empty otherwise
    QString type; // deprecated single type; wins over the whitelist when set
    QString organizationId; // undocumented; passed through when set

    QJsonObject toJson() const;

    // Reads a request body. Wrong JSON types are problems in the result, not silent defaults.
    static std::optional<ConnectRequest> fromJson(const QJsonObject &object,
                                                  QList<ValidationProblem> *problems);

    // Checks that need no catalogue or server state: a non-empty name, an absolute http(s)
    // redirect_url, a connection id shaped like a uuid.
    QList<ValidationProblem> validate() const;

    // The types the user may choose: `type` alone when set, else the whitelist.
    QStringList allowedTypes() const;
    bool isUpdate() const { return !connection.isEmpty(); }
};

bool isUuid(const QString &text);
