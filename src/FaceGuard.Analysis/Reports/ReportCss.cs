namespace FaceGuard.Analysis.Reports;

/// <summary>The report's stylesheet: system fonts only, nothing fetched.</summary>
internal static class ReportCss
{
    public const string Text = """
        :root { color-scheme: light; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --panel: #ffffff; --page: #f3f4f6;
          --ok: #047857; --ok-bg: #ecfdf5; --warning: #b45309; --warning-bg: #fffbeb; --alert: #b91c1c; --alert-bg: #fef2f2; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--fg);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 24px 48px; }
        header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
        h1 { font-size: 26px; margin: 0; }
        .sub { color: var(--muted); margin: 4px 0 0; flex-basis: 100%; }
        section { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 18px 0; }
        h2 { font-size: 18px; margin: 0 0 12px; }
        h3 { font-size: 15px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
        p { margin: 6px 0; }
        .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 12px 32px; align-items: start; }
        @media (max-width: 800px) { .grid { grid-template-columns: 1fr; } }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
        tbody th { font-weight: 500; white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        .grid td.num { white-space: normal; }
        .muted { color: var(--muted); }
        ul.verdicts { list-style: none; padding: 0; margin: 0; }
        ul.verdicts li { display: flex; align-items: baseline; padding: 8px 12px; margin: 6px 0; border-left: 4px solid; border-radius: 6px; }
        .badge { display: inline-block; flex: none; min-width: 76px; margin-right: 8px; font-size: 12px; font-weight: 700;
          letter-spacing: .05em; text-transform: uppercase; }
        .ok { background: var(--ok-bg); border-color: var(--ok); } .ok .badge, .badge.ok { color: var(--ok); }
        .warning { background: var(--warning-bg); border-color: var(--warning); } .warning .badge, .badge.warning { color: var(--warning); }
        .alert { background: var(--alert-bg); border-color: var(--alert); } .alert .badge, .badge.alert { color: var(--alert); }
        header .badge { padding: 3px 10px; border-radius: 999px; border: 1px solid; min-width: 0; }
        figure { margin: 0 0 16px; overflow-x: auto; }
        figure:last-child { margin-bottom: 0; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; }
        footer { color: var(--muted); font-size: 13px; text-align: center; }
        """;
}
