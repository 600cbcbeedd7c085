"""`templates [--lang zh|en]`: list the starter templates (ids and titles)."""

from __future__ import annotations

from .common import add_lang_option


def register(sub) -> None:
    p = sub.add_parser(
        "templates",
        help="list the organisation templates",
        description="List the starter templates: use an id with `new -o FILE.db --template ID`.",
    )
    add_lang_option(p, "show titles in one language only (default: both)")
    p.add_argument("--long", action="store_true", help="also print each template's description")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..templates import list_templates

    infos = list_templates()
    width = max(len(t.id) for t in infos)
    for info in infos:
        if args.lang:
            title = info.title(args.lang)
        else:
            title = f"{info.title_zh} / {info.title_en}"
        print(f"{info.id:<{width}}  {title}")
        if args.long:
            for language in ("zh", "en") if not args.lang else (args.lang,):
                print(f"{'':<{width}}  {info.description(language)}")
    return 0
