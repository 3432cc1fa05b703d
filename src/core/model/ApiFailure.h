// Why an API exchange failed, and what a person should do about it.
#pragma once

#include <QString>

struct ApiFailure
{
    enum class Kind {
        Network, // no answer: refused, reset, unreachable host
        Timeout, // no answer in time
        Http, // an HTTP error status
        Malformed, // an answer we cannot read
        Aborted, // stopped by us (window closed, session ended)
        Configuration, // we could not even ask: no key, bad profile; `detail` says what to do
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // for Http
    QString serverMessage; // the server's words, from either error shape, when it gave some
    QString serverKey; // the server's error key, when it gave one
    QString field; // the request field the server refused (its metadata's "field"), if named
    QString detail; // technical detail (network error text, JSON parse error)
    QString host; // the API host, to name in messages
    int attempts = 1; // tries made, retries included
    QString configurationCode; // for Configuration: a code of its own, e.g. "redirect_port"

    // Something on this side stopped the call before it was made; `message` says what to do.
    static ApiFailure configuration(const QString &code, const QString &message)
    {
        ApiFailure failure;
        failure.kind = Kind::Configuration;
        failure.configurationCode = code;
        failure.detail = message;
        return failure;
    }

    // A stable machine-readable code: network, timeout, unauthorized, forbidden, not_found,
    // conflict, invalid_request, server_error, http_<n>, malformed_reply, aborted, configuration.
    QString code() const;
    // One or two sentences: what happened and what to do.
    QString message() const;
    // 5xx, 409 (the first attempt is still in flight), timeouts and dropped connections.
    bool isRetryable() const;
};
