// The picker on its own, as a small dialog, for a session whose platform's page shows one
// integration only (Paragon's portal) when the command line did not name exactly one: search,
// arrows and Enter choose; Esc cancels.
#pragma once

#include "core/model/ConnectionType.h"

#include <QDialog>

class IntegrationPicker;
class LogoCache;

class IntegrationChooser : public QDialog
{
    Q_OBJECT

public:
    IntegrationChooser(const QList<ConnectionType> &types, const QString &platformName,
                       QWidget *parent = nullptr);

    // After accept(): the one chosen.
    const ConnectionType &chosen() const { return m_chosen; }
    IntegrationPicker *picker() const { return m_picker; }

private:
    LogoCache *m_logos;
    IntegrationPicker *m_picker;
    ConnectionType m_chosen;
};
