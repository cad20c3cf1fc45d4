/// The dashboard's stylesheet and script, served from `/ui/static/` (the content policy allows
/// only the server's own): no build step, no bundler.
enum DashboardAssets {
    static let css = """
    :root { --ink: #1d2433; --muted: #6b7385; --line: #dfe3ea; --accent: #2f5bd3; --bad: #c0392b; --warn: #b7791f; --ok: #2f855a; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: var(--ink); background: #f6f7fa; }
    header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
    header nav { display: flex; gap: 1rem; flex: 1; }
    header a { color: var(--ink); text-decoration: none; }
    header a[aria-current] { color: var(--accent); font-weight: 600; }
    .brand { font-weight: 700; }
    main { padding: 1rem 1.5rem; max-width: 1200px; }
    table { width: 100%; border-collapse: collapse; background: #fff; }
    th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-size: .8rem; text-transform: uppercase; color: var(--muted); }
    pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
    .args { background: #fff; border: 1px solid var(--line); padding: .6rem; }
    .badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: var(--line); font-size: .85rem; }
    .badge.bad { background: #fbe3e0; color: var(--bad); } .badge.warn { background: #fcefd9; color: var(--warn); } .badge.ok { background: #def3e6; color: var(--ok); }
    .muted, .hint { color: var(--muted); } .error { color: var(--bad); }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1.5rem; }
    .card { background: #fff; border: 1px solid var(--line); padding: 1rem; max-width: 420px; }
    .login { display: grid; gap: .5rem; }
    .filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin-bottom: .5rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .actions { display: flex; gap: .6rem; margin-top: 1rem; }
    form.inline, form.signout { display: inline-flex; gap: .4rem; align-items: center; }
    button { font: inherit; padding: .25rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3rem; cursor: pointer; }
    button.danger { border-color: var(--bad); background: var(--bad); }
    input, select { font: inherit; padding: .2rem .4rem; }
    .upload { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; max-width: none; margin-bottom: 1rem; }
    .upload.dragging { outline: 2px dashed var(--accent); outline-offset: 4px; }
    .progress { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: .6rem 0; }
    progress { width: 240px; }
    .rows code { white-space: pre-wrap; word-break: break-all; }
    .timeline li { margin-bottom: .6rem; }
    ol.steps { margin: .3rem 0; padding-left: 1.2rem; } details summary { cursor: pointer; }
    .excerpt { background: #fff; border: 1px solid var(--line); padding: .4rem; margin-top: .3rem; max-height: 12rem; overflow: auto; }
    td.actions { display: table-cell; white-space: nowrap; margin: 0; } td.actions form { display: inline-block; margin-right: .4rem; }
    svg.chart { display: block; } svg.chart .axis { stroke: var(--line); } .chart-caption { font-size: .75rem; color: var(--muted); }
    svg.chart.done rect { fill: var(--accent); } svg.chart.failed rect { fill: var(--bad); }
    """

    /// Live parts reload their fragment every 2 s while the tab is visible; a form marked
    /// `data-drop` takes a file dropped anywhere on it into its file field. The pages work
    /// without it.
    static let js = """
    "use strict";
    document.querySelectorAll("form[data-drop]").forEach(function (form) {
      var input = form.querySelector("input[type=file]");
      var hint = form.querySelector(".drop-hint");
      ["dragenter", "dragover"].forEach(function (name) {
        form.addEventListener(name, function (event) { event.preventDefault(); form.classList.add("dragging"); });
      });
      form.addEventListener("dragleave", function () { form.classList.remove("dragging"); });
      form.addEventListener("drop", function (event) {
        event.preventDefault();
        form.classList.remove("dragging");
        var files = event.dataTransfer && event.dataTransfer.files;
        if (!files || files.length !== 1) { if (hint) hint.textContent = "drop one CSV file"; return; }
        input.files = files;
        if (hint) hint.textContent = files[0].name + " is ready to upload";
      });
    });
    document.querySelectorAll("[data-live]").forEach(function (part) {
      if (part.querySelector("[data-final]")) return;
      var timer = setInterval(function () {
        if (document.hidden) return;
        fetch(part.getAttribute("data-live"), { credentials: "same-origin" })
          .then(function (answer) { return answer.ok ? answer.text() : null; })
          .then(function (html) {
            if (html === null) return;
            part.innerHTML = html;
            if (part.querySelector("[data-final]")) clearInterval(timer);
          });
      }, 2000);
    });
    """
}
