import { ContractError, type Person } from '@contract';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeoplePanel } from '../../../src-renderer/features/people/PeoplePanel';
import { change } from '../support/app';
import { createFakeClient, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';
import { makePerson, teamWhoami } from '../support/team';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = 'bwi_person_token_shown_once_0123456789';

/** The server's people: add gives a token once, revoke stamps revokedAt. */
function peopleServer() {
  const people: Person[] = [makePerson(1, { name: 'Root', role: 'admin' }), makePerson(2, { name: 'Vi' })];
  const fake = createFakeClient({
    'people.list': () => ({ items: [...people] }),
    'people.add': ({ name, role }) => {
      const person = makePerson(people.length + 1, { name, role });
      people.push(person);
      return { person, token: TOKEN };
    },
    'people.revoke': ({ id }) => {
      const index = people.findIndex((person) => person.id === id);
      const revoked = { ...(people[index] as Person), revokedAt: '2026-03-01T00:00:00.000Z' };
      people[index] = revoked;
      return revoked;
    },
  });
  return { fake, people };
}

async function setup(server = peopleServer()) {
  const view = renderWithStores(server.fake.client, () => <PeoplePanel />);
  act(() => view.stores.app.setState({ whoami: teamWhoami('admin') }));
  await act(settle);
  return { ...server, ...view };
}

const personRow = (name: string) => {
  const found = screen.getAllByTestId('person-row').find((row) => row.textContent?.includes(name));
  if (found === undefined) throw new Error(`No row for ${name}`);
  return found;
};

describe('People panel', () => {
  it('lists people with their role and whether their token still works', async () => {
    await setup();
    expect(screen.getAllByTestId('person-row').map((row) => row.dataset.id)).toEqual(['1', '2']);
    expect(personRow('Vi').textContent).toContain('viewer');
    expect(personRow('Vi').textContent).toContain('active');
  });

  it('adds a person and shows the token once, with a copy button and a warning', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { fake } = await setup();
    change('person-name', ' Ops ');
    change('person-role', 'operator');
    fireEvent.click(screen.getByTestId('person-add'));
    await act(settle);
    expect(fake.calls('people.add')[0]?.input).toEqual({ name: 'Ops', role: 'operator' });
    const shown = screen.getByTestId('person-token');
    expect(shown.textContent).toMatch(/Copy Ops's token now: it is not shown again/);
    expect(screen.getByTestId('person-token-value').textContent).toBe(TOKEN);
    fireEvent.click(screen.getByTestId('person-token-copy'));
    await act(settle);
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    expect(personRow('Ops').textContent).toContain('operator');

    fireEvent.click(screen.getByTestId('person-token-done'));
    expect(screen.queryByTestId('person-token')).toBeNull();
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('forgets the token when the panel closes', async () => {
    const { stores, unmount } = await setup();
    change('person-name', 'Ops');
    fireEvent.click(screen.getByTestId('person-add'));
    await act(settle);
    expect(stores.people.getState().created?.token).toBe(TOKEN);
    unmount();
    expect(stores.people.getState().created).toBeNull();
  });

  it('revokes in two steps', async () => {
    const { fake } = await setup();
    fireEvent.click(within(personRow('Vi')).getByTestId('person-revoke'));
    expect(personRow('Vi').textContent).toContain("Revoke Vi's token? Their open sessions end now.");
    expect(fake.calls('people.revoke')).toEqual([]);
    fireEvent.click(within(personRow('Vi')).getByTestId('person-revoke-confirm'));
    await act(settle);
    expect(fake.calls('people.revoke')[0]?.input).toEqual({ id: 2 });
    expect(personRow('Vi').textContent).toMatch(/revoked/);
    expect(within(personRow('Vi')).queryByTestId('person-revoke')).toBeNull();
  });

  it("shows the server's refusal where the call was made", async () => {
    const server = peopleServer();
    server.fake.handlers['people.add'] = () => {
      throw new ContractError('conflict', 'There is already a person named Vi.');
    };
    await setup(server);
    change('person-name', 'Vi');
    fireEvent.click(screen.getByTestId('person-add'));
    await act(settle);
    expect(screen.getByTestId('person-add-error').textContent).toBe('There is already a person named Vi.');
    expect(screen.queryByTestId('person-token')).toBeNull();
  });
});
