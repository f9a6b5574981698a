/** Electronegativity's severities, weakest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];
const CONFIDENCES = ['TENTATIVE', 'FIRM', 'CERTAIN'] as const;

/** One row of the tool's CSV report. */
export interface Finding {
  check: string;
  severity: Severity;
  confidence: (typeof CONFIDENCES)[number];
  /** As the tool wrote it: an absolute path, or `N/A` for a global check. */
  file: string;
  /** `line:column`. */
  location: string;
  sample: string;
  description: string;
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/**
 * Reads the CSV `electronegativity -o report.csv` writes. Anything not in that
 * shape is an error, never an empty report: a half-written or garbled file
 * must fail the check, not pass it.
 */
export function parseFindingsCsv(text: string): Finding[] {
  const [header, ...rows] = csvRecords(text);
  if (header === undefined || header.map((name) => name.trim()).join() !== HEADER.join()) {
    throw new Error(`Not an Electronegativity CSV report: the first line is not "${HEADER.join(', ')}".`);
  }
  return rows.map((fields, index) => toFinding(fields, index + 2));
}

function toFinding(fields: string[], line: number): Finding {
  const [check, severity, confidence, file, location, sample, description] = fields;
  if (fields.length !== HEADER.length || check === undefined || !/^[A-Z0-9_]+$/.test(check)) {
    throw new Error(`Report line ${line} is not a finding: ${JSON.stringify(fields)}.`);
  }
  if (!isOneOf(SEVERITIES, severity) || !isOneOf(CONFIDENCES, confidence)) {
    throw new Error(`Report line ${line} has an unknown severity or confidence: ${severity}, ${confidence}.`);
  }
  return {
    check,
    severity,
    confidence,
    file: file ?? '',
    location: location ?? '',
    sample: sample ?? '',
    description: description ?? '',
  };
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return (values as readonly string[]).includes(value ?? '');
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      endField();
      records.push(fields);
      fields = [];
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else field += char;
    i += 1;
  }
  if (quoted) throw new Error('The report ends inside a quoted field: it was cut short.');
  if (field !== '' || fields.length > 0) {
    endField();
    records.push(fields);
  }
  return records;
}
