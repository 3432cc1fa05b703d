#include "core/polytomic/ConnectSessionTicket.h"

#include <QCoreApplication>

QJsonObject ConnectSessionTicket::toJson() const
{
    return {{QLatin1String("redirect_url"), modalUrl.toString(QUrl::FullyEncoded)},
            {QLatin1String("token"), token}};
}

std::optional<ConnectSessionTicket> ConnectSessionTicket::fromJson(const QJsonObject &data,
                                                                   QString *error)
{
    ConnectSessionTicket ticket;
    ticket.modalUrl = QUrl(data.value(QLatin1String("redirect_url")).toString(), QUrl::StrictMode);
    ticket.token = data.value(QLatin1String("token")).toString();
    const QString scheme = ticket.modalUrl.scheme();
    if (!ticket.modalUrl.isValid() || ticket.modalUrl.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        if (error)
            *error = QCoreApplication::translate(
                "ConnectSessionTicket",
                "The server did not return a usable address for the connect modal.");
        return std::nullopt;
    }
    return ticket;
}
