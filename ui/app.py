"""The newsrag web UI: chat with cited answers, a sources panel, filters, uploads and feedback (Gradio 6).

`build_app(assistant)` makes the Blocks; `launch(app, ...)` starts it with the offline theme, CSS and script;
`serve(host, port)` is what `newsrag chat` runs. Untrusted text is escaped in ui/render.py.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported: no phoning home

import gradio as gr  # noqa: E402

from rag.answerers import get_answerer  # noqa: E402
from rag.assistant import Assistant, Conversation  # noqa: E402
from rag.core.errors import NewsragError  # noqa: E402
from rag.core.store import Store  # noqa: E402
from rag.core.text import check_question  # noqa: E402
from rag.core.types import Answer  # noqa: E402
from ui import library, render  # noqa: E402
from ui.answerer_menu import answerer_choices, answerer_note  # noqa: E402
from ui.auth import auth_for  # noqa: E402
from ui.feedback import record_feedback  # noqa: E402
from ui.uploads import ALLOWED_SUFFIXES, MAX_UPLOAD_BYTES, check_and_store, human_size, ingest_uploads  # noqa: E402

log = logging.getLogger("newsrag.ui")
ALL_OUTLETS = "All outlets"
STREAM_PAUSE_S = 0.05  # between streamed sentences of an extractive answer (already computed; this is for the eye)
ASSETS = Path(__file__).parent / "assets"
# System fonts only: the default theme would fetch fonts from Google, which an offline machine cannot reach.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])


@dataclass
class Session:
    """One browser tab: its conversation, the chat as shown, and which message belongs to which answer."""

    conversation: Conversation
    messages: list[dict] = field(default_factory=list)
    turns: list[render.Turn] = field(default_factory=list)
    by_message: dict[int, render.Turn] = field(default_factory=dict)
    busy: threading.Lock = field(default_factory=threading.Lock)  # one question at a time per tab

    def reset(self) -> None:
        self.conversation.reset()
        self.messages.clear()
        self.turns.clear()
        self.by_message.clear()


def outlet_choices(assistant: Assistant) -> list[str]:
    return [ALL_OUTLETS] + assistant.store.sources()


def ask_options(
    assistant: Assistant, outlet: str | None, since: str | None, until: str | None, answerer: str | None
) -> dict:
    """The keyword options for Assistant.ask, validated now so a bad date is reported before any work."""
    source = None if not outlet or outlet == ALL_OUTLETS else outlet
    answerer = get_answerer(answerer).name  # raises NewsragError naming an unknown answerer
    assistant.filters(source, since, until)  # raises NewsragError naming the bad field
    return {
        "source": source,
        "since": (since or "").strip() or None,
        "until": (until or "").strip() or None,
        "answerer": answerer,
    }


def passages_for(assistant: Assistant, answer: Answer) -> dict[int, str]:
    """Each citation's passage with its span marked, cut from the stored article (the citation's ground truth)."""
    out: dict[int, str] = {}
    for c in answer.citations:
        article = assistant.store.article(c.article_id)
        if article is not None and article.text[c.start : c.end] == c.quote:
            out[c.n] = render.passage_html(article.text, c.start, c.end)
        else:  # article replaced since: show the quote the answer was built from
            out[c.n] = f"<mark>{render.esc(c.quote)}</mark>"
    return out


def _answer_message(turn: render.Turn, text: str, final: bool) -> dict:
    known = {c.n for c in turn.answer.citations}
    body = render.answer_markdown(text, turn.number, known)
    if final and turn.answer.warnings:
        body += "\n\n" + "\n\n".join(f"*Note: {render.md_text(w)}*" for w in turn.answer.warnings)
    return {"role": "assistant", "content": body}


def build_app(assistant: Assistant, max_upload_bytes: int = MAX_UPLOAD_BYTES) -> gr.Blocks:
    """The whole page, bound to one Assistant (shared by all sessions; the index is opened once)."""
    index_dir = Path(assistant.store.directory)
    uploads_dir = index_dir / "uploads"
    lock = assistant.store.rw

    def new_session() -> Session:
        return Session(assistant.chat())

    # ---- chat ------------------------------------------------------------------------------------------------------
    def respond(message: str, session: Session | None, outlet: str, since: str, until: str, answerer: str):
        """Stream one answer into the chat: placeholder, then tokens (LLM) or sentence by sentence (extractive)."""
        session = session or new_session()
        try:
            question = check_question(message)
            options = ask_options(assistant, outlet, since, until, answerer)
        except NewsragError as exc:
            yield gr.skip(), gr.skip(), session, gr.skip(), f"⚠️ {render.md_text(str(exc))}"
            return
        if not session.busy.acquire(blocking=False):
            yield (
                gr.skip(),
                gr.skip(),
                session,
                gr.skip(),
                "Still answering the previous question; ask again when it is done.",
            )
            return
        try:
            yield from _respond(session, question, options)
        finally:
            session.busy.release()

    def _respond(session: Session, question: str, options: dict):
        msgs = session.messages
        msgs.append({"role": "user", "content": render.md_text(question)})
        msgs.append({"role": "assistant", "content": "*Searching the articles…*"})
        yield list(msgs), "", session, gr.skip(), ""

        tokens: queue.Queue[str] = queue.Queue()
        result: dict = {}
        streaming = get_answerer(options["answerer"]).streams

        def work() -> None:
            try:
                with lock.read():
                    result["answer"] = session.conversation.ask(
                        question, on_token=tokens.put if streaming else None, **options
                    )
            except NewsragError as exc:
                result["error"] = str(exc)
            except Exception as exc:  # shown briefly to the user, in full in the server log
                log.exception("answering %r failed", question)
                result["error"] = f"internal error ({type(exc).__name__}: {exc}); the server log has the details"

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        verified = ""  # the LLM's sentences that passed verification so far: nothing else is ever shown
        while worker.is_alive() or not tokens.empty():
            try:
                verified += tokens.get(timeout=0.1)
            except queue.Empty:
                continue
            while not tokens.empty():
                verified += tokens.get_nowait()
            msgs[-1] = {
                "role": "assistant",
                "content": render.md_text(verified) + " ▌\n\n*(each sentence appears once its source supports it…)*",
            }
            yield list(msgs), gr.skip(), session, gr.skip(), gr.skip()
        worker.join()
        if "error" in result:
            msgs[-1] = {"role": "assistant", "content": f"⚠️ {render.md_text(result['error'])}"}
            yield list(msgs), gr.skip(), session, gr.skip(), f"⚠️ {render.md_text(result['error'])}"
            return

        answer: Answer = result["answer"]
        filters = {k: v for k, v in options.items() if k != "answerer" and v}
        asked_as = session.conversation.turns[-1][0] if session.conversation.turns else question
        turn = render.Turn(
            len(session.turns) + 1,
            question,
            answer,
            options["answerer"],
            filters,
            passages_for(assistant, answer),
            asked_as,
        )
        session.turns.append(turn)
        panel = render.sources_html(session.turns)
        steps = render.stream_steps(answer.text) if not streaming else [answer.text]
        for i, step in enumerate(steps):
            msgs[-1] = _answer_message(turn, step, final=i == len(steps) - 1)
            yield list(msgs), gr.skip(), session, panel if i == 0 else gr.skip(), gr.skip()
            if i < len(steps) - 1:
                time.sleep(STREAM_PAUSE_S)
        session.by_message[len(msgs) - 1] = turn
        if answer.citations:
            msgs.append(
                gr.ChatMessage(  # type: ignore[arg-type]  # Gradio takes ChatMessage and dict messages alike
                    role="assistant",
                    content=render.sources_message(turn),
                    metadata={
                        "title": f"Sources ({len(answer.citations)}): full passages in the panel",
                        "status": "done",
                    },
                )
            )
            session.by_message[len(msgs) - 1] = turn
        status = answer_status(answer, filters)
        yield list(msgs), gr.skip(), session, panel, status

    def new_conversation(session: Session | None):
        session = session or new_session()
        with session.busy:  # an answer still streaming finishes first, so it cannot land in the new conversation
            session.reset()
        return [], session, render.sources_html([]), "New conversation: earlier questions are forgotten.", ""

    def on_like(data: gr.LikeData, session: Session | None) -> str:
        turn = session.by_message.get(data.index if isinstance(data.index, int) else data.index[0]) if session else None
        if turn is None:
            return "Only answers can be rated."
        record_feedback(index_dir, turn, data.liked)
        return f"Thanks: {'👍' if data.liked is True else '👎'} recorded for answer {turn.number}."

    def check_dates(since: str, until: str) -> str:
        try:
            assistant.filters(None, since, until)
        except NewsragError as exc:
            return f"⚠️ {render.md_text(str(exc))}"
        return ""

    # ---- uploads ---------------------------------------------------------------------------------------------------
    def on_upload(files: list[str] | None, request: gr.Request, progress: gr.Progress = gr.Progress()):
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in (files or [])]
        if not paths:
            return None, gr.skip(), gr.skip()
        uploader = (getattr(request, "username", None) or "") if request else ""  # provenance: who uploaded
        checked = check_and_store([(p, Path(p).name) for p in paths], uploads_dir, max_upload_bytes, uploader)
        progress(0, desc="Checking files")

        def on_file(i: int, n: int, name: str) -> None:
            progress(i / max(n, 1), desc=f"Reading {name} ({i + 1}/{n})")

        def on_chunks(i: int, n: int, name: str, done: int, total: int) -> None:
            # the file's share of the bar grows with its passages embedded: real work, not files started
            progress(
                (i + done / max(total, 1)) / max(n, 1), desc=f"Embedding {name} ({i + 1}/{n}): {done}/{total} passages"
            )

        try:
            with lock.write():
                summary = ingest_uploads(checked, assistant.store, on_file, on_chunks, uploader=uploader)
        except NewsragError as exc:  # the index itself refused (e.g. a Chroma server went away): say so, keep the page
            return None, f'<p class="up-failed">❌ {render.esc(exc)}</p>', gr.skip()
        except Exception as exc:
            log.exception("ingesting uploads failed")
            failure = (
                f'<p class="up-failed">❌ internal error ({render.esc(type(exc).__name__)}: {render.esc(exc)}); '
                "the server log has the details</p>"
            )
            return None, failure, gr.skip()
        choices = outlet_choices(assistant)
        return None, upload_summary_html(summary), gr.update(choices=choices)

    def ask_api(question: str, source: str = "", since: str = "", until: str = "", answerer: str = "") -> dict:
        """Answer one question (no conversation) and return {question, answer, refused, citations, timings_ms, warnings}."""
        try:
            with lock.read():
                answer = assistant.ask(
                    question, source=source or None, since=since or None, until=until or None, answerer=answerer or None
                )
        except NewsragError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        return answer.to_dict()

    # ---- layout ----------------------------------------------------------------------------------------------------
    with gr.Blocks(title="newsrag", analytics_enabled=False) as app:
        session = gr.State(None)
        intro = gr.Markdown(library.intro_markdown(assistant.store), elem_id="intro")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    label="Conversation",
                    height=540,
                    latex_delimiters=[],
                    buttons=["copy"],
                    placeholder="Ask a question, e.g. *What did Keane say about Beijing?*",
                    group_consecutive_messages=False,
                )
                with gr.Row():
                    question = gr.Textbox(
                        elem_id="question",
                        show_label=False,
                        scale=5,
                        max_lines=4,
                        autofocus=True,
                        placeholder="Ask about the articles… (Enter to send)",
                    )
                    ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=80)
                with gr.Row():
                    new = gr.Button("New conversation", elem_id="new-conversation", size="sm")
                status = gr.Markdown("", elem_id="status")
            with gr.Column(scale=2, min_width=320):
                # folded by default so the sources panel gets the room; a bad date still shows in #date-error inside
                with gr.Accordion("Filters (outlet, dates) and answerer", open=False, elem_id="filters"):
                    outlet = gr.Dropdown(
                        outlet_choices(assistant),
                        value=ALL_OUTLETS,
                        label="Outlet",
                        elem_id="outlet",
                        allow_custom_value=False,
                    )
                    with gr.Row():
                        since = gr.Textbox(label="Since", elem_id="since", placeholder="YYYY-MM-DD", min_width=120)
                        until = gr.Textbox(label="Until", elem_id="until", placeholder="YYYY-MM-DD", min_width=120)
                    date_error = gr.Markdown("", elem_id="date-error")
                    answerer = gr.Dropdown(
                        answerer_choices(), value=get_answerer().name, label="Answerer", elem_id="answerer"
                    )
                    answerer_info = gr.Markdown(answerer_note(get_answerer().name), elem_id="answerer-note")
                sources = gr.HTML(render.sources_html([]), elem_id="sources")
                with gr.Accordion("Add articles", open=False, elem_id="add-articles"):
                    upload = gr.File(
                        label=f"Article files ({' '.join(ALLOWED_SUFFIXES)}; up to {human_size(max_upload_bytes)} each)",
                        # no file_types: Gradio would refuse a whole batch for one odd file; ui/uploads.py checks
                        # each file and says which were skipped and why
                        file_count="multiple",
                        elem_id="upload",
                    )
                    upload_summary = gr.HTML("", elem_id="upload-summary")
        lib = _library_section(assistant)

        chat_inputs = [question, session, outlet, since, until, answerer]
        chat_outputs = [chatbot, question, session, sources, status]
        question.submit(respond, chat_inputs, chat_outputs, api_visibility="undocumented", api_name="chat_submit")
        ask.click(respond, chat_inputs, chat_outputs, api_visibility="undocumented", api_name="chat")
        new.click(new_conversation, [session], [chatbot, session, sources, status, question], api_visibility="private")
        chatbot.clear(
            new_conversation, [session], [chatbot, session, sources, status, question], api_visibility="private"
        )
        chatbot.like(on_like, [session], [status], api_visibility="private")
        since.change(check_dates, [since, until], [date_error], api_visibility="private", show_progress="hidden")
        until.change(check_dates, [since, until], [date_error], api_visibility="private", show_progress="hidden")
        answerer.change(answerer_note, [answerer], [answerer_info], api_visibility="private")
        # the /upload API keeps its three outputs; the header count and the library's outlets follow in a second step
        upload.upload(on_upload, [upload], [upload, upload_summary, outlet], api_name="upload").then(
            lambda: (
                library.intro_markdown(assistant.store),
                gr.update(choices=library.outlet_choices(assistant.store)),
            ),
            None,
            [intro, lib.outlet],
            api_visibility="private",
        )
        _wire_library(assistant, lib, intro, outlet)
        # a page opened later shows the index as it is now (uploads and deletions since the app was built)
        app.load(
            lambda: _current(assistant),
            None,
            [intro, outlet, lib.outlet, lib.listing, lib.pick],
            api_visibility="private",
            show_progress="hidden",
        )
        gr.api(ask_api, api_name="ask")
    return app


def answer_status(answer: Answer, filters: dict) -> str:
    """The line under the chat: how the answer was found, or why there is none, never promising what is not shown."""
    took = answer.timings_ms.get("total_ms", 0) / 1000
    if not answer.refused:
        return f"Answered in {took:.1f} s from {len(answer.hits)} passages."
    if answer.hits:
        return f"No answer in the articles ({took:.1f} s); the closest passages are in the sources panel."
    if filters:  # nothing was searched at all: say which filters to widen
        named = ", ".join(f"{k} {v}" for k, v in filters.items())
        return f"No answer in the articles ({took:.1f} s): no article matches the filters ({named}); widen them."
    return f"No answer in the articles ({took:.1f} s): no passage matches the question."


@dataclass
class LibraryWidgets:
    outlet: gr.Dropdown
    since: gr.Textbox
    until: gr.Textbox
    listing: gr.HTML
    pick: gr.Dropdown
    article: gr.HTML
    delete: gr.Button
    status: gr.Markdown
    armed: gr.State  # the article id a first click on Delete armed; a second click deletes it


def _library_section(assistant: Assistant) -> LibraryWidgets:
    """The library: what is indexed, by outlet and date; open one article; delete one (two clicks)."""
    first = library.list_page(assistant.store, library.ALL_OUTLETS, "", "")
    with gr.Accordion("Library: browse, read or delete the indexed articles", open=False, elem_id="library"):
        with gr.Row():
            outlet = gr.Dropdown(
                library.outlet_choices(assistant.store),
                value=library.ALL_OUTLETS,
                label="Outlet",
                elem_id="lib-outlet",
                scale=2,
            )
            since = gr.Textbox(label="Since", placeholder="YYYY-MM-DD", elem_id="lib-since", scale=1)
            until = gr.Textbox(label="Until", placeholder="YYYY-MM-DD", elem_id="lib-until", scale=1)
        listing = gr.HTML(first.html, elem_id="lib-list")
        pick = gr.Dropdown(first.choices, value=None, label="Open an article", elem_id="lib-pick")
        article = gr.HTML(library.article_html(assistant.store, None), elem_id="lib-article")
        delete = gr.Button("Delete this article", variant="stop", size="sm", elem_id="lib-delete")
        status = gr.Markdown("", elem_id="lib-status")
        armed = gr.State(None)
    return LibraryWidgets(outlet, since, until, listing, pick, article, delete, status, armed)


def _current(assistant: Assistant) -> tuple:
    """What a newly opened page shows of the index: the header count, both outlet menus, the library's first page."""
    page = library.list_page(assistant.store, library.ALL_OUTLETS, "", "")
    return (
        library.intro_markdown(assistant.store),
        gr.update(choices=outlet_choices(assistant)),
        gr.update(choices=library.outlet_choices(assistant.store)),
        page.html,
        gr.update(choices=page.choices),
    )


def _wire_library(assistant: Assistant, w: LibraryWidgets, intro: gr.Markdown, chat_outlet: gr.Dropdown) -> None:
    store = assistant.store

    def refresh(outlet: str, since: str, until: str):
        try:
            page = library.list_page(store, outlet, since, until)
        except NewsragError as exc:
            return gr.skip(), gr.skip(), f"⚠️ {render.md_text(str(exc))}"
        return page.html, gr.update(choices=page.choices, value=None), ""

    def open_article(article_id: str | None):
        # emptied by a refresh or a deletion: keep the status line, which may be saying what was deleted
        return library.article_html(store, article_id), None, "" if article_id else gr.skip()

    def on_delete(article_id: str | None, armed: str | None, outlet: str, since: str, until: str, request: gr.Request):
        skip5 = (gr.skip(),) * 5
        if not article_id:
            return (*skip5, None, "Pick an article to delete first.")
        username = getattr(request, "username", None)
        host = getattr(getattr(request, "client", None), "host", None)
        if not library.may_manage(username, host):
            return (*skip5, None, "⚠️ Only a logged-in user may delete articles on a server other machines can reach.")
        if armed != article_id:  # the first click only asks: a deletion cannot be undone from the page
            article = store.article(article_id)
            title = article.title if article else article_id
            ask_again = (
                f"Delete “{render.md_text(title)}” from the index? Click **Delete this article** again to confirm."
            )
            return (*skip5, article_id, ask_again)
        try:
            message = library.delete_article(store, article_id, username, host)
        except NewsragError as exc:
            return (*skip5, None, f"⚠️ {render.md_text(str(exc))}")
        outlets = library.outlet_choices(store)
        if outlet not in {value for _, value in outlets}:
            outlet = library.ALL_OUTLETS
        page = library.list_page(store, outlet, since, until)
        return (
            page.html,
            gr.update(choices=page.choices, value=None),
            library.article_html(store, None),
            gr.update(choices=outlets, value=outlet),
            library.intro_markdown(store),
            None,
            render.md_text(message),
        )

    def chat_outlets():
        return gr.update(choices=outlet_choices(assistant))

    filters = [w.outlet, w.since, w.until]
    for box in (w.outlet, w.since, w.until):
        box.change(refresh, filters, [w.listing, w.pick, w.status], api_visibility="private", show_progress="hidden")
    w.pick.change(open_article, [w.pick], [w.article, w.armed, w.status], api_visibility="private")
    w.delete.click(
        on_delete,
        [w.pick, w.armed, *filters],
        [w.listing, w.pick, w.article, w.outlet, intro, w.armed, w.status],
        api_visibility="private",
    ).then(chat_outlets, None, [chat_outlet], api_visibility="private")


def upload_summary_html(summary: dict) -> str:
    """What an upload did, per file; every name and message escaped."""
    esc = render.esc
    received = summary.get("received", len(summary["files"]))
    done = (
        f"Added {summary['added']}, updated {summary['updated']}, unchanged {summary['unchanged']} article(s) "
        f"from {received} file(s); {summary['chunks_embedded']} passages embedded in {summary['seconds']:.1f} s."
    )
    parts = [
        f'<p class="up-ok">{esc(done)}{" They can be asked about now." if summary["added"] + summary["updated"] else ""}</p>'
    ]
    if summary["failed"]:
        parts.append(
            '<ul class="up-failed">'
            + "".join(f"<li>❌ <b>{esc(f['name'])}</b>: {esc(f['error'])}</li>" for f in summary["failed"])
            + "</ul>"
        )
    if summary["warnings"]:
        parts.append(
            '<ul class="up-warn">'
            + "".join(f"<li>⚠️ <b>{esc(w['name'])}</b>: {esc(w['error'])}</li>" for w in summary["warnings"])
            + "</ul>"
        )
    return "".join(parts)


def launch(
    app: gr.Blocks,
    host: str = "127.0.0.1",
    port: int = 7860,
    auth: list[tuple[str, str]] | None = None,
    prevent_thread_lock: bool = False,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    quiet: bool = False,
):
    """Start the server with the offline theme, the CSS and the citation-link script (Gradio 6 takes them here)."""
    app.queue(default_concurrency_limit=2)  # two cores: more answers at once only slow each other down
    return app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        theme=THEME,
        css=(ASSETS / "app.css").read_text(encoding="utf-8"),
        head=f"<script>{(ASSETS / 'cite_links.js').read_text(encoding='utf-8')}</script>",
        # Twice the per-file limit: files in between get the clear message from ui/uploads.py; larger ones are
        # cut off by Gradio before they are written to disk.
        max_file_size=2 * max_upload_bytes,
        ssr_mode=False,
        mcp_server=False,
        share=False,
        show_error=True,
        footer_links=["api"],
        allowed_paths=[],
    )


def serve(host: str = "127.0.0.1", port: int = 7860) -> None:
    """`newsrag chat`: open the index from settings once and serve the UI (loopback unless credentials are set)."""
    auth = auth_for(host)  # refuses a non-loopback host without credentials, before anything loads
    # create=True: an empty index is usable here, since articles can be added from the page
    assistant = Assistant(Store.open(create=True))
    if assistant.store.stats().articles == 0:
        log.warning(
            "the index at %s is empty: add articles from the page or with `newsrag ingest`", assistant.store.directory
        )
    print(
        f"newsrag UI on http://{'[' + host + ']' if ':' in host else host}:{port}"
        + (" (login required)" if auth else "")
    )
    launch(build_app(assistant), host=host, port=port, auth=auth)
