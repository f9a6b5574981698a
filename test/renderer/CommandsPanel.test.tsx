import type { Command } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandsPanel } from '../../src-renderer/features/commands/CommandsPanel';
import { NEW_COMMAND_BODY } from '../../src-renderer/features/commands/store';
import { createFakeClient, refuse, settle } from './support/fakeClient';
import { makeCommand } from './support/links';
import { renderWithStores } from './support/render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A fake command store on the server side: save creates or replaces, delete removes. */
function commandsServer(initial: Command[] = [makeCommand('syncGameData'), makeCommand('hello')]) {
  const commands = new Map(initial.map((command) => [command.name, command]));
  const fake = createFakeClient({
    'commands.list': () => ({ items: [...commands.values()] }),
    'commands.save': ({ name, body }) => {
      const saved = { name, body, updatedAt: '2024-01-02T00:00:00.000Z' };
      commands.set(name, saved);
      return saved;
    },
    'commands.delete': ({ name }) => {
      commands.delete(name);
      return { deleted: true as const };
    },
  });
  return { fake, commands };
}

async function setup(server = commandsServer()) {
  const view = renderWithStores(server.fake.client, () => <CommandsPanel />);
  await act(settle);
  return { ...server, ...view };
}

const listed = () => screen.queryAllByTestId('command-item').map((item) => item.dataset.name);
const nameInput = () => screen.getByTestId('command-name') as HTMLInputElement;
const bodyInput = () => screen.getByTestId('command-body') as HTMLTextAreaElement;

describe('Commands panel', () => {
  it('lists the commands by name and opens one in the editor', async () => {
    await setup();
    expect(screen.getByTestId('commands-panel')).toBeTruthy();
    expect(listed()).toEqual(['hello', 'syncGameData']);
    // A new command to start with, with a working example body.
    expect(nameInput().value).toBe('');
    expect(bodyInput().value).toBe(NEW_COMMAND_BODY);

    fireEvent.click(screen.getAllByTestId('command-item')[1] as HTMLElement);
    expect(nameInput().value).toBe('syncGameData');
    expect(bodyInput().value).toBe("res.json({ command: 'syncGameData' });");
    expect(screen.getAllByTestId('command-item')[1]?.getAttribute('aria-current')).toBe('true');
  });

  it('lists what a command can use', async () => {
    await setup();
    const help = screen.getByTestId('command-help').textContent ?? '';
    for (const name of ['user', 'chat', 'options', 'params', 'request', 'res.redirect', 'Api.sendMessage']) {
      expect(help).toContain(name);
    }
    expect(help).toContain('{"status":"success"}');
  });

  it('saves a new command with commands.save, and lists it', async () => {
    const { fake } = await setup();
    fireEvent.change(nameInput(), { target: { value: 'greet' } });
    fireEvent.change(bodyInput(), { target: { value: "res.text('hi');" } });
    fireEvent.click(screen.getByTestId('command-save'));
    await act(settle);
    expect(fake.calls('commands.save').map((call) => call.input)).toEqual([
      { name: 'greet', body: "res.text('hi');" },
    ]);
    expect(listed()).toEqual(['greet', 'hello', 'syncGameData']);
    expect(screen.getAllByTestId('command-item')[0]?.getAttribute('aria-current')).toBe('true');
    // Ctrl+S saves from the editor too.
    fireEvent.change(bodyInput(), { target: { value: "res.text('hello');" } });
    fireEvent.keyDown(bodyInput(), { key: 's', ctrlKey: true });
    await act(settle);
    expect(fake.calls('commands.save').at(-1)?.input).toEqual({ name: 'greet', body: "res.text('hello');" });
  });

  it('refuses a bad name before any call, with the rule next to the field', async () => {
    const { fake } = await setup();
    fireEvent.change(nameInput(), { target: { value: '1st' } });
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Start with a letter or "_", not “1”.')).toBeTruthy();
    expect((screen.getByTestId('command-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.submit(nameInput());
    await act(settle);
    expect(fake.calls('commands.save')).toHaveLength(0);
    expect(screen.getByTestId('command-error').textContent).toBe('Start with a letter or "_", not “1”.');
  });

  it("shows the server's refusal next to the form", async () => {
    const server = commandsServer();
    server.fake.handlers['commands.save'] = refuse('bad-input', 'The body is not valid JavaScript: line 1');
    await setup(server);
    fireEvent.change(nameInput(), { target: { value: 'broken' } });
    fireEvent.change(bodyInput(), { target: { value: 'res.json(' } });
    fireEvent.click(screen.getByTestId('command-save'));
    await act(settle);
    expect(screen.getByTestId('command-error').textContent).toBe('The body is not valid JavaScript: line 1');
    expect(listed()).toEqual(['hello', 'syncGameData']);
    // The text stays, to be fixed.
    expect(bodyInput().value).toBe('res.json(');
  });

  it('deletes the open command after a confirmation', async () => {
    const { fake } = await setup();
    fireEvent.click(screen.getAllByTestId('command-item')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('command-delete'));
    expect(fake.calls('commands.delete')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('command-delete-confirm'));
    await act(settle);
    expect(fake.calls('commands.delete').map((call) => call.input)).toEqual([{ name: 'hello' }]);
    expect(listed()).toEqual(['syncGameData']);
    expect(nameInput().value).toBe('');
  });

  it('shows a refused delete and keeps the command', async () => {
    const server = commandsServer();
    server.fake.handlers['commands.delete'] = refuse('conflict', 'A running link uses "hello".');
    await setup(server);
    fireEvent.click(screen.getAllByTestId('command-item')[0] as HTMLElement);
    fireEvent.click(screen.getByTestId('command-delete'));
    fireEvent.click(screen.getByTestId('command-delete-confirm'));
    await act(settle);
    expect(screen.getByTestId('command-error').textContent).toBe('A running link uses "hello".');
    expect(listed()).toEqual(['hello', 'syncGameData']);
    expect(nameInput().value).toBe('hello');
  });

  it('reads the list again on commands.changed, and shows a failed read with a retry', async () => {
    const server = commandsServer();
    const { fake, commands } = await setup(server);
    commands.set('fromCli', makeCommand('fromCli'));
    act(() => fake.emit('commands.changed', {}));
    await act(settle);
    expect(listed()).toEqual(['fromCli', 'hello', 'syncGameData']);

    fake.handlers['commands.list'] = refuse('unknown-method', 'No method commands.list');
    act(() => fake.emit('commands.changed', {}));
    await act(settle);
    expect(screen.getByTestId('commands-load-error').textContent).toContain('No method commands.list');
    fake.handlers['commands.list'] = () => ({ items: [...commands.values()] });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await act(settle);
    expect(screen.queryByTestId('commands-load-error')).toBeNull();
  });

  it('New asks before discarding unsaved edits', async () => {
    await setup();
    fireEvent.click(screen.getAllByTestId('command-item')[0] as HTMLElement);
    fireEvent.change(bodyInput(), { target: { value: 'edited' } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByTestId('command-new'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(bodyInput().value).toBe('edited');
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByTestId('command-new'));
    expect(nameInput().value).toBe('');
    expect(bodyInput().value).toBe(NEW_COMMAND_BODY);
  });

  it('indents with Tab in the code editor', async () => {
    await setup();
    fireEvent.change(bodyInput(), { target: { value: 'a\nb' } });
    bodyInput().setSelectionRange(0, 3);
    fireEvent.keyDown(bodyInput(), { key: 'Tab' });
    expect(bodyInput().value).toBe('  a\n  b');
    expect([bodyInput().selectionStart, bodyInput().selectionEnd]).toEqual([2, 7]);
    fireEvent.keyDown(bodyInput(), { key: 'Tab', shiftKey: true });
    expect(bodyInput().value).toBe('a\nb');
    // Escape hands Tab back to the page.
    fireEvent.keyDown(bodyInput(), { key: 'Escape' });
    fireEvent.keyDown(bodyInput(), { key: 'Tab' });
    expect(bodyInput().value).toBe('a\nb');
  });
});
