#include "ui/BrandLogo.h"

#include "core/settings/AppSettings.h"
#include "core/system/LogCategories.h"
#include "core/system/LogoCheck.h"

#include <QFile>
#include <QPainter>

BrandLogo::BrandLogo(QWidget *parent)
    : QWidget(parent)
{
    setAppLogo();
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QByteArray BrandLogo::appLogoSvg()
{
    QFile file(QStringLiteral(":/ui/app-logo.svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void BrandLogo::setAppLogo()
{
    // Made with our logo, then set from settings that name none: parsed once, not twice.
    if (m_custom || !m_renderer.isValid())
        m_renderer.load(appLogoSvg());
    m_custom = false;
    setAccessibleName(tr("Connect Desktop"));
    updateGeometry();
    update();
}

bool BrandLogo::setSvg(const QByteArray &svg)
{
    QSvgRenderer candidate;
    if (!candidate.load(svg) || !candidate.isValid())
        return false;
    m_renderer.load(svg);
    m_custom = true;
    updateGeometry();
    update();
    return true;
}

void BrandLogo::setFromSettings(const AppSettings *settings, bool dark)
{
    m_problem.clear();
    QString path = settings ? settings->logoFile() : QString();
    if (dark && settings && !settings->logoDarkFile().isEmpty())
        path = settings->logoDarkFile();
    if (path.isEmpty()) {
        setAppLogo();
        return;
    }
    QByteArray contents;
    m_problem = LogoCheck::problemWithFile(path, &contents);
    if (m_problem.isEmpty() && !setSvg(contents))
        m_problem = tr("The logo file could not be drawn.");
    if (!m_problem.isEmpty()) {
        // The header must never be empty or broken: our own logo stands in.
        qCWarning(lcUi) << "custom logo not used:" << path << m_problem;
        setAppLogo();
        return;
    }
    setAccessibleName(tr("Logo"));
}

void BrandLogo::setLogoHeight(int height)
{
    m_height = height;
    updateGeometry();
    update();
}

QSize BrandLogo::sizeHint() const
{
    const QRectF box = m_renderer.viewBoxF();
    if (box.isEmpty() || box.height() <= 0)
        return {m_height, m_height};
    // Wide wordmarks keep their proportions, up to a sensible header width.
    const int width = qBound(m_height, qRound(m_height * box.width() / box.height()), m_height * 6);
    return {width, m_height};
}

void BrandLogo::paintEvent(QPaintEvent *)
{
    if (!m_renderer.isValid())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QSizeF size = m_renderer.viewBoxF().size();
    if (size.isEmpty())
        size = m_renderer.defaultSize();
    size.scale(QSizeF(rect().size()), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(QRectF(rect()).center());
    m_renderer.render(&painter, target);
}
