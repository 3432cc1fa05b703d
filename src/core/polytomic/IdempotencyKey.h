// Idempotency-Key values: 8 to 255 characters of [A-Za-z0-9_-].
#pragma once

#include <QString>

namespace IdempotencyKey {

constexpr auto headerName = "Idempotency-Key";

bool isValid(const QString &key);
// A fresh random key (32 characters), for one connect attempt and all of its retries.
QString generate();

} // namespace IdempotencyKey
