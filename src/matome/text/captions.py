"""Photo and video captions told from sentences: `土砂が流れ込んだ住宅=15日午前、A市(B事務所提供)` describes a picture
beside the text and states nothing the report stands behind."""

from __future__ import annotations

import re

from matome.text.normalize import normalize

# Matched on NFKC text: `=` also covers `＝`, `(` `（`, `:` `：`.
CAPTION_MAX = 160  # characters: a longer line is a paragraph, whatever it ends with
SENTENCE_END = re.compile(r"[。！？!?」』]$")  # a caption is no closed sentence
ENLARGE = re.compile(r"\s*[【\[](?:拡大|写真拡大)[】\]]$")  # a link to the larger picture after the caption
# a photographer's name before 撮影 (武田博仁撮影), not what was shot or how (動画撮影, 記念撮影, 横撮影)
_NAME = r"(?!(?:記念|動画|写真|映像|画像|静止画|夜景|連続|試し|空中|航空)撮影)[一-龥々ァ-ヶー]{2,10}"
_DAY = (r"(?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}日(?:\([月火水木金土日]\))?"
        r"(?:午前|午後|未明|早朝|朝|昼|夕方|夜)?(?:\d{1,2}時(?:\d{1,2}分)?)?(?:ごろ|過ぎ|すぎ)?")
# what follows the caption's `=`: the photographer (=武田撮影, =B市で15日、武田撮影), or when and where it was taken
# (=15日午前、A市), with the credit in brackets after it
_SHOT_BY = rf"(?:[^、。]{{0,12}}から)?{_NAME}(?:さん|氏)?撮影"  # 本社ヘリから山田撮影, 木村さん撮影
NEWS_AGENCY = r"(?:共同|時事|ロイター|AP|AFP|EPA|新華社|聯合|UPI)"
RELAYED = re.compile(rf"(?P<agency>{NEWS_AGENCY})={NEWS_AGENCY}$")
_AGENCY_CREDIT = rf"{NEWS_AGENCY}(?:通信)?"  # 共同, 共同通信 (ロイター=共同 is read as ロイター: RELAYED)
AFTER_EQUALS = re.compile(rf"^(?:.{{0,40}}、\s*)?{_SHOT_BY}$"
                          rf"|^{_DAY}(?:、[^、。=()]{{1,25}})?(?:、{_AGENCY_CREDIT})?(?:\([^()]{{1,40}}\))?$"
                          rf"|^[^、。=()]{{1,25}}で{_DAY}、{_AGENCY_CREDIT}$")  # =米サンフランシスコで16日、共同
# where, and the agency's photo (喜ぶ堂安(中央)ら=ドーハ(共同)), after someone placed in the picture; a headline closes
# on its source the same way (…8割が回答=米調査(ロイター)) but places nobody
PLACED = re.compile(r"\((?:左|右|中央|手前|奥|上|下|[左右]から\d+人目)\)")
AGENCY_PHOTO = re.compile(rf"^[^、。=()]{{1,15}}\({NEWS_AGENCY}\)$")
# a credit in brackets that closes a caption: (撮影・田中), (本社ヘリから、山田撮影), (B市提供), (写真提供:内閣広報室),
# (写真:AP), (写真=右), (本社ヘリから), (協会の動画より); not what a product offers (クーポンを提供) nor a spec
# (映像:H.264)
PHOTO_CREDIT = re.compile(rf"^(?:撮影\s*[・:=/]\s*\S.*|(?:.{{0,30}}[、,]\s*)?{_SHOT_BY}|.{{0,24}}[^ぁ-ん\s]提供|"
                          r"(?:写真|画像|映像|動画)提供\s*[・:=/].+|(?:写真|画像|Photo)\s*[:=/](?!\s*\d+枚).+|"
                          r".{0,20}ヘリ(?:から|より)(?:[、,].{1,12}撮影)?|.{1,30}(?:写真|画像|映像|動画)より)$", re.I)
# a photo agency's credit alone: (AP), (AFP=時事); not a news agency's, which also closes headlines of linked articles
# (…新型機発表へ(ロイター)): after `=day, place` those count
AGENCY_CREDIT = re.compile(r"^(?:AP|AFP|EPA|UPI|ゲッティ|Getty Images|アフロ)(?:\s*[=/]\s*[^()]{1,15})?$", re.I)
# when and where in brackets, as Nikkei writes it: 強風で倒れた街路樹(9日午前、東京・大手町)
WHEN_WHERE = re.compile(rf"^{_DAY}、[^、()]{{1,25}}$")
# a chart's caption: 台風の予想進路(4日12時現在)
AS_OF = re.compile(r"^(?:\d{1,2}月)?\d{1,2}日(?:午前|午後)?\d{1,2}時(?:\d{1,2}分)?現在$")
# a field and its value (投開票日=10月27日, ▽日時=5月3日、市民会館), not a picture described
LABEL = re.compile(r"(?:^[▽▼■□●○・◆◇*]|(?:日|日時|期間|会期|場所|会場|時間|期限|締め切り|締切)$)")
TOPIC = re.compile(r"(?:のは|は)、")
LAST_BRACKET = re.compile(r"\(([^()]*)\)$")
MEDIA_LABEL = re.compile(r"^[【\[〔<](?:写真|画像|動画|映像|図|図表|グラフ)\d*[】\]〕>]")  # 【動画】続く捜索活動
COPYRIGHT = re.compile(r"(?:\([cC]\)|©)\s*[A-Za-z][\w .&/=-]{0,40}$")
FILMED = re.compile(r"(?:撮影|撮ら)(?:された|した|れた)(?:映像|写真|動画|画像)。?$")  # 14日、B市で撮影された映像。


def is_caption(text: str) -> bool:
    """Whether a line of a report is a photo or video caption rather than a sentence: no closing 。, and a photo
    credit at its end (撮影, 提供, ヘリから, an agency in brackets), the `description=day, place` shape, or a 【写真】
    label before it; or a line that names the picture it describes (…で撮影された映像。). A sentence that mentions
    a photograph (NHKがヘリから撮影した映像では、…。) is no caption."""
    if len(text) > 2 * CAPTION_MAX or (text.rstrip().endswith("。") and "撮" not in text):
        return False  # the common case, a closed sentence that names no shot, decided before normalising
    whole = normalize(text).strip()
    flat = ENLARGE.sub("", whole)
    if not flat or len(flat) > CAPTION_MAX:
        return False
    if flat != whole and not flat.endswith("。"):
        return True  # a link to the larger picture closes only a caption
    if COPYRIGHT.search(flat):  # …(2020年1月24日撮影)。(c)DHA / AFP: a photo's credit closes it
        return True
    if FILMED.search(flat) and not TOPIC.search(flat):  # not 決め手となったのは、住民が撮影した動画。
        return True
    if SENTENCE_END.search(flat):
        return False
    if MEDIA_LABEL.match(flat):
        return True
    if "=" in flat:
        credited = RELAYED.sub(r"\g<agency>", flat)  # ロイター=共同: an agency's photo, relayed by another
        described, after = (part.strip() for part in credited.rsplit("=", 1))
        if not LABEL.search(described) and (AFTER_EQUALS.match(after)
                                            or (PLACED.search(flat) and AGENCY_PHOTO.match(after))):
            return True
    bracket = LAST_BRACKET.search(flat)
    if bracket is None:
        return False
    credit = bracket.group(1).strip()
    if is_photo_credit(credit):
        return True  # (撮影:田中) alone on its line is a credit too
    return bracket.start() > 0 and bool(AGENCY_CREDIT.match(credit) or WHEN_WHERE.match(credit)
                                        or AS_OF.match(credit))


def is_photo_credit(inside: str) -> bool:
    """What a pair of brackets holds is a photo credit: 撮影・田中, B市提供, 写真:AP, 本社ヘリから."""
    return bool(PHOTO_CREDIT.match(normalize(inside).strip()))
