"""Charts of monthly indicators stay readable: a few labelled dates, first and last included."""

import datetime as dt

from protsoc.documents.charts import _tick_days, indicator_chart_svg


def test_at_most_six_dates_are_labelled_and_the_ends_are_among_them() -> None:
    days = [dt.date(2021 + month // 12, month % 12 + 1, 1) for month in range(60)]

    ticks = _tick_days(days)

    assert len(ticks) == 6
    assert ticks[0] == days[0] and ticks[-1] == days[-1]
    assert ticks == sorted(set(ticks))


def test_a_short_series_labels_every_observation() -> None:
    days = [dt.date(2024, 11, 26), dt.date(2025, 5, 27)]
    assert _tick_days(days) == days


def test_a_five_year_monthly_series_draws_six_dated_ticks_not_sixty() -> None:
    import re

    observations = [
        {"date": f"{2021 + m // 12}-{m % 12 + 1:02d}-01", "value": 1000 + m} for m in range(60)
    ]
    svg = indicator_chart_svg("عدد المستفيدين", "مستفيد", observations)
    assert len(re.findall(r'id="xtick_\d+"', svg)) == 6
