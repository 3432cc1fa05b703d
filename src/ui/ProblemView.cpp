#include "ui/ProblemView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

QFont ProblemView::headingFont(QFont base)
{
    base.setPointSizeF(base.pointSizeF() * 1.3);
    base.setBold(true);
    return base;
}

ProblemView::ProblemView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_secondary(new QPushButton(this))
{
    m_heading->setFont(headingFont(m_heading->font()));
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setDefault(true);
    m_action->setAutoDefault(true);
    m_action->setMinimumWidth(120);
    connect(m_action, &QPushButton::clicked, this, &ProblemView::actionTriggered);
    m_secondary->setAutoDefault(false);
    m_secondary->setFlat(true);
    m_secondary->hide();
    connect(m_secondary, &QPushButton::clicked, this, &ProblemView::secondaryTriggered);

    // A column of readable width: wrapped labels get their full height only when they span it.
    auto *column = new QWidget(this);
    column->setMaximumWidth(460);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_heading);
    columnLayout->addWidget(m_text);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_action, 0, Qt::AlignHCenter);
    columnLayout->addWidget(m_secondary, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 6);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 32, 24, 32);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void ProblemView::setProblem(const QString &heading, const QString &text, const QString &actionText)
{
    m_heading->setText(heading);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_action->setText(actionText);
    setSecondaryAction({});
    setAccessibleDescription(heading + QLatin1Char('\n') + text);
}

void ProblemView::setSecondaryAction(const QString &text)
{
    m_secondary->setText(text);
    m_secondary->setVisible(!text.isEmpty());
}

QString ProblemView::heading() const
{
    return m_heading->text();
}

QString ProblemView::text() const
{
    return m_text->text();
}
