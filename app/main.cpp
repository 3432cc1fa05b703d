// connect-desktop: everything lives in the libraries, which the tests link too.
#include "app/Application.h"

int main(int argc, char **argv)
{
    return Application::run(argc, argv);
}
