import { diagnosticCount, forceLinting } from '@codemirror/lint';
import type { Command } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandsPanel } from '../../../src-renderer/features/commands/CommandsPanel';
import { NEW_COMMAND_BODY } from '../../../src-renderer/features/commands/store';
import { editorRoot, editorView, installCodeMirrorStubs, replaceText } from '../support/codemirror';
import { createFakeClient, refuse, settle } from '../support/fakeClient';
import { makeCommand } from '../support/links';
import { renderWithStores } from '../support/render';

installCodeMirrorStubs();
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
const body = () => editorView('command-body-editor');
const bodyText = () => body().state.doc.toString();
/** Where keys go: CodeMirror's editable content. */
const bodyContent = () => body().contentDOM;

describe('Commands panel', () => {
  it('lists the commands by name and opens one in the editor', async () => {
    await setup();
    expect(screen.getByTestId('commands-panel')).toBeTruthy();
    expect(listed()).toEqual(['hello', 'syncGameData']);
    // A new command to start with, with a working example body.
    expect(nameInput().value).toBe('');
    expect(bodyText()).toBe(NEW_COMMAND_BODY);

    fireEvent.click(screen.getAllByTestId('command-item')[1] as HTMLElement);
    expect(nameInput().value).toBe('syncGameData');
    expect(bodyText()).toBe("res.json({ command: 'syncGameData' });");
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
    replaceText(body(), "res.text('hi');");
    fireEvent.click(screen.getByTestId('command-save'));
    await act(settle);
    expect(fake.calls('commands.save').map((call) => call.input)).toEqual([
      { name: 'greet', body: "res.text('hi');" },
    ]);
    expect(listed()).toEqual(['greet', 'hello', 'syncGameData']);
    expect(screen.getAllByTestId('command-item')[0]?.getAttribute('aria-current')).toBe('true');
    // Ctrl+S saves from the editor too.
    replaceText(body(), "res.text('hello');");
    fireEvent.keyDown(bodyContent(), { key: 's', ctrlKey: true });
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
    replaceText(body(), 'res.json(');
    fireEvent.click(screen.getByTestId('command-save'));
    await act(settle);
    expect(screen.getByTestId('command-error').textContent).toBe('The body is not valid JavaScript: line 1');
    expect(listed()).toEqual(['hello', 'syncGameData']);
    // The text stays, to be fixed.
    expect(bodyText()).toBe('res.json(');
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
    replaceText(body(), 'edited');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByTestId('command-new'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(bodyText()).toBe('edited');
    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByTestId('command-new'));
    expect(nameInput().value).toBe('');
    expect(bodyText()).toBe(NEW_COMMAND_BODY);
  });

  it('indents with Tab in the code editor, and Escape hands Tab back to the page', async () => {
    await setup();
    replaceText(body(), 'a\nb');
    act(() => body().dispatch({ selection: { anchor: 0, head: 3 } }));
    fireEvent.keyDown(bodyContent(), { key: 'Tab', keyCode: 9 });
    expect(bodyText()).toBe('  a\n  b');
    act(() => body().dispatch({ selection: { anchor: 0, head: body().state.doc.length } }));
    fireEvent.keyDown(bodyContent(), { key: 'Tab', keyCode: 9, shiftKey: true });
    expect(bodyText()).toBe('a\nb');
    // With a caret (Escape first collapses a selection), Escape makes the next Tab leave.
    act(() => body().dispatch({ selection: { anchor: 0 } }));
    fireEvent.keyDown(bodyContent(), { key: 'Escape', keyCode: 27 });
    fireEvent.keyDown(bodyContent(), { key: 'Tab', keyCode: 9 });
    expect(bodyText()).toBe('a\nb');
  });

  it('highlights JavaScript, numbers the lines and wraps long lines on request', async () => {
    await setup();
    replaceText(body(), "const greeting = 'hi';\nres.text(greeting);");
    const host = editorRoot('command-body-editor');
    const numbers = [...host.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].map((e) => e.textContent);
    expect(numbers).toContain('1');
    expect(numbers).toContain('2');
    // Tokens are wrapped in spans the highlight style colours: the keyword and the string at least.
    const tokens = [...host.querySelectorAll('.cm-line span')].map((e) => e.textContent);
    expect(tokens).toContain('const');
    expect(tokens).toContain("'hi'");
    expect(bodyContent().classList.contains('cm-lineWrapping')).toBe(false);
    fireEvent.click(screen.getByTestId('command-wrap'));
    expect(bodyContent().classList.contains('cm-lineWrapping')).toBe(true);
    // Rewrapping keeps the text and its undo history.
    expect(bodyText()).toBe("const greeting = 'hi';\nres.text(greeting);");
  });

  it('marks syntax errors in the text and clears them once fixed', async () => {
    await setup();
    replaceText(body(), 'res.json({ ok: true );');
    await act(async () => {
      forceLinting(body());
      await settle();
    });
    expect(diagnosticCount(body().state)).toBe(1);
    expect(editorRoot('command-body-editor').querySelector('.cm-lintRange-error')).not.toBeNull();
    replaceText(body(), 'res.json({ ok: true });');
    await act(async () => {
      forceLinting(body());
      await settle();
    });
    expect(diagnosticCount(body().state)).toBe(0);
  });

  it('runs the editor’s text with a sample user and shows the answer, the logs and what it would send', async () => {
    const server = commandsServer();
    server.fake.handlers['commands.tryRun'] = () => ({
      ok: true,
      reason: null,
      response: {
        status: 201,
        headers: [['Content-Type', 'application/json; charset=utf-8']],
        body: '{"ok":true}',
      },
      logs: ['opened by 42'],
      messages: [{ chatId: 42, text: 'You opened the link.', problem: null }],
      durationMs: 12,
    });
    await setup(server);
    replaceText(body(), "console.log('opened by', user.id); res.status(201).json({ ok: true });");
    fireEvent.change(screen.getByTestId('try-user'), { target: { value: '42' } });
    fireEvent.change(screen.getByTestId('try-options'), { target: { value: '{"level":3}' } });
    fireEvent.click(screen.getByTestId('try-run-button'));
    await act(settle);
    expect(server.fake.calls('commands.tryRun').map((call) => call.input)).toEqual([
      {
        body: "console.log('opened by', user.id); res.status(201).json({ ok: true });",
        userId: '42',
        options: '{"level":3}',
      },
    ]);
    // Nothing was saved.
    expect(server.fake.calls('commands.save')).toEqual([]);
    expect(screen.getByTestId('try-status').textContent).toBe('Answered 201');
    expect(screen.getByTestId('try-body').textContent).toBe('{"ok":true}');
    expect(screen.getByTestId('try-logs').textContent).toBe('opened by 42');
    expect(screen.getByTestId('try-messages').textContent).toContain('to chat 42: You opened the link.');
  });

  it('shows why a sample run failed: the command’s error, or the server’s refusal', async () => {
    const server = commandsServer();
    server.fake.handlers['commands.tryRun'] = () => ({
      ok: false,
      reason: 'ReferenceError: nope is not defined',
      response: null,
      logs: [],
      messages: [],
      durationMs: 3,
    });
    await setup(server);
    fireEvent.click(screen.getByTestId('try-run-button'));
    await act(settle);
    expect(screen.getByTestId('try-status').textContent).toBe('Failed: ReferenceError: nope is not defined');
    server.fake.handlers['commands.tryRun'] = refuse('bad-input', 'The options are not JSON text.');
    fireEvent.submit(screen.getByTestId('try-run'));
    await act(settle);
    expect(screen.getByTestId('try-error').textContent).toBe('The options are not JSON text.');
  });
});
