from __future__ import annotations

from bot.answers import Answer, Suggestion
from bot.cooldown import Cooldown, Verdict
from bot.layout import CONTENT_LIMIT, DESCRIPTION_LIMIT, MESSAGE_EMBED_TOTAL, layout, split_text
from bot.metrics import Metrics


def answer(text: str, rich: bool = False) -> Answer:
    return Answer("q", "x", 1.0, "de", text, [Suggestion("a", "A")], "Titel", rich)


def test_split_prefers_paragraphs_then_lines_then_words() -> None:
    text = ("Absatz eins. " * 50).strip() + "\n\n" + ("Zeile\n" * 10) + ("wort " * 500)
    pieces = split_text(text, 700)
    assert all(len(p) <= 700 for p in pieces)
    assert pieces[0].endswith("Absatz eins.")
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())  # nothing lost
    assert split_text("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]  # no boundary: hard cut


def test_plain_answers_fit_message_content() -> None:
    messages = layout(answer("Satz. " * 1000))
    assert len(messages) == 4
    assert " ".join(m.content or "" for m in messages).split() == ["Satz."] * 1000
    assert all(m.content and len(m.content) <= CONTENT_LIMIT and not m.embeds for m in messages)


def test_without_embed_links_a_list_comes_as_plain_text_within_limits() -> None:
    specs = layout(answer("• Arnsberg\n" * 600, rich=True), embeds=False)
    assert all(not s.embeds and s.content and len(s.content) <= CONTENT_LIMIT for s in specs)
    assert specs[0].content.startswith("**Titel**\n• Arnsberg") and len(specs) > 1


def test_rich_answers_become_embeds_within_limits() -> None:
    messages = layout(answer("\n".join(f"• Eintrag {i}" for i in range(3000)), rich=True))
    for message in messages:
        assert message.content is None
        assert sum(e.size() for e in message.embeds) <= MESSAGE_EMBED_TOTAL
        assert all(len(e.description) <= DESCRIPTION_LIMIT for e in message.embeds)
    assert messages[0].embeds[0].title == "Titel"
    assert all(e.title is None for m in messages for e in m.embeds[1:])


def test_cooldown_answers_once_warns_once_then_stays_quiet() -> None:
    now = [100.0]
    cooldown = Cooldown(5, clock=lambda: now[0])
    assert cooldown.hit("u") is Verdict.ANSWER
    assert cooldown.hit("u") is Verdict.WARN
    assert cooldown.hit("u") is Verdict.IGNORE
    assert cooldown.hit("other") is Verdict.ANSWER
    now[0] += 5
    assert cooldown.hit("u") is Verdict.ANSWER


def test_metrics_render_prometheus_text() -> None:
    metrics = Metrics()
    metrics.observe("discord", True, 0.0003)
    metrics.observe("discord", False, 0.002)
    text = metrics.render({"gateway_connected": 1}, {"knowledge_version": 'a"b'})
    assert 'scs_questions_total{outcome="answered",source="discord"} 1' in text
    assert 'scs_questions_total{outcome="fallback",source="discord"} 1' in text
    assert 'scs_answer_latency_seconds_bucket{le="0.0005"} 1' in text
    assert 'scs_answer_latency_seconds_bucket{le="+Inf"} 2' in text
    assert "scs_gateway_connected 1" in text
    assert 'scs_info{knowledge_version="a\\"b"} 1' in text
    assert 'scs_questions_total{outcome="answered",source="web"} 0.0' in text  # every series from the start
    assert "process_resident_memory_bytes" in text and "scs_web_rate_limited_total 0.0" in text
    assert "_created" not in text
