//! The files `kairos test PATH...` looks at: `.md` pages and `.py`
//! programs, in folders recursively (sorted by name, hidden folders and
//! build output left out, symbolic links to folders not followed).

use std::path::{Path, PathBuf};

/// A file to check and whether it was named on the command line (a named
/// `.py` is run even when it makes no claim).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub path: PathBuf,
    pub named: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Markdown,
    Python,
}

pub fn kind(path: &Path) -> Option<Kind> {
    match path.extension()?.to_str()? {
        "md" | "markdown" => Some(Kind::Markdown),
        "py" => Some(Kind::Python),
        _ => None,
    }
}

/// Folders never searched.
const SKIPPED_FOLDERS: [&str; 3] = ["__pycache__", "node_modules", "target"];

/// The candidates under `paths`, each file once; a usage error names a
/// path that does not exist or a named file of another kind.
pub fn candidates(paths: &[PathBuf]) -> Result<Vec<Candidate>, String> {
    let mut found: Vec<Candidate> = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path)
            .map_err(|_| format!("no such file or folder: {}", path.display()))?;
        if metadata.is_dir() {
            walk(path, &mut found);
        } else if kind(path).is_some() {
            found.push(Candidate {
                path: path.clone(),
                named: true,
            });
        } else {
            return Err(format!("{} is not a .md or .py file", path.display()));
        }
    }
    // Each file once, where first found; named if it was named anywhere.
    let key = |c: &Candidate| std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone());
    let named: std::collections::HashSet<PathBuf> =
        found.iter().filter(|c| c.named).map(key).collect();
    let mut seen = std::collections::HashSet::new();
    found.retain(|c| seen.insert(key(c)));
    for candidate in &mut found {
        candidate.named |= named.contains(&key(candidate));
    }
    Ok(found)
}

fn walk(folder: &Path, found: &mut Vec<Candidate>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let Ok(metadata) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if metadata.is_dir() {
            if !SKIPPED_FOLDERS.contains(&name.as_str()) {
                walk(&path, found);
            }
        } else if kind(&path).is_some() && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            // `kairos test .` reports `page.md`, not `./page.md`.
            let path = path
                .strip_prefix(".")
                .map_or(path.clone(), Path::to_path_buf);
            found.push(Candidate { path, named: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind(Path::new("a/b.md")), Some(Kind::Markdown));
        assert_eq!(kind(Path::new("b.py")), Some(Kind::Python));
        assert_eq!(kind(Path::new("b.out")), None);
        assert_eq!(kind(Path::new("md")), None);
    }

    #[test]
    fn missing_paths_are_usage_errors() {
        let err = candidates(&[PathBuf::from("/no/such/kairos/path")]).unwrap_err();
        assert!(err.contains("no such file"));
    }
}
