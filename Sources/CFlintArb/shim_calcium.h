/* Calcium's qqbar (exact algebraic numbers).
 *
 * FLINT 2.9 with Debian's libcalcium-dev 0.4 installs Calcium's headers in
 * /usr/include/calcium/ and its library as libcalcium (Package.swift links it when that
 * directory exists); FLINT 3 merged Calcium into FLINT: <flint/qqbar.h>, no separate
 * library. */
#ifndef SCHED_SHIM_CALCIUM_H
#define SCHED_SHIM_CALCIUM_H

#if __FLINT_RELEASE >= 30000
#include <flint/qqbar.h>
#else
#include <calcium/qqbar.h>
#endif

/* QQBAR_POLY is a macro, which Swift does not import. */
static inline const fmpz_poly_struct * sched_qqbar_poly(const qqbar_t x) { return QQBAR_POLY(x); }

#endif
