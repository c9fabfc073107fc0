/* Arb macros and globals that Swift cannot import. */
#ifndef SCHED_SHIM_ARB_H
#define SCHED_SHIM_ARB_H

static inline arf_ptr sched_arb_midref(arb_t x) { return arb_midref(x); }
static inline mag_ptr sched_arb_radref(arb_t x) { return arb_radref(x); }
static inline arb_ptr sched_acb_realref(acb_t z) { return acb_realref(z); }
static inline arb_ptr sched_acb_imagref(acb_t z) { return acb_imagref(z); }
static inline arb_ptr sched_arb_poly_coeff_ptr(arb_poly_t p, slong i) { return arb_poly_get_coeff_ptr(p, i); }
static inline void sched_arb_calc_set_verbose(int v) { arb_calc_verbose = v; }

/* Nonzero when x is finite and the binary exponents of its midpoint and radius both lie
 * in [-maxexp, maxexp], so that the exact rationals mid and rad (mantissa · 2^exp) stay
 * within a size budget. Exponents are fmpz and may themselves be huge (exp(exp(100))). */
static inline int sched_arb_exponents_within(const arb_t x, slong maxexp) {
    if (!arb_is_finite(x)) return 0;
    if (!arf_is_zero(arb_midref(x))) {
        const fmpz * e = ARF_EXPREF(arb_midref(x));
        if (fmpz_cmp_si(e, maxexp) > 0 || fmpz_cmp_si(e, -maxexp) < 0) return 0;
    }
    if (!mag_is_zero(arb_radref(x))) {
        const fmpz * e = MAG_EXPREF(arb_radref(x));
        if (fmpz_cmp_si(e, maxexp) > 0 || fmpz_cmp_si(e, -maxexp) < 0) return 0;
    }
    return 1;
}

/* ARB_STR_* are defined through UWORD(), which Swift does not import. */
static inline ulong sched_arb_str_no_radius(void) { return ARB_STR_NO_RADIUS; }

#endif
