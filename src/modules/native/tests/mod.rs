//! Tests of the native helpers against tables that CPython 3.11 wrote (the
//! gen_*.py scripts beside this file regenerate data/*.txt).

mod math_tests;
mod random_tests;
mod time_tests;
