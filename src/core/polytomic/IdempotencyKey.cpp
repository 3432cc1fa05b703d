#include "core/polytomic/IdempotencyKey.h"

#include <QRandomGenerator>

namespace IdempotencyKey {

bool isValid(const QString &key)
{
    if (key.size() < 8 || key.size() > 255)
        return false;
    for (const QChar c : key) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QString generate()
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString key;
    key.reserve(32);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < 32; ++i)
        key.append(QLatin1Char(alphabet[rng->bounded(int(sizeof(alphabet) - 1))]));
    return key;
}

} // namespace IdempotencyKey
