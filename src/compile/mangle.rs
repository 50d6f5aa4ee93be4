//! Private name mangling: `__x` inside `class C` means `_C__x`.

/// Mangles `name` for the class named `private`, as CPython's `_Py_Mangle`:
/// only `__names` that do not end in `__` and contain no dot, and only
/// when the class name is not all underscores.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class_name) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_private_names_only() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
