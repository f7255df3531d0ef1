"""Text -> statements: split news text into sentences and drop web furniture.

A *statement* is one sentence of an article's body text (codebook, section 1).
The segmenter never rewrites text: every statement is a verbatim slice
``text[start:end]`` of the input, and statements come out in input order.
Pasted web pages carry furniture (menus, bylines, captions, share buttons,
cookie notices, lists of related headlines); the rules below recognise it by
its shape, never by one site's wording. ``docs/segmentation.md`` has the
rules with examples and the benchmark figures.

The rules, in the order they apply:

1. **Lines into blocks.** A line continues the previous one (one sentence
   hard-wrapped over several lines) when it starts with a lower-case letter
   (or an opening quote and one), when it is one word that ends a sentence,
   or when the previous line has no terminal punctuation and either ends in a
   comma or a function word ("of", "the", "and") or fills the text's wrap
   width (the longest line length most lines come close to, found when most
   lines do: wire copy, PDF copies, ``fold -w 72``), or when it ends with a
   title before a name ("Lt. Col." + "Oleh ..."). One blank line inside a
   sentence does not end it when the next line starts in lower case, the
   line before ends in a comma or a function word, or a wrapped paragraph
   stops mid-word at the width. A line in lower case does not carry on a
   furniture line, and "by Name" after a blank line or editors' initials
   ("bur-ams/jj") never carry anything on. Any other line break ends a block: headlines, bylines
   and list items stand on their own lines.
2. **Furniture blocks are dropped**, by shape and a closed vocabulary of
   interface strings, never by news words: lines with no letters; one word
   with no terminal punctuation; places in capitals; menu lines (items set
   apart by ``|``, ``•``, ``·`` or double spaces, or glued together); a
   reporter's role; a label's or a speaker's line of capitalised words ending
   in a colon; lines made only of interface words (``Share``, ``Print``,
   ``Font size``, social networks, ``Accept all``); interface prefixes
   (``Read more:``, ``Tags:``, ``Photo:``, ``Skip to``, ``Follow us``,
   ``Comments (214)``, ``4 min read``, ``©``); date stamps; bylines (``By
   ...``, a name in capitals glued to a date, ``(Reporting by ...)``); photo
   credits (``Name/Agency``, ``Getty Images``) and the caption next to one;
   a caption that ends with its credit (``... 2025. ANNA KOVAL / AP``, ``...
   (Film Fund)``) or holds a position mark (``(R)``, ``(2nd L)``); bylines
   with a role in lower case (``Anna Berg (Vienna, correspondent)``); credit
   notices in capitals; share buttons glued together; URLs and editor tags;
   site boilerplate in full sentences addressed to the reader (cookie notices
   and consent choices, subscription and donation appeals, reuse and
   copyright notices, "this interview was condensed", newsletter footers,
   paywall and consent-framework notices) and the short buttons under a
   cookie notice; a newsletter's section heads (``The big story``), live
   pages' ``Posted by ...``, a byline set with its date stamps, players and
   counters with a time (``Audio 18:40``), a table's note, title and source,
   a gallery's captions under numbers alone on their lines, a briefing's
   topic headings (``On the ...``, two or more), a pull quote that repeats a
   sentence of the body, a sign-off of short exclamations after the body
   (set apart by a blank line, or two exclamations or more);
   a caption under a gallery's counter or a photo's marker (``Photo 4 of
   9``, ``Photo``, ``📷``) and a short present-tense caption above its
   credit, a reader poll's question and answers, weather boxes and markets
   tickers, a menu of section names, a dateline alone on its line, a
   transcript's stage notes (``(Laughs.)``); a sentence about the site
   itself (round 9): it names the site, its pages, its comments, its readers
   or the outlet in the first person plural and says what a site says of
   itself (comment rules, funding, rights, a newsletter's or a live blog's own
   lines), or appeals to the reader in the imperative, unless it quotes or
   reports speech; reader comments under a name and an age on lines of their
   own, arrow buttons (``Open at source →``), a portrait's caption with a
   month and no verb, two reporters' names joined by "and"; round 10: a media
   registration, a paywall's end, a repost site's or an aggregator's note on
   where its items come from, a name glued to its date or a date stamp glued
   to a place, a post's header starting with a symbol, a photographer's
   credit ``(Name for The Paper)``, sponsored cards and an aggregator's
   clusters under their headings; round 12: comments under a reader's name
   and a time or with their buttons, a live page's key events (``• 14:40
   Lavrov ...``), an advertisement under its label, a photo story's credits
   (``Photographs and text by ...``, ``Name for Site`` under its caption),
   ``Name with agencies``, a labelled weather box, a section label under
   the headline, and site talk in short lines (``Like this story?``, an
   aggregator's or a paywall's lines, a live page's end, a company line);
   round 13: a view counter glued to a post's last sentence (``...
   damaged.👁 18.2K``), cookie buttons and podcast platforms on one line, a
   lower-case wordmark before its menu, site talk in full sentences (a tip
   line, translation and affiliation notes, a members' offer, a sponsor's
   read and its code), comments under buttons set apart by spaces, a bio
   under the page's byline, correspondent credits as sentences, a related
   list's last headline, a caption before its glued credit, a source note
   after a sentence (cut off, the sentence kept); round 14: site talk in full
   sentences (appeals for local or independent journalism, a call to give,
   the newsroom's hours, an apology ending a service notice, a call for the
   reader's thoughts, an aggregator's selection note, print-edition and
   market-data notes, a reporter's contact), comments under ``View 87
   comments``, a bio under its byline, a fact-check's rating, a video's title
   under its player, a caption and its credit in capitals set apart, a name
   glued to a staff line, ``Members only``, ``Full coverage: ...``, an
   episode number, a transcript's date, time and place; an address that opens
   with its salutation keeps its closing exclamation; round 15: site talk in
   full sentences (a consent notice without "cookies", a paywall's loading
   notice, a transcript's own notes, a sponsor's address, a repost site's
   ownership note, ranking by an algorithm, a live page's writer, a
   correction's note, the outlet as a news organisation), a site's tagline
   from a closed list of shapes, a wordmark in capitals before its menu,
   initials alone in a menu column, a caption with its credit for the paper,
   a graphic's credit, a show's credits, a radio's byline, a second
   reporter's credit, the desk's initials with their agencies; an
   aggregator's last card below its last teaser is kept; round 16: site talk
   in full sentences (a live page's refresh note and its label, a reuse rule
   by what it needs, a personalisation note and its buttons, the outlet's
   staff at work, a reader's question before an appeal, a contact address,
   two notices in one line), a menu of section names, a site's identity line
   with no headline under it, a credit in brackets under its caption, a
   transcript's date, time and place with a comma after the time, an issue
   with its reading time; a turn under its speaker's name alone on a line is
   speech, and a reader's handle and date stamp carries no line on; round 17:
   an institution's menu with small words in it, an app's banner that names
   the app, a repost site's notice of whose the content is, a post's source
   account, a media registration notice (and, after the body, the outlet on
   the networks), a site's name with its kind in brackets or after a dash, an
   outlet's desk as a byline under the headline, a speaker's role before the
   name; news with an editing note after it in its line is kept (the note is
   cut), and so are an aggregator's cards under their source lines.
   A line repeating an earlier line (a headline scraped twice) is dropped too.
3. **Headlines by their place.** A line of two or three words, or of
   capitalised words, without terminal punctuation ("Talks resume", "Iryna
   Kovalchuk", a menu of section names) is a headline when it is the last
   such line before a sentence with only furniture in between, unless a
   longer headline stands there or it reads as a name; elsewhere it is
   furniture; a line that starts in lower case is never a headline. Above the
   headline, before the first paragraph, lines of mostly capitalised words
   (menus, breadcrumbs, a site's name) are dropped when another line without
   a full stop follows, unless their deck (a longer line in sentence case)
   follows them with no furniture in between. A site's
   name after a headline (``... | PBN``) is cut off. A related-list heading
   above everything kept (``Latest`` in a menu) leaves the page's headline
   under it. A headline glued to its first sentence at the top of the page
   ("... next weekNegotiators said ...") is split there. A site's tagline
   (``... since 1998``) or a slogan of short sentences above the headline
   goes, and the headline repeated under a page's title is kept once.
4. **Context.** Under a heading such as "Related news", "Read also" or "More
   on this story", headline lines are furniture until body text resumes; a
   headline followed directly by its article's text (a related block that
   carries the full piece, a date line in between or not) is kept; a short
   question there is a headline too. After the last paragraph of body text,
   lines without terminal punctuation (tag lists, footer links), authors' bios
   and sentences about the outlet ("X is an independent news outlet", "X is
   published by Y") are dropped; a bulleted list led in by a sentence ending
   in a colon still belongs to the body there. A reader comments section (a
   comments heading with a comment's header, a name and its age, below it)
   goes to the page's end; a sources list's items go under ``Sources``; an
   author's bio goes under a byline holding the name or under "About the
   author".
   Labels glued to a sentence are cut off, and the statement starts after
   them: a leading bullet (``- ``, ``• ``, ``1. ``; ``•`` glued to its item
   too), an agency dateline
   (``MOSCOW, March 14. /TASS/.``, ``KYIV, May 2 (Reuters) -``, ``ODESA —``,
   also without a space after it, an agency's name glued after its dash), a source tag (``(AGENCY) ``), a label from
   a closed vocabulary and a colon (``Quote:``, ``Context:``, ``Summary``,
   ``Question (Agency):``, ``UPDATE 2-``, ``Ukraine war live:``), a speaker's
   name and colon, with its space or glued to the answer, before a full
   sentence (transcripts; a surname alone only in a dialogue, where two
   lines or more start with a speaker: elsewhere "Lavrov: ..." heads the
   news; after a time code, and with a role, ``[00:01:58] ZIMINA (host): ``),
   a time code (``[01:42]``), a footnote mark heading a note (``[1] ``), a
   date or a time before a dash or a colon heading a timeline's or a feed's
   item (``15 January — ``, ``Sept 9: ``, ``Site, 07:15 — ``), an agency's
   short tag glued to the sentence (``KhNA.Ukraine is ...``), and, on a page
   that sets three or more of them, a short label in sentence case
   (``Between the lines: ``). Below the first paragraph of body text, a
   content-free sub-head (a line without a stop of six words at most that
   opens with a question word or "Our"; a line that a list above names, a
   table of contents) and a press release's ``About ...`` section go.
5. **Lists.** A line ending in a colon before a bulleted list ("Lavrov listed
   the conditions:") is a statement of its own, and so is each bullet, inline
   bullets (``: • a; • b``) included, and each item that ends in ``;`` with a
   blank line after it.
6. **Sentences.** A block is split after ``.``, ``!``, ``?`` or an ellipsis,
   with any closing quotes or brackets and a footnote mark (``said.[3]``,
   which is then cut off the statement: it is furniture), when the next
   word starts with a capital letter, a digit or an opening quote; with no
   space in between ("Friday.The Kremlin") only between a lower-case letter
   (or a closing quote) and a capital. No split after titles and
   abbreviations ("Mrs.", "Gen.", "St.", "p."; but one that ends a name,
   "Blvd.", "Inc.", ends its sentence before an opening quote or a word that
   only starts one, and a street's "Ave." or "Blvd." before any capitalised
   word), initialisms
   ("U.S."), single initials (but "wrote on X." ends), before a lower-case
   word ("worry... and"), inside a short quoted title ("Don Q. The Knight"),
   or between a quote and its attribution ("'Are we ready?' Putin asked.").
   A credit or an appeal after the last sentence of a paragraph is dropped.
7. A one-word fragment such as "Meanwhile." is joined to the sentence after it;
   a one-word reply ("Yes.", "No.", "Thanks.", "Good.") is a sentence of its own.
8. A sentence longer than :data:`MAX_STATEMENT_CHARS` characters (a megabyte
   of text without punctuation, say) is cut at the last whitespace before the
   limit, or at the limit itself when there is none, so that no input makes
   the segmenter or the model work on one unbounded statement.

Web text is matched as it looks: no-break, thin and other Unicode spaces
count as spaces, soft hyphens and zero-width characters as nothing, and
full-width letters as their ASCII look-alikes (NFKC) when furniture is
recognised.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterator, NamedTuple

from .furniture import drop_learned_furniture

# The module's 340 patterns took 150-600 ms to compile, the largest part of `import stanceclf`,
# and most are furniture rules that plain news text never reaches: each is compiled on its first use.
_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")


class _Pattern:
    """``re.compile(pattern, flags)``, done when a method is first called.

    Compiling copies the compiled pattern's methods onto the instance, where they hide the class's
    first-use methods, and puts the compiled pattern under the module's name for it: the functions
    then call the compiled pattern itself, as fast as before (an instance's copied methods cost
    2% of segmenting a page; ``__getattr__`` more).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def _compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _PATTERN_METHODS:
            setattr(self, name, getattr(compiled, name))
        module = globals()
        for name, value in list(module.items()):
            if value is self:
                module[name] = compiled
        return compiled


def _first_use(name: str):
    def method(self: _Pattern, *args, **kwargs):
        return getattr(self._compile(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _PATTERN_METHODS:
    setattr(_Pattern, _name, _first_use(_name))


__all__ = ["PIECE_CHARS", "pieces", "MAX_STATEMENT_CHARS", "Statement", "segment", "is_furniture"]

#: Longest statement the segmenter emits; longer runs are cut (rule 8).
MAX_STATEMENT_CHARS = 2000

_OPEN_QUOTES = "\"'“‘«„‚"
_CLOSE_QUOTES = "\"'”’»"
_OPENERS = _OPEN_QUOTES + "(["
_CLOSERS = _CLOSE_QUOTES + ")]"
_TOKEN_PUNCT = ".,:;!?()[]'\"“”‘’"
_TERMINAL = ".!?…"
# Invisible characters web pages put inside words or between sentences.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DELETE_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))
_INVISIBLE_CHAR = _Pattern(f"[{_INVISIBLE}]")

# A candidate boundary: terminal punctuation (a run of it: "?!", "..."),
# optional closing quotes or brackets, any whitespace (none: glued
# sentences), then (looked at, not consumed) what comes next.
_BOUNDARY = _Pattern(
    r"(?P<term>[.!?…．！？][.!?…．！？]*+)"  # a plain class first: the engine skips to candidates
    r"(?P<close>[\"'”’»)\]]*+(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]++)?+)"  # a footnote mark goes with its sentence: "said.[1]"
    rf"(?P<space>[\s{_INVISIBLE}]*+)"
    r"(?=[\"'“‘«„‚(\[]*[^\W_a-z])"  # before a capital or a digit: a lower-case word never starts a sentence
)
# What can follow a paragraph's last full stop (no letter, no digit): past it, no boundary can match.
_AFTER_LAST_STOP = ".!?" + _CLOSE_QUOTES + ")] \t\n\r"
# Inline bullets inside one line: "... conditions: • the withdrawal; • ..."
_INLINE_BULLET = _Pattern(r"\s+[•▪●◦‣]\s+")
_BULLET_CHARS = "•▪●◦‣"

# Words after which a full stop does not end a sentence.
_TITLES = frozenset(
    "mr mrs ms dr gen col lt sgt capt cpt maj adm gov sen rep st prof jr sr "
    "rev hon pres amb lieut cmdr brig no nos vs approx dept fig jan feb mar "
    "apr jun jul aug sep sept oct nov dec mt ft ave blvd co corp inc ltd vol art "
    "para ch op ed eds etc cf al p pp ret retd".split()
)
# Round 14: abbreviations that end a name ("Speedway Blvd.", "Naftogaz Co.") and so can end a sentence: a boundary
# before an opening quote or a word that only starts sentences ("... on E. Speedway Blvd. “They go home ...").
_SUFFIX_ABBREVIATIONS = frozenset("ave blvd st inc ltd corp co etc jr sr".split())
_STREET_ENDS = frozenset(("ave", "blvd"))
_INITIALS_ALONE = _Pattern(r"(?:[A-Z]\.){2,3}$")
_INITIALISM = _Pattern(r"(?:\b[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
_SPEECH_VERB = _Pattern(
    r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s+"
    r"(?:said|says|asked|asks|added|adds|stated|told|wrote|noted|declared|"
    r"replied|stressed|insisted|explained|continued|emphasi[sz]ed|remarked|"
    r"concluded|claimed|argued|warned|recalled)\b"
)
# Words that start sentences and never carry on a name or an initialism: after "U.S." or "a.m.", a new sentence.
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I This That These Those There But However Meanwhile Its His Her Their Our".split()
)
# What stands before a reply "No.": nothing, or the end of a sentence.
_REPLY_BEFORE = frozenset(("", *_TERMINAL))
# A short quoted title that runs on past its full stop: '"Don Q. The Knight" resumed'. An apostrophe
# ("Russia's") opens no title: a cheap search for the opening quotes comes before the pattern.
_TITLE_OPENERS = '“«"‘'
_TITLE_OPENED = _Pattern(rf"[{_TITLE_OPENERS}][^“”«»\"‘’]{{0,40}}$")
# A "’" before a letter is an apostrophe ("Putin’s"), not a closing quote.
_TITLE_CLOSES = _Pattern(r"[^“”«»\"]{0,50}?[\w.!?),](?:[”»\"]|’(?!\w))(?:\s*[a-z(]|[,;:.)]|$)")
# Round 15: a word that names a title before its quote ('a concert titled "Snow. Bells," opens ...'): there the
# title may end with the sentence's comma
_TITLE_WORD = _Pattern(r"\b(?:titled|entitled|called|named|dubbed)\s*$")

# --- furniture: a closed vocabulary of interface words and section names ---
# Lines made only of these words (any case, any order) are interface strings.
_INTERFACE_WORDS = frozenset(
    """
    share shares shared sharing print printable version font size text a a+ a- aa show more less
    load read also see listen to this article save saved bookmark gift copy link copied email e-mail
    mail comment comments reply replies like follow subscribe subscribed unsubscribe sign in up log
    login logout register account menu search close open expand collapse back top next previous prev
    home skip content main navigation jump section accept reject all cookies cookie settings manage
    preferences agree consent ok yes no got it continue advertisement advertising ad ads sponsored
    promoted partner content live video videos photo photos gallery audio podcast podcasts watch
    play pause mute download app apps rss feed newsletter newsletters donate support us contact about
    help faq privacy policy terms conditions of use service accessibility statement legal notice
    imprint impressum sitemap careers jobs advertise with cookies print-friendly pdf translate
    language languages en ru uk ua de fr es ar pt it english русский українська deutsch français
    español edition editions facebook twitter x telegram whatsapp viber vk vkontakte ok.ru odnoklassniki
    linkedin reddit pinterest instagram youtube tiktok threads bluesky mastodon flipboard pocket
    dzen rutube messenger signal line weibo wechat and & or the a on in our for
    visually impaired version mobile desktop edit report error typo feedback send page story article here
    gift now view full screen subscribers only free trial premium plus scroll short add your stories offer
    key event events earlier posts join points at glance
    post update updates refresh latest news guest commentary opinion analysis column editorial explainer interview
    review feature exclusive breaking learn unlock browser get repost reposts retweet retweets likes views quotes
    loading scroll clipboard unmute swipe tap rate this problem recommended by via down go embed archive file
    episode episodes transcript transcripts notes this min mins enlarge toggle hide caption image an opens window
    favourites favorites favourite favorite sign-up enter address new
    poll polls quiz survey vote votes results
    pinned playing channel translation original my dark mode cancel screenshot voiced ai ai-generated summary brief
    quick store google apple accessible printer-friendly coverage choices tv give site schedule programme program
    tr pl ro cs sk hu bg sr hr ka hy az kk uz zh ja ko he fa
    options source list moments
    hosts searches topics sources
    air fewer
    not
    non-essential essential necessary guide you local following spotify deezer stitcher overcast castbox soundcloud
    amazon music iheartradio
    """.split()
)
# Heading lines above lists of other articles' headlines.
_RELATED_HEADING = _Pattern(
    r"^(?:(?:related|recommended|similar|latest|popular|top|more|other)\s+(?:news|articles?|stories|content|coverage"
    # round 10: an official site's lists ("Other addresses", "More statements")
    r"|topics|reading|links|videos?|posts|addresses|speeches|statements|interviews|publications|materials"
    r"|(?:press\s+)?releases|briefings|columns|episodes)|related|read\s+(?:also|more|next)"
    r"|also\s+read|see\s+also|more\s+(?:on|about)\s+(?:this|the)\s+(?:story|topic|subject|issue)"
    r"|more\s+(?:stories|news|from\s+[\w' ]{1,30})|latest(?:\s+news)?|most\s+(?:read|popular|viewed|watched)"
    r"|popular(?:\s+now)?|trending(?:\s+now)?|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?like"
    r"|(?:more\s+)?(?:from\s+)?around\s+the\s+web|from\s+(?:our|the)\s+partners?|promoted\s+stories"
    r"|(?:the\s+)?editors?'?s?'?\s+(?:picks?|choice)|top(?:\s+\d{1,2})?\s+(?:stories|news|reads)|\d{1,2}\s+most\s+(?:read|popular)|other\s+news|news\s+feed|what\s+to\s+read\s+next|further\s+reading"
    r"|in\s+other\s+news|suggested\s+(?:topics|reading|articles)|topics|tags|keywords|(?:on\s+)?the\s+same\s+topic"
    r"|(?:in|from)\s+the\s+same\s+(?:section|category|series|topic)|explore\s+more|more\s+in\s+[\w' ]{1,30}"
    r"|also\s+on\s+[\w' ]{1,30}"
    # round 10: an advertisement's or a partner's card, an aggregator's cluster ("More headlines")
    r"|sponsored(?:\s+(?:content|stories|links))?|paid\s+content|partner\s+(?:content|materials?|news)|advertorial"
    r"|more\s+headlines"
    r"|in\s+this\s+(?:article|story|piece|page|report|interview|episode|explainer|guide|briefing)"
    r"|(?:table\s+of\s+)?contents"
    r"|on\s+this\s+page|jump\s+to(?:\s+section)?|what'?s\s+in\s+this\s+(?:article|story))$"
)
# Whole lines of interface text, matched on the lower-cased, folded line.
_INTERFACE_LINE = _Pattern(
    r"""^(?:
        (?:read|see|also\ read)\ (?:more|also|next)\b.* | (?:read|see)\ also.* | related\b.{0,60}
      | related\ (?:articles?|stories|story|news|content|coverage|reading|video)\b[^.!?]{0,130}
      | (?:also\ )?(?:read|see|watch|listen)\s*:\ .{3,200}
      | (?:first\ |originally\ )?published\ (?:in|on|by)\ [^.!?]{2,60},\ [^.!?]{0,30}\d{4}\.?
      | (?:published|posted)\ in(?:\ sections?|\ categor(?:y|ies))?\s*:\ .{1,120}
      | (?:[-–—]\ )?with\ (?:assistance|help)\ from\b.{0,120}
      | (?:tags?|topics?|keywords|filed\ under|categories|category|sections?|persons?|geography|languages?
          |suggested\ topics|related\ topics|edited\ by|translated\ by|translation|translator|editor|author
          |authors?|written\ by|photos?|photograph|images?|pictures?|illustrations?|video|credits?
          |caption|image\ (?:source|caption|description)|alt(?:\ text)?|photo\ description
          |photo\ (?:credit|source)|cover\ (?:photo|image)|file\ photo
          |main\ (?:photo|image)|foto|publication\ date|published|updated|posted|last\ updated
          |date|time|listening\ time|reading\ time|graphics?|infographic|map|chart)\s*[:,|–—-].{0,200}
      | (?:duration|length|running\ time)\s*:?\s*\d{1,2}:\d\d(?::\d\d)?
      | skip\ (?:to|next|this|links?)\b.{0,60} | jump\ to\b.{0,60}
      | (?:watch|listen|follow\ live|go\ deeper)\s*:.{0,120}
      | (?:listen|watch|subscribe|available|follow\ us)\ on\s*:.{0,120}
      | (?:an\ )?official\ (?:online\ )?(?:website|site|portal|page|representation)\b.{0,80}
      | \((?:updates?|adds|recasts|rewrites|corrects|changes|fixes)\ [^()]{0,160}[^.!?()]\)
      | list\ \d+\ of\ \d+\b.{0,400} | continue\ without\ accepting\b.{0,20}
      | (?:article|content|story)\ (?:reserved\ )?for\ subscribers(?:\ only)?
      | follow\ (?:us|our|the)\b.{0,80} | (?:join|subscribe\ to)\ (?:us|our)\b.{0,80}
      | (?:sign|log)\ (?:up|in)\b.{0,60} | click\ here\b.{0,60}
      | (?:comments?|contributions?|reactions?)\ *\(\d+\) | \d+\ comments? | no\ comments\ yet.* | leave\ a\ comment.*
      | leave\ a\ (?:reply|response)\b.{0,40} | comments\ (?:are|have\ been)\ (?:closed|disabled|switched\ off)\.?
      | join\ the\ (?:conversation|discussion|debate)\b.{0,40}
      | \d+\ *(?:-\ *)?(?:min(?:ute)?s?|hrs?|hours?)(?:\ read(?:ing)?(?:\ time)?|\ to\ read)?
      | (?:(?:january|february|march|april|may|june|july|august|september|october|november|december|spring
          |summer|autumn|fall|winter)\ )?\d{4}\ (?:issue|edition)
        (?:\ \d+\ *(?:min(?:ute)?s?|hrs?|hours?)\ read)?  # round 16: and its reading time, "May 2026 Issue 9 min read"
      | read\ (?:this|the)\ (?:article|story|text|piece)\ in\ (?:the\ |our\ )?(?:[\w'’]+\ ){0,3}app\b.{0,80}
      | also\ on\ (?!(?:the|this|that|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)[\w'’.\ ]{1,30}
        :\ .{3,200}(?<![.!?])
      | search(?:\ (?:for\ )?(?:topics|news|articles|stories|sources|places|people|keywords|the\ site|this\ site)
          (?:,|\ and|\ or)?){1,4}(?:\ ?\.\.\.|…)?
      | illustrat(?:ive|ion)\ (?:photo|image|picture)s?\b.{0,200}
      | (?:sponsored|promoted|partner|paid|branded)\ (?:content|story|stories|post|partnership)\b.{0,200}
      | advertorial\b.{0,200} | sponsored\s*[:|–—-].{0,200}
      | (?:transcript|translation|summary|audio|video)\ \([^().!?]{1,60}\)
      | (?:get|copy)\ (?:the\ )?short\ (?:url|link) | tap\ to\ share | you\ can\ share\ this\b.{0,60}
      | listen\ to\ (?:this\ |the\ )?(?:article|story|news).{0,60}
      | (?:©|\(c\)|copyright\b).{0,300}
      | \d+\ ?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdw])\ ago
      | (?:reading|listening)\ time\ (?:about\ |approx\.?\ )?\d+\ *(?:min(?:ute)?s?|hrs?|hours?)\.?
      | sort(?:ed)?\ by\b\s*:?\s*(?:newest|oldest|latest|best|top|popular|most\ \w+|relevance|date)\b.{0,40}
      | download\b.{0,60}\(?\b(?:pdf|docx?|epub|mp3)?[\ ,]*\d+(?:[.,]\d+)?\ ?(?:kb|mb|gb|kib|mib)\)?
      | (?:log\ ?in|sign\ in|register)\ to\ (?:comment|reply|join\ the\ discussion)\b.{0,40}
      | (?:load|show|view|see)\ (?:more|all|older|newer)\ (?:comments|replies)\b.{0,20}
      | just\ now | yesterday | today
      | (?:try|explore)\ (?:our|what)\b.{0,60}
      | (?:https?://|www\.)\S+.{0,40}
      | \[\d+/\d+\]\ .{0,300}
      | (?:additional\ )?(?:reporting|writing|editing|compiled|translation|translated|produced|research
          |graphics|fact-checking|fact\ checking)\ by\b.{0,300}
      | \((?:additional\ )?(?:reporting|writing|editing|compiled|translation|translated|produced)\ by\b.{0,300}
      | \(?(?:photo|photograph|image|picture|video|illustration)s?(?:\ and\ (?:text|words|video|reporting))?
        \ (?:by|courtesy\ of)\b.{0,120}
      | (?:text|words|story)\ and\ (?:photos?|photographs|pictures|images)\ by\b.{0,120}
      | read\ (?:the\ )?full\ (?:story|article|text|interview|statement|report|piece|coverage)\b
        (?![^.!?]*,\ [^.!?,]{0,40}\b(?:said|says|told|tells|added|urged|wrote|insisted|stressed)\b).{0,80}
      | read\ (?:this|the)\ (?:article|story|text|piece|interview|column|report)\ in\ [a-zа-яіїєґ]+
      | read\ the\ (?:previous|last|next|latest)\ (?:digest|issue|newsletter|episode|edition)\b.{0,40}
      | watch\ the\ full\ (?:interview|conversation|video|programme|program|episode|report)\b.{0,80}
      | item\ \d+\ of\ \d+\b.{0,300} | list\ (?:of\ \d+\ items?|\d+\ of\ \d+) | end\ of\ list
      | sources?:\ .{0,60}\b(?:agencies|wire\ services|wires)
      | (?:follow|watch|listen\ to|find|catch)\ .{1,40}\ on\ (?:telegram|x|twitter|facebook|instagram|youtube|tiktok
          |vk|rumble|odysee|social\ (?:media|networks)|google\ news|whatsapp|threads|bluesky|our\ (?:app|website|site
          |channel))\b.{0,60}
      | (?:published|updated|posted)?\ ?\d+\ ?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|[smhdw])\ ago
      | explore\ more\b.{0,60} | reuse\ this\ content | forwarded\ from\b\s*:?.{0,60} | translated\ from\ [a-z]+
      | screenshot\s*:.{0,80} | (?:video\ )?screenshots?(?:\ (?:from|of)\ (?:a\ |the\ )?(?:video|footage|telegram|x))?
      | \(the\ (?:briefing|press\ conference|conference|meeting|call|hearing)\ (?:was\ )?(?:concluded|ended|adjourned)
          \ at\ \d{1,2}[:.]\d{2}\b.{0,12}\)
      | answers?\ to\ (?:(?:media|press|journalists'?|reporters'?)\ questions
          |questions\ (?:from|of)\ (?:the\ )?(?:media|press|journalists|reporters))\b.{0,60}
      | share\ this\ (?:story|article|page)\b.{0,60}
      | continue\ reading\b.{0,60}
      | (?:click|tap)\ to\ (?:share|print|email|open|expand|enlarge|view|play|watch|read|load|see|copy)\b.{0,80}
      | embed\ from\b.{0,40}
      | (?:tel|phone|telephone|fax)\.?\s*:\s*[+\d(][\d\ ()+\-./]{5,40}
      | address\s*:.{0,120}
      | unsubscribe\b.{0,60} | repost(?:ed)?\ from\b.{0,60} | reporting\ from\ [\w'’\-]+(?:\ [\w'’\-]+){0,2}
      | subscribers?\ only\b.{0,100}
      | (?:members?|premium|supporters?|patrons?)(?:['’]s?)?[\ -]only(?:\ (?:content|article|story|access|analysis))?
      | (?:full|more)\ coverage\s*:.{0,80}
      | (?:season\ \d{1,3},?\ )?(?:episode|ep\.?)\ ?\#?\d{1,4}
      | credit(?:\.{2,3}|…)\ ?\S.{0,120}
      | (?:story|article|text|report)\ continues\ (?:below|after|under)\b.{0,40}
      | (?:image|photo|picture|slide)\ \d+\ (?:of|/)\ \d+\b.{0,300}
      | (?:newspaper|issue|edition)\ (?:no\.?|№|\#)\ ?\d+\b.{0,40}(?:\d{4}|\bp\.\ ?\d+).{0,20}
    )$""",
    re.VERBOSE,
)
# Where a caption says who or what is where, before its colon: "Pictured: ...", "From left: ...". Words that
# start many sentences ("From", "Top"), so the pattern runs only on a colon in the line's first words.
_CAPTION_PREFIX = _Pattern(
    r"(?:pictured|above|below|top|left|right|inset|from left(?: to right)?|left to right|clockwise from (?:top|left))"
    r"\s*:.{0,200}$"
)
_SOURCES_HEADINGS = frozenset(
    "sources references notes footnotes endnotes bibliography citations".split()
    + ["sources and references", "sources and notes", "sources used", "our sources"]
)
_POLL_HEADINGS = frozenset(
    ("poll", "quiz", "survey", "reader poll", "readers' poll", "quick poll", "have your say", "vote", "your vote")
)
_ABOUT_AUTHOR = frozenset(
    (
        "about the author",
        "about the authors",
        "about this author",
        "about the writer",
        "about the contributor",
        "about the columnist",
    )
)
# Round 14: a bio's first words under its byline: the surname, perhaps after a title or the first names, then a verb.
_BIO_UNDER_BYLINE = _Pattern(
    r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.? )?(?:[A-Z][\w.'’\-]* ){0,3}([A-Z][\w'’\-]+),? (?:is|was|served as|serves as|has been"
    r"|had been|teaches|taught|covers|covered|leads|led|directs|directed|heads|headed|works|worked|writes about)\b"
)
# Round 14: an address's salutation on a line of its own: "Dear Ukrainians!", "Fellow citizens!", "My friends!".
_SALUTATION = _Pattern(
    r"(?:(?:My )?(?:Dear|Fellow|Esteemed)(?: [\w’'\-]+){1,4}|My friends|Ladies and gentlemen|Friends|Compatriots)!$"
)
_BIO_NAME = _Pattern(r"[A-Z][\w'’\-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’\-]+\s+(?:[–—-]\s+)?[a-z]")
# A reader comments section's heading, and a comment's header: a name or a handle and the comment's age.
_COMMENTS_HEADING = _Pattern(
    r"(?:(?:reader\s+)?comments?|discussion|responses|replies)\s*(?:\(\d[\d,.]*\)|\d[\d,.]*)?"
    # round 14: a button before the count, "View 87 comments", "Show all 12 replies"
    r"|(?:(?:view|show|see|read|load|open)\s+(?:all\s+)?)?\d[\d,.]*\s+(?:comments?|responses|replies)|sort(?:ed)?\s+by\b.*|(?:log\s?in|sign\s+in|register)\s+to\s+comment.*"
    r"|(?:leave|add|post|write)\s+a\s+comment.*|join\s+the\s+(?:discussion|conversation).*$"
)
# The age after a mark ("· 3h", "| yesterday") or with "ago" ("1h ago"), so that "Talks ended yesterday" is none.
_AGE = r"\d{1,2}\s?(?:s|m|h|d|w|min|mins|hrs?|hours?|days?|weeks?)"
_COMMENT_HEADER = _Pattern(
    rf"[\w.'’\-]+(?: [\w.'’\-]+){{0,2}}(?:\s*[·•|]\s*(?:{_AGE}(?:\s+ago)?|just now|yesterday)|\s*{_AGE}\s+ago)$"
)
# A reader's name over a comment: a handle ("oksana_k", "serhii.v") or a first name and an initial ("Olav H."),
# not a site's name over a related story ("Russia Today", then "6 hours ago").
_READER_NAME = _Pattern(r"[\w.\-]+|[A-Z][\w'’\-]+ [A-Z]\.")
# Round 12: a comment's header of a reader's name and a date stamp ("Svetlana_Ostrov yesterday, 22:03", "Mikhail P.
# today, 07:40"), and a comment's buttons ("Reply", "Answer · 12"), which only a comments section has.
_READER_STAMPED = _Pattern(r"(?:[\w.\-]+|[A-Z][\w'’\-]+ [A-Z]\.)(?:,|\s+[|·•])?\s+(?=\S*\d|yesterday|today)")
_COMMENT_BUTTON = _Pattern(
    r"(?:reply|replies|answer|respond|like|likes|report|quote|recommend)(?:\s*[·•|]?\s*\(?\d[\d,.]*[km]?\)?)?"
    # round 13: buttons set apart by spaces only, a heart or a thumb before a count ("Reply Like (4)", "Reply  ♥ 41")
    r"(?:(?:\s*[·•|]\s*|\s+)(?:(?:reply|answer|like|likes|report|share|recommend)(?:\s*\(?\d[\d,.]*[km]?\)?)?"
    r"|[♥❤👍]\ufe0f?\s?\d[\d,.]*[km]?|\d[\d,.]*[km]?))*",
    re.IGNORECASE,
)
_COMMENT_AGE = _Pattern(rf"(?:{_AGE}\s+ago|just now|yesterday(?: at \d{{1,2}}:\d\d)?)$", re.IGNORECASE)
_SCHEMELESS_LINK = _Pattern(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*$")
_COPYRIGHT_END = _Pattern(r"^[^.!?]{1,60}©\s?(?:\d{4}(?:\s?[–-]\s?\d{4})?)\.?$")
# How an interface line can start (a cheap test before the pattern): the pattern's first words, by first letter.
_INTERFACE_FIRST_WORDS = (
    """
    read see also related tag topic keyword filed categor section person geograph language suggested edited
    translat editor author written photo image picture illustration video credit caption cover file main foto
    publication published updated posted last date time listening reading skip jump follow join subscribe sign
    log click comment no leave listen © (c) copyright just yesterday today try explore http www [ additional
    reporting writing editing compiled produced research graphics fact ( item list end source reuse share
    illustrat get copy tap you watch official continue article content story contribution reaction go an answer
    forwarded continue newspaper issue edition slide report text embed tel phone fax sort download register load
    show view sponsored promoted partner paid branded advertorial summary audio transcript graphic infographic map
    chart duration length running alt screenshot unsubscribe repost address subscriber with - – — member premium
    supporter patron full more season episode ep
    0 1 2 3 4 5 6 7 8 9""".split()
    + [
        # round 10, with their space: "Mayor ..." and "Searchers ..." need no pattern
        f"{word} "
        for word in "search january february march april may june july august september october november december "
        "spring summer autumn fall winter find catch words".split()
    ]
)
_INTERFACE_STARTS = {
    first: tuple(word for word in _INTERFACE_FIRST_WORDS if word[0] == first)
    for first in {word[0] for word in _INTERFACE_FIRST_WORDS}
}
# A newsletter's or a live page's section heads, a closed list of shapes: "The big story", "Five things to know today".
_SECTION_HEAD = _Pattern(
    r"""(?:(?:the\ )?(?:big|top|main|lead)\ stor(?:y|ies)(?:\ (?:of\ the\ (?:day|week)|today|this\ week))?
      | (?:[\w-]+\ )?things?\ (?:to|you\ need\ to|you\ should)\ know(?:\ (?:today|this\ (?:morning|evening|week)|now))?
      | (?:quote|number|chart|map|photo|picture|figure|word)\ of\ the\ (?:day|week)
      | (?:the\ )?bottom\ line | (?:the\ )?(?:day|week)\ ahead | before\ you\ go | one\ more\ thing | need\ to\ know
      | what\ (?:to|we(?:'re|’re|\ are)|i(?:'m|’m|\ am))\ (?:watch(?:ing)?|read(?:ing)?|listen(?:ing)?\ to
          |covering|following|tracking)
        (?:\ (?:today|this\ week|now|next))?
      | in\ case\ you\ missed\ it | (?:also|elsewhere)\ today | (?:today|this\ week)\ in\ (?:brief|numbers|pictures)
      | by\ the\ numbers | key\ (?:developments|takeaways|events|facts) | what\ we\ know(?:\ so\ far)?
      | about\ (?:the|this)\ (?:authors?|writer|contributor|columnist)
      | (?:key|latest|main)\ (?:updates|developments|events)\ (?:on|for|from)\ [\w.,\ ]{1,30}
    )$""",
    re.VERBOSE,
)
_THINGS = ("things", "thing")
_SECTION_HEAD_FIRST = frozenset(
    "the big top main lead things thing quote number chart map photo picture figure word bottom day week before one "
    "need what in also elsewhere today this key about latest main by".split()
)
# A note above or under a table or a chart, in brackets: "(Unit: US$ million)", "(In millions of hryvnias)".
_BRACKET_NOTE = _Pattern(
    r"\((?:[A-Z][\w ]{0,20}:\s[^().!?]{1,60}|(?:[Ff]igures\s+|[Aa]mounts\s+|[Dd]ata\s+)?[Ii]n\s+(?:[\w-]+\s+){0,2}"
    r"(?:millions?|billions?|thousands?|tonnes|tons|per\s*cent|percent|%)[^().!?]{0,30})\)$"
)
# A byline: "By Ivan Petrov, staff correspondent", "By ALINA MOROZ and JAMES HARTWELL".
_NAME = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|al|el|bin|da|di|la|le))*"
_BYLINE = _Pattern(
    rf"^(?i:by|from|text|words|author|(?:review|analysis|interview|commentary|column|essay|opinion|story|posted|filed"
    r"|published|edited|checked|fact-checked|verified|written|reported|translated(?:\s+from\s+[A-Z][a-z]+)?)\s+by)\s*:?\s+"
    rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
    r"(?:\s+(?:news\s+|foreign\s+|live\s+)?(?:desk|staff|team|newsroom))?"  # round 17: "By <Paper> staff"
    # After the names: a role, a place, a date ("Oct. 13, 2025": a month's stop) or the agencies ("with AFP").
    r"(?:(?:\s*(?:,|[-–—|·]|\bin\b|\bon\b|\bwith\b)|\s+(?=\d|[A-Z][a-z]{2}\. \d))"
    r"\s*(?:[^.!?]|(?<=\b[A-Z][a-z]{2})\.){0,80})?$"
)
# A name and a role, without "By": "Ivan Petrov, staff correspondent", "Olena Bilyk, Kyiv".
_NAME_AND_ROLE = _Pattern(
    rf"{_NAME},\s+[\w' ]{{0,40}}\b(?:correspondent|reporter|editor|writer|journalist|contributor|columnist"
    r"|analyst|producer|photographer|photojournalist|author|spokes(?:person|man|woman))s?"
    r"(?:\s+(?:in|at|for|of)\s+[A-Z][\w'’\- ]{1,30})?$",
    re.IGNORECASE,
)
# A television report's crew: "Camera: Ivan Li, Olha Bondar (sound)", "Report: Anna Kim (camera)".
_CREW = _Pattern(
    # A label that also heads news ("Report: ...") needs a role in brackets among the names.
    r"(?:Camera|Editing|Production|(?:Executive\s+)?Producers?|Sound(?:\s+design)?|Music|Mixing"
    r"|(?:Report|Text|Video|Editor|Photos?)(?=.*\([a-z ]+\)$))\s*:\s*"
    rf"{_NAME}"
    r"(?:(?:\s*\([a-z ]{2,20}\))?,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+(?:\s*\([a-z ]{2,20}\))?"
    r"|\s*\([a-z ]{2,20}\))?\.?$"
)
# Round 15: a show's credits in a sentence, "Episode credits: produced by Ana Ruiz, edited by Tom Reed."
_CREDITS_LINE = _Pattern(
    rf"(?:(?:Episode|Show|Podcast|Programme|Program|Video) )?[Cc]redits\s*:\s*(?:[a-z]+(?: and [a-z]+)? by {_NAME}"
    r"(?:,\s*|\s+and\s+|\.?$))+$"
)
# Round 15: a radio's byline, "With our correspondent in Kharkiv, Ana Ruiz", its date and reading time after it
_WITH_CORRESPONDENT = _Pattern(
    rf"With our (?:special )?(?:correspondent|reporter|envoy|team)s? in [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?,\s+{_NAME}"
    r"(?:\s+(?:Published|Updated|Posted)(?: on)?:?\s.*)?$"
)
# Round 12: a byline of a name and the agencies, without "By": "Rita Valadares with agencies".
_AGENCIES_END = ("agencies", "agency reports", "wires", "wire services")
_NAME_WITH_AGENCIES = _Pattern(
    r"(?:(?:[A-Z][\w'’\-]+\s+){1,3}[A-Z][\w'’\-]+,?|(?:[A-Z][\w'’\-]+\s+){0,3}(?:[Ss]taff|[Rr]eporters"
    r"|[Cc]orrespondents?|[Dd]esk))\s+(?:with|and)\s+(?:news\s+)?(?:agencies|agency reports|wires|wire services)$"
)
# A reporter's name and where the report comes from: "Lena Ortiz, from Quito", "Ana Lima, reporting from Recife".
_NAME_FROM = _Pattern(
    r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3},\s+(?:reporting\s+)?from\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}$"
)
# A credit line without a full stop: the source or the channel, in five words at most.
# Round 14: a fact-check card's rating, alone or after its desk's name, from the raters' closed vocabulary:
# "Rated: False", "FactDesk · Verdict: Missing context"; not a headline "Verdict: Kyiv wins the first round".
_RATING = _Pattern(
    r"(?:[^.!?:]{1,60}\s[·•|–—-]\s)?(?:Our\s+)?(?:Rated|Rating|Verdict|Ruling)\s*:\s*(?:(?:Mostly|Partly|Half)\s+)?"
    r"(?:False|True|Misleading|Fake|Satire|Altered|Unproven|Unsupported|Mixture|Correct|Incorrect|Inaccurate"
    r"|Missing\s+context|Pants\s+on\s+fire|Lacks\s+context|Out\s+of\s+context)\.?$",
    re.IGNORECASE,
)
_SOURCE_LINE = _Pattern(r"(?:Sources?|SOURCE|Via|VIA|Credit|CREDIT)\s*:\s*[\w.&'’/\-]+,?(?:\s+[\w.&'’/\-]+,?){0,4}$")
# A claim's or a quote's source with its date, in a fact check's box: "Source of the claim: a minister, 2 May 2026".
# Round 13: a source note after a paragraph's last sentence, "Source: Ostapenko in an interview with Lypky Online"
_SOURCE_NOTE = _Pattern(r"sources?\s*:\s*[^.!?]{2,100}$")
_DATED_SOURCE = _Pattern(r"Sources?(?: of the \w+)?\s*:\s+[^.!?]{3,120}(?:\d{4}|\d{1,2} [A-Z][a-z]+)$")
# A handle in brackets, "(@kyivpost)", or an e-mail address.
# Round 17: a reposted post's source account on its own line, by the verb or the preposition before the handle.
_HANDLE_SOURCE = _Pattern(
    r"(?:(?:posted|reposted|shared|forwarded|taken|copied|quoted)(?: from| by| via)?|via|from|source:?|by)"
    r" @[\w.]{2,32}$",
    re.IGNORECASE,
)
_HANDLE_OR_EMAIL = _Pattern(r"\(@[\w.]{1,30}\)|\b[\w.+-]+@[\w-]+\.[\w.]+")
# A byline after a label: "Responsible editor: Wang Li", "Source: Daily Desk Editor: Anna Li 2026-10-02 19:04".
_BYLINE_LABEL_MARK = _Pattern(r"(?:ditor|uthor|eporter|riter|orrespondent)s?\s*:")
_LABELLED_BYLINE = _Pattern(
    r"(?:\S+\s+){0,4}(?:[Ee]ditors?|[Aa]uthors?|[Rr]eporters?|[Ww]riters?|[Cc]orrespondents?)\s*:\s+"
    r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}(?:\s*[,;]\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})*(?P<rest>[^A-Za-z]*)$"
)
# A short title in capitals, a dash and a date: "Daily Press Briefing – October 27, 2025".
_DATED_TITLE = _Pattern(
    r"(?:[A-Z][\w'’&\-]*\s+(?:(?:of|the|and|on|for)\s+)?){0,4}[A-Z][\w'’&\-]*\s+[|\-–—]\s+(?P<date>.+)$"
)
# Reporters and where each one is: two names or more, each "in" a place.
_NAME_IN_PLACE = r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)+ in [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?"
_REPORTERS_IN_PLACES = _Pattern(rf"{_NAME_IN_PLACE}(?:(?:,| and|, and) {_NAME_IN_PLACE})+$")
# Round 13: a correspondent's credit as a sentence, "A Kherson correspondent reports.", "Lind reported from Riga;
# Vos reported from Kyiv." (a report's content after it, "... reported from Riga that ...", is news)
_CREDITED = r"(?!The )[A-Z][\w'’\-]+(?: [A-Z]\.)?(?: [A-Z][\w'’\-]+){0,2}"
_FROM_PLACE = r"from [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}"
# round 15: "Lind reported from Riga, and Paul R. Vos from Kyiv.": a second name with its place, "reported" left out
_REPORTED_FROM = rf"{_CREDITED}(?: and {_CREDITED})? reported {_FROM_PLACE}(?:,? and {_CREDITED} {_FROM_PLACE})?"
_CREDIT_SENTENCE = _Pattern(
    r"(?:(?:An?|Our|The) (?:[A-Z][\w'’\-]+ ){0,3}(?:correspondent|reporter|stringer|staff (?:writer|reporter"
    r"|correspondent))s? (?:reports|reported|contributed)"
    rf"|{_REPORTED_FROM}(?:(?:;|,|, and| and) {_REPORTED_FROM})*)\.$"
)
# A desk or a name, then the agency in capitals: "Baltic Desk, BNS".
_DESK_AND_AGENCY = _Pattern(rf"{_NAME},\s+[A-Z]{{2,8}}$")
# A name in capitals glued to a date: "OLENA PETRENKOMonday, 3 March 2025, 09:12".
# A byline's name (and place) before its date and time on one line: "Ola Berg 1 December 2026, 19:20", "Ola Berg,
# in Oslo Published on 1 December 2026 at 10h04"; the name's words are capitalised and the date holds a time.
_NAME_BEFORE_DATE = _Pattern(
    r"(?:[A-Z][\w.'’\-]*\s+){1,3}?[A-Z][\w.'’\-]*(?:,\s+(?:in\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?,?\s+"
    r"(?=(?:Published|Updated|Posted|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d))"
)
# Round 12: a place before its date and time, "Helsinki 20.11.2025 klo 7.15", "Copenhagen, 20. november 2025 kl. 07.15".
_PLACE_BEFORE_DATE = _Pattern(r"[A-ZÀ-Þ][\w'’\-]+,?\s+(?=\d)")
_CLOCK = _Pattern(r"\d{1,2}[:h.]\d\d\b")  # round 12: "07.15" too, as Nordic and German pages write it
# Round 10: a name glued to a date ("Pavel Orlov29 November 2026"); a date stamp glued to a place ("November 27,
# 2026, 16:50Bishkek", a transcript's heading).
_NAME_GLUED_DATE = _Pattern(r"(?:[A-Z][a-z'’\-]+\s+){1,3}[A-Z][a-z'’\-]+(?=\d)")
# Round 14: a date with its time, then the place in capitalised words: "November 3, 2026, 15:30 The Kremlin, Moscow".
_STAMP_THEN_PLACE = _Pattern(r"(.*\d{1,2}[:.]\d\d),?\s+(?:The )?[A-Z][\w'’\-]+(?:,? [A-Z][\w'’\-]+){0,3}$")
_MONTH_OR_YEAR = _Pattern(r"\b(?:19|20)\d\d\b|[A-Z][a-z]{2}")
_STAMP_GLUED_PLACE = _Pattern(r"(.*\d)[A-ZÀ-Þ][a-zß-ÿ'’\-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’\-]+){0,2}$")
_CAPS_NAME_THEN_DATE = _Pattern(
    r"^[A-Z][A-Z'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Z'’\-]+)){0,3}?"
    r"(?=[\s,|\-–—]*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\d))"
)
# A photo credit: "REUTERS/Yurii Danylenko/File Photo", "(Jared Holcomb/The Sentinel)", "© X / AGENCY".
_CREDIT = _Pattern(
    r"^(?:©\s*)?\(?[A-Z][\w.'’&\- ]{0,40}\s?/\s?[A-Za-z][\w.'’&\- ]{0,40}(?:/[\w.'’&\- ]{1,40})*\)?"
    r"(?:\s+(?:(?:buy|purchase)\s+licensing\s+rights.*|file\s+photo))?$",
    re.IGNORECASE,
)
# A credit without a slash: "Getty Images", "AP Photo", "(Naftogaz)".
_CREDIT_SHAPE = _Pattern(
    r"(?:[A-Z][\w.&'’\-]*\s+(?:via\s+)?){0,3}(?:Images|Photos?|Pictures)$|\([A-Z][\w.&'’\- ]{1,30}\)$"
)
# Round 14: a photographer's name and the outlet in capitals, with a comma: "MARTA LIND, THE HARBOUR LEDGER".
_CAPS_CREDIT = _Pattern(r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){1,2}, [A-Z][A-Z&'’.\-]+(?: [A-Z][A-Z&'’.\-]+){1,4}$")
# Round 14: a reporter's name glued to the staff line under it: "Ana Ruiz Valley Herald Staff", "Ian Cole Staff
# Writer"; not "Army Names New Chief of Staff" (a word in lower case) nor "Ukraine Replaces Military Staff".
_NAME_STAFF = _Pattern(
    r"(?:[A-Z][\w'’\-]+ ){1,2}[A-Z][\w'’\-]+ (?:[A-Z][\w'’\-]+ ){0,3}(?:(?:Daily|News|Times|Post|Herald|Star|Tribune"
    r"|Gazette|Journal|Press|Wire|Courier|Ledger) Staff|Staff (?:Writer|Reporter|Correspondent|Photographer)s?)$"
)
_CREDIT_LABEL = _Pattern(r"(?:photo|image|credit)\s*:", re.IGNORECASE)
# Round 10: a photographer's credit for the paper, in brackets: "(Mads Lund for The Harbour Ledger)".
_CREDIT_FOR = _Pattern(r"\((?:[A-ZÀ-Þ][\w'’\-]+\s+){2,3}for\s+(?:The\s+)?[A-Z][\w.&'’\- ]{1,40}\)$")
_CREDIT_FOR_BARE = _Pattern(
    r"(?:[A-ZÀ-Þ][\w'’\-]+\s+){1,2}[A-ZÀ-Þ][\w'’\-]+\s+for\s+(?:The\s+)?[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}$"
)
# A caption that ends with its credit or its photo marker.
_CAPTION_END = _Pattern(
    r"(?:\(\s*[^()]{1,50}/[^()]{1,60}\)|\[[^\[\]]{1,60}/[^\[\]]{1,60}\]|(?:photo(?:graph)?|image|picture|foto|credit|source)\s*(?::|\bby\b)\s*[^.!?]{1,80}"
    r"|©\s*[^.!?]{1,80}|\bfile\s+photo|\barchive\s+photo"
    # round 15: a graphic's credit, "(RPA graphic)", "(Reuters map)"
    r"|\(\s*[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3} (?:graphic|infographic|map|chart|illustration)\s*\))\.?$",
    re.IGNORECASE,
)
# A caption sentence and its credit after it: "... on 26 June 2025. ANNA KOVAL / AP", "... a still. (Film Institute)".
_CREDIT_AFTER_SENTENCE = _Pattern(
    r"[.!?] (?:(?:[A-Z][A-Z.'’\-]+ ){1,3}/ ?[A-Z][\w.&'’ \-]{1,40}|\([A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,4}\)"
    # "( Name Surname - Agency Name )"
    r"|\( ?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,3} [-–—/] [A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,4} ?\))$"
    # A credit glued by slashes, in title case: "... on Sunday. Pavlo Senko/AFP/Getty Images".
    r"|[.!?] [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){0,2}/[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,2}"
    r"(?:/[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,2}){0,2}$"
    # A caption's date, then its credit: "..., 11 May 2026 Agency Name/Photographer Name".
    r"|\b\d{4},? [A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3} ?/ ?[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2}$"
)
_CREDIT_FOR_AFTER_SENTENCE = _Pattern(
    r"[.!?] (?:[A-ZÀ-Þ][\w'’\-]+ ){1,2}[A-ZÀ-Þ][\w'’\-]+ for (?:The )?[A-Z][\w.&'’\-]*(?: [A-Z][\w.&'’\-]*){0,4}$"
)
# A transcript's turn by its label, a closed list: "Question: ...", "From the floor: ...".
_TURN_LABEL = _Pattern(
    r"(?:Question|Q|Answer|A|Reply|Response|Interviewer|Moderator|Journalist|Host|Remark|From the floor)\s*:"
)
_TURN_CUT = _Pattern(_TURN_LABEL.pattern + r"\s*(?=[A-Z\"“‘'«])")
# Where a person stands in a photo: "(R)", "(2nd L)", "(centre)".
# A gallery's caption numbered "N/M" at the start of its line.
_GALLERY_NUMBER = _Pattern(r"(\d{1,3})/(\d{1,3})\s+\S")
_GALLERY_ALONE = _Pattern(r"(\d{1,3})\s?/\s?(\d{1,3})$")
_PHOTO_POSITION = _Pattern(r"\((?:[LRC]|\d(?:st|nd|rd|th) [LR]|C?-?[LR]|left|right|cent(?:re|er)|front)\) [a-z]")
# A gallery's counter above a photo's caption: "Image 3 of 12", "Photo 2/9".
_PHOTO_COUNTER = _Pattern(r"(?:image|photo|picture|slide|photograph)s?\s+\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.IGNORECASE)
# A photo's marker alone on its line, where the picture stood: the caption follows.
# Round 14: a player's marker with its running time, over the video's title: "VIDEO 03:02", "Watch · 1:45".
_VIDEO_MARK = _Pattern(r"(?:video|watch|play|▶\ufe0f?)\s*[·|:,–—-]?\s*\d{1,2}:\d\d(?::\d\d)?$", re.IGNORECASE)
_PHOTO_MARKERS = frozenset(("photo", "image", "picture", "foto", "photograph", "video", "gallery", "photo gallery"))
_PHOTO_EMOJI = frozenset("📷📸🎥🖼")
_PHOTO_MARKER_FIRST = frozenset("PpIiFfVvGg[(") | _PHOTO_EMOJI
# Words that report speech: a sentence with one is news, not a photo's caption.
_CAPTION_SPEECH = _Pattern(
    r"\b(?:said|says|say|told|tells|according|added|adds|announced|stated|wrote|reported|asked|warned|claimed)\b"
)
_QUOTE_CHARS = '"“”«»'
# A verb in the past tense (a regular one, or a common irregular one): news, where a caption says what is shown.
_NOT_CAPTION_WORD = _Pattern(
    r"\b(?:[a-z]+ed|was|were|had|did|met|took|went|came|made|gave|held|began|left|sent|won|lost|ran|saw|struck|fell"
    r"|rose|spoke|broke|became|paid|kept|led|found|got|knew|stood|bought|fought|flew|drove|chose|brought|thought"
    r"|been|not|never|no)\b"  # and what a caption does not say: "... has not been set."
)
_COPYRIGHT_YEAR = _Pattern(r"(?:©|\(c\)|copyright)\s*\d{4}", re.IGNORECASE)
_CREDIT_FIRST = ("photo", "image", "picture", "foto", "credit")
_CAPTION_GLUED = _Pattern(r"[a-z.](?:Image|Photo|Picture|Foto|Credit)\s*:\s*\S")
# A word boundary before a word ("\bour ", "\b(?:support|fund|back) ") becomes a look-behind after it
# ("our(?<!\wour) "): the same matches, but a search whose pattern starts with a word skips straight to that
# word's places in the line, where one starting with \b tries every position (4.8 µs against 0.4 µs on a
# 200-character sentence). Not before a quantifier: "\bs?" may match no letter at all; not after a backslash
# ("\\b" is one). The tables it is used on have no "\b" in a character class (a backspace there).
_BOUNDARY_WORD = _Pattern(r"(?<!\\)\\b(?:([a-z]+)(?![?*+{])|\(\?:([a-z]+(?:\|[a-z]+)+)\)(?![?*+{]))")


def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives: ``"^a|\\bb(?:c|d)"`` gives ``["^a", "\\bb(?:c|d)"]``."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1  # an escaped character is no bracket and no bar
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += pattern.startswith("^", index + 1)  # a negated class
            index += pattern.startswith("]", index + 1)  # a "]" first in a class is the character
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return parts + [pattern[start:]]


def _searches(pattern: str) -> tuple[re.Pattern[str], ...]:
    """``pattern`` as patterns one of which is found where it is: one per top-level alternative, words first.

    An alternative that starts with a word is searched for by that word; in one pattern, a single
    alternative that starts with a boundary or a line's start makes the whole search try every position.
    """

    def swap(found: re.Match[str]) -> str:
        words = found.group(1).split("|") if found.group(1) else found.group(2).split("|")
        swapped = "|".join(f"{word}(?<!\\w{word})" for word in words)
        return swapped if found.group(1) else f"(?:{swapped})"

    return tuple(_Pattern(_BOUNDARY_WORD.sub(swap, part)) for part in _alternatives(pattern))


# Site boilerplate in full sentences, addressed to the reader about the site itself: each pattern
# with the words one of which it needs, so that a sentence runs only the patterns its words allow.
_BOILERPLATE = tuple(
    (frozenset(hints.split()), _searches(pattern))
    for hints, pattern in (
        ("cookie cookies", r"\b(?:we|site|website|portal|\w+) uses? cookies\b"),
        (
            "cookie cookies",
            r"\bcookies?\b.{0,80}\b(?:agree|consent|accept|settings|preferences|experience|personali[sz]ed)\b",
        ),
        (
            "continuing using browsing",
            r"\bby (?:continuing|using|browsing)\b.{0,60}\b(?:site|website|page|agree|consent)\b",
        ),
        ("consent", r"\b(?:needs?|gives?) (?:your )?consent\b"),
        ("privacy terms", r"\bprivacy policy\b|\bterms of (?:use|service)\b"),
        ("ctrl ctrl+enter", r"\bctrl\s*\+\s*enter\b"),
        ("mistake error typo", r"\bif you (?:see|notice|find|spot) (?:a|an) (?:mistake|error|typo)\b"),
        ("hyperlink hyperlinks", r"\bhyperlinks?\b.{0,80}\b(?:mandatory|required|obligatory|permitted)\b"),
        (
            "materials material content articles",
            r"\b(?:reproduction|reuse|reprint(?:ing)?|republication|copying|use) of (?:[\w'’]+ ){0,2}"
            r"(?:materials?|content|articles?)",
        ),
        ("materials material", r"\bmaterials? (?:of|from|on) this (?:site|website|page|portal)\b"),
        ("intellectual", r"\bintellectual property rights\b"),
        ("external", r"\bnot responsible for the content of external\b|\bexternal linking\b"),
        # round 17: the same of what a repost site quotes ("... not responsible for the content of reposted channels")
        ("responsible", r"\bnot responsible for the content of (?:the )?(?:reposted|linked|third-party|quoted)\b"),
        # round 17: a media registration notice, as a whole line: the outlet registered as a medium and its certificate
        # after it ("<Site> is registered as an online publication. Registration number ..."), the regulator that
        # registered it ("Registered by the Federal Service for ... Communications."), the certificate alone
        (
            "registered registration certificate",
            r"\bis registered as an? (?:mass medi(?:um|a)|(?:online |network |electronic )?(?:media outlet|publication"
            r"|news agency|news outlet|periodical))\b[^.!?,;]{0,60}\.(?:\s+(?:(?:mass media )?registration|certificate"
            r"|licen[cs]e|reg\.)\b.*)?$"
            r"|^registered (?:by|with) (?:the )?[\w' ]{0,80}?\b(?:communications|roskomnadzor|media|broadcasting"
            r"|press)\b"
            r"|\bis registered with (?:the )?[\w' ]{0,80}?\b(?:communications|roskomnadzor|media|broadcasting|press)\b"
            r"[^.!?,;]{0,30} under (?:no\.|number|certificate|licen[cs]e)"
            r"|^(?:the )?(?:mass media |media )?(?:registration )?certificate (?:of registration )?(?:[a-z]{1,3} )?"
            r"(?:no\.?|number|№)",
        ),
        ("creative", r"\bcreative commons\b"),
        ("support fund back", r"\b(?:support|fund|back) (?:us|our (?:journalism|reporting|work|newsroom))\b"),
        ("independent", r"\bsupport independent (?:journalism|media|reporting)\b"),
        ("donation donate", r"\b(?:make a|your (?:\w+ )?)donation\b|\bdonate (?:now|today|to us|here)\b"),
        ("rely", r"\bwe rely on (?:our )?(?:members|readers|supporters|subscribers|patrons)\b"),
        (
            "value enjoy appreciate like",
            r"\bif you (?:value|enjoy|appreciate|like) (?:our|this|the) (?:work|journalism|reporting)\b",
        ),
        ("covering", r"\bwe(?:'ve|’ve| have) been covering\b"),
        (
            "reproduction copying republication",
            r"\b(?:reproduction|copying|republication)\b.{0,40}\b(?:prohibited|forbidden|not permitted)\b",
        ),
        (
            "accept accepting",
            r"\baccept(?:ing)?,? (?:or )?(?:refuse|reject|customi[sz]e)\b"
            r".{0,40}\b(?:choices|cookies|settings|preferences)",
        ),
        ("editorial", r"\bour editorial (?:principles|standards|guidelines|policy)\b"),
        ("sign", r"\bsign up (?:for|to) (?:our|the)\b"),
        ("newsletter newsletters", r"\bour (?:\w+ )?newsletters?\b"),
        ("expressed", r"\b(?:opinions?|views) expressed\b"),
        ("email tip", r"\bemail us\b|\bnews tip\b"),
        (
            "live",
            r"\bour [\w' ]{0,30}live (?:page|blog|coverage|updates|feed)\b"
            r"|\b(?:visit|follow|see|read) the live (?:page|blog)\b",
        ),
        ("become", r"\bbecome (?:our|a) (?:patron|member|subscriber|supporter)\b"),
        ("reading", r"\breading list\b"),
        (
            "published reproduced redistributed broadcast rewritten",
            r"\bmay not be (?:published|reproduced|redistributed|broadcast|rewritten)\b",
        ),
        ("working", r"\b(?:has|have) been working for you\b"),
        ("readers journalism", r"\bour (?:readers|journalism) (?:depends?|relies?)\b"),
        (
            "subscribe",  # to the site's things, not "Norway will subscribe to the monitoring mission"
            r"\bsubscribe (?:now|today|here)\b|\bsubscribe from (?:only )?[€$£₴₽]?\s?\d|\bsubscribe (?:for|to) (?:us"
            r"|free|full|unlimited|premium|digital|keep|continue|read|get|[€$£₴₽]?\s?\d"
            r"|(?:(?:our|the|this|my) )?(?:[\w'’-]+ ){0,2}(?:newsletters?|channel|podcast|site|website|feed|updates"
            r"|alerts|digest|briefing|bulletin|edition|magazine|paper|newspaper|journalism|page|account"
            r"|notifications|our))\b",
        ),
        ("give", r"^give (?:this|the) (?:article|story) (?:as a gift|to a friend)\b"),
        ("cookies", r"^cookies (?:on|at) (?:the )?\w"),
        ("democracy", r"\bdemocracy depends on\b"),
        ("coverage", r"\bfollow [\w'’ ]{1,30} coverage of\b|\bour coverage\b"),
        ("contributed contributing", r"\bcontribut(?:ed|ing) to this (?:report|story|article)\b"),
        ("inbox", r"\b(?:your|in the) inbox\b"),
        ("responsibility", r"\bcontents? (?:are|is) the sole responsibility of\b"),
        ("published", r"^your (?:e-?mail )?address will not be published\b"),
        ("required", r"^required fields are marked\b"),
        ("first", r"^be the first to (?:comment|reply|review|know)\b"),
        ("cancel", r"\bcancel (?:any ?time|at any time)\b"),
        ("device", r"\bjournalism on any device\b"),
        ("sell share", r"^do not (?:sell|share)(?: or (?:sell|share))? my (?:personal )?(?:information|info|data)\b"),
        (
            "delivered",  # a newsletter's promise, not news of a delivery ("... was delivered every morning")
            r"^(?!.*\b(?:was|were|is|are|been|being) delivered)(?:.*\W)?delivered (?:straight )?(?:to you )?"
            r"(?:every|each) (?:morning|evening|day|week|weekday)\b",
        ),
        (
            "newsletter newsletters",
            r"\b(?:sign(?:ing)? up|subscrib\w*) (?:for|to)\b.{0,60}\b(?:our|free|daily|weekly)\b.{0,20}"
            r"\bnewsletters?(?:[.,!]|$)",
        ),
        ("thank", r"^thank you for (?:visiting|reading)\b"),
        ("dear", r"^dear (?:readers|friends|visitors|users)\b"),
        ("our", r"\bour (?:site|website|portal|newsroom|journalism)\b"),
        ("funded", r"\bfunded by (?:our )?readers\b"),
        # paywalls, podcasts' and press releases' notes, translations' credits, fact checkers' pledges
        ("rest", r"^the rest of this (?:article|story|report|text|piece) is\b"),
        ("access", r"^(?:get )?(?:unlimited|full|digital) (?:digital )?access (?:costs|is|for)\b"),
        ("audio recording", r"\bcheck (?:it )?against the (?:audio|recording)\b"),
        ("transcript transcripts", r"^(?:full )?transcripts? (?:are|is) available\b"),
        ("photographs photos images pictures", r"\b(?:photographs|photos|images|pictures)\b.{0,50}\bmay be used\b"),
        ("translation", r"^(?:the|this) translation (?:was|is|has been) (?:supported|funded|made possible)\b"),
        ("signatory", r"\bis a signatory (?:of|to) (?:the|an?)\b.{0,60}\b(?:code|principles|charter)\b"),
        ("app", r"\b(?:in|on) (?:the|our) app\b.{0,30}\b(?:tap|click|open|switch|download|install)\b"),
        ("paywall", r"\bpaywall\b"),
        ("contribution donation", r"^every (?:contribution|donation)\b"),
        ("support", r"^we need your support\b"),
        ("community", r"\bcommunity (?:rules|guidelines|standards)\b"),
        ("market", r"\bmarket data\b.{0,40}\bdelayed\b"),
        ("delays", r"\blist of exchanges and delays\b"),
        ("translated", r"^this (?:text|article|story|report|page) (?:was|has been) translated\b"),
        ("principles", r"\btrust principles\b"),
        # Round 4: notes about the text itself and the rights to it, in a footer.
        (
            "version",
            r"^(?:(?:correction|clarification):\s*)?(?:an? |the )?(?:earlier|previous|prior) version of this"
            r" (?:article|story|report|piece)\b",
        ),
        ("hear", r"\bwe(?:'d|’d| would) (?:like|love) to hear (?:what you think|from you)\b"),
        ("good", r"^\W*good (?:morning|afternoon|evening)(?:[!.,]|$| and welcome\b)"),
        ("here here's here’s", r"^here(?:'s|’s| is) what (?:happened|you need to know)\b"),
        ("thanks", r"^thanks to our (?:editors?|producers?|team)\b"),
        (
            "views view opinions opinion",
            r"\b(?:views?|opinions?)\b.{0,60}\b(?:may|do|does) not (?:necessarily )?(?:coincide|reflect|represent)\b"
            r".{0,40}\b(?:editorial|editors?|publisher|newsroom|the (?:site|outlet|publication|newspaper|magazine))\b",
        ),
        ("views", r"\bviews? (?:represented|expressed) (?:herein|here|in this \w+) are (?:solely )?those of the\b"),
        ("copyright", r"\bprotected by copyright\b"),
        ("licence license", r"\bwithout (?:a |the )?licen[cs]e agreement\b"),
        ("using", r"^when using (?:the |our )?materials\b"),
        (
            "mandatory obligatory required",
            r"\blinks? to (?:the|our) (?:web)?site\b.{0,60}\b(?:mandatory|required|obligatory)\b",
        ),
        (
            "permitted",
            r"\b(?:materials?|articles?|texts?|content|copying|reproduction)\b.{0,60}\bpermitted only with\b",
        ),
        ("reader-supported reader-funded", r"\breader-(?:supported|funded)\b"),
        # Round 5: live pages, newsletters, paywalls, consent frameworks, notes on the text, rights.
        ("refresh", r"\brefresh (?:the|this) page\b"),
        ("live", r"\bthis live (?:blog|page|feed|coverage)\b[^.!?]*[.!?]?$"),  # the last sentence: a summary may follow
        ("edited condensed", r"\b(?:edited|condensed) (?:\w+ )?for (?:length|clarity|brevity|space)\b"),
        ("auto-generated syndicated", r"\bauto-generated from\b|\bfrom a syndicated feed\b"),
        ("acknowledge", r"^we acknowledge (?:the )?(?:traditional )?(?:custodians|owners)\b"),
        (
            "reproduced republished reprinted",
            r"\b(?:content|materials?|articles?|texts?)\b.{0,30}\bmay be (?:freely )?"
            r"(?:reproduced|republished|reprinted)\b",
        ),
        ("receiving", r"\byou(?:'re|’re| are) receiving this (?:email|e-mail|newsletter|message|mail)\b"),
        ("forward", r"\bforward (?:it|this(?: \w+)?) to (?:a|your) friends?\b"),
        ("enjoying enjoy enjoyed", r"^enjoy(?:ing|ed)? (?:this|our|the) (?:newsletter|email|briefing|digest)\b"),
        ("partners vendors", r"\bwe and our (?:\d+ )?(?:partners|vendors)\b"),
        ("device", r"\b(?:store|access) (?:and/or access )?information on (?:a|your) device\b"),
        ("free", r"\bfree (?:articles?|stories|reads) (?:left|remaining)\b|\blimit of free (?:articles|stories)\b"),
        ("gift", r"\bgift (?:articles?|links?|stories)\b"),
        (
            "ai ai-generated",
            r"\b(?:audio|voice|narration|summary|translation|reading)\b.{0,30}"
            r"\b(?:ai-generated|generated by (?:ai|artificial intelligence))\b",
        ),
        (
            "available",
            r"^(?:this )?(?:content|video|audio|page) is not available in your (?:region|country|location)\b",
        ),
        ("helpful useful", r"^was this (?:article|story|page|information) (?:helpful|useful)\b"),
        ("feedback", r"^thank(?:s| you) for your feedback\b"),
        ("already", r"^already an? (?:subscriber|member)\b"),
        ("reporting", r"^with (?:additional )?reporting by\b"),
        ("contributed contributing", r"\bcontribut(?:ed|ing) reporting\b"),
        ("add", r"^add [\w .'’&-]{1,30} to your (?:google news )?(?:feed|home ?screen|sources)\b"),
        ("browser", r"\bsave my name\b.{0,40}\bin this browser\b"),
        ("thanks thank", r"^thanks? (?:you )?for (?:subscribing|signing up|registering|your feedback)\b"),
        ("browser", r"^your (?:web )?browser (?:does not|doesn't|doesn’t|cannot|can't|can’t) (?:support|play|show)\b"),
        (
            "thanks thank",
            r"\bthanks? (?:you )?for reading (?:this|our) (?:story|article|newsletter|piece|report|site)\b",
        ),
        ("favour favor", r"\bwe have a (?:small )?(?:favour|favor) to ask\b"),
        (
            "independent",
            r"^we(?:'re|’re| are) an? independent (?:newsroom|news (?:outlet|site|organi[sz]ation)|media outlet"
            r"|publication|newspaper)\b",
        ),
        ("friend", r"^send (?:any|a) friend (?:a|this) (?:story|article)\b"),
        ("unlock", r"^unlock (?:the |our |this )?[\w'’ ]{0,40}\bfor free\b"),
        ("add", r"\+ ?add to my\w*$"),
        (
            "contains publishes carries",
            r"\b(?:web)?site (?:contains|publishes|carries) only (?:a )?(?:portion|part|selection|summary|some) of\b",
        ),
        (
            "javascript",
            r"\b(?:enable|turn on|switch on|activate) javascript\b"
            r"|\bjavascript (?:is )?(?:disabled|required|turned off)\b",
        ),
        (
            "left",
            r"^you have (?:\d+ ?%|\d+ (?:words|paragraphs|minutes)) of (?:this|the) (?:article|story|text) left\b",
        ),
        (
            "rest",
            r"^the rest (?:of (?:this|the) (?:article|story|text) )?is (?:(?:reserved|available) )?(?:only )?for "
            r"(?:paying )?(?:subscribers|members)\b",
        ),
        ("registered", r"^registered as an? (?:[\w-]+ ){0,3}(?:media|outlet|publication|newspaper|news agency)\b"),
        # round 10: a media registration, a paywall's end, a letters appeal, comment rules, an aggregator's or a
        # repost site's note on where its items come from
        (
            "certificate",
            r"\bregistration certificate\b.{0,12}(?:no\.?|№|#)\s*\w"
            r"|\bcertificate of (?:mass media |media )?registration\b",
        ),
        ("preview", r"\b(?:end of|reached) (?:your|the|this) free (?:preview|article|trial)\b"),
        ("click", r"\bplease click here\b"),
        # an interview's question ("Do you have a view on the Istanbul format?") is news
        (
            "opinion view views",
            r"^do you have an? (?:opinion|view|views) on (?:the |this )?(?:issues?|topics?|questions?|subjects?)"
            r" (?:raised )?in this (?:article|story|piece|column)\b",
        ),
        (
            "registered logged-in signed-in",
            r"^only (?:registered|logged-in|signed-in) (?:users|readers|members|subscribers) (?:can|may)\b",
        ),
        (
            "reproduced reposted republished",
            # the site's own items as the subject, at the line's start: "researchers found that posts are
            # reposted from ..." is news
            r"^(?:all |the )?(?:posts|messages|items|stories)(?: on this (?:site|page|channel))? are "
            r"(?:reproduced|reposted|republished) from\b",
        ),
        ("edit", r"^[\w .'’&\-]{1,40} does not edit (?:their|its) content\b"),
        (
            "algorithms algorithm",
            r"^(?:the )?(?:headlines|stories|news|articles|items|snippets|posts)\b[\w ,]{0,40}\b(?:are|is) "
            r"(?:automatically )?(?:selected|chosen|ranked|sorted|picked|curated) (?:automatically )?by "
            r"(?:an? )?algorithms?\b",
        ),
        (
            "publishers gathers collects aggregates compiles brings",  # its verbs, rarer in news than "sources"
            # round 12: "... gathers / collects / brings together headlines from thousands of sources" too
            r"^[\w .'’&\-]{1,30} (?:shows?|gathers|collects|aggregates|compiles|brings together) (?:stories|news"
            r"|headlines|articles) from (?:thousands|hundreds|\d[\d,]*) of (?:publishers|sources|outlets|media"
            r"|sites)\b",
        ),
        # round 12: an aggregator's note on its summaries ("Summaries are generated from the publishers' text.");
        # the present tense at the sentence's start, not "The summaries of the talks were generated by ..."
        (
            "summaries",
            r"^(?:the |our |these |all )?summaries (?:on this (?:site|page|app) )?are (?:automatically )?"
            r"(?:generated|written|produced|created|made) (?:automatically )?(?:from|by|with|using)\b",
        ),
        # round 12: a paywall's count, "You have reached your limit of two free briefs this month."
        ("limit", r"^you(?:'ve|’ve| have) reached (?:your|the) (?:monthly |weekly |daily )?limit of\b"),
        (
            "tip tipline tip-line",
            r"\b(?:send|email|share|tell|message) (?:it|them|this|us)\b.{0,30}\bour tip-? ?line\b",
        ),
        ("touch", r"^get in touch\s*:.{0,20}\b(?:message|write|email|contact|send)\b.{0,40}\b(?:us|our|team)\b"),
        (
            "subscribers",
            # round 12: "This analysis is for subscribers." too
            r"^(?:this |the )?(?:article|content|story|text|analysis|piece|report|column|briefing|interview|newsletter)"
            r" is (?:(?:reserved|available) )?(?:only )?(?:for|to) (?:paying )?subscribers\b",
        ),
        # round 14: site talk in full sentences, each kind by its closed words. An appeal for the outlet's kind of
        # journalism at a sentence's start ("Support local journalism."); a bare call to give at a sentence's end
        # ("... television – donate."); the newsroom's praise of its own hours ("Our reporters work around the
        # clock."); an apology for a service's disruption, which makes its notice's line site talk ("... may be
        # restricted during air raids. We apologise for the inconvenience."); a call for the reader's thoughts; an
        # aggregator's note on how its feed is chosen; a print-edition note; a market-data delay note.
        (
            "independent local quality public-interest reader-funded community",
            r"(?:^|[.!?] )(?:please )?support (?:independent|local|quality|public-interest|reader-funded|community)"
            r" (?:[\w'’\-]+ ){0,2}(?:journalism|media|reporting|journalists|television|tv|radio|newsroom|press)\b",
        ),
        ("donate subscribe", r" [–—-] (?:please )?(?:donate|subscribe|chip in)(?: now| today| here)?\s*[.!]?$"),
        (
            "clock 24/7 night nonstop non-stop tirelessly",
            r"^(?!.*\b(?:said|says|told|according)\b)our (?:journalists|reporters|correspondents|editors|team|newsroom"
            r"|staff|crews?|photographers)"
            r"(?: (?:is|are|has been|have been|keep|keeps))? (?:work(?:s|ing)?|report(?:s|ing)?|on duty"
            r"|on the ground)\b[\w ,]{0,60}"
            r"\b(?:(?:a)?round the clock|24/7|day and night|non-?stop|tirelessly)\b",
        ),
        (
            "apologise apologize apologies sorry regret",
            r"^(?:[^.!?]{10,160}[.!?] )?(?:we (?:sincerely |deeply )?(?:apologi[sz]e|regret|offer our apologies)"
            r"|(?:we(?:'re|’re| are) )?(?:very |so )?sorry|(?:our )?apologies) for (?:the|any) (?:inconvenience"
            r"|disruption|interruption|delays?|disturbance)s?(?: caused)?[.!]?$",
        ),
        (
            "thoughts views opinion opinions hear think",
            r"^we(?:'re|’re| are) (?:interested in|keen to hear|eager to hear|curious about) (?:your|what you)\b"
            r"|^we(?:'d|’d| would)? (?:love|like|want) to hear (?:from you|your|what you)\b"
            r"|^(?:tell|let) us (?:know )?(?:what you think|your (?:thoughts|views|opinions?))\b"
            r"|^share your (?:thoughts|views|opinions?) (?:below|with us|in the comments)\b|^what do you think\?$",
        ),
        (
            "algorithmically automatically",
            r"^(?:the |these |our )?(?:headlines|stories|news|articles|items|sources|results|links|topics"
            r"|recommendations)\b[\w ,]{0,40}\b(?:are|is) (?:selected|chosen|ranked|sorted|picked|curated|grouped"
            r"|personali[sz]ed) (?:algorithmically|automatically)\b",
        ),
        (
            "why",
            r"^(?:learn|find out|see) (?:more about )?why you(?:'re|’re| are)? see(?:ing)? (?:these|this|those)\b"
            r"|^why (?:am i|do i|are you) see(?:ing)? (?:this|these)\b",
        ),
        (
            "edition issue",
            r"^(?:(?:an? (?:\w+ )?version of )?this (?:article|story|piece|interview|essay|column) )?"
            r"(?:was |is |also )?(?:published|appeared|appears|ran|printed) in (?:the |our )?(?:print|\w+day|weekend"
            r"|[a-z]+|[a-z]+ \d{4}|\d{4}) (?:edition|issue)\b",
        ),
        # a subscription appeal in another language, by the verb "subscribe" at the line's start: "Abonneer op ..."
        (
            "abonneer abonneren abonnieren abonnez-vous suscríbete suscribete subskrybuj abbonati prenumerera tilaa",
            r"^(?:abonneer|abonneren|abonnieren sie|abonnez-vous|suscr[ií]bete|subskrybuj|abbonati|prenumerera|tilaa)"
            r"\b",
        ),
        (
            "snapshot delayed provided supplied powered close",
            r"(?:^|[.!?] )\*?(?:market |stock |price )?(?:data|quotes?|prices)(?: (?:is|are))? (?:an? )?(?:real-time"
            r" snapshot\b|delayed (?:by )?(?:at least |up to )?\d+ ?(?:min|minutes)\b"
            r"|as of (?:the )?(?:market|previous) close\b)"
            r"|^\*?(?:market|stock|price) (?:data|quotes) (?:is |are )?(?:provided|supplied|powered) by\b",
        ),
        # round 15: a consent notice that does not say "cookies" ("This site keeps small files on your device"), and
        # its choice ("You can accept all of them or pick which to allow")
        (
            "device computer browser phone",
            r"\b(?:stores?|saves?|keeps?|places?|puts?|sets?) (?:[\w\-]+ ){0,4}(?:files"
            r"|identifiers|trackers) on your (?:device|computer|browser|phone)\b",
        ),
        (
            "accept",
            r"^you (?:can|may) accept (?:them all|all of them|all|every one)\b.{0,40}\b(?:choose|pick|select|manage)\b",
        ),
        # round 15: a paywall's loading notice ("You are seeing a preview of this story while we check your access.")
        (
            "preview access",
            r"^you(?:'re|’re| are| have)? (?:viewing |reading |seeing |getting )?(?:a |the )?preview(?: view| version)?"
            r" of (?:this|the) (?:article|story|page|piece)\b"
            r"|^(?:when|once|after|while) we(?:'ve|’ve| have)? (?:are )?(?:confirmed|checked|verified|checking|check"
            r"|verify|confirm) (?:your )?(?:access|subscription)\b",
        ),
        # round 15: a transcript's own notes ("This transcript was generated automatically ...", "... check the audio
        # before quoting"), a sponsor's address ("Visit shop.example/show for 10% off.")
        (
            "transcript automatically machine machine-generated auto-generated ai-generated",
            r"^(?:this is )?(?:an? |the )?(?:automatically|machine|computer|ai|auto)[ -]generated transcript\b"
            r"|^(?:this|the) transcript (?:was|has been|is) (?:automatically |machine[ -])?(?:generated|produced)"
            r"(?: automatically| by (?:software|a machine|ai))?\b",
        ),
        ("audio", r"^(?:please )?(?:check|consult|refer to|listen to) the (?:original )?audio before quoting\b"),
        # round 15: a repost site's ownership note ("All posts belong to their channels' owners."), an aggregator's
        # ranking by an algorithm and its "Learn how <site> picks stories."
        (
            "belong belongs",
            r"^(?:all )?(?:the )?(?:reposted |republished |quoted )?(?:content|posts|texts|materials|messages)"
            r"(?: [\w'’]+){0,3} belongs? to (?:the |their |its )?(?:channels?(?:'|’)? |original |respective )?"
            r"(?:owners?|authors?|channels|sources)\b",
        ),
        (
            "algorithm algorithms",
            r"^(?:the |these |our )?(?:headlines|stories|news|articles|items|sources|results|links|topics)\b"
            r"[\w ,]{0,40}\b(?:are|is) (?:selected|chosen|ranked|sorted|picked|curated|grouped|ordered) by"
            r" (?:an? |our )?algorithms?\b",
        ),
        (
            "learn",
            r"^learn (?:how|why) (?:[\w.'’\-]+ ){1,3}(?:chooses|selects|ranks|picks|shows|sorts)"
            r" (?:the |these |its |our )?(?:stories|sources|headlines|news|articles)\b",
        ),
        # round 15: who writes a live page ("This live blog is run by our Kyiv desk."), a correction's note
        (
            "live",
            r"^(?:this|the|our) live (?:page|blog|feed|coverage) is (?:updated|written|run|produced|edited|curated"
            r"|maintained) by\b",
        ),
        (
            "earlier",
            r"^(?:correction\b.{0,30})?an earlier version of this (?:article|story|report|piece)"
            r" (?:misstated|misidentified|misspelled|misquoted|misattributed|incorrectly|wrongly|gave|omitted)\b",
        ),
    )
)
# Boilerplate a sentence starts with: appeals in the imperative, notes about the article itself.
_BOILERPLATE_START = _Pattern(
    r"""(?:
        (?:please\ )?(?:subscribe|sign\ up|donate|support\ us
          |support\ (?:the|our|this)\ (?:digest|channel|newsletter|site|website|project|newsroom|podcast|magazine)\b
          |become\ a\ (?:member|patron|subscriber)
          |get\ (?:the|our)\ [\w ]{0,30}(?:newsletter|briefing|digest|bulletin|alerts|app)
          |download\ (?:our|the)\ app|turn\ on\ notifications
          |follow\ (?:us|our)|join\ (?:us|our)|stay\ (?:up\ to\ date|informed|tuned)|send\ us\ your)\b
      | this\ (?:article|story|report|page|interview|text|transcript|episode|recording)
        \ (?:was|has\ been|is|has\ not\ been|was\ not|is\ not)
        \ (?:originally\ |first\ |automatically\ |also\ )?(?:written
          |published|updated|translated|amended|corrected|edited|condensed|produced|available|generated)\b
      | (?:first|originally)\ published\ (?:in|on|by)\b | printed\ (?:from|on)\ \S+\.\w
      | (?:found|spotted|noticed|see)\ (?:a|an)\ (?:mistake|error|typo|inaccuracy)\b | write\ to\ (?:us\b|\S+@)
      | this\ is\ a\ (?:developing|breaking)\ (?:story|news)\b
      | this\ (?:story|article|post)\ has\ been\ shared\b
      | this\ (?:publication|article|story|material|project|report|page)\ (?:was|has\ been|is)
        \ (?:produced|prepared|created|published|funded|made|supported)\ with\ the\ (?:financial\ )?support\ of\b
      | (?:published|produced)\ in\ (?:partnership|cooperation|collaboration)\ with\b
      | an?\ version\ of\ this\ (?:article|story|report|piece)
        \ (?:first\ |originally\ )?(?:appeared|was\ published|ran)\b
      | (?:correction|clarification)\s*:\s*(?:the|this)\ (?:headline|article|story|report|text|photo|caption)
        \ (?:has\ been|was)\ (?:changed|updated|amended|corrected)\b
      | this\ (?:article|story|piece)\ (?:appeared|appears|ran)\ in\ (?:the\ |our\ )?.{0,40}\b(?:print|paper
          |newspaper|magazine)\b
      | this\ (?:article|story|piece|report)\ is\ (?:more\ than|over)\ (?:\w+\ )?(?:years?|months?)\ old\b
      | our\ standards\b | how\ we\ work\b | (?:please\ )?contact\ us\ for\b
      | download\ (?:our|the)\ (?:[\w'’]+\ ){0,4}app\b
      | (?:only|just|then)\ [€$£]\ ?\d+(?:[.,]\d\d)?\ (?:for|per|a)\ (?:\d+\ |first\ )?(?:weeks?|months?|years?|days?)\b
      | an?\ version\ of\ this\ (?:article|story)\ appears\ in\ print\b
    )""",
    re.VERBOSE,
)
# How the patterns above can start: a cheap test before the pattern.
_BOILERPLATE_FIRST = (
    *("please ", "subscribe", "sign up", "donate", "support ", "become a", "get ", "download ", "turn on"),
    *("follow ", "join ", "stay ", "send us", "this ", "our standards", "how we work", "contact us"),
    *("a version", "an version", "first ", "originally ", "found ", "spotted ", "noticed ", "see ", "write to"),
    "printed ",
    *("only ", "just ", "then ", "published ", "produced ", "correction", "clarification"),
)
_BOILERPLATE_BY_WORD: dict[str, tuple[re.Pattern[str], ...]] = {
    word: tuple(search for hints, searches in _BOILERPLATE if word in hints for search in searches)
    for word in frozenset().union(*(hints for hints, _ in _BOILERPLATE))
}
# Each pattern's words as they stand in a line split at spaces: bare, or with punctuation around them.
_TOKEN_BEFORE = ("", "(", '"', "“", "‘", "'")
_TOKEN_AFTER = ("", ".", ",", ";", ":", "!", "?", ")", '"', "”", "’", "'", ".”", '."', "),")
_HINT_TOKENS = {
    before + word + after: word for word in _BOILERPLATE_BY_WORD for before in _TOKEN_BEFORE for after in _TOKEN_AFTER
}
_HINT_KEYS = frozenset(_HINT_TOKENS)
# A sentence giving only the author's beat, after the body: "Moroz covers Ukraine for the service."
_AUTHOR_BIO = _Pattern(
    r"^[A-Z][\w'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’\-]+)?\s+(?:covers|reports\s+on|writes\s+about"
    r"|is\s+(?:a|an|the|our)\s+[\w\s\-]{0,40}(?:correspondent|reporter|editor|writer|journalist|columnist|fellow|scholar"
    r"|diplomat|professor|lecturer|researcher|analyst|economist|historian|commentator|contributor|blogger"
    r"|broadcaster|observer|adviser|advisor))\b"
    # the bio's next sentence: "She previously covered ...", "He was formerly ..."
    r"|^(?:She|He|They)\s+(?:has\s+|had\s+|was\s+|is\s+)?(?:previously|formerly|earlier|also)\s+(?:worked|covered"
    r"|served|reported|wrote|was|led|edited|taught|headed|ran)\b"
)
# A sentence about the outlet itself, in a page's footer: "Harbor Line is an independent news outlet.", "... is
# published by ...".
_ABOUT_OUTLET = _Pattern(
    r"^(?:The\s+)?[A-Z][\w.'’&\-]*(?:\s+(?:[A-Z][\w.'’&\-]*|for|of|and|on|&)){0,6}\s+(?:is\s+(?:an?|the)\s+"
    r"(?:[\w\-]+\s+){0,4}"
    r"(?:media|outlet|agency|newspaper|publication|broadcaster|website|portal|daily|weekly|news\s+service"
    r"|news\s+organi[sz]ation|newswire|news\s+wire)\b"
    r"|is\s+(?:published|produced|presented|made)\s+by\b|is\s+(?:funded|financed|owned)\s+(?:by|from)\b"
    # round 9: "... is editorially independent.", "... is a registered foundation.", "... is a signatory of ..."
    r"|is\s+editorially\s+independent\b|is\s+an?\s+registered\s+(?:foundation|charity|non-?profit|association"
    r"|trust|company|society)\b|is\s+an?\s+signatory\s+(?:of|to)\b"
    # round 12: a company line, "X is part of Y Media Group Ltd." (a legal form: "Transgaz is part of the Gas
    # Group." is news)
    r"|is\s+(?:a\s+)?part\s+of\s+(?:the\s+)?(?:[A-Z][\w.&'’\-]*\s+){1,5}(?:Ltd|Limited|plc|PLC|Inc|LLC|GmbH)\b"
    # round 17: a media registration notice, "X is registered as a mass medium (by <regulator>)." and its
    # certificate after it; the present tense and the stop right after: "... was registered as a mass medium in
    # 2014, records show." is news
    r"|is\s+registered\s+as\s+an?\s+(?:mass\s+medi(?:um|a)|(?:online\s+|network\s+|electronic\s+)?(?:media\s+outlet"
    r"|publication|news\s+agency|news\s+outlet|periodical))(?:\s+(?:by|with|in)\s+[^.!?,;]{1,60})?\.(?:\s|$)"
    # round 17: the outlet on the networks, "Zorya is on Telegram and X." (after the body only)
    r"|is\s+(?:also\s+|now\s+)?(?:on|available\s+on)\s+(?:Telegram|X|Twitter|Facebook|Instagram|YouTube|TikTok|Viber"
    r"|WhatsApp|Threads|Bluesky|VK|Google\s+News)(?:(?:,\s+|,?\s+and\s+)(?:Telegram|X|Twitter|Facebook|Instagram"
    r"|YouTube|TikTok|Viber|WhatsApp|Threads|Bluesky|VK|Google\s+News))*(?:\.(?:\s|$)|$))"
)
# Round 9: a sentence about the site itself, not news. It names the site or its parts (this page, the blog, the
# comments), its readers, or the outlet in the first person plural ("our reporting", "support us", "we're pausing
# ..."), and says what a site says of itself (an appeal, a rule for comments, its funding, its rights). Both are
# needed, from closed vocabularies; a sentence that reports speech or quotes is news ("our people", said a minister).
_SITE_SUBJECTS = (
    (
        "this our",
        r"\b(?:this|our) (?:(?:live )?(?:site|website|portal|page|newsletter|e-?mail|blog|feed|digest|briefing|podcast"
        r"|app|channel|publication|outlet|newsroom|coverage|reporting|journalism|readers|subscribers|members|supporters"
        r"|donors|community|editors|editorial team)|(?:article|story|piece|commentary|column)(?! of\b))\b",
    ),
    ("site website portal blog newsletter", r"\bthe (?:site|website|portal|blog|live blog|newsletter)(?! of\b)\b"),
    (
        "comment comments",
        r"^comments?\b|\bcomments? (?:are|is|will be|may be)\b|\bfor comments\b|\bcomment on (?:this|our|the article)\b"
        r"|\b(?:all|every|each|your|keep|reader|readers'?|post) (?:a )?comments?\b|\b(?:post|leave|write) a comment\b",
    ),
    ("us", r"\b(?:support|help|helps|join|joining|contact) us\b"),
)
_SITE_TALK = _Pattern(
    r"\b(?:moderat(?:ed|ion|ors?)|posted|published|log(?:ging|ged)? ?in|sign(?:ing|ed)? (?:in|up)|registered users"
    r"|commenting|subscri(?:be|bed|ption|ber|bers)|donat(?:e|ion|ions)|contribution|monthly|membership"
    r"|independent|independence|funding|funded|financed|excerpts|all rights|permission|forbidden|prohibited"
    r"|principles|forward(?:ed)?|pass it on|share|joining|pausing|bring you|thanks|thank you|matters? to you"
    r"|stay (?:independent|free|open)|moderate|delete[ds]?|removed?|civil|on topic|abusive|logged in|our rules"
    r"|owned|operated)\b"
)
# Said of the site even without naming it: a newsletter's or a live blog's own lines, rights and funding notes.
# Those a sentence starts with, in one pattern; the others, each with the words one of which it needs (as the
# boilerplate patterns above), so that a sentence runs only the patterns its words allow.
_SITE_LINE_START = _Pattern(
    r"(?:having )?trouble (?:reading|viewing|seeing) this (?:e-?mail|newsletter|message)\b"
    r"|forwarded (?:this|to you)\b|(?:found|find) this (?:useful|helpful|interesting|valuable)\b"
    r"|that(?:'s|’s) (?:all|it) (?:for|from (?:us|me)) (?:today|tonight|now|this (?:week|morning|evening))\b"
    r"|closed for comments\b|comments? (?:are )?(?:closed|disabled)\b|we value your privacy\b"
    r"|(?:open|view|read) (?:the |this )?(?:web|browser|online) version\b"
    r"|see you (?:tomorrow|next week|on \w+day|soon)\b"
    r"|(?:this|our|the) (?:live )?blog (?:is|has) (?:now )?(?:closed|ended|paused)\b"
    # round 12: a live page's end and thanks, a share prompt ("Like this story? Share it ...")
    r"|(?:(?:this|our|the) )?live (?:coverage|blog|updates?|page|broadcast) (?:has|have|is) (?:now )?(?:ended"
    r"|closed|finished|concluded|over)\b|thank(?:s| you) for (?:staying|being|following along) with us\b"
    r"|(?:did you )?(?:like|liked|enjoy|enjoyed|love|loved) (?:this|the|our) (?:story|article|piece|read|newsletter"
    r"|episode|podcast|post)\?|(?:like|liked|enjoy|enjoyed) what you(?:'ve|’ve)? (?:read|see|seen|hear|heard)\b"
    # a live page no longer updated, thanks for following it
    r"|(?:(?:this|our|the) )?(?:live )?(?:page|blog|coverage|feed) (?:is|has) no longer (?:being )?updated\b"
    r"|thank(?:s| you) for (?:following|reading|watching|listening to) (?:our|this|the) (?:live )?(?:coverage|blog"
    r"|page|updates|newsletter|podcast)\b"
    # the site on a network ("We are on Telegram."), and a bare "Subscribe!"
    r"|(?:we(?:'re|’re| are)|find us|we(?:'re|’re| are) also) on (?:telegram|x|twitter|facebook|instagram|youtube"
    r"|tiktok|vk|whatsapp|viber|threads|bluesky|google news)\b"
    r"|(?:please )?(?:subscribe|donate|sign up)(?: now| today)?\s*[!.]?$"
    r"|thank(?:s| you) for (?:supporting|backing|choosing|trusting)\b"
    # round 15: a comments section's rules ("To comment, please sign in.", "Please respect other readers."), an
    # app's prompt ("Open in the app — it's faster")
    r"|to (?:comment|reply|post a comment|leave a comment|join the discussion),? (?:please )?(?:log in|sign in"
    r"|register|subscribe)\b|(?:please )?(?:be respectful (?:of|to)|respect) (?:other|fellow) (?:readers|commenters"
    r"|users|members)\b|open (?:it |this )?in (?:the|our) app\b"
    # round 17: the banner names its app ("Open in the <Site> app — it's faster", "Continue in the <Site> app")
    r"|(?:open|continue|read|view|keep reading) (?:it |this |this story |this article )?in (?:the|our)"
    r" (?:[\w'’.\-]+ ){1,3}app\b"
    r"(?! (?:to|that|which|who|was|is|has|had|will)\b)"
    # round 14: a live page's prompt to reload it, "Refresh the page for the latest posts."
    r"|refresh (?:this |the )?(?:page |feed |blog )?(?:for|to see|to get) (?:the )?(?:latest|newest|new|more)"
    r" (?:posts|updates|entries|news)\b"
    # reuse rules: "Republishing is allowed with a link ...", "Copying of this site's texts is prohibited"; not
    # "Copying of the ferry's design is allowed under the treaty"
    r"|(?:republishing|reprinting|reposting|reproduction|copying|quoting)(?: (?:of|from) (?:this|our) \S+"
    r"| (?:of|from) (?:the )?(?:materials?|articles?|content|texts?|publications?)\b)?(?: \S+){0,2} (?:is|are)"
    r" (?:only )?(?:allowed|permitted|prohibited|forbidden)\b"
    # round 16: the same rule by what it needs, "Reproduction only with reference to <Agency>.", "Copying is
    # permitted with an active link"; and a live page's refresh note, "This page is refreshed every few minutes."
    r"|(?:republishing|reprinting|reposting|reproduction|copying|quoting)(?: (?:of|from) (?:this|our|the) \S+)?"
    r"(?: is| are)?(?: only| allowed| permitted| possible){1,2} (?:with|by) (?:a |an |the )?(?:prior |written"
    r" |active |direct )?(?:reference|link|hyperlink|attribution|credit|permission|consent)\b"
    r"|(?:this|the|our) (?:live )?(?:page|blog|feed) (?:is|will be|gets) (?:refreshed|updated|reloaded)"
    r" (?:automatically|regularly|constantly|continuously|every)\b"
    # round 16: a live page's label set as a sentence before such a note, "Live updates. This page is ..."
    r"|live (?:updates?|coverage|blog)\.$"
)
_SITE_LINES = (
    ("we'll we’ll will", r"\bwe(?:'ll|’ll| will) (?:bring you|keep you (?:updated|posted)|be back)\b"),
    (
        "we're we’re are",
        r"\bwe(?:'re|’re| are) (?:pausing|closing|wrapping up|ending) (?:the|this|our) (?:blog|live|coverage|page)\b",
    ),
    (
        "acknowledge acknowledges",
        r"\backnowledges? (?:the )?[\w ,]{0,80}\b(?:traditional (?:custodians|owners)|first (?:nations|peoples"
        r"|australians))\b",
    ),
    (
        "rights",
        r"\ball rights (?:to|in) (?:the )?(?:articles|texts|materials|content|stories|headlines)\b.{0,30}\bbelong\b",
    ),
    (
        "depend depends rely relies",
        r"\b(?:depends?|relies?) on (?:independent |your |reader |readers'? )(?:funding|support|donations"
        r"|contributions)\b",
    ),
    # more of the same, in the words sites use: members, codes, sign-offs, consent
    (
        "like",
        r"\b(?:readers|supporters|members|people) like you\b|\bif you (?:value|like|enjoy|appreciate) what we do\b",
    ),
    ("value enjoy appreciate", r"\bif you (?:value|like|enjoy|appreciate) what we do\b"),
    ("becoming", r"\bconsider becoming an? (?:member|supporter|subscriber|patron|donor|friend)\b"),
    ("patreon ko-fi coffee boosty", r"\bon (?:patreon|ko-fi|buy me a coffee|boosty)\b"),
    (
        "we've we’ve have",
        r"\bwe(?:'ve|’ve| have) (?:now )?(?:closed|paused|ended) (?:this|our|the) (?:live )?(?:blog|coverage|page)\b",
    ),
    (
        "our",
        r"\bour (?:code of (?:ethics|conduct|practice)|ethics policy|corrections policy|editorial (?:code|policy))\b",
    ),
    (
        "views opinions",
        r"\b(?:views|opinions) (?:in|of|expressed in) this (?:column|article|piece|commentary|op-ed|blog|post)\b"
        r"(?! of\b)",
    ),
    ("sign-up signup", r"\byour sign-?up\b"),
    ("consented", r"\bways you(?:'ve|’ve| have) consented\b"),
    (
        "member",
        r"\b(?:is|are) an? (?:proud )?member of the [\w ,-]{0,60}\b(?:press|standards|fact-checking|journalism"
        r"|editors|publishers)\b",
    ),
    # round 13: a tip line ("message our newsroom on Signal"), a repost site's translation and affiliation notes,
    # a members' offer, a sponsor's read and its code
    (
        "us editors newsroom team",
        r"\b(?:write|message|text|contact|reach)(?: to)? (?:us|our (?:editors|newsroom|(?:editorial )?team))\b",
    ),
    (
        "editors newsroom team",
        r"\btranslat(?:ion|ions|ed) (?:from [a-z]+ )?by (?:the )?(?:[\w'’\-]+ ){0,4}(?:editors|newsroom"
        r"|(?:editorial )?team)\b",
    ),
    (
        "original",
        r"^(?:the )?original (?:posts?|texts?|articles?|messages?|versions?|reports?) (?:is|are|was|were) (?:published"
        r" |written |posted )?in (?:ukrainian|russian|english|[a-z]+ian|[a-z]+ish)\b",
    ),
    # round 17: a repost site's disclaimer by what it says of the content: whose it is and how it comes ("Reposts
    # are published automatically; the original channels are responsible for their content.")
    (
        "responsible automatically",
        r"(?:^|; )(?:all )?(?:the )?(?:original |respective )?(?:channels?|authors?|owners?|sources?|publishers?"
        r"|accounts?)(?: [\w'’]+){0,2} (?:is|are|remain|bear) (?:solely |fully )?(?:responsible|liable) for"
        r" (?:their|its|the) (?:own )?(?:content|posts|texts|materials)\.?$"
        r"|^(?:all )?(?:the )?(?:reposts?|posts|messages|entries|items|content|texts) (?:(?:are|is) (?:published|posted"
        r"|reposted|collected|imported|added|translated)|appears?) automatically\b",
    ),
    (
        "affiliated",
        r"\b(?:is|are) not affiliated with (?:the |any )?(?:channels?|sources?|accounts?|sites?"
        r"|outlets?|authors?|publishers?|pages?|media) (?:it|we|they) (?:reposts?|quotes?|cites?|aggregates?"
        r"|features?|republish(?:es)?|translates?|links? to)\b"
        # round 15: a repost site that is not the network it reposts from, "... is not affiliated with Telegram."
        r"|\b(?:is|are) not affiliated with (?:telegram|x|twitter|facebook|meta|youtube|google|instagram|tiktok"
        r"|whatsapp|viber|vk)\.?$",
    ),
    (
        "members subscribers supporters patrons",
        r"^(?:our |paying |paid |premium )?(?:members|subscribers|supporters|patrons) (?:also )?(?:get|receive|enjoy"
        r"|unlock|have (?:full )?access to)\b",
    ),
    (
        "episode show podcast programme newsletter",
        r"\b(?:this|today's|today’s|this week's|this week’s) (?:episode|show|podcast|programme|newsletter) is"
        r" (?:brought to you|sponsored|supported|made possible|presented|powered) by\b",
    ),
    ("code", r"^(?:use|enter|apply)(?: the)?(?: promo| discount| coupon| offer)? code \S+"),
    # round 16: a site's personalisation note, "<App> uses your location and reading history to suggest stories."
    (
        "uses use",
        r"\buses? your (?:location|reading|browsing|viewing|listening|search|activity|interests)\b.{0,60}"
        r"\bto (?:suggest|recommend|personali[sz]e|tailor|choose|pick|rank|select)\b",
    ),
    # round 16: the outlet's staff at work in the present tense, "Our analysts brief governments and banks ..."
    (
        "analysts reporters journalists correspondents editors researchers experts team newsroom desk",
        r"^our (?:analysts|reporters|journalists|correspondents|editors|researchers|experts|team|newsroom|desk)"
        r" (?:brief|cover|report|provide|bring|deliver|track|monitor|advise|serve|write|produce|analy[sz]e)\b",
    ),
    # round 15: a sponsor's address, after its read ("Visit shop.example/show for 10% off.")
    ("visit", r"^visit [\w\-]+(?:\.[\w\-]+)+/?\S* (?:for|to get|and use)\b"),
)


def _by_token(table: tuple[tuple[str, str], ...]) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Each pattern of ``(words, pattern)`` pairs under each of its words as it can stand in a line split at spaces."""
    compiled = [(frozenset(words.split()), _searches(pattern)) for words, pattern in table]
    # Each word's patterns gathered once, not once per spelling: a tenth of the import's time otherwise.
    by_word = {
        word: tuple(search for words, searches in compiled if word in words for search in searches)
        for word in frozenset().union(*(words for words, _ in compiled))
    }
    return {
        before + word + after: searches
        for word, searches in by_word.items()
        for before in _TOKEN_BEFORE
        for after in _TOKEN_AFTER
    }


_SITE_LINES_BY_TOKEN = _by_token(_SITE_LINES)
_SITE_SUBJECTS_BY_TOKEN = _by_token(_SITE_SUBJECTS)
# An appeal in the imperative, with the site, the reader or the page as its object: "Pass it on to a friend.",
# "Become a Friend of the Centre today."; not "Support for the plan grew today" (no object of the appeal).
_SITE_APPEAL = _Pattern(
    r"^(?:please )?(?:consider )?(?:subscribe|donate|share|comment|sign up|sign in|log in|forward|follow|pass"
    r"|become|support|join|help|chip in|give|reply|write|tell|email|contact|stay|get)"
    r"(?: (?:it|this|us)\b| (?:to|for|on|with) (?:us|our|this)\b| (?:our|the) (?:[\w'’]+ ){0,2}(?:newsletter|blog"
    r"|site|website|channel|centre|center|institute|project|journalism|work|coverage|app|podcast)\b"
    r"| an? (?:friend|member|patron|supporter|subscriber|monthly|donor)\b| live (?:coverage|updates|blog)\b"
    r"| (?:now|today|here)\b| (?:from |for )?(?:just |only )?(?:[$€£₴₽]\s?\d|\d+(?:[.,]\d+)?\s?(?:¢|cents?\b))"
    r"| \d[\d,.]* (?:readers|subscribers|members)\b"
    r"| (?:the latest |breaking )?(?:news )?(?:alerts|notifications)\b"
    # round 12: the site by name, "Support Zbruch's independent reporting"
    r"|(?: [\w.\-]+){1,3}(?:'s|’s) (?:[\w'’\-]+ ){0,2}(?:journalism|reporting|newsroom|coverage)\b"
    # round 12: the site's address, "Write to tips@claimlens.example."
    r"| (?:to|at) [\w.+\-]+@[\w\-]+\.\w)"
    r"|^(?:please )?make an? (?:[\w-]+ ){0,4}(?:contribution|donation)\b"
    # round 13: the author's contact after a bio, "Reach her at ...", "Email him at ..."
    r"|^(?:reach|contact|email|e-mail|call|write to) (?:him|her|them|the (?:author|writer|reporter)) (?:at|on|via)\b"
    # round 14: "Contact reporter Ana Ruiz at aruiz@... or 555-0100.": a role and a name before an address or a number
    r"|^(?:reach|contact|email|e-mail|call|write to) (?:the )?(?:reporter|writer|author|columnist|correspondent"
    r"|editor)s? (?:[\w.'’\-]+ ){0,3}(?:at|on|via) \S*[@\d]"
    # round 16: a name alone before the address that ends the sentence, "Contact Ana Ruiz at aruiz@paper.example."
    r"|^(?:reach|contact|email|e-mail|write to) (?:[\w.'’\-]+ ){1,3}(?:at|via) [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\.?$"
    # round 12: a call for readers' pictures or tips, "Send us photos and videos in our bot"
    r"|^(?:please )?send (?:us |in )?(?:your )?(?:photos?|videos?|pictures|tips?|news|stories|questions|letters"
    r"|comments|feedback)\b"
)
# The words without one of which none of the patterns above can match, as they stand in a line split at spaces.
_SITE_KEYS = frozenset(
    before + word + after
    for word in """
        site website portal page newsletter email e-mail blog feed digest briefing podcast app channel publication
        outlet newsroom coverage reporting journalism readers subscribers members supporters donors community editors
        team article story piece commentary column comment comments commenting us trouble forwarded useful helpful
        interesting valuable that's that’s closed paused ended privacy version we'll we’ll we're we’re we've we’ve
        bring updated posted back pausing closing wrapping ending acknowledge acknowledges rights depend depends rely
        relies like value enjoy appreciate becoming patreon ko-fi boosty coffee code views opinions thank thanks
        sign-up signup consented member republishing reprinting reposting reproduction copying quoting
        original affiliated patrons episode show programme uses use analysts reporters journalists correspondents
        researchers experts desk responsible automatically""".split()
    for before in _TOKEN_BEFORE
    for after in _TOKEN_AFTER
)
_APPEAL_FIRST = (
    *("please ", "consider ", "subscribe", "donate", "share", "comment", "sign ", "log ", "forward", "follow"),
    *("pass ", "become", "support", "join", "help", "chip ", "give", "reply", "write", "tell", "email", "contact"),
    *("stay", "get ", "make ", "see you", "send ", "reach ", "call ", "refresh "),
    "visit ",  # round 15: a sponsor's address on its own line; after its read, the read's "episode" lets it in
    # round 12: a question to the reader before the appeal ("Spotted something we should check? Write to ...")
    *("have you ", "did you ", "do you have ", "spotted ", "seen ", "noticed ", "witnessed "),
    *("we are on ", "we're on ", "we’re on ", "find us "),
)
_ANY_KEYS = _SITE_KEYS | _HINT_KEYS
# Where a line's sentences meet, for the site-talk test: a stop and the spaces after it. A stop first, not a
# look-behind, so that a search skips to the stops.
_AFTER_STOP = _Pattern(r"[.!?]\s+")
# What may follow site talk in its line: the next issue's teaser, a registration number ("Org. no. 998 112 430").
_NOTICE_PART = _Pattern(r"(?:\d{1,2}\+|[\w.'’&\- ]{2,60},? (?:19|20)\d\d(?:\s?[–-]\s?(?:19|20)\d\d)?\.)$")
_SITE_AFTER = _Pattern(
    r"(?:tomorrow|next (?:week|time|issue|edition)|coming up)\s*:|(?:org|reg|registration|company"
    r"|vat|business|charity)\.? (?:no|number|nr|id)\b"
    r"|(?:certificate|licen[cs]e)(?: [a-z]{1,3})?\.? (?:no|number|nr|№)\b"  # round 17: a medium's certificate
)
# Round 12: a question to the reader before a call for pictures or tips ("Have you witnessed an incident? Send us
# ..."): site talk only with such a call after it in its line.
_READER_QUESTION = _Pattern(
    r"(?:(?:have|did|were) you (?:\w+ )?)?(?:witnessed|witness|seen|see|noticed|notice|spotted|spot|filmed|film"
    r"|photographed|experienced|captured|affected|impacted|evacuated)\b"
    r"[^?]{0,60}\?$|(?:do you )?(?:have|got) (?:a |any )?(?:story|news|information|tips?|photos?|videos?|questions?)\b"
    r"[^?]{0,60}\?$"
)
# Reported speech: news, whoever the subject ("Help us end this war, Zelensky urged Congress.").
_REPORTED_KEYS = frozenset(
    word + after
    for word in """said says told tells according added stated quoted asked urged insisted demanded wrote warned
        pleaded appealed declared stressed noted announced claimed argued replied explained recalled""".split()
    for after in _TOKEN_AFTER
)


def _keyed_search(table: dict[str, tuple[re.Pattern[str], ...]], text: str, words: list[str]) -> bool:
    """Whether one of the patterns keyed by the words of ``text`` is found in it."""
    return any(pattern.search(text) for token in table.keys() & words for pattern in table[token])


def _line_sentences(low: str) -> Iterator[str]:
    """A line's sentences one at a time, as the site-talk test needs them: most lines fail on the first."""
    start = 0
    for stop in _AFTER_STOP.finditer(low):
        yield low[start : stop.start() + 1]
        start = stop.end()
    yield low[start:]


def _is_site_talk(low: str, tokens: list[str] | None = None, hits: frozenset[str] | None = None) -> bool:
    """Whether each sentence of a lower-cased line is about the site itself (round 9), not news.

    ``tokens`` are the line's words and ``hits`` those of them that a boilerplate test needs, when the caller
    has them. A line with none of the words that the tests need, and no appeal's first word, costs one set test
    (most lines are news).
    """
    words = low.split() if tokens is None else tokens
    keys = _SITE_KEYS.intersection(words if hits is None else hits)
    if not keys and not low.startswith(_APPEAL_FIRST) or _has_any(low, _QUOTE_CHARS):
        return False  # none of the words the tests need; or a quote, which is news
    if not _REPORTED_KEYS.isdisjoint(words) or ", thank" in low:
        return False  # reported speech, or a sentence addressed to someone ("Ambassador, thank you for joining us.")
    talk = asked = dated = False
    for sentence in _line_sentences(low):
        if sentence.startswith(("©", "(c)")) or talk and _SITE_AFTER.match(sentence):
            continue
        if talk and len(sentence) <= 40 and _all_interface(sentence.split()):
            continue  # round 16: the notice's buttons after it, "... to suggest stories. Manage settings."
        if sentence[-1:] in "+." and _NOTICE_PART.match(sentence):
            dated = True  # round 13: "Oskol Courier, 2026. Reproduction is allowed ... 18+": the notice's own parts
            continue  # "... is forbidden. (c) SVP 2026", "That's all for today. Tomorrow: ...": the notice's own end
        if not talk and not asked and sentence[-1:] == "?" and _READER_QUESTION.match(sentence):
            asked = True
            continue
        if len(sentence) > 240:
            return False
        words = sentence.split()
        if not (
            _SITE_LINE_START.match(sentence)
            or _keyed_search(_SITE_LINES_BY_TOKEN, sentence, words)
            or _SITE_APPEAL.match(sentence)
            or _keyed_search(_SITE_SUBJECTS_BY_TOKEN, sentence, words)
            and _SITE_TALK.search(sentence)
        ):
            return False
        talk = True
    return talk or not asked and not dated


_BREADCRUMB_FIRST = frozenset("home homepage main start index news".split())
_PULL_OPENERS = '“"«'
_PULL_CLOSERS = '”"»'
_PLACE_AND_STATE = _Pattern(r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?, (?:[A-Z]\.){1,3}$")
_DATELINE = _Pattern(r"^[A-Z][A-Z'\-]{2,}(?:[ ,]+[A-Z][A-Za-z'\-]*){0,3}\.?$")
_DATE_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|cet|cest|bst|"
    r"msk|eet|eest|jst|kst|hkt|sgt|ist|pkt|aest|aedt|pst|pdt|cst|cdt|mst|mdt|et|pt|wib|eat|sast|"
    r"brt|brst|art|gst|pht|ict|nzst|nzdt|wat|cat|awst|acst|"
    r"kyiv|moscow|time|ago|updated|published|posted|modified|last|first|on|at|date|publication|of|min|mins|read"
    r"|yesterday|today|hours?|minutes?|seconds?|days?|weeks?|kl|klo|uhr"
    r"|(?:utc|gmt)[+\-−]\d{1,2}(?::\d\d)?)"
)
# round 12: a day's number may end with its stop, "20. november 2025"
_DATE_TOKEN = rf"(?:\d{{1,4}}(?:st|nd|rd|th|[smhdw])?(?:[:./\-h]\d{{1,4}})*(?:am|pm|\.)?|{_DATE_WORDS}\.?)"
_DATE_STAMP = _Pattern(
    rf"^(?=.*\d)(?:[·•|]\s*)?\(?{_DATE_TOKEN}(?:[\s,|/:\-–—·•()]+{_DATE_TOKEN})*\)?$",
    re.IGNORECASE,
)
# What the shape of a line says: news text, furniture wherever it stands, or a headline's shape (two or
# three words, or capitalised words only), which is a headline in a headline's place and furniture elsewhere.
_KEEP, _FURNITURE, _HEADLINE_SHAPED = 0, 1, 2
# The last word of a byline's role line: "Kyiv correspondent", "Senior political editor".
_ROLE_WORDS = frozenset(
    "correspondent correspondents reporter reporters editor editors writer writers journalist journalists "
    "contributor columnist analyst producer photographer photojournalist presenter anchor host desk fellow fellows "
    "commentator".split()
)
_ROLE_IN_PLACE = _Pattern(rf"(?:\S+\s+){{0,3}}(?:{'|'.join(sorted(_ROLE_WORDS))})\s+(?:in|at)\s+\S+(?:\s+\S+)?$")
# Furniture is short; longer lines are news text and skip the line checks.
_MAX_FURNITURE_CHARS = 300
_MENU_MARKS = "|•·▪/>›"
_MENU_SEPARATORS = _Pattern(r"\s*[|•·▪/]\s*|\s[>›]\s|\s{2,}")
# A date stamp then the page's sections: "Oct 23, 2025 - World", "12.05.2026 | Politics, Europe".
_SECTION_AFTER_DATE = _Pattern(r"\s[|\-–—]\s(?=(?:[A-Z][\w&]*,?\s*){1,4}$)")
_FEED_ITEM = _Pattern(r"\d{1,2}:\d{2}\s+\S")  # "14:07 Zelensky meets ...": a news-feed line
# Round 12: a key event's link on a live page, after its bullet: a time, then a headline ("• 14:40 Lavrov sets ..."); a
# timetable's item ("• 09:30 arrival of the delegations;") is in lower case or ends like a list's item.
_BULLETED_FEED_ITEM = _Pattern(r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s?(?:h|m|min|hrs?)\s+ago)\s+[A-Z\"“‘']")
_GLUED_CAPITALS = _Pattern(r"[a-z][A-Z][a-z]")
_GLUE_MARK = _Pattern(r"[a-z][A-Z]")
_GLUE_DIGIT = _Pattern(r"[a-z]\d|\d[A-Z]")  # a word glued to a number: a name to its date, a stamp to a place
# Where words glued together meet: "Facebook|X|Telegram|Copy".
_GLUE = _Pattern(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LOWER_WORDS = frozenset("of the and & for in to on at by from de la van von al el with a an".split())
_FUNCTION_END = frozenset(
    "the a an of to in on at for from with by and or but as that which who whose its his her their our "
    "your this these those than into onto over under between about against after before during through across "
    "via within without toward towards near among amid despite upon around along behind beyond".split()
)
_SITE_NAMES = frozenset(
    name.lower()
    for name in (
        "Russia Today",
        "RT",
        "RT News",
        "TASS",
        "Sputnik",
        "RIA Novosti",
        "Interfax",
        "Reuters",
        "AP",
        "Associated Press",
        "AFP",
        "BBC News",
        "Al Jazeera",
        "Deutsche Welle",
        "Kyiv Independent",
        "Ukrainska Pravda",
        "Ukrinform",
        "Daily8",
        # Round 8: outlets whose pages people copy, as their names stand alone or after a headline.
        *("Meduza", "Kyiv Post", "UNIAN", "Interfax-Ukraine", "Suspilne", "Hromadske", "NV", "Euromaidan Press"),
        *("RIA", "Izvestia", "Kommersant", "Novaya Gazeta", "Novaya Gazeta Europe", "Rossiyskaya Gazeta", "RBC"),
        *("DW", "BBC", "CNN", "Euronews", "France 24", "Politico", "RFE/RL", "Radio Liberty", "Radio Free Europe"),
        *("The Guardian", "Financial Times", "The Moscow Times", "Axios", "NPR", "Sky News", "ABC News"),
    )
)

# --- labels glued to the start of a sentence (rule 4) ----------------------
# A bullet sign may be glued to its item ("•Ukraine's status;"); a dash or a number needs its space.
_BULLET = _Pattern(r"(?:[-–—•*·▪►●◦‣]|\d{1,2}[.)])\s+|[•▪►●◦‣](?=\w)")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
# Places' letters: Latin-1 and the Central European ones too ("SÃO PAULO", "Türkiye", "ŁÓDŹ").
_UPPER = "A-ZÀ-ÖØ-ÞĄĆČĘĞİŁŃŒŘŚŞŠŤŮŹŻŽ"
_LOWER = "a-zß-öø-ÿąćčęğıłńœřśşšťůźżž"
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}'’.\-]+(?:[ \-/][{_UPPER}][{_UPPER}'’.\-]+){{0,2}}"
_TITLE_PLACE = rf"[A-Z][{_LOWER}'’\-]+(?:[ \-][{_UPPER}][{_LOWER}'’\-]+){{0,2}}"
_DATELINE_PREFIX = _Pattern(
    rf"(?:(?P<caps>{_CAPS_PLACE})|(?P<place>{_TITLE_PLACE}))"
    rf"(?:,\s*(?!{_MONTH}\s)(?P<second>{_TITLE_PLACE}|{_CAPS_PLACE})|\s*\((?P<region>{_TITLE_PLACE}|{_CAPS_PLACE})\))?"
    rf"(?:[,.]?\s*(?P<date>{_DAY_DATE}(?:,?\s+\d{{1,2}}[:.]\d\d)?))?\s*\.?\s*"  # a time after the date: "…, 14:05 —"
    # "(Reuters)", "(dpa)", "/TASS/", "INTERFAX -", and after a date "UNN." ("KYIV. Dec 2. UNN. ..."), "• Ukrinform —"
    r"(?P<agency>\(\s*(?:[A-Z][\w.&'’ \-]{0,30}|[a-z]{2,6})\)|/\s*[A-Z][\w.&'’ \-]{0,30}/|[A-Z][A-Z\-]{2,}(?=\s*[-–—])"
    r"|[A-Z][A-Z\-]{1,8}\.(?=\s+[A-Z\"“‘'«])|•\s*[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,2}(?=\s*[-–—]))?\s*\.?\s*"
    r"(?P<dash>[-–—]+)?[\s\u00a0]*"
    # an agency's name and its stop after the dash ("— NV. Grain ..."), not a title ("— At St. Josaphat ...")
    r"(?(dash)(?:[A-Z][A-Z\-]+\.(?=[A-Z][a-z])|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?"
    r"(?<!\bSt)(?<!\bMt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bRev)(?<!\bGen)(?<!\bNo)\.\s+(?=[A-Z\"“‘'«])"
    # the agency's name glued to the first sentence: "— Kitezh News.The Kremlin ..." (no title: "Mr.Berger")
    r"|(?!(?:Mr|Mrs|Ms|Dr|Gen|Col|Sen|Rep|Prof|St)\.)[A-Z][\w\-]+(?:\s+[A-Z][\w\-]*)?\.(?=[A-Z][a-z]+\s))?)"
)
# A briefing's or a report's title with its place and date, no full stop: "Briefing by the spokesperson, Vienna,
# 3 March 2026", "Operational update, 4 March 2026".
# Round 9: a place in capitals and a colon before the first sentence ("ISLAMABAD: Pakistan would ..."); an emoji
# and its variation selector before a paragraph ("⚡️ In Istanbul ...").
_CAPS_COLON_DATELINE = _Pattern(rf"{_CAPS_PLACE}:\s+(?=[A-Z\"“])")
# Round 15: the emoji glued to its paragraph too ("⚠️Due to ..."); a name's label after it stays ("🔴Budanov: there
# will be ..." is the channel's statement, as the golds keep it)
_SYMBOL_LABEL = _Pattern(r"(?:[^\w\s\"“‘'«(\[]\ufe0f?){1,3}(?:\s+(?=[A-Z\"“‘'«])|(?=[A-Z][a-z]))")
_TITLE_THEN_DATE = _Pattern(rf"[A-Z][^.!?]{{10,160}},\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}$")
# A site's name after a headline, as HTML titles have it: "... | PBN", "... - The Podil Post", "... - Britannia News".
_SUFFIX_MARK = _Pattern(r"\s[|\-–—]\s")
_SITE_SUFFIX = _Pattern(r"\s+(?:(?P<pipe>\|)|[-–—])\s+(?P<the>The\s+)?[A-Z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*){0,3}$")
# The last word of a site's name, when it has no "The" and no pipe before it.
_MEDIA_WORDS = frozenset(
    "news post herald times journal tribune gazette daily weekly press wire media network channel radio tv "
    "broadcast service agency telegraph chronicle standard observer review ledger dispatch online".split()
)
# An agency tag glued to a dateline in capitals: "RT-MOSCOW does ...".
_AGENCY_GLUED = _Pattern(r"[A-Z]{2,6}-(?=[A-Z]{3,}\s+[a-z])")
# An agency's short tag (two capitals or more) and a stop glued to a sentence; "Mr.Smith" has one capital.
_AGENCY_TAG_GLUED = _Pattern(r"[A-Z][A-Za-z]{1,5}\.(?=[A-Z][a-z]+ [a-z])")
_SOURCE_TAG = _Pattern(r"\(\s*[A-Z][\w.&'’/ \-]{0,30}\)\s*[-–—]*\s*(?=[A-Z\"“‘'«])")
_LABEL = _Pattern(
    r"(?:quote|quotes|context|summary|background|update|updated|editor'?s\s+note|note|analysis|explainer"
    r"|fact\s+check|key\s+points?|in\s+brief|breaking(?:\s+news)?|exclusive|urgent|flash|alert|developing"
    r"|reminder|recall|details|detail|what\s+we\s+know|why\s+it\s+matters|the\s+big\s+picture|bottom\s+line"
    r"|important|source|sources|question|answer|q|a|comment|reference|for\s+reference|what\s+happened"
    # round 17: a story's genre on a card or a headline ("Opinion: ...", "Op-ed | ...")
    r"|opinion|op-?ed|commentary|editorial|column|guest\s+essay"
    r"|(?:quote|statement|words)\s+(?:from|by|of)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
    r"|what\s+preceded|as\s+a\s+reminder|literally|direct\s+speech|quotation|scoop|in\s+(?:pictures|photos)"
    # fact checks' boxes and timelines
    r"|(?:the\s+)?claim|(?:our\s+)?verdict|(?:our\s+)?rating|ruling|in\s+short|timeline|chronology|tl;?\s?dr"
    r"|live|live\s+updates|recap|catch\s+up|explained"
    # round 10: a live page's name before its headline ("Ukraine war live: ...")
    r"|(?:[\w'’\-]+\s+){1,3}live(?:\s+updates)?(?=\s*:\s*(?-i:[A-Z\"“‘])))"
    r"(?:\s*\([^()]{1,40}\))?\s*(?::|—|–|\|)\s*",
    re.IGNORECASE,
)
_BULLET_FIRST = frozenset("-–—•*·▪►●◦‣0123456789")
# Editors' initials under a wire story: "bur-ams/jj", "ph-sl/as".
# The desk's initials, and (round 15) the agencies after them: "kg/rm (dpa, AFP)"
_EDITOR_TAG = _Pattern(
    r"[a-z]{1,5}(?:-[a-z]{1,5})*/[a-z]{1,5}(?:[-/][a-z]{1,5})*(?: \([A-Za-z]{2,8}(?:, ?[A-Za-z]{2,8}){0,3}\))?$"
)
# A byline in lower case at the start of a line: "by Olena Moroz".
_BYLINE_START = _Pattern(r"by [A-Z][\w'’\-]+ [A-Z]")
_RELATED_LINK = _Pattern(
    r"(?:Also on (?!(?:the|this|that|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[\w'’. ]{1,30}"
    r"|Also read|Read (?:also|more|next)|See also|Related)\s*:\s"
)
# A byline alone on its line: "by Olena Moroz", "by Olena Moroz and Tom Reed".
# Round 13: any space but a line break between the names, as pages set no-break spaces ("Anna Berg\u00a0and ...")
_BYLINE_NAME = r"(?:[A-Z][\w'’.\-]+[^\S\n]){1,3}[A-Z][\w'’\-]+"
_BYLINE_ALONE = _Pattern(
    rf"by[^\S\n]{_BYLINE_NAME}(?:(?:,|[^\S\n]and|[^\S\n]&)[^\S\n]{_BYLINE_NAME})?"
    # round 17: an outlet's desk for a byline, "by The Lukianka Herald news desk", "by Harbour Line staff"
    r"(?:[^\S\n](?:news[^\S\n]|foreign[^\S\n]|live[^\S\n])?(?:desk|staff|team|newsroom))?"
)
# Titles that stand before a name: a line that ends with one goes on with the name ("Lt. Col." + "Oleh ...").
_NAME_TITLES = frozenset("Mr Mrs Ms Dr Gen Col Lt Sgt Capt Maj Adm Gov Sen Rep Prof Rev Amb Lieut Cmdr Brig".split())
# A dateline's marks ("(", "/", a dash) or a month's name: cheap tests before the dateline's pattern. The months
# alone, so that the search skips to their capitals (a mark's class in the pattern made it try every position).
_DATELINE_MARKS = "(/-–—"
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_HINT = _Pattern("|".join(_MONTH_NAMES))
_MONTH_SET = frozenset(_MONTH_NAMES)
_LABEL_MARKS = ":—–|"
_BARE_LABEL_WORDS = ("Summary", "SUMMARY", "Update", "UPDATE", "Breaking", "BREAKING", "Exclusive", "EXCLUSIVE")
_BARE_LABEL_WORDS += ("Background", "BACKGROUND", "Context", "CONTEXT", "Recap", "RECAP", "Reminder", "REMINDER")
_BARE_LABEL_WORDS += ("Explainer", "Analysis")
_ABOUT_HEADING = _Pattern(r"About (?:the |us$|[A-Z])[^\d.!?]*$")
_SUBHEAD_FIRST = frozenset("What Why How Where Who When Our".split())
# Character tests as patterns: a pattern scans a string in C, a set would look up every character.
_ARROWS = "→›↗➔⟶▸➜"
# Round 13: what a link's button starts with, before an outlet's name and an arrow ("Continue on The Harbour Post →")
_LINK_VERBS = ("read ", "continue ", "open ", "view ", "see ", "go ", "visit ", "watch ", "listen ", "full ", "more ")
# A caption with no verb: a person, where, and the month the photo was taken ("Name at the border, March 2026.").
_DATED_CAPTION = _Pattern(
    rf"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){{1,3}} (?:in|at|during|near|outside|inside|on) "
    rf"(?![^.!?]*\b(?:is|are|was|were|has|have|had|said|says|will|would)\b)[^.!?]{{3,90}}, "
    rf"(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}},?)? \d{{4}}\.$"
)
_DIGITS = "0123456789"
_DIGIT = _Pattern(r"\d")  # any script's digits, for the few lines that are not ASCII
_COLUMN_GAP = _Pattern(r"\S(?:\t|   +)\S")
_TOPIC_STARTS = ("On ", "Regarding ", "Concerning ")
_EXCLAMATION_END = _Pattern(r"(?<=!) +")
_TERMINAL_SET = frozenset(_TERMINAL)
_BYLINE_STARTS = (
    *("by", "from", "text", "words", "author", "review", "analysis", "interview", "commentary", "column"),
    *("posted", "filed", "published", "edited", "translated", "checked", "fact-checked", "verified"),
    *("written", "reported"),  # round 13: a live page's authors, "Written by Ana Ruiz, Tom Reed and Li Wei"
)
_BYLINE_STARTS += ("essay", "opinion", "story")
# One-word replies, in interviews and briefings: a sentence of their own, unlike a fragment such as "Meanwhile.".
_REPLIES = frozenset(
    "yes. no. thanks. right. sure. okay. ok. exactly. absolutely. correct. indeed. agreed.".split()
    # round 12: a chair's one-word replies in a transcript ("Good. Let us continue in closed format.")
    + "good. fine. great. excellent. understood. certainly. perfect. wonderful.".split()
    # round 15: a guest's one-word answer by degree ("Partly. Look, we could ...")
    + "partly. mostly. maybe. perhaps. probably. possibly. definitely. never. hardly. true. yeah.".split()
)
# A short label in sentence case before a paragraph: "Between the lines: ", "What they’re saying: ".
_SHORT_LABEL = _Pattern(r"[A-Z][a-z'’]*(?: [a-z'’]+){1,3}: (?=[A-Z\"“‘][^:]*\w \w+ \w+ \w)")
_BARE_LABEL = _Pattern(
    r"(?:Summary|SUMMARY|Update|UPDATE|Breaking|BREAKING|Exclusive|EXCLUSIVE)(?:\s+|\s+\d{1,2}-)(?=[A-Z\"“])"
    # round 9: a label word and its stop glued to the paragraph ("Background. Russian and ...")
    r"|(?:Background|BACKGROUND|Context|CONTEXT|Recap|RECAP|Reminder|REMINDER|Explainer|Analysis)\.\s+(?=[A-Z\"“])"
)
# Round 17: a speaker's role before the name and a comma: in capitals, or a show's role.
_ROLE_BEFORE_SPEAKER = (
    r"(?:[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?|Host|Co-host|Guest|Presenter|Moderator|Interviewer|Anchor|Narrator"
    r"|Caller|Panellist|Panelist)"
)
# A speaker and, in a transcript, the speaker's role: "ALLA ZIMINA (presenter): ".
# Round 10: the colon may be glued to the answer ("Okno TV:Mr. Ryabkov, ...", "Vladimir Putin:I would ...").
_SPEAKER = _Pattern(
    # round 17: a role in capitals and a comma before the name, "HOST, ANNA BERG: ...", "GUEST, DR. LEV ORLOV: ...",
    # or a show's role by name ("Host, Anna Berg: ...")
    rf"(?:{_ROLE_BEFORE_SPEAKER},\s+(?=[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,3}}\s*:))?"
    # round 14: a rank's bracketed suffix after the first word, "GEN. (RET.) ANNA BERG: ..."
    r"[A-Z][\w.'’\-]*(?:\s+\([A-Z][\w.'’\-]*\))?(?:\s+[A-Z][\w.'’\-]*){0,3}(?:\s*\([a-z][^()]{0,30}\))?\s*:"
    r"(?:\s+(?=[A-Z\"“‘'«])|(?=[A-Z]))"
)
# A capital after a small letter or a closing quote; the capital first, so that the engine skips to candidates.
_HEADLINE_GLUE_MARK = _Pattern(r"[A-Z](?<=[a-z\"”’][A-Z])[a-z]")
_GLUED_HEADLINE = _Pattern(r"(?:[^\s.!?]+[ \u00a0]+){3,24}[\"“‘]?[a-z]{2,}[\"”’]?(?=[A-Z][a-z])")
# A footnote mark: after a sentence's stop it is furniture ("said.[3]"), and it heads each note of a notes list.
_FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MARK_ENDS = "]" + _FOOTNOTE_MARKS
_MARK_AT_END = _Pattern(r"(?<=[.!?…\"'”’»)])(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_MARK_AT_START = _Pattern(r"(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=[A-Z\"“‘'«])")
_NOTE = _Pattern(rf"(?:\[\d{{1,3}}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S.*(?:\d{{4}}|{_DAY_DATE})\.?$")
# A date or a time before a dash or a colon heads a timeline's or a feed's item: "15 January — ", "Sept 9: ",
# "Ural Segodnya, 07:15 — " (a source's name before a time; before a date, "MOSCOW, June 6 —" is a dateline).
_ITEM_STAMP = _Pattern(
    rf"(?:(?:[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){{0,4}},\s+)?\d{{1,2}}[:.]\d\d|{_DAY_DATE}(?:,?\s+\d{{1,2}}[:.]\d\d)?)"
    r"\s*(?:[—–]|-|:)\s+(?=[A-Z\"“‘'«])"
)
# A transcript's stage note: "(Laughs.)", "[Applause]", "(inaudible)".
_STAGE_NOTE = _Pattern(
    r"[(\[](?:laughs?|laughter|applause|inaudible|crosstalk|pause|sighs?|unintelligible|coughs?|music|silence)"
    r"\.?[)\]]\.?(?=\s|$)",
    re.IGNORECASE,
)
_TIME_CODE = _Pattern(r"[\[(]\d{1,2}:\d\d(?::\d\d)?[\])]\s*(?=[A-Z\"“‘'«])")
_SPEAKER_LINE = _Pattern(
    r"^[ \t]*(?:[\[(]\d{1,2}:\d\d(?::\d\d)?[\])][ \t]*)?"  # a time code may come first: "[00:01:58] ZIMINA: "
    rf"(?:{_ROLE_BEFORE_SPEAKER},[ \t]+)?"  # round 17: "HOST, ANNA BERG: "
    r"[A-Z][\w.'’\-]*(?:[ \t]+\([A-Z][\w.'’\-]*\))?(?:[ \t]+[A-Z][\w.'’\-]*){0,3}[ \t]*:(?:[ \t]+[A-Z\"“‘'«]|[A-Z])",
    re.MULTILINE,
)


class Statement(NamedTuple):
    """One statement found in a text (immutable; a named tuple, which is quick to make).

    Attributes
    ----------
    text : str
        The statement, exactly ``source[start:end]`` of the segmented text.
    start, end : int
        Character offsets of the statement in the segmented text.
    """

    text: str
    start: int
    end: int


# Makes a Statement from (text, start, end) without the named tuple's __new__, a Python function (3x slower).
_statement = functools.partial(tuple.__new__, Statement)


def _has_any(text: str, chars: str) -> bool:
    """Whether ``text`` holds one of ``chars``: a string search per character is faster than a pattern's class."""
    for char in chars:
        if char in text:
            return True
    return False


def _plain(line: str) -> str:
    """A line as it looks: Unicode look-alikes folded (NFKC), invisible characters dropped, spaces collapsed."""
    # Printable means no tab, no soft hyphen or zero-width character and no space other than " ".
    if line.isprintable() and "  " not in line:
        if line.isascii() or (unicodedata.is_normalized("NFKC", line) and "ʼ" not in line):
            return line  # nothing to fold: most lines
    elif _INVISIBLE_CHAR.search(line):
        line = line.translate(_DELETE_INVISIBLE)
    if not line.isascii():
        if not unicodedata.is_normalized("NFKC", line):
            line = unicodedata.normalize("NFKC", line)
        if "ʼ" in line:
            line = line.replace("ʼ", "'")
    return " ".join(line.split())


def _is_terminal(plain: str) -> bool:
    """Whether a line ends like a sentence: terminal punctuation, perhaps inside closing quotes or brackets."""
    stripped = plain.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def is_furniture(line: str) -> bool:
    """Tell whether a whole line is web furniture rather than news text, by its shape alone.

    Parameters
    ----------
    line : str
        One line of an article, with or without surrounding whitespace.

    Returns
    -------
    bool
        True for lines such as "Hashtags", "6 hours ago", "- Russia Today",
        "VLADIVOSTOK", "5 November 2024 14:07", "Share Print", "Tags: ...",
        "Photo: ...", "By Ivan Petrov, staff correspondent" or a cookie
        notice. A line that has a headline's shape ("Talks resume", "Iryna
        Kovalchuk") is not furniture by itself: :func:`segment` keeps it in a
        headline's place and drops it elsewhere, and it also drops furniture
        that only its context shows (headlines under "Related news", a
        caption next to its credit).

    Examples
    --------
    >>> is_furniture("No comments yet...")
    True
    >>> is_furniture("Putin says Russia ready for talks with Ukraine")
    False
    """
    return _furniture_shape(line, _plain(line)) == _FURNITURE


def _is_interface(low: str) -> bool:
    """Whether a lower-cased line is an interface string: a prefix, a copyright notice, a bare link."""
    starts = _INTERFACE_STARTS.get(low[:1])
    if starts and low.startswith(starts) and _INTERFACE_LINE.match(low):
        return True
    if low[:1] in "pabtlrifc" and low.find(":", 3, 26) != -1 and _CAPTION_PREFIX.match(low):
        return True
    if "©" in low and _COPYRIGHT_END.search(low):
        return True  # a site's name and its copyright: "Northwind Courier © 2026."
    if "all rights reserved" in low or low.endswith((", opens new tab", "new window)", "new tab)")):
        return True
    if " " not in low and "/" in low and _SCHEMELESS_LINK.match(low):
        return True  # "pic.twitter.com/x7Kq2", "t.me/channel/812": a bare link without its scheme
    # A bare link, or one after a few words ("More at www.site.example", "Full text: https://..."); a sentence
    # that ends with an address ("The ministry put the text on its website, www.mfa.example.") is news.
    space = low.rfind(" ")
    if len(low) > 140 or not low.startswith(("http://", "https://", "www."), space + 1):
        return False
    return low.count(" ") <= 6 or low[space - 1] == ":"


def _is_boilerplate(low: str, tokens: list[str] | None = None) -> bool:
    """Whether a lower-cased line or sentence is site boilerplate (a cookie notice, an appeal).

    ``tokens`` are the line's words (``low.split()``) when the caller has them: only the patterns
    keyed by a word the line holds are tried.
    """
    if low.startswith(_BOILERPLATE_FIRST) and _BOILERPLATE_START.match(low):
        return True
    words = low.split() if tokens is None else tokens
    hits = _ANY_KEYS.intersection(words)  # one pass over the words for both tests
    if not hits and not low.startswith(_APPEAL_FIRST):
        return False
    for token in _HINT_KEYS.intersection(hits):
        if any(pattern.search(low) for pattern in _BOILERPLATE_BY_WORD[_HINT_TOKENS[token]]):
            return True
    return _is_site_talk(low, words, hits)


def _is_sourced_sentence(plain: str, note: int) -> bool:
    """Round 13: a sentence of news before its source note ("... has said that ... . Source: Ostapenko in an
    interview with ..."), not a caption before its credit: the note is cut off and the sentence kept."""
    return plain[note] in "Ss" and plain[: note - 1].count(" ") >= 12 and plain[note - 2] in _TERMINAL_SET


def _role_in_place(low: str, low_words: list[str]) -> bool:
    """ "Courier correspondent in Geneva": a role, then "in" or "at" and one or two words, at the end."""
    last = low_words[-3:-1]
    return ("in" in last or "at" in last) and bool(_ROLE_IN_PLACE.match(low))


def _furniture_shape(raw: str, plain: str) -> int:
    """:data:`_KEEP`, :data:`_FURNITURE` (wherever it stands) or :data:`_HEADLINE_SHAPED` (by position).

    Each pattern is tried only when the line has what it needs (a digit, a slash, a colon, a first
    word): most lines are news text, and they should cost a few string tests.
    """
    if not plain:
        return _FURNITURE
    if len(plain) > _MAX_FURNITURE_CHARS:
        return _KEEP
    if not plain[0].isalpha():
        if not any(c.isalpha() for c in plain):
            return _FURNITURE
        if (plain[0] == "[" or plain[0].isdigit()) and _NOTE.match(raw.strip()):  # "¹" is "1" once folded (NFKC)
            return _FURNITURE  # a notes list's citation: "[2] Statement by the ministry, 14 June 2024."
        if plain[0] in "([" and len(plain) <= 20 and (note := _STAGE_NOTE.match(plain)) and note.end() == len(plain):
            return _FURNITURE  # a transcript's note on a line of its own: "(Laughs.)"
    low = plain.lower()
    if _is_interface(low):
        return _FURNITURE
    if plain[-1] in _ARROWS and (plain.count(" ") <= 5 or plain.count(" ") <= 10 and low.startswith(_LINK_VERBS)):
        return _FURNITURE  # a link's button: "Open at source →", "All stories ›", "Continue on The Daily Wire →"
    if plain[-5:-1].isdigit() and len(plain) <= 160 and _DATED_CAPTION.match(plain):
        return _FURNITURE  # a portrait's caption with no credit: "Nino Beridze in her office in Tbilisi, May 2026."
    terminal = plain.rstrip(_CLOSERS)[-1:] in _TERMINAL_SET
    low_words = low.split()  # once: the boilerplate patterns are keyed by them
    if terminal and len(plain) > 60 and len(low_words) > 12:
        # A sentence: only site boilerplate and captions with a position mark are furniture.
        if _is_boilerplate(low, low_words) or "(" in plain and len(low_words) <= 45 and _PHOTO_POSITION.search(plain):
            return _FURNITURE
        return _KEEP
    words = plain.split()
    if not terminal and len(words) <= 4 and words[-1][0] == "@" and _HANDLE_SOURCE.match(plain):
        return _FURNITURE  # round 17: a repost's source account, "Posted from @kharkiv_ops", "Via @eastern_desk"
    if not terminal or len(words) <= 12:  # stamps, bylines and credits are short or end without a stop
        digit = _has_any(plain, _DIGITS) or not plain.isascii() and _DIGIT.search(plain) is not None
        if digit and _DATE_STAMP.match(plain):
            return _FURNITURE
        if digit and _SECTION_AFTER_DATE.search(plain) and _DATE_STAMP.match(_SECTION_AFTER_DATE.split(plain)[0]):
            return _FURNITURE
        if digit and not terminal and _SUFFIX_MARK.search(plain):
            dated = _DATED_TITLE.match(plain)
            if dated and _DATE_STAMP.match(dated.group("date")):
                return _FURNITURE  # a title in capitals and its date: "Weekly Press Briefing – 4 May 2026"
        if digit and not terminal and ", " in plain and _TITLE_THEN_DATE.match(plain):
            return _FURNITURE
        if digit and not terminal and ": " in plain:
            label, _, rest = plain.partition(": ")
            if label.count(" ") <= 3 and _DATE_STAMP.match(rest):
                return _FURNITURE  # a newsletter's title and its date: "Evening briefing: Monday, 1 December"
        if (plain[-1] == ")" or plain[-1].islower()) and not terminal and not digit and _is_outlet_with_kind(plain):
            return _FURNITURE  # round 17: a site's name and its kind, "<Broadcaster> (UK public broadcaster)"
        if digit and plain[-1] == ")" and not terminal:
            dateline = _DATELINE_PREFIX.fullmatch(plain)
            if dateline and dateline.group("date") and dateline.group("agency"):
                return _FURNITURE  # a dateline on a line of its own: "Kyiv, December 2 (Reuters)"
        if plain[-1] in "-–—" or plain[-1] == "." and plain[-2:-1] in ")/":
            # A dateline on a line of its own, ending in its dash or its agency: "TOKYO -", "Paris (AFP) -",
            # "UZHHOROD, 19 January (Dnipro Wire)."; a place alone with a dash needs capitals ("Kremlin —" stays).
            dateline = _DATELINE_PREFIX.fullmatch(plain)
            if dateline and (
                dateline.group("date")
                or dateline.group("agency")
                or dateline.group("caps")
                # "Paris (AFP) -", "Kyiv, Ukraine –"
                or dateline.group("dash")
                and (dateline.group("region") or dateline.group("second"))
            ):
                return _FURNITURE
        if low.startswith(_BYLINE_STARTS) and _BYLINE.match(plain):
            return _FURNITURE
        if ":" in plain and _RATING.match(plain):
            return _FURNITURE
        if not terminal and "," in plain and plain.isupper() and _CAPS_CREDIT.match(plain):
            return _FURNITURE
        if not terminal and plain.endswith(("Staff", "Staff Writer", "Staff Reporter", "Staff Correspondent")):
            if _NAME_STAFF.match(plain):
                return _FURNITURE
        if "/" in plain and _CREDIT.match(plain) or len(plain) <= 40 and _CREDIT_SHAPE.match(plain):
            return _FURNITURE
        if plain[0] == "(" and " for " in plain and _CREDIT_FOR.match(plain):
            return _FURNITURE
        if "," in plain and (_NAME_AND_ROLE.match(plain) or _DESK_AND_AGENCY.match(plain) or _NAME_FROM.match(plain)):
            return _FURNITURE
        if not terminal and low.endswith(_AGENCIES_END) and _NAME_WITH_AGENCIES.match(plain):
            return _FURNITURE  # round 12: a byline without "By", "Rita Valadares with agencies"
        if ":" in plain and (_CREW.match(plain) or _CREDITS_LINE.match(plain)):
            return _FURNITURE
        if plain.startswith("With our ") and _WITH_CORRESPONDENT.match(plain):
            return _FURNITURE
        if "@" in plain and not terminal and len(words) <= 15 and _HANDLE_OR_EMAIL.search(plain):
            return _FURNITURE  # an embedded post's signature "(@handle)", a contact's e-mail address
        if not terminal and len(words) <= 5 and ": " in plain:
            label = _LABEL.match(plain)
            if label and len(plain[label.end() :].split()) <= 2:
                return _FURNITURE  # a fact check's box: "Verdict: Misleading", "Rating: Mostly false"
        if plain[0] == "S" and digit and not terminal and ": " in plain and _DATED_SOURCE.match(plain):
            return _FURNITURE
        if ": " in plain and plain[0] in "SVC" and not terminal and _SOURCE_LINE.match(plain):
            return _FURNITURE  # "Source: CNN", "Via: Kyiv Post": a credit, not a label before a sentence
        if ": " in plain and _BYLINE_LABEL_MARK.search(plain):
            labelled = _LABELLED_BYLINE.match(plain)
            rest = labelled.group("rest").strip(" ,|-–—") if labelled else None
            if rest is not None and (not rest or _DATE_STAMP.match(rest)):
                return _FURNITURE  # "Responsible editor: Wang Li 2026-11-02 08:14:55"
        if " in " in plain and (" and " in plain or ", " in plain) and _REPORTERS_IN_PLACES.match(plain):
            return _FURNITURE  # "Ines Moll in Kyiv and Tom Brandt in Washington": the reporters of a story
        if plain[0] == "(" and plain[-1] == ")" and _BRACKET_NOTE.match(plain):
            return _FURNITURE  # a table's or a chart's note: "(Unit: US$ million)"
        if plain[0] == "[" and plain[-1] == "]" and (not any(c.islower() for c in plain) or len(words) <= 3):
            # a transcript's note in capitals, "[MUSIC]", "[BREAK FOR NEWS — NOT TRANSCRIBED]"; round 13: a
            # bracketed label of a few words, "[Pull quote]", "[Editor's note]"
            return _FURNITURE
        if terminal and " report" in low and _CREDIT_SENTENCE.match(plain):
            return _FURNITURE  # round 13: "A Kherson correspondent reports.", "Lind reported from Riga; Vos ..."
        if plain[0] == "—" and plain[1:2] == " " and not terminal and len(words) <= 4 and " " in plain[2:]:
            if _is_name(plain[2:]):
                return _FURNITURE  # round 13: a live post's author under it, "— Marta Lind"
        if digit and not terminal and plain[0].isupper() and _CLOCK.search(plain):
            named = _NAME_BEFORE_DATE.match(plain) or _PLACE_BEFORE_DATE.match(plain)
            if named and _DATE_STAMP.match(plain[named.end() :]):
                return _FURNITURE
        if digit and not terminal and _CLOCK.search(plain) and (placed := _STAMP_THEN_PLACE.match(plain)):
            if _DATE_STAMP.match(placed.group(1)) and _MONTH_OR_YEAR.search(placed.group(1)):
                # round 14: a transcript's date, time and place, "14 May 2026, 11:00 The Kremlin" (round 16: or with
                # a comma after the time, "2 June 2026, 09:40, Government House, Kyiv")
                return _FURNITURE
        if digit and plain[:2].isupper():
            glued = _CAPS_NAME_THEN_DATE.match(plain)
            if glued and _DATE_STAMP.match(plain[glued.end() :].lstrip(" ,|-–—")):
                return _FURNITURE
        if digit and not terminal and len(words) <= 8 and _GLUE_DIGIT.search(plain):
            glued = _NAME_GLUED_DATE.match(plain)
            if glued and _DATE_STAMP.match(plain[glued.end() :]):
                return _FURNITURE
            glued = _STAMP_GLUED_PLACE.match(plain)
            if glued and _DATE_STAMP.match(glued.group(1)):
                return _FURNITURE
    if (plain[-1] == ")" or "/" in plain) and len(words) <= 45 and _CREDIT_AFTER_SENTENCE.search(plain):
        return _FURNITURE
    if not terminal and " for " in plain[-60:] and len(words) <= 45 and _CREDIT_FOR_AFTER_SENTENCE.search(plain):
        return _FURNITURE  # round 15: a caption and its credit for the paper, "... on Sunday. Ana Ruiz for The Ledger"
    if "(" in plain and len(words) <= 45 and _PHOTO_POSITION.search(plain):
        return _FURNITURE
    if terminal and len(words) > 12:
        return _FURNITURE if _is_boilerplate(low, low_words) else _KEEP
    if plain[-1] in ")]" or ":" in plain or "©" in plain or low.endswith(("photo", "photo.")):
        caption = _CAPTION_END.search(plain, max(0, len(plain) - 150))
        if caption and caption.start() > 0 and not _is_sourced_sentence(plain, caption.start()):
            return _FURNITURE
        if _CAPTION_GLUED.search(plain):
            return _FURNITURE
    if _is_boilerplate(low, low_words):
        return _FURNITURE
    if terminal and len(words) > 6:
        return _KEEP
    bullet = _BULLET.match(plain) if plain[0] in _BULLET_FIRST else None
    if plain[bullet.end() if bullet else 0 :].rstrip(":.").strip().lower() in _SITE_NAMES:
        return _FURNITURE
    if _all_interface(low_words):
        return _FURNITURE
    if len(plain) <= 8 and _INITIALS_ALONE.match(plain):
        return _FURNITURE  # round 15: a menu's section in initials on its line, "U.S.", "N.Y."
    wordmark = len(words) >= 4 and not terminal and (plain[0].islower() or words[0].isupper())
    if wordmark and _all_interface(low_words[1:]):
        # round 13: a site's wordmark in lower case before its menu, "newsly For you Top stories"; round 15: in
        # capitals, "DEEPWATER Episodes Hosts Donate"
        return _FURNITURE
    if terminal:
        if len(words) <= 3 and "," in plain and _PLACE_AND_STATE.match(plain):
            return _FURNITURE  # "Washington, D.C.", "Columbus, O.": a transcript's place line
        return _KEEP
    if len(words) <= 8 and (low_words[0] in _SECTION_HEAD_FIRST or len(words) > 1 and low_words[1] in _THINGS):
        if _SECTION_HEAD.match(low.rstrip(": ")):
            return _FURNITURE  # a newsletter's section head: "The big story", "Three things to know today"
    if "°" in plain and len(words) <= 3 and _TEMPERATURE.search(plain):
        return _FURNITURE  # a weather box: "−38 °C Salekhard", "Kyiv +3°C"
    if "°" in plain and len(words) <= 8 and low.startswith("weather") and _WEATHER_BOX.match(low):
        return _FURNITURE  # round 12: a labelled weather box, "Weather: −7°C, light snow"
    if digit and len(words) <= 12 and len(_QUOTE_TICK.findall(plain)) >= 2 and not any(w[0].islower() for w in words):
        return _FURNITURE  # a markets ticker: "USD 41.25  EUR 43.10", "+7 °C USD 81.40 EUR 94.12"
    if plain[-1] == "*" and len(words) <= 4:
        return _FURNITURE  # a form's required field: "Name *", "Email address *"
    if len(words) == 1 or (plain[0].isdigit() and _FEED_ITEM.match(plain)):
        return _FURNITURE  # a label, a tag, a place; "14:07 Zelensky meets ...": a news-feed line
    if plain[0] in _BULLET_CHARS and plain[-1] not in ";,:" and (bullet := _BULLET.match(plain)):
        if _BULLETED_FEED_ITEM.match(plain, bullet.end()):
            return _FURNITURE  # round 12: a live page's key events, "• 14:40 Lavrov sets ...", links to its posts
    if len(words) == 2 and plain[0] not in _BULLET_FIRST and unicodedata.category(plain[0]) == "So":
        return _FURNITURE  # a section's label after an emoji: "🔴 FRONT" (a bullet's item stays)
    # Separators are a mark or a run of spaces (the split at spaces then disagrees with the count of them).
    if _has_any(raw, _MENU_MARKS) or raw.count(" ") + 1 != len(raw.split()):
        # A line break is one separator, as "\r\n" too: a headline wrapped over two lines is no menu.
        items = [
            item
            for item in _MENU_SEPARATORS.split(raw.strip().replace("\r\n", "\n") if "\r" in raw else raw.strip())
            if item
        ]
        count, longest = len(items), max(len(item.split()) for item in items)
        if count >= 2 and longest <= 4 and (count >= 3 or "  " not in raw) or count >= 3 and longest <= 6:
            return _FURNITURE  # menu items set apart by separators: "World | Business", "Kyiv • Eastern Wire"
        if count >= 2 and all(_is_name(item) or _furniture_shape(item, _plain(item)) == _FURNITURE for item in items):
            return _FURNITURE  # a byline and its date stamps: "Ana Ruiz · Posted: May 4, 2026 | Updated: 1 hour ago"
        if (
            count >= 3
            and unicodedata.category(plain[0]) == "So"
            and all(_furniture_shape(item, _plain(item)) == _FURNITURE for item in items[1:])
        ):
            return _FURNITURE  # round 10: a reposted post's header, "📌 Air Force of Ukraine · 2 Dec 09:05 · 👁 120K"
    glued = len(words) <= 8 and _GLUE_MARK.search(plain) is not None
    if glued and len(_GLUED_CAPITALS.findall(plain)) >= 2:
        return _FURNITURE  # menu items or tag names glued together: "WorldRussiaEconomy"
    if glued and len(words) <= 6 and all(t in _INTERFACE_WORDS for t in _GLUE.sub(" ", plain).lower().split()):
        return _FURNITURE  # share buttons glued together: "FacebookXTelegramCopy link"
    if len(words) >= 6 and (" - " in plain or "/" in plain) and not any(c.islower() for c in plain):
        return _FURNITURE  # a credit notice in capitals, "MANDATORY CREDIT - NO MARKETING ...", not a headline
    if not any(c.islower() for c in words[0]) and _DATELINE.match(plain):
        return _FURNITURE  # "VLADIVOSTOK", "WASHINGTON, D.C."
    if len(words) <= 4 and low_words[-1].strip(_TOKEN_PUNCT) in _ROLE_WORDS or _role_in_place(low, low_words):
        return _FURNITURE  # "Kyiv correspondent", "Senior political editor", "Courier correspondent in Geneva"
    small = [w for w in words if w[0].islower()]
    if len(words) <= 12 and small and _is_role_byline(words):
        return _FURNITURE  # "Anna Berg (Vienna, correspondent)", "Tom Reed Asia correspondent, Reporting from Seoul"

    if plain[-1] in ";," and plain[0] in _BULLET_FIRST and _BULLET.match(plain):
        return _KEEP  # a list's item: "1) a ceasefire;" under "... three conditions:"
    function = sum(1 for w in small if w.rstrip(":") in _LOWER_WORDS)
    if plain[-1] == ":" and function == len(small) and len(words) <= 8:
        return _FURNITURE  # a speaker's or a label's line: "President of Russia Vladimir Putin:", "Quote from Kyiv:"
    if len(words) <= 3 or function == len(small) or not function and len(words) >= 6 and len(small) <= 0.4 * len(words):
        # Two or three words ("Talks resume", "Iryna Kovalchuk", "Most read"), capitalised words only
        # ("Kremlin Open to Talks"), or mostly, with no function word ("News feed Politics War Economy
        # Special projects"): a headline in a headline's place, a menu elsewhere. A headline starts with a
        # capital: "and Anna Berg" is the rest of a byline.
        if plain[0].islower():
            return _FURNITURE
        if not small and len(words) >= 4 and sum(w.lower() in _MENU_WORDS for w in words) >= 0.6 * len(words):
            return _FURNITURE  # a menu of section names ("News Business Sport Opinion Lifestyle"), not a headline
        if small and len(words) >= 6 and not terminal and _is_section_menu(words):
            return _FURNITURE  # round 17: the same with small words, "Ministry Press office Visa services Contacts"
        return _HEADLINE_SHAPED
    if len(words) >= 6 and not terminal and _is_section_menu(words):
        return _FURNITURE  # round 17: an institution's menu, "About the Agency Press office Public hearings Contacts"
    return _KEEP


# Sections of a news site, as its menus list them: words that name a page's part, not news.
_SECTION_WORDS = frozenset(
    """
    news world politics business economy economics finance markets sport sports culture society opinion opinions
    lifestyle life science health entertainment style travel weather photo photos video videos multimedia regions
    region incidents announcements motoring tech technology sci-tech climate environment education interviews
    columns blogs podcasts analytics analysis features explainers archive local national international home
    latest live newsletters subscribe specials investigations arts books food fashion autos cars games puzzles
    energy defence defense security military diplomacy crime justice agriculture transport infrastructure media
    feed official sections movies films film theater theatre music tv television
    """.split()
)
# Round 17: the sections of an institution's site (a ministry, an agency, a council), as its menu names them; with
# _SECTION_WORDS they make a menu of section names that has small words in it ("Press centre", "Regulatory acts").
_INSTITUTION_SECTIONS = frozenset(
    """
    about contacts contact press centre center office documents legislation regulatory acts laws decrees orders
    resolutions consultations hearings procurement procurements tenders vacancies careers structure leadership
    management departments services appeals reports releases statements publications projects programmes programs
    activities partners history mission team staff faq calendar e-services citizens anti-corruption open data
    briefings consular embassies consulates missions visas policy decisions meetings sessions service
    """.split()
)
_MENU_WORDS = _SECTION_WORDS | _INSTITUTION_SECTIONS


def _is_section_menu(words: list[str]) -> bool:
    """Round 17: whether an unfinished line of six words or more is a menu of section names with small words.

    Each item starts with a capital and may go on in lower case, so the line has four capitalised words or more
    and a lower-case word that is no function word (a headline in sentence case has one capital or two, a
    headline in title case no such lower-case word); seven in ten of its words that are no function words name
    sections ("About the Agency Press office Public hearings Contacts"); it ends with a section's word and has no
    digit.
    """
    if not words[0][0].isupper() or words[-1].lower() not in _MENU_WORDS:
        return False
    content = [w for w in words if w.lower() not in _LOWER_WORDS]
    capitals = sum(w[0].isupper() for w in content)
    if len(content) < 5 or capitals < 4 or capitals == len(content):
        return False
    if any(c.isdigit() for w in content for c in w):
        return False
    sections = sum(w.lower() in _MENU_WORDS for w in content)
    # Or half the words capitalised, items of one or two words each, with three section words among them
    # ("Ministry Press centre Consular issues Foreign policy Embassies and consulates Contacts").
    return sections >= 0.7 * len(content) or capitals >= 5 and capitals * 2 >= len(content) and sections >= 3


_COUNT = _Pattern(r"\d+(?:[.,]\d+)*[kKmM]?$")
# Round 13: a view counter after a sentence's end, glued or spaced ("... damaged.👁 18.2K", "... later. Views: 1,204")
_GLUED_COUNTER = _Pattern(r"(?<=[.!?…\"”»)])\s*(?:(?:👁|👀)\ufe0f?\s?|[Vv]iews?:?\s)\d[\d.,]*\s?[KkMm]?$")
_COUNTER_LAST = frozenset("0123456789KkMm")
# A ticker's quote: a currency, an index or a commodity, then its figure ("USD 41.25", "Brent $78.40", "€43.10").
_QUOTE_TICK = _Pattern(
    r"(?:\b(?:USD|EUR|RUB|UAH|GBP|CNY|CHF|JPY|BTC|Brent|WTI|Gold|Dow(?: Jones)?|S&P(?: 500)?|Nasdaq|FTSE(?: 100)?"
    r"|DAX|MOEX|RTS)\s?|[$€£₴₽]\s?)[+\-−]?\d[\d.,]*"
)
_TEMPERATURE = _Pattern(r"(?:^|\s)[+\-−–]?\d{1,2}(?:[.,]\d)?\s?°\s?[CF]?(?:\s|$)")
# A site's address alone on its line: "president.gov.ua", "kremlin.ru".
_WEATHER_BOX = _Pattern(r"weather(?: in [\w'’\-]+(?: [\w'’\-]+)?)?\s*[:·|–—-]?\s*[+\-−–]?\d{1,2}(?:[.,]\d)?\s?°")
_DOMAIN = _Pattern(r"(?:www\.)?[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}/?")
_DURATION = _Pattern(r"\d{1,2}:\d\d(?::\d\d)?$")


# Round 17: what kind of outlet a site is, in brackets after its name (an HTML page's title: "<Site> (European
# public broadcaster)", "<Site> (Ukrainian news agency)").
_OUTLET_KINDS = frozenset(
    """
    broadcaster broadcasting liveblog blog newspaper paper outlet agency wire radio tv television channel portal
    website site magazine daily weekly network service edition newsroom publisher podcast newsletter
    """.split()
)


def _is_outlet_with_kind(plain: str) -> bool:
    """Round 17: whether a line is a name in capitalised words and words that name a kind of outlet.

    The kind stands in brackets ("<Site> (UK broadcaster liveblog)"), or after a dash or a bar and ends the line
    ("<Site> – regional public broadcaster"); it is written in lower case: a headline in title case capitalises
    it ("Kremlin Bans Dozhd (Independent TV Channel)").
    """
    if plain[-1] == ")":
        name, mark, kind = plain[:-1].partition(" (")
        ending = False
    else:
        found = _SUFFIX_MARK.search(plain)
        name, mark, kind = (plain[: found.start()], found.group(), plain[found.end() :]) if found else ("", "", "")
        ending = True
    if not mark or "(" in kind or not name or name.count(" ") > 3 or not kind or kind.count(" ") > 4:
        return False
    if not all(word[0].isupper() for word in name.split()):
        return False
    kinds = kind.replace("-", " ").split()
    if ending:
        return kinds[-1] in _OUTLET_KINDS and kind[0].islower()
    return any(word in _OUTLET_KINDS for word in kinds)


def _all_interface(low_words: list[str]) -> bool:
    """Whether a line's words (lower case) are all interface words, punctuation aside: "Share | Print"."""
    found = False
    for word in low_words:
        token = word.strip(_TOKEN_PUNCT)
        if token and not token.isdigit():  # a count among buttons: "View all 12 photos"
            if _COUNT.match(token) or ":" in token and _DURATION.match(token):
                found = True  # a counter of readers or reactions ("148.2K", "2.1k"), a player's time ("18:40")
                continue
            if not token[0].isalnum() and not token[-1].isalnum() and not any(c.isalnum() for c in token):
                continue  # an emoji or a symbol among buttons: "❤️ 2.1K 👍 918", "Advertisement - Scroll"
            if token not in _INTERFACE_WORDS:
                return False
            found = True
    return found


def _is_role_byline(words: list[str]) -> bool:
    """A name, a desk or a place, then a role in lower case: "Anna Berg (Vienna, senior correspondent)".

    The first word in lower case (name particles aside) starts the role: at most three lower-case
    words that end with a role word, after at least two capitalised words.
    """
    for index, word in enumerate(words):
        if word[0].islower() and word not in _LOWER_WORDS:
            if index < 2:
                return False
            for role in words[index : index + 3]:
                if not role[0].islower():
                    return False
                if role.strip(",;()") in _ROLE_WORDS:
                    return True
            return False
    return False


def segment(text: str) -> list[Statement]:
    """Split a news text into statements.

    Parameters
    ----------
    text : str
        A sentence, a paragraph, a whole article or a whole pasted web page.
        Line breaks matter: headlines, bylines and list items end at the end
        of their line, while a hard-wrapped sentence runs on (module notes).

    Returns
    -------
    list of Statement
        The statements in text order, each a verbatim slice of ``text``.
        Web furniture and repeated lines are left out (see the module notes).

    Examples
    --------
    >>> [s.text for s in segment("Talks stalled.\\nMrs. Smith said the U.S. would help.")]
    ['Talks stalled.', 'Mrs. Smith said the U.S. would help.']
    >>> [s.text for s in segment("Share\\nKYIV, May 2 (Reuters) - Talks resumed.The Kremlin agreed.")]
    ['Talks resumed.', 'The Kremlin agreed.']
    """
    blocks = _blocks(text)
    _mark_furniture(text, blocks)
    drop_learned_furniture(blocks)  # round 13: the learned filter drops kept blocks that read as furniture
    kept = [block for block in blocks if not block.drop]
    # A page that sets short labels before its paragraphs ("Driving the news: ...", "The other side: ...")
    # three times or more uses them as its layout: each one is cut off (rule 5).
    labelled = [block for block in kept if ": " in block.plain and _SHORT_LABEL.match(block.plain)]
    labels = frozenset(map(id, labelled)) if len(labelled) >= 3 else frozenset()
    statements: list[Statement] = []
    titles: set[str] = set()
    for block in kept:
        start = _lead(text, block)
        if id(block) in labels and start == block.start:
            label = _SHORT_LABEL.match(text, start, block.end)
            start = label.end() if label else start
        if start != block.start and block.end - start <= _MAX_FURNITURE_CHARS:
            rest = _plain(text[start : block.end])
            # A speaker's turn in a transcript is speech, even when it greets ("Good evening, and welcome ...").
            low = rest.lower()
            if _is_boilerplate(low) and not _is_dialogue(text):
                continue  # "Editor's note: This story has been updated ...": a note once its label is cut
            if len(rest) <= 60 and not _is_terminal(rest) and _is_interface(low):
                continue  # round 14: a show's name before its episode, "NIGHT DESK — Episode 48"
            if rest.count(" ") <= 2 and len(rest) > 3 and rest[-1] != ":" and rest.rstrip(".").isupper():
                continue  # round 13: an agency's name after its dateline, "KHERSON, 3 Dec — DNIPRO WIRE."
        end = _site_suffix(text, block)
        if end <= start:
            continue  # "TPA – World News": a dateline's cut and a site's name leave nothing
        if end != block.end:
            titles.add(_plain(text[start:end]))  # a page's title: the headline, once its site's name is cut
        elif titles and block.plain in titles:
            continue  # the headline again under the page's title ("Talks resume | Site", then "Talks resume")
        cut = _glued_headline(text, start, end) if block is kept[0] else 0  # a page's headline leads it
        if cut:
            _split_paragraph(text, start, cut, statements)
            start = cut
        _split_paragraph(text, start, end, statements)
    return statements


def _glued_headline(text: str, start: int, end: int) -> int:
    """Where a headline glued to the sentence after it ends ("... meet next weekNegotiators said ..."), or 0.

    Only the first block kept is tried: a headline stands at the top of the page.
    The headline is four words or more without a full stop, and its last word is in lower case (or
    closes a quote) before the capital: "YouTube", "iPhone" and "McDonald" are no glue.
    """
    if _HEADLINE_GLUE_MARK.search(text, start, min(end, start + 160)) is None:
        return 0
    found = _GLUED_HEADLINE.match(text, start, end)
    if found is None:
        return 0
    # The sentence after is a paragraph, or a standfirst without a stop of six words or more.
    if not _is_terminal(text[max(found.end(), end - 4) : end]) and text.count(" ", found.end(), end) < 5:
        return 0
    return found.end()


class _Block:
    """Lines of the text that read as one unit: one line, or a sentence hard-wrapped over several."""

    __slots__ = ("start", "end", "blank_before", "plain", "terminal", "shape", "drop")

    def __init__(self, start: int, end: int, blank_before: bool) -> None:
        self.start = start
        self.end = end
        self.blank_before = blank_before
        self.plain = ""
        self.terminal = False  # whether the block ends like a sentence (set with ``plain``)
        self.shape = _KEEP
        self.drop = False


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank line before) of every non-blank line, whitespace trimmed."""
    found = []
    blank = False
    pos = 0
    length = len(text)
    while pos < length:
        newline = text.find("\n", pos)
        line_end = length if newline == -1 else newline
        start, end = pos, line_end
        while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
            end -= 1
        if end > start:
            found.append((start, end, blank))
            blank = False
        elif found:
            blank = True
        pos = line_end + 1
    return found


def _wrap_width(text: str, lines: list[tuple[int, int, bool]]) -> int:
    """The width a hard-wrapped text is wrapped at, or 0 when its lines are not wrapped."""
    lengths = [end - start for start, end, _ in lines if end - start >= 40]
    if len(lengths) < 4:
        return 0
    width = max((n for n in lengths if n <= 110), default=0)
    near = sum(1 for n in lengths if width - 20 <= n <= width)
    longer = sum(1 for n in lengths if n > width)  # unwrapped paragraphs: a page of long lines is not wrapped
    return width if width and near >= 0.6 * len(lengths) and longer <= 0.2 * len(lengths) else 0


def _continues(
    text: str,
    previous: tuple[int, int, bool],
    line: tuple[int, int, bool],
    width: int,
    multiline: bool,
    blocks: list[_Block] | None = None,
) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` (a hard-wrapped line break).

    ``multiline`` says that ``previous`` ends a block of two lines or more (a wrapped paragraph);
    ``blocks`` are the blocks so far, ``previous`` in the last of them.
    """
    start, end, blank = line
    first = text[start]
    if first in _BULLET_FIRST and (first in "•▪●◦‣" or _BULLET.match(text, start, end)):
        return False
    if first.isdigit() and _GALLERY_NUMBER.match(text, start, end):
        return False  # "8/20 A tram passes ...": a gallery's next caption, after a credit that fills the line
    if text.find(":", start, end) != -1 and _RATING.match(text, start, end):
        return False  # round 14: a fact-check's rating under its headline ("Desk · Rated: False")
    last_start, last_end = previous[0], previous[1]
    last = text[last_end - 1]
    if last in _MARK_ENDS and (mark := _MARK_AT_END.search(text, max(last_start, last_end - 12), last_end)):
        last_end = mark.start()  # a footnote mark after the stop: "... was agreed.[2]" ends its sentence
        last = text[last_end - 1]
    terminal = _is_terminal(text[max(last_start, last_end - 4) : last_end])
    if first in _OPEN_QUOTES and text[start + 1 : start + 2].islower() and not _is_terminal(text[last_start:last_end]):
        return True  # '"incomplete and ...': a quote that starts in lower case carries a sentence on
    if first.islower():
        if end - start <= 60 and text.find(" ", start, end) == -1 and _DOMAIN.fullmatch(text, start, end):
            return False  # "president.gov.ua" under a headline: a site's address, not the headline carried on
        if first == "b" and _BYLINE_START.match(text, start, end):
            glue = _GLUE_MARK.search(text, start + 3, end)
            if (
                blank
                or _BYLINE_ALONE.fullmatch(text, start, end)
                or glue
                and _BYLINE_ALONE.fullmatch(text, start, glue.start() + 1)
                and _DATE_STAMP.match(text[glue.start() + 1 : end])  # "^" holds at the string's start only
            ):
                # "by Olena Moroz" set apart under a headline, or alone on its line (round 15: or glued to its date,
                # "by Olena MorozNovember 21, 2025 7:05 am"), is a byline, not the headline carried on; "by Olena
                # Moroz and the envoy, ..." is a wrapped sentence.
                return False
        if "/" in text[start:end] and _EDITOR_TAG.match(text, start, end):
            return False  # "bur-ams/jj" under the last paragraph: the desk's initials
        if blank and (terminal or last == ":" or last == ";"):
            return False  # a list's items, each set apart: "... treaty;" + blank + "recognition of ..."
        ends = text[end - 1]
        if ends in _MARK_ENDS and (mark := _MARK_AT_END.search(text, max(start, end - 12), end)):
            ends = text[mark.start() - 1]  # the last item's stop before its footnote mark: "... Moscow.[4]"
        if (
            (last == ":" or last == ";")
            and (ends == ";" or last == ";" and ends == ".")
            and not (width and end - start > width - 10)
        ):
            return False  # a list's items, one a line: "... three points:" + "the trust ...;" + "the value ... ."
        long = last_end - last_start >= 60 and text[last_start].isalpha()  # not a credit in brackets
        if multiline and not terminal or not blank and not terminal and long:
            # A wrapped paragraph's short last line ("some water in") is no furniture line, and a long line
            # (a byline's shape, "Deputy Mayor Anna Berg told reporters that the") is wrapped text.
            return True
        # "list of 4 items" under "Recommended Stories" is no sentence carried on, over a blank line neither.
        previous_line = text[last_start:last_end]
        low = text[start:end].lower()
        # "hide caption" under a caption is a button, not the caption carried on; nor is a reader's handle and
        # date stamp under a comments heading (round 16: "Comments (87) Sort by: Oldest" + "k_ash 29 Nov 2026 8:14").
        # A headline's shape carries its wrapped end on ("Kremlin says ready" + "for talks").
        return not (
            _furniture_shape(previous_line, _plain(previous_line)) == _FURNITURE
            or _is_interface(low)
            or " " in low
            and _all_interface(low.split())
            or _is_comment_header(text[start:end])
        )
    if terminal:
        # "said Lt. Col." + "Oleh Tymoshenko": a title before a name does not end the line's sentence.
        if blank or last != ".":
            return False
        tail = text[max(last_start, last_end - 7) : last_end - 1].split()
        return bool(tail) and tail[-1] in _NAME_TITLES
    if last == ":":
        return False
    if last == ",":
        return True
    if last_end - last_start > 30 and " " not in text[start:end] and _is_terminal(text[start:end]):
        # "...from the regional capital" + "Uzhhorod.": one word never makes a sentence ("Loading..." is a widget's).
        return text[start:end].rstrip(_TERMINAL).lower() not in _INTERFACE_WORDS
    tail = text[max(last_start, last_end - 12) : last_end].split()
    if tail and tail[-1].lower() in _FUNCTION_END and last_end - last_start > 30:
        return True
    if width and (not blank or multiline and last.isalnum()) and any(c.islower() for c in text[last_start:last_end]):
        # Over a blank line, the width carries on only a paragraph of wrapped lines that stops mid-sentence
        # (a headline stays apart); a line in capitals (a page header) carries nothing on.
        next_word = text[start:end].split(maxsplit=1)[0]
        length = last_end - last_start
        if length >= 0.6 * width and length + 1 + len(next_word) > width - 6:
            if multiline:
                return True
            if _cut_label(text, start, end) != start or first == "B" and _BYLINE.match(text, start, end):
                return False  # a dateline or a byline opens its own block under a headline that fills the width
            if text[last_start] in "ARS" and _RELATED_LINK.match(text, last_start, last_end):
                return False  # round 10: "Also on X: <headline>" set between wrapped paragraphs is a line of its own
            if blocks and len(blocks) > 1 and not previous[2]:
                # A headline that fills the width right under a menu or a masthead (the block above, with no
                # blank line between) is no wrapped line: the paragraph under it starts its own block.
                line_above = text[blocks[-2].start : blocks[-2].end]
                return _furniture_shape(line_above, _plain(line_above)) != _FURNITURE
            return True
    return False


def _blocks(text: str) -> list[_Block]:
    lines = _lines(text)
    width = _wrap_width(text, lines)
    blocks: list[_Block] = []
    previous = None
    for line in lines:
        if previous is not None and _continues(text, previous, line, width, blocks[-1].start != previous[0], blocks):
            blocks[-1].end = line[1]
        else:
            blocks.append(_Block(line[0], line[1], line[2]))
        previous = line
    return blocks


def _mark_furniture(text: str, blocks: list[_Block]) -> None:
    """Set ``drop`` on furniture blocks: by shape (rule 2), then by context (rule 3)."""
    seen: set[str] = set()
    previous: _Block | None = None
    columns: list[_Block] = []  # dropped lines with column gaps: a table's rows, perhaps
    topics: list[_Block] = []  # lines that start like a briefing's topic heading
    for block in blocks:
        raw = text[block.start : block.end]
        if raw[-1] in _MARK_ENDS and (mark := _MARK_AT_END.search(raw)) is not None:
            raw = raw[: mark.start()]  # "... was agreed.[2]": the sentence ends at its stop, the mark is furniture
        elif raw[-1] in _COUNTER_LAST and (counter := _glued_counter(raw, 0, len(raw))) != len(raw):
            raw = raw[:counter]  # round 13: "... were damaged.👁 18.2K" ends at its stop, as it is cut (rule 5)
        if len(raw) > _MAX_FURNITURE_CHARS:  # a paragraph: news text (its last sentence is checked later)
            block.plain = raw
            block.terminal = _is_terminal(raw)
            if raw in seen:
                block.shape, block.drop = _FURNITURE, True
            seen.add(raw)
            previous = block
            continue
        block.plain = plain = _plain(raw)
        block.terminal = terminal = _is_terminal(plain)
        first = plain[0]
        if plain in seen:
            shape = _FURNITURE
        else:
            shape = _furniture_shape(raw, plain)
            seen.add(plain)
            if shape == _FURNITURE and terminal and len(plain) > 60 and (news := _news_after_talk(raw)):
                # Round 12: a live page's sign-off with news after it in its paragraph ("That's where we will pause
                # our coverage for now. The delegations resume on Friday, officials said."): the news is kept.
                block.start += news
                block.plain = plain = _plain(raw[news:])
                shape = _KEEP
            elif shape == _FURNITURE and terminal and len(plain) > 60 and _note_after_news(raw):
                # Round 17: news with a note after it in its line ("<Guest> spent four years on ... . We spoke in
                # her office. The conversation has been edited for length."): the block is kept and the note is
                # cut as a long paragraph's is (rule 5).
                shape = _KEEP
            if (
                shape == _FURNITURE
                and terminal
                and previous is not None
                and previous.plain[-1:] == ":"
                and _is_speaker_alone(previous.plain)
                and _is_boilerplate(plain.lower())
            ):
                # Round 16: a turn under its speaker's name on a line of its own ("V. Putin:", then "Good afternoon,
                # colleagues. Before we turn ..."): speech, as it is when glued to the name, not a site's greeting.
                shape = _KEEP
            elif shape != _KEEP:
                pass  # furniture or a headline's shape already
            elif first.islower():
                # The end of a wrapped notice ("... the evening" + "before it goes on sale."): a line in
                # lower case carries on no furniture line, so it goes with it.
                if not block.blank_before and previous is not None and previous.shape == _FURNITURE:
                    if len(previous.plain) >= 40 and previous.end - previous.start < 300:
                        shape = _FURNITURE
            elif first in _PULL_OPENERS and plain[-1] in _PULL_CLOSERS and len(plain) <= 200:
                inner = raw[1:-1].strip()
                if len(inner) > 20 and (text.find(inner, block.end) != -1 or text.find(inner, 0, block.start) != -1):
                    shape = _FURNITURE  # a pull quote: a sentence of the body set apart again in quotes
        block.shape = shape
        previous = block
        if shape:
            block.drop = True
            if "\t" in raw or "   " in raw:
                columns.append(block)
        if first in "ORC" and not terminal and plain.startswith(_TOPIC_STARTS) and len(plain) <= 160:
            topics.append(block)
    _mark_captions_and_consent(blocks)
    _mark_gallery(blocks)
    if len(columns) >= 2:
        _mark_tables(text, blocks, columns)  # before the headlines: a table's last row is no headline
    _keep_headlines(blocks)
    _mark_masthead(blocks)
    _mark_related_lists(blocks)
    _mark_ads(blocks)  # after the related lists: an ad under "Sponsored" ends the list, as running text does
    _mark_under_headings(blocks)
    _mark_footer(blocks)
    _mark_subheads(blocks)
    if len(topics) >= 2:
        # A briefing's topic headings: two lines or more without a full stop that start "On ..." or
        # "Regarding ..."; lines dropped already count (a heading repeated from a table of contents).
        for block in topics:
            block.shape, block.drop = _FURNITURE, True


# Round 16: a speaker's name alone on its line before the turn: initials and a surname ("V. Putin:"), or two to four
# capitalised words ("Maria Zakharova:", "MR GILROY:"); a label's word last is no name ("Editor's Note:").
_SPEAKER_ALONE = _Pattern(r"(?:[A-Z]\.\s?){1,2}[A-Z][\w'’\-]+:|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}:")
_NOT_SPEAKER_LAST = frozenset(
    "note notes update correction clarification disclaimer summary context background source sources photo photos"
    " video related tags topics read also".split()
)


def _is_speaker_alone(plain: str) -> bool:
    """Whether a line is a speaker's name and a colon alone, the label of the turn on the next line."""
    return (
        len(plain) <= 40
        and _SPEAKER_ALONE.fullmatch(plain) is not None
        and plain[:-1].rsplit(None, 1)[-1].lower() not in _NOT_SPEAKER_LAST
    )


_SITE_PERSONS = frozenset("we we're we’re we'll we’ll us our ours you you're you’re your yours".split())


def _news_after_talk(raw: str) -> int:
    """Round 12: where reported news starts after a first sentence of site talk in a paragraph, or 0.

    The news reports speech or cites a source ("..., according to Turkish officials.") and is no talk itself.
    """
    stop = _AFTER_STOP.search(raw)
    if stop is None or stop.end() == len(raw):
        return 0
    rest = _plain(raw[stop.end() :]).lower()
    words = rest.split()
    if _REPORTED_KEYS.isdisjoint(words) or not _SITE_PERSONS.isdisjoint(words) or _is_boilerplate(rest, words):
        return 0  # no source named, the site or the reader addressed ("According to our policy, you ..."), or talk
    return stop.end() if _is_boilerplate(_plain(raw[: stop.end()]).lower()) else 0


# Round 17: an editor's note on how the text was made, the one note that ends a line of news
# ("The conversation has been edited for length.", "This story has been updated.").
_EDITING_NOTE = _Pattern(
    r"\b(?:has|have|was|were) been (?:lightly |slightly )?(?:edited|condensed|translated|updated|corrected|shortened"
    r"|abridged)\b|\b(?:edited|condensed) (?:\w+ )?for (?:length|clarity|brevity|space)\b",
    re.IGNORECASE,
)


def _note_after_news(raw: str) -> bool:
    """Round 17: whether a short line's last sentence alone is site boilerplate, after sentences that are not.

    The reverse of :func:`_news_after_talk`: what comes before the note is no talk and no furniture by shape, so
    the line is news that ends with an editor's note, as a paragraph of more than 300 characters may.
    """
    if _EDITING_NOTE.search(raw) is None:
        return False  # most furniture lines: no editing note at all, and no sentences to split
    spans = _sentences(raw, 0, len(raw))
    if len(spans) < 2:
        return False
    last = spans[-1][0]
    note = _plain(raw[last:]).lower()
    if len(raw) - last > 200 or not _EDITING_NOTE.search(note) or not _is_boilerplate(note):
        return False
    head = _plain(raw[:last])
    if len(head.split()) < 8 or _AUTHOR_BIO.match(head) or _ABOUT_OUTLET.match(head):
        return False  # an author's bio or the outlet's own line before the note: furniture, both
    return not _is_boilerplate(head.lower()) and _furniture_shape(head, head) == _KEEP


def _mark_tables(text: str, blocks: list[_Block], columns: list[_Block]) -> None:
    """Drop a table's title above its rows and its source or note below them (no full stop, 15 words at most).

    A row is a dropped line with two column gaps (tabs or runs of spaces); a table is two rows or more
    in a row. The line just under the table counts only with no blank line between. ``columns`` are
    the dropped lines with a tab or a run of spaces.
    """
    where = {id(block): index for index, block in enumerate(blocks)}
    rows = [where[id(block)] for block in columns if _is_table_row(text[block.start : block.end])]
    for first, last in _runs(rows):
        if first == last:
            continue
        for block in blocks[first : last + 1]:
            block.shape = _FURNITURE  # a row of capitalised words or figures has a headline's shape
        for index, directly in ((first - 1, False), (last + 1, True)):
            if not 0 <= index < len(blocks):
                continue
            block = blocks[index]
            if directly and block.blank_before:
                continue
            if not block.drop and not block.terminal and block.plain[-1] != ":" and len(block.plain.split()) <= 15:
                block.shape, block.drop = _FURNITURE, True


def _is_table_row(raw: str) -> bool:
    if raw.count("\t") >= 2:
        return True
    return "   " in raw and len(_COLUMN_GAP.findall(raw)) >= 2


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers."""
    found: list[tuple[int, int]] = []
    for index in indices:
        if found and found[-1][1] == index - 1:
            found[-1] = (found[-1][0], index)
        else:
            found.append((index, index))
    return found


def _is_credit(plain: str) -> bool:
    """A photo credit: "Name/Agency", "© ...", "Photo: ...", "Getty Images", "(Agency)".

    A breadcrumb has a credit's slashes ("Home / Politics / Diplomacy"): its first item gives it away.
    """
    if plain.startswith("©") or _CREDIT_LABEL.match(plain.lstrip("([")):  # round 16: "(Photo: Name/Outlet)" too
        return True
    if _CREDIT.match(plain):
        return plain.split("/", 1)[0].strip().lower() not in _BREADCRUMB_FIRST
    if plain[0] == "(" and " for " in plain and _CREDIT_FOR.match(plain):
        return True
    if "," in plain and plain.isupper() and _CAPS_CREDIT.match(plain):
        return True  # round 14: "MARTA LIND, THE HARBOUR LEDGER" under a caption
    return len(plain) <= 40 and bool(_CREDIT_SHAPE.match(plain))


def _mark_captions_and_consent(blocks: list[_Block]) -> None:
    consent = False
    headline = next((b for b in blocks if not b.drop and not b.terminal), None)
    for index, block in enumerate(blocks):
        if consent and len(block.plain.split()) <= 6 and not block.terminal:
            block.shape, block.drop = _FURNITURE, True  # the buttons under a cookie notice: "Yes, I agree"
            continue
        consent = block.drop and ("cookie" in block.plain.lower() or "consent" in block.plain.lower())
        if (
            not block.blank_before
            and index
            and len(block.plain) <= 80
            and (not block.drop or block.shape == _HEADLINE_SHAPED)
            and " for " in block.plain
            and _CREDIT_FOR_BARE.match(block.plain)
        ):
            # Round 12: a photographer's credit without brackets, "Iryna Solovei for Ridgeway", is one only
            # under its caption and set apart below (a title-case headline can have the same words).
            above, below = blocks[index - 1], blocks[index + 1] if index + 1 < len(blocks) else None
            if not above.drop and _is_caption_sentence(above) and (below is None or below.blank_before):
                above.shape, above.drop = _FURNITURE, True
                block.shape, block.drop = _FURNITURE, True
                continue
        if not block.drop:
            continue
        below = blocks[index + 1] if index + 1 < len(blocks) else None
        marker = (
            len(block.plain) <= 20
            and block.plain[0] in _PHOTO_MARKER_FIRST
            and (block.plain in _PHOTO_EMOJI or block.plain.strip("[](): ").lower() in _PHOTO_MARKERS)
        )
        if (
            marker
            or block.plain[-1:].isdigit()
            and (_PHOTO_COUNTER.match(block.plain) or _VIDEO_MARK.match(block.plain))  # round 14: "VIDEO 03:02"
        ):
            # "Image 3 of 12" or "Photo" heads its photo's caption: a phrase, or a short sentence that reports
            # no speech; the page's headline under a section's "Video" is none.
            skip = below is None or below.drop or all(b.drop and b.shape != _HEADLINE_SHAPED for b in blocks[:index])
            # round 15: a transcript's turn under a media menu's "Photo gallery" is no caption ("Question: ...")
            skip = skip or ":" in below.plain[:16] and bool(_TURN_LABEL.match(below.plain))
            if not skip and (_is_caption(below, False) or _is_caption_sentence(below)):
                below.shape, below.drop = _FURNITURE, True
            continue
        if not _is_credit(block.plain):
            continue
        # A caption stands next to its credit: below it, or above it (the headline excepted).
        after = blocks[index + 2] if index + 2 < len(blocks) else None
        apart = below is not None and below.blank_before and (after is None or after.blank_before)
        if below is not None and not below.drop and _is_caption(below, apart):
            if (
                below is headline
                and "/" in block.plain
                and not block.plain.startswith("©")
                and not _CREDIT_LABEL.match(block.plain)
                and all(b.drop for b in blocks[:index])
            ):
                continue  # round 10: "Culture / Stage" above everything kept is a breadcrumb, the headline under it
            below.shape, below.drop = _FURNITURE, True
            continue
        if not index:
            continue
        above = blocks[index - 1]
        if not above.drop and above is not headline and _is_caption(above, False):
            above.shape, above.drop = _FURNITURE, True
        elif (
            not above.drop
            and not block.blank_before
            and above is not headline
            # "(Naftogaz)", "(Writing by ...)": a source or a byline, perhaps; round 16: "(Photo: Name/Outlet)" is a
            # photo's credit in brackets
            and (block.plain[0] != "(" or block.plain[1:].lower().startswith(_CREDIT_FIRST))
            and not _COPYRIGHT_YEAR.match(block.plain)  # "© 2026 Harbour Media": the site's notice, no credit
            and _is_caption_sentence(above)
            # A caption's sentence below the credit as well: which one is the caption, the shape cannot tell.
            and not (below is not None and not below.drop and _is_caption_sentence(below))
        ):
            above.shape, above.drop = _FURNITURE, True  # "Delegates arrive at the hall on Monday." + "REUTERS/Name"
        elif not block.blank_before and (index == 1 or above.blank_before) and (below is None or below.blank_before):
            if len(above.plain) <= _MAX_FURNITURE_CHARS:  # a caption and its credit set apart by blank lines
                above.shape, above.drop = _FURNITURE, True
        elif (
            # round 14: a caption's sentence and its credit each set apart by blank lines, between paragraphs
            not above.drop
            and above is not headline
            and above.blank_before
            and (below is None or below.blank_before)
            and block.plain[0] != "("
            and not _COPYRIGHT_YEAR.match(block.plain)
            and _is_caption_sentence(above)
            and not (below is not None and not below.drop and _is_caption_sentence(below))
        ):
            above.shape, above.drop = _FURNITURE, True


# Round 12: an advertisement's label, alone or with the advertiser ("Sponsored · Meridale Insurance").
_AD_LABEL = _Pattern(
    r"(?:advertisement|advertising|ad|ads|sponsored|promoted|promotion|promo|partner content|paid (?:content|post)"
    r"|(?:sponsored|promoted) (?:content|stories|story|links|post))"  # round 13
    r"(?:\s*(?:[·•|:–—-]|\bby\b)\s*[^.!?]{1,40})?$",
    re.IGNORECASE,
)


# An offer's price or discount: "from 89 USD", "12 issues for $29", "at half price", "30% off".
_AD_OFFER = _Pattern(
    r"\b(?:from|for|only|just|at)\s+(?:[$€£₴₽]\s?\d[\d.,]*|\d[\d.,]*\s?(?:USD|EUR|GBP|UAH|RUB|PLN|lei|zł|kr|[$€£₴₽]))"
    r"|\bhalf price\b|\b\d{1,2}\s?% off\b"
)


def _mark_ads(blocks: list[_Block]) -> None:
    """Round 12: drop the advertisement right under its label, with no blank line between them.

    The advertisement is one short line that stands apart from what follows it (a blank line, or furniture
    next): "Advertisement" + "Winter tyres fitted at half price until Friday"; over a blank line only an offer
    with its price ("Sponsored", then "Fly Almaty–Dubai from 89 USD."). Body text can follow the
    label too (a page copied with its ad slot empty), so the line must read as no news: no quote, no
    speech verb, and if it ends with a stop, a sentence in the present tense with no negation.
    """
    for index in range(len(blocks) - 1):
        block = blocks[index]
        if not block.drop or block.plain[0] not in "AaSsPp" or len(block.plain) > 60:
            continue
        ad = blocks[index + 1]
        if ad.drop or ad.plain.count(" ") >= 25 or not _AD_LABEL.match(block.plain):
            continue
        if ad.blank_before and _AD_OFFER.search(ad.plain) is None:
            continue  # over a blank line, only an offer with its price ("Fly Almaty–Dubai from 89 USD.") is the ad
        after = blocks[index + 2] if index + 2 < len(blocks) else None
        if after is not None and not after.blank_before and not after.drop:
            continue
        if _is_caption_sentence(ad) if ad.terminal else _CAPTION_SPEECH.search(ad.plain) is None:
            if not _has_any(ad.plain, _QUOTE_CHARS):
                ad.shape, ad.drop = _FURNITURE, True


def _mark_gallery(blocks: list[_Block]) -> None:
    """Drop a photo gallery's numbered captions ("3/12 A stagehand checks ..."): two in a row, numbered in turn.

    A number alone on its line ("3/12") sets the caption on the line below it: when the next number
    of the same gallery follows, the caption under the first goes, and the one under the last when it
    is no longer than the caption before it (a few words more at most), since body text may follow.
    """
    numbered: dict[int, re.Match[str]] = {}
    alone: list[tuple[int, re.Match[str]]] = []
    for index in [index for index, block in enumerate(blocks) if "/" in block.plain[1:5]]:
        block = blocks[index]
        plain = block.plain
        found = _GALLERY_NUMBER.match(plain) if "/" in plain[1:4] else None
        if found:
            numbered[index] = found
        elif block.drop and (found := _GALLERY_ALONE.match(plain)):
            alone.append((index, found))
    for index, this in numbered.items():
        after = numbered.get(index + 1)
        if after and this[2] == after[2] and int(after[1]) == int(this[1]) + 1:
            blocks[index].shape = blocks[index + 1].shape = _FURNITURE
            blocks[index].drop = blocks[index + 1].drop = True
    for (index, this), (later, after) in zip(alone, alone[1:]):
        if this[2] != after[2] or int(after[1]) != int(this[1]) + 1:
            continue
        caption = blocks[index + 1]
        words = len(caption.plain.split())
        if not caption.drop and len(caption.plain) <= _MAX_FURNITURE_CHARS:
            caption.shape, caption.drop = _FURNITURE, True
        caption = blocks[later + 1] if later + 1 < len(blocks) else None
        if caption is not None and not caption.drop and len(caption.plain.split()) <= words + 3:
            caption.shape, caption.drop = _FURNITURE, True


def _is_caption(block: _Block, apart: bool) -> bool:
    """A line that can be a photo caption: no full stop and at most 30 words, or (set apart) a short sentence."""
    words = len(block.plain.split())
    if len(block.plain) > _MAX_FURNITURE_CHARS:
        return False
    if block.plain.endswith(("…", "...")) and block.plain.rstrip(".…")[-1:].isalpha():
        return words <= 30  # a caption cut short: "Delegates in the conference hall…"
    return words <= 8 and apart if block.terminal else words <= 30


def _is_caption_sentence(block: _Block) -> bool:
    """A sentence that can be a photo's caption next to its credit or under its marker.

    A caption shows what is in the picture, in the present tense and in 20 words at most ("Delegates
    arrive at the hall ahead of the session."); news reports what was said, quotes someone, tells of
    the past ("Talks resumed on Monday ...") or of what did not happen ("No date has been set."), or asks
    (round 16: an explainer's question under a caption's credit, "Who would monitor it?").
    """
    return block.terminal and block.plain[-1] != "?" and _caption_shaped(block.plain)


def _caption_shaped(plain: str) -> bool:
    """Whether a sentence reads as a caption: 20 words at most, no quote, no speech, no past, no negation."""
    return (
        plain.count(" ") < 20
        and not _has_any(plain, _QUOTE_CHARS)
        and _CAPTION_SPEECH.search(plain) is None
        and _NOT_CAPTION_WORD.search(plain) is None
    )


def _is_name(plain: str) -> bool:
    """Whether a short line reads as a person's name: two or three capitalised words ("Iryna Kovalchuk").

    A byline's name and place read so too ("Iryna Kovalchuk, Odesa", "Iryna Kovalchuk in Odesa"), and so does
    a place and its country ("Kyiv, Ukraine"): one to three capitalised words (two or three before "in"),
    a comma or "in", one or two.
    """
    for joint in (" and ", " & "):
        if joint in plain:  # two reporters: "Helena Brandt and Oleksii Moroz"; not "Putin and Erdogan"
            first, _, second = plain.partition(joint)
            return all(" " in part and "," not in part and _is_name(part) for part in (first, second))
    name, comma, place = plain.partition(", ")
    if not comma and " in " in plain:
        name, comma, place = plain.partition(" in ")  # "Max Berg in Riga": a reporter and where from
        if name.count(" ") not in (1, 2):
            return False
    if comma and not _is_name(place) or ", " in place or place.count(" ") > 1:
        return False
    words = name.split()
    return len(words) <= 3 and all(w[0].isupper() and w[1:].replace("-", "").replace("'", "").isalpha() for w in words)


def _keep_headlines(blocks: list[_Block]) -> None:
    """Keep the headline-shaped line that stands just before body text, with only furniture in between.

    A headline or sub-heading of two words ("Talks resume") has the shape of a section name or a tag;
    its place tells them apart: the last such line before a sentence, unless a longer headline stands
    there already or it reads as a name (a byline without "By").
    """
    candidate: _Block | None = None
    seen_text = False
    previous: _Block | None = None
    for block in blocks:
        if block.shape == _HEADLINE_SHAPED:
            if not _is_name(block.plain) and not (
                # round 12: a section's label in capitalised words right under a longer headline ("Russia & FSU",
                # "Middle East"), not a headline; a deck in sentence case ("Grain exports rise") stays one
                previous is not None
                and not previous.drop
                and not previous.terminal
                and previous.plain.count(" ") >= 5
                and block.plain.count(" ") <= 2
                and all(word[0].isupper() or word == "&" for word in block.plain.split())
            ):
                candidate = block
            previous = block
            continue
        previous = block
        if block.drop:
            continue
        seen_text = True
        if block.terminal and candidate is not None:
            candidate.drop = False
        candidate = None
    if candidate is not None and not seen_text:
        candidate.drop = False  # a text that is only a headline (or a headline and furniture)


def _mark_masthead(blocks: list[_Block]) -> None:
    """Above the headline, lines of mostly capitalised words are the site's name, menus and breadcrumbs.

    Before the first paragraph of body text, a line without terminal punctuation that has another
    such line after it is no headline when at least three words in five are capitalised ("Politics In
    the world Economy Society", "Home World Europe Ukraine crisis"): the headline is the last of them,
    or the one that its deck follows: a longer line in sentence case, with no furniture in between
    (a blank line is none). List items (a summary's bullets) are left alone. A line of short sentences
    (five words at most) above everything else kept, the headline below it, is the site's slogan.
    """
    kept: list[int] = []
    slogan: _Block | None = None  # a short line of sentences above everything kept: "The Real Story. Today."
    for index, block in enumerate(blocks):
        if block.drop:
            continue
        if _is_body(block):
            break
        if not block.terminal and block.plain[0] not in _BULLET_FIRST:
            kept.append(index)
        elif block.terminal and not kept and slogan is None and block.plain.count(" ") <= 4:
            slogan = block
    else:
        return  # no body text: nothing tells the headline from the rest
    if slogan is not None and kept and all(block.drop for block in blocks[: blocks.index(slogan)]):
        slogan.drop = True  # a site's slogan in short sentences above the headline, not the news
    for index, after in zip(kept, kept[1:]):
        block = blocks[index]
        words = [w for w in block.plain.split() if w[0].isalpha()]
        if len(words) < 4 or not _capitalised(words):
            continue
        following = [w for w in blocks[after].plain.split() if w[0].isalpha()]
        deck = after == index + 1 and len(following) > len(words) and not _capitalised(following)
        if not deck or words[0].lower() in _INTERFACE_WORDS:  # "Home World Europe" is a breadcrumb all the same
            block.drop = True
    if kept and not blocks[kept[0]].drop and all(block.drop for block in blocks[: kept[0]]):
        # A site's tagline under its name, above the headline: "Independent news from the region since 1998"; or
        # on the name's own line after a dash, with no headline below it ("HARBOUR FEED – news from Telegram").
        # Round 16: what the site is ("Official publications of ...") needs no headline below it when the site's
        # name stands dropped above it (the headline may be dropped as an event's title).
        first = blocks[kept[0]]
        low = first.plain.lower()
        if (
            len(first.plain) <= 80
            and _TAGLINE.search(low)
            and (len(kept) > 1 or _SUFFIX_MARK.search(first.plain) or kept[0] > 0 and _SITE_IDENTITY.search(low))
        ):
            first.drop = True


# Round 15: what the site is, in a closed list of shapes ("Ukrainian national news agency", "English service of ...",
# "Official publications of ...", "Reposts from official channels", "<Name> — print version").
_SITE_IDENTITY_SHAPES = (
    r"^(?:the )?(?:[\w'’\-]+ )?(?:national|official|state|independent|public) (?:news |information )?(?:agency"
    r"|broadcaster|news service)$"
    r"|^(?:the )?english(?:-language)? (?:service|edition|version|site) of\b"
    r"|^official (?:news|publications|materials|information|releases) (?:of|from)\b"
    r"|\breposts? from (?:the )?(?:official |public )?(?:telegram )?channels\b|[—–|] (?:print|mobile|text) version$"
)
_SITE_IDENTITY = _Pattern(_SITE_IDENTITY_SHAPES)
# A site's tagline: its founding year at the end, or what the site is ("Independent news from ...", "news of the
# city and region", "Global perspective"), a closed list of shapes.
_TAGLINE = _Pattern(
    r"\b(?:since|est\.|founded(?: in)?|established(?: in)?) (?:1[89]|20)\d\d$"
    r"|(?:^|[—–|] )(?:the )?(?:independent|trusted|honest|free|global|local|regional|your|daily|real) (?:[\w-]+ )?"
    r"(?:news|journalism|voice|perspective|newspaper|daily|weekly|source|stories)\b"
    r"|\bnews (?:of|from|for|about) (?:the |your )?(?:city|region|capital|world|country|diaspora)\b"
    # round 9: an aggregator's ("The region's news from 140 sources, updated every 5 minutes")
    r"|\b(?:news|headlines|stories) from \d+ (?:sources|outlets|sites|media|newsrooms)\b"
    # round 10: a repost site's ("Ukraine news from Telegram, in English")
    # round 13: with the channels' country or language ("posts from Ukrainian Telegram channels")
    r"|\b(?:news|headlines|posts) from (?:[\w'’\-]+ )?(?:telegram|social (?:media|networks)|(?:public )?channels)\b"
    r"|\bupdated every \d+ (?:minutes|hours|seconds)$"
    # round 15: what the site is, in a closed list of shapes (:data:`_SITE_IDENTITY`)
    r"|" + _SITE_IDENTITY_SHAPES
)


def _capitalised(words: list[str]) -> bool:
    """Whether at least three words in five start with a capital."""
    return sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


def _is_body(block: _Block) -> bool:
    """A paragraph of running text: it ends like a sentence and is longer than a headline."""
    plain = block.plain  # folded, so one space between words, when it is not longer than furniture
    return block.terminal and (len(plain) > _MAX_FURNITURE_CHARS or plain.count(" ") >= 7)


def _is_headline(block: _Block) -> bool:
    return not block.terminal and len(block.plain) <= 160


def _mark_related_lists(blocks: list[_Block]) -> None:
    """Drop the headlines under a related-articles heading, until running text resumes (rule 4).

    A heading above everything kept is a menu item ("Latest", "News feed"): the last headline under
    it, with only furniture between it and the first paragraph of body text, is the page's own headline.
    """
    related = False
    listed = 0  # round 13: the headlines dropped under the open heading with no text of their own
    on_top = False  # the open heading stands above everything kept
    top: list[_Block] = []  # the headlines dropped under such a heading
    for index, block in enumerate(blocks):
        if len(block.plain) <= 60 and _RELATED_HEADING.match(block.plain.rstrip(":").strip().lower()):
            related = True
            listed = 0
            on_top = all(above.drop for above in blocks[:index])
            block.drop = True
            continue
        if not related or block.drop:
            continue
        if block.plain[0].isdigit() and not block.terminal and _LIST_NUMBER.match(block.plain):
            block.drop = True  # a numbered list's item ("02 Drone strikes hit …") is no related piece with its text
            continue
        # The block's own text comes next, under its date or credit line: skip those.
        after = index + 1
        while after < len(blocks) and blocks[after].drop and not blocks[after].blank_before:
            after += 1
        following = blocks[after] if after < len(blocks) else None
        if following is not None and not following.blank_before and _is_body(following):
            if _is_question_headline(following.plain):
                block.drop = True  # the next headline of the list, not an article's text
                continue
            if listed >= 2 and not block.blank_before and _is_headline(block):
                block.drop = True  # round 13: the list's last headline, with the host's text resuming under it
            related = False  # a related piece that carries its full text: its headline is news text
            continue
        if block.terminal and not _is_question_headline(block.plain):
            related = False  # running text again: the list is over
            continue
        if _is_headline(block) or _is_question_headline(block.plain):
            block.drop = True
            listed += 1
            if on_top and block.shape == _KEEP:
                top.append(block)
    if top:
        # The page's headline: the last of them before the first paragraph, with only furniture between.
        first = next((index for index, block in enumerate(blocks) if not block.drop and _is_body(block)), 0)
        for block in reversed(blocks[:first]):
            if not block.drop:
                break
            if block in top:
                block.drop = False
                break


_LIST_NUMBER = _Pattern(r"\d{1,2}\s+[A-Z]")  # "02 Drone …"; "3. Territory …" can be a section's sub-head


def _is_question_headline(plain: str) -> bool:
    """A headline that asks: one short question ("What does the Kremlin want?"), as related lists have them."""
    return plain[-1] == "?" and len(plain) <= 100 and "? " not in plain and ". " not in plain


def _is_footer_talk(block: _Block) -> bool:
    """A short paragraph about the author or the outlet: "Moroz covers Ukraine ...", "X is published by ..."."""
    plain = block.plain
    return len(plain) <= _MAX_FURNITURE_CHARS and bool(_AUTHOR_BIO.match(plain) or _ABOUT_OUTLET.match(plain))


def _mark_under_headings(blocks: list[_Block]) -> None:
    """Drop what a dropped heading or byline announces: comments, a sources list, an author's bio.

    - A reader comments section, from its heading to the page's end: a heading (``Comments (38)``,
      ``Sort by: Newest``, ``Log in to comment``) below body text opens it when one of the next four
      lines is a comment's header, a name or a handle and the comment's age (``gleb_k74 · 3h``,
      ``Marla P. 1h ago``); the readers' replies are no statements of the article.
    - The numbered items of a sources list under ``Sources``, ``References``, ``Notes``, while they are
      numbered or bulleted and short (25 words at most) or end without a full stop.
    - An author's bio: under ``About the author``, a short paragraph that opens with a person's name and a
      verb ("Anna Berg leads the institute's programme. She previously ..."); under a byline line that
      holds the name ("Anna Berg", "Anna Berg, Senior Fellow"), a short paragraph shaped like a bio that
      opens with that name ("Anna Berg is a Vienna-based columnist.").

    Only dropped lines are looked at closely: a page has few.
    """
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        if len(block.plain) > 60 or index == last:
            continue
        if not block.drop and (
            block.terminal
            or block.plain[0] not in "PQRSHVYpqrshvy"  # how the headings below start
            or block.plain.lower().rstrip(": ") not in _POLL_HEADINGS
        ):
            continue  # a poll's heading can be kept as a headline above its question ("Quick poll")
        plain = block.plain
        below = blocks[index + 1]
        low = plain.lower()
        if low in _ABOUT_AUTHOR:
            if not below.drop and below.terminal and len(below.plain) <= _MAX_FURNITURE_CHARS:
                below.drop = (
                    _BIO_NAME.match(below.plain) is not None and below.plain.split()[0] not in _SENTENCE_STARTERS
                )
        elif low[0] in "pqrshvy" and low.rstrip(": ") in _POLL_HEADINGS:
            # A reader poll: its question and its answers ("Yes", "Not sure") are no statements of the article.
            block.drop = True
            for item in blocks[index + 1 : index + 9]:
                words = item.plain.count(" ") + 1
                if not (item.plain[-1] == "?" and words <= 25 or not item.terminal and words <= 6):
                    break
                item.drop = True
        elif low.rstrip(":") in _SOURCES_HEADINGS:
            for item in blocks[index + 1 :]:
                bullet = item.plain[:1] in _BULLET_FIRST and _BULLET.match(item.plain)
                if not bullet or item.terminal and item.plain.count(" ") >= 25:
                    break
                item.drop = True
        elif len(plain) <= 40 and _COMMENTS_HEADING.match(low):
            headers = blocks[index + 1 : index + 6]
            if (
                (
                    any(_COMMENT_HEADER.match(header.plain) or _is_comment_header(header.plain) for header in headers)
                    # round 9: the reader's name on a line of its own, the age on the next ("oksana_k", "2 hours ago")
                    or any(
                        (_COMMENT_AGE.match(age.plain) or age.drop and _DATE_STAMP.match(age.plain))
                        and _READER_NAME.fullmatch(name.plain)
                        for name, age in zip(headers, headers[1:])
                    )
                )
                and any(not above.drop and _is_body(above) for above in blocks[:index])
            ):
                for rest in blocks[index:]:
                    rest.drop = True
                return
        elif not below.drop and below.terminal and len(below.plain) <= _MAX_FURNITURE_CHARS:
            if below.plain.split(None, 1)[0] in plain and _AUTHOR_BIO.match(below.plain):
                below.drop = True
            elif plain[:3] == "By " and _is_bio_under_byline(plain, below.plain):
                below.drop = True


def _is_bio_under_byline(byline: str, plain: str) -> bool:
    """Round 14: the author's bio right under the byline, by the byline's surname and a bio's verb.

    "Mr. Kessler was a deputy assistant secretary of state." under "By Daniel W. Kessler"; no quote and no reported
    speech ("Kessler said ..." is news).
    """
    surname = byline.rstrip(" .,").rsplit(None, 1)[-1]
    if len(plain) > 200 or _has_any(plain, _QUOTE_CHARS) or not surname[:1].isupper():
        return False
    found = _BIO_UNDER_BYLINE.match(plain)
    return found is not None and found.group(1) == surname and _REPORTED_KEYS.isdisjoint(plain.split())


def _is_comment_header(plain: str) -> bool:
    """Round 12: a reader's name and a date stamp ("Mikhail P. today, 07:40"), or a comment's buttons ("Reply")."""
    if len(plain) > 50:
        return False
    if _COMMENT_BUTTON.fullmatch(plain):
        return True
    named = _READER_STAMPED.match(plain)
    return named is not None and _DATE_STAMP.match(plain[named.end() :]) is not None


def _ends_led_list(blocks: list[_Block], index: int) -> bool:
    """Whether a block is a bulleted item after a sentence's lead-in ending in a colon: body text, not a footer.

    "The minister listed three demands:" and its items without a full stop are the body's last points.
    """
    if not _is_bullet_item(blocks[index].plain):
        return False
    while index > 0 and _is_bullet_item(blocks[index].plain):
        index -= 1
    lead = blocks[index].plain
    return not blocks[index].drop and lead[-1] == ":" and lead.count(" ") >= 4 and any(c.islower() for c in lead)


def _is_bullet_item(plain: str) -> bool:
    """Whether a line starts with a bullet: a bullet sign, or a dash and a space ("– reverse image search ...;")."""
    return plain[:1] in _BULLET_CHARS or plain[:1] in "-–—*" and plain[1:2] == " "


def _mark_footer(blocks: list[_Block]) -> None:
    """After the last paragraph of body text, drop short lines that end without a full stop, bios and site talk.

    The body ends with the last paragraph that is no author's bio and no sentence about the outlet, or with
    the last point of a list led in by a sentence ending in a colon below it.
    """
    last_body = list_end = None
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.drop:
            continue
        if _is_body(block):
            if not _is_footer_talk(block) and not _is_byline_bio(blocks, block):
                last_body = index if list_end is None else list_end  # the list's points after it are body too
                break
        elif list_end is None and _ends_led_list(blocks, index):
            list_end = index
    if last_body is None:
        return
    # round 14: an address that opens with its salutation ("Dear Ukrainians!") ends with its one exclamation
    # ("Glory to Ukraine!") even set apart; a channel's sign-off of two ("Glory to Ukraine! Glory to the Heroes!")
    # or a page with no salutation goes, as before
    address = any(not block.drop and block.plain[-1] == "!" and _SALUTATION.match(block.plain) for block in blocks)
    cards = _card_headlines(blocks)
    for index, block in enumerate(blocks[last_body + 1 :], last_body + 1):
        if address and not block.drop and block.plain[-1] == "!" and "! " not in block.plain:
            if block.plain.count(" ") <= 5:
                continue
        if index in cards:
            continue  # round 15: an aggregator's last card below the last teaser ("<headline>" + "Site · Yesterday")
        if not block.drop:
            # round 12: one exclamation right under the last paragraph, with no blank line, ends a speech
            # ("... make it possible for us to negotiate at all." + "Glory to Ukraine!"), as the golds keep it
            if (
                len(block.plain.split()) <= 12
                and not block.terminal
                or _is_footer_talk(block)
                or _is_byline_bio(blocks, block)
                or _is_sign_off(block)
                and (block.blank_before or "! " in block.plain)
            ):
                block.drop = True


def _card_headlines(blocks: list[_Block]) -> set[int]:
    """Round 15: an aggregator's cards, the headlines each followed by a dropped source line ("Site · 3 hours ago").

    Only on a page with three or more kept ones: there the last card, below the last teaser, is a headline too.
    """
    sources = [index for index, block in enumerate(blocks) if block.drop and " · " in block.plain]
    if len(sources) < 3:
        return set()

    def card(index: int) -> bool:
        block = blocks[index]
        return " · " not in block.plain and len(block.plain) >= 30 and not block.terminal

    cards = {index - 1 for index in sources if index and card(index - 1)}
    if sum(not blocks[index].drop for index in cards) < 3:
        # Round 17: or each headline under its source line ("Site · 2 hours ago" + "<headline>" + its teaser)
        cards = {index + 1 for index in sources if index + 1 < len(blocks) and card(index + 1)}
    return cards if sum(not blocks[index].drop for index in cards) >= 3 else set()


def _is_byline_bio(blocks: list[_Block], block: _Block) -> bool:
    """Round 13: an author's bio after the body that opens with the name of the page's byline.

    "Anna K. Berg taught law in Lviv for 20 years. She lives in Riga." under a dropped byline "ANNA K. BERG" or
    "By Anna K. Berg" above the body; no quote, no reported speech (a last paragraph "Anna Berg said ..." is news).
    """
    plain = block.plain
    if len(plain) > _MAX_FURNITURE_CHARS or _has_any(plain, _QUOTE_CHARS) or not (name := _BIO_NAME.match(plain)):
        return False
    if not _REPORTED_KEYS.isdisjoint(plain.split()):
        return False
    head = plain[: name.end() - 1].rstrip(" –—-").upper()
    if head.startswith("THE "):
        return False  # round 17: "The Ministry reminds ..." opens with no person's name (a menu's "About the Ministry")
    standfirst = False
    for other in blocks:
        if other is block or not other.drop and _is_body(other) and standfirst:
            return False  # only a byline above the body counts
        if not other.drop and _is_body(other):
            standfirst = True  # round 14: or a "By ..." line under one paragraph, the standfirst
        elif other.drop and len(other.plain) <= 80 and head in other.plain.upper():
            if not standfirst or other.plain[:3] in ("By ", "BY "):
                return True
    return False


def _mark_subheads(blocks: list[_Block]) -> None:
    """Drop a body's content-free sub-heads: "What we found", "Why it matters", "Our conclusion".

    Below the first paragraph of body text, a line of six words at most without a full stop that opens
    with a question word or "Our" heads a section, and so does a line that a table of contents above
    the body listed; such a line says nothing itself.
    """
    body = False
    contents: dict[str, _Block] = {}  # list items without a stop: a table of contents' perhaps
    for index, block in enumerate(blocks):
        if block.terminal:  # most blocks: paragraphs
            if not body and not block.drop:
                body = _is_body(block)
            continue
        if block.plain[:1] in _BULLET_FIRST:
            bullet = _BULLET.match(block.plain)
            if bullet:
                contents[block.plain[bullet.end() :]] = block
                continue
        if not body:
            continue
        if block.plain in contents:
            # A sub-head that a list above named ("2. Sanctions and frozen assets"): the list was a table
            # of contents, and both go.
            block.drop = contents[block.plain].drop = True
        elif block.plain[:1] in "WHOARC":
            words = block.plain.split()
            first = words[0].replace("’", "'").split("'", 1)[0] if words else ""  # "What's next"
            if 0 < len(words) <= 6 and first in _SUBHEAD_FIRST and block.plain[-1] != "?":
                block.drop = True
            elif len(words) <= 8 and block.plain.startswith(_TOPIC_STARTS) and "," not in block.plain:
                block.drop = True  # a briefing's topic heading in the body: "On the situation around Ukraine"
            elif len(words) <= 5 and words[0] == "About" and _ABOUT_HEADING.match(block.plain):
                # A press release's "About the Agency" (dropped already, perhaps, as a short line) and the
                # one or two paragraphs under it that name the sender in their first words ("The State
                # Agency for ..."); under "About the author", the next paragraph can be news again.
                block.drop = True
                name = words[-1].lower()
                for below in blocks[index + 1 : index + 3]:
                    if below.drop or not below.terminal or name not in below.plain[:80].lower() and name != "us":
                        break
                    below.drop = True


def _is_sign_off(block: _Block) -> bool:
    """Short exclamations after the body, a site's or a channel's sign-off: "Stay with us! Stay safe!"."""
    plain = block.plain
    if len(plain) > 80 or plain[-1] != "!":
        return False
    return all(len(part.split()) <= 5 and part[-1] == "!" for part in _EXCLAMATION_END.split(plain))


def _site_suffix(text: str, block: _Block) -> int:
    """Where a headline ends once a site name after it is cut off: "Kyiv refuses talks | Harbor Line".

    Round 13: a post's view counter glued after its last sentence is cut off too ("... were damaged.👁 18.2K").
    """
    end = block.end
    if text[end - 1] in _COUNTER_LAST and (counter := _glued_counter(text, block.start, end)) != end:
        return counter
    if len(block.plain) > 200 or text[end - 1] in _TERMINAL or not _SUFFIX_MARK.search(text, block.start, end):
        return end
    found = _SITE_SUFFIX.search(text, block.start, end)
    if found and (found.group("pipe") or found.group("the") or found.group().split()[-1].lower() in _MEDIA_WORDS):
        return found.start()
    if found and found.group().lstrip(" -–—").lower() in _SITE_NAMES:
        return found.start()  # "... – Meduza", "... - Al Jazeera": an outlet's name, not an attribution ("– Putin")
    return end


def _glued_counter(text: str, start: int, end: int) -> int:
    """Round 13: where a view counter after a sentence's stop starts ("... damaged.👁 18.2K"), or ``end``."""
    tail = max(start, end - 30)
    if text.find("👁", tail, end) == -1 and text.find("👀", tail, end) == -1 and text.find("iew", tail, end) == -1:
        return end  # no counter's mark: most lines that end with a digit ("... in 2024")
    counter = _GLUED_COUNTER.search(text, tail, end)
    return counter.start() if counter else end


def _lead(text: str, block: _Block) -> int:
    """Where a block's statement starts once a glued bullet, dateline or label is cut off (rule 4)."""
    start, end = block.start, block.end
    if text[start] in _BULLET_FIRST:
        bullet = _BULLET.match(text, start, end)
        if bullet:
            start = bullet.end()
    for _ in range(3):  # a dateline, then a source tag, then a label: each at most once in practice
        moved = _cut_label(text, start, end)
        if moved == start:
            break
        start = moved
    return start


def _cut_label(text: str, start: int, end: int) -> int:
    head = text[start : start + 60]
    first = head[:1]
    if (first == "[" or first == "(") and head[1:2].isdigit():
        found = _TIME_CODE.match(text, start, end)
        if found and found.end() < end:
            return found.end()  # a transcript's or a video's time code: "[00:12] The aide spoke ..."
    if first == "(":
        found = _SOURCE_TAG.match(text, start, end)
        return found.end() if found and found.end() < end else start
    if not first.isupper():
        if unicodedata.category(first) == "So":
            # an emoji set before a channel's or a feed's paragraph as its label: "⚡️ In Istanbul, ... said."; round
            # 12: before a headline too ("🔴 Drone attack on ..."), as the golds cut it
            found = _SYMBOL_LABEL.match(text, start, end)
            return found.end() if found and found.end() < end else start
        if first == "[" or first in _FOOTNOTE_MARKS:
            found = _MARK_AT_START.match(text, start, end)  # a note's mark: "[1] The position ..."
        elif first.isdigit():
            found = _ITEM_STAMP.match(text, start, end)  # a timeline's item: "15 January — ..."
        else:
            return start
        return found.end() if found and found.end() < end else start
    if head[:3] in _MONTH_SET or head.find(":", 0, 40) != -1:
        found = _ITEM_STAMP.match(text, start, end)
        if found and found.end() < end:
            return found.end()  # a timeline's or an aggregator's item: "Sept 9: ...", "Site, 07:15 — ..."
    if "-" in head[:8]:
        glued = _AGENCY_GLUED.match(text, start, end)
        if glued:
            return glued.end()
    if head.find(".", 2, 7) != -1:
        tag = _AGENCY_TAG_GLUED.match(text, start, end)
        if tag and sum(c.isupper() for c in tag.group()) >= 2:
            return tag.end()  # an agency's tag glued to the first sentence: "KhNA.Ukraine is ready ..."
    # A dateline is in capitals, or has a date (a month's name), an agency or a dash: cheap tests first.
    dateline = None
    if head[1:2].isupper() or _has_any(head[:50], _DATELINE_MARKS) or _MONTH_HINT.search(head, 0, 50):
        dateline = _DATELINE_PREFIX.match(text, start, end)
    if dateline and dateline.group("agency") and dateline.group("agency")[-1] == "." and not dateline.group("date"):
        dateline = None  # "Kyiv NATO. Allies ...": an agency's bare tag counts only after a date
    if dateline and dateline.end() < end and (text[dateline.end()].isupper() or text[dateline.end()] in _OPEN_QUOTES):
        if dateline.group("caps"):
            if dateline.group("date") or dateline.group("agency") or dateline.group("dash"):
                return dateline.end()
        elif (
            dateline.group("date")
            or dateline.group("agency")
            or ((dateline.group("region") or dateline.group("second")) and dateline.group("dash"))
        ):
            return dateline.end()  # "Kyiv, 12 May (Ukrinform) –", "Vatican City (AFP) -", "Lviv, Ukraine –"
    if ":" in head[:16] and (turn := _TURN_CUT.match(text, start, end)) and turn.end() < end:
        return turn.end()  # round 15: a transcript's turn label, glued too ("From the floor:Is Russia ready ...?")
    if _has_any(head, _LABEL_MARKS):
        reach = 50 if "(" in head[1:12] else 26  # "Question (Adriatic Wire): " names its source before the colon
        found = _LABEL.match(text, start, end) if _has_any(head[:reach], _LABEL_MARKS) else None
        if found and found.end() < end:
            return found.end()
        if ":" in head[4:28] and end - start > 120 and (dateline := _CAPS_COLON_DATELINE.match(text, start, end)):
            return dateline.end()  # "ISLAMABAD: Pakistan would support ...", before a long sentence
        speaker = _SPEAKER.match(text, start, end) if ":" in head else None
        if speaker and _is_terminal(text[max(speaker.end(), end - 4) : end]) and text[end - 1] not in "'’\"”":
            # "Vladimir Putin: Our negotiators are in contact." (transcripts). A surname alone heads a
            # channel's or a site's news ("Lavrov: Moscow has not received ..."), unless the text is a
            # dialogue, with another line that starts with a speaker.
            if " " in text[start : speaker.end()].strip() or _is_dialogue(text):
                return speaker.end()
    if head[1:3] == ". " and first in "QA" and _is_questions_and_answers(text):
        return start + 3  # "Q. Is Kyiv ready?" / "A. We have always been ready." in an interview
    found = _BARE_LABEL.match(text, start, end) if head.startswith(_BARE_LABEL_WORDS) else None
    return found.end() if found and found.end() < end else start


@functools.lru_cache(maxsize=1)
def _is_questions_and_answers(text: str) -> bool:
    """Whether lines of the text start with "Q. " and others with "A. ": an interview, not initials ("A. Smith")."""
    starts = {line.lstrip()[:3] for line in text.splitlines()}
    return "Q. " in starts and "A. " in starts


@functools.lru_cache(maxsize=1)
def _is_dialogue(text: str) -> bool:
    """Whether two lines of the text or more start with a speaker's name and a colon (an interview, a transcript)."""
    return len(_SPEAKER_LINE.findall(text, 0, 1_000_000)) >= 2


def _split_paragraph(text: str, start: int, end: int, out: list[Statement]) -> None:
    """Append the statements of one kept block (rules 5 to 8)."""
    paragraph = text[start:end]
    size = len(paragraph)
    bullets = not paragraph.isascii() and _has_any(paragraph, _BULLET_CHARS)
    if (
        size <= _MAX_FURNITURE_CHARS
        and not bullets
        and (_one_sentence(paragraph) or _BOUNDARY.search(paragraph) is None)
    ):
        if paragraph[-1] in _MARK_ENDS:
            _append_unmarked(text, start, end, out)
        else:
            out.append(_statement((paragraph, start, end)))  # one sentence, checked whole as a block: most blocks
        return
    parts = [(0, size)]
    if bullets:
        cuts = [0]
        for bullet in _INLINE_BULLET.finditer(paragraph):
            cuts += [bullet.start(), bullet.end()]
        cuts.append(size)
        parts = list(zip(cuts[::2], cuts[1::2]))
    for part_start, part_end in parts:
        if part_start == 0 and len(parts) > 1 and paragraph[part_end - 1].isalpha():
            head = paragraph[:part_end]
            if head[0].isupper() and " " not in head:
                continue  # round 13: a place before its bullet, "Odesa • The port reopened ...": a dateline
        spans = _sentences(paragraph, part_start, part_end)
        # ... or start with one: "Northwind Courier © 2026. Registered as ...", "Reading time 3 min. ..."
        cut = len(spans) > 1 and spans[0][1] - spans[0][0] <= 80
        if cut:
            low = paragraph[spans[0][0] : spans[0][1]].lower()
            starts = _INTERFACE_STARTS.get(low[:1])
            cut = ("©" in low or starts is not None and low.startswith(starts)) and _is_interface(_plain(low))
        if cut:
            spans.pop(0)
        if len(spans) > 1 - cut and spans[-1][1] == size and size - spans[-1][0] <= 200:
            # A paragraph can end with a credit or an appeal after its news ("... Please contact us for ...").
            low = _plain(paragraph[spans[-1][0] :]).lower()
            if (
                _is_boilerplate(low)
                or _is_interface(low)
                or low.startswith("source")
                and _SOURCE_NOTE.match(low) is not None
                or len(low) <= 40
                and _all_interface(words := low.split())
                and len(words) > 1
            ):
                spans.pop()  # "... Learn more." (a reply, "Yes.", stays)
                if len(spans) == 1 and low.startswith(_CREDIT_FIRST) and _caption_shaped(paragraph[: spans[0][1]]):
                    spans.pop()  # round 13: a caption before its glued credit, "Olena Berg at the launch. Photo by ..."
                elif len(spans) == 1 and _is_boilerplate(_plain(paragraph[spans[0][0] : spans[0][1]]).lower()):
                    # Round 16: two notices in one line, each of its own kind ("<Site> is not affiliated with
                    # Telegram. Content belongs to the channel owners."): the first goes with the second.
                    spans.pop()
        for piece_start, piece_end in spans:
            piece = paragraph[piece_start:piece_end]
            trimmed = piece.strip()
            if len(trimmed) != len(piece):
                if not trimmed:
                    continue
                piece_start += len(piece) - len(piece.lstrip())
                piece_end = piece_start + len(trimmed)
            if trimmed[0] in "([" and (note := _STAGE_NOTE.match(trimmed)):
                # A transcript's note between a speaker's sentences: "(Laughs.)", "[Applause] That is ...".
                if note.end() == len(trimmed):
                    continue
                if trimmed[note.end()] != " ":
                    note = None
                if note:
                    cut = len(trimmed) - len(trimmed[note.end() :].lstrip())
                    piece_start += cut
                    trimmed = trimmed[cut:]
            if len(trimmed) > MAX_STATEMENT_CHARS:
                _bounded(text, start + piece_start, start + piece_end, out)
            elif trimmed[-1] in _MARK_ENDS:
                _append_unmarked(text, start + piece_start, start + piece_end, out)
            else:
                out.append(_statement((trimmed, start + piece_start, start + piece_end)))


def _append_unmarked(text: str, start: int, end: int, out: list[Statement]) -> None:
    """Append a sentence without the footnote mark after its stop ("... was agreed.[2]"): the mark is furniture."""
    mark = _MARK_AT_END.search(text, start, end)
    end = mark.start() if mark else end
    out.append(_statement((text[start:end], start, end)))


def _one_sentence(paragraph: str) -> bool:
    """Whether an ASCII paragraph has a full stop, "!" or "?" only at its end: then no boundary can match."""
    if not paragraph.isascii():
        return False
    body = paragraph.rstrip(_AFTER_LAST_STOP)
    return "." not in body and "!" not in body and "?" not in body


def _sentences(paragraph: str, offset: int, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``paragraph[offset:limit]``, one-word fragments joined on (rule 7)."""
    pieces: list[tuple[int, int]] = []
    for match in _BOUNDARY.finditer(paragraph, offset, limit):
        if _ends_sentence(paragraph, match):
            cut = match.start("space")
            resume = match.end()
            if cut == resume and paragraph[cut - 1] == '"':
                # Glued "...Friday."Our position...": the quote opens the next sentence when the
                # piece so far has an even number of straight quotes.
                # Counted from the paragraph's start: an earlier sentence of the quote may hold its opening mark.
                if paragraph.count('"', 0, match.start()) % 2 == 0:
                    cut = resume = match.start("close")
                elif match.group("close").startswith('""'):
                    cut = resume = match.start("close") + 1  # round 12: 'Istanbul.""Nobody': one closes, one opens
            if (
                paragraph[cut - 1] == "."
                and cut - offset < 40
                and len(paragraph[offset:cut].split(maxsplit=1)) == 1
                and paragraph[offset:cut].strip().lower() not in _REPLIES
            ):
                continue  # a one-word fragment ("Meanwhile.") joins the sentence after it; a reply ("Yes.") does not
            pieces.append((offset, cut))
            offset = resume
    pieces.append((offset, limit))
    return pieces


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """Decide whether a candidate boundary really ends a sentence (the pattern has seen no lower-case letter)."""
    begin = match.start()
    end = match.end()
    following = paragraph[end : end + 6].lstrip(_OPENERS)
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    if end == match.start("space"):
        # Glued sentences ("Friday.The Kremlin", "in 2022.It was"): a lower-case letter, a closing quote
        # or a digit before, a capital after (and a word, after a digit). "U.S.", "Jan.5", "3.5" stay whole.
        before = paragraph[begin - 1] if begin else ""
        if not (before.islower() or before in _CLOSE_QUOTES or match.group("close")):
            if not (before.isdigit() and following[:2].istitle() and len(following) > 1 and following[1].islower()):
                return False
        if not paragraph[end : end + 2].lstrip(_OPEN_QUOTES)[:1].isupper():
            return False
    term = match.group("term")
    tail = paragraph[max(0, begin - 45) : begin]
    if (term == "." or term == "．") and not (tail[-7:].isalpha() and tail[-7:].islower()):
        # A word of seven lower-case letters is no title and no initial; others are looked up.
        # Look back a few characters only: a whole-prefix copy would make long paragraphs quadratic.
        before = tail[-30:].split()
        word = before[-1].lstrip(_OPENERS) if before else ""
        if ":" in word:
            word = word.rpartition(":")[2]  # a speaker glued to the answer: "Okno TV:Mr. Ryabkov"
        if not word.isascii():
            word = unicodedata.normalize("NFKC", word.translate(_DELETE_INVISIBLE))
        if word.lower() in _TITLES and not _is_reply_no(paragraph, begin, word, following):
            if word.lower() not in _SUFFIX_ABBREVIATIONS or not _opens_sentence(paragraph, end, word.lower()):
                return False
        if ("." in word or len(word) == 1) and _INITIALISM.search(word):  # an initialism has a dot or one letter
            # "wrote on X." names the network; "10 a.m. The talks", "the U.S. It was": a word that only
            # starts sentences ends the one before, where "a.m. Moscow time" and "U.S. President" run on.
            # Round 17: a lower-case initialism glued to a capitalised word ends its sentence on a glued page ("at
            # 4 p.m.Organisers said"), where "4 p.m. Moscow time", with its space, runs on.
            glued = end == match.start("space") and not word.isupper() and following[1:2].islower()
            if not (word == "X" and tail.endswith(" on X")) and not glued:
                if paragraph[end : end + 12].split(maxsplit=1)[0].strip(_TOKEN_PUNCT) not in _SENTENCE_STARTERS:
                    return False
    if _has_any(tail, _TITLE_OPENERS) and _in_short_title(paragraph, begin, end):
        return False  # a title with a full stop inside quotes: '"Don Quixote. A Chronicle" and ...'
    # "'Are we ready?' Putin asked." is one sentence: quote plus attribution.
    if term in "?!" and match.group("close") and _SPEECH_VERB.match(paragraph, end, end + 80):
        return False
    return True


def _opens_sentence(paragraph: str, end: int, abbreviation: str) -> bool:
    """Whether the text at ``end``, after ``abbreviation``, opens a sentence: an opening quote, a word that only
    starts one, or after a street's "Ave." or "Blvd." any capitalised word ("... on Peremohy Ave. Residents said");
    not "Ave. NW" nor "St. Petersburg"."""
    if paragraph[end : end + 1] in _OPEN_QUOTES:
        return True
    word = paragraph[end : end + 16].split(maxsplit=1)[0].strip(_TOKEN_PUNCT)
    if abbreviation in _STREET_ENDS and word[1:2].islower() and word[:1].isupper():
        return True
    return word in _SENTENCE_STARTERS


def _is_reply_no(paragraph: str, begin: int, word: str, following: str) -> bool:
    """Whether "No." before a word is a reply ("No. Talking is not a weakness", "..., no. No one"), not "No. 5"."""
    if word == "no":
        return following[0].isalpha()  # round 13: "As a border, no. No government ..." ("no. 5" has its digit)
    if word != "No" or not following[0].isalpha():
        return False
    return paragraph[max(0, begin - 40) : begin - 2].rstrip()[-1:] in _REPLY_BEFORE


def _in_short_title(paragraph: str, begin: int, end: int) -> bool:
    """Whether a full stop lies inside a short quoted title that runs on: 'the show "Kyiv. Odesa. 1910" runs'.

    The quote opened after a lower-case word, a comma or a colon, or at the start of the block, and
    closes within a few words, without a comma (a quote of speech ends "...," he said), before a
    lower-case word or a punctuation mark.
    """
    opened = _TITLE_OPENED.search(paragraph, max(0, begin - 45), begin)
    if opened is None:
        return False
    quote = opened.start()
    if paragraph[quote] == '"' and quote and not paragraph[quote - 1].isspace():
        return False  # a straight quote right after a word or a comma closes a quote ('talking," the official said.')
    before = paragraph[:quote].rstrip()[-1:]
    if before and not (before.islower() or before in ",:"):
        return False
    closed = _TITLE_CLOSES.match(paragraph, end, end + 60)
    if closed is None:
        return False
    if "," in paragraph[quote : closed.end() - 1] and not _TITLE_WORD.search(paragraph, max(0, quote - 12), quote):
        return False
    # A quote that is the whole block and ends with its stop is speech of two sentences or more (a pull quote:
    # '"A truce is a contract. Someone must enforce it."'), not a title.
    return bool(before) or closed.end() < len(paragraph) or paragraph[closed.end() - 2] not in _TERMINAL


def _bounded(text: str, start: int, end: int, out: list[Statement]) -> None:
    """Trim a span and append it, cut into pieces no longer than the limit (rule 8)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_STATEMENT_CHARS:
        limit = start + MAX_STATEMENT_CHARS
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        cut = cut if cut > start else limit
        out.append(_statement((text[start:cut], start, cut)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(_statement((text[start:end], start, end)))


#: Longest piece :func:`pieces` gives: a text this long holds thousands of statements.
PIECE_CHARS = 262_144


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    r"""Cut a long text into pieces at paragraph breaks, to classify it piece by piece.

    The command line classifies a huge text (a dump of millions of short
    sentences, say) one piece at a time, so that its memory stays flat
    whatever the text's shape: only one piece's statements and scores are
    held at once. A piece ends at the last blank line before ``limit``
    characters, else the last line break, else the last whitespace, else at
    ``limit``; a text no longer than ``limit`` is one piece.

    Parameters
    ----------
    text : str
        The text.
    limit : int, default PIECE_CHARS
        Longest piece, in characters.

    Yields
    ------
    (int, str)
        Each piece's offset in ``text`` and the piece; the pieces put end to
        end are ``text``.

    Examples
    --------
    >>> list(pieces("One.\n\nTwo.", limit=8))
    [(0, 'One.\n\n'), (6, 'Two.')]
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n") + 2, 0)
        if cut <= 2:
            cut = window.rfind("\n") + 1
        if cut <= 1:
            spaces = [window.rfind(c) for c in " \t"]
            cut = max(spaces) + 1 if max(spaces) > 0 else limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]
