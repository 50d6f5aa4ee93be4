//! Generates the parser from the lalrpop grammar, and the table of the
//! standard-library modules written in Python (`src/modules/py/*.py`).

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=grammar/python.lalrpop");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(&out_dir)
        .process()
        .expect("the grammar compiles");
    write_python_module_table(Path::new(&out_dir));
}

/// `python_module(name)`: each `py/NAME.py`, embedded with include_str!.
fn write_python_module_table(out_dir: &Path) {
    println!("cargo:rerun-if-changed=src/modules/py");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/modules/py");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("src/modules/py exists")
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .filter_map(|file| file.strip_suffix(".py").map(str::to_owned))
        .collect();
    names.sort();
    let mut table = String::from(
        "/// The source of a module written in Python, by module name.\n\
         pub fn python_module(name: &str) -> Option<&'static str> {\n    match name {\n",
    );
    for name in &names {
        let path = dir.join(format!("{name}.py"));
        writeln!(
            table,
            "        {name:?} => Some(include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String");
    }
    table.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(out_dir.join("python_modules.rs"), table).expect("OUT_DIR is writable");
}
