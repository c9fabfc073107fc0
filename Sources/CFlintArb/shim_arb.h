/* Arb macros and globals that Swift cannot import. */
#ifndef SCHED_SHIM_ARB_H
#define SCHED_SHIM_ARB_H

static inline arf_ptr sched_arb_midref(arb_t x) { return arb_midref(x); }
static inline mag_ptr sched_arb_radref(arb_t x) { return arb_radref(x); }
static inline arb_ptr sched_acb_realref(acb_t z) { return acb_realref(z); }
static inline arb_ptr sched_acb_imagref(acb_t z) { return acb_imagref(z); }
static inline arb_ptr sched_arb_poly_coeff_ptr(arb_poly_t p, slong i) { return arb_poly_get_coeff_ptr(p, i); }
static inline void sched_arb_calc_set_verbose(int v) { arb_calc_verbose = v; }

#endif
