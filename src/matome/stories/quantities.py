"""Quantities in a news sentence: the values of each count, keyed by its unit and the thing it counts (消防車14台, 3人が
死亡), with how each is stated (exact, at least, about). Points keep successive tallies apart with them; disagreements
compare them."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

DIGITS = r"[0-9][0-9,]*(?:\.[0-9]+)?"  # 1,980 or 1.5
QUANTITY = re.compile(rf"(?<![0-9.,])((?:{DIGITS}(?:万|億|兆))+(?:[0-9][0-9,]*)?|{DIGITS})"  # 3億5000万, 4万1000
                      r"(時間半|時間|分間|秒|円|ドル|ユーロ|人|件|"
                      r"台|枚|点|回|票|歳|%|GB|MB|mAh|インチ|倍|試合|勝|敗|機種|社|カ国|か国|日間|年間|カ月|か月|週間|キロメートル|キロ|km|平方メートル|メートル|ヘクタール|トン|棟|世帯|隻)")
ORDINAL = re.compile(r"目(?![標安撃前途])")  # 2回目, 3台目 (and 第2回): which one, not how many; 2位 is never counted
DECIMAL_DOT = re.compile(r"(?<=[0-9])・(?=[0-9])")  # newspapers write 317・85点 and 全長約4・7キロ
# what a decimal written with ・ can measure: 2・3人 and 1・2回戦 are lists (2 or 3 people), not 2.3 people
FRACTIONAL = frozenset({"時間", "秒", "%", "GB", "MB", "インチ", "倍", "キロメートル", "キロ", "km", "平方メートル",
                        "メートル", "ヘクタール", "トン", "点", "円", "ドル", "ユーロ"})
MULTIPLIER = {"万": 1e4, "億": 1e8, "兆": 1e12}
PLACES = re.compile(rf"({DIGITS})(万|億|兆)?")
AT_LEAST_AFTER = re.compile(r"^(?:以上|超|余り|あまり|を超え|強)")
AT_LEAST_BEFORE = re.compile(r"(?:少なくとも|最低)$")
ABOUT_AFTER = re.compile(r"^(?:前後|ほど|程度)")
NEARLY_AFTER = re.compile(r"^(?:近く|弱|足らず)")  # 3時間近く: a little under 3 hours
MINUTES_AFTER = re.compile(r"([0-9]{1,2})分(?!間)")  # 2時間40分
SEN_AFTER = re.compile(r"([0-9]{1,2})銭")  # 4451円28銭
ABOUT_BEFORE = re.compile(r"(?:約|およそ|ほぼ|推定)$")
# the word a number counts, just after it: 3人が死亡, 5人の行方が, 8人が病院に搬送 (a bound or particle between)
BOUND = r"(?:以上|超|余り|あまり|前後|ほど|程度|近く|弱|足らず|強)?"
COUNTED = re.compile(rf"^{BOUND}(?P<role>が|の|を|は|も|に)?(?P<word>けが人|けが|亡くな|[一-龥]{{2,4}})"
                     r"(?P<object>[をがに])?")
# a count that names nothing it counts is of what follows it, its frame (110メートルにわたり崩落, 約2キロ離れた):
# 100メートルほど歩いた and 20メートルほどのところ measure two things; a span (1時間に及び) is the length told
SPANS = frozenset({"時間", "分間", "日間", "年間", "カ月", "か月", "週間"})
FRAME = re.compile(rf"^{BOUND}(?P<frame>[ぁ-んァ-ヴ一-龥]{{2}})")
FRAME_SPELLINGS = str.maketrans({"渡": "わた", "上": "のぼ"})  # に渡って is にわたって, に上る にのぼる
TOLLS = {"けが": "負傷", "けが人": "負傷", "重軽傷": "負傷", "亡くな": "死亡", "死者": "死亡"}  # one toll, two words
TOLL_WORDS = frozenset({*TOLLS.values(), "行方不明", "安否不明", "心肺停止", "搬送", "重傷", "軽傷", "重体", "避難",
                        "死傷"})  # counts a disaster's toll is told in, counted again as it grows
COUNTER = re.compile(r"(?P<word>[一-龥ァ-ヴー]{2,6}?)(?:約|推定|およそ|計|合わせて|少なくとも|最低)?$")  # 消防車14台
TOLL_NOUNS = {"死者": "死亡", "死傷者": "死傷", "負傷者": "負傷", "けが人": "負傷", "重軽傷者": "負傷",
              "行方不明者": "行方不明"}  # 死者は4人: a toll named before its number
TOLL_BEFORE = re.compile(rf"(?P<toll>{'|'.join(TOLL_NOUNS)})(?:の数|数)?(?:は|が|も)?"
                         r"(?:計|合計|合わせて|あわせて|少なくとも|約|およそ)?$")
# a count of one place in a breakdown (「千寿園」で14人、津奈木町で1人が心肺停止): keyed by the place, it meets only
# that place's count
PLACED = re.compile(r"「?(?P<place>(?<![全各両])[一-龥ァ-ヴー]{1,8}(?:市|町|村|区|県|府|園|駅|港|島|州|署|病院))」?"
                    r"で(?:は|も)?(?:計|約|およそ|少なくとも|合わせて|あわせて)?$")
TOTAL_BEFORE = re.compile(r"(?:計|合わせて|あわせて|合計)$")
TOTAL = "計"  # 計7人 sums parts another report may count apart (1歳の男の子と…6人): totals meet only totals
INCREMENT_BEFORE = re.compile(r"(?:新たに|新たな)$")  # not さらに: 3人が死亡し、さらに2人が重体 adds another count
INCREMENT = "新た"  # 新たな1人の死亡: those added since the last count, which meet only such counts, never a total
# unit, the noun before the number (消防車), the word after it (死亡; 救助… when the word is itself an object, as in
# 690人が救助を待つ; の遺体 after の); or, naming neither, ~ and its frame (FRAME)
Count = tuple[str, str, str]
Values = frozenset[tuple[float, str]]  # each value with how it is stated


@functools.lru_cache(maxsize=4096)  # a sentence is compared with every other of its point: read it once
def quantities(text: str) -> Mapping[Count, Values]:
    """The values of each quantity, keyed by unit and the thing it counts (消防車14台: 台, 消防車; 3人が死亡: 人, 死亡),
    with how they are stated: "exact", "at least" (40人以上, 少なくとも4人), "about" (約20台) or "nearly" (3時間近く).
    2時間40分 is 2.67時間, 4451円28銭 4451.28円."""
    found: dict[Count, set[tuple[float, str]]] = {}
    listed = unicodedata.normalize("NFKC", text)
    flat = DECIMAL_DOT.sub(".", listed)
    matches = list(QUANTITY.finditer(flat))
    places = sum(PLACED.search(flat, max(0, m.start() - 12), m.start()) is not None for m in matches)
    for match in matches:
        number, unit = match.groups()
        if ORDINAL.match(flat, match.end()) or flat[match.start() - 1: match.start()] == "第":
            continue  # 第2回目の投票, 1回目: which one, not how many
        if unit not in FRACTIONAL and "・" in listed[match.start(1): match.end(1)]:
            continue  # 2・3人: two or three
        value = sum(float(digits.replace(",", "")) * MULTIPLIER.get(multiplier, 1.0)  # 3億5000万, 4万1000
                    for digits, multiplier in PLACES.findall(number))
        if unit == "時間半":
            value, unit = value + 0.5, "時間"
        end = match.end()
        if unit == "時間" and (minutes := MINUTES_AFTER.match(flat, end)) is not None:
            value, end = value + int(minutes.group(1)) / 60, minutes.end()
        if unit == "円" and (sen := SEN_AFTER.match(flat, end)) is not None:
            value, end = value + int(sen.group(1)) / 100, sen.end()
        before, after = flat[max(0, match.start() - 12): match.start()], flat[end: end + 12]
        stated = how_stated(before, after)
        counter, head = COUNTER.search(before), COUNTED.match(after)
        placed = PLACED.search(before) if places >= 2 else None  # a breakdown by place, not 桜台市で3人が死亡
        noun = (TOTAL if TOTAL_BEFORE.search(before) else INCREMENT if INCREMENT_BEFORE.search(before)
                else counter.group("word") if counter
                else "@" + placed.group("place") if placed else "")
        word = _counted(head) if head else ""
        if not noun and not word and unit not in SPANS and (frame := FRAME.match(after.translate(FRAME_SPELLINGS))):
            word = "~" + frame.group("frame")
        if (toll := TOLL_BEFORE.search(before)) is not None and word not in TOLL_WORDS:
            noun, word = "", TOLL_NOUNS[toll.group("toll")]
        key = (unit, noun, word)
        found.setdefault(key, set()).add((value, stated))
    return MappingProxyType({key: frozenset(values) for key, values in found.items()})


def how_stated(before: str, after: str) -> str:
    """How a number is stated, from the words just before and after it: "at least" (40人以上, 少なくとも4人), "nearly"
    (3時間近く), "about" (約20台, 20台ほど) or "exact"."""
    if AT_LEAST_AFTER.match(after) or AT_LEAST_BEFORE.search(before):
        return "at least"
    if NEARLY_AFTER.match(after):
        return "nearly"
    return "about" if ABOUT_AFTER.match(after) or ABOUT_BEFORE.search(before) else "exact"


def _counted(head: re.Match[str]) -> str:
    """The word a number counts: 600人を救助 is of those rescued, 690人が救助を待って of those waiting (a word followed
    by を is no predicate), 5人の遺体 of bodies (the number describes the noun); 3人が死亡 and 3人死亡 are one toll."""
    word = TOLLS.get(head.group("word"), head.group("word"))
    if word in TOLL_WORDS:
        return word
    return ("の" if head.group("role") == "の" else "") + word + ("…" if head.group("object") else "")


def tallies(found: Mapping[Count, Values]) -> dict[Count, set[float]]:
    """The tolls among `found` (死亡, 負傷, 行方不明…) with their values."""
    return {key: {value for value, _ in values} for key, values in found.items() if key[2] in TOLL_WORDS}
