/* GMP macros that Swift cannot import. */
#ifndef SCHED_SHIM_GMP_H
#define SCHED_SHIM_GMP_H

static inline mpz_ptr sched_mpq_numref(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr sched_mpq_denref(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr sched_mpq_numref_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr sched_mpq_denref_const(mpq_srcptr q) { return mpq_denref(q); }
static inline int sched_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }
static inline int sched_mpq_sgn(mpq_srcptr q) { return mpq_sgn(q); }
static inline int sched_mpz_odd_p(mpz_srcptr z) { return mpz_odd_p(z); }

/* Round a rational to the nearest double (ties to even) through MPFR. */
static inline double sched_mpq_get_d_nearest(mpq_srcptr q) {
    mpfr_t f;
    mpfr_init2(f, 53);
    mpfr_set_q(f, q, MPFR_RNDN);
    double d = mpfr_get_d(f, MPFR_RNDN);
    mpfr_clear(f);
    return d;
}

#endif
