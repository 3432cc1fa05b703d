#include "ui/SessionResultView.h"

#include "ui/StatusBadge.h"
#include "ui/ThemeManager.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

// A round mark for the outcome: a tick, a cross or a dash, drawn so no font needs the glyph.
class SessionResultView::OutcomeIcon : public QWidget
{
public:
    explicit OutcomeIcon(QWidget *parent)
        : QWidget(parent)
    {
        setFixedSize(56, 56);
    }

    void setOutcome(SessionResult::Outcome outcome)
    {
        m_outcome = outcome;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const bool dark = ThemeManager::isDarkPalette(palette());
        StatusBadge::Tone tone = StatusBadge::Tone::Neutral;
        if (m_outcome == SessionResult::Outcome::Completed)
            tone = StatusBadge::Tone::Good;
        else if (m_outcome == SessionResult::Outcome::Failed)
            tone = StatusBadge::Tone::Bad;
        const QColor color = StatusBadge::toneColor(tone, dark);
        QColor fill = color;
        fill.setAlphaF(dark ? 0.22 : 0.12);
        const QRectF box = QRectF(rect()).adjusted(2, 2, -2, -2);
        painter.setPen(QPen(color, 2));
        painter.setBrush(fill);
        painter.drawEllipse(box);

        painter.setPen(QPen(color, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        const QPointF c = box.center();
        const qreal r = box.width() / 4.5;
        QPainterPath path;
        switch (m_outcome) {
        case SessionResult::Outcome::Completed:
            path.moveTo(c + QPointF(-r, 0));
            path.lineTo(c + QPointF(-r / 3, r * 0.7));
            path.lineTo(c + QPointF(r, -r * 0.7));
            break;
        case SessionResult::Outcome::Failed:
            path.moveTo(c + QPointF(-r * 0.8, -r * 0.8));
            path.lineTo(c + QPointF(r * 0.8, r * 0.8));
            path.moveTo(c + QPointF(r * 0.8, -r * 0.8));
            path.lineTo(c + QPointF(-r * 0.8, r * 0.8));
            break;
        case SessionResult::Outcome::Cancelled:
            path.moveTo(c + QPointF(-r, 0));
            path.lineTo(c + QPointF(r, 0));
            break;
        }
        painter.drawPath(path);
    }

private:
    SessionResult::Outcome m_outcome = SessionResult::Outcome::Cancelled;
};

QFont SessionResultView::headingFont(QFont base)
{
    base.setPointSizeF(base.pointSizeF() * 1.4);
    base.setBold(true);
    return base;
}

QFont SessionResultView::valueFont(QFont base)
{
    base.setBold(true);
    return base;
}

SessionResultView::SessionResultView(QWidget *parent)
    : QWidget(parent)
    , m_icon(new OutcomeIcon(this))
    , m_heading(new QLabel(this))
    , m_badge(new StatusBadge(this))
    , m_integration(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_integrationLabel(new QLabel(tr("Integration"), this))
    , m_connectionLabel(new QLabel(tr("Connection"), this))
    , m_message(new QLabel(this))
    , m_close(new QPushButton(tr("Close"), this))
{
    m_heading->setFont(headingFont(m_heading->font()));
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);

    for (QLabel *value : {m_integration, m_connection}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setFont(valueFont(value->font()));
    }
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_close->setDefault(true);
    m_close->setAutoDefault(true);
    m_close->setMinimumWidth(120);
    connect(m_close, &QPushButton::clicked, this, &SessionResultView::closeRequested);

    auto *details = new QFormLayout;
    details->setContentsMargins(0, 0, 0, 0);
    details->setLabelAlignment(Qt::AlignRight);
    details->setHorizontalSpacing(16);
    details->setVerticalSpacing(8);
    details->addRow(m_integrationLabel, m_integration);
    details->addRow(m_connectionLabel, m_connection);
    auto *detailsBox = new QWidget(this);
    detailsBox->setLayout(details);

    // A column of readable width: wrapped labels get their full height only when they span it.
    auto *column = new QWidget(this);
    column->setMaximumWidth(460);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_icon, 0, Qt::AlignHCenter);
    columnLayout->addWidget(m_heading);
    columnLayout->addWidget(m_badge, 0, Qt::AlignHCenter);
    columnLayout->addSpacing(4);
    columnLayout->addWidget(detailsBox, 0, Qt::AlignHCenter);
    columnLayout->addWidget(m_message);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_close, 0, Qt::AlignHCenter);

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

void SessionResultView::setResult(const SessionResult &result, const QString &integrationName)
{
    m_icon->setOutcome(result.outcome);
    QString integration = integrationName;
    if (result.connection && !result.connection->typeName.isEmpty())
        integration = result.connection->typeName;
    if (integration.isEmpty())
        integration = result.integration;
    m_integration->setText(integration);
    const bool hasIntegration = !integration.isEmpty();
    m_integration->setVisible(hasIntegration);
    m_integrationLabel->setVisible(hasIntegration);

    const bool hasConnection = result.connection.has_value();
    m_connection->setText(hasConnection ? result.connection->name : QString());
    m_connection->setVisible(hasConnection);
    m_connectionLabel->setVisible(hasConnection);

    switch (result.outcome) {
    case SessionResult::Outcome::Completed:
        m_heading->setText(integration.isEmpty() ? tr("Connected")
                                                 : tr("%1 is connected").arg(integration));
        if (hasConnection)
            m_badge->setConnectionStatus(result.connection->status, result.connection->statusError);
        else
            m_badge->setBadge(tr("Connected"), StatusBadge::Tone::Good);
        m_message->setText(hasConnection && !result.connection->statusError.isEmpty()
                               ? result.connection->statusError
                               : QString());
        break;
    case SessionResult::Outcome::Cancelled:
        m_heading->setText(tr("Cancelled"));
        m_badge->setBadge(tr("Not connected"), StatusBadge::Tone::Neutral);
        m_message->setText(tr("Nothing was connected."));
        break;
    case SessionResult::Outcome::Failed:
        m_heading->setText(tr("Could not connect"));
        m_badge->setBadge(tr("Failed"), StatusBadge::Tone::Bad);
        m_message->setText(result.errorMessage.isEmpty()
                               ? tr("Something went wrong (%1).").arg(result.errorCode)
                               : result.errorMessage);
        break;
    }
    m_message->setVisible(!m_message->text().isEmpty());
    setAccessibleDescription(m_heading->text() + QLatin1Char('\n') + m_message->text());
}

QString SessionResultView::heading() const
{
    return m_heading->text();
}

QString SessionResultView::connectionName() const
{
    return m_connection->text();
}

QString SessionResultView::message() const
{
    return m_message->text();
}
