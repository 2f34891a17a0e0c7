"""Command line: ``python -m bot ask|shell|check``.

Everything here works without a Discord token; errors are one clear message and a
non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__, memory
from bot.understanding.explain import explain


def _package_knowledge() -> Path:
    """The knowledge shipped with the package: ``bot/knowledge`` in an installed wheel, ``knowledge/``
    next to ``bot/`` in a checkout (and an editable install)."""
    here = Path(__file__).resolve().parent
    installed = here / "knowledge"
    return installed if (installed / "intents.yaml").is_file() else here.parent / "knowledge"


PACKAGE_KNOWLEDGE = _package_knowledge()


def default_knowledge() -> str:
    """``knowledge/`` in the working directory, else the one shipped next to the package."""
    return "knowledge" if Path("knowledge").is_dir() else str(PACKAGE_KNOWLEDGE)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port: use 1 to 65535")
    return port


def _today_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-11-25") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Smart Cities Südwestfalen bot")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def knowledge_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument("--knowledge", "-k", action="append", metavar="PATH",
                       help="knowledge file or folder (repeatable; default: knowledge/)")
        p.add_argument("--lang", choices=["de", "en"],
                       help="answer in this language (as the web API's \"lang\"); without it the answer follows "
                            "the question's language")
        p.add_argument("--default-lang", choices=["de", "en"], default="de",
                       help="the language when a question's own is unclear (default: de)")
        p.add_argument("--today", type=_today_arg, help="pretend today is this date (YYYY-MM-DD)")

    ask = sub.add_parser("ask", help="answer questions (arguments, or one per line from stdin)")
    ask.add_argument("question", nargs="*", help="the question; none: read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--conversation", action="store_true",
                     help="stdin holds conversations: one question a line, a blank line starts a new one; "
                          "follow-ups (\"und wo?\") refer to the previous answer")
    ask.add_argument("--explain", action="store_true",
                     help="show what each stage of the understanding pipeline did (for moderators)")
    knowledge_opts(ask)

    shell = sub.add_parser("shell", help="chat with the bot in the terminal")
    shell.add_argument("--explain", action="store_true", help="show how each question is understood")
    knowledge_opts(shell)

    run = sub.add_parser("run", help="run the Discord bot (token from DISCORD_TOKEN)")
    run.add_argument("--config", "-c", default="config.yaml", help="settings file (default: config.yaml)")
    run.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])

    serve = sub.add_parser("serve", help="the chat page and HTTP API (no Discord token needed)")
    serve.add_argument("--host", help="address to listen on (default: web.host, 127.0.0.1)")
    serve.add_argument("--port", type=_port, help="TCP port (default: web.port, 8080)")
    serve.add_argument("--config", "-c", help="settings file (default: config.yaml if it exists, "
                       "else the shipped knowledge and default settings)")
    serve.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])

    def config_opt(p: argparse.ArgumentParser, top: bool = False) -> None:
        """--config before or after the subcommand ("kb --config X unanswered", "kb unanswered --config X")."""
        p.add_argument("--config", "-c", default=None if top else argparse.SUPPRESS, metavar="FILE",
                       help="settings file (default: config.yaml, or its defaults if there is none; "
                            "a FILE named here must exist)")

    kb = sub.add_parser("kb", help="moderators: unanswered questions, teach a question")
    config_opt(kb, top=True)
    kb_sub = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    unanswered = kb_sub.add_parser("unanswered", help="most frequent questions that fell back")
    unanswered.add_argument("--days", type=int, default=30, help="look back this many days (default: 30)")
    unanswered.add_argument("--limit", type=int, default=20)
    config_opt(unanswered)
    teach = kb_sub.add_parser("teach", help="add a question to an intent (written to kb.learned)")
    teach.add_argument("question")
    teach.add_argument("intent")
    config_opt(teach)
    stats = kb_sub.add_parser("stats", help="questions per day, share answered, top topics and gaps, with a chart")
    stats.add_argument("--days", type=int, default=30, help="look back this many days (default: 30)")
    stats.add_argument("--chart", default="stats.png", metavar="FILE",
                       help="write the chart of questions per day here (default: stats.png; '-' for none)")
    stats.add_argument("--lang", choices=["de", "en"], help="language of the text (default: the config's)")
    config_opt(stats)

    audit = sub.add_parser("audit", help="who changed what: the moderators' and staff's actions")
    audit.add_argument("--limit", type=int, default=50, help="the newest this many entries (default: 50)")
    audit.add_argument("--action", help="only this kind (teach, reload, event, ...)")
    config_opt(audit, top=True)

    stories = sub.add_parser("stories", help="blog stories")
    config_opt(stories, top=True)
    stories_sub = stories.add_subparsers(dest="stories_command", required=True, metavar="STORIES_COMMAND")
    retry = stories_sub.add_parser("retry", help="put a story Discord rejected back in the queue")
    retry.add_argument("story_id", type=int, metavar="ID", help="the number in the moderators' note")
    config_opt(retry)
    poll = stories_sub.add_parser("poll", help="fetch the feeds and print what would be posted (changes nothing)")
    poll.add_argument("--once", action="store_true", help="one poll, then exit (the only mode)")
    config_opt(poll)

    events = sub.add_parser("events", help="events announced with /event")
    config_opt(events, top=True)
    events_sub = events.add_subparsers(dest="events_command", required=True, metavar="EVENTS_COMMAND")
    events_list = events_sub.add_parser("list", help="print the upcoming events from the database")
    config_opt(events_list)
    events_list.add_argument("--lang", choices=["de", "en"], help="language of dates (default: the config's)")

    check = sub.add_parser("check", help="validate knowledge files; exit 1 if any problem")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: knowledge/)")
    return parser


def _load_answerer(args: argparse.Namespace):  # -> Answerer | None
    from bot.answers import Answerer
    from bot.clock import berlin_today
    from bot.loader import KnowledgeError, load

    paths = args.knowledge or [default_knowledge()]
    try:
        knowledge = load(paths)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: the knowledge in {', '.join(map(str, paths))} has {len(exc.problems)} problem(s); "
              "fix them and try again (python -m bot check)", file=sys.stderr)
        return None
    today = (lambda: args.today) if args.today else berlin_today
    answerer = Answerer(knowledge, default_lang=args.default_lang, today=today)
    memory.give_back()  # batch mode runs on: what building the index freed
    return answerer


def _ask(args: argparse.Namespace) -> int:
    answerer = _load_answerer(args)
    if answerer is None:
        return 1
    out = sys.stdout
    if args.question:
        # ask "Ist Olpe dabei?" "Was ist die Rahmenstrategie?": two questions; ask Ist Olpe dabei: one.
        several = len(args.question) > 1 and any(" " in q.strip() for q in args.question)
        questions: Sequence[str] = [q for q in args.question if q.strip()] if several else [" ".join(args.question)]
        batch = False
    else:
        questions = (line.rstrip("\r\n") for line in sys.stdin)  # type: ignore[assignment]
        batch = True
    context = None
    for question in questions:
        if batch and not question.strip():
            context = None  # a blank line: a new conversation (and nothing to answer)
            continue
        answer = answerer.ask(question, args.lang, context=context if args.conversation else None)
        context = answer.context or context
        if args.explain and answer.match is not None:
            explanation = explain(answer.match)
            if args.json:
                out.write(json.dumps({**answer.to_json(), "explain": explanation}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{answer.text}\n\n{explanation}\n")
            continue
        if args.json:
            out.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
        elif batch:
            out.write(answer.text.replace("\n", " | ") + "\n")
        elif len(questions) > 1:
            out.write(f"> {question}\n{answer.text}\n\n")
        else:
            out.write(answer.text + "\n")
    out.flush()
    return 0


def _shell(args: argparse.Namespace) -> int:
    try:
        import readline  # noqa: F401 - line editing and history for input()
    except ImportError:  # not on every platform
        pass
    answerer = _load_answerer(args)
    if answerer is None:
        return 1
    k = answerer.knowledge
    print(f"Smart Cities Südwestfalen bot – knowledge {k.version}, {len(k.intents)} topics. "
          "Frag etwas / ask something; ':explain' shows how questions are understood; 'exit' or Ctrl-D quits.")
    explaining = bool(getattr(args, "explain", False))
    while True:
        try:
            question = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.strip().lower() in {"exit", "quit", ":q"}:
            return 0
        if not question.strip():
            continue
        if question.strip() == ":explain":
            explaining = not explaining
            print(f"explain {'on' if explaining else 'off'}\n")
            continue
        answer = answerer.ask(question, args.lang)
        print(answer.text)
        print(f"  [{answer.intent or 'fallback'} · {answer.confidence:.2f} · {answer.lang}]\n")
        if explaining and answer.match is not None:
            print(explain(answer.match) + "\n")


def _check(args: argparse.Namespace) -> int:
    from bot.loader import KnowledgeError, load

    paths = args.paths or [default_knowledge()]
    # One file of a knowledge folder ("check knowledge/intents.yaml") is checked in the context of
    # its folder (the facts and groups it refers to live in the other files); only its problems count.
    files = [Path(p) for p in paths if Path(p).is_file() and Path(p).suffix in (".yaml", ".yml")]
    only = {str(f) for f in files} if files and len(files) == len(paths) else None
    folders = list(dict.fromkeys(str(f.parent) for f in files)) if only else paths
    try:
        knowledge = load(folders)
    except KnowledgeError as exc:
        problems = [p for p in exc.problems if only is None or p.file in only or Path(p.file) in map(Path, only)]
        for problem in problems:
            print(problem)
        if problems or only is None:
            print(f"{len(problems)} problem(s) found.")
            return 1
        print(f"OK: {', '.join(map(str, paths))} (checked with the rest of its folder, which has "
              f"{len(exc.problems)} problem(s) of its own)")
        return 0
    examples = sum(len(v) for i in knowledge.intents for v in i.examples.values())
    print(f"OK: {len(knowledge.sources)} file(s) in {', '.join(map(str, folders))}: {len(knowledge.intents)} intents, "
          f"{examples} examples, {len(knowledge.timeline)} timeline entries, version {knowledge.version}")
    return 0


def _config_or_defaults(named: str | None):  # -> Config | None
    """The config file named with --config (it must exist), else config.yaml if it exists, else the
    defaults; None (problems printed) if it is broken or missing."""
    from bot.config import Config, ConfigError, load_config

    if named is not None and not Path(named).is_file():
        print(f"error: --config {named}: no such file", file=sys.stderr)
        return None
    path = named or "config.yaml"
    try:
        return load_config(path) if Path(path).exists() else Config()
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return None


def _kb(args: argparse.Namespace) -> int:
    from bot.answers import Answerer
    from bot.knowledge_source import KnowledgeSource
    from bot.loader import KnowledgeError
    from bot.moderation import kb_reports
    from bot.moderation.teach import TeachError, teach
    from bot.moderation.unanswered import UnansweredLog
    from bot.storage import Storage

    config = _config_or_defaults(args.config)
    if config is None:
        return 2
    lang = config.language
    if args.kb_command == "stats":
        return _kb_stats(args, config)
    if args.kb_command == "unanswered":
        if not Path(config.storage.path).exists():  # reading creates nothing (no data/ folder)
            print(kb_reports.unanswered_text([], args.days, lang))
            return 0
        storage = Storage(config.storage.path)
        try:
            log = UnansweredLog(storage, config.kb.unanswered_retention_days)
            log.purge()
            print(kb_reports.unanswered_text(log.top(args.days, args.limit), args.days, lang))
        finally:
            storage.close()
        return 0
    source = KnowledgeSource(config.knowledge, config.kb.learned)
    try:
        answerer = Answerer(source.load(), default_lang=lang)
        filed = teach(source, answerer, args.question, args.intent)
        storage = Storage(config.storage.path) if Path(config.storage.path).exists() else None
        if storage is not None:  # taught: it leaves the unanswered list
            UnansweredLog(storage).forget(args.question)
            storage.close()
    except KnowledgeError as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        print("error: fix the knowledge first (python -m bot check)", file=sys.stderr)
        return 1
    except TeachError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"OK: '{args.question}' is now an example of '{args.intent}' ({filed}), in {source.learned}. "
          "A running bot picks it up within seconds.")
    _audit_cli(config, "teach", f"„{args.question}“ → {args.intent}")
    return 0


def _audit_cli(config, action: str, detail: str) -> None:  # config: Config
    """An action from the command line in the audit log: the person is the system user (id 0)."""
    import getpass

    from bot.moderation.audit import AuditLog
    from bot.storage import Storage

    storage = Storage(config.storage.path)
    try:
        AuditLog(storage).record(0, f"cli:{getpass.getuser()}", action, detail)
    finally:
        storage.close()


def _kb_stats(args: argparse.Namespace, config) -> int:  # config: Config
    from bot.moderation.stats import QuestionStats, chart_png, stats_text
    from bot.moderation.unanswered import UnansweredLog
    from bot.storage import Storage

    lang = args.lang or config.language
    exists = Path(config.storage.path).exists()
    storage = Storage(config.storage.path if exists else ":memory:")  # reading creates nothing
    try:
        rows = UnansweredLog(storage, config.kb.unanswered_retention_days).top(args.days, 5)
        summary = QuestionStats(storage).summary(args.days, [(r.question, r.count) for r in rows])
    finally:
        storage.close()
    print(stats_text(summary, lang).replace("**", ""))
    if args.chart != "-":
        Path(args.chart).write_bytes(chart_png(summary, lang))
        print(f"chart: {args.chart}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from bot.moderation.audit import AuditLog
    from bot.storage import Storage

    config = _config_or_defaults(args.config)
    if config is None:
        return 2
    if not Path(config.storage.path).exists():
        print(f"no audit entries: the database {config.storage.path} does not exist yet")
        return 0
    storage = Storage(config.storage.path)
    try:
        entries = AuditLog(storage).recent(args.limit, args.action)
    finally:
        storage.close()
    for entry in reversed(entries):  # oldest first, like a log
        print(entry.line())
    if not entries:
        print("no audit entries")
    return 0


def _stories(args: argparse.Namespace) -> int:
    import asyncio

    from bot.community.stories import StoryStore, preview
    from bot.storage import Storage

    config = _config_or_defaults(args.config)
    if config is None:
        return 2
    if args.stories_command == "retry":
        storage = Storage(config.storage.path)
        try:
            story = StoryStore(storage).retry(args.story_id)
        finally:
            storage.close()
        if story is None:
            print(f"no story #{args.story_id} waiting to be posted", file=sys.stderr)
            return 1
        print(f"story #{args.story_id} „{story.title}“ is queued again; the next poll posts it")
        _audit_cli(config, "stories.retry", f"#{args.story_id} „{story.title}“")
        return 0
    if not config.stories.feeds:
        print("no feeds configured (stories.feeds in the config)", file=sys.stderr)
        return 1
    # A preview changes nothing: without a database yet it starts from an empty one in memory
    # (no data/ folder appears), as the first poll of a new bot would.
    exists = Path(config.storage.path).exists()
    storage = Storage(config.storage.path if exists else ":memory:")
    try:
        items = asyncio.run(preview(StoryStore(storage), config.stories.feeds, config.stories.first_run_post,
                                    config.stories.max_age_days))
    finally:
        storage.close()
    errors = 0
    for feed, item in items:
        if isinstance(item, str):
            errors += item.startswith("error")
            print(f"{feed}: {item}")
        else:
            print(f"{(item.published or '')[:10]}  {item.title}  {item.link}")
    if not items:
        print("nothing new to post")
    return 1 if errors else 0


def _events(args: argparse.Namespace) -> int:
    from bot import clock
    from bot.community.events import EventStore
    from bot.storage import Storage

    config = _config_or_defaults(args.config)
    if config is None:
        return 2
    lang = args.lang or config.language
    if not Path(config.storage.path).exists():
        print(f"no events: the database {config.storage.path} does not exist yet")
        return 0
    storage = Storage(config.storage.path)
    try:
        upcoming = EventStore(storage, clock.now).upcoming(limit=1000)
    finally:
        storage.close()
    for event in upcoming:
        print("  ".join(filter(None, [f"#{event.id}", event.when(lang), event.title, event.place])))
    if not upcoming:
        print("no upcoming events")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from bot.serve import serve

    return serve(args.config, args.host, args.port, default_knowledge(), args.log_level)


def _run(args: argparse.Namespace) -> int:
    from bot.run import run

    return run(args.config, args.log_level)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"ask": _ask, "shell": _shell, "check": _check, "run": _run, "kb": _kb, "stories": _stories,
               "events": _events, "serve": _serve, "audit": _audit}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
