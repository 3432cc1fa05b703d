// Files a test writes for the code under test to read (a logo, machine settings, a cookie jar).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace TestFiles {

// Writes `contents` to `path`, replacing what was there; false if it could not all be written.
inline bool write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(contents) == contents.size();
}

} // namespace TestFiles
