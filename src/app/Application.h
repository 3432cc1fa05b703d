// Runs connect-desktop: reads the command line and starts what it asks for.
#pragma once

namespace Application {

int run(int argc, char **argv);

} // namespace Application
