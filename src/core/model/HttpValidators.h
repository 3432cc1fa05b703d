// What an HTTP answer said to identify its content (ETag, Last-Modified), sent back on the next
// request for the same resource so that an unchanged one is answered 304 Not Modified.
#pragma once

#include <QByteArray>

struct HttpValidators
{
    QByteArray etag; // as the server sent it, quotes and W/ included
    QByteArray lastModified; // an HTTP date

    bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
    bool operator==(const HttpValidators &other) const
    {
        return etag == other.etag && lastModified == other.lastModified;
    }
};
