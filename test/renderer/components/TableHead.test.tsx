import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TableHead } from '../../../src-renderer/components/TableHead';

afterEach(cleanup);

describe('TableHead', () => {
  it('names each column, and the actions column for screen readers only', () => {
    render(
      <table>
        <TableHead columns={['Name', 'Role']} actions />
      </table>,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual(['Name', 'Role', 'Actions']);
    expect(within(headers[2] as HTMLElement).getByText('Actions').className).toBe('visually-hidden');
  });

  it('has no actions column unless asked', () => {
    render(
      <table>
        <TableHead columns={['When', 'Who']} />
      </table>,
    );
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['When', 'Who']);
  });
});
