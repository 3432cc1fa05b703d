// Runs connect-desktop: reads the command line and starts what it asks for.
#pragma once

#include <functional>

class MainWindow;

namespace Application {

// What a caller in the same process may add to a run: the benchmark drives the real window.
struct Hooks
{
    // The main window was just shown (the window command only, once).
    std::function<void(MainWindow &window)> windowShown;
};

int run(int argc, char **argv, const Hooks &hooks = {});

} // namespace Application
