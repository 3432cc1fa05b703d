#!/usr/bin/env python3
"""The benchmark still runs and reports every figure (docs/performance.md).

Not a timing test: no figure is compared with a goal. A short run (one run, one session, two
start-ups, a soak of 21 sessions) must print one JSON object with every figure present and
plausible in kind: times and memory above zero, ratios computed, the soak counted and read after
sessions 20 and 21. With --calibrate (the baseline in the app's place too, no soak) the same
figures come, marked as a calibration.
"""
import json
import subprocess
import sys

FIGURES = [
    "startup_ms", "baseline_startup_ms", "modal_ready_ms", "baseline_modal_ready_ms",
    "confirm_ms", "rss_total_mb", "baseline_rss_total_mb",
]


def main() -> int:
    bench = sys.argv[1]
    calibrate = "--calibrate" in sys.argv[2:]
    run = subprocess.run(
        [bench, "--runs", "1", "--samples", "1", "--starts", "2", "--sessions", "21",
         "--think-ms", "300"] + (["--calibrate"] if calibrate else []),
        capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        print(run.stderr[-4000:], file=sys.stderr)
        print(f"bench exited with {run.returncode}", file=sys.stderr)
        return 1
    result = json.loads(run.stdout)
    # The confirmation is the app's alone: a calibration has none.
    figures = [name for name in FIGURES if not (calibrate and name == "confirm_ms")]
    problems = [name for name in figures
                if not isinstance(result.get(name), (int, float)) or result[name] <= 0]
    # One start-up with the run's session, one alone.
    if result.get("spread", {}).get("startup_ms", {}).get("samples") != 2:
        problems.append("spread.startup_ms.samples")
    if calibrate:
        if result.get("setup", {}).get("calibration") is not True:
            problems.append("setup.calibration")
        if result.get("soak_sessions") != 0:
            problems.append("soak_sessions (none in a calibration)")
    else:
        if result.get("soak_sessions") != 21:
            problems.append("soak_sessions")
        if not isinstance(result.get("soak_rss_growth_pct"), (int, float)):
            problems.append("soak_rss_growth_pct")
        readings = result.get("soak_rss_mb", {}).get("readings", [])
        if [reading[0] for reading in readings] != [20, 21] or any(
                not reading[1] > 0 for reading in readings):
            problems.append("soak_rss_mb.readings")
    for ratio in ("startup", "modal_ready", "rss_total"):
        entry = result.get("ratios", {}).get(ratio, {})
        if not isinstance(entry.get("ratio"), (int, float)) or "met" not in entry:
            problems.append(f"ratios.{ratio}")
    if problems:
        print("missing or not positive: " + ", ".join(problems), file=sys.stderr)
        print(run.stdout, file=sys.stderr)
        return 1
    print(json.dumps({name: result[name] for name in figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
