// Calendar features of every point (UTC hour of day, weekday, day index, day of year) without Date objects.
const HOUR_MS = 3_600_000;

export interface Clock {
  n: number;
  stepHours: number;
  /** Fractional UTC hour of day of each point, [0, 24). */
  hour: Float64Array;
  /** 0 = Monday … 6 = Sunday. */
  weekday: Uint8Array;
  /** Day number since the first point's day: indexes per-day random factors. */
  day: Uint32Array;
  /** Fractional day of year, [0, 365.25): drives annual cycles. */
  dayOfYear: Float64Array;
  days: number;
}

export function makeClock(startIso: string, n: number, stepHours: number): Clock {
  const startMs = Date.parse(startIso);
  const h0 = startMs / HOUR_MS;
  const firstDay = Math.floor(h0 / 24);
  const yearStart = Date.UTC(new Date(startMs).getUTCFullYear(), 0, 1) / HOUR_MS / 24;
  const hour = new Float64Array(n);
  const weekday = new Uint8Array(n);
  const day = new Uint32Array(n);
  const dayOfYear = new Float64Array(n);
  let days = 0;
  for (let i = 0; i < n; i++) {
    const h = h0 + i * stepHours;
    const d = Math.floor(h / 24);
    hour[i] = h - d * 24;
    // 1970-01-01 was a Thursday: (d + 3) mod 7 puts Monday at 0.
    weekday[i] = (((d + 3) % 7) + 7) % 7;
    day[i] = d - firstDay;
    dayOfYear[i] = (h / 24 - yearStart) % 365.25;
    days = d - firstDay + 1;
  }
  return { n, stepHours, hour, weekday, day, dayOfYear, days };
}
