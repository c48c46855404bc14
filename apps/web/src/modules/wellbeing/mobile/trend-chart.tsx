import { useTranslation } from 'react-i18next';
import { shortDay } from '../format';

const W = 320;
const H = 160;
const PAD = { left: 30, right: 12, top: 12, bottom: 26 };

/**
 * The standard score over time as a small line chart, oldest on the left, with the band
 * boundaries as dashed lines. Plain SVG: phones load no chart library.
 */
export function TrendChart({
  points,
  min,
  max,
  cuts,
}: {
  /** Oldest first. */
  points: { id: number; takenAt: string; value: number }[];
  min: number;
  max: number;
  /** Where a band starts (its lowest standard score), with its label. */
  cuts: { value: number; label: string }[];
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const lang = i18n.language;
  const span = max - min || 1;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - ((Math.min(max, Math.max(min, v)) - min) / span) * innerH;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary = t('history.chartSummary', {
    count: points.length,
    first: first?.value ?? '',
    last: last?.value ?? '',
  });
  return (
    <svg
      className="m-wb-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={summary}
      data-testid="trend-chart"
      preserveAspectRatio="xMidYMid meet"
    >
      <title>{summary}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(min)} y2={y(min)} className="m-wb-chart-axis" />
      <text x={PAD.left - 6} y={y(min) + 4} className="m-wb-chart-tick" textAnchor="end">
        {min}
      </text>
      <text x={PAD.left - 6} y={y(max) + 4} className="m-wb-chart-tick" textAnchor="end">
        {max}
      </text>
      {cuts
        .filter((c) => c.value > min && c.value < max)
        .map((c) => (
          <g key={c.value}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(c.value)}
              y2={y(c.value)}
              className="m-wb-chart-cut"
            />
            <text x={PAD.left - 6} y={y(c.value) + 4} className="m-wb-chart-tick" textAnchor="end">
              {c.value}
            </text>
          </g>
        ))}
      <path d={line} className="m-wb-chart-line" />
      {points.map((p, i) => (
        <circle key={p.id} cx={x(i)} cy={y(p.value)} r={3.5} className="m-wb-chart-dot" />
      ))}
      {first && (
        <text
          x={x(0)}
          y={H - 8}
          className="m-wb-chart-tick"
          textAnchor={points.length === 1 ? 'middle' : 'start'}
        >
          {shortDay(first.takenAt, lang)}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={x(points.length - 1)} y={H - 8} className="m-wb-chart-tick" textAnchor="end">
          {shortDay(last.takenAt, lang)}
        </text>
      )}
    </svg>
  );
}
