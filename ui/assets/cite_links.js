// A [n] link in an answer jumps to its card in the sources panel. Captured before Gradio's own link handling,
// which would open "#src-…" in a new tab; only our own anchors (href="#src-<turn>-<n>") are handled.
document.addEventListener("click", function (event) {
  var link = event.target && event.target.closest ? event.target.closest('a[href^="#src-"]') : null;
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  var card = document.getElementById(link.getAttribute("href").slice(1));
  if (!card) return;
  var turn = card.closest("details");
  if (turn) turn.open = true;
  document.querySelectorAll(".src-card.active").forEach(function (el) { el.classList.remove("active"); });
  card.classList.add("active");
  card.scrollIntoView({ behavior: "smooth", block: "center" });
}, true);
