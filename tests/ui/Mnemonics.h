// Alt+letter reaches one control of a window: a menu of its menu bar, a labelled field, a button,
// a tab. The letters more than one of them use, each as "text / text" (for the windows' tests).
#pragma once

#include <QAbstractButton>
#include <QAction>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStringList>
#include <QTabWidget>

namespace Mnemonics {

inline QStringList duplicates(QWidget *window)
{
    QHash<QKeySequence, QStringList> used;
    const auto add = [&](const QString &text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            used[key].append(text);
    };
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (const QAction *menu : main->menuBar()->actions())
            add(menu->text());
    }
    for (const QLabel *label : window->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(window))
            add(label->text());
    }
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(window))
            add(button->text());
    }
    for (const QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i));
    }
    QStringList duplicates;
    for (auto it = used.cbegin(); it != used.cend(); ++it) {
        if (it.value().size() > 1)
            duplicates.append(it.value().join(QLatin1String(" / ")));
    }
    return duplicates;
}

} // namespace Mnemonics
