// The sandbox's connection types (from resources/sandbox/catalogue.json) and their monogram logos.
#pragma once

#include "core/model/ConnectionType.h"

#include <QHash>
#include <QList>
#include <QUrl>

class SandboxCatalogue
{
public:
    // Reads the built-in catalogue; logo URLs are made absolute against `serverUrl`.
    explicit SandboxCatalogue(const QUrl &serverUrl = {});

    const QList<ConnectionType> &types() const { return m_types; }
    const ConnectionType *find(const QString &id) const;
    bool contains(const QString &id) const { return find(id) != nullptr; }
    void setServerUrl(const QUrl &serverUrl);

    // A simple monogram logo of our own drawing: a rounded square in the type's colour with
    // one or two letters. Empty for an unknown type.
    QByteArray logoSvg(const QString &id) const;
    static QString monogram(const QString &name);

private:
    QList<ConnectionType> m_types;
    QHash<QString, QString> m_colours;
};
