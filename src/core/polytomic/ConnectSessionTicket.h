// The 200 reply of POST /api/connections/connect/: where the modal is, and its single-use token.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

struct ConnectSessionTicket
{
    QUrl modalUrl; // the modal's address
    QString token; // opaque, single use

    QJsonObject toJson() const;
    // Reads the "data" object; nullopt and *error set when a field is missing or not a URL.
    static std::optional<ConnectSessionTicket> fromJson(const QJsonObject &data, QString *error);
};
