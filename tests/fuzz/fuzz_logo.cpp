// Fuzzes the custom logo check: arbitrary bytes offered as an SVG.
#include "core/system/LogoCheck.h"

#include <QGuiApplication>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QSvgRenderer wants an application object; offscreen needs no display.
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    LogoCheck::problem(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
