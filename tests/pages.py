"""Whole news pages written for the tests: article body, metadata and page furniture.

Each page is a dict with the HTML, the sentences of the article body (which an
extractor must keep) and the furniture strings (which it must drop). The
outlets, people's words and events are invented for the tests.
"""

from __future__ import annotations

WIRE = {
    "title": "Kremlin says talks with Kyiv possible if 'realities' are accepted",
    "date": "2025-03-14",
    "site": "Northern Wire",
    "body": [
        "The Kremlin said on Friday that it was ready to resume talks with Ukraine, but only if Kyiv accepted "
        "what it called the new territorial realities.",
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow had never refused dialogue.",
        '"We are open to negotiations, but the realities on the ground cannot be ignored," Peskov said.',
        "Ukraine's foreign ministry rejected the remarks within hours & called them an ultimatum.",
        "Diplomats in Geneva said a first meeting of technical teams could take place next month.",
    ],
    "furniture": [
        "Skip to content",
        "World",
        "Accept cookies",
        "Share on Facebook",
        "Russian drones hit power plant in Kharkiv region",
        "Zelensky visits front-line positions near Pokrovsk",
        "Photo: Alexei Orlov/Northern Wire",
        "Subscribe to our newsletter",
        "trackEvent",
        "font-family",
        "All rights reserved",
    ],
}

WIRE["html"] = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{WIRE["title"]} | Northern Wire</title>
<meta property="og:title" content="{WIRE["title"]}">
<meta property="og:site_name" content="Northern Wire">
<meta property="article:published_time" content="2025-03-14T09:12:00Z">
<meta name="author" content="Anna Berg">
<style>body {{ font-family: Georgia, serif; }} .share a {{ color: #333; }}</style>
<script>window.dataLayer = []; function trackEvent(e) {{ dataLayer.push(e); }}</script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
  <li><a href="/markets">Markets</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept cookies</button></div>
</header>
<main id="main">
<article>
  <h1>{WIRE["title"]}</h1>
  <div class="byline">By Anna Berg &middot;
    <time datetime="2025-03-14T09:12:00Z">March 14, 2025 9:12 AM UTC</time></div>
  <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
  <figure><img src="/img/peskov.jpg" alt="">
    <figcaption>Dmitry Peskov at a briefing in Moscow. Photo: Alexei Orlov/Northern Wire</figcaption></figure>
  <p>MOSCOW, March 14 (Northern Wire) - {WIRE["body"][0]}</p>
  <p>{WIRE["body"][1]}</p>
  <p>&ldquo;We are open to negotiations, but the realities on the ground cannot be ignored,&rdquo; Peskov said.</p>
  <p>Ukraine&#39;s foreign ministry rejected the remarks within hours &amp; called them an ultimatum.</p>
  <p>{WIRE["body"][4]}</p>
  <script>trackEvent({{"name": "article_read"}});</script>
</article>
<aside class="related"><h2>Related news</h2><ul>
  <li><a href="/a1">Russian drones hit power plant in Kharkiv region</a></li>
  <li><a href="/a2">Zelensky visits front-line positions near Pokrovsk</a></li>
</ul></aside>
</main>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2025 Northern Wire. All rights reserved.</p></footer>
</body>
</html>
"""

WIRE["body"][2] = (
    "\u201cWe are open to negotiations, but the realities on the ground cannot be ignored,\u201d Peskov said."
)

KYIV = {
    "title": "Foreign minister: Ukraine will not trade land for a ceasefire",
    "date": "2025-05-02",
    "site": "Dnipro Herald",
    "body": [
        "Ukraine will not give up any of its territory in exchange for a pause in the fighting, the foreign "
        "minister said on Friday.",
        "Speaking at a press conference in Kyiv, the minister said a ceasefire without guarantees would only "
        "let Russia regroup.",
        "He added that Kyiv was ready to discuss an exchange of prisoners and the return of deported children.",
        "According to the ministry, more than 300 Ukrainian soldiers came home in the last exchange in April.",
    ],
    "furniture": [
        "Home",
        "Politics",
        "Read also: Parliament extends martial law for another 90 days",
        "Tags:",
        "Comments (214)",
        "Follow us on Telegram",
        "Support independent journalism",
        "gtag",
    ],
}

KYIV["html"] = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{KYIV["title"]} - Dnipro Herald</title>
<meta property="og:site_name" content="Dnipro Herald">
<meta name="date" content="2025-05-02">
<script async src="https://example.invalid/gtag.js"></script>
<script>function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());</script>
</head><body>
<div id="top-menu"><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/war">War</a> |
<a href="/economy">Economy</a> | <a href="/culture">Culture</a></div>
<div class="content">
 <div class="post">
  <h1 class="post-title">{KYIV["title"]}</h1>
  <span class="post-date">2 May 2025, 14:05</span>
  <div class="post-text">
   <p><strong>{KYIV["body"][0]}</strong></p>
   <p>{KYIV["body"][1]}</p>
   <p class="read-also"><a href="/n/8812">Read also: Parliament extends martial law for another 90 days</a></p>
   <p>{KYIV["body"][2]}</p>
   <p>{KYIV["body"][3]}</p>
  </div>
  <div class="tags">Tags: <a href="/t/talks">talks</a>, <a href="/t/ceasefire">ceasefire</a></div>
  <div class="donate">Support independent journalism. <a href="/donate">Donate</a></div>
  <div class="comments-link"><a href="#c">Comments (214)</a></div>
 </div>
 <div class="sidebar"><a href="https://t.me/x">Follow us on Telegram</a></div>
</div>
</body></html>
"""

STATE = {
    "title": "Lavrov: Moscow ready for dialogue on European security",
    "date": "2025-02-20",
    "site": "Central Telegraph",
    "body": [
        "Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow remained open to a dialogue on "
        "European security.",
        "Lavrov said the West had ignored Russia's proposals for years and was now reaping the consequences.",
        "The minister stressed that any settlement must take into account the interests of the residents of the "
        "new regions.",
    ],
    "furniture": [
        "Font size",
        "Print",
        "Listen to this article",
        "3 min read",
        "Advertisement",
        "Show more",
    ],
}

STATE["html"] = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{STATE["title"]}</title>
<meta property="og:site_name" content="Central Telegraph">
<meta itemprop="datePublished" content="2025-02-20">
<noscript><img src="/pixel.gif"></noscript>
</head><body>
<div class="toolbar"><button>Font size</button> <button>Print</button> <span>Listen to this article</span>
<span>3 min read</span></div>
<div class="article">
<h1>{STATE["title"]}</h1>
<div class="lead"><p>MOSCOW, February 20. /CT/. {STATE["body"][0]}</p></div>
<div class="ad">Advertisement</div>
<div class="text"><p>{STATE["body"][1]}</p><p>{STATE["body"][2]}</p></div>
<button class="more">Show more</button>
</div>
</body></html>
"""

BROADCASTER = {
    "title": "Ceasefire talks: what each side wants",
    "date": "2025-06-10",
    "site": "Channel Eleven",
    "body": [
        "Negotiators from Russia and Ukraine are due to meet in Istanbul on Wednesday for a third round of talks.",
        "Moscow wants Kyiv to withdraw its troops from four regions before any ceasefire takes effect.",
        "Kyiv says it will not discuss territory until the fighting stops along the whole front line.",
        "European officials said they would attend as observers, though they have no seat at the table.",
    ],
    "furniture": [
        "Live",
        "Watch: Drone footage shows damage in Odesa",
        "Credit: Reuters/Yuri Kovalenko",
        "Read more: Why the Black Sea deal collapsed",
        "More on this story",
        "Share this page",
        "Copy link",
        "Top stories",
        "Most read",
        "Accept and continue",
    ],
}

BROADCASTER["html"] = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{BROADCASTER["title"]} - Channel Eleven News</title>
<meta property="og:site_name" content="Channel Eleven">
<meta property="article:published_time" content="2025-06-10T06:30:00+01:00">
<link rel="canonical" href="https://news.example.invalid/world/ceasefire-talks">
<style>.promo{{display:none}}</style>
</head><body>
<div id="consent"><p>We use cookies to give you the best online experience.</p>
<button>Accept and continue</button></div>
<header><a href="/">Channel Eleven</a><nav><a href="/live">Live</a> <a href="/news">News</a>
<a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main>
<article>
<header><h1>{BROADCASTER["title"]}</h1><p><time datetime="2025-06-10">10 June 2025</time> &bull; Share this page
<button>Copy link</button></p></header>
<figure><img src="/i/istanbul.jpg" alt="Delegates arrive">
<figcaption>Delegates arrived at the Dolmabah&ccedil;e palace in May.
Credit: Reuters/Yuri Kovalenko</figcaption></figure>
<p>{BROADCASTER["body"][0]}</p>
<p>{BROADCASTER["body"][1]}</p>
<div class="promo-link"><a href="/v/odesa">Watch: Drone footage shows damage in Odesa</a></div>
<p>{BROADCASTER["body"][2]}</p>
<p><b><a href="/n/black-sea">Read more: Why the Black Sea deal collapsed</a></b></p>
<p>{BROADCASTER["body"][3]}</p>
<section class="related"><h2>More on this story</h2><ul>
<li><a href="/n/1">Who is in Ukraine's negotiating team?</a></li>
<li><a href="/n/2">Kremlin names new envoy for talks</a></li></ul></section>
</article>
<aside><h2>Top stories</h2><ul><li><a href="/n/3">Floods hit southern Germany</a></li></ul>
<h2>Most read</h2><ol><li><a href="/n/4">Markets fall as oil prices rise</a></li></ol></aside>
</main>
<footer>&copy; 2025 Channel Eleven. <a href="/terms">Terms of use</a></footer>
</body></html>
"""

PAGES = {"wire": WIRE, "kyiv": KYIV, "state": STATE, "broadcaster": BROADCASTER}
