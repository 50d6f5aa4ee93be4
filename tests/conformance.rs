//! Conformance: every program in `samples/` run through `kairos run`.
//!
//! Two checks:
//! - `samples_match_snapshots`: stdout, stderr and exit status of each sample
//!   against an insta snapshot (`tests/snapshots/conformance/NAME.snap`). The
//!   snapshots start out as CPython's reference output (written by
//!   `tools/conformance.py --write-snapshots`), so a diff shows where kairos
//!   departs from CPython; review changes with `cargo insta review`.
//! - `samples_match_cpython`: the differential test itself, `tools/conformance.py`,
//!   which runs each sample under CPython 3.11 on the virtual clock and under
//!   kairos and compares them (needs `python3`, or `$PYTHON`).
//!
//! `KAIROS_SAMPLES=text` restricts both to samples whose name contains `text`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// Real time a single sample may take before it counts as hung.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// The sample programs, sorted by name, filtered by `$KAIROS_SAMPLES`.
fn samples() -> Vec<PathBuf> {
    let filter = std::env::var("KAIROS_SAMPLES").unwrap_or_default();
    let dir = Path::new(ROOT).join("samples");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {dir:?}: {e}"));
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .filter(|path| stem(path).contains(&filter))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no samples in {dir:?} match KAIROS_SAMPLES={filter:?}"
    );
    paths
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What one `kairos run` printed and how it ended.
struct Run {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code, or a word for how it ended otherwise ("timeout", "signal").
    status: String,
}

/// Runs `kairos run NAME.py` from the sample's folder, as the CPython reference does.
fn run_kairos(sample: &Path) -> Run {
    let folder = sample.parent().expect("a sample lives in a folder");
    let file = sample.file_name().expect("a sample has a file name");
    let mut child = Command::new(KAIROS)
        .arg("run")
        .arg(file)
        .current_dir(folder)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {KAIROS}: {e}"));
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = match wait_with_timeout(&mut child) {
        Some(status) => describe(status),
        None => "timeout".to_string(),
    };
    Run {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        status,
    }
}

/// Reads a pipe to the end on its own thread, so a full pipe cannot stall the child.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Waits for the child, killing it after `RUN_TIMEOUT` (then returns None).
fn wait_with_timeout(child: &mut Child) -> Option<ExitStatus> {
    let deadline = Instant::now() + RUN_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

fn describe(status: ExitStatus) -> String {
    status
        .code()
        .map_or_else(|| "signal".to_string(), |code| code.to_string())
}

/// Replaces every `0x[0-9a-f]+` with `0xADDR`, as tools/conformance.py does.
fn mask_addresses(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let hex_len = if bytes[i..].starts_with(b"0x") {
            bytes[i + 2..]
                .iter()
                .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                .count()
        } else {
            0
        };
        if hex_len > 0 {
            out.push_str(&text[copied..i]);
            out.push_str("0xADDR");
            i += 2 + hex_len;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where a warning is reported inside the interpreter's own files (`/...:80: ` or
/// `<...>:80: `), returns the `Category: message` part, as tools/conformance.py
/// matches it; such a site depends on the implementation, the message does not.
fn internal_warning(line: &str) -> Option<&str> {
    if !(line.starts_with('/') || line.starts_with('<')) {
        return None;
    }
    let (site, rest) = line.split_once(": ")?;
    let (_, lineno) = site.rsplit_once(':')?;
    let (category, _) = rest.split_once(": ")?;
    let is_word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    let is_number = !lineno.is_empty() && lineno.bytes().all(|b| b.is_ascii_digit());
    (is_number && is_word(category) && !site.contains(char::is_whitespace)).then_some(rest)
}

/// Rewrites internal warning sites to `<internal>: ...` and drops the source line after them.
fn blur_internal_warning_sites(text: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    let mut skip_source_line = false;
    for line in text.split('\n') {
        if std::mem::take(&mut skip_source_line) && line.starts_with("  ") {
            continue;
        }
        match internal_warning(line) {
            Some(warning) => {
                kept.push(format!("<internal>: {warning}"));
                skip_source_line = true;
            }
            None => kept.push(line.to_string()),
        }
    }
    kept.join("\n")
}

/// The snapshot text; `report_text` in tools/conformance.py renders CPython's runs the same way.
fn report(run: &Run) -> String {
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = blur_internal_warning_sites(&String::from_utf8_lossy(&run.stderr));
    mask_addresses(&format!(
        "status: {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
        run.status
    ))
}

#[test]
fn samples_match_snapshots() {
    let samples = samples();
    let mut differing = Vec::new();
    for sample in &samples {
        let name = stem(sample);
        let text = report(&run_kairos(sample));
        let check = std::panic::AssertUnwindSafe(|| {
            insta::with_settings!({
                snapshot_path => "snapshots/conformance",
                prepend_module_to_snapshot => false,
                omit_expression => true,
                description => format!("kairos run {name}.py"),
            }, {
                insta::assert_snapshot!(name.clone(), text);
            });
        });
        if std::panic::catch_unwind(check).is_err() {
            differing.push(name);
        }
    }
    assert!(
        differing.is_empty(),
        "{} of {} samples differ from their snapshots (diffs above; `cargo insta review`):\n  {}",
        differing.len(),
        samples.len(),
        differing.join("\n  ")
    );
}

#[test]
fn samples_match_cpython() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let script = Path::new(ROOT).join("tools").join("conformance.py");
    let names: Vec<String> = samples().iter().map(|p| stem(p)).collect();
    let output = Command::new(&python)
        .arg(&script)
        .arg("--kairos")
        .arg(KAIROS)
        .args(if std::env::var_os("KAIROS_SAMPLES").is_some() {
            names
        } else {
            Vec::new()
        })
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} (needed for the CPython reference): {e}"));
    let printed = String::from_utf8_lossy(&output.stdout);
    let failures: Vec<&str> = printed
        .lines()
        .filter(|line| !line.starts_with("PASS "))
        .collect();
    assert!(
        output.status.success(),
        "kairos differs from CPython 3.11 on the virtual clock:\n{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn internal_warning_sites_are_blurred_like_the_python_harness() {
    let cpython = "/usr/lib/python3.11/asyncio/events.py:80: RuntimeWarning: coroutine 'f' was never awaited\n  self._context.run()\nx.py:3: RuntimeWarning: kept\n  f()\n";
    assert_eq!(
        blur_internal_warning_sites(cpython),
        "<internal>: RuntimeWarning: coroutine 'f' was never awaited\nx.py:3: RuntimeWarning: kept\n  f()\n"
    );
    assert_eq!(
        internal_warning("<asyncio>:1: RuntimeWarning: m"),
        Some("RuntimeWarning: m")
    );
    assert_eq!(internal_warning("/a b:1: RuntimeWarning: m"), None);
    assert_eq!(internal_warning("sys:1: RuntimeWarning: m"), None);
}

#[test]
fn address_masking_matches_the_python_harness() {
    assert_eq!(
        mask_addresses("<f at 0x7f3a9c> 0x 0xZ 10x1f"),
        "<f at 0xADDR> 0x 0xZ 10xADDR"
    );
    assert_eq!(mask_addresses("0x"), "0x");
    assert_eq!(mask_addresses("end 0xff"), "end 0xADDR");
}
