#!/usr/bin/env python3
"""Differential test: kairos against CPython 3.11 on the virtual clock.

    python3 tools/conformance.py [--kairos PATH] [-j N] [SAMPLE ...]
    python3 tools/conformance.py --reference-only [--repeat N] [SAMPLE ...]
    python3 tools/conformance.py --expected [--kairos PATH] [SAMPLE ...]
    python3 tools/conformance.py --write-snapshots [SAMPLE ...]

SAMPLE is a path or a name (stem) of a program in samples/; default: all of
samples/*.py. Each sample runs under tools/vclock.py (CPython) and under
`kairos run NAME.py`, both from the sample's folder. Compared: stdout byte for
byte, the exit status, and stderr including the `elapsed:` line. Before
comparing, both sides get `0x[0-9a-f]+` masked and CPython's internal frames
(stdlib files, which kairos leaves out of tracebacks) dropped.

Directives, as comment lines at the very top of a sample:
  # conformance: stdout-only           compare stdout and exit status only
  # conformance: skip-cpython (why)    no CPython run; compare with
                                       samples/expected/ if present, else SKIP
  # kairos: deadlock                   the program deadlocks; kairos prints its
                                       own report, so stdout + status only

Modes:
  (default)          run both, print PASS/FAIL/SKIP with unified diffs, then
                     "N passed, N failed"; exit 1 on any failure.
  --reference-only   run CPython only and write samples/expected/NAME.{out,err,
                     status} (normalised); --repeat N runs each N times and
                     fails on any difference (determinism check).
  --expected         compare kairos with samples/expected/ instead of CPython.
  --write-snapshots  write the CPython reference as insta snapshots
                     (tests/snapshots/conformance/NAME.snap) for the samples
                     compared in full, in the format tests/conformance.rs uses.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import signal
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
EXPECTED = os.path.join(SAMPLES, "expected")
SNAPSHOTS = os.path.join(ROOT, "tests", "snapshots", "conformance")
VCLOCK = os.path.join(ROOT, "tools", "vclock.py")
DEFAULT_KAIROS = os.path.join(ROOT, "target", "release", "kairos")
TIMEOUT_SECONDS = 60

ADDRESS = re.compile(rb"0x[0-9a-f]+")
DIRECTIVE = re.compile(r"#\s*(conformance|kairos):\s*(.*?)\s*$")
FRAME = re.compile(rb'^((?: *\| )?)  File "([^"]*)", line \d+')
WARNING_SITE = re.compile(rb"^(?:/|<)\S*:\d+: (\w+: .*)$")
INTERNAL_PREFIXES = tuple(
    p.encode() + b"/" for p in {sysconfig.get_paths()["stdlib"], os.path.dirname(VCLOCK)}
)


class Sample:
    """A sample program and the directives in its leading comment lines."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        self.stdout_only = False
        self.deadlock = False
        self.skip_cpython = None
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                match = DIRECTIVE.match(line)
                if not match:
                    break
                self._apply(match.group(1), match.group(2))

    def _apply(self, kind, text):
        if kind == "kairos" and text == "deadlock":
            self.deadlock = True
        elif kind == "conformance" and text == "stdout-only":
            self.stdout_only = True
        elif kind == "conformance" and text.startswith("skip-cpython"):
            self.skip_cpython = text[len("skip-cpython"):].strip(" ()") or "no reason given"
        else:
            raise SystemExit(f"{self.path}: unknown directive '# {kind}: {text}'")

    @property
    def full_compare(self):
        """Whether stderr (and the elapsed line) take part in the comparison."""
        return not (self.stdout_only or self.deadlock)


class Outcome:
    """What one run printed; `problem` is set if it could not run to the end."""

    def __init__(self, stdout=b"", stderr=b"", status=None, problem=None):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.problem = problem

    def normalized(self):
        return Outcome(mask(self.stdout), normalize_stderr(self.stderr), self.status, self.problem)


def mask(data):
    return ADDRESS.sub(b"0xADDR", data)


def is_internal(filename):
    return filename.startswith(INTERNAL_PREFIXES) or filename.startswith(b"<frozen ")


def normalize_stderr(data):
    """Mask addresses; drop CPython's internal traceback frames; blur internal warning sites.

    A traceback frame in a stdlib file is dropped with its source and caret
    lines (also inside the `|`-prefixed blocks of an exception group). A
    warning reported at an internal location (an absolute path or a `<...>`
    name, e.g. `.../asyncio/events.py:80: RuntimeWarning: ...`) keeps its
    category and message; its location becomes `<internal>` and the source
    line after it is dropped.
    """
    kept = []
    dropping = None  # prefix of the lines that belong to what was just dropped
    for line in data.split(b"\n"):
        if dropping is not None and line.startswith(dropping):
            if not dropping.endswith(b"    "):
                dropping = None  # a warning has exactly one source line
            continue
        dropping = None
        frame = FRAME.match(line)
        warning = WARNING_SITE.match(line)
        if frame and is_internal(frame.group(2)):
            dropping = frame.group(1) + b"    "
            continue
        if warning:
            kept.append(b"<internal>: " + warning.group(1))
            dropping = b"  "
            continue
        kept.append(line)
    text = b"\n".join(kept)
    for prefix in INTERNAL_PREFIXES:
        text = text.replace(prefix, b"<stdlib>/")
    return mask(text)


def run(command, cwd):
    """Runs command in its own process group (vclock has a child), killing the group on timeout."""
    try:
        proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=child_env(), start_new_session=True)
    except OSError as error:
        return Outcome(problem=f"cannot run {command[0]}: {error}")
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return Outcome(problem=f"timed out after {TIMEOUT_SECONDS}s: {' '.join(command)}")
    return Outcome(stdout, stderr, proc.returncode)


def child_env():
    """The environment for both runs, without settings that change CPython's output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["NO_COLOR"] = "1"
    env.pop("FORCE_COLOR", None)
    return env


def run_cpython(sample):
    return run([sys.executable, VCLOCK, os.path.basename(sample.path)], os.path.dirname(sample.path))


def run_kairos(kairos, sample):
    return run([kairos, "run", os.path.basename(sample.path)], os.path.dirname(sample.path))


def expected_path(sample, ext):
    return os.path.join(EXPECTED, f"{sample.name}.{ext}")


def load_expected(sample):
    try:
        with open(expected_path(sample, "out"), "rb") as f:
            stdout = f.read()
        with open(expected_path(sample, "err"), "rb") as f:
            stderr = f.read()
        with open(expected_path(sample, "status")) as f:
            status = int(f.read().strip())
    except (OSError, ValueError):
        return None
    return Outcome(stdout, stderr, status)


def write_expected(sample, outcome):
    os.makedirs(EXPECTED, exist_ok=True)
    for ext, data in (("out", outcome.stdout), ("err", outcome.stderr),
                      ("status", f"{outcome.status}\n".encode())):
        with open(expected_path(sample, ext), "wb") as f:
            f.write(data)


def report_text(outcome):
    """The snapshot text; tests/conformance.rs renders kairos's runs the same way."""
    out = outcome.stdout.decode("utf-8", "replace")
    err = outcome.stderr.decode("utf-8", "replace")
    return f"status: {outcome.status}\n--- stdout\n{out}--- stderr\n{err}"


def write_snapshot(sample, outcome):
    os.makedirs(SNAPSHOTS, exist_ok=True)
    header = ("---\nsource: tests/conformance.rs\n"
              f"description: kairos run {sample.name}.py\n"
              "---\n")
    with open(os.path.join(SNAPSHOTS, f"{sample.name}.snap"), "w", encoding="utf-8") as f:
        f.write(header + report_text(outcome).rstrip() + "\n")


def diff(label, reference, actual):
    lines = difflib.unified_diff(
        reference.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        f"{label} (cpython)", f"{label} (kairos)")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
    return text


def compare(sample, reference, actual):
    """Differences between the normalised runs, as readable text ('' if none)."""
    for side, outcome in (("cpython", reference), ("kairos", actual)):
        if outcome.problem:
            return f"{side}: {outcome.problem}\n"
    problems = []
    if reference.status != actual.status:
        problems.append(f"exit status: cpython {reference.status}, kairos {actual.status}\n")
    if reference.stdout != actual.stdout:
        problems.append(diff("stdout", reference.stdout, actual.stdout))
    if sample.full_compare and reference.stderr != actual.stderr:
        problems.append(diff("stderr", reference.stderr, actual.stderr))
    return "".join(problems)


def find_samples(names):
    if not names:
        paths = sorted(os.path.join(SAMPLES, f) for f in os.listdir(SAMPLES) if f.endswith(".py"))
        return [Sample(p) for p in paths]
    samples = []
    for name in names:
        path = name if name.endswith(".py") else os.path.join(SAMPLES, name + ".py")
        if not os.path.isfile(path):
            raise SystemExit(f"no such sample: {name}")
        samples.append(Sample(os.path.abspath(path)))
    return samples


def in_parallel(jobs, fn, items):
    """fn over items on `jobs` threads, yielding (item, result) in input order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from zip(items, pool.map(fn, items))


def mode_reference_only(samples, jobs, repeat):
    written = failures = 0

    def reference_runs(sample):
        if sample.skip_cpython:
            return []
        return [run_cpython(sample).normalized() for _ in range(repeat)]

    for sample, runs in in_parallel(jobs, reference_runs, samples):
        if not runs:
            print(f"SKIP {sample.name} ({sample.skip_cpython})")
            continue
        first = runs[0]
        problem = first.problem or next(
            (compare(sample, first, other) for other in runs[1:] if compare(sample, first, other)), "")
        if problem:
            failures += 1
            print(f"FLAKY {sample.name}\n{problem.replace('kairos', 'rerun')}")
            continue
        write_expected(sample, first)
        written += 1
        print(f"OK   {sample.name} (status {first.status})")
    print(f"{written} written, {failures} failed")
    return 1 if failures else 0


def mode_write_snapshots(samples, jobs):
    chosen = [s for s in samples if s.full_compare and not s.skip_cpython]
    for sample, outcome in in_parallel(jobs, lambda s: run_cpython(s).normalized(), chosen):
        if outcome.problem:
            print(f"FAIL {sample.name}: {outcome.problem}")
            return 1
        write_snapshot(sample, outcome)
    print(f"{len(chosen)} snapshots written to {os.path.relpath(SNAPSHOTS, ROOT)}")
    return 0


def mode_compare(samples, jobs, kairos, use_expected):
    if not os.path.isfile(kairos):
        print(f"kairos binary not found: {kairos} (build it, or pass --kairos PATH)")
        return 2
    passed = failed = skipped = 0

    def both(sample):
        if sample.skip_cpython or use_expected:
            reference = load_expected(sample)
        else:
            reference = run_cpython(sample)
        if reference is None:
            return None, None
        return reference.normalized(), run_kairos(kairos, sample).normalized()

    for sample, (reference, actual) in in_parallel(jobs, both, samples):
        if reference is None:
            skipped += 1
            print(f"SKIP {sample.name} ({sample.skip_cpython or 'no expected output'})")
            continue
        problems = compare(sample, reference, actual)
        if problems:
            failed += 1
            print(f"FAIL {sample.name}\n{problems}")
        else:
            passed += 1
            print(f"PASS {sample.name}")
    summary = f"{passed} passed, {failed} failed"
    print(summary + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("samples", nargs="*", help="sample paths or names (default: all)")
    parser.add_argument("--kairos", default=DEFAULT_KAIROS, help="kairos binary")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--reference-only", action="store_true")
    mode.add_argument("--expected", action="store_true")
    mode.add_argument("--write-snapshots", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="reference runs per sample")
    args = parser.parse_args()
    samples = find_samples(args.samples)
    sys.stdout.reconfigure(errors="replace")
    if args.reference_only:
        return mode_reference_only(samples, args.jobs, max(1, args.repeat))
    if args.write_snapshots:
        return mode_write_snapshots(samples, args.jobs)
    return mode_compare(samples, args.jobs, os.path.abspath(args.kairos), args.expected)


if __name__ == "__main__":
    sys.exit(main())
