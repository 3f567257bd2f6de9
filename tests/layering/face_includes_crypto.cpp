// Must NOT compile: a face reaching for crypto directly (see CMakeLists.txt).
#include "fieldvault/crypto/secret.h"

int main() { return 0; }
