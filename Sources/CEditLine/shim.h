// libedit (apt package libedit-dev) through its readline-compatible interface, for
// the line editor of `sched repl`. Only SchedCLI's terminal layer imports it.
#include <stdio.h>
#include <editline/readline.h>

// Setters for libedit's global variables (Swift 6 does not allow touching C globals
// from Swift code without a data-race diagnostic).
static inline void sched_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void sched_rl_set_completion_over(int value) { rl_attempted_completion_over = value; }
