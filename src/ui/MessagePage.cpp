#include "ui/MessagePage.h"

#include "ui/BusyIndicator.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

MessagePage::MessagePage(QWidget *parent)
    : QWidget(parent)
    , m_busy(new BusyIndicator(this))
    , m_message(new QLabel(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
{
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    connect(m_retry, &QPushButton::clicked, this, &MessagePage::retryRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addWidget(m_message);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void MessagePage::setMessage(const QString &text, bool busy, bool retry)
{
    m_message->setText(text);
    m_busy->setVisible(busy);
    m_retry->setVisible(retry);
}

QString MessagePage::text() const
{
    return m_message->text();
}
