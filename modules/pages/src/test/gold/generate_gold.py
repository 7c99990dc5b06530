#!/usr/bin/env python3
"""Generates the extraction gold set: varied news-site layouts around hand-written stories.

Each page NN-layout-slug.html comes with NN-layout-slug.txt, the expected main text: the story's body paragraphs
(and in-body subheadings, list items and quotes) joined with blank lines. The expected text comes from the story
data, never from the extractor. Run: python3 modules/pages/src/test/gold/generate_gold.py
"""
import html
import os
import random

from stories import STORIES

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "gold")
E = html.escape

SITES = [("The Korea Monitor", "koreamonitor.example"), ("Pacific Wire", "pacificwire.example"),
         ("Seoul Daily Times", "seouldaily.example"), ("East Asia Review", "eastasiareview.example"),
         ("Global Security Post", "gsp.example"), ("Northeast Observer", "neobserver.example")]
AUTHORS = ["Jean Mackenzie", "Kim Min-ji", "David Lee", "Sarah Okafor", "Hiroshi Tanaka", "Park Soo-yeon",
           "Michael Brown", "Elena Petrova"]
NAV = ["Home", "World", "Asia", "Politics", "Business", "Technology", "Opinion", "Video", "Podcasts", "Sport"]
RELATED = [
  "Seoul and Tokyo agree to share missile warning data in real time",
  "Explainer: what we know about North Korea's solid-fuel missiles",
  "Why the UN sanctions panel mattered, and what replaces it",
  "Inside the border town that lives with propaganda loudspeakers",
  "Analysis: how Russia and North Korea became allies again",
  "Photos: the making of a military parade in Pyongyang",
  "China urges restraint after new round of drills near the peninsula",
  "Japan boosts defence budget to record high amid regional tension",
]
COMMENTS = [
  ("hanriver88", "This is exactly what happens when sanctions are not enforced properly. Everyone saw this coming years ago and nobody in the council wanted to do anything about it, so here we are again."),
  ("pacific_observer", "I lived in Seoul for six years and people there are far calmer about this than the headlines suggest. Life goes on, the subway is full, and most people barely check the news when a launch happens."),
  ("m.k.", "The real question is what Beijing is willing to do. Without China nothing will change, and China has no interest in a collapse on its border, whatever it says in public statements."),
  ("DefenceNerd", "Lofted trajectory again. If they ever fire one on a standard trajectory over Japan the whole calculation changes, and I suspect the analysts quoted here know that very well."),
  ("tokyo_reader", "Another alert on my phone this morning at seven. The kids are used to it now, which is perhaps the saddest part of the whole story, honestly."),
  ("skeptic42", "Every few months we read the same article with different numbers. Talks, drills, launches, condemnation, repeat. Maybe it is time for a completely different approach to diplomacy."),
]
COOKIE = ("We use cookies and similar technologies to improve your experience, to personalise content and ads, to provide social media features and to analyse our traffic. "
          "By clicking Accept all you consent to the use of cookies by us and our partners. You can change your choices at any time in Privacy settings.")
NEWSLETTER = ("Get the morning briefing: the day's most important news from Asia and around the world, delivered to your inbox every weekday before breakfast.")
PAYWALL = ("You have reached your limit of free articles this month. Subscribe now to continue reading, and get unlimited access to award-winning journalism, the daily newsletter and our archive of more than a million stories.")
BIO = "{a} is a correspondent covering North and South Korea, defence and diplomacy. She previously reported from Tokyo and Beijing and studied international relations in Seoul."
FOOTER = "© 2026 {s}. All rights reserved. Reproduction of material from this site without written permission is strictly prohibited. Terms of use, privacy policy, cookie policy and accessibility statement."
ABOUT = "{s} is an independent newsroom covering security, politics and society across Northeast Asia, with correspondents in Seoul, Tokyo, Beijing and Washington."
SUBHEADS = ["What happened", "How the region reacted", "Why it matters", "What comes next", "Background"]


def p(text, rng, link_host=None):
  """A paragraph with occasional inline markup, as real CMSs produce."""
  t = E(text)
  words = t.split(" ")
  if rng.random() < 0.35 and len(words) > 12:
    i = rng.randrange(2, len(words) - 4)
    words[i] = "<a href=\"https://%s/topics/%d\">%s" % (link_host or "example.org", rng.randrange(1000), words[i])
    words[i + 1] = words[i + 1] + "</a>"
  elif rng.random() < 0.3 and len(words) > 8:
    i = rng.randrange(0, len(words) - 2)
    words[i] = "<em>" + words[i]
    words[i + 1] = words[i + 1] + "</em>"
  return "<p>" + " ".join(words) + "</p>"


def head(story, site, author, published, lang, kind, url):
  title = E(story["title"])
  parts = ['<!DOCTYPE html>', '<html lang="%s">' % lang, "<head>", '<meta charset="utf-8">',
           "<title>%s | %s</title>" % (title, E(site[0])),
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<link rel="stylesheet" href="/static/site.css">',
           '<link rel="canonical" href="%s">' % url]
  if kind % 3 == 0:
    parts.append('<meta property="og:title" content="%s">' % title)
    parts.append('<meta property="og:site_name" content="%s">' % E(site[0]))
    parts.append('<meta property="og:image" content="https://%s/img/%s.jpg">' % (site[1], story["slug"]))
    parts.append('<meta property="article:published_time" content="%s">' % published)
    parts.append('<meta name="author" content="%s">' % author)
  elif kind % 3 == 1:
    parts.append('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
                 '"headline":"%s","datePublished":"%s","author":[{"@type":"Person","name":"%s"}],'
                 '"publisher":{"@type":"Organization","name":"%s"},"image":["https://%s/img/%s.jpg"]}</script>'
                 % (story["title"].replace('"', '\\"'), published, author, site[0], site[1], story["slug"]))
  else:
    parts.append('<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
                 '{"@type":"WebSite","name":"%s"},{"@type":"NewsArticle","headline":"%s","datePublished":"%s",'
                 '"author":{"@type":"Person","name":"%s"}}]}</script>'
                 % (site[0], story["title"].replace('"', '\\"'), published, author))
  parts.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
               "gtag('js',new Date());gtag('config','G-XXXX');var adSlots={top:'div-gpt-ad-1',mid:'div-gpt-ad-2'};</script>")
  parts.append("<style>body{font-family:Georgia,serif}.ad{min-height:250px}.cookie-banner{position:fixed;bottom:0}</style>")
  parts.append("</head>")
  return "\n".join(parts)


def site_header(site, rng):
  links = "".join('<li><a href="/%s">%s</a></li>' % (n.lower(), n) for n in NAV)
  return ('<header class="site-header"><a class="logo" href="/">%s</a><nav class="main-nav"><ul>%s</ul></nav>'
          '<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>'
          % (E(site[0]), links))


def site_footer(site):
  cols = "".join('<li><a href="/%s">%s</a></li>' % (n.lower(), n) for n in NAV[:6])
  return ('<footer class="site-footer"><ul>%s</ul><p>%s</p><p>%s</p></footer>'
          % (cols, E(ABOUT.format(s=site[0])), E(FOOTER.format(s=site[0]))))


def related_list(rng, cls="related-stories", with_summaries=False):
  items = rng.sample(RELATED, 4)
  if with_summaries:
    lis = "".join('<div class="card"><h3><a href="/news/%d">%s</a></h3><p>%s</p></div>'
                  % (rng.randrange(10000), E(t), E("Officials and analysts weigh in on the latest developments and what they mean for the region in the weeks ahead."))
                  for t in items)
    return '<section class="%s"><h2>More on this story</h2>%s</section>' % (cls, lis)
  lis = "".join('<li><a href="/news/%d">%s</a></li>' % (rng.randrange(10000), E(t)) for t in items)
  return '<section class="%s"><h2>Related</h2><ul>%s</ul></section>' % (cls, lis)


def comments(rng, n=5, cls="comments"):
  cs = rng.sample(COMMENTS, min(n, len(COMMENTS)))
  body = "".join('<li class="comment"><div class="comment-author">%s</div><div class="comment-body"><p>%s</p></div>'
                 '<a class="reply" href="#">Reply</a></li>' % (E(u), E(t)) for u, t in cs)
  return '<section id="comments" class="%s"><h2>%d comments</h2><ol class="comment-list">%s</ol></section>' % (cls, len(cs), body)


def share_bar():
  return ('<div class="share-bar"><span>Share</span><a href="#">Facebook</a><a href="#">Twitter</a>'
          '<a href="#">Email</a><a href="#">Copy link</a></div>')


def pick(story, rng, lo=4):
  paras = story["paras"]
  n = rng.randint(min(lo, len(paras)), len(paras))
  return paras[:n]


def byline(author, published, cls="byline"):
  return ('<div class="%s">By <a rel="author" href="/authors/x">%s</a></div><time datetime="%s">%s</time>'
          % (cls, E(author), published, published[:10]))


# ---------------------------------------------------------------- layouts
# Each returns (body_html, expected_blocks).

def classic(story, site, author, published, rng):
  paras = pick(story, rng)
  body = "".join(p(t, rng, site[1]) for t in paras)
  html_ = (site_header(site, rng) + '<main><article class="article">'
           '<header class="article-header"><h1>%s</h1><p class="standfirst">%s</p>%s</header>'
           '<figure><img src="/img/lead.jpg" alt=""><figcaption>Photo: Reuters. A file image.</figcaption></figure>'
           '<div class="article-body">%s</div>%s</article>'
           '<aside class="sidebar"><h2>Most read</h2><ol>%s</ol><p>%s</p></aside></main>' % (
             E(story["title"]), E(paras[0][:90] + "..."), byline(author, published), body, share_bar(),
             "".join("<li><a href='/n/%d'>%s</a></li>" % (i, E(t)) for i, t in enumerate(RELATED[:5])),
             E(ABOUT.format(s=site[0])))
           + site_footer(site))
  return html_, paras


def wire(story, site, author, published, rng):
  paras = pick(story, rng, 5)
  chunks = []
  for i, t in enumerate(paras):
    chunks.append(p(t, rng, site[1]))
    if i == 1:
      chunks.append('<div class="ad-slot"><span>Advertisement</span><div id="div-gpt-ad-2"></div></div>')
    if i == 2:
      chunks.append('<p class="read-more"><strong>Read more:</strong> <a href="/n/1">%s</a></p>' % E(RELATED[0]))
  html_ = ('<div id="page"><div id="top">' + site_header(site, rng) + '</div>'
           '<div id="content"><div class="story"><h1 class="headline">%s</h1>'
           '<div class="dateline">%s | %s</div><div class="story-text">%s</div>'
           '<div class="story-tags"><a href="/t/nk">North Korea</a> <a href="/t/missiles">Missiles</a></div></div>'
           '<div id="right-rail"><div class="widget"><h3>Trending</h3><ul>%s</ul></div></div></div>'
           '<div id="bottom">%s</div></div>' % (
             E(story["title"]), E(author), published[:10], "".join(chunks),
             "".join("<li><a href='/n/%d'>%s</a></li>" % (i, E(t)) for i, t in enumerate(RELATED[3:7])),
             site_footer(site)))
  return html_, paras


def cookie_newsletter(story, site, author, published, rng):
  paras = pick(story, rng, 5)
  chunks = []
  for i, t in enumerate(paras):
    chunks.append(p(t, rng, site[1]))
    if i == 2:
      chunks.append('<div class="newsletter-signup"><h3>Morning Briefing</h3><p>%s</p>'
                    '<form><input type="email"><button>Sign up</button></form></div>' % E(NEWSLETTER))
  cookie = ('<div id="cookie-consent" class="cookie-banner"><p>%s</p><button>Accept all</button>'
            '<button>Manage preferences</button></div>' % E(COOKIE))
  html_ = (cookie + site_header(site, rng) +
           '<div class="container"><article><h1>%s</h1>%s%s<section class="article__content">%s</section>%s</article>'
           '%s</div>' % (E(story["title"]), byline(author, published), share_bar(), "".join(chunks), share_bar(),
                         related_list(rng))
           + site_footer(site))
  return html_, paras


def comment_heavy(story, site, author, published, rng):
  paras = pick(story, rng, 4)
  html_ = (site_header(site, rng) +
           '<div class="wrapper"><div class="post"><h1 class="post-title">%s</h1>'
           '<div class="post-meta">Posted by %s on <time datetime="%s">%s</time></div>'
           '<div class="entry-content">%s</div>'
           '<div class="author-bio"><p>%s</p></div></div>%s</div>' % (
             E(story["title"]), E(author), published, published[:10], "".join(p(t, rng, site[1]) for t in paras),
             E(BIO.format(a=author)), comments(rng, 6))
           + site_footer(site))
  return html_, paras


def live_blog(story, site, author, published, rng):
  paras = story["paras"]
  entries = []
  expected = []
  times = ["09:%02d" % m for m in range(58, 0, -7)]
  groups = [paras[i:i + 2] for i in range(0, len(paras), 2)]
  for gi, grp in enumerate(groups):
    title = "Update: " + grp[0].split(",")[0].split(".")[0][:60]
    expected.append(title)
    expected.extend(grp)
    entries.append('<article class="lb-entry" id="post-%d"><div class="lb-entry__meta"><time datetime="%sT%s:00Z">%s</time>'
                   '</div><div class="lb-entry__body"><h3>%s</h3>%s</div>%s</article>' % (
                     gi, published[:10], times[gi % len(times)], times[gi % len(times)], E(title),
                     "".join(p(t, rng, site[1]) for t in grp), share_bar()))
  key = "".join('<li><a href="#post-%d">%s</a></li>' % (i, E(g[0][:50])) for i, g in enumerate(groups))
  html_ = (site_header(site, rng) +
           '<main id="main"><div class="liveblog"><h1>Live: %s</h1><div class="live-badge">LIVE</div>'
           '<div class="key-events"><h2>Key events</h2><ul>%s</ul></div>'
           '<div class="lb-feed">%s</div><button class="load-more">Load more updates</button></div>'
           '<aside class="rail">%s</aside></main>' % (E(story["title"]), key, "".join(entries), related_list(rng))
           + site_footer(site))
  return html_, expected


def gallery(story, site, author, published, rng):
  paras = pick(story, rng, 5)
  intro, slides = paras[:1], paras[1:]
  slide_html = "".join('<div class="gallery__slide"><img src="/img/g%d.jpg" alt="">'
                       '<figcaption class="caption">Photo: Yonhap/AFP</figcaption>'
                       '<p class="gallery__text">%s</p><span class="gallery__counter">%d / %d</span></div>'
                       % (i, E(t), i + 1, len(slides)) for i, t in enumerate(slides))
  html_ = (site_header(site, rng) +
           '<div class="page"><div class="gallery-page"><h1>In pictures: %s</h1>%s'
           '<div class="gallery__intro">%s</div><div class="gallery">%s</div>'
           '<div class="gallery__nav"><a href="#">Previous</a> <a href="#">Next</a></div></div>%s</div>'
           % (E(story["title"]), byline(author, published), "".join(p(t, rng) for t in intro), slide_html,
              related_list(rng, "more-galleries"))
           + site_footer(site))
  return html_, paras


def paywall(story, site, author, published, rng):
  paras = story["paras"]
  visible = paras[:3]
  html_ = (site_header(site, rng) +
           '<main><article class="story"><h1>%s</h1>%s<div class="story-body">%s'
           '<div class="paywall-teaser"><h2>Continue reading</h2><p>%s</p><a class="btn" href="/subscribe">Subscribe</a>'
           '<p>Already a subscriber? <a href="/login">Log in</a></p></div></div></article>%s</main>'
           % (E(story["title"]), byline(author, published), "".join(p(t, rng, site[1]) for t in visible),
              E(PAYWALL), related_list(rng, "recommended", with_summaries=True))
           + site_footer(site))
  return html_, visible


def multi_column(story, site, author, published, rng):
  paras = pick(story, rng, 6)
  half = (len(paras) + 1) // 2
  html_ = (site_header(site, rng) +
           '<div class="layout"><div class="left-col"><ul class="section-links">%s</ul></div>'
           '<div class="center-col"><h1>%s</h1>%s<div class="text-columns">'
           '<div class="column">%s</div><div class="column">%s</div></div></div>'
           '<div class="right-col"><div class="promo-box"><p>%s</p></div>%s</div></div>'
           % ("".join("<li><a href='/%s'>%s</a></li>" % (n, n) for n in NAV), E(story["title"]),
              byline(author, published), "".join(p(t, rng, site[1]) for t in paras[:half]),
              "".join(p(t, rng, site[1]) for t in paras[half:]), E(NEWSLETTER), related_list(rng))
           + site_footer(site))
  return html_, paras


def table_layout(story, site, author, published, rng):
  paras = pick(story, rng, 4)
  text = "<br><br>\n".join(E(t) for t in paras)
  nav = "<br>".join('<a href="/%s">%s</a>' % (n, n) for n in NAV)
  html_ = ('<table width="100%%" class="frame"><tr><td colspan="3" class="top"><b>%s</b></td></tr>'
           '<tr><td class="nav" width="150">%s</td><td class="main" valign="top"><font size="4"><b>%s</b></font><br>'
           '<i>%s, %s</i><br><br>%s</td><td class="ads" width="160"><a href="/ad"><img src="/ad.gif"></a>'
           '<br>Advertise with us</td></tr><tr><td colspan="3" class="bottom"><small>%s</small></td></tr></table>'
           % (E(site[0]), nav, E(story["title"]), E(author), published[:10], text,
              E(FOOTER.format(s=site[0]))))
  return html_, paras


def minimal_blog(story, site, author, published, rng):
  paras = pick(story, rng, 4)
  html_ = ('<header><a href="/">%s</a></header><main><h1>%s</h1><p><small>%s</small></p>%s</main>'
           '<footer><p>%s</p></footer>' % (E(site[0]), E(story["title"]), published[:10],
                                           "".join(p(t, rng) for t in paras), E(FOOTER.format(s=site[0]))))
  return html_, paras


def magazine(story, site, author, published, rng):
  paras = story["paras"]
  expected = []
  chunks = []
  heads = rng.sample(SUBHEADS, 2)
  for i, t in enumerate(paras):
    if i == 2:
      chunks.append("<h2>%s</h2>" % E(heads[0]))
      expected.append(heads[0])
    if i == 5:
      chunks.append("<h2>%s</h2>" % E(heads[1]))
      expected.append(heads[1])
    if i == 3:
      quote = t.split(".")[0] + "."
      chunks.append('<aside class="pullquote"><blockquote>%s</blockquote></aside>' % E(quote))
    chunks.append(p(t, rng, site[1]))
    expected.append(t)
    if i == 3:
      items = ["Missile launches and tests", "Military drills in the region", "Sanctions and their enforcement"]
      chunks.append("<p>The key issues for the coming months:</p><ul>%s</ul>" % "".join("<li>%s</li>" % E(x) for x in items))
      expected.append("The key issues for the coming months:")
      expected.extend(items)
  html_ = (site_header(site, rng) +
           '<div class="magazine"><div class="hero"><h1>%s</h1><p class="dek">%s</p></div>%s'
           '<div class="prose">%s</div><div class="tags"><a href="/t/1">Korea</a><a href="/t/2">Defence</a></div>'
           '<div class="newsletter"><p>%s</p></div>%s</div>'
           % (E(story["title"]), E("A long read on " + story["title"].lower()), byline(author, published),
              "".join(chunks), E(NEWSLETTER), related_list(rng, "more-from-magazine", with_summaries=True))
           + site_footer(site))
  return html_, expected


def sectioned(story, site, author, published, rng):
  paras = pick(story, rng, 5)
  chunks = []
  for i, t in enumerate(paras):
    chunks.append('<div class="content__paragraph">%s</div>' % p(t, rng, site[1]))
    if i == 1:
      chunks.append('<div class="inline-related"><span>Related:</span> <a href="/n/5">%s</a></div>' % E(RELATED[4]))
  html_ = ('<div class="app">' + site_header(site, rng) +
           '<div class="content"><div class="content__header"><h1 class="content__headline">%s</h1>'
           '<div class="content__byline">%s</div></div><section class="content__body">%s</section>'
           '<div class="content__footer"><div class="social-links"><a href="#">Share</a></div></div></div>'
           '<div class="onward">%s%s</div></div>'
           % (E(story["title"]), E("By " + author), "".join(chunks), related_list(rng, "onward-journeys", True),
              comments(rng, 3, "discussion"))
           + site_footer(site))
  return html_, paras


def hashed(rng):
  return "css-%x" % rng.randrange(16**6, 16**7)


def hashed_classes(story, site, author, published, rng):
  """A CSS-in-JS site: class names are hashes, so only structure and text density tell content from the rest."""
  paras = pick(story, rng, 5)
  body = "".join('<p class="%s">%s</p>' % (hashed(rng), p(t, rng, site[1])[3:-4]) for t in paras)
  cards = "".join('<div class="%s"><a href="/n/%d"><h3 class="%s">%s</h3></a><span class="%s">2h ago</span></div>'
                  % (hashed(rng), i, hashed(rng), E(t), hashed(rng)) for i, t in enumerate(rng.sample(RELATED, 4)))
  cs = rng.sample(COMMENTS, 3)
  talk = "".join('<div class="%s"><b>%s</b><div class="%s">%s</div></div>' % (hashed(rng), E(u), hashed(rng), E(t))
                 for u, t in cs)
  html_ = ('<div id="__next"><div class="%s"><div class="%s"><a href="/">%s</a> %s</div>'
           '<div class="%s"><div class="%s"><h1 class="%s">%s</h1><div class="%s">%s · %s</div>'
           '<div class="%s">%s</div></div>'
           '<div class="%s"><h2>Read next</h2>%s</div>'
           '<div class="%s"><h2>Reader responses</h2>%s</div></div>'
           '<div class="%s"><a href="/about">About</a> <a href="/privacy">Privacy</a> <span>© 2026 %s</span></div></div></div>'
           % (hashed(rng), hashed(rng), E(site[0]), " ".join('<a href="/%s">%s</a>' % (n, n) for n in NAV),
              hashed(rng), hashed(rng), hashed(rng), E(story["title"]), hashed(rng), E(author), published[:10],
              hashed(rng), body, hashed(rng), cards, hashed(rng), talk, hashed(rng), E(site[0])))
  return html_, paras


def br_blog(story, site, author, published, rng):
  """An old blog engine: the post is one div of text separated by line breaks, with inline links and spans."""
  paras = pick(story, rng, 4)
  text = "<br />\n<br />\n".join(E(t) for t in paras)
  archive = "".join('<li><a href="/2025/%02d">%s 2025</a></li>' % (m, mo) for m, mo in
                    enumerate(["January", "February", "March", "April", "May", "June"], 1))
  html_ = ('<div id="outer-wrapper"><div id="header-wrapper"><h1><a href="/">%s</a></h1><span>Notes on Korean security</span></div>'
           '<div id="main-wrapper"><div class="date-header"><span>%s</span></div>'
           '<div class="post hentry"><h3 class="post-title">%s</h3><div class="post-body entry-content">%s</div>'
           '<div class="post-footer">Posted by %s at %s | <a href="#comments">4 comments</a> | Labels: <a href="/l/dprk">DPRK</a></div></div>'
           '<div class="blog-pager"><a href="/older">Older Post</a> <a href="/">Home</a></div></div>'
           '<div id="sidebar-wrapper"><h2>Blog Archive</h2><ul>%s</ul><h2>About Me</h2><div>%s</div></div></div>'
           % (E(site[0]), published[:10], E(story["title"]), text, E(author), published[11:16], archive,
              E(BIO.format(a=author))))
  return html_, paras


def unlabelled_discussion(story, site, author, published, rng):
  """The hard case: a short story followed by a longer reader discussion, with no class or id hints on either."""
  paras = story["paras"][:3]
  cs = rng.sample(COMMENTS, 6)
  talk = "".join('<div><div><strong>%s</strong> <span>3 hours ago</span></div><p>%s</p><div><a href="#">Reply</a> <a href="#">Like</a></div></div>'
                 % (E(u), E(t)) for u, t in cs)
  html_ = ('<div><div><a href="/">%s</a></div><div>%s</div></div>'
           '<div><div><h1>%s</h1><div>%s</div><div>%s</div></div>'
           '<div><h2>Join the conversation</h2>%s</div></div>'
           % (E(site[0]), " ".join('<a href="/%s">%s</a>' % (n, n) for n in NAV), E(story["title"]), E(author),
              "".join(p(t, rng, site[1]) for t in paras), talk))
  return html_, paras


LAYOUTS = [classic, wire, cookie_newsletter, comment_heavy, live_blog, gallery, paywall, multi_column,
           table_layout, minimal_blog, magazine, sectioned, hashed_classes, br_blog,
           unlabelled_discussion]


def main():
  rng = random.Random(20260423)
  os.makedirs(OUT, exist_ok=True)
  for f in os.listdir(OUT):
    if f.endswith(".html") or f.endswith(".txt"):
      os.remove(os.path.join(OUT, f))
  n = 0
  for round_ in range(4):
    for li, layout in enumerate(LAYOUTS):
      story = STORIES[(li * 5 + round_ * 7) % len(STORIES)]
      site = SITES[(li + round_) % len(SITES)]
      author = AUTHORS[(li * 3 + round_) % len(AUTHORS)]
      published = "2026-%02d-%02dT%02d:%02d:00+09:00" % (1 + (li + round_) % 12, 1 + (li * 7 + round_) % 28,
                                                          (li * 5) % 24, (round_ * 13) % 60)
      lang = story.get("lang", "en")
      url = "https://%s/news/2026/%s-%d" % (site[1], story["slug"], n)
      body, expected = layout(story, site, author, published, rng)
      page = head(story, site, author, published, lang, li + round_, url) + "\n<body>\n" + body + "\n</body>\n</html>\n"
      name = "%02d-%s-%s" % (n, layout.__name__.replace("_", "-"), story["slug"])
      with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as fh:
        fh.write(page)
      with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as fh:
        fh.write("\n\n".join(expected) + "\n")
      n += 1
  print("wrote %d pages to %s" % (n, os.path.normpath(OUT)))


if __name__ == "__main__":
  main()
