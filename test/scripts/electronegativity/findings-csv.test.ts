import { EOL } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseFindingsCsv } from '../../../scripts/electronegativity/findings-csv';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

// Rows as Electronegativity 1.10 writes them (its escaping: quoted, quotes doubled, N/A for no sample).
const GLOBAL_ROW =
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK';
const FILE_ROW =
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","/app/out/main/main.js","71:3","preload: join(import.meta.dirname, ""../preload/preload.cjs""),","Review the use of preload scripts",https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK';

describe('parseFindingsCsv', () => {
  it('reads global and per-file findings, with commas and doubled quotes in fields', () => {
    expect(parseFindingsCsv([HEADER, GLOBAL_ROW, FILE_ROW, ''].join(EOL))).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'MEDIUM',
        confidence: 'CERTAIN',
        file: 'N/A',
        location: '0:0',
        sample: 'N/A',
        description: 'No CSP has been detected in the target application',
      },
      {
        check: 'PRELOAD_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: '/app/out/main/main.js',
        location: '71:3',
        sample: 'preload: join(import.meta.dirname, "../preload/preload.cjs"),',
        description: 'Review the use of preload scripts',
      },
    ]);
  });

  it('reads CRLF line ends and a last line without one', () => {
    expect(parseFindingsCsv(`${HEADER}\r\n${GLOBAL_ROW}\r\n${FILE_ROW}`)).toHaveLength(2);
  });

  it('reads a quoted field that spans lines', () => {
    const row = GLOBAL_ROW.replace('"No CSP has been', '"No CSP\nhas been');
    expect(parseFindingsCsv(`${HEADER}\n${row}\n`)[0]?.description).toBe(
      'No CSP\nhas been detected in the target application',
    );
  });

  it('reads a report with no findings as none', () => {
    expect(parseFindingsCsv(`${HEADER}\n`)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a file without the header', `${GLOBAL_ROW}\n`],
    ['rows before the header (the tool wrote them out of order)', `${GLOBAL_ROW}\n${HEADER}\n`],
    ['a row cut short', `${HEADER}\n${FILE_ROW.slice(0, 60)}`],
    ['a row with a field missing', `${HEADER}\n${GLOBAL_ROW.replace(',"CERTAIN"', '')}\n`],
    ['a blank line among rows', `${HEADER}\n\n${GLOBAL_ROW}\n`],
    ['an unknown severity', `${HEADER}\n${GLOBAL_ROW.replace('"MEDIUM"', '"SEVERE"')}\n`],
    ['a garbled check id', `${HEADER}\nissue, sev${GLOBAL_ROW}\n`],
  ])('refuses %s rather than report no findings', (_label, text) => {
    expect(() => parseFindingsCsv(text)).toThrow();
  });
});
