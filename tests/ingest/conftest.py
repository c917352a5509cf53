"""Small invented articles written into tmp_path, one fixture per kind of input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entente.ingest import iter_inputs

TREATY = (
    "The foreign ministers of Norland and Sudmark signed a treaty on Tuesday to share water "
    "from the Vell river, ending a dispute that had lasted a decade."
)
TALKS = (
    "Delegations from Ostrava Bay and the Kellan Republic met in Geneva for a second round "
    "of talks on fishing rights, officials said."
)
SANCTIONS = (
    "The council imposed new sanctions on three shipping firms accused of carrying fuel "
    "to the rebel port of Marsa, a spokesman said on Friday."
)
FRENCH = (
    "Le gouvernement a annoncé mardi la signature d'un accord avec ses voisins sur le partage "
    "de l'eau du fleuve, après dix ans de négociations difficiles."
)
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen drei Reedereien beschlossen, die "
    "Treibstoff in den Hafen der Rebellen geliefert haben sollen."
)

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers agree on river treaty | Daily Ledger</title>
<link rel="canonical" href="https://example.org/news/river-treaty">
<meta property="og:title" content="Ministers agree on river treaty">
<meta property="article:published_time" content="2024-09-12T08:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport results</a></li></ul></nav>
<div class="promo">Subscribe now for unlimited access to every story</div>
<article><h1>Ministers agree on river treaty</h1>
<p>{TREATY}</p>
<p>Officials from both countries said the agreement sets quotas for each dry season and
creates a joint commission to watch the flow of the river.</p>
<p>Farmers in the border region welcomed the deal, which still needs the approval of both
parliaments before it enters into force next year.</p>
</article>
<footer><p>Copyright 2023 Daily Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

RSS_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Daily Ledger: World</title><link>https://example.org/</link>
<description>World news</description>
<item><title>Ministers agree on river treaty</title>
<link>https://example.org/news/river-treaty</link>
<pubDate>Thu, 12 Sep 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{TREATY}&lt;/p&gt;&lt;p&gt;Farmers welcomed the deal.&lt;/p&gt;</description>
</item>
<item><title>Fishing talks resume</title>
<link>https://example.org/news/fishing-talks</link>
<pubDate>Fri, 13 Sep 2024 10:30:00 +0200</pubDate>
<description>{TALKS}</description>
</item>
</channel></rss>
"""

ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Daily Ledger</title><id>urn:example:ledger</id><updated>2024-09-14T00:00:00Z</updated>
<entry><title>Council imposes sanctions</title><id>urn:example:1</id>
<link href="https://example.org/news/sanctions"/>
<published>2024-09-13T16:00:00Z</published><updated>2024-09-13T17:00:00Z</updated>
<content type="html">&lt;p&gt;{SANCTIONS}&lt;/p&gt;</content>
</entry>
<entry><title>Fishing talks resume</title><id>urn:example:2</id>
<link href="https://example.org/news/fishing-talks"/>
<updated>2024-09-14T09:00:00Z</updated>
<summary>{TALKS}</summary>
</entry>
</feed>
"""


@pytest.fixture
def write(tmp_path: Path):
    """write(name, content) puts a file under tmp_path (folders made as needed)."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write_file


@pytest.fixture
def read():
    """read(path, ...) is every item iter_inputs yields for these paths, as a list."""

    def read_all(*paths: Path | str, **options) -> list:
        return list(iter_inputs(paths, **options))

    return read_all


@pytest.fixture
def text_file(write) -> Path:
    return write("treaty.txt", f"Title: Ministers agree on river treaty\nDATE: 2024-09-12\n"
                               f"url: https://example.org/news/river-treaty\n\n{TREATY}\n")


@pytest.fixture
def html_file(write) -> Path:
    return write("treaty.html", ARTICLE_HTML)


@pytest.fixture
def rss_file(write) -> Path:
    return write("world.rss", RSS_FEED)


@pytest.fixture
def atom_file(write) -> Path:
    return write("ledger.atom", ATOM_FEED)


@pytest.fixture
def jsonl_file(write) -> Path:
    lines = [
        json.dumps({"text": TREATY, "title": "River treaty", "published": "2024-09-12"}),
        json.dumps({"text": TALKS, "url": "https://example.org/talks", "date": "September 2024"}),
        '{"text": "unfinished',
        json.dumps({"title": "No body here"}),
        "",
        json.dumps({"text": SANCTIONS, "published": "not a date at all"}),
    ]
    return write("articles.jsonl", "\n".join(lines) + "\n")
