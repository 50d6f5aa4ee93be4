//! `bytes`: constructor, `decode`, `hex`, and the text codecs that
//! `str.encode` shares (UTF-8, ASCII and Latin-1).

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, self_arg, str_arg, Sig};
use crate::vm::builtins::methods::add_new;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let bytes = vm.types.bytes.clone();
    add_new(&bytes, bytes_new);
    vm.add_method(&bytes, "decode", decode);
    vm.add_method(&bytes, "hex", hex);
    vm.add_method(&bytes, "__len__", dunder_len);
    vm.add_method(&bytes, "__getitem__", getitem);
    vm.add_method(&bytes, "__iter__", iter);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<[u8]>> {
    self_arg(vm, args, "bytes", method, |v| match v {
        Value::Bytes(b) => Some(b.clone()),
        _ => None,
    })
}

/// The codecs kairos knows.
#[derive(Clone, Copy)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Looks a codec up by any of its common spellings.
pub fn codec(vm: &mut Vm, name: Option<&Value>, what: &str) -> PyResult<Codec> {
    let name = match name {
        None => return Ok(Codec::Utf8),
        Some(v) => str_arg(vm, v, &format!("{what}() argument 'encoding'"))?
            .as_str()
            .to_owned(),
    };
    let normal = name.to_ascii_lowercase().replace('_', "-");
    match normal.as_str() {
        "utf-8" | "utf8" | "u8" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Ok(Codec::Latin1),
        _ => Err(vm.new_error(ExcKind::LookupError, format!("unknown encoding: {name}"))),
    }
}

/// The `errors=` policy: strict (raise), replace or ignore.
fn error_policy(vm: &mut Vm, errors: Option<&Value>, what: &str) -> PyResult<String> {
    match errors {
        None => Ok("strict".to_owned()),
        Some(v) => Ok(str_arg(vm, v, &format!("{what}() argument 'errors'"))?
            .as_str()
            .to_owned()),
    }
}

/// `str.encode`.
pub fn encode_text(
    vm: &mut Vm,
    text: &str,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let codec = codec(vm, encoding, "encode")?;
    let policy = error_policy(vm, errors, "encode")?;
    let limit = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match policy.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                let shown = crate::text::ascii_escape(&c.to_string());
                return Err(vm.new_error(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode character '{shown}' in position {i}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
        }
    }
    Ok(out)
}

/// `bytes.decode`.
pub fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<String> {
    let codec = codec(vm, encoding, "decode")?;
    let policy = error_policy(vm, errors, "decode")?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match policy.as_str() {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        _ => {
                            return Err(vm.new_error(
                                ExcKind::UnicodeDecodeError,
                                format!("'ascii' codec can't decode byte {b:#04x} in position {i}: ordinal not in range(128)"),
                            ))
                        }
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf8 => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_owned()),
            Err(e) => match policy.as_str() {
                "replace" => Ok(String::from_utf8_lossy(data).into_owned()),
                "ignore" => Ok(String::from_utf8_lossy(data).replace('\u{fffd}', "")),
                _ => {
                    let at = e.valid_up_to();
                    let byte = data[at];
                    let reason = match e.error_len() {
                        None => "unexpected end of data",
                        Some(_) if (0x80..0xc0).contains(&byte) || byte >= 0xf8 => {
                            "invalid start byte"
                        }
                        Some(_) => "invalid continuation byte",
                    };
                    Err(vm.new_error(
                        ExcKind::UnicodeDecodeError,
                        format!("'utf-8' codec can't decode byte {byte:#04x} in position {at}: {reason}"),
                    ))
                }
            },
        },
    }
}

/// `bytes(n)` larger than this is refused rather than allocated.
const MAX_ALLOCATION: i64 = 1 << 28;

const BYTES: Sig = Sig {
    name: "bytes",
    params: &["source", "encoding", "errors"],
    required: 0,
    positional: 3,
};

/// `bytes()`, `bytes(n)`, `bytes(text, encoding)`, `bytes(iterable_of_ints)`.
fn bytes_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = BYTES.bind(vm, args.get(1..).unwrap_or_default(), kwargs)?;
    let data: Vec<u8> = match &bound[0] {
        None => Vec::new(),
        Some(Value::Str(s)) => {
            if bound[1].is_none() {
                return Err(vm.type_error("string argument without an encoding"));
            }
            encode_text(vm, s.as_str(), bound[1].as_ref(), bound[2].as_ref())?
        }
        Some(b @ Value::Bytes(_)) => return Ok(b.clone()),
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(vm.value_error("negative count"));
            }
            if *n > MAX_ALLOCATION {
                return Err(vm.new_error(ExcKind::MemoryError, ""));
            }
            vec![0; *n as usize]
        }
        Some(source) => {
            let items = vm.collect_iterable(source)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let n = vm.to_index(item)?;
                match u8::try_from(n) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    Ok(Value::Bytes(data.into()))
}

const DECODE: Sig = Sig {
    name: "decode",
    params: &["encoding", "errors"],
    required: 0,
    positional: 2,
};

fn decode(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "decode")?;
    let bound = DECODE.bind(vm, &args[1..], kwargs)?;
    let text = decode_bytes(vm, &data, bound[0].as_ref(), bound[1].as_ref())?;
    Ok(Value::string(text))
}

fn hex(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let data = this(vm, args, "hex")?;
    let text: String = data.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::string(text))
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "__len__")?.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let index = exactly_one(vm, "bytes.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], index)
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}
