// Small SVG charts (no chart library): horizontal bars and a two-series daily chart. Each chart is
// an image with a text alternative; the figures are also printed next to the bars.
import { currentLang, t } from "../i18n.js";

/** A day on the axis: "11-04" in English as before, "04/11" (day first) in French. */
const tick = (iso: string) =>
  currentLang() === "fr" ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}` : iso.slice(5);

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly display: string;
  readonly tone?: "a" | "b" | "c";
}

export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const rowH = 28;
  // Room for the longest label (12 px text, about 6.8 px a character): French names run longer.
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  const labelW = Math.round(Math.min(240, Math.max(140, longest * 6.8 + 8)));
  const width = 520;
  const barW = width - labelW - (labelW > 140 ? 130 : 180);
  const height = Math.max(1, bars.length) * rowH + 8;
  const alt = `${title}: ${bars.map((b) => `${b.label} ${b.display}`).join(", ") || t("no data")}`;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={alt}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{alt}</title>
        {bars.length === 0 && (
          <text x={0} y={18} className="chart__empty">
            {t("No data for this period")}
          </text>
        )}
        {bars.map((b, i) => {
          const y = i * rowH + 4;
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barW);
          return (
            <g key={b.label}>
              <text x={0} y={y + 17} className="chart__label">
                {b.label}
              </text>
              <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="chart__track" rx={3} />
              <rect
                x={labelW}
                y={y + 4}
                width={w}
                height={rowH - 10}
                className={`chart__bar chart__bar--${b.tone ?? "a"}`}
                rx={3}
              />
              <text x={labelW + barW + 8} y={y + 17} className="chart__value">
                {b.display}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function DailyChart({
  days,
}: {
  days: readonly { date: string; conversations: number; promises: number }[];
}) {
  const width = 560;
  const height = 180;
  const pad = { l: 32, r: 8, t: 10, b: 24 };
  const top = Math.max(1, ...days.map((d) => Math.max(d.conversations, d.promises)));
  const step = days.length > 0 ? (width - pad.l - pad.r) / days.length : 0;
  const y = (v: number) => pad.t + (height - pad.t - pad.b) * (1 - v / top);
  const alt = t(
    "Conversations and promises per day, {from} to {to}: {conversations} conversations, {promises} promises",
    {
      from: days[0]?.date ?? "",
      to: days.at(-1)?.date ?? "",
      conversations: days.reduce((s, d) => s + d.conversations, 0),
      promises: days.reduce((s, d) => s + d.promises, 0),
    },
  );
  const line = days.map((d, i) => `${pad.l + step * i + step / 2},${y(d.promises)}`).join(" ");
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  return (
    <figure className="chart">
      <figcaption>
        {t("Per day:")} <span className="key key--a">{t("conversations")}</span>{" "}
        <span className="key key--b">{t("promises")}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={alt} width="100%">
        <title>{alt}</title>
        <line x1={pad.l} x2={width - pad.r} y1={y(0)} y2={y(0)} className="chart__axis" />
        <text x={pad.l - 6} y={y(top) + 4} className="chart__tick" textAnchor="end">
          {top}
        </text>
        <text x={pad.l - 6} y={y(0)} className="chart__tick" textAnchor="end">
          0
        </text>
        {days.map((d, i) => (
          <g key={d.date}>
            <rect
              x={pad.l + step * i + step * 0.15}
              y={y(d.conversations)}
              width={Math.max(1, step * 0.7)}
              height={y(0) - y(d.conversations)}
              className="chart__bar chart__bar--a"
            />
            {i % labelEvery === 0 && (
              <text
                x={pad.l + step * i + step / 2}
                y={height - 6}
                className="chart__tick"
                textAnchor="middle"
              >
                {tick(d.date)}
              </text>
            )}
          </g>
        ))}
        {days.length > 1 && <polyline points={line} className="chart__line" fill="none" />}
      </svg>
    </figure>
  );
}
