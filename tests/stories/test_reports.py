"""Reports: one URL key per page, and when two clauses make the same claim with opposite polarity."""

from __future__ import annotations

from matome.stories.disagreements import _same_predicate
from matome.stories.reports import url_key


def test_one_page_under_other_schemes_hosts_slashes_and_tracking_is_one_url() -> None:
    key = url_key("https://www.example.jp/news/1/?utm_source=x&fbclid=y")
    assert key == url_key("http://example.jp/news/1") == "example.jp/news/1"


def test_pages_that_differ_by_their_query_are_two_urls() -> None:
    assert url_key("https://example.jp/?p=123") != url_key("https://example.jp/?p=456")
    assert url_key("https://example.jp/?b=2&a=1") == url_key("https://example.jp/?a=1&b=2")


def test_a_predicate_inside_a_clause_is_not_the_clause_s_claim() -> None:
    assert _same_predicate("交渉は決裂した", "交渉は決裂していない")
    assert not _same_predicate("8人が病院に搬送されたが、いずれも命に別条はない", "8人が病院に搬送された")


def test_an_approximate_count_keeps_its_noun() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    assert set(quantities("消防車約20台が出動した")) == {("台", "消防車", "出動")}
    assert _numbers_differ(quantities("消防車14台が出動した"), quantities("消防車約20台が出動した"), True, False)


def test_a_toll_written_two_ways_and_a_distance_are_compared() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    hurt = quantities("乗客と乗員は全員が脱出したが、14人がけがをした。")
    assert _numbers_differ(hurt, quantities("消防によると、脱出した乗客のうち17人が負傷した。"), True, False)
    assert not _numbers_differ(hurt, quantities("消防によると、脱出した乗客のうち14人が負傷した。"), True, False)
    assert _numbers_differ(quantities("土砂は約1キロにわたって流れた。"), quantities("土砂は約2キロにわたり流れた。"),
                           True, True)


def test_nearly_a_number_allows_a_little_under_it() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    nearly = quantities("一行の到着は予定より3時間近く遅れた。")
    assert not _numbers_differ(nearly, quantities("一行の到着は予定より2時間40分遅れた。"), True, True)
    assert _numbers_differ(nearly, quantities("一行の到着は予定より2時間遅れた。"), True, True)
    assert _numbers_differ(nearly, quantities("一行の到着は予定より3時間半遅れた。"), True, True)


def test_a_toll_in_reports_of_different_days_is_an_update() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    first, later = quantities("この地震で3人が死亡した。"), quantities("この地震で5人が死亡した。")
    assert _numbers_differ(first, later, True, True, same_day=True)
    assert not _numbers_differ(first, later, True, True, same_day=False)
    aboard, dead = quantities("事故でバスの乗客3人。"), quantities("事故で乗客5人が死亡した。")
    assert not _numbers_differ(aboard, dead, True, False, same_day=False)
    assert not _numbers_differ(dead, aboard, True, False, same_day=False)  # the same either way round


def test_disagreeing_times_of_day_are_read_in_news_style_and_keyed_by_their_event() -> None:
    from matome.stories.disagreements import _clock_times

    def _times(text: str) -> dict:
        return _clock_times(text)[0]

    fire = _times("倉庫から午前５時ごろ出火し、午後２時半すぎに鎮火した。")
    assert fire == {"出火": {(285, 315, False)}, "鎮火": {(870, 880, False)}}  # 半すぎ: up to ten minutes past
    assert _times("会見は15:20に開始し、市長は16時前に退席した。") == {"開始": {(920, 920, False)},
                                                                   "退席": {(930, 960, False)}}
    assert _times("午後2時現在で約50棟が焼損した。") == {}  # a time a count is given as of dates no event
    assert _times("午後12時ごろ出火した。") == {"出火": {(705, 735, True)}}  # 午後12時: noon or midnight
    assert _times("3時ごろ到着した") == {"到着": {(165, 195, True)}}  # 3時 alone may be 15時
    assert not _times("捜索は3時間にわたり、記録は2:05:30で、集合は10時5分前だった。")


def test_weights_buildings_and_areas_are_counted() -> None:
    from matome.stories.quantities import quantities

    assert {key[0] for key in quantities("重さ12トンのトラックが踏切で立ち往生した")} == {"トン"}
    assert {key[0] for key in quantities("住宅など120棟、約4万平方メートルが焼け、363世帯が被災した")} == {
        "棟", "平方メートル", "世帯"}


def test_large_numbers_in_places_and_a_toll_named_before_its_number_are_read() -> None:
    from matome.stories.quantities import quantities, tallies

    assert tallies(quantities("両国の死者は4万1000人を超えた。")) == {("人", "", "死亡"): {41000.0}}
    assert tallies(quantities("死者数はあわせて3,600人以上に達した。")) == {("人", "", "死亡"): {3600.0}}
    assert dict(quantities("被害額は3億5000万円にのぼる")) == {("円", "", "~にの"): frozenset({(3.5e8, "exact")})}
    assert dict(quantities("2012.5.3人")) == {}


def test_counts_of_different_things_are_not_one_count() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    rescued = quantities("桜台町ではボートで約300人を救助したが、午後9時現在でおよそ450人が救出を待っている。")
    assert not _numbers_differ(rescued, quantities("午後9時現在、約450人が救助を待っている。"), True, True)
    walked = quantities("男の子は祖父の家から50メートルほど歩いたところで引き返した。")
    assert not _numbers_differ(walked, quantities("祖父は家から10メートルほどのところまで見送った。"), True, True)
    assert not _numbers_differ(quantities("桜台の選手も2位になった。"), quantities("桜台の選手はフリーで3位となった。"),
                               True, True)
    assert _numbers_differ(quantities("天井板が60メートルにわたり崩落した。"), quantities("天井板が約90メートルにわたって崩落。"),
                           True, True)


def test_a_decimal_written_with_a_middle_dot_is_one_number() -> None:
    from matome.stories.quantities import quantities

    assert dict(quantities("合計301・25点で優勝した。")) == {("点", "計", ""): frozenset({(301.25, "exact")})}


def test_ordinals_and_a_noun_with_two_values_are_not_compared() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    assert not _numbers_differ(quantities("1回目の投票で桜台市が最多となった。"),
                               quantities("上位2都市で第2回目の投票を行った。"), True, True)
    widened = quantities("県は避難の対象を従来の半径3キロから半径5キロに拡大した。")
    assert not _numbers_differ(widened, quantities("県は半径5キロ圏内の住民に避難を呼びかけた。"), True, False)
    assert _numbers_differ(quantities("県によると、避難の対象は半径5キロ。"),
                           quantities("県は半径8キロ圏内の住民に避難を呼びかけた。"), True, False)


def test_the_same_counts_in_another_order_do_not_differ() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    assert not _numbers_differ(quantities("決選投票では桜台市が51票-44票で勝ち抜いた。"),
                               quantities("決選投票では青葉市が44票−51票で敗れた。"), True, True)


def test_counts_followed_by_one_verb_spelled_two_ways_are_one_count_and_tolls_keep_their_order() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    assert _numbers_differ(quantities("被害額は3億円にのぼる。"), quantities("被害額は約4億円に上る。"), True, True)
    assert _numbers_differ(quantities("約60メートルにわたり崩れた。"), quantities("約90メートルに渡って崩れた。"), True, True)
    assert _numbers_differ(quantities("3人が死亡、5人がけがをした。"), quantities("5人が死亡、3人がけがをした。"), True, True)


def test_a_list_written_with_a_middle_dot_and_a_target_are_read_as_written() -> None:
    from matome.stories.quantities import quantities

    assert dict(quantities("2・3人が残った。")) == {}
    assert {value for values in quantities("年間3000万人目標に掲げた。").values() for value, _ in values} == {3e7}


def test_a_count_of_one_place_meets_only_that_place_s_count_and_cardiac_arrests_are_a_toll() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    home = quantities("「桜台園」が浸水し、14人が心肺停止となった。")
    assert not _numbers_differ(home, quantities("「桜台園」で14人、青葉町で1人が心肺停止となった。"), True, True)
    assert _numbers_differ(home, quantities("「桜台園」が浸水し、15人が心肺停止となった。"), True, True)
    evening, next_day = quantities("2人が死亡、16人が心肺停止となった。"), quantities("5人が死亡、18人が心肺停止となった。")
    assert not _numbers_differ(evening, next_day, True, True, same_day=False)  # the next day's toll: an update


def test_a_single_place_s_toll_is_still_compared() -> None:
    from matome.stories.disagreements import _numbers_differ
    from matome.stories.quantities import quantities

    assert _numbers_differ(quantities("桜台市で3人が死亡した。"), quantities("桜台市の住宅で火事があり、4人が死亡した。"), True, True)
