/* FLINT macros that Swift cannot import. */
#ifndef SCHED_SHIM_FLINT_H
#define SCHED_SHIM_FLINT_H

static inline fmpz * sched_fmpq_numref(fmpq_t q) { return fmpq_numref(q); }
static inline fmpz * sched_fmpq_denref(fmpq_t q) { return fmpq_denref(q); }
static inline int sched_fmpz_poly_is_zero(const fmpz_poly_t p) { return fmpz_poly_is_zero(p); }
static inline fmpz * sched_fmpz_poly_coeff_ptr(const fmpz_poly_t p, slong i) { return p->coeffs + i; }
static inline slong sched_fmpz_poly_factor_num(const fmpz_poly_factor_t f) { return f->num; }
static inline fmpz_poly_struct * sched_fmpz_poly_factor_poly(const fmpz_poly_factor_t f, slong i) { return f->p + i; }
static inline slong sched_fmpz_poly_factor_exp(const fmpz_poly_factor_t f, slong i) { return f->exp[i]; }
static inline fmpz * sched_fmpz_poly_factor_content(fmpz_poly_factor_t f) { return &f->c; }

#endif
