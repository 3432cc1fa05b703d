#include "core/model/ApiFailure.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ApiFailure", text, disambiguation, n);
}

} // namespace

QString ApiFailure::code() const
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Malformed:
        return QStringLiteral("malformed_reply");
    case Kind::Aborted:
        return QStringLiteral("aborted");
    case Kind::Configuration:
        return configurationCode.isEmpty() ? QStringLiteral("configuration") : configurationCode;
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
    case 422:
        return QStringLiteral("invalid_request");
    case 401:
        return QStringLiteral("unauthorized");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 409:
        return QStringLiteral("conflict");
    default:
        break;
    }
    if (httpStatus >= 500)
        return QStringLiteral("server_error");
    return QStringLiteral("http_%1").arg(httpStatus);
}

QString ApiFailure::message() const
{
    const QString server = host.isEmpty() ? tr("the server") : host;
    const QString said =
        serverMessage.isEmpty() ? QString() : tr(" The server said: “%1”.").arg(serverMessage);
    const QString tries = attempts > 1 ? tr(" (tried %n times)", nullptr, attempts) : QString();
    switch (kind) {
    case Kind::Network:
        return tr("Cannot reach %1%2: %3. Check your network connection and the profile's address, "
                  "then try again.")
            .arg(server, tries, detail.isEmpty() ? tr("no answer") : detail);
    case Kind::Timeout:
        return tr("%1 did not answer in time%2. Try again; if it keeps happening, check the "
                  "profile's address or your network.")
            .arg(server, tries);
    case Kind::Malformed:
        return tr("The answer from %1 could not be read (%2). The server may be misconfigured or "
                  "not a Polytomic-compatible API; check the profile's address.")
            .arg(server, detail);
    case Kind::Aborted:
        return tr("The request was stopped.");
    case Kind::Configuration:
        return detail;
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 401:
        return tr("%1 refused the API key (401).%2 Check the key in the profile's settings, or "
                  "POLYTOMIC_API_KEY.")
            .arg(server, said);
    case 403:
        return tr("The API key is not allowed to do this (403).%1 Ask an administrator of your "
                  "organization for a key with access to connections.")
            .arg(said);
    case 404:
        return tr("%1 has no such resource (404).%2 Check the profile's address and API version.")
            .arg(server, said);
    case 409:
        return tr("An earlier attempt is still being processed (409).%1 Wait a moment and try "
                  "again.")
            .arg(said);
    case 400:
    case 422:
        return serverMessage.isEmpty()
            ? tr("%1 refused the request (%2). Check the connection's details and try again.")
                  .arg(server)
                  .arg(httpStatus)
            : tr("%1 refused the request: %2.").arg(server, serverMessage);
    default:
        break;
    }
    if (httpStatus >= 500)
        return tr("%1 had a problem (HTTP %2)%3.%4 Try again later; if it persists, contact the "
                  "platform's support.")
            .arg(server)
            .arg(httpStatus)
            .arg(tries, said);
    return tr("%1 answered with HTTP %2.%3").arg(server).arg(httpStatus).arg(said);
}

bool ApiFailure::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return httpStatus >= 500 || httpStatus == 409;
    default:
        return false;
    }
}
