#include "cli/commands.h"

int main(int argc, char** argv) { return orashift::cli::run(argc, argv); }
