//! `--update`: expected outputs rewritten in place with what kairos
//! printed. Every edit replaces whole lines of one expected output; all
//! other bytes of the file stay as they were.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use super::example::Target;
use super::fences::closes;

/// Replace `bytes` of the file at `path` by `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub path: PathBuf,
    pub bytes: Range<usize>,
    pub text: String,
}

/// The edit that writes `lines` as the expected output at `target`.
pub fn rewrite(target: &Target, lines: &[String]) -> Result<Edit, String> {
    if let Some(marker) = target.fence {
        if lines.iter().any(|l| closes(l, marker)) {
            return Err("cannot update: a printed line would close the output fence".to_owned());
        }
    }
    let mut text = String::new();
    for line in lines {
        if !line.is_empty() {
            text.push_str(&target.indent);
            text.push_str(line);
        }
        text.push_str(target.eol);
    }
    Ok(Edit {
        path: target.path.clone(),
        bytes: target.bytes.clone(),
        text,
    })
}

/// Applies edits file by file. Returns, per file touched, an error message
/// if it could not be rewritten (then it is left unchanged).
pub fn apply(edits: &[Edit]) -> Vec<(PathBuf, Result<(), String>)> {
    let mut by_file: BTreeMap<&PathBuf, Vec<&Edit>> = BTreeMap::new();
    for edit in edits {
        by_file.entry(&edit.path).or_default().push(edit);
    }
    by_file
        .into_iter()
        .map(|(path, edits)| (path.clone(), apply_to_file(path, edits)))
        .collect()
}

fn apply_to_file(path: &PathBuf, mut edits: Vec<&Edit>) -> Result<(), String> {
    let original = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    edits.sort_by_key(|e| (e.bytes.start, e.bytes.end));
    let text = splice(&original, &edits).ok_or_else(|| {
        format!(
            "cannot update {}: it changed while being checked",
            path.display()
        )
    })?;
    if text != original {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// `text` with sorted, non-overlapping edits applied; `None` if they do
/// not fit it.
fn splice(text: &str, edits: &[&Edit]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for edit in edits {
        let Range { start, end } = edit.bytes;
        if start < copied
            || end < start
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return None;
        }
        out.push_str(text.get(copied..start)?);
        out.push_str(&edit.text);
        copied = end;
    }
    out.push_str(text.get(copied..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(bytes: Range<usize>, text: &str) -> Edit {
        Edit {
            path: "p".into(),
            bytes,
            text: text.to_owned(),
        }
    }

    #[test]
    fn splices_in_order_and_rejects_overlaps() {
        let (a, b) = (edit(0..1, "A"), edit(2..3, "CC"));
        assert_eq!(splice("abc", &[&a, &b]).as_deref(), Some("AbCC"));
        let c = edit(0..2, "x");
        assert_eq!(splice("abc", &[&c, &b]).as_deref(), Some("xCC"));
        let overlapping = edit(1..3, "y");
        assert_eq!(splice("abc", &[&c, &overlapping]), None);
        assert_eq!(splice("abc", &[&edit(2..9, "")]), None);
        assert_eq!(splice("é", &[&edit(1..2, "")]), None);
    }

    #[test]
    fn rewrite_indents_and_guards_the_fence() {
        let target = Target {
            path: "p.md".into(),
            bytes: 4..9,
            indent: "  ".to_owned(),
            eol: "\r\n",
            fence: Some(('`', 3)),
        };
        let e = rewrite(&target, &["a".to_owned(), String::new()]).unwrap();
        assert_eq!(e.text, "  a\r\n\r\n");
        assert!(rewrite(&target, &["````".to_owned()]).is_err());
        assert!(rewrite(&target, &["``` x".to_owned()]).is_ok());
    }
}
