//! Python `str` storage: UTF-8 text that indexes by code point.
//!
//! Most strings in tutorial programs are ASCII, where byte and code-point
//! indices agree; the flag keeps that path O(1).

use std::fmt;

pub struct PyStr {
    text: String,
    char_len: usize,
    is_ascii: bool,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(text: String) -> PyStr {
        let is_ascii = text.is_ascii();
        let char_len = if is_ascii {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            char_len,
            is_ascii,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points, as `len()` reports it.
    pub fn len(&self) -> usize {
        self.char_len
    }

    pub fn is_empty(&self) -> bool {
        self.char_len == 0
    }

    pub fn is_ascii(&self) -> bool {
        self.is_ascii
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len())
        }
    }

    /// The substring of code points `start..end` (clamped).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.text[a..b]
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.text)
    }
}
