const UNITS: Array<[number, string]> = [
  [365 * 24 * 3600, 'year'],
  [24 * 3600, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** "7 days", "1 hour", "90 seconds": the largest unit that divides it; "never" for null. */
export function formatExpiry(seconds: number | null): string {
  if (seconds === null) return 'never';
  const [size, unit] = UNITS.find(([n]) => seconds % n === 0) ?? [1, 'second'];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The choices offered for the default, and the current value when it is none of them. */
export function expiryChoices(current: number | null): Array<number | null> {
  const choices: Array<number | null> = [
    3600,
    24 * 3600,
    7 * 24 * 3600,
    30 * 24 * 3600,
    365 * 24 * 3600,
    null,
  ];
  return choices.includes(current) ? choices : [current, ...choices];
}
