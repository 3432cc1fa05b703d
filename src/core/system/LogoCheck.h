// Checks a custom SVG logo before use: renderable, small, and self-contained.
#pragma once

#include <QByteArray>
#include <QString>

namespace LogoCheck {

constexpr qint64 maxBytes = 512 * 1024;

// Empty when `svg` is fit to show; otherwise what is wrong and what to do. Refused: over the
// size limit, not SVG, a DOCTYPE or entity, scripts, foreignObject, or any reference to
// something outside the file (href/src/url() other than "#…" or data:).
QString problem(const QByteArray &svg);
// Reads `path` and checks it.
QString problemWithFile(const QString &path, QByteArray *contents = nullptr);

} // namespace LogoCheck
