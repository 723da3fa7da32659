/// The portal's own stylesheet and script, served from the binary.
enum Assets {
    static let css = """
        :root { --ink: #1d2430; --muted: #5b6573; --line: #d5dae1; --accent: #0b5cad; --danger: #a3261b; --ok: #1d7a3a; --paper: #fff; --tint: #f3f6fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--tint); }
        a { color: var(--accent); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header { background: var(--ink); }
        nav { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; }
        nav a { color: #fff; text-decoration: none; } nav a:hover, nav a:focus { text-decoration: underline; }
        nav .brand { font-weight: 700; margin-right: auto; }
        nav a[aria-current="page"] { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: .35em; }
        nav button { background: none; border: 1px solid #fff6; color: #fff; }
        main { max-width: 72rem; margin: 1.5rem auto; padding: 1.5rem; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
        footer { text-align: center; color: var(--muted); font-size: .875rem; padding: 1rem; }
        h1 { margin-top: 0; font-size: 1.75rem; } h2 { font-size: 1.3rem; margin-top: 2rem; }
        form.stacked { display: grid; grid-template-columns: minmax(0, 1fr); gap: .4rem; max-width: 32rem; }
        fieldset { min-width: 0; }
        form.inline { display: inline; }
        label { font-weight: 600; } .check label { font-weight: 400; }
        input, select, textarea, button { font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 4px; }
        textarea { width: 100%; font-family: ui-monospace, Menlo, Consolas, monospace; }
        input, select, textarea { border-color: #6b7480; }
        input:focus, select:focus, textarea:focus, button:focus, a:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
        header a:focus, header button:focus { outline-color: #f2b705; }
        button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; padding: .45rem .9rem; border-radius: 4px; }
        .secondary { background: var(--paper); color: var(--accent); }
        button.danger { background: var(--danger); border-color: var(--danger); }
        table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
        .notice { background: #e7f5ec; border-left: 4px solid var(--ok); padding: .5rem .75rem; }
        .error { background: #fbeaea; border-left: 4px solid var(--danger); padding: .5rem .75rem; }
        .key { font: 1.1rem ui-monospace, Menlo, Consolas, monospace; background: #fff8d6; padding: .75rem; border: 1px dashed #c9a400; word-break: break-all; }
        code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; }
        td code { word-break: break-all; } p code { overflow-wrap: anywhere; }
        pre { background: #0f1520; color: #e6edf3; padding: .75rem; overflow: auto; max-height: 32rem; border-radius: 4px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem 1rem; }
        .muted { color: var(--muted); } .actions form { margin-right: .25rem; }
        .cards li { margin: .5rem 0; }
        svg.chart { width: 100%; height: auto; background: var(--paper); }
        svg.chart .bar { fill: var(--accent); } svg.chart .bar.error { fill: var(--danger); } svg.chart text { font-size: 11px; fill: var(--muted); }
        svg.chart .limit { stroke: var(--danger); stroke-dasharray: 4 3; }
        .status-ok { color: var(--ok); font-weight: 700; } .status-error { color: var(--danger); font-weight: 700; }
        .help { display: block; color: var(--muted); font-size: .875rem; margin-bottom: .35rem; }
        input, select, textarea { max-width: 100%; }
        .scroll { overflow-x: auto; max-width: 100%; margin: .75rem 0; position: relative; }
        .scroll table { margin: 0; }
        .operation h2 code, .object h2 code, ul.toc code { overflow-wrap: anywhere; }
        table.parameters code, table.errors code { white-space: nowrap; word-break: normal; }
        table.members code { overflow-wrap: anywhere; }
        table.parameters td:last-child, table.members td:last-child, table.errors td:last-child { min-width: 16rem; }
        pre.example { overflow-x: auto; max-height: 32rem; }
        .nowrap, table.log th, table.log td { white-space: nowrap; }
        table.log td code { word-break: normal; }
        table.log td.path { white-space: normal; min-width: 18rem; }
        table.log td.path code { overflow-wrap: anywhere; }
        progress { width: 100%; max-width: 32rem; height: 1.25rem; }
        .console { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start; }
        .console form.stacked { max-width: none; }
        @media (max-width: 60rem) { .console { grid-template-columns: minmax(0, 1fr); gap: 0; } }
        @media (max-width: 40rem) {
          main { margin: 0; padding: 1rem; border-left: 0; border-right: 0; border-radius: 0; }
          nav { gap: .5rem 1rem; }
          table { display: block; overflow-x: auto; position: relative; }
          .scroll table { display: table; }
          h1 { font-size: 1.4rem; overflow-wrap: anywhere; }
        }
        """

    /// Progressive enhancement only: every form works without it.
    static let javascript = """
        document.addEventListener("DOMContentLoaded", () => {
          // Choosing an operation in the console reloads its parameter form at once.
          document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
            select.addEventListener("change", () => select.form.submit());
          });
          // Destructive buttons ask first.
          document.querySelectorAll("button[data-confirm]").forEach((button) => {
            button.addEventListener("click", (event) => {
              if (!window.confirm(button.dataset.confirm)) event.preventDefault();
            });
          });
          // Copy buttons next to keys and curl commands.
          document.querySelectorAll("[data-copy]").forEach((button) => {
            button.hidden = false;
            button.addEventListener("click", () => {
              const source = document.getElementById(button.dataset.copy);
              navigator.clipboard.writeText(source.textContent.trim()).then(() => { button.textContent = "Copied"; });
            });
          });
        });
        """
}
