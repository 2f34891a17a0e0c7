"""Answer latency (p50/p99), throughput, load+index time and memory, on one core.

Run: python bench/latency.py [--rounds 5] [--factors 1,10,100] [--loads] [--no-batch]

``--loads`` measures only the three load+index columns (minutes sooner: for comparing two
revisions' loading back to back).

Load+index is measured three times: building from the YAML files (the first start, or a start
after an edit with no compiled copy of an earlier version), reading back the compiled copy a
previous run kept (a restart with unchanged files), and a reload after a moderator changed one
example (what did not change is reused from the version before).

Each knowledge base first answers every question once ("first sight": the words are new to the
caches, as for a question nobody asked before), then ``--rounds`` times more (p50/p99/answers/s);
it also says how many of its slowest 1 % of questions ask several questions in one message.
Also measures ``python -m bot ask --json`` in batch mode (questions on stdin) with the shipped
knowledge, as a user runs it, and the resident memory of a process that has loaded each
knowledge base (measured in a fresh subprocess each, so one does not inflate the next).

Knowledge bases: the shipped one, and synthetic ones 10x and 100x larger (every intent
copied with a distinct made-up topic word added to each example, so examples stay unique
and the vocabulary grows). Questions: the dev question set, repeated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
import yaml  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import loader  # noqa: E402
from bot.answers import Answerer  # noqa: E402
from bot.loader import load_texts  # noqa: E402
from bot.understanding import compiled, normalize  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ter", "sun", "bra", "vel", "dor", "pi", "gan", "ru", "xo", "fe", "lin", "tam"]


def word(n: int) -> str:
    out = []
    n += 1000
    while n:
        n, r = divmod(n, len(SYLLABLES))
        out.append(SYLLABLES[r])
    return "".join(out)


def shipped_texts() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted((ROOT / "knowledge").glob("*.yaml"))]


def scaled_texts(factor: int) -> list[tuple[str, str]]:
    texts = shipped_texts()
    if factor == 1:
        return texts
    intents = yaml.safe_load((ROOT / "knowledge" / "intents.yaml").read_text(encoding="utf-8"))["intents"]
    extra = []
    for copy in range(1, factor):
        for intent in intents:
            if intent.get("handler"):
                continue
            topic = word(copy * 100 + len(extra) % 97)
            extra.append({
                "id": f"{intent['id']}-x{copy}",
                "title": intent["title"],
                "examples": {lang: [f"{q} {topic}" for q in qs] for lang, qs in intent["examples"].items()},
                "answer": intent["answer"],
            })
    texts.append(("synthetic.yaml", yaml.safe_dump({"intents": extra}, allow_unicode=True)))
    return texts


def edited(texts: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """The files after a moderator changed one example of one topic (a different change for each ``n``)."""
    example = '"Wer hat die Rahmenstrategie erarbeitet?"'
    out = [(name, text.replace(example, f'"Wer hat die Rahmenstrategie erarbeitet, Nummer {n}?"', 1)
            if name.endswith("intents.yaml") else text) for name, text in texts]
    if out == texts:
        raise SystemExit(f"bench/latency.py: the example {example} to edit is not in intents.yaml any more")
    return out


def measure_edit(texts: list[tuple[str, str]]) -> float:
    """The fastest of three reloads after a moderator changed one example: what did not change is reused."""
    edits = []
    with tempfile.TemporaryDirectory() as folder:
        compiled.configure(folder)
        compiled.load_texts(texts)
        for n in range(3):
            compiled.wait()  # the copy of the version before is on disk (edits come seconds apart)
            start = time.perf_counter()
            Answerer(compiled.load_texts(edited(texts, n)))
            edits.append(time.perf_counter() - start)
        compiled.wait()
        compiled.configure(None)
    return min(edits)


def measure(factor: int, questions: list[str], rounds: int, loads_only: bool = False) -> dict[str, float]:
    texts = scaled_texts(factor)
    loads = []
    answerer = None
    for _ in range(3):
        answerer = None  # free the previous run's index outside the timed part
        normalize.clear_caches()  # measure a cold load, as at startup
        loader.forget_parsed()
        start = time.perf_counter()
        answerer = Answerer(load_texts(texts))
        loads.append(time.perf_counter() - start)
    reads = []  # a restart with unchanged files: the compiled copy is read back
    with tempfile.TemporaryDirectory() as folder:
        compiled.configure(folder)
        compiled.load_texts(texts)  # builds and writes the copy
        compiled.wait()  # (written in the background)
        for _ in range(3):
            answerer = None
            compiled._built.clear()
            normalize.clear_caches()
            start = time.perf_counter()
            answerer = Answerer(compiled.load_texts(texts))
            reads.append(time.perf_counter() - start)
        compiled.configure(None)
    examples = len(answerer.matcher.texts)
    if loads_only:
        return {"factor": factor, "intents": len(answerer.knowledge.intents), "examples": examples,
                "load_ms": min(loads) * 1000, "compiled_ms": min(reads) * 1000,
                "edit_ms": measure_edit(texts) * 1000}
    first = []  # first sight: every word is new to this answerer's caches
    for q in questions:
        t0 = time.perf_counter()
        answerer.ask(q)
        first.append(time.perf_counter() - t0)
    first.sort()
    latencies = []
    fastest = [float("inf")] * len(questions)  # each question's fastest round, for where the tail is
    start_all = time.perf_counter()
    for _ in range(rounds):
        for i, q in enumerate(questions):
            t0 = time.perf_counter()
            answerer.ask(q)
            elapsed = time.perf_counter() - t0
            latencies.append(elapsed)
            fastest[i] = min(fastest[i], elapsed)
    total = time.perf_counter() - start_all
    latencies.sort()
    # The slowest 1 % of the questions (by their fastest round): how many ask several questions,
    # each part of which is matched once more after the whole message
    slowest = sorted(range(len(questions)), key=fastest.__getitem__, reverse=True)[: max(1, len(questions) // 100)]
    several = sum(len(answerer.matcher.questions_of(answerer.matcher.match(questions[i]))) >= 2 for i in slowest)
    edit = measure_edit(texts)  # (measured last: building more indexes before answering would
    # leave the heap in another state for it)
    return {
        "factor": factor,
        "intents": len(answerer.knowledge.intents),
        "examples": examples,
        "load_ms": min(loads) * 1000,
        "compiled_ms": min(reads) * 1000,
        "edit_ms": edit * 1000,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "first_p99_ms": first[int(len(first) * 0.99) - 1] * 1000,
        "qps": len(latencies) / total,
        "slowest": len(slowest),
        "slowest_several": several,
        "slowest_ms": fastest[slowest[-1]] * 1000,
    }


def rss_after_load(factor: int) -> float:
    """Resident memory (MB) of a fresh process that loaded the factor-x knowledge, gave back what
    building it freed (as ``run``, ``serve`` and a reload do) and answered once."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from bench.latency import scaled_texts\n"
        "from bot.loader import load_texts\nfrom bot.answers import Answerer\n"
        f"a = Answerer(load_texts(scaled_texts({factor})))\n"
        "from bot import memory; memory.give_back()  # as run, serve and a reload do after building\n"
        "a.ask('Ist Hemer dabei?')\n"
        "print([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def unanswered_write_ms(count: int = 2000) -> float:
    """What recording one unanswered question costs (the bot writes it while answering)."""
    import tempfile

    from bot.moderation.unanswered import UnansweredLog
    from bot.storage import Storage

    with tempfile.TemporaryDirectory() as folder:
        storage = Storage(Path(folder) / "bench.sqlite3")
        log = UnansweredLog(storage)
        start = time.perf_counter()
        for i in range(count):
            log.record(f"Wie hoch sind die Parkgebühren in Arnsberg, Frage {i}?")
        elapsed = time.perf_counter() - start
        storage.close()
    return elapsed / count * 1000


def batch_rate(questions: list[str], repeat: int = 20) -> float:
    """Questions per second of ``python -m bot ask --json`` reading questions from stdin (one core)."""
    data = "\n".join(questions * repeat) + "\n"
    cmd = [sys.executable, "-m", "bot", "ask", "--json"]
    start = time.perf_counter()
    subprocess.run(cmd, input="Hallo\n", capture_output=True, text=True, check=True, cwd=ROOT)
    startup = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(cmd, input=data, capture_output=True, text=True, check=True, cwd=ROOT)
    return len(questions) * repeat / max(time.perf_counter() - start - startup, 1e-9)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--loads", action="store_true", help="only the load+index columns")
    parser.add_argument("--no-batch", action="store_true", help="without the batch mode's rate (minutes sooner)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    questions = [q["q"] for file in sorted((ROOT / "tests" / "data").glob("dev_questions*.yaml"))
                 for q in yaml.safe_load(file.read_text(encoding="utf-8"))["questions"]]
    from bot import understanding

    how = "compiled with mypyc" if understanding.COMPILED else "plain Python (not compiled)"
    print(f"{len(questions)} dev questions, {args.rounds} rounds; understanding pipeline: {how}\n")
    if args.loads:
        print("| knowledge | intents | examples | load+index (build) | load+index (compiled copy) "
              "| load+index (reload after an edit) |\n|---|---|---|---|---|---|")
        for factor in (int(f) for f in args.factors.split(",")):
            r = measure(factor, questions, args.rounds, loads_only=True)
            print(f"| {'shipped' if factor == 1 else f'{factor}x'} | {r['intents']:,} | {r['examples']:,} "
                  f"| {r['load_ms']:.0f} ms | {r['compiled_ms']:.0f} ms | {r['edit_ms']:.0f} ms |")
        return 0
    print("| knowledge | intents | examples | load+index (build) | load+index (compiled copy) "
          "| load+index (reload after an edit) | p50 | p99 | p99 first sight | answers/s | RSS after load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    tails = []
    for factor in (int(f) for f in args.factors.split(",")):
        r = measure(factor, questions, args.rounds)
        tails.append(r)
        name = "shipped" if factor == 1 else f"{factor}x"
        print(f"| {name} | {r['intents']:,} | {r['examples']:,} | {r['load_ms']:.0f} ms | {r['compiled_ms']:.0f} ms | "
              f"{r['edit_ms']:.0f} ms | "
              f"{r['p50_ms']:.2f} ms | "
              f"{r['p99_ms']:.2f} ms | {r['first_p99_ms']:.2f} ms | {r['qps']:,.0f} | "
              f"{rss_after_load(factor):.0f} MB |")
    for r in tails:
        name = "shipped" if r["factor"] == 1 else f"{r['factor']}x"
        print(f"\n{name}: the slowest 1 % of the questions ({r['slowest']:,}, each at least {r['slowest_ms']:.2f} ms "
              f"in its fastest round): {r['slowest_several']:,} of them ask several questions (each part is "
              "matched once more after the whole message)")
    print(f"\nunanswered log: {unanswered_write_ms():.3f} ms per fallback written (SQLite WAL, synchronous=NORMAL)")
    if not args.no_batch:
        rate = batch_rate(questions)
        print(f"\nbatch: python -m bot ask --json < questions: {rate:,.0f} questions/s (shipped knowledge)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
