#!/usr/bin/env python3
"""Differential reference for Steward's cron engine, from cronsim (PyPI).

Generates seeded random five-field expressions (and macros) x time zones x start instants,
asks cronsim for the next fire times, and writes them as a Swift source file that
Tests/StewardCoreTests/CronReferenceTests.swift checks. CI needs no Python: the generated file
is committed. Half the start instants sit within a day and a half of a UTC-offset change.

Usage (from the package root):
    python3 -m venv .venv-bench && .venv-bench/bin/pip install cronsim==2.8
    .venv-bench/bin/python scripts/cron-diff/cron_diff.py [--seed 2026] [--cases 300] [--fires 5]

A larger run, without compiling its cases (thousands of literals are slow to type-check):
    .venv-bench/bin/python scripts/cron-diff/cron_diff.py --seed 7 --cases 20000 --json --out /tmp/cron.json
    STEWARD_CRON_REFERENCE=/tmp/cron.json swift test --filter CronReference

Where Steward's rules and cronsim differ, the case is adjusted as documented in ADJUSTMENTS and
counted in the generated file's header.
"""
import argparse
import json
import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from importlib.metadata import version

from cronsim import CronSim, CronSimError

OUT = "Tests/StewardCoreTests/CronReferenceCases.swift"
ZONES = [
    "UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe",
    "Asia/Kolkata", "America/Santiago",
]
MACROS = {
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
}
# (low, high, names); names start at `low` for months, at 0 for days.
FIELDS = [
    (0, 59, None),
    (0, 23, None),
    (1, 31, None),
    (1, 12, "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()),
    (0, 7, "SUN MON TUE WED THU FRI SAT".split()),
]
ADJUSTMENTS = {
    "before_start": """\
cronsim restarts a fixed-time search (minute and hour not starting with '*') from the start's
wall clock, so from the second pass of a fall-back hour it can return that hour's first pass,
which is before the start. Steward's fire times are strictly after the start: such times are
dropped and the next ones taken (the rest of cronsim's sequence is then identical).""",
    "unreal": """\
For schedules that follow real instants, cronsim builds each new day's local midnight with
datetime.combine; where a DST change skips midnight (America/Santiago) that wall time does not
exist, and cronsim reports it as the instant the gap ends, although that instant's real wall
time (01:00) may not match the fields. Steward fires only at instants whose wall time matches:
such times are dropped.""",
    "excluded": """\
Cases where cronsim disagrees with a brute-force, minute-by-minute reading of the rules (oracle()
above, run when the fires lie within 10 years) are left out. Every such case seen has one cause:
cronsim steps hours by 3600 real seconds from a local midnight, which goes wrong on a day whose
change is not a whole hour at a whole hour. Where the offset moves by 30 minutes
(Australia/Lord_Howe) it lands on :30 and skips minutes: `* 22 * * *` on 2030-04-07 first fires at
22:30, not 22:00. Where a change skips midnight (America/Santiago) it steps from the missing 00:00
to 02:00 and misses hour 1. CronDSTTests checks such days by hand.""",
}
# Hand-picked starts that exercise each rule and adjustment, ahead of the random cases.
EDGES = [
    ("30 2 * * *", "America/New_York", "2026-03-08T00:00:00-05:00"),
    ("0,30 2 * * *", "Europe/Berlin", "2026-03-29T01:59:59+01:00"),
    ("*/15 * * * *", "America/New_York", "2026-11-01T00:50:00-04:00"),
    ("30 1 * * *", "America/New_York", "2026-11-01T01:40:00-05:00"),
    ("0-59/10 2 * * *", "Europe/Berlin", "2026-10-25T02:35:00+01:00"),
    ("5 2 * * *", "Australia/Sydney", "2026-10-04T00:00:00+10:00"),
    ("5 2 * * *", "Australia/Sydney", "2026-04-05T02:30:00+10:00"),
    ("* */16 * */8 SUN", "America/Santiago", "2028-09-01T15:09:08-04:00"),
    ("0 0 * * *", "America/Santiago", "2026-09-05T12:00:00-04:00"),
    ("15 2 * * *", "Australia/Lord_Howe", "2026-10-04T00:00:00+10:30"),
    ("0 0 30 2 *", "UTC", "2026-01-01T00:00:00+00:00"),
    ("0 0 29 2 *", "Europe/Berlin", "2026-01-01T00:00:00+01:00"),
]

# Not generated, because Steward deliberately differs: cronsim reads a one-value range with a step
# (`9-9/2`) as `9/2`, i.e. 9 to the field's end, since it looks at the set's size, not the
# syntax; Vixie cron and Steward read it as just 9.


def value(rng, field, names):
    low, high, spelled = FIELDS[field]
    if field == 1 and rng.random() < 0.4:
        v = rng.choice([0, 1, 2, 3])  # hours where DST changes happen
    else:
        v = rng.randint(low, high)
    if names and spelled and v - (low if field == 3 else 0) < len(spelled) and rng.random() < 0.3:
        name = spelled[v - (low if field == 3 else 0)]
        return rng.choice([name, name.lower(), name.capitalize()]), v
    return str(v), v


def item(rng, field):
    low, high, _ = FIELDS[field]
    kind = rng.choices(["star", "star_step", "single", "range", "range_step", "single_step"], [35, 15, 25, 12, 8, 5])[0]
    if kind == "star":
        return "*"
    if kind == "star_step":
        return f"*/{rng.randint(2, min(high, 30))}"
    text, v = value(rng, field, True)
    if kind == "single":
        return text
    if kind == "single_step":
        return f"{text}/{rng.randint(2, min(high, 30))}"
    text2, v2 = value(rng, field, True)
    if v2 < v:
        text, text2 = text2, text
    if v2 == v and text.isdigit() != text2.isdigit():
        text2 = str(v2)
    if v2 == v and kind == "range_step":
        return text  # see DIFFERENCES: cronsim reads `9-9/2` as `9/2`
    rng_text = f"{text}-{text2}"
    return rng_text if kind == "range" else f"{rng_text}/{rng.randint(2, min(high, 30))}"


def field_text(rng, field):
    first = item(rng, field)
    if first == "*" or rng.random() < 0.85:
        return first
    low = FIELDS[field][0]
    # A `*/n` inside a list is written `low/n`, so the field's first character stays what was drawn.
    rest = [item(rng, field).replace("*/", f"{low}/") for _ in range(rng.randint(1, 2))]
    return ",".join([first] + [r for r in rest if r != "*"])


def random_expression(rng):
    return " ".join(field_text(rng, f) for f in range(5))


def fixed_time_expression(rng):
    """A time of day near the hours where DST changes happen: the wall-clock rules."""
    minute = rng.choice([str(rng.randint(0, 59)), f"{rng.randint(0, 29)},{rng.randint(30, 59)}",
                         f"{rng.randint(0, 14)}-59/{rng.randint(5, 30)}", "0", "30"])
    hour = rng.choice(["0", "1", "2", "3", "1,2", "2,3", "1-3", "0-4/2", str(rng.randint(0, 23)), "22-23,0-3"])
    days = rng.choice(["* * *", "* * *", "* * *", "* * SUN", "1-15 * *", "* 3,4,10,11 *", "*/2 * 0-7"])
    return f"{minute} {hour} {days}"


def interval_expression(rng):
    """Not a fixed time of day: these follow real instants through DST changes."""
    return rng.choice([f"*/{rng.choice([5, 10, 15, 20, 30, 45])} * * * *", f"{rng.randint(0, 59)} * * * *",
                       f"*/{rng.choice([10, 15, 30])} {rng.choice(['1', '2', '3', '1-3', '0-4'])} * * *",
                       f"{rng.randint(0, 59)} */{rng.choice([2, 3, 5])} * * *", "* 2 * * *", "0,30 * * * SUN"])


def expression(rng):
    kind = rng.choices(["random", "fixed", "interval", "macro"], [45, 35, 15, 5])[0]
    if kind == "macro":
        return rng.choice(list(MACROS))
    return {"random": random_expression, "fixed": fixed_time_expression, "interval": interval_expression}[kind](rng)


def transitions(zone, start, end):
    """UTC instants where the zone's offset changes, found on a 30-minute grid."""
    found, t = [], start
    previous = t.astimezone(zone).utcoffset()
    while t < end:
        t += timedelta(minutes=30)
        offset = t.astimezone(zone).utcoffset()
        if offset != previous:
            found.append(t)
        previous = offset
    return found


def start_instant(rng, zone_changes):
    if zone_changes and rng.random() < 0.6:
        centre = int(rng.choice(zone_changes).timestamp())
        return centre + rng.randint(-36 * 3600, 36 * 3600)
    base = int(datetime(2025, 1, 1, tzinfo=timezone.utc).timestamp())
    return base + rng.randint(0, 8 * 365 * 86400)


def expected(expr, zone_name, after, count):
    """cronsim's next `count` fire times strictly after `after`, and how many it gave at or before."""
    start = datetime.fromtimestamp(after, ZoneInfo(zone_name))
    try:
        sim = CronSim(MACROS.get(expr, expr), start)
    except CronSimError:
        return [], set()  # cronsim rejects day-of-month that no allowed month has; Steward never fires
    fires, dropped = [], set()
    try:
        while len(fires) < count:
            fire = next(sim)
            t = int(fire.timestamp())
            if t <= after:
                dropped.add("before_start")
            elif sim.fixup_tz is None and not matches(sim, datetime.fromtimestamp(t, ZoneInfo(zone_name))):
                dropped.add("unreal")
            else:
                fires.append(t)
    except StopIteration:
        pass
    truth = oracle(expr, zone_name, after, count, sim)
    if truth is not None and truth != fires:
        print(f"excluded: {expr!r} in {zone_name} after {after}: cronsim {fires}, rules {truth}")
        return None, dropped | {"excluded"}
    return fires, dropped


def oracle(expr, zone_name, after, count, sim, horizon_days=10 * 366):
    """The issue's rules with no cleverness: real instants for schedules that are not a fixed
    time of day; wall-clock minutes (first occurrence; a skipped time at the gap's end) for fixed
    times. None when `count` fires are not found within the horizon."""
    zone = ZoneInfo(zone_name)
    parts = MACROS.get(expr, expr).split()
    wall_clock = not parts[0].startswith("*") and not parts[1].startswith("*")
    fires, end = [], after + horizon_days * 86400
    if not wall_clock:
        t = (after // 60 + 1) * 60
        while len(fires) < count and t <= end:
            local = datetime.fromtimestamp(t, zone)
            if matches(sim, local):
                fires.append(t)
            # Local hours and days start, and offsets change, only on UTC quarter hours: skip
            # to the next one when the hour or day cannot match.
            hour_ok = local.hour in sim.hours and local.month in sim.months and sim.match_day(local.date())
            t = t + 60 if hour_ok else (t // 900 + 1) * 900
        return fires if len(fires) == count else None
    wall = datetime.fromtimestamp(after, zone).replace(tzinfo=None, second=0)
    while len(fires) < count and wall.timestamp() <= end + 86400:
        if matches(sim, wall):
            t = real_instant(wall, zone)
            if t > after and (not fires or t > fires[-1]):
                fires.append(t)
        hour_ok = wall.hour in sim.hours and wall.month in sim.months and sim.match_day(wall.date())
        wall = wall + timedelta(minutes=1) if hour_ok else wall.replace(minute=0) + timedelta(hours=1)
    return fires if len(fires) == count else None


def real_instant(wall, zone):
    """A wall time's first occurrence; a skipped one moves to the first wall minute that exists."""
    while True:
        local = wall.replace(tzinfo=zone, fold=0)
        if local.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) == wall:
            return int(local.timestamp())
        wall += timedelta(minutes=1)


def matches(sim, local):
    """Whether a real local time matches the fields, by cronsim's own sets."""
    return (local.minute in sim.minutes and local.hour in sim.hours and local.month in sim.months
            and sim.match_day(local.date()))


def swift(cases, args, adjusted):
    lines = [
        f"// Generated by scripts/cron-diff/cron_diff.py from cronsim {version('cronsim')}",
        "// (PyPI). Do not edit by hand. Regenerate from the package root:",
        "//     python3 -m venv .venv-bench && .venv-bench/bin/pip install cronsim==2.8",
        f"//     .venv-bench/bin/python scripts/cron-diff/cron_diff.py --seed {args.seed} --cases {args.cases} --fires {args.fires}",
        "// Checked by CronReferenceTests.swift. Each case: expression, IANA zone, start (Unix seconds,",
        "// exclusive), then cronsim's next fire times (Unix seconds).",
        "//",
        "// Where cronsim and Steward's rules differ, cronsim's times were adjusted:",
    ]
    for reason, text in ADJUSTMENTS.items():
        lines += ["//", f"// {reason} ({adjusted[reason]} cases):", "// " + text.replace("\n", "\n// ")]
    lines += [
        "//",
        "// Not generated: one-value ranges with a step (`9-9/2`), which cronsim reads as `9/2` (9 to",
        "// the field's end) and Vixie cron and Steward as just 9.",
        "",
        "let cronReferenceCases: [CronReferenceCase] = [",
    ]
    for expr, zone, after, fires in cases:
        local = datetime.fromtimestamp(after, ZoneInfo(zone)).isoformat()
        lines.append(f'    CronReferenceCase("{expr}", "{zone}", {after}, {fires}),  // {local}')
    lines.append("]")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--fires", type=int, default=5)
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--json", action="store_true",
                        help="write JSON for a large local run: STEWARD_CRON_REFERENCE=FILE swift test --filter CronReference")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    window = (datetime(2024, 12, 1, tzinfo=timezone.utc), datetime(2033, 2, 1, tzinfo=timezone.utc))
    changes = {name: transitions(ZoneInfo(name), *window) for name in ZONES}
    cases, adjusted = [], dict.fromkeys(ADJUSTMENTS, 0)
    edges = [(e, z, int(datetime.fromisoformat(a).timestamp())) for e, z, a in EDGES]
    while len(cases) < args.cases:
        if edges:
            expr, zone, after = edges.pop(0)
        else:
            expr, zone = expression(rng), rng.choice(ZONES)
            after = start_instant(rng, changes[zone])
        fires, dropped = expected(expr, zone, after, args.fires)
        for reason in dropped:
            adjusted[reason] += 1
        if fires is not None:
            cases.append((expr, zone, after, fires))
    with open(args.out, "w") as out:
        out.write(json.dumps(cases) if args.json else swift(cases, args, adjusted))
    print(f"wrote {len(cases)} cases to {args.out}; adjusted: {adjusted}")


if __name__ == "__main__":
    main()
