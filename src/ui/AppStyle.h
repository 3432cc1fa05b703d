// The application's style: the platform's (or Fusion, for the dark theme) with our own symbols
// where Qt's common styles would read its bundled PNG files.
#pragma once

#include <QHash>
#include <QIcon>
#include <QProxyStyle>

class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    // Wraps the style QStyleFactory makes for `key` ("Fusion", the platform's own).
    explicit AppStyle(const QString &key);

    // The key `style` was made from, through an AppStyle or not.
    static QString keyOf(const QStyle *style);
    // Fusion or Windows: Qt's own styles, which draw by the palette (an inactive window in its
    // inactive colours) and take a few symbols from Qt's bundled PNG files.
    static bool isQtsOwn(const QString &key);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

private:
    QString m_key;
    bool m_ownSymbols = false; // the base draws them from PNG files (Fusion, Windows)
    mutable QHash<int, QIcon> m_symbols; // drawn in the palette of the moment: made once
};
