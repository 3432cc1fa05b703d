#include "ui/Banner.h"

#include "ui/StatusBadge.h"
#include "ui/ThemeManager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>

namespace {

StatusBadge::Tone toneFor(Banner::Level level)
{
    switch (level) {
    case Banner::Level::Success:
        return StatusBadge::Tone::Good;
    case Banner::Level::Warning:
        return StatusBadge::Tone::Warning;
    case Banner::Level::Error:
        return StatusBadge::Tone::Bad;
    case Banner::Level::Sandbox:
        return StatusBadge::Tone::Accent;
    case Banner::Level::Info:
        break;
    }
    return StatusBadge::Tone::Neutral;
}

} // namespace

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_actionLayout(new QHBoxLayout)
    , m_dismiss(new QToolButton(this))
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_dismiss->setText(QStringLiteral("\u00d7"));
    m_dismiss->setAutoRaise(true);
    m_dismiss->setToolTip(tr("Dismiss"));
    m_dismiss->setAccessibleName(tr("Dismiss"));
    connect(m_dismiss, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_label, 1);
    m_actionLayout->setSpacing(6);
    layout->addLayout(m_actionLayout);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);

    setAccessibleName(tr("Message"));
    hide();
}

QString Banner::text() const
{
    return m_label->text();
}

void Banner::setDismissible(bool dismissible)
{
    m_dismiss->setVisible(dismissible);
}

void Banner::clearActions()
{
    qDeleteAll(m_actions);
    m_actions.clear();
}

void Banner::showMessage(Level level, const QString &text)
{
    m_level = level;
    clearActions();
    m_label->setText(text);
    setAccessibleDescription(text);
    show();
    update();
}

QPushButton *Banner::addButton(const QString &text, const std::function<void()> &handler)
{
    auto *button = new QPushButton(text, this);
    connect(button, &QPushButton::clicked, this, handler);
    m_actionLayout->addWidget(button);
    m_actions.append(button);
    return button;
}

void Banner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool dark = ThemeManager::isDarkPalette(palette());
    const QColor color = StatusBadge::toneColor(toneFor(m_level), dark);
    QColor fill = color;
    fill.setAlphaF(dark ? 0.18 : 0.10);
    QColor border = color;
    border.setAlphaF(0.45);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 6, 6);
    // A solid edge says the level at a glance, even to people who do not read the colour.
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(box.left(), box.top(), 4, box.height()), 2, 2);
}
