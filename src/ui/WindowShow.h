// Showing a window so that its first paint is its only one.
#pragma once

class QWidget;

namespace WindowShow {

// Shows `window` (a top-level widget). Qt posts every widget it shows a request to repaint
// itself, and delivers those after the window system's first expose has painted the window
// already, so a new window was painted twice, in full. Delivered at once, they only mark the
// widgets for the expose's paint.
void show(QWidget *window);

} // namespace WindowShow
