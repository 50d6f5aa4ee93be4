//! The C library's math functions, called directly. CPython computes `math`
//! and `random` results with them; Rust's std computes some (cbrt, asinh, ...)
//! with its own code, which can differ in the last bit. Calling the same C
//! functions as CPython keeps every printed digit identical.

mod c {
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        // Rust's runtime links its own `cbrt` (a different algorithm) ahead of
        // the C library's, so take glibc's under its alias `cbrtf64`.
        #[cfg_attr(target_env = "gnu", link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

macro_rules! safe_wrappers {
    ($($name:ident($($arg:ident),+)),* $(,)?) => {
        $(
            pub fn $name($($arg: f64),+) -> f64 {
                // SAFETY: a pure C math function of doubles; no pointers, no state.
                unsafe { c::$name($($arg),+) }
            }
        )*
    };
}

safe_wrappers!(
    acos(x),
    acosh(x),
    asin(x),
    asinh(x),
    atan(x),
    atan2(y, x),
    atanh(x),
    cbrt(x),
    cos(x),
    cosh(x),
    erf(x),
    erfc(x),
    exp(x),
    exp2(x),
    expm1(x),
    log(x),
    log10(x),
    log1p(x),
    log2(x),
    pow(x, y),
    sin(x),
    sinh(x),
    tan(x),
    tanh(x),
);
