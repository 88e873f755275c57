import pytest

from matome.text.dates import find_date, find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公開日:2025/05/20", "2025-05-20"),
        ("2025年3月14日、米ロ首脳電話会談", "2025-03-14"),
        ("２０２５年３月１４日", "2025-03-14"),
        ("August 18, 2021", "2021-08-18"),
        ("18 Aug 2021", "2021-08-18"),
        ("令和7年3月14日", "2025-03-14"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("2024-01-02", "2024-01-02"),
        ("2024-01-02T10:00:00+00:00", "2024-01-02T10:00:00+00:00"),
        ("2026年10月15日 18時40分", "2026-10-15T18:40:00+09:00"),
        ("2026/10/16 11:05", "2026-10-16T11:05:00+09:00"),
        ("2021-02-30", None),
        ("日付なし", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_find_dates_keeps_page_order_and_does_not_double_count() -> None:
    assert find_dates("2025/05/20と2025年3月14日") == ["2025-05-20", "2025-03-14"]


def test_days_counted_since_something_are_no_date() -> None:
    from datetime import date

    from matome.text.dates import find_date_mentions

    anchor = date(2026, 7, 26)
    assert find_date_mentions("桜台事件の判決から20日、控訴の期限が過ぎた。", anchor) == []
    assert [m.value for m in find_date_mentions("展示は今月1日から20日まで開かれる。", anchor)] == ["2026-07-01/2026-07-20"]


def test_a_day_after_another_day_s_happening_is_a_day_and_days_nearly_counted_are_none() -> None:
    from datetime import date

    from matome.text.dates import find_date_mentions

    found = find_date_mentions("今月16日の出火から19日で3日近くがたった。", date(2026, 2, 19))
    assert [m.value for m in found] == ["2026-02-16", "2026-02-19"]


def test_a_day_after_から_is_a_day_unless_it_counts_the_days_since_something() -> None:
    from datetime import date

    from matome.text.dates import find_date_mentions

    anchor = date(2026, 3, 21)
    for text, day in (("19日夜から20日朝にかけて大雨が降った。", "2026-03-20"), ("一行は成田空港から20日、出発した。", "2026-03-20"),
                      ("桜台地震から11日で13年となった。", "2026-03-11")):
        assert day in {m.value for m in find_date_mentions(text, anchor)}, text
    assert find_date_mentions("事件から3日が経った。", anchor) == []
