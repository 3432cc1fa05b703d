#include "ModalOverHttp.h"

#include "HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ModalOverHttp {

QUrl completePostgres(const QUrl &modal, const QString &password, const QString &database)
{
    HttpClient client(modal);
    const QJsonObject configuration{{QLatin1String("hostname"), QStringLiteral("db")},
                                    {QLatin1String("port"), 5432},
                                    {QLatin1String("database"), database},
                                    {QLatin1String("username"), QStringLiteral("u")},
                                    {QLatin1String("password"), password}};
    const QJsonObject form{{QLatin1String("type"), QStringLiteral("postgresql")},
                           {QLatin1String("configuration"), configuration}};
    client.post(modal.path() + QStringLiteral("/submit"), QJsonDocument(form).toJson());
    return QUrl::fromEncoded(
        client.get(modal.path() + QStringLiteral("/finish")).header("Location"));
}

QUrl close(const QUrl &modal)
{
    HttpClient client(modal);
    return QUrl::fromEncoded(
        client.get(modal.path() + QStringLiteral("/close")).header("Location"));
}

} // namespace ModalOverHttp
