#include "ui/IntegrationChooser.h"

#include "ui/IntegrationPicker.h"
#include "ui/LogoCache.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

IntegrationChooser::IntegrationChooser(const QList<ConnectionType> &types,
                                       const QString &platformName, QWidget *parent)
    : QDialog(parent)
    , m_logos(new LogoCache(this))
    , m_picker(new IntegrationPicker(m_logos, this))
{
    setWindowTitle(tr("Choose an integration"));
    auto *layout = new QVBoxLayout(this);
    auto *heading =
        new QLabel(tr("Which account do you want to connect to %1?").arg(platformName), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(m_picker, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_picker, &IntegrationPicker::integrationChosen, this,
            [this](const ConnectionType &type) {
                m_chosen = type;
                accept();
            });
    m_picker->setTypes(types);
    resize(420, 520);
    m_picker->focusSearch();
}
