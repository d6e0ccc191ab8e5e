"""The web UI (Gradio): `ui.app.build_app(assistant)` and `ui.app.serve(host, port)`."""
