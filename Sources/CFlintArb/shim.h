/* The one C entry point of sched: GMP, MPFR, FLINT 2.9, Arb 2.23 and Calcium 0.4.
 *
 * Swift cannot import function-like macros, so every macro sched needs is wrapped
 * here in a static inline function named sched_<macro>. Concern-specific wrappers
 * live in the shim_*.h files included below. */
#ifndef SCHED_SHIM_H
#define SCHED_SHIM_H

#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_mpoly.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpz_mpoly_factor.h>
#include <flint/fmpq_mpoly_factor.h>
#include <arb.h>
#include <acb.h>
#include <arb_poly.h>
#include <arb_calc.h>
#include <arb_fmpz_poly.h>
#include <arb_hypgeom.h>

#include "shim_gmp.h"
#include "shim_flint.h"
#include "shim_arb.h"
#include "shim_mpoly.h"
#include "shim_calcium.h"

#endif
