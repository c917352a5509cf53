"""A brief as Markdown or HTML, with its charts.

The brief is first laid out as blocks (heading, paragraph, quote, list, table, chart), then
written out. HTML escapes every piece of text with `html.escape` (article sentences, names,
titles); Markdown writes the charts as PNG files beside the .md file and links them, HTML
embeds them as `data:image/png;base64,...`.

    write_brief(brief, Path("brief.html"))      # or brief.md; markdown(brief) for stdout
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from entente.errors import UsageError
from entente.report import charts
from entente.report.brief import Brief
from entente.report.checks import verdict_line

FORMATS = (".html", ".htm", ".md")


@dataclass
class Block:
    kind: str  # h1, h2, p, quote, list, table, chart
    text: str = ""
    items: list[Any] = field(default_factory=list)  # list items, or table rows
    header: list[str] = field(default_factory=list)
    png: bytes = b""


def blocks(brief: Brief) -> list[Block]:
    out = [Block("h1", brief.title),
           Block("p", f"{brief.events} events in the store"
                      + (f" since {brief.since}" if brief.since else "") + ".")]
    out += [Block("h2", "Trend"), Block("p", brief.trend)]
    if brief.series and brief.series.combined():
        out.append(Block("chart", f"{brief.series.a}–{brief.series.b} net cooperation by "
                                  f"{brief.series.by}; dashed lines mark shifts",
                         png=charts.series_chart(brief.series, brief.shifts)))
    out.append(Block("h2", "Shifts"))
    if brief.shifts:
        out.append(Block("p", "Change points in the mean intensity of the events between the two."))
        out.append(Block("table", header=["from", "before", "after", "change", "driving events"],
                         items=[[s.period[:7], f"{s.before:+.2f}", f"{s.after:+.2f}",
                                 f"{s.magnitude:+.2f}", ", ".join(s.events)] for s in brief.shifts]))
    else:
        out.append(Block("p", "No shift in the series."))
    out.append(Block("h2", "Key events"))
    for e in brief.key_events:
        source = e["title"] or e["doc"] or "unknown document"
        out.append(Block("p", f"{e['date'] or 'undated'} · {e['source'] or '?'} → "
                              f"{e['target'] or '?'} · {e['type']} ({_status(e)}), intensity "
                              f"{e['intensity']:+g}" + (f", confidence {e['confidence']:.2f}"
                                                        if e["confidence"] is not None else "")))
        out.append(Block("quote", " ".join((e["sentence"] or "").split())))
        out.append(Block("p", f"Source: {source}" + (f" ({e['url']})" if e["url"] else "")
                              + f" · event {e['event_id']}"))
    if not brief.key_events:
        out.append(Block("p", "No event with an intensity."))
    out.append(Block("h2", "Contested claims"))
    if brief.claims:
        out.append(Block("table", header=["claim", "verdict", "asserted by", "reported by",
                                          "denied by", "dates"],
                         items=[_claim_row(c) for c in brief.claims]))
    else:
        out.append(Block("p", "No contested or denied claim."))
    out.append(Block("h2", "Arms transfers and checks"))
    if brief.transfers:
        out.append(Block("table", header=["supplier", "recipient", "system", "quantity",
                                          "status", "first reported", "check"],
                         items=[[r.supplier or "?", r.recipient or "?", r.system or "",
                                 "" if r.quantity is None else f"{r.quantity:g}", r.status,
                                 r.first_reported or "", verdict_line(c)]
                                for r, c in brief.transfers]))
    else:
        out.append(Block("p", "No arms transfer reported."))
    out.append(Block("h2", "Sanctions matches"))
    if not brief.sanctions_loaded:
        out.append(Block("p", "No sanctions list is loaded (entente sanctions load FILE)."))
    elif brief.sanctions:
        out.append(Block("table", header=["named in events", "listed party", "score", "programs"],
                         items=[[m.words, m.matches[0].name, f"{m.matches[0].score:g}",
                                 ", ".join(m.matches[0].programs)] for m in brief.sanctions]))
    else:
        out.append(Block("p", "No actor in these events matches a listed party."))
    if brief.network is not None:
        out.append(Block("h2", "Blocs"))
        out.append(Block("chart", "The signed network: nodes by bloc, solid green cooperation, "
                                  "dashed red conflict", png=charts.network_chart(brief.network)))
    return out


def _status(e: dict[str, Any]) -> str:
    return e["status"] + (", negated" if e["negated"] else "")


def _claim_row(c) -> list[str]:
    what = f"{c.source or '?'} {c.type} {c.target or '?'}"
    if c.item_names:
        what += " (" + ", ".join(sorted(c.item_names)) + ")"
    dates = " to ".join(dict.fromkeys(d.isoformat() for d in (c.first, c.last) if d))
    return [what, c.verdict, ", ".join(sorted(c.asserted_by)), ", ".join(sorted(c.reported_by)),
            ", ".join(sorted(c.denied_by)), dates]


# -- Markdown ---------------------------------------------------------------------------------
def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(brief: Brief, chart_dir: Path | None = None, prefix: str = "brief") -> str:
    """Markdown; with `chart_dir` the charts are written there as PNG files and linked,
    without it (stdout) they are left out and named."""
    lines: list[str] = []
    charts_written = 0
    for block in blocks(brief):
        if block.kind == "h1":
            lines += [f"# {block.text}", ""]
        elif block.kind == "h2":
            lines += [f"## {block.text}", ""]
        elif block.kind == "p":
            lines += [block.text, ""]
        elif block.kind == "quote":
            lines += [f"> {block.text}", ""]
        elif block.kind == "table":
            lines.append("| " + " | ".join(block.header) + " |")
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.items]
            lines.append("")
        elif block.kind == "chart":
            charts_written += 1
            if chart_dir is None:
                lines += [f"*(chart: {block.text}; write the brief to a file to get it)*", ""]
            else:
                name = f"{prefix}-chart-{charts_written}.png"
                (chart_dir / name).write_bytes(block.png)
                lines += [f"![{block.text}]({name})", ""]
    return "\n".join(lines)


# -- HTML -------------------------------------------------------------------------------------
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
blockquote { border-left: 4px solid #2a6f97; margin: 0.3rem 0 0.3rem 0; padding: 0.2rem 0.8rem;
             background: #f6f9fb; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #555; }
img { max-width: 100%; }
"""


def to_html(brief: Brief) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(brief.title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>"]
    for block in blocks(brief):
        if block.kind in ("h1", "h2", "p"):
            parts.append(f"<{block.kind}>{e(block.text)}</{block.kind}>")
        elif block.kind == "quote":
            parts.append(f"<blockquote>{e(block.text)}</blockquote>")
        elif block.kind == "table":
            parts.append("<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in block.header)
                         + "</tr></thead><tbody>")
            parts += ["<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>"
                      for row in block.items]
            parts.append("</tbody></table>")
        elif block.kind == "chart":
            data = base64.b64encode(block.png).decode("ascii")
            parts.append(f'<figure><img alt="{e(block.text)}" src="data:image/png;base64,{data}">'
                         f"<figcaption>{e(block.text)}</figcaption></figure>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def check_out(path: Path) -> None:
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"{path}: unknown brief format {path.suffix or '(none)'!r}: "
                         "use .html or .md")


def write_brief(brief: Brief, path: Path) -> Path:
    """Write the brief as HTML or Markdown (by the extension) and return its path."""
    check_out(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".md":
        path.write_text(markdown(brief, path.parent, path.stem), encoding="utf-8")
    else:
        path.write_text(to_html(brief), encoding="utf-8")
    return path
