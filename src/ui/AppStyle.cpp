#include "ui/AppStyle.h"

#include "ui/SvgIconEngine.h"

#include <QStyleFactory>

AppStyle::AppStyle(const QString &key)
    : QProxyStyle(QStyleFactory::create(key))
    , m_key(key)
    , m_ownSymbols(isQtsOwn(key))
{ }

bool AppStyle::isQtsOwn(const QString &key)
{
    return key.compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("windows"), Qt::CaseInsensitive) == 0;
}

QString AppStyle::keyOf(const QStyle *style)
{
    if (const auto *app = qobject_cast<const AppStyle *>(style))
        return app->m_key;
    return style ? style->name() : QString();
}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                             const QWidget *widget) const
{
    // Fusion and Windows draw these from PNG files, and reading the first image loads every
    // image format plugin Qt has (1.8 ms on the path to the main window: its menu bar and
    // toolbar ask for the extension symbol, the search field for the clear one). Ours are SVG
    // in the palette's colours, dark theme included. Other styles keep their own.
    if (m_ownSymbols) {
        const char *file = nullptr;
        switch (standardIcon) {
        case SP_LineEditClearButton:
            file = ":/ui/clear.svg";
            break;
        case SP_ToolBarHorizontalExtensionButton:
            file = ":/ui/extension-horizontal.svg";
            break;
        case SP_ToolBarVerticalExtensionButton:
            file = ":/ui/extension-vertical.svg";
            break;
        default:
            break;
        }
        if (file) {
            auto kept = m_symbols.constFind(standardIcon);
            if (kept == m_symbols.constEnd())
                kept = m_symbols.insert(standardIcon,
                                        SvgIconEngine::symbol(QString::fromLatin1(file)));
            if (!kept->isNull())
                return *kept;
        }
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}
