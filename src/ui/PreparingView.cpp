#include "ui/PreparingView.h"

#include "ui/BusyIndicator.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PreparingView::PreparingView(QWidget *parent)
    : QWidget(parent)
    , m_busy(new BusyIndicator(this))
    , m_heading(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
{
    m_heading->setFont(headingFont(m_heading->font()));
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &PreparingView::cancelRequested);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addWidget(m_heading);
    layout->addWidget(m_detail);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

QFont PreparingView::headingFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(font.pointSizeF() * 1.15);
    return font;
}

void PreparingView::setText(const QString &heading, const QString &detail)
{
    m_heading->setText(heading);
    setDetail(detail);
    m_cancel->hide();
}

void PreparingView::setDetail(const QString &detail)
{
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString PreparingView::heading() const
{
    return m_heading->text();
}

void PreparingView::setCancelShown(bool shown)
{
    m_cancel->setVisible(shown);
}
