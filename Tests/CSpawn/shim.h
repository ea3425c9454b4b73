// What the tests' process launcher needs from glibc (2.34+) beyond Swift's Glibc module: two spawn file actions and
// pipe2. glibc declares them only under _GNU_SOURCE, which that module is not built with; here they are declared
// with glibc's own signatures.
#include <spawn.h>

extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);
extern int pipe2(int fds[2], int flags);
