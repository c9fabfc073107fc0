/* FLINT multivariate-polynomial macros that Swift cannot import.
 *
 * None needed so far: the fmpq_mpoly accessors sched uses (content_ref, zpoly_ref,
 * length, degrees, factor_length/get_base/get_exp_si, ...) are static inline
 * functions in FLINT 2.9's headers, which Swift imports directly. */
#ifndef SCHED_SHIM_MPOLY_H
#define SCHED_SHIM_MPOLY_H

#endif
