import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkbox } from '../../../src-renderer/components/Checkbox';
import { TextField } from '../../../src-renderer/components/Field';
import { FormFooter, SubmitButton } from '../../../src-renderer/components/FormFooter';
import { type KeyValueRow, KeyValueRows } from '../../../src-renderer/components/KeyValueRows';

afterEach(cleanup);

function Rows({ problemOnFirst = false }: { problemOnFirst?: boolean }) {
  const [rows, setRows] = useState<KeyValueRow<number>[]>([{ rowKey: 1, name: 'a', value: '1' }]);
  const shown = rows.map((row, index) =>
    problemOnFirst && index === 0
      ? { ...row, problem: { id: 'p-1', message: 'Needs a name.', testId: 'kv-problem' } }
      : row,
  );
  return (
    <KeyValueRows
      rows={shown}
      noun="header"
      placeholders={{ name: 'Name', value: 'Value' }}
      testIds={{ row: 'kv-row', name: 'kv-name', value: 'kv-value', add: 'kv-add' }}
      classNames={{ list: 'header-rows', row: 'header-row' }}
      empty={<span>None yet.</span>}
      onChange={(key, field, text) =>
        setRows(rows.map((row) => (row.rowKey === key ? { ...row, [field]: text } : row)))
      }
      onRemove={(key) => setRows(rows.filter((row) => row.rowKey !== key))}
      onAdd={() => setRows([...rows, { rowKey: rows.length + 10, name: '', value: '' }])}
    />
  );
}

describe('shared form parts', () => {
  it('labels a text field and points it at its problem line only while there is one', () => {
    const { rerender } = render(
      <TextField
        label="Target URL"
        testId="t"
        value=""
        onValue={() => {}}
        problem={{ id: 'e', message: undefined }}
      />,
    );
    const input = screen.getByLabelText('Target URL');
    expect(input).toBe(screen.getByTestId('t'));
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.getAttribute('autocomplete')).toBe('off');
    rerender(
      <TextField
        label="Target URL"
        testId="t"
        value=""
        onValue={() => {}}
        problem={{ id: 'e', message: 'Not a URL.', testId: 't-error' }}
      />,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('e');
    expect(screen.getByTestId('t-error').id).toBe('e');
    expect(screen.getByTestId('t-error').textContent).toBe('Not a URL.');
  });

  it('leaves a number input the browser’s spell check and autofill', () => {
    render(<TextField label="Concurrency" type="number" testId="n" value="4" onValue={() => {}} />);
    const input = screen.getByTestId('n');
    expect(input.hasAttribute('spellcheck')).toBe(false);
    expect(input.hasAttribute('autocomplete')).toBe(false);
  });

  it('edits, adds and removes key/value rows by their numbered labels', () => {
    render(<Rows />);
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: '2' } });
    expect((screen.getByTestId('kv-value') as HTMLInputElement).value).toBe('2');
    fireEvent.click(screen.getByText('Add header'));
    expect(screen.getAllByTestId('kv-row')).toHaveLength(2);
    expect(screen.getByLabelText('Header 2 name')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove header 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove header 1' }));
    expect(screen.queryAllByTestId('kv-row')).toHaveLength(0);
    expect(screen.getByText('None yet.')).toBeTruthy();
  });

  it('says a row’s problem at its end, and marks that row’s name', () => {
    render(<Rows problemOnFirst />);
    const name = screen.getByLabelText('Header 1 name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('p-1');
    expect(screen.getByTestId('kv-problem').textContent).toBe('Needs a name.');
  });

  it('puts the form’s error above its buttons, or below them when asked, and gates submit by role', () => {
    const { container, rerender } = render(
      <form>
        <FormFooter error={{ error: 'Refused.', testId: 'f-error' }}>
          <SubmitButton testId="go" allowed={{ allowed: false, reason: 'Viewers cannot.' }}>
            Go
          </SubmitButton>
        </FormFooter>
      </form>,
    );
    const order = () => [...(container.querySelector('form')?.children ?? [])].map((child) => child.tagName);
    expect(order()).toEqual(['P', 'DIV']);
    expect(screen.getByRole('alert').textContent).toBe('Refused.');
    const go = screen.getByTestId('go') as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    expect(go.title).toBe('Viewers cannot.');
    rerender(
      <form>
        <FormFooter error={{ error: 'Refused.', testId: 'f-error' }} errorBelow>
          <SubmitButton testId="go">Go</SubmitButton>
        </FormFooter>
      </form>,
    );
    expect(order()).toEqual(['DIV', 'P']);
    expect((screen.getByTestId('go') as HTMLButtonElement).disabled).toBe(false);
  });

  it('toggles a checkbox from its words', () => {
    function Box() {
      const [on, setOn] = useState(false);
      return (
        <Checkbox testId="c" checked={on} onChecked={setOn}>
          Renumber update_id
        </Checkbox>
      );
    }
    render(<Box />);
    fireEvent.click(screen.getByText('Renumber update_id'));
    expect((screen.getByTestId('c') as HTMLInputElement).checked).toBe(true);
  });
});
