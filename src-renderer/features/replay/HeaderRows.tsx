import { KeyValueRows } from '../../components/KeyValueRows';
import type { HeaderRow } from './replayForm';

interface HeaderRowsProps {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  invalid: boolean;
  describedBy: string;
}

/** Extra headers as name/value rows: added and overridden on every replayed request. */
export function HeaderRows({ rows, onChange, invalid, describedBy }: HeaderRowsProps) {
  return (
    <KeyValueRows
      rows={rows.map((row) => ({ rowKey: row.key, name: row.name, value: row.value }))}
      noun="header"
      placeholders={{ name: 'Name', value: 'Value' }}
      testIds={{
        row: 'replay-header-row',
        name: 'replay-header-name',
        value: 'replay-header-value',
        add: 'replay-header-add',
      }}
      classNames={{ list: 'header-rows', row: 'header-row' }}
      listProblemId={invalid ? describedBy : undefined}
      onChange={(key, field, text) =>
        onChange(rows.map((row) => (row.key === key ? { ...row, [field]: text } : row)))
      }
      onRemove={(key) => onChange(rows.filter((row) => row.key !== key))}
      onAdd={() =>
        onChange([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, name: '', value: '' }])
      }
    />
  );
}
