"""Page rules as data: the markers of まとめ pages and news blogs, site chrome, and HTML comment-section selectors.

Every pattern is matched against NFKC-normalised text, so `:` also covers the full-width `：`.
Add a marker here, not in the code that uses it.
"""

from __future__ import annotations

import re

URL = re.compile(r"https?://[^\s\"'<>「」()（）]+")

# --- まとめ (digest) pages -------------------------------------------------------------------------------
CARD_DATE = re.compile(r"^(?:公開日|掲載日|配信日|投稿日)\s*[:]\s*(?P<date>.+)$")
CARD_BULLET = re.compile(r"^✅\s*(?P<text>.+)$")
CARD_MORE = re.compile(r"^さらに読む\s*[⇒→>]\s*(?P<outlet>.*?)\s*(?:(?:出典/画像元|出典|画像元)\s*:\s*(?P<url>\S+))?\s*$")
CONCLUSION_HEAD = re.compile(r"^(?:🚩\s*)?(?:結論|まとめ)\s*[!！]?$")
CONCLUSION_BULLET = re.compile(r"^💡\s*(?P<text>.+)$")

# --- news blogs ----------------------------------------------------------------------------------------
REFERENCE_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("image_credit", re.compile(r"^※?\s*アイキャッチ画像の出典\s*:\s*(?P<text>.+)$")),
    ("image_credit", re.compile(r"^(?:画像|写真)?(?:出典|出所|画像元)\s*:\s*(?:(?:画像|写真)?出典\s*:\s*)*(?P<text>.+)$")),
    ("reference", re.compile(r"^参考(?:記事|資料|文献)?\s*:\s*(?P<text>.+)$")),
    ("related", re.compile(r"^関連(?:記事|リンク|ニュース)\s*:\s*(?P<text>.+)$")),
    ("source", re.compile(r"^(?:ソース|引用元|元記事|情報元|提供|配信元|via)\s*:\s*(?P<text>.+)$", re.I)),
)
NOTE = re.compile(r"^※\s*(?P<text>.+)$")
# where a note that the article was published elsewhere ends, when the article goes on in the same line after a
# space (※この記事は…で公開されたものです 9日午後、…); other notes keep their whole line
NOTE_END = re.compile(r"(?:公開|掲載|配信|転載)(?:され|し)たもの(?:です|である)?。?\s+")
NOTE_RUNS_ON = 20  # characters after the note's end that are the article's, not a second clause of the note
POST_SIGNATURE = re.compile(
    r"^[—―-]{1,2}\s*(?P<author>.*?)\s*\(@(?P<handle>[A-Za-z0-9_]{1,30})\)\s*(?P<date>[A-Za-z]{3,9}\.? \d{1,2}, \d{4})\s*$"
)
POST_MAX_LINES = 2
POST_MAX_CHARS = 280

# Lines that close an article and open its footer: the reader thread follows the last of them.
ARTICLE_END = (
    re.compile(r"^関連(?:記事|リンク|ニュース)\s*:"),
    re.compile(r"^※?\s*アイキャッチ画像の出典\s*:"),
)
THREAD_START = re.compile(r"^(?:コメント(?:一覧|欄)?|\d+\s*件のコメント|Comments?|読者の声|みんなの反応)\s*[:]?$", re.I)

# --- site chrome ---------------------------------------------------------------------------------------
CHROME_WORDS = frozenset(
    ["find", "go", "logo", "menu", "opener", "search", "home", "top", "close", "open", "share", "tweet", "print", "toggle", "navigation", "skip", "to", "content", "sign", "in", "login", "log", "subscribe", "next", "previous", "prev", "back", "page", "more"]
)
CHROME_LINES = frozenset({
    "メニュー", "検索", "ホーム", "トップ", "トップへ戻る", "ページトップへ", "シェアする", "シェア", "ツイート",
    "いいね", "印刷", "広告", "スポンサーリンク", "PR", "この記事をシェアする", "閉じる", "続きを読む", "返信", "返信する",
})

# --- plain-text comment threads ---------------------------------------------------------------------------
# A line left open (a comma, an arrow, a particle, 〜し, 〜ば) goes on below; 〜のに, 〜のでは and 〜して close one.
CONTINUES_NEXT = re.compile(r"(?:[、,，→]|[ばをし]|(?<!ので)は|(?<!の)に|ますが|ですが)$")
CONTINUES_PREVIOUS = re.compile(r"^(?:↓|みたいな|みたいに|とか|ので|けど|から、)")
BULLET = re.compile(r"^(?:・|[-*•]\s)")
CLOSED = re.compile(r"[。.!?」』)]$")
QUOTE_LINE = re.compile(r"^[>＞](?!>)")
ANCHOR = re.compile(r"^>>\s*(?P<n>\d+)")
CORRECTION = re.compile(r"^(?:訂正|追記|補足|誤字|すまん訂正)[。!！:]?$")
ARROW = "↓"
REPLY_OPENERS = re.compile(
    r"^(?:なんで|なぜ|いや|いやいや|でも|だから|それ(?:は|だと|な)|これ$|横から|逆に|そりゃ|長い|同意|草|確かに|そうか|うーん|"
    r"ほんとそれ|まあ|んなわけ|何言って)"
)
LENGTH_COMPLAINT = re.compile(r"^(?:長い|長文|[3三]行で|[3三]行に)")
ESSAY_MIN_LINES = 5
ESSAY_CHAIN = 3
ESSAY_WORD_TIES = 2  # an essay shares rare words line to line at least this often: openers alone (一方, さらに) are not enough
ESSAY_LINE_END = re.compile(r"(?:。|れば|ので|ため)$")
ESSAY_SHORT_LINE = 15  # characters: a line this short between two tied sentences of an essay rides along
# A sentence that opens by pointing at the one before it does not stand alone (a reply opener is checked first).
REFERS_BACK = re.compile(r"^(?:ところが|それ[をがにで]|これ[をがにで]|彼ら[はがも]|一方|しかも|さらに|そして|つまり|一つが|もう一つ)")
# A numbered post header of a board thread: `12: 名無しさん 2021/08/20(金) 12:00:00.00 ID:abc` (the body follows).
POST_HEADER = re.compile(
    r"^(?P<n>\d{1,5})(?:\s*[:.]\s*|\s+)(?:名前\s*:\s*)?"
    r"(?P<name>\S*名無し\S*|\S+(?=\s+(?:投稿日\s*:\s*)?\d{4}/\d{1,2}/\d{1,2}))(?P<rest>.*)$"
)

# --- HTML comment sections ---------------------------------------------------------------------------------
# Every rule below needs a class or id naming a comment (or Disqus); pages without one skip the XPath work.
COMMENT_HINT = re.compile(r"""(?:class|id)\s*=\s*["'][^"']*(?:comment|disqus)""", re.I)


def _class_word(word: str) -> str:
    """XPath: the class attribute holds `word` as a whole word; the cheap substring test goes first, so that
    normalize-space runs only on the few elements that may match."""
    return f"(contains(@class, '{word}') and contains(concat(' ', normalize-space(@class), ' '), ' {word} '))"


# One XPath per common layout; each selects the element of a single comment. Add a layout here, with the words one
# of which the class or id of an element on the page must hold for the layout to match (none: always tried); the
# page's elements whose class or id holds "omment" are gathered once, so that most layouts need no XPath at all.
COMMENT_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("//*[" + _class_word("commentlist") + "]//li", ("commentlist",)),
    ("//*[" + _class_word("comment-list") + "]//li", ("comment-list",)),
    ("//*[@id='comments']//article[contains(@class, 'comment')]", ("comments",)),
    ("//*[@id='comment-area' or @id='comment_area']//*[contains(@class, 'comment-item')]",
     ("comment-area", "comment_area")),
    ("//*[" + _class_word("comment-body") + " and not(ancestor::*[" + _class_word("comment-body") + "])]",
     ("comment-body",)),
    ("//*[" + _class_word("commentbody") + " and not(ancestor::*[" + _class_word("commentbody") + "])]",
     ("commentbody",)),
    ("//li[starts-with(@id, 'comment-') and string-length(@id) > 8 and translate(substring-after(@id, 'comment-'), "
     "'0123456789', '') = '']", ("comment-",)),
    ("//div[starts-with(@id, 'comment-') and string-length(@id) > 8 and translate(substring-after(@id, 'comment-'), "
     "'0123456789', '') = '']", ("comment-",)),
    ("//dl[contains(@class, 'comment')]/dd", ("comment",)),
    ("//*[" + _class_word("comment-item") + "]", ("comment-item",)),  # livedoor Blog
    ("//li[" + _class_word("entry-comment") + "]", ("entry-comment",)),  # Hatena Blog
    ("//*[@id='posts' or contains(@class, 'post-list')]//li[" + _class_word("post") + "]", ()),  # Disqus-style
)
# A comment section: an element with one of these ids, class words, or class substrings.
COMMENT_SECTION_IDS = frozenset({"comments", "comment", "comment-area", "comment_area", "disqus_thread"})
COMMENT_SECTION_CLASSES = frozenset({"comments", "comment-section", "commentlist", "comment-list"})
COMMENT_SECTION_CLASS_PARTS = ("comment_list", "commentList", "comment-area")
COMMENT_TEXT = (  # most specific first
    ".//*[contains(@class, 'comment-content') or contains(@class, 'comment-text') or contains(@class, 'comment_text')"
    " or contains(@class, 'comment-body-text') or contains(@class, 'post-message') or contains(@class, 'entry-comment-text')]",
    ".//*[contains(@class, 'commentbody') or contains(@class, 'comment-body') or contains(@class, 'comment_body')]",
)
COMMENT_AUTHOR_BEFORE = "preceding-sibling::*[1][self::dt]"  # FC2-style <dt>author</dt><dd>comment</dd>
COMMENT_AUTHOR = (".//*[contains(@class, 'comment-author') or contains(@class, 'fn') or "
                  "contains(@class, 'author') or contains(@class, 'commentator') or contains(@class, 'name')]")
COMMENT_DATE = ".//time/@datetime | .//*[contains(@class, 'comment-date') or contains(@class, 'date')]"
