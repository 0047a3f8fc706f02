// Must NOT compile: core's include paths do not reach QtWidgets.
#include <QWidget>

int main()
{
    return 0;
}
