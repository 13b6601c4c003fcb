"""The national dashboard («لوحة قيادة وطنية») of indicators.

The circular (seed 001, ثالثا - I) has the Technical Committee choose the indicators with the
ministries and bodies and keep them in a national dashboard that it updates continuously. This
module turns the indicator records into dashboard rows on an as-of date: the latest and the
previous value with their qualifiers, the change, the target and the distance to it, whether the
figure is stale for its update frequency, and the series for a sparkline.

Values are stored in units (11.1 million -> 11100000); qualifiers («حوالي» about, «أكثر من» /
«أزيد من» more than) travel with every value, and a change between qualified values is flagged
as approximate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from protsoc.governance.vocabulary import DIRECTIONS
from protsoc.kernel import dates, numbers

FRESHNESS = ("fresh", "stale", "no-frequency", "no-data")
_SPARKS = "▁▂▃▄▅▆▇█"


@dataclass
class Value:
    date: str
    value: float
    qualifier: str | None
    as_reported: str | None
    source: str | None

    @property
    def approximate(self) -> bool:
        return self.qualifier not in (None, "exact")


@dataclass
class DashboardRow:
    id: str
    name: str
    name_en: str | None
    axis: str | None
    owner: str | None
    measure: str
    unit: str
    direction: str | None
    frequency: str | None
    latest: Value | None
    previous: Value | None
    change: float | None
    change_approximate: bool
    trend: str | None  # better / worse / unchanged / None when no direction or no change
    target: dict[str, Any] | None
    distance_to_target: float | None  # target - latest, in the indicator's unit
    target_met: bool | None
    freshness: str
    next_update_due: str | None
    age_days: int | None
    series: list[float] = field(default_factory=list)
    path: str = ""
    # the series' values with their dates and qualifiers (JSON for scripts; series is the numbers)
    observations: list[Value] = field(default_factory=list)

    @property
    def sparkline(self) -> str:
        return sparkline(self.series)


@dataclass
class Dashboard:
    as_of: str
    rows: list[DashboardRow]

    def counts(self) -> dict[str, int]:
        return {
            "indicators": len(self.rows),
            "stale": sum(1 for r in self.rows if r.freshness == "stale"),
            "no_data": sum(1 for r in self.rows if r.freshness == "no-data"),
            "no_target": sum(1 for r in self.rows if r.target is None),
        }


def observations_on(data: dict[str, Any], as_of: dt.date) -> list[Value]:
    """The indicator's values known on ``as_of``, oldest first (later ones are ignored)."""
    values = []
    listed = data.get("observations")
    for observation in listed if isinstance(listed, list) else []:
        if not isinstance(observation, dict):
            continue
        day = dates.parse(observation.get("date"))
        value = observation.get("value")
        if (
            day is None
            or day > as_of
            or not isinstance(value, (int, float))
            or isinstance(value, bool)
        ):
            continue
        source_value = observation.get("source")
        source: dict[str, Any] = source_value if isinstance(source_value, dict) else {}
        reported = observation.get("as_reported")
        values.append(
            Value(
                date=day.isoformat(),
                value=value,
                qualifier=observation.get("qualifier")
                if isinstance(observation.get("qualifier"), str)
                else None,
                as_reported=reported.get("ar") if isinstance(reported, dict) else None,
                source=source.get("document") if isinstance(source.get("document"), str) else None,
            )
        )
    values.sort(key=lambda v: v.date)  # stable: two values of one day keep their file order
    return values


def row(record_id: str, data: dict[str, Any], as_of: dt.date, path: str = "") -> DashboardRow:
    values = observations_on(data, as_of)
    latest = values[-1] if values else None
    previous = values[-2] if len(values) > 1 else None
    direction = data.get("direction") if data.get("direction") in DIRECTIONS else None
    change = latest.value - previous.value if latest and previous else None
    frequency = data.get("frequency") if isinstance(data.get("frequency"), str) else None
    freshness, due, age = _freshness(latest, frequency, as_of)
    target = (
        data.get("target")
        if isinstance(data.get("target"), dict) and _is_number(data["target"].get("value"))
        else None
    )
    distance = target["value"] - latest.value if target and latest else None
    return DashboardRow(
        id=record_id,
        name=_text(data.get("name"), "ar") or record_id,
        name_en=_text(data.get("name"), "en"),
        axis=data.get("axis") if isinstance(data.get("axis"), str) else None,
        owner=data.get("owner") if isinstance(data.get("owner"), str) else None,
        measure=str(data.get("measure", "")),
        unit=_text(data.get("unit"), "ar") or "",
        direction=direction,
        frequency=frequency,
        latest=latest,
        previous=previous,
        change=change,
        change_approximate=bool(
            latest and previous and (latest.approximate or previous.approximate)
        ),
        trend=_trend(change, direction),
        target={k: target[k] for k in ("value", "date", "set_by") if k in target}
        if target
        else None,
        distance_to_target=distance,
        target_met=_met(latest, target, direction, data.get("baseline")),
        freshness=freshness,
        next_update_due=due,
        age_days=age,
        series=[v.value for v in values],
        path=path,
        observations=list(values),
    )


def dashboard(registry: Any, as_of: dt.date | None = None, axis: str | None = None) -> Dashboard:
    """The dashboard rows of every indicator (of one roadmap axis when ``axis`` is given)."""
    as_of = as_of or dates.today()
    rows = []
    for record in sorted(
        registry.of_kind("indicator"), key=lambda r: ((r.data or {}).get("axis") or "~", r.id)
    ):
        data = record.data or {}
        if axis is not None and data.get("axis") != axis:
            continue
        rows.append(row(record.id, data, as_of, record.path))
    return Dashboard(as_of.isoformat(), rows)


def _freshness(
    latest: Value | None, frequency: str | None, as_of: dt.date
) -> tuple[str, str | None, int | None]:
    """Stale when the latest value is older than the frequency allows (a P6M figure of January
    is stale from the day after its six months have run out)."""
    if latest is None:
        return "no-data", None, None
    day = dates.parse(latest.date)
    if day is None:  # not a date protsoc computes with (the schema reports it)
        return "no-data", None, None
    age = (as_of - day).days
    months = dates.PERIOD_MONTHS.get(frequency or "")
    if months is None:
        return "no-frequency", None, age
    due = dates.add_months(day, months)
    return ("stale" if as_of > due else "fresh"), due.isoformat(), age


def _trend(change: float | None, direction: str | None) -> str | None:
    if change is None or direction is None:
        return None
    if change == 0:
        return "unchanged"
    return "better" if (change > 0) == (direction == "higher") else "worse"


def _met(
    latest: Value | None, target: dict[str, Any] | None, direction: str | None, baseline: Any
) -> bool | None:
    if latest is None or target is None:
        return None
    if direction is None and isinstance(baseline, dict) and _is_number(baseline.get("value")):
        direction = "higher" if target["value"] >= baseline["value"] else "lower"
    if direction == "higher":
        return bool(latest.value >= target["value"])
    if direction == "lower":
        return bool(latest.value <= target["value"])
    return None


def sparkline(values: list[float]) -> str:
    """A terminal sparkline: one block per value, scaled between the series' min and max."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    scale = len(_SPARKS) - 1
    return "".join(_SPARKS[round((v - low) / (high - low) * scale)] for v in values)


def format_number(value: float | None) -> str:
    """11100000 -> "11 100 000"; 12.5 -> "12.5" (kernel/numbers.py; at most two decimals)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return numbers.grouped(int(value))
    return numbers.grouped(round(value, 2))


QUALIFIER_SIGNS = {
    "about": "≈",
    "more-than": ">",
    "less-than": "<",
    "at-least": "≥",
    "exact": "",
    None: "",
}


def _text(value: Any, language: str) -> str | None:
    if isinstance(value, dict) and isinstance(value.get(language), str):
        return value[language]
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
