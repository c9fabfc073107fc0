/* FLINT multivariate-polynomial macros that Swift cannot import. */
#ifndef SCHED_SHIM_MPOLY_H
#define SCHED_SHIM_MPOLY_H

#endif
