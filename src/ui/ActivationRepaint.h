// Item views repaint their whole viewport each time their window is activated or deactivated,
// so that a style can draw an inactive window's selection in other colours. With a palette whose
// active and inactive colours are the same, in a style that draws by the palette (Fusion and
// Windows, ours), that repaint changes nothing: yet opening a connect window repainted the
// picker's list and the connections' tree on the UI thread while the modal loaded, on every
// session where a window manager gives the main window its focus back in between.
#pragma once

class QAbstractItemView;
class QWidget;

namespace ActivationRepaint {

// Skips that repaint on `view` (and on its header, for a tree) while it would change nothing.
void skipWhenUnchanged(QAbstractItemView *view);

// Whether `widget` looks different in an inactive window: palette groups or style.
bool changesLook(const QWidget *widget);

} // namespace ActivationRepaint
