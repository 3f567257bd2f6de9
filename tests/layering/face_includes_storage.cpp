// Must NOT compile: a face (linked like app/gui and app/cli: app/core only)
// reaching below core. tests/layering/CMakeLists.txt expects the compiler's
// "No such file" for this header.
#include "fieldvault/storage/vault.h"

int main() { return 0; }
