const pad = (value: number) => String(value).padStart(2, '0');

/** YYYY-MM-DD HH:MM:SS in the viewer's time zone. */
export function formatLocalDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** HH:MM:SS in the viewer's time zone. */
export function formatLocalTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The platforms report Unix seconds. */
export function formatUnixSeconds(seconds: number): string {
  return formatLocalDateTime(new Date(seconds * 1000));
}

/** An ISO string from the inspector, or "unknown" when there is none or it does not parse. */
export function formatIso(iso: string | null): string {
  return iso === null ? 'unknown' : formatLocalDateTime(new Date(iso));
}
