//! A named source text with a line index, for mapping byte offsets to
//! line/column positions in error messages and tracebacks.

/// One Python source file: its display name, its text and where lines start.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Byte offset of the first character of every line.
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0u32];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and 0-based byte column of `byte_offset` (clamped to the text).
    pub fn line_col(&self, byte_offset: u32) -> (usize, usize) {
        let offset = byte_offset.min(self.text.len() as u32);
        let index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (index + 1, (offset - self.line_starts[index]) as usize)
    }

    /// The text of 1-based `line` without its line terminator ("" past the end).
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_to_lines() {
        let src = SourceFile::new("x.py", "ab\ncd\r\nef");
        assert_eq!(src.line_col(0), (1, 0));
        assert_eq!(src.line_col(4), (2, 1));
        assert_eq!(src.line_col(7), (3, 0));
        assert_eq!(src.line_col(100), (3, 2));
        assert_eq!(src.line_text(2), "cd");
        assert_eq!(src.line_text(3), "ef");
        assert_eq!(src.line_text(9), "");
    }
}
