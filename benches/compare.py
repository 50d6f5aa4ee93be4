#!/usr/bin/env python3
"""Benchmark kairos against CPython 3.11 (on the virtual clock) on benches/*.py.

    python3 benches/compare.py [--kairos PATH] [--repeat N] [NAME ...]

Each program runs under `tools/vclock.py` (CPython) and `kairos run`, from
this folder. Reported per program: best real time of N runs, peak resident
memory (the child's ru_maxrss from wait4, which for vclock includes its
CPython child), the ratios CPython/kairos (above 1: kairos is faster or
smaller), and whether both printed the same stdout.
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VCLOCK = os.path.join(ROOT, "tools", "vclock.py")
DEFAULT_KAIROS = os.path.join(ROOT, "target", "release", "kairos")


def measure(command):
    """Runs command in HERE; returns (seconds, peak RSS in MiB, stdout, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=HERE, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    stdout = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, stdout, proc.returncode


def best_of(command, repeat):
    runs = [measure(command) for _ in range(repeat)]
    seconds = min(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    return seconds, peak, runs[0][2], runs[0][3]


def ratio(reference, measured):
    return f"{reference / measured:.2f}x" if measured else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="bench names (default: all benches/*.py)")
    parser.add_argument("--kairos", default=DEFAULT_KAIROS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = args.names or sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "compare.py")
    have_kairos = os.path.isfile(args.kairos)
    if not have_kairos:
        print(f"(no kairos binary at {args.kairos}: CPython column only)\n")
    header = f"{'bench':<18} {'cpython s':>10} {'kairos s':>10} {'speed':>8} {'cpython MiB':>12} {'kairos MiB':>11} {'memory':>8}  same output"
    print(header)
    print("-" * len(header))
    for name in names:
        file = f"{name}.py"
        c_sec, c_mem, c_out, c_status = best_of([sys.executable, VCLOCK, "--quiet", file], args.repeat)
        if have_kairos:
            k_sec, k_mem, k_out, k_status = best_of([args.kairos, "run", "--quiet", file], args.repeat)
            same = "yes" if (c_out, c_status) == (k_out, k_status) else "NO"
            print(f"{name:<18} {c_sec:>10.3f} {k_sec:>10.3f} {ratio(c_sec, k_sec):>8} "
                  f"{c_mem:>12.1f} {k_mem:>11.1f} {ratio(c_mem, k_mem):>8}  {same}")
        else:
            print(f"{name:<18} {c_sec:>10.3f} {'-':>10} {'-':>8} {c_mem:>12.1f} {'-':>11} {'-':>8}  -")
    return 0


if __name__ == "__main__":
    sys.exit(main())
